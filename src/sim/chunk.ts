/** Simulates a contiguous block of iterations: the unit of work a worker thread receives. */
import { EngineScratch, layoutOf, simulateTerritoryArm } from './engine.js';
import type { Model } from './model.js';
import { applyPosterior } from './parameter-sets.js';
import { centralParameters, sampleParameters } from './parameters.js';
import { ALL_TERRITORIES, AleaStream, PURPOSE_CODES, StreamKey } from './random.js';

/**
 * Where the iterations' records go: shared between threads, laid out [measure][iteration].
 * Per territory t, `records[2t]` holds the baseline and `records[2t + 1]` the paired difference
 * program − baseline, computed in double precision before either is stored in single precision:
 * a small difference between two large counts keeps its digits (the program is baseline +
 * difference, see summarize.ts).
 */
export interface RecordTarget {
  records: (Float32Array | Float64Array)[];
  /** θ of each iteration, [iteration][parameter]. */
  thetas: Float64Array;
  /**
   * θ is already there: drawn by an earlier batch of territories of the same run (src/sim/ensemble.ts).
   * It is read instead of drawn again (the same values: θ's streams are keyed by the iteration only).
   */
  thetasReady?: boolean;
}

/**
 * The coverage of every (arm, year, stratum) for one θ, laid out [arm][year − 1][stratum]: each
 * year takes its slot of the ramp (the last one holds); a coverage relative to the baseline adds
 * the baseline's coverage of the same stratum and year, and the sum is clamped to [0, 1].
 */
export function coveragesOf(model: Model, theta: Float64Array, out = new Float64Array(model.arms.length * model.horizon * model.strataCount)): Float64Array {
  const H = model.horizon;
  const S = model.strataCount;
  model.arms.forEach((arm, a) => {
    for (let year = 1; year <= H; year++) {
      for (let s = 0; s < S; s++) {
        const plan = arm.strata[s];
        let value = 0;
        if (plan) {
          const slots = plan.coverage.slots;
          value = theta[slots[Math.min(year - 1, slots.length - 1)]!]!;
          if (plan.coverage.relativeTo === 'baseline') value = Math.min(1, Math.max(0, value + out[(year - 1) * S + s]!));
        }
        out[(a * H + year - 1) * S + s] = value;
      }
    }
  });
  return out;
}

/**
 * Simulates iterations [start, start + count) into `target`, and returns the node and edge totals
 * of the block per (territory, arm), summed over its iterations.
 */
/**
 * Kept baselines (the sweeps of src/analysis/sweep.ts): per territory, the baseline arm's record of
 * each iteration in double precision, laid out [iteration][measure]. With `simulate` they are
 * written; without, read — the baseline of an earlier run of the same θ, which a varied value
 * that does not reach the baseline arm leaves unchanged — and the baseline arm is not simulated
 * (its node and edge totals then stay 0).
 */
export interface KeptBaselines {
  records: Float64Array[];
  simulate: boolean;
}

export function simulateChunk(model: Model, start: number, count: number, target: RecordTarget, kept?: KeptBaselines): Float64Array[] {
  const layout = layoutOf(model);
  const N = model.iterations;
  const P = model.parameters.specs.length;
  const T = model.territories.length;
  const overlays = Array.from({ length: T * 2 }, () => new Float64Array(layout.overlaySize));
  const ownBaseline = new Float64Array(layout.size);
  const program = new Float64Array(layout.size);
  // The block's records, [territory × 2 + (0 baseline, 1 difference)][iteration in block][measure],
  // transposed once at the end so that shared memory is written in runs of `count` values.
  const local = Array.from({ length: T * 2 }, () => new Float64Array(layout.size * count));
  const buffers = new EngineScratch(model);
  const stochastic = model.mode === 'stochastic';
  const central = centralParameters(model.parameters);
  const drawn = new Float64Array(P);
  const coverages = new Float64Array(model.arms.length * model.horizon * model.strataCount);
  const thetaStream = new AleaStream();
  const thetaKey = new StreamKey();
  const territoryStream = new AleaStream();
  const territoryKey = new StreamKey();
  const key = new StreamKey();
  const programKey = new StreamKey();
  for (let k = 0; k < count; k++) {
    const iteration = start + k;
    // θᵢ: drawn once per iteration, shared by every territory and both arms.
    let theta = central;
    if (target.thetasReady) theta = target.thetas.subarray(iteration * P, (iteration + 1) * P);
    else if (model.mode !== 'expected') {
      thetaKey.set(model.seed, ALL_TERRITORIES, iteration).seed(thetaStream, PURPOSE_CODES.parameters, 0, 0);
      // A territory's own parameters come from its (seed, territory, iteration, parameters) stream.
      const territoryUniform = (territory: string) => {
        territoryKey.set(model.seed, territory, iteration).seed(territoryStream, PURPOSE_CODES.parameters, 0, 0);
        return territoryStream.next;
      };
      theta = sampleParameters(model.parameters, thetaStream.next, iteration, drawn, territoryUniform);
      // A calibration's posterior sample: its sets keep the correlations the calibration found.
      if (model.posterior) applyPosterior(model.posterior, iteration, theta);
    }
    if (!target.thetasReady) target.thetas.set(theta, iteration * P);
    const context = { model, layout, theta, coverages: coveragesOf(model, theta, coverages), iteration, stochastic };
    for (let t = 0; t < T; t++) {
      const territory = model.territories[t]!.id;
      key.set(model.seed, territory, iteration);
      // Common random numbers: both arms draw from the same keys (the default).
      const armKey = model.commonRandomNumbers ? key : programKey.set(model.seed, `${territory}#${model.arms[1]!.id}`, iteration);
      const baseline = kept ? kept.records[t]!.subarray(iteration * layout.size, (iteration + 1) * layout.size) : ownBaseline;
      if (!kept || kept.simulate) {
        baseline.fill(0);
        simulateTerritoryArm(context, t, 0, key, baseline, overlays[2 * t]!, buffers);
      }
      program.fill(0);
      simulateTerritoryArm(context, t, 1, armKey, program, overlays[2 * t + 1]!, buffers);
      const base = k * layout.size;
      const b = local[2 * t]!;
      const d = local[2 * t + 1]!;
      for (let m = 0; m < layout.size; m++) {
        b[base + m] = baseline[m]!;
        d[base + m] = program[m]! - baseline[m]!;
      }
    }
  }
  for (let pair = 0; pair < T * 2; pair++) {
    const source = local[pair]!;
    const out = target.records[pair]!;
    for (let m = 0; m < layout.size; m++) {
      const base = m * N + start;
      for (let k = 0; k < count; k++) out[base + k] = source[k * layout.size + m]!;
    }
  }
  return overlays;
}
