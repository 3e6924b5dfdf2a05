import type { LoadedDocument } from '../../language/workspace.js';
import { parseTransition } from '../../language/schemas/index.js';
import { closest } from '../../language/suggest.js';
import { defineRule, docsPath, type DocPath, type RuleReport } from '../rule.js';

type Pyramid = LoadedDocument<'Pyramid'>;

function statesOf(pyramid: Pyramid): Set<string> {
  return new Set([...pyramid.value.strata.map((s) => s.id), ...pyramid.value.exits.map((e) => e.id)]);
}

function definedTransitions(pyramid: Pyramid): string[] {
  return pyramid.value.transitions.map((t) => `${t.from}->${t.to}`);
}

/**
 * Checks that `key` (FROM->TO) is a transition of the pyramid. Unknown states are left to
 * stratum-exists. Returns a report, or undefined when the transition is defined.
 */
function undefinedTransition(pyramid: Pyramid, key: string, path: DocPath, atKey: boolean, onlyFrom?: string): RuleReport | undefined {
  const t = parseTransition(key);
  if (!t) return undefined;
  const states = statesOf(pyramid);
  if (!states.has(t.from) || !states.has(t.to)) return undefined;
  const defined = definedTransitions(pyramid);
  const written = `${t.from}->${t.to}`;
  if (defined.includes(written)) return undefined;
  if (t.from === t.to) {
    return { path, atKey, message: `${written} is not a transition: staying in ${t.from} is the remainder of its row`, hint: 'name a transition to another stratum or an exit' };
  }
  const out = defined.filter((d) => d.startsWith(`${t.from}->`));
  const match = closest(written, onlyFrom === undefined ? defined : defined.filter((d) => d.startsWith(`${onlyFrom}->`)));
  return {
    path,
    atKey,
    message: `the pyramid \`${pyramid.id}\` has no transition ${written}`,
    hint: match
      ? `did you mean \`${match}\`?`
      : out.length > 0
        ? `the transitions out of ${t.from} are ${out.join(', ')}; add ${written} to the pyramid first if it exists`
        : `the pyramid defines no transition out of ${t.from}; add ${written} to its \`transitions\` first`,
  };
}

/** Effects, territory multipliers and named events act on transitions the pyramid defines. */
export default defineRule<'Logigramme' | 'Territory' | 'Pyramid'>({
  meta: {
    id: 'effect-targets-transition',
    description: 'An effect (and a territory multiplier, a named event) names a FROM->TO transition that the pyramid defines, out of the logigramme\'s own stratum for an effect.',
    severity: 'error',
    kinds: ['Logigramme', 'Territory', 'Pyramid'],
    docs: docsPath('effect-targets-transition'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Logigramme') {
      const logigramme = document as LoadedDocument<'Logigramme'>;
      const pyramid = workspace.index.Pyramid.get(logigramme.value.pyramid);
      if (!pyramid) return;
      const stratum = logigramme.value.stratum;
      for (const [id, node] of Object.entries(logigramme.value.nodes)) {
        if (node.type !== 'action') continue;
        (node.effects ?? []).forEach((effect, i) => {
          const path = ['nodes', id, 'effects', i, 'transition'];
          const t = parseTransition(effect.transition);
          if (!t) return;
          const states = statesOf(pyramid);
          if (states.has(t.from) && states.has(stratum) && t.from !== stratum) {
            const out = definedTransitions(pyramid).filter((d) => d.startsWith(`${stratum}->`));
            report({
              path,
              message: `this effect changes ${t.from}->${t.to}, but the logigramme serves ${stratum}: the people here leave ${stratum}, never ${t.from}`,
              hint: out.length > 0 ? `an effect here acts on a transition out of ${stratum}: ${out.join(', ')}` : `the pyramid defines no transition out of ${stratum}`,
            });
            return;
          }
          const problem = undefinedTransition(pyramid, effect.transition, path, false, stratum);
          if (problem) report(problem);
        });
      }
      return;
    }
    if (document.kind === 'Territory') {
      const territory = document as LoadedDocument<'Territory'>;
      for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
        const pyramid = workspace.index.Pyramid.get(pyramidId);
        if (!pyramid) continue;
        for (const key of Object.keys(entry.multipliers ?? {})) {
          const problem = undefinedTransition(pyramid, key, ['pyramids', pyramidId, 'multipliers', key], true);
          if (problem) report(problem);
        }
      }
      return;
    }
    const pyramid = document as Pyramid;
    for (const [name, flows] of Object.entries(pyramid.value.events ?? {})) {
      flows.forEach((flow, i) => {
        const problem = undefinedTransition(pyramid, flow, ['events', name, i], false);
        if (problem) report(problem);
      });
    }
  },
});
