/**
 * Importance weights, Kish's ESS and multinomial resampling, checked against hand values and
 * against the conjugate normal–normal model, whose posterior is known in closed form.
 *
 * Tolerances: a resampled index count is Binomial(k, p), allowed 4 standard deviations
 * √(kp(1 − p)) (two-sided level 6·10⁻⁵ under the normal approximation, k p ≥ 10⁴ here). A mean
 * from SIR has two sources of Monte-Carlo error, the importance sample (variance ≈ σ²/ESS, the
 * reading of Kish's ESS by Kong, Liu & Wong 1994) and the resampling of k points (≈ σ²/k), so it is
 * allowed 4·σ·√(1/ESS + 1/k); its sd 4·σ·√((1/ESS + 1/k)/2) (the normal's se of an sd, σ/√(2n)).
 */
import { describe, expect, it } from 'vitest';
import { effectiveSampleSize, logSumExp, normaliseLogWeights, resampleMultinomial } from '../../src/analysis/importance.js';
import { standardNormal } from '../../src/sim/distributions/samplers.js';
import { deriveStream, type Uniform } from '../../src/sim/random.js';
import { sampleSize } from '../helpers/budget.js';

const stream = (name: string): Uniform => deriveStream(20_251, `importance-${name}`, 0, 'parameters');
/** A stream that returns the listed numbers in turn. */
const listed = (values: number[]): Uniform => {
  let i = 0;
  return () => values[i++]!;
};

describe('log-sum-exp and normalisation', () => {
  it('normalises by hand: log weights 0, ln 2, ln 3, −∞ give 1/6, 2/6, 3/6, 0', () => {
    const result = normaliseLogWeights([0, Math.log(2), Math.log(3), -Infinity]);
    if (result.status !== 'ok') throw new Error(result.status);
    expect(Array.from(result.weights).map((w) => w * 6)).toEqual([expect.closeTo(1, 13), expect.closeTo(2, 13), expect.closeTo(3, 13), 0]);
    expect(result.logTotal).toBeCloseTo(Math.log(6), 14);
    expect(result.ess).toBeCloseTo(36 / 14, 13);
  });
  it('does not overflow or underflow far from 0', () => {
    const high = normaliseLogWeights([1000, 1000 + Math.log(3)]);
    const low = normaliseLogWeights([-1000, -1000 + Math.log(3)]);
    // 1000 + ln 3 is itself rounded to the ulp of 1000 (1.1·10⁻¹³): 12 digits is what the input holds.
    for (const result of [high, low]) {
      if (result.status !== 'ok') throw new Error(result.status);
      expect(result.weights[0]).toBeCloseTo(0.25, 12);
      expect(result.weights[1]).toBeCloseTo(0.75, 12);
    }
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
  });
  it('returns a status, not NaN, when no point has weight, and reads NaN as −∞', () => {
    expect(normaliseLogWeights([-Infinity, -Infinity])).toEqual({ status: 'no-weight' });
    expect(normaliseLogWeights([Number.NaN, -Infinity])).toEqual({ status: 'no-weight' });
    expect(normaliseLogWeights([])).toEqual({ status: 'no-weight' });
    expect(normaliseLogWeights([0, Infinity, Infinity])).toEqual({ status: 'infinite-weight', index: 1 });
    const result = normaliseLogWeights([Number.NaN, 5]);
    if (result.status !== 'ok') throw new Error(result.status);
    expect(Array.from(result.weights)).toEqual([0, 1]);
    expect(logSumExp([-Infinity, Number.NaN])).toBe(-Infinity);
  });
});

describe('Kish’s effective sample size', () => {
  it('is N for equal weights, 1 for a single weight, (Σw)²/Σw² = 36/14 for 1, 2, 3', () => {
    expect(effectiveSampleSize(new Float64Array(250).fill(0.3))).toBeCloseTo(250, 10);
    expect(effectiveSampleSize([0, 0, 7, 0])).toBe(1);
    expect(effectiveSampleSize([1, 2, 3])).toBeCloseTo(36 / 14, 14);
    expect(effectiveSampleSize([1e300, 1e300])).toBeCloseTo(2, 14);
    expect(effectiveSampleSize([1e-320, 2e-320, 3e-320])).toBeCloseTo(36 / 14, 2);
    expect(effectiveSampleSize([0, 0])).toBe(0);
  });
});

describe('multinomial resampling', () => {
  it('takes the smallest i with Cᵢ > u·T, one uniform per draw, in the order drawn (by hand)', () => {
    // Weights 1, 2, 3, 4: C = 1, 3, 6, 10; u·T = 0.5, 2.5, 9.5, 3, 1, 0.
    expect(Array.from(resampleMultinomial([1, 2, 3, 4], 6, listed([0.05, 0.25, 0.95, 0.3, 0.1, 0])))).toEqual([0, 1, 3, 2, 1, 0]);
    // Weights 0, 2, 0, 3: C = 0, 2, 2, 5; a zero weight is never drawn, even for u = 0.
    expect(Array.from(resampleMultinomial([0, 2, 0, 3], 3, listed([0, 0.4, 0.39])))).toEqual([1, 3, 1]);
  });
  it('draws each index with frequency within 4 binomial sds of its weight, and never a zero weight — in the whole sample and in a prefix', () => {
    const weights = [1, 2, 3, 4, 0];
    const k = sampleSize(100_000);
    const indices = resampleMultinomial(weights, k, stream('frequencies'));
    for (const size of [k, k / 10]) {
      const counts = new Array<number>(5).fill(0);
      for (let i = 0; i < size; i++) counts[indices[i]!]! += 1;
      for (let j = 0; j < 5; j++) {
        const p = weights[j]! / 10;
        expect(Math.abs(counts[j]! - size * p)).toBeLessThanOrEqual(4 * Math.sqrt(size * p * (1 - p)));
      }
      expect(counts[4]).toBe(0);
    }
  });
  it('refuses weights it cannot draw from (an internal error)', () => {
    expect(() => resampleMultinomial([0, 0], 1, stream('x'))).toThrow(/internal/);
    expect(() => resampleMultinomial([1, -1], 1, stream('x'))).toThrow(/internal/);
    expect(() => resampleMultinomial([1, Number.NaN], 1, stream('x'))).toThrow(/internal/);
  });
});

describe('SIR on the conjugate normal–normal model', () => {
  it('recovers the closed-form posterior of θ ~ N(0, 1), yⱼ ~ N(θ, 2²), 20 observations', () => {
    const u = stream('sir');
    const sigma = 2;
    const observations = Array.from({ length: 20 }, () => 0.7 + sigma * standardNormal(u));
    // Posterior: precision 1 + n/σ², mean (Σy/σ²)/precision.
    const precision = 1 + observations.length / sigma ** 2;
    const posteriorMean = observations.reduce((s, y) => s + y, 0) / sigma ** 2 / precision;
    const posteriorSd = 1 / Math.sqrt(precision);
    const n = 20_000;
    const draws = Array.from({ length: n }, () => standardNormal(u));
    // Prior draws: the proposal is the prior, so ln w = ln L (constants dropped).
    const logWeights = draws.map((theta) => observations.reduce((s, y) => s - ((y - theta) ** 2) / (2 * sigma ** 2), 0));
    const normalised = normaliseLogWeights(logWeights);
    if (normalised.status !== 'ok') throw new Error(normalised.status);
    const k = 5000;
    const sample = Array.from(resampleMultinomial(normalised.weights, k, u), (i) => draws[i]!);
    const mean = sample.reduce((s, x) => s + x, 0) / k;
    const sd = Math.sqrt(sample.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1));
    const spread = Math.sqrt(1 / normalised.ess + 1 / k);
    expect(normalised.ess).toBeGreaterThan(1000);
    expect(Math.abs(mean - posteriorMean)).toBeLessThan(4 * posteriorSd * spread);
    expect(Math.abs(sd - posteriorSd)).toBeLessThan(4 * posteriorSd * spread / Math.SQRT2);
  });
});
