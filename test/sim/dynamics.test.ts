/**
 * Program dynamics (issue 14, docs/simulation.md "Program dynamics"): enrolment with memory,
 * lasting and waning effects, detection moves, values by year, program costs and the timing of
 * acts. The model (test/fixtures/sim/dynamics/model.yaml) is small enough to follow by hand:
 * expected values below are worked out in the comments, never by calling the engine another way.
 * The independent re-implementation of the whole expected mode is test/sim/dynamics-oracle.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineScratch, layoutOf, simulateTerritoryArm } from '../../src/sim/engine.js';
import { effectRatio, Exposures, Groups, stillActive } from '../../src/sim/engine-state.js';
import { formatSummary } from '../../src/sim/format.js';
import { buildResults } from '../../src/sim/results.js';
import { coveragesOf } from '../../src/sim/chunk.js';
import type { CompiledEffect, CompiledLogigramme, Model } from '../../src/sim/model.js';
import { centralParameters } from '../../src/sim/parameters.js';
import { StreamKey } from '../../src/sim/random.js';
import type { SummaryBlock } from '../../src/sim/summarize.js';
import { sampleSize } from '../helpers/budget.js';
import { REPO } from '../helpers/cli.js';
import { modelOf, run } from './helpers.js';

const DYNAMICS = path.join(REPO, 'test/fixtures/sim/dynamics');

async function expected(scenario: string) {
  const model = await modelOf(DYNAMICS, scenario, { mode: 'expected' });
  const { summaries, output } = await run(model);
  const block = (arm: 'baseline' | 'program' | 'difference'): SummaryBlock => summaries.blocks.find((b) => b.territory === 't' && b.arm === arm && b.scale === 'count')!;
  return { model, summaries, output, block };
}

/** results.json keeps 7 significant digits: half a unit of the 7th digit, relative. */
const close = (actual: number, value: number) => expect(Math.abs(actual - value), `${actual} vs ${value}`).toBeLessThanOrEqual(5e-7 * Math.max(1, Math.abs(value)));

// Year 1 of the program arm, by hand (counts S0 10,000, S1 5,000, S2 2,000; S1 coverage 0.4):
// 2,000 enrolled in S1 pass through l1: half (1,000) take the branch to `act` (HR 0.5 on S1->S2,
// p = 0.2 in year 1 of `by-year`), then `screen` moves 10 % of them (100) to S2 at the end of the
// cycle. Groups of S1:
//   not enrolled 3,000: S2 600, dead 60, stay 2,340
//   enrolled without effect 1,000: S2 200, dead 20, stay 780
//   enrolled with the effect, not moving, 900: p(S1->S2) = 1 − 0.8^0.5 = 0.10557280900008414:
//     S2 95.01552810007574, dead 18, stay 786.9844718999243
//   enrolled with the effect, moving, 100: S2 10.557280900008413, dead 2, the 87.44271909999159
//     who stay move to S2 (detection)
// S0 → S1: 0.1 (trend start) × 10,000 = 1,000 arrive in S1.
const S1_YEAR1 = 2340 + 780 + 786.9844718999243 + 1000;
const MOVED_YEAR1 = 87.44271909999159;
const NEW_DIABETES_YEAR1 = 600 + 200 + 95.01552810007574 + 10.557280900008413;
// S2: 2,000 − 100 deaths (0.05) + the transitions above + the moves.
const S2_YEAR1 = 1900 + NEW_DIABETES_YEAR1 + MOVED_YEAR1;

describe('one cycle, by hand', () => {
  it('enrols, splits, moves on detection and counts the move in its event', async () => {
    const { block } = await expected('s');
    const program = block('program').measures;
    close(program.counts.S1![1]!.mean, S1_YEAR1);
    close(program.counts.S2![1]!.mean, S2_YEAR1);
    close(program.flows['S1->S2@l1/screen']![0]!.mean, MOVED_YEAR1);
    close(program.events.depistes![0]!.mean, MOVED_YEAR1);
    close(program.events.nouveaux![0]!.mean, NEW_DIABETES_YEAR1);
    close(program.enrolled.S1![0]!.mean, 2000);
    close(program.enrolled.S2![0]!.mean, 600);
  });

  it('tops enrolment up to the target: year 2 enrols 0.4 × S1 at the start of year 2', async () => {
    const { block } = await expected('s');
    // 0.8 of the 780 + 786.98 enrolled who stayed remain enrolled (1,253.59): below the target
    // 0.4 × 4,906.98 = 1,962.79, so the gap is filled and 1,962.79 pass through l1.
    close(block('program').measures.enrolled.S1![1]!.mean, 0.4 * S1_YEAR1);
  });

  it('values by year and trends: S0 → S1 is 0.1 in year 1 and 0.09 in year 2; the inflow 1,000 then 2,000', async () => {
    const { block } = await expected('s');
    const counts = block('baseline').measures.counts;
    // Year 1: 10,000 − 1,000 (S1) − 100 (dead) + 1,000 = 9,900. Year 2: 9,900 − 891 − 99 + 2,000.
    close(counts.S0![1]!.mean, 9900);
    close(counts.S0![2]!.mean, 9900 - 891 - 99 + 2000);
  });

  it('program costs: 1,000 a year fixed, 50 per enrolled person-year in S1, both in the total', async () => {
    const { block } = await expected('s');
    const program = block('program');
    close(program.measures.programCost.coord![0]!.mean, 1000);
    close(program.measures.programCost.etp![0]!.mean, 50 * 2000);
    // Acts: l1/act 1,000 people × 2 a year, l1/screen 1,000 × 1, l2/act 600 × 4, all at 25 €.
    const acts = (1000 * 2 + 1000 + 600 * 4) * 25;
    close(program.totalCost[0]!.mean, acts + 1000 + 100000);
    close(block('baseline').totalCost[0]!.mean, 0);
  });

  it('the printed summary says that its total cost holds the program costs', async () => {
    const { model, summaries } = await expected('s');
    const results = buildResults(model, summaries, '0.0.0');
    expect(results.programCosts).toEqual([
      { id: 'coord', title: 'Coordination', payer: 'ars', arms: ['program'] },
      { id: 'etp', title: 'ETP', payer: 'assurance-maladie', arms: ['program'] },
    ]);
    expect(formatSummary(results)).toMatch(/^Total cost of the acts and of the programs, year 4: baseline 0 €, program [\d  ]+ €/m);
  });
});

describe('on-transfer', () => {
  // Enrolled people who reach S2 from S1 in year 1: 200 + 95.016 + 10.557 (transitions) + 87.443
  // (moves) = 393.016; with retention 0.8, 314.412 of them arrive enrolled. S2 (coverage 0.2)
  // had 400 enrolled; 0.95 stay, and 0.9 of those stay enrolled: 342.
  const arriving = 0.8 * (200 + 95.01552810007574 + 10.557280900008413 + 87.44271909999159);
  it('keep: 342 + 314.41 enrolled in S2 in year 2, above the target 0.2 × S2, so nobody new', async () => {
    const { block } = await expected('s-keep');
    close(block('program').measures.enrolled.S2![1]!.mean, 342 + arriving);
  });
  it('drop: only the 342, topped up to the target 0.2 × S2', async () => {
    const { block } = await expected('s-drop');
    close(block('program').measures.enrolled.S2![1]!.mean, 0.2 * S2_YEAR1);
  });
});

describe('volumes-at: mid', () => {
  it('counts the enrolled who leave the stratum in the cycle for half of it', async () => {
    const start = await expected('s');
    const mid = await expected('s-mid');
    // S1's enrolled leavers in year 1: 220 (no effect) + 113.016 (effect) + 100 (the moving group:
    // 12.557 by transitions, 87.443 moved) = 433.016 of 2,000: f = 1 − 433.016 / 4,000.
    const f1 = 1 - (220 + 95.01552810007574 + 18 + 100) / 4000;
    // S2's: 600 × 0.05 die: f = 1 − 30 / 1,200.
    const f2 = 1 - 30 / 1200;
    const program = mid.block('program').measures;
    close(program.persons['l1/act']![0]!.mean, 1000 * f1);
    close(program.enrolled.S1![0]!.mean, 2000 * f1);
    close(program.persons['l2/act']![0]!.mean, 600 * f2);
    close(program.programCost.etp![0]!.mean, 50 * 2000 * f1);
    // Counts of people do not change with the timing of acts.
    for (const [state, series] of Object.entries(start.block('program').measures.counts)) series.forEach((s, y) => close(program.counts[state]![y]!.mean, s.mean));
  });
});

/** Runs every (iteration, arm) of the model cycle by cycle, calling `check` after each cycle. */
async function eachCycle(model: Model, check: (buffers: EngineScratch, cycleIndex: number, inflowsSoFar: number, start: number) => void): Promise<void> {
  const layout = layoutOf(model);
  const buffers = new EngineScratch(model);
  const theta = centralParameters(model.parameters);
  const key = new StreamKey();
  for (let iteration = 0; iteration < model.iterations; iteration++) {
    for (let arm = 0; arm < 2; arm++) {
      const record = new Float64Array(layout.size);
      const overlay = new Float64Array(layout.overlaySize);
      const start = model.territories[0]!.counts.reduce((a, b) => a + b, 0);
      const inflowsSoFar = () => record.subarray(layout.inflows, layout.persons).reduce((a, b) => a + b, 0);
      const context = {
        model,
        layout,
        theta,
        coverages: coveragesOf(model, theta),
        iteration,
        stochastic: model.mode === 'stochastic',
        observe: (cycleIndex: number, state: EngineScratch) => check(state, cycleIndex, inflowsSoFar(), start),
      };
      simulateTerritoryArm(context, 0, arm, key.set(model.seed, 't', iteration), record, overlay, buffers);
    }
  }
}

describe('conservation, including the enrolled and the time-since-exposure sub-compartments', () => {
  for (const mode of ['stochastic', 'expected'] as const) {
    it(`every cycle (${mode}): Σ states = start + inflows; 0 ≤ enrolled + Σ X(M, a) ≤ the stratum's count; whole people when stochastic`, async () => {
      const model = await modelOf(DYNAMICS, 's', { mode, iterations: mode === 'stochastic' ? 20 : 1, horizon: 8 });
      let cycles = 0;
      let sawExposures = false;
      await eachCycle(model, (buffers, _cycle, inflowsSoFar, start) => {
        cycles += 1;
        const total = Array.from(buffers.counts).reduce((a, b) => a + b, 0);
        // Stochastic counts are whole numbers (exact sums); expected ones carry rounding (1e-9 relative).
        if (mode === 'stochastic') expect(total).toBe(start + inflowsSoFar);
        else expect(Math.abs(total - start - inflowsSoFar)).toBeLessThanOrEqual(1e-9 * total);
        for (let s = 0; s < model.strataCount; s++) {
          const exposures = buffers.exposures[s]!;
          const enrolled = buffers.enrolled[s]!;
          expect(enrolled).toBeGreaterThanOrEqual(0);
          let carried = 0;
          for (let x = 0; x < exposures.length; x++) {
            expect(exposures.amounts[x]!).toBeGreaterThanOrEqual(0);
            expect(exposures.ages[x]!).toBeGreaterThanOrEqual(1);
            // Linear waning over 3 cycles: a passage 3 cycles ago no longer counts.
            expect(exposures.ages[x]!).toBeLessThan(3);
            if (mode === 'stochastic') expect(Number.isInteger(exposures.amounts[x]!)).toBe(true);
            carried += exposures.amounts[x]!;
            sawExposures = true;
          }
          if (mode === 'stochastic') expect(Number.isInteger(enrolled)).toBe(true);
          expect(enrolled + carried).toBeLessThanOrEqual(buffers.counts[s]! * (1 + 1e-12));
        }
      });
      expect(cycles).toBe(model.iterations * 2 * 8);
      expect(sawExposures).toBe(true);
    });
  }
});

describe('zero coverage', () => {
  it('gives the baseline exactly, iteration by iteration, with retention, move-to, lasting effects and per-enrolled costs switched on', async () => {
    const model = await modelOf(DYNAMICS, 's-zero');
    const { output } = await run(model);
    // records[1] is the difference program − baseline of every measure, iteration by iteration.
    expect(Array.from(output.records[1]!).every((d) => d === 0)).toBe(true);
    expect(model.moves.length).toBe(1);
    expect(model.arms[1]!.strata[1]!.retention).toBeGreaterThanOrEqual(0);
  });
});

describe('the stochastic mean converges to the expected mode', () => {
  it('every stratum, enrolled count and move, every year, within 4 MCSE', async () => {
    // 4 MCSE: a two-sided tail of 6·10⁻⁵ per comparison (seed fixed: reproducible). Enrolment drawn
    // proportionally across sub-compartments is slightly non-linear (X·gap/V): its bias is of order
    // 1/N per person, far below 4 MCSE at these counts (MCSE ≈ 0.05 % of S1 at 2,000 iterations).
    const iterations = sampleSize(2000);
    const stochastic = await modelOf(DYNAMICS, 's', { iterations, horizon: 6 });
    const referenceModel = await modelOf(DYNAMICS, 's', { mode: 'expected', horizon: 6 });
    const reference = (await run(referenceModel)).summaries.blocks.find((b) => b.territory === 't' && b.arm === 'program' && b.scale === 'count')!;
    const { summaries } = await run(stochastic);
    const block = summaries.blocks.find((b) => b.territory === 't' && b.arm === 'program' && b.scale === 'count')!;
    const target = reference.measures;
    let compared = 0;
    for (const measure of ['counts', 'enrolled', 'flows'] as const) {
      for (const [key, series] of Object.entries(block.measures[measure])) {
        series.forEach((summary, y) => {
          const value = target[measure][key]![y]!.mean;
          expect(Math.abs(summary.mean - value), `${measure} ${key} year ${y}`).toBeLessThanOrEqual(4 * summary.mcse + 1e-6 * Math.abs(value));
          compared += 1;
        });
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});

describe('waning, by hand (docs/simulation.md, "Lasting and waning effects")', () => {
  const logigramme = (effects: Partial<CompiledEffect>[]) =>
    ({ effects: effects.map((e) => ({ from: 0, to: 1, hr: 0, duration: 1, waning: 'none', halfLife: 1, afterExit: true, ...e })) }) as unknown as CompiledLogigramme;
  // θ: slot 0 the hazard ratio 0.5, slot 1 the half-life 2.
  const theta = new Float64Array([0.5, 2]);
  it('linear over 3 cycles: 0.5, then 0.5 + 0.5 × a / 3, then 1', () => {
    const l = logigramme([{ duration: 3, waning: 'linear' }]);
    expect([0, 1, 2, 3, 4].map((a) => effectRatio(l, 0, a, theta))).toEqual([0.5, 0.5 + 0.5 / 3, 0.5 + 1 / 3, 1, 1]);
  });
  it('exponential, half-life 2: 0.5^(2^(−a/2)) until the duration', () => {
    const l = logigramme([{ duration: 4, waning: 'exponential' }]);
    expect(effectRatio(l, 0, 1, theta)).toBeCloseTo(0.5 ** (2 ** -0.5), 15); // 0.6125…
    expect(effectRatio(l, 0, 2, theta)).toBeCloseTo(Math.SQRT1_2, 15); // 0.5^(1/2)
    expect(effectRatio(l, 0, 4, theta)).toBe(1);
  });
  it('none: the whole ratio until the duration; after-exit: stop, only at the passage', () => {
    expect([0, 2, 3].map((a) => effectRatio(logigramme([{ duration: 3 }]), 0, a, theta))).toEqual([0.5, 0.5, 1]);
    expect([0, 1].map((a) => effectRatio(logigramme([{ duration: 3, afterExit: false }]), 0, a, theta))).toEqual([0.5, 1]);
  });
  it('an exposure stays while one of its effects can still act after exit', () => {
    const l = logigramme([{ duration: 3 }, { duration: 5, afterExit: false }, { duration: 2 }]);
    expect(stillActive(l, 0b001, 2)).toBe(true);
    expect(stillActive(l, 0b001, 3)).toBe(false);
    expect(stillActive(l, 0b010, 1)).toBe(false); // stops after exit, whatever its duration
    expect(stillActive(l, 0b101, 2)).toBe(true);
    expect(stillActive(l, 0b100, 2)).toBe(false);
  });
});

describe('the sub-compartments and groups keep their documented order', () => {
  it('X(M, a) sorted by mask then age, merged by (M, a), nothing for nobody, refused beyond capacity', () => {
    const x = new Exposures(4);
    x.add(2, 1, 10);
    x.add(1, 2, 5);
    x.add(1, 1, 7);
    x.add(2, 1, 3);
    x.add(3, 1, 0);
    expect([...x.masks.subarray(0, x.length)]).toEqual([1, 1, 2]);
    expect([...x.ages.subarray(0, x.length)]).toEqual([1, 2, 1]);
    expect([...x.amounts.subarray(0, x.length)]).toEqual([7, 5, 13]);
    expect(x.total()).toBe(25);
    x.add(0, 3, 1);
    expect([...x.masks.subarray(0, x.length)]).toEqual([0, 1, 1, 2]);
    expect(() => x.add(4, 1, 1)).toThrow(/more than 4|64/);
  });
  it('groups in the order they first arrive, merged by (set, mark)', () => {
    const g = new Groups(3);
    g.add(1, 0, 4, 'l');
    g.add(0, 2, 1, 'l');
    g.add(1, 0, 6, 'l');
    g.add(1, 1, 2, 'l');
    expect([...g.masks.subarray(0, g.length)]).toEqual([1, 0, 1]);
    expect([...g.marks.subarray(0, g.length)]).toEqual([0, 2, 1]);
    expect([...g.amounts.subarray(0, g.length)]).toEqual([10, 1, 2]);
    expect(() => g.add(2, 0, 1, 'l')).toThrow(/64/);
  });
});
