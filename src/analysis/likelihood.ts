/**
 * The likelihood of one observed target given the model's value (docs/calibration.md,
 * "Likelihoods"), and the observed 95 % interval the report shows. Pure.
 */
import { logFactorial, Z975 } from '../sim/distributions/index.js';

export type Likelihood =
  /** `interval`: the 95 % interval as written (`ci95`), shown instead of value ± z·sd. */
  | { kind: 'normal'; value: number; sd: number; interval?: readonly [number, number] }
  /** An observed count k; the model's value is the Poisson mean λ. */
  | { kind: 'poisson'; value: number }
  /** k = value / scale × n successes of n; the model's value / scale is the probability. */
  | { kind: 'binomial'; value: number; n: number; scale: number };

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln L(observed | model value); −∞ when the model's value is impossible (or not a number). */
export function logLikelihood(likelihood: Likelihood, model: number): number {
  if (!Number.isFinite(model)) return Number.NEGATIVE_INFINITY;
  if (likelihood.kind === 'normal') {
    const z = (model - likelihood.value) / likelihood.sd;
    return -0.5 * z * z - Math.log(likelihood.sd) - HALF_LOG_TWO_PI;
  }
  if (likelihood.kind === 'poisson') {
    const k = Math.round(likelihood.value);
    if (model < 0) return Number.NEGATIVE_INFINITY;
    if (model === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
    return k * Math.log(model) - model - logFactorial(k);
  }
  const n = likelihood.n;
  const k = Math.round((likelihood.value / likelihood.scale) * n);
  const p = model / likelihood.scale;
  if (p < 0 || p > 1) return Number.NEGATIVE_INFINITY;
  const logChoose = logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  // 0 · ln 0 = 0: a probability of 0 (or 1) is possible only when nobody (or everybody) was seen.
  const successes = k === 0 ? 0 : k * Math.log(p);
  const failures = n - k === 0 ? 0 : (n - k) * Math.log(1 - p);
  return logChoose + successes + failures;
}

/**
 * The observed 95 % interval: the `ci95` as written, else value ± z·sd (normal); value ± z·√value (Poisson, its normal
 * approximation); p̂ ± z·√(p̂(1 − p̂)/n), times the scale (binomial, Wald). z = Φ⁻¹(0.975).
 */
export function observedInterval(likelihood: Likelihood): { low: number; high: number } {
  if (likelihood.kind === 'normal') {
    if (likelihood.interval) return { low: likelihood.interval[0], high: likelihood.interval[1] };
    return { low: likelihood.value - Z975 * likelihood.sd, high: likelihood.value + Z975 * likelihood.sd };
  }
  if (likelihood.kind === 'poisson') {
    const half = Z975 * Math.sqrt(Math.max(0, likelihood.value));
    return { low: Math.max(0, likelihood.value - half), high: likelihood.value + half };
  }
  const p = likelihood.value / likelihood.scale;
  const half = Z975 * Math.sqrt(Math.max(0, p * (1 - p)) / likelihood.n);
  return { low: Math.max(0, p - half) * likelihood.scale, high: Math.min(1, p + half) * likelihood.scale };
}
