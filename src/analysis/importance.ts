/**
 * Importance weights and resampling (docs/calibration-maths.md, "Importance weights"). A point θᵢ
 * drawn from a proposal q has the log importance weight ln wᵢ = ln p(θᵢ) + ln L(θᵢ) − ln q(θᵢ)
 * (prior, likelihood, proposal); any of them may be −∞ (weight 0). Sampling-importance-resampling
 * (SIR): Rubin D.B., "Using the SIR algorithm to simulate posterior distributions", in Bernardo
 * J.M. et al. (eds), Bayesian Statistics 3, Oxford University Press (1988) 395–402; Smith A.F.M. &
 * Gelfand A.E., "Bayesian statistics without tears: a sampling–resampling perspective", Amer.
 * Statist. 46 (1992) 84–88.
 */
import type { Uniform } from '../sim/random.js';

export type NormalisedWeights =
  | {
      status: 'ok';
      /** wᵢ / Σⱼ wⱼ, summing to 1 (to rounding). */
      weights: Float64Array;
      /** ln Σᵢ wᵢ: the log of the sum of the unnormalised weights. */
      logTotal: number;
      /** Kish's effective sample size of the weights, in [1, N]. */
      ess: number;
    }
  /** Every log weight is −∞ (or NaN): no point has any weight. */
  | { status: 'no-weight' }
  /** A log weight is +∞ (the first such index): the weights cannot be normalised. */
  | { status: 'infinite-weight'; index: number };

/**
 * ln Σ e^(aᵢ) by the log-sum-exp: m + ln Σ e^(aᵢ − m), m = max aᵢ, so that no term overflows and
 * the largest is exactly 1. NaN entries are read as −∞; −∞ when every entry is −∞ (or there are
 * none); +∞ when an entry is +∞.
 */
export function logSumExp(values: ArrayLike<number>): number {
  let largest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! > largest) largest = values[i]!;
  if (largest === Number.NEGATIVE_INFINITY || largest === Number.POSITIVE_INFINITY) return largest;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > Number.NEGATIVE_INFINITY) sum += Math.exp(v - largest);
  }
  return largest + Math.log(sum);
}

/**
 * Normalised weights from log weights: wᵢ = e^(ln wᵢ − ln Σⱼ wⱼ), the sum by logSumExp. A NaN log
 * weight (a model run that gave no number) is read as −∞, weight 0.
 */
export function normaliseLogWeights(logWeights: ArrayLike<number>): NormalisedWeights {
  for (let i = 0; i < logWeights.length; i++) if (logWeights[i] === Number.POSITIVE_INFINITY) return { status: 'infinite-weight', index: i };
  const logTotal = logSumExp(logWeights);
  if (logTotal === Number.NEGATIVE_INFINITY) return { status: 'no-weight' };
  const weights = new Float64Array(logWeights.length);
  for (let i = 0; i < weights.length; i++) {
    const v = logWeights[i]!;
    weights[i] = v > Number.NEGATIVE_INFINITY ? Math.exp(v - logTotal) : 0;
  }
  return { status: 'ok', weights, logTotal, ess: effectiveSampleSize(weights) };
}

/**
 * Kish's effective sample size (Σwᵢ)²/Σwᵢ² (Kish L., Survey Sampling, Wiley, 1965; its use for
 * importance sampling: Kong A., Liu J.S. & Wong W.H., "Sequential imputations and Bayesian missing
 * data problems", J. Amer. Statist. Assoc. 89 (1994) 278–288). Unnormalised weights are accepted
 * (the ratio is scale-free); the sums are taken after dividing by the largest weight, so that
 * squares neither overflow nor underflow. 0 when every weight is 0.
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > largest) largest = weights[i]!;
  if (largest === 0) return 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]! / largest;
    sum += w;
    squares += w * w;
  }
  return (sum * sum) / squares;
}

/**
 * `count` indices drawn independently with probabilities proportional to `weights` (multinomial
 * resampling, with replacement: Rubin 1988). With the cumulative sums Cᵢ = w₀ + … + wᵢ and
 * T = C_{N−1}, draw k (k = 0, 1, …, count − 1, in that order) takes one uniform u_k from the
 * stream and returns the smallest i with Cᵢ > u_k·T (a binary search). The indices come in the
 * order they are drawn, so every prefix of the result is itself an independent sample (which
 * systematic resampling, whose indices come sorted, is not). A zero weight is never drawn. Internal
 * error when no weight is positive or a weight is negative or not finite.
 */
export function resampleMultinomial(weights: ArrayLike<number>, count: number, uniform: Uniform): Int32Array {
  const n = weights.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && w < Number.POSITIVE_INFINITY)) throw new Error(`internal: resampling weight ${i} is ${w}`);
    total += w;
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new Error('internal: resampling with no positive weight');
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const target = uniform() * total;
    let lowest = 0;
    let highest = n - 1;
    // Invariant: the answer lies in [lowest, highest]; C_highest > target since target < T.
    while (lowest < highest) {
      const middle = (lowest + highest) >>> 1;
      if (cumulative[middle]! > target) highest = middle;
      else lowest = middle + 1;
    }
    out[k] = lowest;
  }
  return out;
}
