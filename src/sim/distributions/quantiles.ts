/**
 * Quantile functions Q(p) = inf{x : F(x) ≥ p} of the parameter distributions
 * (src/sim/distributions/forms.ts), for one-way sensitivity analyses (a parameter at its 2.5 % and
 * 97.5 % quantiles) and tornado diagrams:
 * - normal: Wichura's algorithm AS 241, PPND16, rational approximations of relative accuracy about
 *   10⁻¹⁶ (Wichura MJ, Algorithm AS 241: The percentage points of the normal distribution, Applied
 *   Statistics 1988;37(3):477–484);
 * - lognormal: exp(μ + σ Φ⁻¹(p)); uniform: a + p(b − a);
 * - triangular: the inverse of its piecewise-quadratic CDF;
 * - beta and gamma: F(x) = p solved by safeguarded Newton, F being the regularised incomplete beta
 *   and gamma functions evaluated by their series and continued fractions (Press WH, Teukolsky SA,
 *   Vetterling WT, Flannery BP, Numerical Recipes, 3rd ed., Cambridge University Press 2007, §6.2
 *   and §6.4; the continued fractions by the modified Lentz method, §5.2).
 */
import { logBeta, logGamma } from '../../analysis/densities.js';
import type { Distribution } from './forms.js';

/** The quantile of `d` at p ∈ [0, 1] (p = 0 and 1 give the ends of the support). */
export function quantileOf(d: Distribution, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`internal: a quantile needs p in [0, 1], not ${p}`);
  switch (d.kind) {
    case 'fixed':
      return d.central;
    case 'normal':
      return d.mean + d.sd * normalQuantile(p);
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * normalQuantile(p));
    case 'uniform':
      return d.low + p * (d.high - d.low);
    case 'triangular':
      return triangularQuantile(d.low, d.mode, d.high, p);
    case 'gamma':
      return d.scale * gammaQuantile(d.shape, p);
    case 'beta':
      return betaQuantile(d.alpha, d.beta, p);
  }
}

/** Horner's scheme: c₀ + c₁r + … + cₙrⁿ. */
function polynomial(coefficients: readonly number[], r: number): number {
  let value = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) value = value * r + coefficients[k]!;
  return value;
}

// AS 241 (PPND16): numerator and denominator coefficients, lowest degree first, for the central
// region |p − ½| ≤ 0.425 (in r = 0.180625 − q²), then in r = √(−ln min(p, 1 − p)) − 1.6 for r ≤ 5,
// and r − 5 beyond. They are written with the paper's 20 digits, so that they can be checked
// against it digit by digit; JavaScript rounds each to the nearest double.
/* eslint-disable no-loss-of-precision */
const CENTRAL_NUMERATOR = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
];
const CENTRAL_DENOMINATOR = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852545925,
];
const NEAR_NUMERATOR = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
  0.0227238449892691845833, 7.7454501427834140764e-4,
];
const NEAR_DENOMINATOR = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966,
  5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const FAR_NUMERATOR = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
  2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const FAR_DENOMINATOR = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5,
  1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
/* eslint-enable no-loss-of-precision */

/** Φ⁻¹(p), the standard normal quantile, by AS 241; ∓∞ at p = 0 and 1. */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUMERATOR, r)) / polynomial(CENTRAL_DENOMINATOR, r);
  }
  const tail = Math.min(p, 1 - p);
  if (tail === 0) return q < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let r = Math.sqrt(-Math.log(tail));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(NEAR_NUMERATOR, r) / polynomial(NEAR_DENOMINATOR, r);
  } else {
    r -= 5;
    value = polynomial(FAR_NUMERATOR, r) / polynomial(FAR_DENOMINATOR, r);
  }
  return q < 0 ? -value : value;
}

/**
 * The triangular(a, c, b) quantile: F(x) = (x − a)²/((b − a)(c − a)) up to the mode, where
 * F(c) = (c − a)/(b − a), and 1 − (b − x)²/((b − a)(b − c)) beyond, inverted piece by piece.
 */
function triangularQuantile(a: number, c: number, b: number, p: number): number {
  const atMode = (c - a) / (b - a);
  if (p < atMode) return a + Math.sqrt(p * (b - a) * (c - a));
  return b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

/**
 * The relative precision the Newton solver stops at; the series and continued fractions stop when
 * a term or factor changes the result by less than EPSILON, the spacing of doubles at 1 (NR §6.2).
 */
const TOLERANCE = 1e-14;
const EPSILON = Number.EPSILON;
/** Lentz's guard against a zero denominator (Numerical Recipes §5.2). */
const TINY = 1e-300;
/** Terms of a series or continued fraction before giving up: both converge in O(√max(a, b)) terms. */
const MAX_TERMS = 100_000;

/** Both tails of a CDF at x, F(x) and 1 − F(x): each function below computes one directly, the other by difference. */
export interface Tails {
  lower: number;
  upper: number;
}

/** From this shape on, ln Γ is taken from Stirling's series (see stirlingTail) wherever large terms would cancel. */
const STIRLING_FROM = 30;

/**
 * ln Γ(a) − [(a − ½) ln a − a + ½ ln 2π] = 1/(12a) − 1/(360a³) + 1/(1260a⁵) − 1/(1680a⁷) + …,
 * Stirling's series (Abramowitz M, Stegun IA, Handbook of Mathematical Functions, 1964, 6.1.41);
 * for a ≥ 30 the next term, 1/(1188a⁹), is below 10⁻¹⁶.
 */
function stirlingTail(a: number): number {
  const a2 = a * a;
  return (1 / (12 * a)) * (1 - (1 / (30 * a2)) * (1 - (2 / (7 * a2)) * (1 - 3 / (4 * a2))));
}

/**
 * ln(e^−x xᵃ/Γ(a)), the factor of both the series and the continued fraction. For a ≥ 30 the
 * direct sum −x + a ln x − ln Γ(a) cancels terms of size a ln a (10⁷ at a = 10⁶, an error of
 * 10⁻⁹ on the result); instead, with x = a(1 + t) and Stirling's series, it is
 * a(ln(1 + t) − t) + ½ ln(a/2π) − stirlingTail(a), whose terms are of the size of the result.
 */
function logGammaFront(a: number, x: number): number {
  if (a < STIRLING_FROM) return -x + a * Math.log(x) - logGamma(a);
  const t = (x - a) / a;
  return a * (Math.log1p(t) - t) + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingTail(a);
}

/**
 * ln(xᵃ(1 − x)ᵇ/B(a, b)), the factor of the incomplete beta function, written so that no terms of
 * the size of the shapes cancel (they would cost 10⁻⁹ relative at shapes of 10⁵):
 * - both shapes ≥ 30: about x₀ = a/(a + b), with u = x − x₀, it is
 *   a ln(1 + u/x₀) + b ln(1 − u/(1 − x₀)) + ½ ln(ab/(2π(a + b))) − T(a) − T(b) + T(a + b)
 *   (T = stirlingTail; the first-order terms of the two logarithms cancel exactly, (a + b)u each);
 * - one shape ≥ 30: ln B(a, b) = ln Γ(s) − (ℓ − ½) ln(1 + s/ℓ) − s ln(ℓ + s) + s + T(ℓ) − T(ℓ + s),
 *   s the smaller shape and ℓ the larger (Stirling's series for ln Γ(ℓ) − ln Γ(ℓ + s));
 * - else ln B(a, b) from ln Γ directly.
 */
function logBetaFront(a: number, b: number, x: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (small >= STIRLING_FROM) {
    const x0 = a / (a + b);
    const u = x - x0;
    const centre = 0.5 * Math.log((a * b) / (2 * Math.PI * (a + b))) - stirlingTail(a) - stirlingTail(b) + stirlingTail(a + b);
    return a * Math.log1p(u / x0) + b * Math.log1p(-u / (1 - x0)) + centre;
  }
  const logB =
    large < STIRLING_FROM
      ? logBeta(a, b)
      : logGamma(small) - (large - 0.5) * Math.log1p(small / large) - small * Math.log(large + small) + small + stirlingTail(large) - stirlingTail(large + small);
  return a * Math.log(x) + b * Math.log1p(-x) - logB;
}

/**
 * The regularised incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) (the CDF of gamma(a, 1)) and
 * Q(a, x) = 1 − P(a, x): for x < a + 1, P by the series e^−x xᵃ/Γ(a) Σₙ xⁿ/(a(a + 1)…(a + n)),
 * which converges fast there; beyond, Q by the continued fraction
 * e^−x xᵃ/Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))) (NR §6.2).
 */
export function gammaTails(a: number, x: number): Tails {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  const front = Math.exp(logGammaFront(a, x));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_TERMS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) return { lower: sum * front, upper: 1 - sum * front };
    }
    throw new Error(`internal: the incomplete gamma series did not converge (a = ${a}, x = ${x})`);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) return { lower: 1 - front * fraction, upper: front * fraction };
  }
  throw new Error(`internal: the incomplete gamma continued fraction did not converge (a = ${a}, x = ${x})`);
}

/**
 * The continued fraction of I_x(a, b) (NR §6.4): I_x(a, b) = xᵃ(1 − x)ᵇ/(a B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))),
 * d₂ₘ₊₁ = −(a + m)(a + b + m)x/((a + 2m)(a + 2m + 1)), d₂ₘ = m(b − m)x/((a + 2m − 1)(a + 2m)); it
 * converges fast for x < (a + 1)/(a + b + 2). Returns the fraction 1/(1 + d₁/(1 + …)).
 */
function betaFraction(a: number, b: number, x: number): number {
  const guard = (v: number): number => (Math.abs(v) < TINY ? TINY : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let fraction = d;
  for (let m = 1; m < MAX_TERMS; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) return fraction;
  }
  throw new Error(`internal: the incomplete beta continued fraction did not converge (a = ${a}, b = ${b}, x = ${x})`);
}

/**
 * The regularised incomplete beta function I_x(a, b) (the CDF of beta(a, b)) and 1 − I_x(a, b):
 * the continued fraction gives I_x(a, b) below x = (a + 1)/(a + b + 2), and 1 − I_x(a, b) =
 * I_{1−x}(b, a) above it.
 */
export function betaTails(a: number, b: number, x: number): Tails {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x >= 1) return { lower: 1, upper: 0 };
  const front = Math.exp(logBetaFront(a, b, x));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaFraction(a, b, x)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (front * betaFraction(b, a, 1 - x)) / b;
  return { lower: 1 - upper, upper };
}

/**
 * F(x) − p, increasing in x, computed from the smaller tail: below the median as F(x) − p, above
 * it as (1 − p) − (1 − F(x)), 1 − p being exact for p ≥ ½ (Sterbenz's lemma); so a quantile near 1
 * keeps the relative precision of its upper tail rather than the 10⁻¹⁶ absolute of F.
 */
const residualOf = (tails: (x: number) => Tails, p: number) => (p <= 0.5 ? (x: number) => tails(x).lower - p : (x: number) => 1 - p - tails(x).upper);

/**
 * The x in (lo, hi) where `residual` (increasing, with derivative `density`) is 0, given
 * residual(lo) ≤ 0 ≤ residual(hi) and lo > 0: Newton's steps while they stay inside the bracket and
 * at least halve the step before last, else bisection — geometric (√lo·√hi, which does not
 * underflow) while hi/lo > 4, so that quantiles of 10⁻³⁰⁰ are reached in a few hundred steps —
 * the safeguard of NR §9.4 (rtsafe). Stops when a Newton step is below TOLERANCE·x (the next
 * error is of the order of its square), or the bracket is below TOLERANCE·lo, or at adjacent doubles.
 */
function solve(residual: (x: number) => number, density: (x: number) => number, bracket: [number, number], start: number): number {
  let [lo, hi] = bracket;
  let x = start > lo && start < hi ? start : Math.sqrt(lo) * Math.sqrt(hi);
  let stepBeforeLast = hi - lo;
  let lastStep = stepBeforeLast;
  for (let iteration = 0; iteration < 2000; iteration++) {
    const f = residual(x);
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    // An infinite density (a beta or gamma of shape < 1 near its end) gives no Newton step.
    const slope = density(x);
    const newton = slope > 0 && slope < Number.POSITIVE_INFINITY ? x - f / slope : Number.NaN;
    const accept = newton > lo && newton < hi && Math.abs(newton - x) < Math.abs(stepBeforeLast) / 2;
    const next = accept ? newton : hi / lo > 4 ? Math.sqrt(lo) * Math.sqrt(hi) : lo + (hi - lo) / 2;
    stepBeforeLast = lastStep;
    lastStep = next - x;
    if (accept && Math.abs(lastStep) <= TOLERANCE * next) return next;
    if (hi - lo <= TOLERANCE * lo || next === lo || next === hi) return next;
    x = next;
  }
  throw new Error('internal: the quantile solver did not converge');
}

/**
 * The quantile of gamma(a, 1). Bracket: P(a, x) ≤ xᵃ/Γ(a + 1) (e^−t ≤ 1 under the integral), so
 * x₀ = (pΓ(a + 1))^(1/a) has P ≤ p; the upper end doubles from a + 1 until P ≥ p. Start: the
 * Wilson–Hilferty approximation a(1 − 1/(9a) + z/(3√a))³ (Wilson EB, Hilferty MM, The
 * distribution of chi-square, PNAS 1931;17(12):684–688) when positive, else x₀.
 */
function gammaQuantile(a: number, p: number): number {
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const residual = residualOf((x) => gammaTails(a, x), p);
  const low = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  // Below the smallest double: the quantile rounds to 0.
  if (low === 0 && residual(Number.MIN_VALUE) >= 0) return 0;
  const lo = Math.max(low, Number.MIN_VALUE);
  if (residual(lo) >= 0) return lo;
  let hi = Math.max(a + 1, 2 * lo);
  while (residual(hi) < 0) hi *= 2;
  const wilsonHilferty = a * (1 - 1 / (9 * a) + normalQuantile(p) / (3 * Math.sqrt(a))) ** 3;
  const density = (x: number): number => Math.exp(logGammaFront(a, x)) / x;
  return solve(residual, density, [lo, hi], wilsonHilferty > 0 ? wilsonHilferty : lo);
}

/**
 * The quantile of beta(a, b). Bracket: the lower end divides by 16 from the mean until F ≤ p
 * (0 when that underflows: the quantile rounds to 0); the upper end is 1 (F(1) = 1 ≥ p). Start: the mean a/(a + b).
 */
function betaQuantile(a: number, b: number, p: number): number {
  if (p === 0) return 0;
  if (p === 1) return 1;
  const residual = residualOf((x) => betaTails(a, b, x), p);
  let lo = a / (a + b);
  while (lo > 0 && residual(lo) > 0) lo /= 16;
  if (lo === 0) return 0;
  const density = (x: number): number => Math.exp(logBetaFront(a, b, x)) / (x * (1 - x));
  return solve(residual, density, [lo, 1], a / (a + b));
}
