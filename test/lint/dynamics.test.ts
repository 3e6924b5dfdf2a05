/**
 * Lint of program dynamics (issue 14): the rules move-to-stratum, effect-duration, by-year-horizon,
 * program-cost-strata and on-transfer-needs-retention, with their messages written out in full;
 * values that change with the year and lasting effects in transition-row-sum, parameter-feasible
 * and inflow-growth; and the arithmetic they rest on, against values computed by hand.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { validateDocument } from '../../src/language/validate.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { lint } from '../../src/lint/engine.js';
import { agesOf, type EffectOnRow, hazardRatioAt } from '../../src/lint/rows.js';
import { BUILTIN_RULES } from '../../src/lint/rules/index.js';
import { largestValue, listedYears, valueInYear } from '../../src/lint/time-varying.js';
import { parameterPlaces } from '../../src/sim/distributions/places.js';
import { FIXTURES } from './helpers.js';

type Finding = [at: string, message: string, hint: string | undefined];

async function findings(fixture: string, ruleId: string): Promise<Finding[]> {
  const result = await lint({ cwd: FIXTURES, paths: [path.join(FIXTURES, fixture)], rules: BUILTIN_RULES });
  return result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => [`${d.range.start.line}:${d.range.start.column}`, d.message, d.hint]);
}

describe('move-to-stratum', () => {
  it('an unknown stratum (with the close ones) and an exit', async () => {
    expect(await findings('move-to-stratum/invalid/unknown-or-exit.yaml', 'move-to-stratum')).toEqual([
      ['18:14', '`move-to: S3` names no stratum of pyramid `diabete`', 'did you mean `S0` or `S2`?'],
      [
        '25:25',
        '`deces` is an exit of pyramid `diabete`, not a stratum: `move-to` moves people between strata',
        'reaching deces is a transition of the pyramid; to change it here, give the node an effect on that transition',
      ],
    ]);
  });

  it("the logigramme's own stratum, and a stratum of another pyramid", async () => {
    expect(await findings('move-to-stratum/invalid/own-stratum.yaml', 'move-to-stratum')).toEqual([
      ['17:14', "`move-to: S1` is this logigramme's own stratum: the move would move nobody", 'name the stratum the detected people belong to: `S0`, `S2`'],
    ]);
    expect(await findings('move-to-stratum/invalid/other-pyramid.yaml', 'move-to-stratum')).toEqual([
      ['33:14', "IC2 is a stratum of `ic`, not of this logigramme's pyramid `diabete`: people move within their pyramid", 'known strata: `S0`, `S2`'],
    ]);
  });

  it('is refused by the schema on a node other than an action', () => {
    const logigramme = {
      kind: 'Logigramme',
      version: 1,
      id: 'x',
      title: 'x',
      pyramid: 'diabete',
      stratum: 'S1',
      start: 'debut',
      nodes: { debut: { type: 'start', label: 'Début', next: 'fin', 'move-to': 'S2' }, fin: { type: 'end', label: 'Fin' } },
    };
    expect(validateDocument(logigramme).reports.map((r) => [r.ruleId, r.path.join('.')])).toEqual([['schema', 'nodes.debut.move-to']]);
  });
});

describe('effect-duration', () => {
  it('a duration below 1, waning without duration, exponential waning without half-life (errors)', async () => {
    expect(await findings('effect-duration/invalid/duration-below-one.yaml', 'effect-duration')).toEqual([
      ['18:98', '`duration: 0`: an effect lasts at least the cycle of the passage, 1', 'a duration is a whole number of cycles from 1 (the default: the cycle of the passage only)'],
    ]);
    const hint = 'give the number of cycles the effect lasts after the passage (`duration: 5` for five years with yearly cycles), or remove `waning`';
    expect(await findings('effect-duration/invalid/waning-without-duration.yaml', 'effect-duration')).toEqual([
      ['21:17', '`waning: linear` without `duration`: the effect lasts the cycle of the passage only, so it has nothing to wane over', hint],
      ['26:17', '`waning: exponential` without `half-life`: the speed of the waning is not given', 'add `half-life`: the cycles after which the log hazard ratio is halved (or use `waning: linear`)'],
    ]);
  });

  it('settings that change nothing are warnings, even in strict', async () => {
    const result = await lint({ cwd: FIXTURES, paths: [path.join(FIXTURES, 'effect-duration/invalid/unused-settings.yaml')], rules: BUILTIN_RULES });
    const found = result.diagnostics.filter((d) => d.ruleId === 'effect-duration');
    expect(found.map((d) => [`${d.range.start.line}:${d.range.start.column}`, d.severity, d.message])).toEqual([
      ['21:61', 'warning', '`waning: linear` with `duration: 1`: the effect lasts the cycle of the passage only, so the waning changes nothing'],
      ['22:64', 'warning', "`half-life` is only used with `waning: exponential`; this effect's waning is `none`"],
      ['23:65', 'warning', 'with `after-exit: stop` the effect is whole while the person is enrolled and stops when they leave, so `waning: linear` changes nothing'],
    ]);
  });
});

describe('by-year-horizon, program-cost-strata, on-transfer-needs-retention', () => {
  it('a by-year list longer than the shortest horizon of the scenarios that use it (5 of 5 and 10)', async () => {
    const hint = 'keep the first 5 values (the last one holds to the horizon), or check that the list starts with year 1';
    expect(await findings('by-year-horizon/invalid/longer-than-horizon.yaml', 'by-year-horizon')).toEqual([
      ['14:30', 'this `by-year` list gives 12 years, but scenario `cinq-ans` simulates 5: its last 7 values are never used', hint],
      ['30:30', 'this `by-year` list gives 7 years, but scenario `cinq-ans` simulates 5: its last 2 values are never used', hint],
    ]);
  });

  it('a cost of a stratum the program does not enrol', async () => {
    expect(await findings('program-cost-strata/invalid/stratum-not-in-program.yaml', 'program-cost-strata')).toEqual([
      ['11:112', 'cost `plateforme` counts the enrolled people of S0, but program `programme-cout-mal-place` enrols nobody in S0', 'did you mean `S1` or `S2`?'],
    ]);
  });

  it('on-transfer without retention', async () => {
    const hint = 'add `retention` (the probability per year of staying enrolled, e.g. 0.8), or remove `on-transfer`';
    expect(await findings('on-transfer-needs-retention/invalid/without-retention.yaml', 'on-transfer-needs-retention')).toEqual([
      ['9:54', '`on-transfer: drop` changes nothing here: without `retention`, nobody enrolled in S1 stays enrolled into the next cycle', hint],
      ['13:5', '`on-transfer: keep` changes nothing here: without `retention`, nobody enrolled in S2 stays enrolled into the next cycle', hint],
    ]);
  });

  it('speaks French', async () => {
    setLanguage('fr');
    try {
      expect(await findings('move-to-stratum/invalid/own-stratum.yaml', 'move-to-stratum')).toEqual([
        ['17:14', '`move-to: S1` est la strate de ce logigramme : le déplacement ne déplacerait personne', 'nommez la strate à laquelle appartiennent les personnes détectées : `S0`, `S2`'],
      ]);
      expect((await findings('by-year-horizon/invalid/longer-than-horizon.yaml', 'by-year-horizon'))[1]![1]).toBe(
        'cette liste `by-year` donne 7 années, mais le scénario `cinq-ans` en simule 5 : ses 2 dernières valeurs ne servent jamais',
      );
    } finally {
      setLanguage('en');
    }
  });
});

describe('values by year and lasting effects in the older rules', () => {
  it('transition-row-sum: a by-year row in year 3 (0.5 + 0.6), a trend in year 7 of 10 (0.4 · 1.1⁶ + 0.3), a waning set 2 cycles after the passage', async () => {
    expect(await findings('transition-row-sum/invalid/by-year-above-one.yaml', 'transition-row-sum')).toEqual([
      ['13:13', 'in year 3, the transitions out of S1 sum to 1.1 (S1->S2 0.5 + S1->deces 0.6): more than 1, nothing remains for staying', 'annual probabilities of leaving a stratum sum to at most 1; check each value'],
    ]);
    const [trend] = await findings('transition-row-sum/invalid/trend-beyond-horizon.yaml', 'transition-row-sum');
    // 0.4 · 1.1⁶ = 0.7086244; + 0.3 = 1.0086244 (year 6: 0.4 · 1.1⁵ + 0.3 = 0.944204, below 1).
    expect(trend!.slice(0, 2)).toEqual(['45:10', 'in year 7 of 10, the trends make the transitions out of S1 sum to 1.00862 (S1->S2 0.708624 + S1->deces 0.3): more than 1, where the simulation stops']);
    // S1->S0 p 0.5: age 0, hr 3 × 0.2: 0.54; age 1, 3 × 0.6: 0.913; age 2, 3 alone: 1 − 0.5³ + 0.2 = 1.075.
    const [waning] = await findings('transition-row-sum/invalid/waning-mixed-effects.yaml', 'transition-row-sum');
    expect(waning![1]).toBe('for people who met `a1` (hr 3 on S0), `a1` (hr 0.2 on S0) 2 cycles after their passage, the transitions out of S1 sum to 1.075 (S1->S0 0.875 + S1->deces 0.2): more than 1');
  });

  it('parameter-feasible: each value by year, a trend start, an annual change of −1.2, a normal change reaching −1', async () => {
    const found = await findings('parameter-feasible/invalid/time-varying.yaml', 'parameter-feasible');
    // mean − 1.959964 × sd = −0.5 − 0.587989 = −1.087989.
    expect(found.map(([at, message]) => [at, message])).toEqual([
      ['17:47', '1.2 is not a probability in [0, 1]'],
      ['18:65', "an annual change of -1.2 would make the value zero or negative from year 2 on: a trend's `annual-change` is above −1"],
      ['19:69', 'this normal may draw an annual change of −1 or below (its 2.5 % quantile is -1.08799): the simulation would stop at such a draw'],
      ['21:39', '-50 is not a number ≥ 0'],
    ]);
  });

  it('inflow-growth: a rising count counts at its value at the horizon', async () => {
    // 10⁶ · 4¹⁹ = 2.749·10¹⁷ a year; (10⁶ + 2.749·10¹⁷ · 20) · e⁰ = 5.50·10¹⁸.
    const [found] = await findings('inflow-growth/invalid/rising-count-trend.yaml', 'inflow-growth');
    expect(found![1]).toContain('(up to 5.50e+18)');
  });

  it('the places of the new parameters, with what each stands for', async () => {
    const workspace = await loadWorkspace({ cwd: FIXTURES, paths: [path.join(FIXTURES, 'parameter-feasible/invalid/dynamics.yaml')] });
    const places = (id: string) => {
      const doc = workspace.documents.find((d) => d.id === id)!;
      return parameterPlaces(doc).map((p) => [p.path.join('.'), p.constraint, p.annualChange ?? false]);
    };
    expect(places('programme-dynamique-hors-bornes')).toEqual([
      ['strata.S1.coverage', 'probability', false],
      ['strata.S1.retention', 'probability', false],
      ['costs.coordination.per-year', 'non-negative', false],
    ]);
    expect(places('dt2-s1-dynamique-hors-bornes')).toEqual([
      ['nodes.glycemie.effects.0.hr', 'positive', false],
      ['nodes.glycemie.effects.0.half-life', 'positive', false],
      ['nodes.glycemie.frequency.times', 'non-negative', false],
      ['nodes.glycemie.move-to.p', 'probability', false],
    ]);
    expect(places('territoire-dynamique-hors-bornes')).toEqual([
      ['pyramids.diabete.multipliers.S1->S2.by-year.0', 'positive', false],
      ['pyramids.diabete.multipliers.S1->S2.by-year.1', 'positive', false],
    ]);
    const pyramid = await loadWorkspace({ cwd: FIXTURES, paths: [path.join(FIXTURES, 'parameter-feasible/invalid/time-varying.yaml')] });
    const doc = pyramid.documents.find((d) => d.id === 'pyramide-par-annee-hors-bornes')!;
    expect(parameterPlaces(doc).map((p) => [p.path.join('.'), p.constraint, p.annualChange ?? false])).toEqual([
      ['transitions.0.p.by-year.0', 'probability', false],
      ['transitions.0.p.by-year.1', 'probability', false],
      ['transitions.1.p.trend.start', 'probability', false],
      ['transitions.1.p.trend.annual-change', 'any', true],
      ['transitions.2.p.trend.start', 'probability', false],
      ['transitions.2.p.trend.annual-change', 'any', true],
      ['inflows.0.count.trend.start', 'non-negative', false],
      ['inflows.0.count.trend.annual-change', 'any', true],
    ]);
  });
});

describe('the arithmetic, against values computed by hand', () => {
  it('a value in a year: by-year (the last holds) and trend', () => {
    const byYear = { 'by-year': [0.4, 0.45, 0.6] };
    expect([1, 2, 3, 4, 10].map((y) => valueInYear(byYear, y, 'central'))).toEqual([0.4, 0.45, 0.6, 0.6, 0.6]);
    expect(listedYears(byYear)).toBe(3);
    const trend = { trend: { start: 0.4, 'annual-change': 0.1 } };
    // 1.1⁶ = 1.771561; 0.4 × 1.771561 = 0.7086244. Tolerance: rounding of the power, 1e-12.
    expect(valueInYear(trend, 7, 'central')).toBeCloseTo(0.7086244, 12);
    expect(valueInYear(trend, 1, 'central')).toBe(0.4);
    expect(listedYears(trend)).toBe(1);
    // A rising count is largest at the horizon: 10⁶ × 4¹⁹ = 274,877,906,944 × 10⁶; a falling one at its start.
    expect(largestValue({ trend: { start: 1e6, 'annual-change': 3 } }, 20, 'central')).toBe(2.74877906944e17);
    expect(largestValue({ trend: { start: 200, 'annual-change': -0.5 } }, 20, 'central')).toBe(200);
    expect(largestValue({ 'by-year': [1, 5, 3, 9] }, 3, 'central')).toBe(5);
  });

  it('a hazard ratio a cycles after the passage', () => {
    const effect = (over: Partial<EffectOnRow>): EffectOnRow => ({ node: 'n', index: 0, to: 'S2', hr: 0.2, duration: 2, waning: 'none', halfLife: undefined, stopsAfterExit: false, ...over });
    // linear over 2 cycles: 0.2 + 0.8 × 1/2 = 0.6 at age 1, 1 from age 2.
    expect(hazardRatioAt(effect({ waning: 'linear' }), 1, 'central')).toBeCloseTo(0.6, 15);
    expect(hazardRatioAt(effect({ waning: 'linear' }), 2, 'central')).toBe(1);
    // exponential, half-life 2: 0.9^(2^(−1/2)) = 0.928206420… at age 1, 0.9^(1/2) = 0.948683298… at age 2.
    const exponential = effect({ hr: 0.9, duration: 5, waning: 'exponential', halfLife: 2 });
    expect(hazardRatioAt(exponential, 1, 'central')).toBeCloseTo(0.9282064204596682, 14);
    expect(hazardRatioAt(exponential, 2, 'central')).toBeCloseTo(0.9486832980505138, 14);
    expect(hazardRatioAt(exponential, 5, 'central')).toBe(1);
    // after-exit: stop acts while enrolled (a passage's age 0) and not after the person leaves.
    expect(hazardRatioAt(effect({ duration: 4, stopsAfterExit: true }), 0, 'central')).toBe(0.2);
    expect(hazardRatioAt(effect({ duration: 4, stopsAfterExit: true }), 1, 'central')).toBe(1);
  });

  it('the ages worth checking: the passage, 1, each end, and every age while one wanes', () => {
    const effect = (duration: number, waning: EffectOnRow['waning']): EffectOnRow => ({ node: 'n', index: 0, to: 'S2', hr: 0.5, duration, waning, halfLife: undefined, stopsAfterExit: false });
    expect(agesOf([effect(1, 'none')])).toEqual([0]);
    expect(agesOf([effect(5, 'none'), effect(3, 'none')])).toEqual([0, 1, 3]);
    expect(agesOf([effect(4, 'none'), effect(2, 'linear')])).toEqual([0, 1, 2, 3]);
  });
});
