/**
 * Outcome values (src/pathway-tests/outcome-values.ts) against numbers computed by hand, and
 * against the records read directly (test/sim/helpers.ts), not through the function under test:
 * a volume in the expected mode in closed form, `total` as the sum of the years, a statistic of a
 * total from the iterations' sums, the share of iterations meeting a bound counted by hand, and a
 * run that summarises only what its cases read (SummarySelection) giving the full run's values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import type { Workspace } from '../../src/language/workspace.js';
import { meets, selectionOf } from '../../src/pathway-tests/outcomes.js';
import { iterationSeries, type ScenarioRun, summaryValue } from '../../src/pathway-tests/outcome-values.js';
import { simulate, type SimulateOptions } from '../../src/sim/simulate.js';
import { iterationValues, round } from '../../src/sim/summarize.js';
import { countOffset, FIXED, series } from '../sim/helpers.js';

let workspace: Workspace;

async function runOf(options: Partial<SimulateOptions>): Promise<ScenarioRun> {
  const simulation = await simulate({ checked: workspace, scenario: 'fixed', version: 'test', workers: 1, keepRecords: true, ...options });
  return { model: simulation.model, results: simulation.results, run: simulation.run! };
}

beforeAll(async () => {
  const checked = await lint({ cwd: FIXED });
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  workspace = checked.workspace;
});

describe('outcome values in the expected mode (fixture test/fixtures/sim/fixed)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await runOf({ mode: 'expected', horizon: 3 });
  });

  it('the glucose tests of year 1 are the enrolled people × 2 a year, by arm and territory', () => {
    // Year 1: S1 holds its starting count (1500 and 700); the usual care covers 30 %, the
    // enhanced program 40 % (first step of its ramp); every enrolled person has 2 tests a year.
    const at = (arm: 'baseline' | 'program' | 'difference', territory?: string) => summaryValue(run, { outcome: 'volumes test-s1/test', year: 1, arm, ...(territory ? { territory } : {}) });
    expect(at('program', 'test-territory')).toBeCloseTo(1500 * 0.4 * 2, 6); // 1200
    expect(at('baseline', 'test-territory')).toBeCloseTo(1500 * 0.3 * 2, 6); // 900
    expect(at('difference', 'test-territory')).toBeCloseTo(1500 * (0.4 - 0.3) * 2, 6); // 300
    expect(at('program')).toBeCloseTo((1500 + 700) * 0.4 * 2, 6); // the ensemble: 1760
    // The laboratory's FTE: 1200 tests × 5 minutes / 96 000 minutes a year = 0.0625.
    expect(summaryValue(run, { outcome: 'fte lab', year: 1, territory: 'test-territory' })).toBeCloseTo((1200 * 5) / 96_000, 9);
    // Per 100 000 inhabitants of the territory (20 000): 1200 × 5 = 6000.
    expect(summaryValue(run, { outcome: 'volumes test-s1/test', year: 1, territory: 'test-territory', scale: 'per100k' })).toBeCloseTo(6000, 4);
  });

  it('a wrong hand value would fail: the values are not merely close to anything', () => {
    const value = summaryValue(run, { outcome: 'volumes test-s1/test', year: 1, territory: 'test-territory' });
    expect(Math.abs(value - 1500 * 0.3 * 2)).toBeGreaterThan(100);
    expect(meets('between', value, [1199.9, 1200.1])).toBe(true);
    expect(meets('between', value, [1200.1, 1300])).toBe(false);
  });

  it('`total` is the sum of the years 1 to the horizon, and the default year of a flow measure', () => {
    const years = [1, 2, 3].map((year) => summaryValue(run, { outcome: 'events new-cases', year, territory: 'test-territory' }));
    const total = years.reduce((a, b) => a + b, 0);
    expect(summaryValue(run, { outcome: 'events new-cases', year: 'total', territory: 'test-territory' })).toBeCloseTo(total, 9);
    expect(summaryValue(run, { outcome: 'events new-cases', territory: 'test-territory' })).toBeCloseTo(total, 9);
    expect(total).toBeGreaterThan(years[0]!);
  });

  it('the expected mode has one iteration: its value is the summary', () => {
    const values = iterationSeries(run, { outcome: 'counts S2', year: 2, territory: 'test-territory' }) as Float64Array;
    expect(values.length).toBe(1);
    expect(round(values[0]!)).toBe(summaryValue(run, { outcome: 'counts S2', year: 2, territory: 'test-territory' }));
  });
});

describe('iterationValues, one record at a time (expected mode, computed by hand)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await runOf({ mode: 'expected', horizon: 3 });
  });
  // Territory test-territory is record pair 0 (usual care, coverage 0.3) and 1 (enhanced − usual:
  // coverage 0.4 − 0.3 in year 1). S1 starts at 1500; each enrolled person has 2 glucose tests
  // (lab: 5 min, 10 €) and 40 % of them 3 coaching sessions (GP: 20 min, 30 €); 96 000 min a FTE.
  const value = (pair: number, measure: Parameters<typeof iterationValues>[3], key: string, year: number) => {
    const values = iterationValues(run.model, run.run.output, pair, measure, key, year);
    return values === undefined ? undefined : values[0]!;
  };

  it('persons and volumes of an action, by record and year', () => {
    expect(value(0, 'persons', 'test-s1/test', 1)).toBeCloseTo(1500 * 0.3, 9); // 450
    expect(value(0, 'volumes', 'test-s1/test', 1)).toBeCloseTo(1500 * 0.3 * 2, 9); // 900
    expect(value(0, 'persons', 'test-s1/coaching', 1)).toBeCloseTo(1500 * 0.3 * 0.4, 9); // 180
    expect(value(0, 'volumes', 'test-s1/coaching', 1)).toBeCloseTo(1500 * 0.3 * 0.4 * 3, 9); // 540
    expect(value(1, 'persons', 'test-s1/test', 1)).toBeCloseTo(1500 * (0.4 - 0.3), 9); // 150
    // Year 2: the S1 people at the start of year 2 (read from the counts record) × 0.3.
    const s1 = series(run.model, run.run.output, 0, 0, countOffset(run.model, run.run.output, 1, 'S1'))[0]!;
    expect(s1).not.toBeCloseTo(1500, 3);
    expect(value(0, 'persons', 'test-s1/test', 2)).toBeCloseTo(s1 * 0.3, 9);
  });

  it('minutes, FTE and cost of an actor, and the total cost', () => {
    expect(value(0, 'minutes', 'lab', 1)).toBeCloseTo(900 * 5, 9); // 4500
    expect(value(0, 'fte', 'lab', 1)).toBeCloseTo((900 * 5) / 96_000, 12);
    expect(value(0, 'cost', 'lab', 1)).toBeCloseTo(900 * 10, 9); // 9000
    expect(value(0, 'minutes', 'gp', 1)).toBeCloseTo(540 * 20, 9); // 10 800
    expect(value(0, 'cost', 'gp', 1)).toBeCloseTo(540 * 30, 9); // 16 200
    expect(value(0, 'totalCost', 'total', 1)).toBeCloseTo(900 * 10 + 540 * 30, 9); // 25 200
  });

  it('counts from year 0; flows from year 1 to the horizon; unknown keys: undefined', () => {
    expect(value(0, 'counts', 'S1', 0)).toBe(1500);
    expect(value(0, 'volumes', 'test-s1/test', 0)).toBeUndefined();
    expect(value(0, 'volumes', 'test-s1/test', 4)).toBeUndefined();
    expect(value(0, 'volumes', 'test-s1/none', 1)).toBeUndefined();
    expect(value(0, 'persons', 'test-s1/none', 1)).toBeUndefined();
    expect(value(0, 'fte', 'nobody', 1)).toBeUndefined();
    expect(value(0, 'counts', 'S9', 1)).toBeUndefined();
  });
});

describe('outcome values over iterations (stochastic, 40 iterations, seed 7)', () => {
  let run: ScenarioRun;
  beforeAll(async () => {
    run = await runOf({ mode: 'stochastic', iterations: 40, seed: 7, horizon: 3 });
  });

  it('the value of each iteration is the record of that iteration (program = baseline + difference)', () => {
    const { model } = run;
    const { output } = run.run;
    const byHand = series(model, output, 0, 1, countOffset(model, output, 2, 'S2'));
    const values = Array.from(iterationSeries(run, { outcome: 'counts S2', year: 2, territory: 'test-territory' }) as Float64Array);
    expect(values).toEqual(byHand);
    // The summary's mean is the mean of these values (to the 7 digits results keep).
    expect(summaryValue(run, { outcome: 'counts S2', year: 2, territory: 'test-territory' })).toBe(round(byHand.reduce((a, b) => a + b, 0) / byHand.length));
  });

  it('the probability is the share of iterations meeting the bound, counted by hand', () => {
    const { model } = run;
    const { output } = run.run;
    const byHand = series(model, output, 0, 1, countOffset(model, output, 2, 'S2'));
    const sorted = [...byHand].sort((a, b) => a - b);
    const bound = sorted[29]!; // the 30th smallest value: at least 30 of 40 iterations are ≤ it
    const meeting = byHand.filter((v) => v <= bound).length;
    const values = iterationSeries(run, { outcome: 'counts S2', year: 2, territory: 'test-territory' }) as Float64Array;
    const counted = Array.from(values).filter((v) => meets('at-most', v, bound)).length;
    expect(counted).toBe(meeting);
    expect(counted / 40).toBeGreaterThanOrEqual(0.75);
    // Strictly below the bound leaves out the iterations equal to it.
    expect(Array.from(values).filter((v) => meets('below', v, bound)).length).toBe(byHand.filter((v) => v < bound).length);
  });

  it('a statistic of `total` is taken on each iteration’s sum of the years', () => {
    const years = [1, 2, 3].map((year) => Array.from(iterationSeries(run, { outcome: 'events new-cases', year, territory: 'test-territory' }) as Float64Array));
    const sums = years[0]!.map((_, i) => years[0]![i]! + years[1]![i]! + years[2]![i]!);
    const sorted = [...sums].sort((a, b) => a - b);
    const median = (sorted[19]! + sorted[20]!) / 2; // type 7, 40 values
    expect(summaryValue(run, { outcome: 'events new-cases', year: 'total', statistic: 'median', territory: 'test-territory' })).toBe(round(median));
    // The mean of the sums is the sum of the years' means.
    const meanOfSums = sums.reduce((a, b) => a + b, 0) / 40;
    expect(summaryValue(run, { outcome: 'events new-cases', year: 'total', territory: 'test-territory' })).toBeCloseTo(meanOfSums, 4);
  });
});

describe('a run that summarises only what its cases read', () => {
  it('gives the full run’s values for the series selected, and leaves the others out', async () => {
    const addresses = [
      { outcome: 'events new-cases', arm: 'difference' as const },
      { outcome: 'fte gp', territory: 'test-territory' },
      { outcome: 'volumes test-s1/coaching' },
      { outcome: 'totalCost' },
    ];
    const only = new Set(addresses.flatMap(selectionOf));
    expect([...only].sort()).toEqual(['events new-cases', 'fte gp', 'totalCost total', 'volumes test-s1/coaching']);
    const full = await runOf({ mode: 'stochastic', iterations: 40, seed: 7, horizon: 3 });
    const selected = await runOf({ mode: 'stochastic', iterations: 40, seed: 7, horizon: 3, only });
    for (const address of addresses) {
      for (const year of [1, 2, 3]) for (const statistic of ['mean', 'median', 'p975'] as const) expect(summaryValue(selected, { ...address, year, statistic })).toBe(summaryValue(full, { ...address, year, statistic }));
    }
    const block = selected.results.summaries.find((b) => b.territory === 'test-territory' && b.arm === 'program' && b.scale === 'count')!;
    expect(block.measures.counts).toEqual({});
    expect(Object.keys(block.measures.events)).toEqual(['new-cases']);
    expect(selected.results.decision).toEqual(full.results.decision);
  });
});
