/** Simulates a contiguous block of iterations: the unit of work a worker thread receives. */
import { FlowScratch, layoutOf, simulateTerritoryArm } from './engine.js';
import type { Model } from './model.js';
import { centralParameters, sampleParameters } from './parameters.js';
import { ALL_TERRITORIES, deriveStream } from './random.js';

export interface ChunkResult {
  chunk: number;
  start: number;
  count: number;
  /** Per (territory × arms + arm): records laid out [measure][iteration in chunk]. */
  records: Float32Array[];
  /** θ of each iteration, laid out [iteration in chunk][parameter]. */
  thetas: Float64Array;
  /** Per (territory × arms + arm): node and edge totals summed over the chunk's iterations. */
  overlays: Float64Array[];
}

export function simulateChunk(model: Model, chunk: number, start: number, count: number): ChunkResult {
  const layout = layoutOf(model);
  const P = model.parameters.specs.length;
  const pairs = model.territories.length * model.arms.length;
  const records = Array.from({ length: pairs }, () => new Float32Array(layout.size * count));
  const overlays = Array.from({ length: pairs }, () => new Float64Array(layout.overlaySize));
  const thetas = new Float64Array(P * count);
  const record = new Float64Array(layout.size);
  const scratch = model.logigrammes.map((l) => new FlowScratch(l));
  const stochastic = model.mode === 'stochastic';
  for (let k = 0; k < count; k++) {
    const iteration = start + k;
    // θᵢ: drawn once per iteration, shared by every territory and both arms.
    const theta =
      model.mode === 'expected' ? centralParameters(model.parameters) : sampleParameters(model.parameters, deriveStream(model.seed, ALL_TERRITORIES, iteration, 'parameters'), iteration);
    thetas.set(theta, k * P);
    for (let t = 0; t < model.territories.length; t++) {
      for (let a = 0; a < model.arms.length; a++) {
        const pair = t * model.arms.length + a;
        record.fill(0);
        simulateTerritoryArm({ model, layout, theta, iteration, stochastic }, t, a, record, overlays[pair]!, scratch);
        const out = records[pair]!;
        for (let m = 0; m < layout.size; m++) out[m * count + k] = record[m]!;
      }
    }
  }
  return { chunk, start, count, records, thetas, overlays };
}
