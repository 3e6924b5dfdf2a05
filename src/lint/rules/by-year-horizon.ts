import { t } from '../../i18n/catalogue.js';
import { byCodePoint } from '../../language/order.js';
import type { TimeVarying } from '../../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { defineRule, docsPath, type DocPath, type RuleReport } from '../rule.js';
import { isByYear } from '../time-varying.js';

type Scenario = LoadedDocument<'Scenario'>;

/**
 * A `by-year` list gives the values of years 1, 2, …; a scenario simulates `horizon` years, so
 * the values beyond its horizon are never used (docs/simulation.md, "Parameters that change over
 * time"): often a list meant for another horizon, or a year missing at the start. Checked against
 * every scenario that simulates the pyramid (for a transition or an inflow) or the territory with
 * that pyramid (for a multiplier), and reported at the list, naming the scenario with the shortest
 * horizon. A warning: the run is right, the list is longer than it needs to be.
 */
export default defineRule<'Pyramid' | 'Territory'>({
  meta: {
    id: 'by-year-horizon',
    severity: 'warning',
    kinds: ['Pyramid', 'Territory'],
    docs: docsPath('by-year-horizon'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Pyramid') checkPyramid(workspace, document as LoadedDocument<'Pyramid'>, report);
    else checkTerritory(workspace, document as LoadedDocument<'Territory'>, report);
  },
});

type Report = (report: RuleReport) => void;

function checkPyramid(workspace: Workspace, pyramid: LoadedDocument<'Pyramid'>, report: Report): void {
  const scenarios = [...workspace.index.Scenario.values()].filter((s) => s.value.pyramid === pyramid.id);
  pyramid.value.transitions.forEach((transition, i) => checkValue(transition.p, ['transitions', i, 'p'], scenarios, report));
  pyramid.value.inflows.forEach((inflow, i) => {
    checkValue(inflow.count, ['inflows', i, 'count'], scenarios, report);
    checkValue(inflow.rate, ['inflows', i, 'rate'], scenarios, report);
  });
}

function checkTerritory(workspace: Workspace, territory: LoadedDocument<'Territory'>, report: Report): void {
  for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
    const scenarios = [...workspace.index.Scenario.values()].filter((s) => s.value.pyramid === pyramidId && s.value.territories.includes(territory.id));
    for (const [key, m] of Object.entries(entry.multipliers ?? {})) checkValue(m, ['pyramids', pyramidId, 'multipliers', key], scenarios, report);
  }
}

/** The shortest horizon among the scenarios (ties: the first id in code-point order). */
function shortest(scenarios: readonly Scenario[]): Scenario | undefined {
  return [...scenarios].sort((a, b) => a.value.horizon - b.value.horizon || byCodePoint(a.id, b.id))[0];
}

function checkValue(value: TimeVarying | undefined, path: DocPath, scenarios: readonly Scenario[], report: Report): void {
  if (value === undefined || !isByYear(value)) return;
  const years = value['by-year'].length;
  const scenario = shortest(scenarios);
  if (!scenario || years <= scenario.value.horizon) return;
  const horizon = scenario.value.horizon;
  report({
    path: [...path, 'by-year'],
    atKey: true,
    message: t('rules.by-year-horizon.beyond', { years, scenario: scenario.id, horizon, unused: years - horizon }),
    hint: t('rules.by-year-horizon.beyond.hint', { horizon }),
  });
}
