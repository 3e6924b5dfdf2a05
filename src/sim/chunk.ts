/** Simulates a contiguous block of iterations: the unit of work a worker thread receives. */
import { EngineScratch, layoutOf, simulateTerritoryArm, territoryStreams } from './engine.js';
import type { Model } from './model.js';
import { centralParameters, sampleParameters } from './parameters.js';
import { ALL_TERRITORIES, deriveStream } from './random.js';

/** Where the iterations' records go: shared between threads, laid out [measure][iteration]. */
export interface RecordTarget {
  /** Per (territory × arms + arm): Float32 records, [measure][iteration] over all iterations. */
  records: Float32Array[];
  /** θ of each iteration, [iteration][parameter]. */
  thetas: Float64Array;
}

/**
 * Simulates iterations [start, start + count) into `target`, and returns the node and edge totals
 * of the block per (territory, arm), summed over its iterations.
 */
export function simulateChunk(model: Model, start: number, count: number, target: RecordTarget): Float64Array[] {
  const layout = layoutOf(model);
  const N = model.iterations;
  const P = model.parameters.specs.length;
  const pairs = model.territories.length * model.arms.length;
  const overlays = Array.from({ length: pairs }, () => new Float64Array(layout.overlaySize));
  const record = new Float64Array(layout.size);
  // The block's records, [pair][iteration in block][measure], transposed once at the end so that
  // shared memory is written in runs of `count` values rather than one value per measure.
  const local = Array.from({ length: pairs }, () => new Float64Array(layout.size * count));
  const buffers = new EngineScratch(model);
  const stochastic = model.mode === 'stochastic';
  const central = centralParameters(model.parameters);
  const drawn = new Float64Array(P);
  for (let k = 0; k < count; k++) {
    const iteration = start + k;
    // θᵢ: drawn once per iteration, shared by every territory and both arms.
    const theta = model.mode === 'expected' ? central : sampleParameters(model.parameters, deriveStream(model.seed, ALL_TERRITORIES, iteration, 'parameters'), iteration, drawn);
    target.thetas.set(theta, iteration * P);
    for (let t = 0; t < model.territories.length; t++) {
      const territory = model.territories[t]!.id;
      const shared = territoryStreams(model.seed, territory, iteration);
      for (let a = 0; a < model.arms.length; a++) {
        // Common random numbers: both arms replay the same streams (the default).
        const streams = model.commonRandomNumbers || a === 0 ? shared : territoryStreams(model.seed, `${territory}#${model.arms[a]!.id}`, iteration);
        const pair = t * model.arms.length + a;
        record.fill(0);
        simulateTerritoryArm({ model, layout, theta, iteration, stochastic }, t, a, streams, record, overlays[pair]!, buffers);
        local[pair]!.set(record, k * layout.size);
      }
    }
  }
  for (let pair = 0; pair < pairs; pair++) {
    const source = local[pair]!;
    const out = target.records[pair]!;
    for (let m = 0; m < layout.size; m++) {
      const base = m * N + start;
      for (let k = 0; k < count; k++) out[base + k] = source[k * layout.size + m]!;
    }
  }
  return overlays;
}
