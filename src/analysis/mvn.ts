/**
 * The multivariate normal distribution N(μ, Σ) through the Cholesky factor Σ = L·Lᵀ: its factor,
 * draws, log density and Mahalanobis distance, and the sample covariances IMIS needs
 * (docs/calibration-maths.md, "Multivariate normal"). Matrices are d × d, row-major in a flat
 * array: entry (i, j) at i·d + j.
 */
import { standardNormal } from '../sim/distributions/samplers.js';
import type { Uniform } from '../sim/random.js';

const LOG_TWO_PI = Math.log(2 * Math.PI);

export interface CholeskyFactor {
  dimension: number;
  /** L, lower triangular with a positive diagonal (entries above the diagonal are 0), row-major. */
  lower: Float64Array;
  /** τ ≥ 0 added to the diagonal before factoring: L·Lᵀ = Σ + τI (0 unless Σ needed it). */
  jitter: number;
  /** ln det(Σ + τI) = 2 Σᵢ ln Lᵢᵢ. */
  logDeterminant: number;
}

export type CholeskyResult = { status: 'ok'; factor: CholeskyFactor } | { status: 'not-positive-definite' };

/** The jitters tried in turn, as multiples of the mean diagonal entry of Σ: 0, then 10⁻¹⁰, 10⁻⁹, … 10⁻⁴. */
const RELATIVE_JITTERS = [0, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4];

/**
 * The Cholesky factor of a symmetric positive-definite matrix (only its lower triangle, j ≤ i, is
 * read). The Cholesky–Banachiewicz order: row by row, Lᵢⱼ = (Σᵢⱼ − Σₖ<ⱼ LᵢₖLⱼₖ)/Lⱼⱼ for j < i and
 * Lᵢᵢ = √(Σᵢᵢ − Σₖ<ᵢ Lᵢₖ²), which fails when a pivot under the root is not > 0 (or not finite).
 * On failure τ = r·(trace Σ)/d is added to the diagonal for r = 10⁻¹⁰, 10⁻⁹, … 10⁻⁴ in turn
 * (a matrix that rounding made semi-definite, such as a covariance of nearly collinear points);
 * `not-positive-definite` when the last also fails, or the mean diagonal entry is not > 0 and finite.
 */
export function cholesky(matrix: ArrayLike<number>, dimension: number): CholeskyResult {
  if (matrix.length !== dimension * dimension || dimension < 1) throw new Error(`internal: a ${dimension}×${dimension} matrix needs ${dimension * dimension} entries, not ${matrix.length}`);
  let trace = 0;
  for (let i = 0; i < dimension; i++) trace += matrix[i * dimension + i]!;
  const scale = trace / dimension;
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) return { status: 'not-positive-definite' };
  for (const relative of RELATIVE_JITTERS) {
    const jitter = relative * scale;
    const lower = factor(matrix, dimension, jitter);
    if (lower) {
      let logDeterminant = 0;
      for (let i = 0; i < dimension; i++) logDeterminant += 2 * Math.log(lower[i * dimension + i]!);
      return { status: 'ok', factor: { dimension, lower, jitter, logDeterminant } };
    }
  }
  return { status: 'not-positive-definite' };
}

/** L of Σ + τI, or null when a pivot is not > 0 or an entry is not finite. */
function factor(matrix: ArrayLike<number>, d: number, jitter: number): Float64Array | null {
  const lower = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * d + j]! + (i === j ? jitter : 0);
      for (let k = 0; k < j; k++) sum -= lower[i * d + k]! * lower[j * d + k]!;
      if (i === j) {
        if (!(sum > 0 && sum < Number.POSITIVE_INFINITY)) return null;
        lower[i * d + i] = Math.sqrt(sum);
      } else {
        lower[i * d + j] = sum / lower[j * d + j]!;
        if (!Number.isFinite(lower[i * d + j]!)) return null;
      }
    }
  }
  return lower;
}

/** z = L⁻¹·v by forward substitution. */
function solveLower(factor: CholeskyFactor, v: ArrayLike<number>): Float64Array {
  const { dimension: d, lower } = factor;
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = v[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i * d + k]! * z[k]!;
    z[i] = sum / lower[i * d + i]!;
  }
  return z;
}

/** (x − y)ᵀ Σ⁻¹ (x − y) = |L⁻¹(x − y)|², the squared Mahalanobis distance under Σ = L·Lᵀ. */
export function mahalanobisSquared(factor: CholeskyFactor, x: ArrayLike<number>, y: ArrayLike<number>): number {
  const difference = new Float64Array(factor.dimension);
  for (let i = 0; i < difference.length; i++) difference[i] = x[i]! - y[i]!;
  const z = solveLower(factor, difference);
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i]! * z[i]!;
  return sum;
}

/** ln φ(x; μ, Σ) = −(d/2) ln 2π − ½ ln det Σ − ½ (x − μ)ᵀ Σ⁻¹ (x − μ). */
export function normalLogDensity(mean: ArrayLike<number>, factor: CholeskyFactor, x: ArrayLike<number>): number {
  return -0.5 * (factor.dimension * LOG_TWO_PI + factor.logDeterminant + mahalanobisSquared(factor, x, mean));
}

/**
 * A draw μ + L·z, z = (z₀ … z_{d−1}) standard normals drawn in that order from the stream
 * (Marsaglia's polar method, src/sim/distributions/samplers.ts).
 */
export function sampleNormal(mean: ArrayLike<number>, factor: CholeskyFactor, uniform: Uniform): Float64Array {
  const { dimension: d, lower } = factor;
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) z[i] = standardNormal(uniform);
  const x = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = mean[i]!;
    for (let k = 0; k <= i; k++) sum += lower[i * d + k]! * z[k]!;
    x[i] = sum;
  }
  return x;
}

/** The unbiased sample covariance Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ/(N − 1) of N ≥ 2 points, row-major. */
export function sampleCovariance(points: readonly ArrayLike<number>[], dimension: number): Float64Array {
  const n = points.length;
  if (n < 2) throw new Error(`internal: a sample covariance needs two points, not ${n}`);
  const mean = new Float64Array(dimension);
  for (const p of points) for (let j = 0; j < dimension; j++) mean[j]! += p[j]! / n;
  const out = new Float64Array(dimension * dimension);
  for (const p of points) {
    for (let i = 0; i < dimension; i++) for (let j = 0; j <= i; j++) out[i * dimension + j]! += ((p[i]! - mean[i]!) * (p[j]! - mean[j]!)) / (n - 1);
  }
  return symmetrise(out, dimension);
}

/**
 * The weighted covariance about a given centre c, with R's `cov.wt(…, center = c, method =
 * "unbias")`: ωᵢ = weights normalised to sum 1, Σ = Σᵢ ωᵢ (xᵢ − c)(xᵢ − c)ᵀ / (1 − Σᵢ ωᵢ²).
 * (The "unbias" divisor is that of the weighted variance about the weighted mean; it is kept
 * about c as the IMIS reference implementation keeps it.)
 */
export function weightedCovarianceAbout(points: readonly ArrayLike<number>[], weights: ArrayLike<number>, centre: ArrayLike<number>): Float64Array {
  const d = centre.length;
  let total = 0;
  for (let i = 0; i < points.length; i++) total += weights[i]!;
  let squares = 0;
  const out = new Float64Array(d * d);
  for (let n = 0; n < points.length; n++) {
    const w = weights[n]! / total;
    squares += w * w;
    const p = points[n]!;
    for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) out[i * d + j]! += w * (p[i]! - centre[i]!) * (p[j]! - centre[j]!);
  }
  for (let k = 0; k < out.length; k++) out[k]! /= 1 - squares;
  return symmetrise(out, d);
}

/** Copies the lower triangle onto the upper one. */
function symmetrise(matrix: Float64Array, d: number): Float64Array {
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) matrix[j * d + i] = matrix[i * d + j]!;
  return matrix;
}
