/**
 * Issue 16's external reference case: the HIV Markov model of Chancellor et al. (1997), the worked
 * example of Briggs, Claxton & Sculpher (2006, chapter 2), written in logi's language
 * (test/fixtures/econ/hiv-chancellor) and run in `expected` mode.
 *
 * Published figure: "treatment with 3TC/ZDV is predicted to yield an incremental cost-effectiveness
 * ratio of £6276 … per life year saved (discounted at 6% per year)" — Chancellor JV et al.,
 * Pharmacoeconomics 1997;12(1):54-66, abstract. The per-arm costs and life-years are checked against
 * a Markov trace computed here, independently of logi (plain matrix products over 20 cycles with the
 * published inputs), to the precision the model's results are printed with (£1, 0.001 life-year).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { modelOf, run } from '../sim/helpers.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/hiv-chancellor');

/** The published inputs: transition counts of the Chelsea and Westminster cohort, costs (£ 1995), RR 0.509. */
const COUNTS = [
  [1251, 350, 116, 17],
  [0, 731, 512, 15],
  [0, 0, 1312, 437],
  [0, 0, 0, 1],
];
const STATE_COSTS = [1701 + 1055, 1774 + 1278, 6948 + 2059, 0];
const ZIDOVUDINE = 2278;
const LAMIVUDINE = 2086.5;
const RR = 0.509;

/** The textbook computation: cohort of 1 in A, x ← x·P each cycle, values at the end of cycle t discounted by 1.06^−t. */
function markov(combination: boolean): { cost: number; lifeYears: number } {
  const P = COUNTS.map((row) => row.map((c) => c / row.reduce((a, b) => a + b, 0)));
  const Pc = P.map((row, i) => {
    const moved = row.map((p, j) => (j === i || i === 3 ? p : p * RR));
    if (i < 3) moved[i] = 1 - moved.reduce((sum, p, j) => (j === i ? sum : sum + p), 0);
    return moved;
  });
  let x = [1, 0, 0, 0];
  let cost = 0;
  let lifeYears = 0;
  for (let t = 1; t <= 20; t++) {
    const M = combination && t <= 2 ? Pc : P;
    x = [0, 1, 2, 3].map((j) => x.reduce((sum, xi, i) => sum + xi * M[i]![j]!, 0));
    const drugs = ZIDOVUDINE + (combination && t <= 2 ? LAMIVUDINE : 0);
    cost += [0, 1, 2].reduce((sum, s) => sum + x[s]! * (STATE_COSTS[s]! + drugs), 0) / 1.06 ** t;
    lifeYears += x[0]! + x[1]! + x[2]!;
  }
  return { cost, lifeYears };
}

describe('issue 16 reference case: Chancellor et al. 1997 (HIV, zidovudine ± lamivudine)', () => {
  it('reproduces the published ICER (£6,276 per life-year gained) and the per-arm costs and life-years of the Markov trace', async () => {
    const model = await modelOf(WORKSPACE, 'chancellor-1997');
    const { summaries } = await run(model);
    const cohort = (arm: 'baseline' | 'program') => summaries.blocks.find((b) => b.territory === 'cohort' && b.arm === arm && b.scale === 'count')!.economics;
    const perPerson = (arm: 'baseline' | 'program', line: string) => cohort(arm)[line]!.discounted.mean / 1000;
    const mono = markov(false);
    const combination = markov(true);
    // The trace's own figures, to the printed precision (£1; 0.001 life-year).
    expect(Math.round(mono.cost)).toBe(44663);
    expect(Math.round(combination.cost)).toBe(50602);
    expect(perPerson('baseline', 'totalCost')).toBeCloseTo(mono.cost, 0);
    expect(perPerson('program', 'totalCost')).toBeCloseTo(combination.cost, 0);
    expect(perPerson('baseline', 'lifeYears')).toBeCloseTo(mono.lifeYears, 3);
    expect(perPerson('program', 'lifeYears')).toBeCloseTo(combination.lifeYears, 3);
    // Life-years are not discounted in this model: both figures agree.
    expect(cohort('program').lifeYears!.undiscounted.mean).toBe(cohort('program').lifeYears!.discounted.mean);
    const decision = summaries.decision.summaries[0]!;
    expect(decision.verdict).toBe('more-costly-more-effective');
    expect(Math.round(decision.icer!)).toBe(6276);
    // Only the NHS pays, and the costs split into states (drugs and care) and the lamivudine program cost.
    expect(Object.keys(cohort('program')).sort()).toEqual(['acts/nhs', 'lifeYears', 'program/nhs', 'states/nhs', 'totalCost']);
    // Lamivudine for two years, paid for the people alive at the end of years 1 and 2 (discounted by 1.06 and 1.06²).
    const lamivudine = perPerson('program', 'program/nhs');
    expect(lamivudine).toBeGreaterThan(LAMIVUDINE * 1.8);
    expect(lamivudine).toBeLessThan(LAMIVUDINE * (1 / 1.06 + 1 / 1.06 ** 2));
  });
});
