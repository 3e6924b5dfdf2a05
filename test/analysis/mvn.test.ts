/**
 * The multivariate normal against hand-computed cases: Cholesky factors of a 2×2 and of the
 * classic 3×3 example, log densities from the explicit inverse (the adjugate formula written
 * here) and determinant, the jitter fallback, and draws whose sample mean and covariance must
 * match within 4 standard errors: se(mean ᵢ) = √(Σᵢᵢ/N), se(cov ᵢⱼ) = √((ΣᵢᵢΣⱼⱼ + Σᵢⱼ²)/N) for a
 * normal sample (Anderson, An Introduction to Multivariate Statistical Analysis, 3rd ed. 2003, §3.4).
 */
import { describe, expect, it } from 'vitest';
import { cholesky, type CholeskyFactor, mahalanobisSquared, normalLogDensity, sampleCovariance, sampleNormal, weightedCovarianceAbout } from '../../src/analysis/mvn.js';
import { deriveStream } from '../../src/sim/random.js';
import { sampleSize } from '../helpers/budget.js';

function factorOf(matrix: number[], d: number): CholeskyFactor {
  const result = cholesky(matrix, d);
  if (result.status !== 'ok') throw new Error('not positive definite');
  return result.factor;
}

const SIGMA2 = [4, 2, 2, 3];
// Wikipedia's example ("Cholesky decomposition"): L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
const SIGMA3 = [4, 12, -16, 12, 37, -43, -16, -43, 98];

/** The inverse of a 3×3 matrix by the adjugate: (A⁻¹)ᵢⱼ = Cⱼᵢ/det A, C the cofactors. */
function inverse3(a: number[]): { inverse: number[]; det: number } {
  const m = (i: number, j: number): number => a[i * 3 + j]!;
  const cofactor = (i: number, j: number): number => {
    const rows = [0, 1, 2].filter((r) => r !== i);
    const cols = [0, 1, 2].filter((c) => c !== j);
    const minor = m(rows[0]!, cols[0]!) * m(rows[1]!, cols[1]!) - m(rows[0]!, cols[1]!) * m(rows[1]!, cols[0]!);
    return (i + j) % 2 === 0 ? minor : -minor;
  };
  const det = m(0, 0) * cofactor(0, 0) + m(0, 1) * cofactor(0, 1) + m(0, 2) * cofactor(0, 2);
  const inverse: number[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) inverse.push(cofactor(j, i) / det);
  return { inverse, det };
}

describe('Cholesky', () => {
  it('factors [[4, 2], [2, 3]] as [[2, 0], [1, √2]], ln det = ln 8', () => {
    const f = factorOf(SIGMA2, 2);
    expect(Array.from(f.lower)).toEqual([2, 0, 1, expect.closeTo(Math.SQRT2, 15)]);
    expect(f.logDeterminant).toBeCloseTo(Math.log(8), 14);
    expect(f.jitter).toBe(0);
  });
  it('factors the 3×3 example as [[2, 0, 0], [6, 1, 0], [−8, 5, 3]], ln det = ln 36', () => {
    const f = factorOf(SIGMA3, 3);
    expect(Array.from(f.lower)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    expect(f.logDeterminant).toBeCloseTo(Math.log(36), 13);
  });
  it('adds a small jitter to a semi-definite matrix, and refuses an indefinite one', () => {
    const f = factorOf([1, 1, 1, 1], 2);
    // The first jitter that works: τ = 10⁻¹⁰ × mean diagonal (1); L·Lᵀ = Σ + τI.
    expect(f.jitter).toBe(1e-10);
    const l = f.lower;
    expect(l[0]! * l[0]!).toBeCloseTo(1 + 1e-10, 15);
    expect(l[2]! * l[0]!).toBeCloseTo(1, 15);
    expect(l[2]! * l[2]! + l[3]! * l[3]!).toBeCloseTo(1 + 1e-10, 15);
    // Eigenvalues 3 and −1: no jitter up to 10⁻⁴ makes it positive definite.
    expect(cholesky([1, 2, 2, 1], 2).status).toBe('not-positive-definite');
    expect(cholesky([Number.NaN, 0, 0, 1], 2).status).toBe('not-positive-definite');
    expect(cholesky([0, 0, 0, 0], 2).status).toBe('not-positive-definite');
  });
});

describe('log density and Mahalanobis distance', () => {
  it('2×2: −ln 2π − ½ ln det Σ − ½ vᵀΣ⁻¹v, Σ⁻¹ = [[3, −2], [−2, 4]]/8', () => {
    const mean = [1, -1];
    const x = [2.5, 0.5];
    const v = [x[0]! - mean[0]!, x[1]! - mean[1]!];
    const quadratic = (3 * v[0]! * v[0]! - 4 * v[0]! * v[1]! + 4 * v[1]! * v[1]!) / 8;
    const f = factorOf(SIGMA2, 2);
    expect(mahalanobisSquared(f, x, mean)).toBeCloseTo(quadratic, 14);
    expect(normalLogDensity(mean, f, x)).toBeCloseTo(-Math.log(2 * Math.PI) - 0.5 * Math.log(8) - 0.5 * quadratic, 14);
  });
  it('3×3: against the adjugate inverse and the determinant of the matrix itself', () => {
    const { inverse, det } = inverse3(SIGMA3);
    expect(det).toBeCloseTo(36, 9);
    const mean = [0.5, -1, 2];
    const x = [1, 0.3, 1.7];
    const v = x.map((xi, i) => xi - mean[i]!);
    let quadratic = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) quadratic += v[i]! * inverse[i * 3 + j]! * v[j]!;
    const f = factorOf(SIGMA3, 3);
    expect(mahalanobisSquared(f, x, mean)).toBeCloseTo(quadratic, 9);
    expect(normalLogDensity(mean, f, x)).toBeCloseTo(-1.5 * Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * quadratic, 9);
  });
});

describe('draws', () => {
  it('have the mean and covariance asked for (3×3, 100,000 draws, 4 standard errors)', () => {
    const uniform = deriveStream(20_251, 'mvn-draws', 0, 'parameters');
    const mean = [0.5, -1, 2];
    const f = factorOf(SIGMA3, 3);
    const n = sampleSize(100_000);
    const draws = Array.from({ length: n }, () => sampleNormal(mean, f, uniform));
    const empirical = sampleCovariance(draws, 3);
    for (let i = 0; i < 3; i++) {
      const m = draws.reduce((s, x) => s + x[i]!, 0) / n;
      expect(Math.abs(m - mean[i]!)).toBeLessThan(4 * Math.sqrt(SIGMA3[i * 3 + i]! / n));
      for (let j = 0; j < 3; j++) {
        const se = Math.sqrt((SIGMA3[i * 3 + i]! * SIGMA3[j * 3 + j]! + SIGMA3[i * 3 + j]! ** 2) / n);
        expect(Math.abs(empirical[i * 3 + j]! - SIGMA3[i * 3 + j]!)).toBeLessThan(4 * se);
      }
    }
  });
  it('take d standard normals in coordinate order: μ + L z, with z from the polar method', () => {
    // The polar method on u = 0.8, 0.6 (x = 0.6, y = 0.2, s = 0.4) returns x·√(−2 ln s / s).
    const values = [0.8, 0.6, 0.8, 0.6];
    let k = 0;
    const z = 0.6 * Math.sqrt((-2 * Math.log(0.4)) / 0.4);
    const draw = sampleNormal([1, -1], factorOf(SIGMA2, 2), () => values[k++]!);
    expect(draw[0]).toBeCloseTo(1 + 2 * z, 14);
    expect(draw[1]).toBeCloseTo(-1 + 1 * z + Math.SQRT2 * z, 14);
    expect(k).toBe(4);
  });
});

describe('covariances', () => {
  it('sample covariance by hand: points (0, 0), (2, 0), (1, 3) → [[1, 0], [0, 3]]', () => {
    expect(Array.from(sampleCovariance([[0, 0], [2, 0], [1, 3]], 2))).toEqual([1, 0, 0, 3]);
  });
  it('weighted covariance about a centre, R’s cov.wt "unbias": Σ ωᵢ(xᵢ − c)(xᵢ − c)ᵀ/(1 − Σωᵢ²)', () => {
    // Points (1, 0), (0, 2), (−1, −1) about c = (0, 0), weights 1, 1, 2 → ω = ¼, ¼, ½, Σω² = 3/8.
    // Σ ω d dᵀ = ¼[[1, 0], [0, 0]] + ¼[[0, 0], [0, 4]] + ½[[1, 1], [1, 1]] = [[0.75, 0.5], [0.5, 1.5]]; ÷ 5/8.
    const result = weightedCovarianceAbout([[1, 0], [0, 2], [-1, -1]], [1, 1, 2], [0, 0]);
    expect(Array.from(result)).toEqual([expect.closeTo(1.2, 14), expect.closeTo(0.8, 14), expect.closeTo(0.8, 14), expect.closeTo(2.4, 14)]);
  });
});
