/**
 * Properties of the simulation on the bundled diabetes scenario: independent random streams
 * between strata (issue 11: the earlier derivation made year-1 deaths from S1 and S2 correlate at
 * r ≈ −0.045), and a cycle length that changes the time step, not the model.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/sim/model.js';
import { UNDER_MUTATION } from '../helpers/budget.js';
import { correlation } from '../helpers/statistics.js';
import { REPO } from '../helpers/cli.js';
import { simulateChunk } from '../../src/sim/chunk.js';
import { layoutOf } from '../../src/sim/engine.js';
import { modelOf, run } from './helpers.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * The model with every parameter at its central value and no program in either arm (nor the
 * calibration's posterior sample, whose sets would make the calibrated parameters vary together).
 */
function fixedWithoutPrograms(model: Model): Model {
  return {
    ...model,
    posterior: null,
    parameters: { specs: model.parameters.specs.map((spec) => ({ ...spec, kind: 'fixed' as const })), dirichlets: [] },
    arms: model.arms.map((arm) => ({ ...arm, strata: arm.strata.map(() => null) })),
    enrolledStrata: model.enrolledStrata.map(() => false),
  };
}

describe('the bundled diabetes scenario', () => {
  // Left out of mutation testing: 20,000 iterations of the whole scenario, instrumented, for every
  // mutant of the engine; the streams' independence is checked key by key in random.test.ts.
  it.skipIf(UNDER_MUTATION)('draws the deaths of S1 and S2 independently: |r| ≤ 0.02 over 20,000 iterations (zero coverage, fixed parameters)', async () => {
    // With fixed parameters, year-1 deaths from S1 and from S2 are independent binomial draws, so
    // their sample correlation over 20,000 iterations has sd 1/√20,000 ≈ 0.007: |r| ≤ 0.02 is
    // about 2.8 sd (issue 11's bound). The seed is fixed, so the test is reproducible.
    const iterations = 20_000;
    const bound = 0.02;
    const model = fixedWithoutPrograms(await modelOf(REPO, 'pionniers-dt2-2026', { iterations, horizon: 1 }));
    // The simulation alone (no summaries): the per-iteration records are what is compared.
    const layout = layoutOf(model);
    const target = { records: model.territories.flatMap(() => [new Float32Array(layout.size * model.iterations), new Float32Array(layout.size * model.iterations)]), thetas: new Float64Array(model.parameters.specs.length * model.iterations) };
    simulateChunk(model, 0, model.iterations, target);
    const flow = (key: string) => {
      const k = model.transitions.findIndex((t) => t.key === key);
      const total = new Array<number>(model.iterations).fill(0);
      model.territories.forEach((_, t) => target.records[2 * t]!.subarray((layout.flows + k) * model.iterations, (layout.flows + k + 1) * model.iterations).forEach((v, i) => (total[i]! += v)));
      return total;
    };
    const s1 = flow('S1->deces');
    const s2 = flow('S2->deces');
    expect(new Set(s1).size).toBeGreaterThan(100); // really random draws
    const r = correlation(s1, s2);
    console.log(`year-1 deaths from S1 and S2, ${iterations} iterations: r = ${r.toFixed(4)}`);
    expect(Math.abs(r)).toBeLessThanOrEqual(bound);
  });

  it('gives the same year-10 population within 2 % with `cycle: year` and `cycle: quarter` (expected mode)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-quarter-'));
    temporary.push(dir);
    for (const name of ['logi.config.yaml', 'guidelines', 'simulations']) cpSync(path.join(REPO, name), path.join(dir, name), { recursive: true });
    const pyramid = path.join(dir, 'guidelines/diabete-t2/pyramide.yaml');
    const text = readFileSync(pyramid, 'utf8');
    expect(text).toMatch(/^cycle: year$/m);
    writeFileSync(pyramid, text.replace(/^cycle: year$/m, 'cycle: quarter'));
    const yearly = await modelOf(REPO, 'pionniers-dt2-2026', { mode: 'expected' });
    const quarterly = await modelOf(dir, 'pionniers-dt2-2026', { mode: 'expected' });
    expect(quarterly.cyclesPerYear).toBe(4);
    const atHorizon = async (model: Model) => {
      const { summaries } = await run(model, 1);
      return summaries.blocks.find((b) => b.territory === 'ensemble' && b.arm === 'program' && b.scale === 'count')!;
    };
    const a = await atHorizon(yearly);
    const b = await atHorizon(quarterly);
    // S0 receives the inflows: before issue 11 they were added every cycle, 4 times a year (S0 at
    // year 10 was 1,168,398 instead of about 726,327).
    for (const state of ['S0', 'S1', 'S2', 'S3', 'S4', 'deces']) {
      const y = a.measures.counts[state]![10]!.mean;
      const q = b.measures.counts[state]![10]!.mean;
      // S4 allows 6 %: people cross S3 into S4 and leave it (back to S3, or dead) within a year
      // only with quarterly cycles; with the calibrated mortality (issue 15) that competing-risk
      // effect is 5.2 % of S4 at year 10.
      expect(Math.abs(q / y - 1), `${state}: ${y} yearly, ${q} quarterly`).toBeLessThanOrEqual(state === 'S0' ? 0.02 : state === 'S4' ? 0.06 : 0.05);
    }
    // Volumes per year follow the year, not the cycle: year-10 GP minutes within 5 %.
    expect(Math.abs(b.measures.minutes['medecin-generaliste']![9]!.mean / a.measures.minutes['medecin-generaliste']![9]!.mean - 1)).toBeLessThanOrEqual(0.05);
  });
});
