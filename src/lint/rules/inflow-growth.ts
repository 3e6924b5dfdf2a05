import { t } from '../../i18n/catalogue.js';
import { hasOwnKey, ownValue } from '../../language/records.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { timeVaryingParameters } from '../../language/schemas/index.js';
import { MAX_PEOPLE, type RawParameter, toDistribution } from '../../sim/distributions/forms.js';
import { defineRule, docsPath } from '../rule.js';
import { largestValue } from '../time-varying.js';

/**
 * A scenario's inflows cannot bring a stratum beyond 10¹² people (MAX_PEOPLE), where the
 * simulation stops (src/sim/engine.ts). With every inflow at its 97.5 % plausible value, the
 * people N of a territory grow at most as dN/dt = R·N + C, where R sums the rates of strata and C
 * the counts and the rates of the population (times the population); so
 * N(H) ≤ (N₀ + C·H)·e^(R·H) at the horizon H (Grönwall), and each stratum holds at most N(H).
 * The cycles are no exception: (1 + R/c)^(c·H) ≤ e^(R·H). An inflow that changes with the year
 * counts at its largest value over the horizon. Above 10¹² the run may stop: a warning, since the
 * bound is an upper one and the draws decide.
 */
export default defineRule<'Scenario'>({
  meta: {
    id: 'inflow-growth',
    severity: 'warning',
    kinds: ['Scenario'],
    docs: docsPath('inflow-growth'),
  },
  check({ workspace, document, report }) {
    const scenario = document.value;
    const pyramid = workspace.index.Pyramid.get(scenario.pyramid);
    if (!pyramid) return;
    const horizon = scenario.horizon;
    const growth = inflowGrowth(pyramid, horizon);
    if (!growth) return;
    scenario.territories.forEach((id, i) => {
      const territory = workspace.index.Territory.get(id);
      if (!territory || !hasOwnKey(territory.value.pyramids, scenario.pyramid)) return;
      const start = Object.values(ownValue(territory.value.pyramids, scenario.pyramid)!.counts).reduce((sum, n) => sum + n, 0);
      const perYear = growth.counts + growth.ofPopulation * territory.value.population;
      const bound = (start + perYear * horizon) * Math.exp(growth.ofStrata * horizon);
      if (bound <= MAX_PEOPLE) return;
      report({
        path: ['territories', i],
        message: t('rules.inflow-growth.beyond', { pyramid: scenario.pyramid, territory: id, horizon, bound: bound.toPrecision(3) }),
        hint: t('rules.inflow-growth.beyond.hint', { file: pyramid.source.file }),
      });
    });
  },
});

interface Growth {
  /** Σ plausible counts (people per year). */
  counts: number;
  /** Σ plausible rates of the population (a fraction of it per year). */
  ofPopulation: number;
  /** Σ plausible rates of strata (compounding, per year). */
  ofStrata: number;
}

/**
 * The inflows' plausible upper values, or undefined when a form has no distribution
 * (parameter-feasible says so). A value that changes with the year counts at its largest over
 * the horizon: the largest of a `by-year` list's values up to the horizon, and for a `trend` the
 * larger of year 1 and the horizon (start × (1 + change)^(H − 1), with the upper start and change):
 * a constant that bounds every year's value, so that the bound below still holds.
 */
function inflowGrowth(pyramid: LoadedDocument<'Pyramid'>, horizon: number): Growth | undefined {
  const growth: Growth = { counts: 0, ofPopulation: 0, ofStrata: 0 };
  for (const inflow of pyramid.value.inflows) {
    const raw = inflow.count ?? inflow.rate;
    if (raw === undefined) continue;
    if (!timeVaryingParameters(raw).every((inner) => toDistribution(inner.value as RawParameter).ok)) return undefined;
    const value = Math.max(0, largestValue(raw, horizon, 'upper'));
    if (inflow.count !== undefined) growth.counts += value;
    else if (inflow.of === 'population') growth.ofPopulation += value;
    else growth.ofStrata += value;
  }
  return growth;
}
