/**
 * Discount weights against sums written out by hand. At 2.5 %, 1/(1 + r) = 1/1.025
 * = 40/41, so every discounted total below is an exact fraction over 41ⁿ, reduced by hand in the
 * comments. Tolerance 10⁻⁹ relative: the code sums a few doubles, each within 10⁻¹⁶ of its value.
 */
import { describe, expect, it } from 'vitest';
import { discountFactor, yearWeights } from '../../src/econ/discount.js';

const RELATIVE = 1e-9;
const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.abs(expected));
};

const sum = (values: Float64Array, times: number): number => values.reduce((s, w) => s + w * times, 0);

describe('discountFactor', () => {
  it('is (1 + r)^−t', () => {
    expect(discountFactor(0.025, 0)).toBe(1);
    close(discountFactor(0.025, 1), 40 / 41);
    close(discountFactor(0.025, 2), 1600 / 1681);
    // (1.025)^−½ = √(40/41) = 0.98768...
    close(discountFactor(0.025, 0.5), Math.sqrt(40 / 41));
    expect(discountFactor(0, 7)).toBe(1);
  });
  it('refuses a rate that is not > −1 and finite', () => {
    expect(() => discountFactor(-1, 1)).toThrow(/internal/);
    expect(() => discountFactor(Number.NaN, 1)).toThrow(/internal/);
    expect(() => discountFactor(Number.POSITIVE_INFINITY, 1)).toThrow(/internal/);
  });
});

describe('yearWeights', () => {
  it('start timing: 1000 a year for 3 years at 2.5 % is 1000(1 + 40/41 + 1600/1681) = 4,921,000/1681 = 2927.42415229...', () => {
    // 1000 × (1681 + 1640 + 1600)/1681 = 4,921,000/1681.
    close(sum(yearWeights('start', 0.025, 3), 1000), 4_921_000 / 1681);
  });
  it('end timing: 1000(40/41 + 1600/1681 + 64,000/68,921) = 1000 × 196,840/68,921 = 2856.02356...', () => {
    // 40·1681 + 1600·41 + 64,000 = 67,240 + 65,600 + 64,000 = 196,840; over 41³ = 68,921.
    close(sum(yearWeights('end', 0.025, 3), 1000), (1000 * 196_840) / 68_921);
  });
  it('half-cycle timing: flows at t = ½, 3/2, 5/2', () => {
    const weights = yearWeights('half-cycle', 0.025, 3);
    // (40/41)^½ × (1, 40/41, 1600/1681).
    const root = Math.sqrt(40 / 41);
    close(weights[0]!, root);
    close(weights[1]!, (root * 40) / 41);
    close(weights[2]!, (root * 1600) / 1681);
  });
  it('is 1 every year at rate 0, and empty for a horizon of 0', () => {
    for (const stateTime of ['start', 'end', 'half-cycle'] as const) expect([...yearWeights(stateTime, 0, 4)]).toEqual([1, 1, 1, 1]);
    expect(yearWeights('start', 0.025, 0).length).toBe(0);
    expect(() => yearWeights('start', 0.025, 2.5)).toThrow(/internal/);
  });
});
