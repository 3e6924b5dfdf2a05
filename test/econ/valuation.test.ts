/**
 * The economic values of docs/economics.md, computed by hand on a small model
 * (test/fixtures/econ/valuation): stratum `ill` has 1,000 people losing 10 % a year (N = 1000, 900,
 * 810, 729 at the ends of years 0…3; deaths 100, 90, 81), stratum `stable` keeps its 1,000. The
 * program sends half of `ill` to a nurse twice a year (40 € an act) and pays a 3,000 € platform a year.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { modelOf, run } from '../sim/helpers.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/valuation');
const N = [1000, 900, 810, 729];
const DEATHS = [100, 90, 81];

async function economicsOf(scenario: string) {
  const model = await modelOf(WORKSPACE, scenario);
  const { summaries } = await run(model);
  const block = (arm: 'baseline' | 'program' | 'difference') => summaries.blocks.find((b) => b.territory === 'here' && b.arm === arm && b.scale === 'count')!.economics;
  return { model, block, decision: summaries.decision.summaries[0]! };
}

/** A value to 7 significant digits, as results.json keeps them. */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-6);

describe('economic values by hand (docs/economics.md)', () => {
  it('start of year, costs at 2.5 %, outcomes undiscounted: a constant cost over 3 years is 1000 × (1 + 1/1.025 + 1/1.025²) a person', async () => {
    const { block } = await economicsOf('start');
    const d = [1, 1 / 1.025, 1 / 1.025 ** 2];
    // Stable stratum: 1,000 people × 1,000 € × Σ d = 2,927,424.2 €; ill: 1,000 € × (1000 + 900/1.025 + 810/1.025²).
    const care = 1000 * 1000 * (d[0]! + d[1]! + d[2]!) + 1000 * (N[0]! * d[0]! + N[1]! * d[1]! + N[2]! * d[2]!);
    close(block('baseline')['states/assurance-maladie']!.discounted.mean, care);
    close(block('baseline')['states/assurance-maladie']!.undiscounted.mean, 1000 * 3000 + 1000 * (1000 + 900 + 810));
    // The patient's share changes by year: 100 then 200 (the last value holds).
    close(block('baseline')['states/patient']!.discounted.mean, 100 * N[0]! + 200 * N[1]! * d[1]! + 200 * N[2]! * d[2]!);
    // Deaths of year y are a flow of year y, discounted at t = y − 1: 500 € each, paid by the hospital.
    close(block('baseline')['events/hopital']!.discounted.mean, 500 * (DEATHS[0]! + DEATHS[1]! * d[1]! + DEATHS[2]! * d[2]!));
    // Life-years at the start of each year, undiscounted; QALYs weight `ill` by 0.8.
    close(block('baseline').lifeYears!.discounted.mean, 3000 + 2710);
    close(block('baseline').qalys!.discounted.mean, 3000 + 0.8 * 2710);
    // Program: 0.5 × N(y−1) people reached, 2 acts of 40 € each; the platform 3,000 € a year.
    close(block('difference')['acts/assurance-maladie']!.discounted.mean, 0.5 * 2 * 40 * (N[0]! + N[1]! * d[1]! + N[2]! * d[2]!));
    close(block('difference')['program/ars']!.discounted.mean, 3000 * (1 + d[1]! + d[2]!));
    expect(block('program')['program/ars']!.undiscounted.mean).toBe(9000);
  });

  it('half-cycle (the default, 2.5 % for both): person-time is the mean of the start and end counts, discounted at the middle of the year', async () => {
    const { block, model } = await economicsOf('half-cycle');
    expect(model.economics.discount).toEqual({ costs: 0.025, outcomes: 0.025 });
    const pt = [(N[0]! + N[1]!) / 2, (N[1]! + N[2]!) / 2, (N[2]! + N[3]!) / 2]; // 950, 855, 769.5
    const d = [1.025 ** -0.5, 1.025 ** -1.5, 1.025 ** -2.5];
    close(block('baseline').lifeYears!.undiscounted.mean, 3000 + 950 + 855 + 769.5);
    close(block('baseline').lifeYears!.discounted.mean, 1000 * (d[0]! + d[1]! + d[2]!) + pt[0]! * d[0]! + pt[1]! * d[1]! + pt[2]! * d[2]!);
    close(block('baseline').qalys!.discounted.mean, 1000 * (d[0]! + d[1]! + d[2]!) + 0.8 * (pt[0]! * d[0]! + pt[1]! * d[1]! + pt[2]! * d[2]!));
    close(block('baseline')['events/hopital']!.discounted.mean, 500 * (DEATHS[0]! * d[0]! + DEATHS[1]! * d[1]! + DEATHS[2]! * d[2]!));
    // The total is every cost line: states (two payers), events; acts and program only in the program arm.
    const b = block('baseline');
    close(b.totalCost!.discounted.mean, b['states/assurance-maladie']!.discounted.mean + b['states/patient']!.discounted.mean + b['events/hopital']!.discounted.mean + b['acts/assurance-maladie']!.discounted.mean);
  });

  it('end of year at 5 % and 3 %: the year-y values are discounted by (1 + r)^−y; the ICER is on life-years, which the program does not change', async () => {
    const { block, decision } = await economicsOf('end');
    const dc = [1.05 ** -1, 1.05 ** -2, 1.05 ** -3];
    const de = [1.03 ** -1, 1.03 ** -2, 1.03 ** -3];
    close(block('baseline').lifeYears!.discounted.mean, (1000 + N[1]!) * de[0]! + (1000 + N[2]!) * de[1]! + (1000 + N[3]!) * de[2]!);
    close(block('baseline')['states/assurance-maladie']!.discounted.mean, 1000 * ((1000 + N[1]!) * dc[0]! + (1000 + N[2]!) * dc[1]! + (1000 + N[3]!) * dc[2]!));
    // The visits change no transition: same life-years, more cost — dominated, no ratio.
    expect(decision.incrementalEffect).toBe(0);
    expect(decision.verdict).toBe('dominated');
    expect(decision.icer).toBeNull();
    // Net monetary benefit at 20,000 € per life-year: −ΔC; no iteration is cost-effective; one iteration: EVPI 0.
    close(decision.netMonetaryBenefit, -decision.incrementalCost);
    expect(decision.probabilityCostEffective).toBe(0);
    expect(decision.evpi).toEqual({ perPerson: 0, population: 0 });
    // ΔC: acts 0.5 × N(y−1) × 80 € and the 3,000 € platform, each a flow of year y discounted at t = y.
    close(decision.incrementalCost, 0.5 * 80 * (N[0]! * dc[0]! + N[1]! * dc[1]! + N[2]! * dc[2]!) + 3000 * (dc[0]! + dc[1]! + dc[2]!));
  });
});
