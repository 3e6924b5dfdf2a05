/**
 * Log densities of the parameter distributions (src/sim/distributions/forms.ts), for priors in
 * calibration (docs/calibration-maths.md, "Densities"). Each is the natural log of the density
 * with respect to Lebesgue measure on the real line, normalised (it integrates to 1), so that it
 * can be mixed with other normalised densities (IMIS, src/analysis/imis.ts).
 */
import type { Distribution } from '../sim/distributions/forms.js';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Lanczos' coefficients for g = 7, n = 9 (Lanczos C., "A precision approximation of the gamma
 * function", J. SIAM Numer. Anal. Ser. B 1 (1964) 86–96; this coefficient set is P. Godfrey's,
 * relative error of Γ below 2·10⁻¹⁵ on the positive reals).
 */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0. For x ≥ 1/2, Lanczos: Γ(z + 1) = √(2π) (z + g + ½)^(z + ½) e^−(z + g + ½) A_g(z),
 * A_g(z) = c₀ + Σₖ cₖ/(z + k), with z = x − 1; below 1/2, ln Γ(x) = ln Γ(x + 1) − ln x. NaN for x ≤ 0.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let series = LANCZOS[0]!;
  for (let k = 1; k < LANCZOS.length; k++) series += LANCZOS[k]! / (z + k);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * (k − 1)·ln x with the convention 0·(−∞) = 0: the exponent k = 1 makes the factor x^(k−1) equal
 * to 1 even at x = 0, where the density of a beta(1, β) or a gamma of shape 1 is finite.
 */
const powerTerm = (exponent: number, logX: number): number => (exponent === 0 ? 0 : exponent * logX);

/**
 * ln f(x) for a distribution of the language, −∞ outside its support, NaN for x = NaN:
 * - beta(α, β) on [0, 1]: (α − 1) ln x + (β − 1) ln(1 − x) − ln B(α, β) (at x = 0 or 1: +∞ when
 *   the exponent is negative, −∞ when positive, the finite limit when it is 0);
 * - gamma(shape k, scale θ) on [0, ∞): (k − 1) ln x − x/θ − ln Γ(k) − k ln θ (same convention at 0);
 * - lognormal(μ, σ) on (0, ∞): −ln x − ln σ − ½ ln 2π − (ln x − μ)²/(2σ²);
 * - normal(m, s): −ln s − ½ ln 2π − (x − m)²/(2s²);
 * - uniform(a, b) on [a, b]: −ln(b − a);
 * - triangular(a, c, b) on [a, b]: ln(2(x − a)/((b − a)(c − a))) for a ≤ x < c, ln(2/(b − a)) at
 *   x = c, ln(2(b − x)/((b − a)(b − c))) for c < x ≤ b.
 * Internal error for `fixed`: a fixed value has no density, so it cannot be a prior (the caller
 * refuses such a prior with a message before calling this).
 */
export function logDensity(distribution: Distribution, x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  switch (distribution.kind) {
    case 'fixed':
      throw new Error(`internal: logDensity of a fixed value (${distribution.central}): a fixed value has no density and cannot be a prior`);
    case 'beta': {
      const { alpha, beta } = distribution;
      if (x < 0 || x > 1) return Number.NEGATIVE_INFINITY;
      return powerTerm(alpha - 1, Math.log(x)) + powerTerm(beta - 1, Math.log1p(-x)) - logBeta(alpha, beta);
    }
    case 'gamma': {
      const { shape, scale } = distribution;
      if (x < 0) return Number.NEGATIVE_INFINITY;
      return powerTerm(shape - 1, Math.log(x)) - x / scale - logGamma(shape) - shape * Math.log(scale);
    }
    case 'lognormal': {
      const { mu, sigma } = distribution;
      if (x <= 0) return Number.NEGATIVE_INFINITY;
      const z = (Math.log(x) - mu) / sigma;
      return -Math.log(x) - Math.log(sigma) - HALF_LOG_TWO_PI - 0.5 * z * z;
    }
    case 'normal': {
      const z = (x - distribution.mean) / distribution.sd;
      return -Math.log(distribution.sd) - HALF_LOG_TWO_PI - 0.5 * z * z;
    }
    case 'uniform':
      return x >= distribution.low && x <= distribution.high ? -Math.log(distribution.high - distribution.low) : Number.NEGATIVE_INFINITY;
    case 'triangular':
      return triangularLogDensity(distribution.low, distribution.mode, distribution.high, x);
  }
}

function triangularLogDensity(low: number, mode: number, high: number, x: number): number {
  if (x < low || x > high) return Number.NEGATIVE_INFINITY;
  const width = high - low;
  if (x < mode) return Math.log((2 * (x - low)) / (width * (mode - low)));
  if (x === mode) return Math.log(2 / width);
  return Math.log((2 * (high - x)) / (width * (high - mode)));
}
