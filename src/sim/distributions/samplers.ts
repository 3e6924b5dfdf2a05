/**
 * Exact samplers for the count noise (binomial, multinomial, Poisson) and for the parameter
 * distributions of the language (beta, gamma, lognormal, normal, uniform, triangular, Dirichlet).
 * Every sampler takes its uniform stream as an argument.
 */
import type { Uniform } from '../random.js';

// ---- log-factorials ----------------------------------------------------------------------

const LOG_FACTORIAL_TABLE_SIZE = 256;
const logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
for (let k = 1; k < LOG_FACTORIAL_TABLE_SIZE; k++) logFactorialTable[k] = logFactorialTable[k - 1]! + Math.log(k);
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(k!) — exact table below 256, Stirling's series beyond (error < 1e-14 there). */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k]!;
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

// ---- binomial ----------------------------------------------------------------------------

/**
 * Binomial(n, p), exact. Inversion by sequential search when n·min(p, 1−p) < 10; otherwise
 * BTRS, the transformed rejection with squeeze of Hörmann W., "The generation of binomial random
 * variates", J. Stat. Comput. Simul. 46 (1993) 101–110. (NumPy uses another exact algorithm,
 * BTPE: Kachitvichyanukul V. & Schmeiser B.W., Commun. ACM 31 (1988) 216–222, above n·p = 30.)
 */
export function binomial(uniform: Uniform, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(uniform, n, 1 - p);
  if (n * p < 10) return binomialInversion(uniform, n, p);
  return binomialBtrs(uniform, n, p);
}

function binomialInversion(uniform: Uniform, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  let r = Math.exp(n * Math.log1p(-p));
  let u = uniform();
  let x = 0;
  while (u > r) {
    u -= r;
    x += 1;
    if (x > n) return n; // only reachable through rounding at the far tail
    r *= a / x - s;
  }
  return x;
}

function binomialBtrs(uniform: Uniform, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  // The constants of the exact acceptance test are needed only when the squeeze fails (about one
  // draw in seven): computed lazily, they cost nothing on the fast path.
  let alpha = 0;
  let lpq = 0;
  let m = 0;
  let h = Number.NaN;
  for (;;) {
    const u = uniform() - 0.5;
    let v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (Number.isNaN(h)) {
      alpha = (2.83 + 5.1 / b) * spq;
      lpq = Math.log(p / q);
      m = Math.floor((n + 1) * p);
      h = logFactorial(m) + logFactorial(n - m);
    }
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/**
 * Multinomial by conditional binomials: out[j] ~ Binomial(remaining, p_j / remaining mass).
 * `probabilities` may sum to less than 1: the rest stays in `n − Σ out` (returned).
 */
export function multinomial(uniform: Uniform, n: number, probabilities: ArrayLike<number>, out: Float64Array | number[], count = probabilities.length): number {
  let remaining = n;
  let mass = 1;
  for (let j = 0; j < count; j++) {
    const pj = probabilities[j]!;
    if (remaining <= 0 || pj <= 0) {
      out[j] = 0;
      continue;
    }
    const x = pj >= mass ? remaining : binomial(uniform, remaining, pj / mass);
    out[j] = x;
    remaining -= x;
    mass -= pj;
  }
  return remaining;
}

// ---- Poisson -----------------------------------------------------------------------------

/**
 * Poisson(mean), exact: multiplication method below 10; PTRS above (Hörmann W., "The transformed
 * rejection method for generating Poisson random variables", Insurance: Mathematics and
 * Economics 12 (1993) 39–45).
 */
export function poisson(uniform: Uniform, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let product = uniform();
    let k = 0;
    while (product > limit) {
      k += 1;
      product *= uniform();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = uniform() - 0.5;
    const v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
}

// ---- continuous distributions for parameters ---------------------------------------------

/** Standard normal by Marsaglia's polar method. */
export function standardNormal(uniform: Uniform): number {
  for (;;) {
    const x = 2 * uniform() - 1;
    const y = 2 * uniform() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, scale = 1) by Marsaglia G., Tsang W.W., ACM TOMS 26 (2000) 363–372. */
export function standardGamma(uniform: Uniform, shape: number): number {
  if (shape < 1) {
    // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
    return standardGamma(uniform, shape + 1) * Math.pow(uniform() || Number.MIN_VALUE, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function betaSample(uniform: Uniform, alpha: number, beta: number): number {
  const x = standardGamma(uniform, alpha);
  const y = standardGamma(uniform, beta);
  return x / (x + y);
}

export function dirichletSample(uniform: Uniform, alphas: readonly number[], out: number[]): void {
  let total = 0;
  for (let i = 0; i < alphas.length; i++) {
    out[i] = standardGamma(uniform, alphas[i]!);
    total += out[i]!;
  }
  for (let i = 0; i < alphas.length; i++) out[i] = out[i]! / total;
}

export function triangularSample(uniform: Uniform, low: number, mode: number, high: number): number {
  const u = uniform();
  const cut = (mode - low) / (high - low);
  return u < cut ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
