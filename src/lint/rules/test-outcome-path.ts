import { t } from '../../i18n/catalogue.js';
import { shorten } from '../../language/diagnostic.js';
import type { OutcomeRef } from '../../language/schemas/index.js';
import { parseMoveTo } from '../../language/schemas/index.js';
import { suggestionHint } from '../../language/suggest.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { OUTCOME_HEADS, parseOutcomePath } from '../../pathway-tests/outcome-path.js';
import { COMPARISONS } from '../../language/schemas/index.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';

/** The keys a scenario's results have for the measures whose keys are ids of the workspace. */
function knownKeys(workspace: Workspace, scenario: LoadedDocument<'Scenario'>): Map<string, string[]> {
  const pyramid = workspace.index.Pyramid.get(scenario.value.pyramid)?.value;
  const logigrammes = [...workspace.index.Logigramme.values()].filter((l) => l.value.pyramid === scenario.value.pyramid);
  const strata = pyramid?.strata.map((s) => s.id) ?? [];
  const states = [...strata, ...(pyramid?.exits.map((e) => e.id) ?? [])];
  const moveEvents = logigrammes.flatMap((l) => Object.values(l.value.nodes).flatMap((n) => (n.type === 'action' ? [parseMoveTo(n['move-to'])?.event].filter((e): e is string => e !== undefined) : [])));
  const actors = [...workspace.index.Actors.values()].flatMap((a) => Object.keys(a.value.actors));
  const actions = logigrammes.flatMap((l) => Object.entries(l.value.nodes).filter(([, n]) => n.type === 'action').map(([id]) => `${l.id}/${id}`));
  const events = [...Object.keys(pyramid?.events ?? {}), ...moveEvents];
  return new Map([
    ['counts', states],
    ['enrolled', strata],
    ['events', events],
    ['fte', actors],
    ['minutes', actors],
    ['cost', actors],
    ['workforce', actors],
    ['persons', actions],
    ['volumes', actions],
  ]);
}

/** One outcome path and its territory, checked against the scenario. */
function checkAddress(address: OutcomeRef, base: (string | number)[], keys: Map<string, string[]>, territories: string[], report: (r: RuleReport) => void): void {
  const path = parseOutcomePath(address.outcome);
  if (!path) {
    const head = address.outcome.trim().split(/\s+/)[0] ?? '';
    report({ path: [...base, 'outcome'], message: t('rules.test-outcome-path.syntax', { path: shorten(address.outcome) }), hint: suggestionHint(head, OUTCOME_HEADS) ?? t('pathway-tests.outcome.bad-path.hint') });
    return;
  }
  const named = path.kind === 'measure' ? { measure: path.measure, key: path.key } : path.kind === 'workforce' ? { measure: 'workforce', key: path.actor } : undefined;
  const known = named ? keys.get(named.measure) : undefined;
  if (named && known && !known.includes(named.key)) {
    report({ path: [...base, 'outcome'], message: t('rules.test-outcome-path.key', { key: shorten(named.key), measure: named.measure }), ...(suggestionHint(named.key, known) ? { hint: suggestionHint(named.key, known)! } : {}) });
  }
  if (address.territory !== undefined && address.territory !== 'ensemble' && !territories.includes(address.territory)) {
    report({ path: [...base, 'territory'], message: t('pathway-tests.outcome.territory', { territory: shorten(address.territory) }), hint: t('pathway-tests.outcome.territory.hint', { territories: territories.join(', ') }) });
  }
}

/**
 * The outcome paths of a pathway test name values its scenario's results have: the path's form
 * (docs/testing.md, "Outcome paths"), the event, state, actor or action it names, and its
 * territory. An unknown scenario is known-reference's.
 */
export default defineRule<'PathwayTest'>({
  meta: { id: 'test-outcome-path', severity: 'error', kinds: ['PathwayTest'], docs: docsPath('test-outcome-path') },
  check({ workspace, document, report }) {
    (document.value.outcomes ?? []).forEach((entry, i) => {
      const scenario = workspace.index.Scenario.get(entry.scenario);
      if (!scenario) return;
      const keys = knownKeys(workspace, scenario);
      entry.expect.forEach((expectation, j) => {
        const base = ['outcomes', i, 'expect', j];
        checkAddress(expectation, base, keys, scenario.value.territories, report);
        for (const comparison of COMPARISONS) {
          const bound = expectation[comparison];
          if (bound !== undefined && typeof bound === 'object' && !Array.isArray(bound)) checkAddress(bound as OutcomeRef, [...base, comparison], keys, scenario.value.territories, report);
        }
      });
    });
  },
});
