/** Evaluates a block of parameter sets: the same code on the main thread and in worker threads. */
import { ParameterError } from '../sim/parameters.js';
import type { Evaluator } from './evaluate.js';

/**
 * `points` holds the free parameters' values set by set ([set][free parameter]); each set is put
 * into a copy of `base` (θ with every other parameter at its central value) at `slots`. Returns
 * the targets' values, [set][target]. A set the model refuses (a row of transition probabilities
 * summing above 1, a trend leaving its range: a ParameterError) gets NaN values, so a likelihood of
 * 0: such a set is impossible, not an error of the calibration.
 */
export function evaluateBlock(evaluator: Evaluator, base: Float64Array, slots: number[], points: Float64Array): Float64Array {
  const d = slots.length;
  const sets = d === 0 ? 0 : points.length / d;
  const T = evaluator.targets.length;
  const values = new Float64Array(sets * T);
  const theta = Float64Array.from(base);
  const row = new Float64Array(T);
  for (let i = 0; i < sets; i++) {
    for (let k = 0; k < d; k++) theta[slots[k]!] = points[i * d + k]!;
    try {
      evaluator.evaluate(theta, row);
    } catch (error) {
      if (!(error instanceof ParameterError)) throw error;
      row.fill(Number.NaN);
    }
    values.set(row, i * T);
  }
  return values;
}
