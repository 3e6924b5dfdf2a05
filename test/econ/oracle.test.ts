/**
 * The economic valuation of `--mode expected` against an independent re-implementation written
 * from docs/economics.md alone (test/sim/oracle/economics.ts, on top of the oracle of the
 * dynamics, test/sim/oracle/expected.ts; neither imports src/): issue 16's check that the docs
 * define every figure of `summaries[].economics` and `decision`.
 *
 * Compared: every valuation line's undiscounted and discounted mean, for each territory and
 * `ensemble`, baseline, program and difference, at the scales `count` and `per100k`; the lists
 * `economics.payers` and `economics.lines` (order included); and each `decision.summaries[]`
 * (people, incrementalCost, incrementalEffect, icer, verdict, the NMB, probability and EVPI at the
 * threshold, and every point of the acceptability curve).
 *
 * Tolerance: results.json keeps 7 significant digits (docs/economics.md, "Figures are rounded to 7
 * significant digits"; docs/simulation.md "Differences and precision": the yearly records are
 * stored in single precision), so 1e-6 relative, or 1e-6 absolute for figures near 0.
 */
import { readRunResults } from '../helpers/results.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildResults } from '../../src/sim/results.js';
import { UNDER_MUTATION } from '../helpers/budget.js';
import { REPO, runCli } from '../helpers/cli.js';
import { modelOf, run } from '../sim/helpers.js';
import { close, compareResults } from '../sim/oracle/compare.js';
import { discountFactor, economics, verdictOf, type EconomicsResult } from '../sim/oracle/economics.js';
import { expected } from '../sim/oracle/expected.js';

interface Summary {
  mean: number;
}
interface Results {
  summaries: { territory: string; scale: string; arm: string; economics: Record<string, { undiscounted: Summary; discounted: Summary }> }[];
  economics: { payers: string[]; lines: string[]; stateTime: string; outcome: string; threshold: number };
  decision: { outcome: string; threshold: number; summaries: DecisionSummary[] };
}
interface DecisionSummary {
  territory: string;
  people: number;
  incrementalCost: number;
  incrementalEffect: number;
  icer: number | null;
  verdict: string;
  netMonetaryBenefit: number;
  probabilityCostEffective: number;
  evpi: { perPerson: number; population: number };
  acceptability: { wtp: number; meanNmb: number; probabilityCostEffective: number; evpi: number; optimal: string }[];
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * logi's results in the expected mode: the command, as users run it; under mutation testing the
 * library in this process (a spawned CLI runs the unmutated dist/), as test/sim/dynamics-oracle.test.ts.
 */
async function logiResults(dir: string, scenario: string): Promise<Results> {
  if (UNDER_MUTATION) {
    const model = await modelOf(dir, scenario, { mode: 'expected' });
    return buildResults(model, (await run(model)).summaries, 'mutation') as unknown as Results;
  }
  const out = mkdtempSync(path.join(os.tmpdir(), 'logi-econ-oracle-'));
  temporary.push(out);
  const result = runCli(['simulate', scenario, '--mode', 'expected', '--out', out, '--json', '--workers', '1'], { cwd: dir });
  if (result.status !== 0) throw new Error(`logi simulate ${scenario} failed (${result.status}):\n${result.stderr}\n${result.stdout.slice(0, 2000)}`);
  return readRunResults(out) as Results;
}

/** Every line, place, arm and scale; a line one side has and the other lacks is reported. */
function lineDiscrepancies(results: Results, oracle: EconomicsResult): { list: string[]; compared: number } {
  const list: string[] = [];
  let compared = 0;
  for (const place of oracle.places) {
    for (const arm of ['baseline', 'program', 'difference'] as const) {
      for (const scale of ['count', 'per100k'] as const) {
        const block = results.summaries.find((b) => b.territory === place && b.scale === scale && b.arm === arm);
        if (!block) {
          list.push(`no summary ${place}/${arm}/${scale}`);
          continue;
        }
        const factor = scale === 'count' ? 1 : 100000 / oracle.population[place]!;
        const mine = oracle.arms[place]![arm];
        for (const line of new Set([...Object.keys(block.economics), ...Object.keys(mine)])) {
          for (const kind of ['undiscounted', 'discounted'] as const) {
            const logi = block.economics[line]?.[kind].mean;
            const ours = mine[line] === undefined ? undefined : mine[line]![kind] * factor;
            // A difference line sums per-stratum differences, each stored in single precision
            // (docs/simulation.md, "Differences and precision"): when strata cancel (people gained
            // in S2, lost in S3), its error is bounded by 2^-24 ≈ 6e-8 of the arms' magnitude, not
            // of the small difference; 1e-7 of the larger arm covers it.
            const arms = arm === 'difference' ? Math.max(...(['baseline', 'program'] as const).map((a) => Math.abs((oracle.arms[place]![a][line]?.[kind] ?? 0) * factor))) : 0;
            compared++;
            if (logi === undefined || ours === undefined || !close(logi, ours, 1e-6, Math.max(1e-6, 1e-7 * arms))) list.push(`${place}/${arm}/${scale} ${line} ${kind}: logi ${logi}, oracle ${ours}`);
          }
        }
      }
    }
  }
  return { list, compared };
}

function decisionDiscrepancies(results: Results, oracle: EconomicsResult): string[] {
  const list: string[] = [];
  const number = (where: string, logi: number | null, ours: number | null) => {
    const same = logi === null || ours === null ? logi === ours : close(logi, ours);
    if (!same) list.push(`${where}: logi ${logi}, oracle ${ours}`);
  };
  expect(results.decision.summaries.map((s) => s.territory)).toEqual(oracle.places);
  for (const mine of oracle.decision) {
    const theirs = results.decision.summaries.find((s) => s.territory === mine.territory)!;
    const at = (key: string) => `decision ${mine.territory} ${key}`;
    number(at('people'), theirs.people, mine.people);
    number(at('incrementalCost'), theirs.incrementalCost, mine.incrementalCost);
    number(at('incrementalEffect'), theirs.incrementalEffect, mine.incrementalEffect);
    number(at('icer'), theirs.icer, mine.icer);
    if (theirs.verdict !== mine.verdict) list.push(`${at('verdict')}: logi ${theirs.verdict}, oracle ${mine.verdict}`);
    number(at('netMonetaryBenefit'), theirs.netMonetaryBenefit, mine.netMonetaryBenefit);
    number(at('probabilityCostEffective'), theirs.probabilityCostEffective, mine.probabilityCostEffective);
    number(at('evpi.population'), theirs.evpi.population, mine.evpi.population);
    number(at('evpi.perPerson'), theirs.evpi.perPerson, mine.evpi.perPerson);
    const wtps = (list: { wtp: number }[]) => list.map((a) => a.wtp).join(',');
    if (wtps(theirs.acceptability) !== wtps(mine.acceptability)) list.push(`${at('acceptability wtp')}: logi ${wtps(theirs.acceptability)}, oracle ${wtps(mine.acceptability)}`);
    for (const point of mine.acceptability) {
      const other = theirs.acceptability.find((a) => a.wtp === point.wtp);
      if (!other) continue;
      number(at(`meanNmb(${point.wtp})`), other.meanNmb, point.meanNmb);
      number(at(`probabilityCostEffective(${point.wtp})`), other.probabilityCostEffective, point.probabilityCostEffective);
      number(at(`evpi(${point.wtp})`), other.evpi, point.evpi);
      if (other.optimal !== point.optimal) list.push(`${at(`optimal(${point.wtp})`)}: logi ${other.optimal}, oracle ${point.optimal}`);
    }
  }
  return list;
}

/**
 * The valuation and the decision of one scenario; `dynamics` also compares the yearly measures
 * (counts, events, costs, `programCost` with its `per-person-year` costs) the valuation is built
 * on, for the workspaces test/sim/dynamics-oracle.test.ts does not cover.
 */
async function compare(dir: string, scenario: string, dynamics = false): Promise<{ oracle: EconomicsResult; compared: number }> {
  const results = await logiResults(dir, scenario);
  const oracle = economics(dir, scenario);
  if (dynamics) {
    const measures = compareResults(results as unknown as Parameters<typeof compareResults>[0], expected(dir, scenario));
    expect(measures.missing).toEqual([]);
    expect(measures.discrepancies.slice(0, 20)).toEqual([]);
  }
  expect(results.economics.payers).toEqual(oracle.payers);
  expect(results.economics.lines).toEqual(oracle.lines);
  expect({ stateTime: results.economics.stateTime, outcome: results.economics.outcome, threshold: results.economics.threshold }).toEqual({
    stateTime: oracle.settings.stateTime,
    outcome: oracle.settings.outcome,
    threshold: oracle.settings.threshold,
  });
  const lines = lineDiscrepancies(results, oracle);
  expect([...lines.list, ...decisionDiscrepancies(results, oracle)].slice(0, 40).join('\n')).toBe('');
  return { oracle, compared: lines.compared };
}

/** 1e-9 relative: the oracle against figures computed by hand (exact decimals or 10+ digits). */
function near(actual: number | undefined, wanted: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
}

describe('the economics oracle gives the hand-computed figures', () => {
  it('discount factors and verdicts as docs/economics.md tabulates them', () => {
    // "a constant cost c paid every year of a horizon of 3 years under `start` totals c · (1 + 1/1.025 + 1/1.025²)".
    near([1, 2, 3].reduce((sum, y) => sum + discountFactor(0.025, y, 'start'), 0), 1 + 1 / 1.025 + 1 / 1.025 ** 2);
    near(discountFactor(0.025, 2, 'half-cycle'), 1.025 ** -1.5);
    near(discountFactor(0.05, 3, 'end'), 1.05 ** -3);
    expect(verdictOf(-1, 1)).toEqual({ verdict: 'dominant', icer: null });
    expect(verdictOf(0, 1)).toEqual({ verdict: 'dominant', icer: null });
    expect(verdictOf(1, -1)).toEqual({ verdict: 'dominated', icer: null });
    expect(verdictOf(10, 2)).toEqual({ verdict: 'more-costly-more-effective', icer: 5 });
    expect(verdictOf(-10, -2)).toEqual({ verdict: 'less-costly-less-effective', icer: 5 });
    expect(verdictOf(-1, 0).verdict).toBe('dominant');
    expect(verdictOf(1, 0).verdict).toBe('dominated');
    expect(verdictOf(0, 0).verdict).toBe('equivalent');
  });

  it('the valuation fixture, baseline, by hand (test/fixtures/econ/valuation)', () => {
    const dir = path.join(REPO, 'test/fixtures/econ/valuation');
    // Baseline (no program): ill 1000 → 900 → 810 → 729 (10 % die a year), stable 1000 throughout.
    const half = economics(dir, 'half-cycle').arms.here!.baseline;
    // Half-cycle person-time: ill 950, 855, 769.5; stable 1000 each year.
    near(half.lifeYears!.undiscounted, 950 + 855 + 769.5 + 3000);
    near(half.lifeYears!.discounted, 1950 * 1.025 ** -0.5 + 1855 * 1.025 ** -1.5 + 1769.5 * 1.025 ** -2.5);
    near(half.qalys!.undiscounted, 0.8 * (950 + 855 + 769.5) + 3000);
    // Patient: 100 € in year 1, then 200 € (the last value holds), ill only.
    near(half['states/patient']!.undiscounted, 950 * 100 + 855 * 200 + 769.5 * 200);
    // Deaths 100, 90, 81 at 500 € each, discounted at mid-year.
    near(half['events/hopital']!.discounted, 500 * (100 * 1.025 ** -0.5 + 90 * 1.025 ** -1.5 + 81 * 1.025 ** -2.5));
    near(half['program/ars']!.undiscounted, 0);
    const start = economics(dir, 'start').arms.here!;
    // `start`: costs at 2.5 % from t = 0, outcomes not discounted; person-time 2000, 1900, 1810.
    near(start.baseline['states/assurance-maladie']!.discounted, 1000 * (2000 + 1900 / 1.025 + 1810 / 1.025 ** 2));
    near(start.baseline.lifeYears!.discounted, 5710);
    // Program: 3000 € a year of platform, and 500 enrolled ill people × 2 visits × 40 € in year 1.
    near(start.program['program/ars']!.discounted, 3000 * (1 + 1 / 1.025 + 1 / 1.025 ** 2));
    near(start.program['acts/assurance-maladie']!.undiscounted, 0.5 * 2 * 40 * (1000 + 900 + 810));
    const end = economics(dir, 'end');
    // `end`: person-time 1900, 1810, 1729; outcomes at 3 % from t = 1; outcome life-years.
    near(end.arms.here!.baseline.lifeYears!.discounted, 1900 / 1.03 + 1810 / 1.03 ** 2 + 1729 / 1.03 ** 3);
    const decision = end.decision[0]!;
    // The visits change nothing in the dynamics: ΔE = 0 and ΔC > 0, dominated, no ICER.
    near(decision.incrementalEffect, 0);
    near(decision.incrementalCost, 3000 * (1 / 1.05 + 1 / 1.05 ** 2 + 1 / 1.05 ** 3) + 40 * (1000 / 1.05 + 900 / 1.05 ** 2 + 810 / 1.05 ** 3));
    expect(decision.verdict).toBe('dominated');
    expect(decision.people).toBe(2000);
  });
});

describe('logi --mode expected: the valuation lines and the decision equal the oracle (1e-6 relative: results.json keeps 7 digits)', () => {
  const valuation = path.join(REPO, 'test/fixtures/econ/valuation');
  for (const scenario of ['half-cycle', 'start', 'end']) {
    it(`test/fixtures/econ/valuation, scenario ${scenario}`, async () => {
      const { compared } = await compare(valuation, scenario, true);
      expect(compared).toBeGreaterThan(100);
    });
  }

  it('test/fixtures/econ/hiv-chancellor (end of cycle, costs at 6 %, life-years, a per-person-year program cost)', async () => {
    const { oracle } = await compare(path.join(REPO, 'test/fixtures/econ/hiv-chancellor'), 'chancellor-1997', true);
    // The published ICER, £6,276 per life-year gained (Briggs, Claxton & Sculpher 2006, ch. 2), to the pound.
    expect(Math.round(oracle.decision[0]!.icer!)).toBe(6276);
  });

  for (const scenario of ['pionniers-dt2-2026', 'pionniers-ic-2026']) {
    it(`the bundled scenario ${scenario}`, async () => {
      const { compared } = await compare(REPO, scenario);
      expect(compared).toBeGreaterThan(400);
    });
  }
});
