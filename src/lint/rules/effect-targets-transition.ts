import { t } from '../../i18n/catalogue.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { eventFlows, eventFlowsPath, parseTransition } from '../../language/schemas/index.js';
import { didYouMean } from '../../language/suggest.js';
import { defineRule, docsPath, type DocPath, type RuleReport } from '../rule.js';

type Pyramid = LoadedDocument<'Pyramid'>;

function statesOf(pyramid: Pyramid): Set<string> {
  return new Set([...pyramid.value.strata.map((s) => s.id), ...pyramid.value.exits.map((e) => e.id)]);
}

function definedTransitions(pyramid: Pyramid): string[] {
  return pyramid.value.transitions.map((row) => `${row.from}->${row.to}`);
}

/**
 * Checks that `key` (FROM->TO) is a transition of the pyramid. Unknown states are left to
 * stratum-exists. Returns a report, or undefined when the transition is defined.
 */
function undefinedTransition(pyramid: Pyramid, key: string, path: DocPath, atKey: boolean, onlyFrom?: string): RuleReport | undefined {
  const transition = parseTransition(key);
  if (!transition) return undefined;
  const states = statesOf(pyramid);
  if (!states.has(transition.from) || !states.has(transition.to)) return undefined;
  const defined = definedTransitions(pyramid);
  const written = `${transition.from}->${transition.to}`;
  if (defined.includes(written)) return undefined;
  if (transition.from === transition.to) {
    return { path, atKey, message: t('rules.effect-targets-transition.staying', { stratum: transition.from }), hint: t('rules.effect-targets-transition.staying.hint') };
  }
  const out = defined.filter((d) => d.startsWith(`${transition.from}->`));
  // An effect can only act on a transition out of its logigramme's stratum: only those are suggested.
  const suggestion = didYouMean(written, onlyFrom === undefined ? defined : defined.filter((d) => d.startsWith(`${onlyFrom}->`)));
  return {
    path,
    atKey,
    message: t('rules.effect-targets-transition.undefined', { pyramid: pyramid.id, transition: written }),
    hint:
      suggestion ??
      (out.length > 0
        ? t('rules.effect-targets-transition.undefined.hint-out', { from: transition.from, out, transition: written })
        : t('rules.effect-targets-transition.undefined.hint-none-out', { from: transition.from, transition: written })),
  };
}

/** Effects, territory multipliers and named events act on transitions the pyramid defines. */
export default defineRule<'Logigramme' | 'Territory' | 'Pyramid'>({
  meta: {
    id: 'effect-targets-transition',
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
          const transition = parseTransition(effect.transition);
          if (!transition) return;
          const states = statesOf(pyramid);
          if (states.has(transition.from) && states.has(stratum) && transition.from !== stratum) {
            const out = definedTransitions(pyramid).filter((d) => d.startsWith(`${stratum}->`));
            report({
              path,
              message: t('rules.effect-targets-transition.other-stratum', { from: transition.from, to: transition.to, stratum }),
              hint: out.length > 0 ? t('rules.effect-targets-transition.other-stratum.hint', { stratum, out }) : t('rules.effect-targets-transition.other-stratum.hint-none-out', { stratum }),
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
    for (const [name, event] of Object.entries(pyramid.value.events ?? {})) {
      eventFlows(event).forEach((flow, i) => {
        const problem = undefinedTransition(pyramid, flow, [...eventFlowsPath(event, name), i], false);
        if (problem) report(problem);
      });
    }
  },
});
