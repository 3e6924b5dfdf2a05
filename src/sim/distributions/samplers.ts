/**
 * Exact samplers for the count noise (binomial, multinomial, Poisson) and for the parameter
 * distributions of the language (beta, gamma, lognormal, normal, uniform, triangular, Dirichlet).
 * Every sampler takes its uniform stream as an argument.
 */
import { t } from '../../i18n/catalogue.js';
import type { Uniform } from '../random.js';

// ---- guards --------------------------------------------------------------------------------

/**
 * The largest count a count sampler accepts: 2⁵³, below which every whole number is exact in
 * double precision. The model keeps counts far below it (MAX_PEOPLE in forms.ts); a count above
 * it, or a NaN, can only come from a bug, and would make a rejection loop spin for ever.
 */
export const MAX_SAMPLER_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * How many rejections in a row a rejection sampler tolerates. Every sampler here accepts at least
 * π/4 of its proposals on valid parameters (the polar method; BTRS, PTRS and Marsaglia–Tsang
 * accept more), so 10,000 rejections in a row has a probability below (1 − π/4)^10000 ≈ 10⁻⁶⁶⁸⁰:
 * reaching it means the parameters are not what the sampler was written for.
 */
export const MAX_REJECTIONS = 10_000;

function refuse(sampler: string, parameters: string): never {
  throw new Error(t('sim.internal.sampler', { sampler, parameters }));
}

/** `p`: the probability that goes with a binomial's n, for the message (NaN for Poisson). Messages are built only on failure: this runs on every draw. */
function checkCount(sampler: string, name: string, n: number, p = Number.NaN): void {
  // NaN fails the comparison too.
  if (!(n <= MAX_SAMPLER_COUNT)) refuse(sampler, `${name} = ${n}${Number.isNaN(p) ? '' : `, p = ${p}`}`);
}

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
  if (!(p >= 0 && p <= 1)) refuse('binomial', `p = ${p}`);
  checkCount('binomial', 'n', n, p);
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // Above one half, the failures are drawn (the complement 1 − p is below one half and above 0).
  return p > 0.5 ? n - binomialBelowHalf(uniform, n, 1 - p) : binomialBelowHalf(uniform, n, p);
}

/** 0 < p ≤ 1/2, n > 0: inversion while the mean is small, BTRS above. */
function binomialBelowHalf(uniform: Uniform, n: number, p: number): number {
  return n * p < 10 ? binomialInversion(uniform, n, p) : binomialBtrs(uniform, n, p);
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
  const twoA = 2 * a;
  // The constants of the exact acceptance test are needed only when the squeeze fails (about one
  // draw in seven): computed lazily, they cost nothing on the fast path.
  let alpha = 0;
  let lpq = 0;
  let m = 0;
  let h = Number.NaN;
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const u = uniform() - 0.5;
    let v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor((twoA / us + b) * u + c);
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
  return refuse('binomial', `n = ${n}, p = ${p} (${t('sim.internal.rejections', { count: MAX_REJECTIONS })})`);
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

// ---- hypergeometric ----------------------------------------------------------------------

/** 2√(2/e) and 3 − 2√(3/e): the ratio-of-uniforms constants of HRUA (Stadlober 1990, below). */
const HRUA_D1 = 2 * Math.sqrt(2 / Math.E);
const HRUA_D2 = 3 - 2 * Math.sqrt(3 / Math.E);

/**
 * Hypergeometric: how many of `good` marked people are among `sample` people drawn without
 * replacement from `good + bad`, exact. The problem is first reduced by symmetry to the smaller
 * of the two kinds and the smaller of the sample and its complement (the mode and the support are
 * then near 0); it is drawn by inversion (sequential search from 0) when its mean is below 10,
 * else by HRUA, the ratio-of-uniforms method of Stadlober E., "The ratio of uniforms approach for
 * generating discrete random variates", J. Comput. Appl. Math. 31 (1990) 181–189, with the
 * correction of the symmetric cases that NumPy's legacy implementation also carries.
 */
export function hypergeometric(uniform: Uniform, good: number, bad: number, sample: number): number {
  checkCount('hypergeometric', 'good', good);
  checkCount('hypergeometric', 'bad', bad);
  const population = good + bad;
  if (!(good >= 0 && bad >= 0 && sample >= 0 && sample <= population)) refuse('hypergeometric', `good = ${good}, bad = ${bad}, sample = ${sample}`);
  if (sample === 0 || good === 0) return 0;
  if (bad === 0) return sample;
  if (sample === population) return good;
  const fewer = Math.min(good, bad);
  const more = population - fewer;
  const drawn = Math.min(sample, population - sample);
  const z = (drawn * fewer) / population < 10 ? hypergeometricInversion(uniform, fewer, more, drawn) : hypergeometricHrua(uniform, fewer, more, drawn);
  // Back from the reduced problem: the other kind, then the complement of the sample.
  const ofGood = good > bad ? drawn - z : z;
  return drawn < sample ? good - ofGood : ofGood;
}

/** Sequential search from 0 (fewer ≤ more, drawn ≤ population / 2, so 0 is in the support). */
function hypergeometricInversion(uniform: Uniform, fewer: number, more: number, drawn: number): number {
  const population = fewer + more;
  // P(0) = C(more, drawn) / C(population, drawn); P(k + 1) / P(k) = (fewer − k)(drawn − k) / ((k + 1)(more − drawn + k + 1)).
  let r = Math.exp(logFactorial(more) - logFactorial(more - drawn) - logFactorial(population) + logFactorial(population - drawn));
  let u = uniform();
  const last = Math.min(fewer, drawn);
  let k = 0;
  while (u > r && k < last) {
    u -= r;
    r *= ((fewer - k) * (drawn - k)) / ((k + 1) * (more - drawn + k + 1));
    k += 1;
  }
  return k;
}

function hypergeometricHrua(uniform: Uniform, fewer: number, more: number, drawn: number): number {
  const population = fewer + more;
  const p = fewer / population;
  const shift = drawn * p + 0.5;
  const spread = Math.sqrt(((population - drawn) * drawn * p * (1 - p)) / (population - 1) + 0.5);
  const width = HRUA_D1 * spread + HRUA_D2;
  const mode = Math.floor(((drawn + 1) * (fewer + 1)) / (population + 2));
  const logAtMode = logFactorial(mode) + logFactorial(fewer - mode) + logFactorial(drawn - mode) + logFactorial(more - drawn + mode);
  // Beyond 16 standard deviations the mass is below double precision (Stadlober's bound).
  const bound = Math.min(Math.min(drawn, fewer) + 1, Math.floor(shift + 16 * spread));
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const x = uniform();
    const y = uniform();
    const w = shift + (width * (y - 0.5)) / x;
    if (w < 0 || w >= bound) continue;
    const k = Math.floor(w);
    const logRatio = logAtMode - (logFactorial(k) + logFactorial(fewer - k) + logFactorial(drawn - k) + logFactorial(more - drawn + k));
    if (x * (4 - x) - 3 <= logRatio) return k;
    if (x * (x - logRatio) >= 1) continue;
    if (2 * Math.log(x) <= logRatio) return k;
  }
  return refuse('hypergeometric', `fewer = ${fewer}, more = ${more}, drawn = ${drawn} (${t('sim.internal.rejections', { count: MAX_REJECTIONS })})`);
}

// ---- Poisson -----------------------------------------------------------------------------

/**
 * Poisson(mean), exact: multiplication method below 10; PTRS above (Hörmann W., "The transformed
 * rejection method for generating Poisson random variables", Insurance: Mathematics and
 * Economics 12 (1993) 39–45).
 */
export function poisson(uniform: Uniform, mean: number): number {
  checkCount('Poisson', 'mean', mean);
  if (mean <= 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let product = uniform();
    let k = 0;
    // The product of k uniforms falls below e^(−mean) > e^(−10) after about mean + 1 factors.
    while (product > limit) {
      if (k >= MAX_REJECTIONS) refuse('Poisson', `mean = ${mean} (${t('sim.internal.poisson-factors', { count: MAX_REJECTIONS })})`);
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
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const u = uniform() - 0.5;
    const v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
  return refuse('Poisson', `mean = ${mean} (${t('sim.internal.rejections', { count: MAX_REJECTIONS })})`);
}

// ---- continuous distributions for parameters ---------------------------------------------

/** Standard normal by Marsaglia's polar method. */
export function standardNormal(uniform: Uniform): number {
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const x = 2 * uniform() - 1;
    const y = 2 * uniform() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
  }
  return refuse('normal', t('sim.internal.unit-disc', { count: MAX_REJECTIONS }));
}

function checkShape(sampler: string, shape: number): void {
  if (!(shape > 0 && shape < Number.POSITIVE_INFINITY)) refuse(sampler, `shape ${shape}`);
}

/** Gamma(shape ≥ 1, scale = 1) by Marsaglia G., Tsang W.W., ACM TOMS 26 (2000) 363–372. */
function marsagliaTsang(uniform: Uniform, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const x = standardNormal(uniform);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
  return refuse('gamma', `shape ${shape} (${t('sim.internal.rejections', { count: MAX_REJECTIONS })})`);
}

/**
 * ln of a Gamma(shape, 1) draw. Below shape 1, Marsaglia & Tsang's boost (same paper, §6):
 * Gamma(a) = Gamma(a + 1) · U^(1/a), taken in logs — ln Gamma(a + 1) + ln(U)/a — because U^(1/a)
 * underflows to 0 for small a (a = 0.001 gives 0 for U < 0.49), and a Dirichlet or beta made of
 * zeros is 0/0. U = 0 is read as the smallest positive double, so the log stays finite.
 */
export function logStandardGamma(uniform: Uniform, shape: number): number {
  checkShape('gamma', shape);
  if (shape >= 1) return Math.log(marsagliaTsang(uniform, shape));
  const boosted = Math.log(marsagliaTsang(uniform, shape + 1));
  return boosted + Math.log(uniform() || Number.MIN_VALUE) / shape;
}

/** Gamma(shape, scale = 1); below shape 1, e^(logStandardGamma), 0 only for a draw below 5·10⁻³²⁴. */
export function standardGamma(uniform: Uniform, shape: number): number {
  checkShape('gamma', shape);
  return shape >= 1 ? marsagliaTsang(uniform, shape) : Math.exp(logStandardGamma(uniform, shape));
}

/** Beta(α, β) = X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β): the first share of a Dirichlet(α, β). */
export function betaSample(uniform: Uniform, alpha: number, beta: number): number {
  const out = [0, 0];
  dirichletSample(uniform, [alpha, beta], out);
  return out[0]!;
}

/**
 * Dirichlet(α₁…αₖ): Gᵢ/ΣG with Gᵢ ~ Gamma(αᵢ) independent (Devroye, Non-Uniform Random Variate
 * Generation, 1986, XI.4), normalised in logs — Gᵢ/ΣG = e^(ln Gᵢ − m)/Σ e^(ln Gⱼ − m) with
 * m = max ln Gⱼ — so that shares stay exact when every Gᵢ underflows. When every ln Gᵢ is −∞
 * (concentrations below about 10⁻³⁰⁶, where ln(U)/α overflows), the share of the one whose ln(−ln U)
 * − ln α is smallest is 1: it is the largest draw by a factor beyond double precision.
 */
export function dirichletSample(uniform: Uniform, alphas: readonly number[], out: number[]): void {
  let largest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < alphas.length; i++) {
    out[i] = logStandardGamma(uniform, alphas[i]!);
    if (out[i]! > largest) largest = out[i]!;
  }
  if (largest === Number.NEGATIVE_INFINITY) return oneWinner(uniform, alphas, out);
  let total = 0;
  for (let i = 0; i < alphas.length; i++) {
    out[i] = Math.exp(out[i]! - largest);
    total += out[i]!;
  }
  for (let i = 0; i < alphas.length; i++) out[i] = out[i]! / total;
}

/** Every ln Gᵢ = −∞: redraws each ln(U)/αᵢ as −e^(ln(−ln U) − ln αᵢ) and gives all to the largest. */
function oneWinner(uniform: Uniform, alphas: readonly number[], out: number[]): void {
  let winner = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < alphas.length; i++) {
    const exponent = Math.log(-Math.log(uniform() || Number.MIN_VALUE)) - Math.log(alphas[i]!);
    if (exponent < smallest) {
      smallest = exponent;
      winner = i;
    }
  }
  for (let i = 0; i < alphas.length; i++) out[i] = i === winner ? 1 : 0;
}

export function triangularSample(uniform: Uniform, low: number, mode: number, high: number): number {
  const u = uniform();
  const cut = (mode - low) / (high - low);
  return u < cut ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
