/**
 * Log densities against independent oracles: closed forms computed by hand in the test, and the
 * derivative of stdlib's CDFs (@stdlib/stats-base-dists-*, unrelated to our code) by a central
 * difference, f(x) ≈ (F(x + h) − F(x − h))/(2h). With h = 10⁻⁵ × the distribution's scale the
 * truncation error is h²·|f″|/6 ≈ 10⁻¹⁰ relative and the rounding error about 10⁻¹⁶/h ≈ 10⁻¹¹, so
 * a relative tolerance of 10⁻⁶ on the density (10⁻⁶ absolute on its log) leaves a wide margin.
 */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import lognormalCdf from '@stdlib/stats-base-dists-lognormal-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import triangularCdf from '@stdlib/stats-base-dists-triangular-cdf';
import uniformCdf from '@stdlib/stats-base-dists-uniform-cdf';
import { describe, expect, it } from 'vitest';
import { logBeta, logDensity, logGamma } from '../../src/analysis/densities.js';
import type { Distribution } from '../../src/sim/distributions/forms.js';

const derivative = (cdf: (x: number) => number, x: number, h: number): number => (cdf(x + h) - cdf(x - h)) / (2 * h);
const LOG_TOLERANCE = 1e-6;

describe('logGamma and logBeta', () => {
  it('match factorials, Γ(1/2) = √π, and published values of Γ(1/3) and Γ(1/4)', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    let logFactorial100 = 0;
    for (let k = 2; k <= 100; k++) logFactorial100 += Math.log(k);
    expect(logGamma(101)).toBeCloseTo(logFactorial100, 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // Γ(1/3) = 2.6789385347077476337…, Γ(1/4) = 3.6256099082219083119… (Abramowitz & Stegun, Handbook of Mathematical Functions, 1964, ch. 6), rounded to doubles.
    expect(logGamma(1 / 3)).toBeCloseTo(Math.log(2.678938534707748), 13);
    expect(logGamma(1 / 4)).toBeCloseTo(Math.log(3.625609908221908), 13);
    // Γ(x) ~ 1/x as x → 0: ln Γ(10⁻⁸) = −ln 10⁻⁸ − γ·10⁻⁸ to first order (γ Euler's constant).
    expect(logGamma(1e-8)).toBeCloseTo(8 * Math.LN10 - 0.5772156649 * 1e-8, 12);
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
  it('B(2, 3) = 1/12 and B(1/2, 1/2) = π', () => {
    expect(logBeta(2, 3)).toBeCloseTo(-Math.log(12), 13);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
  });
});

describe('closed forms by hand', () => {
  const cases: [string, Distribution, number, number][] = [
    // beta(2, 3): f(x) = x(1 − x)²/B(2, 3) = 12·0.4·0.36
    ['beta(2, 3) at 0.4', { kind: 'beta', alpha: 2, beta: 3, central: 0.4 }, 0.4, 12 * 0.4 * 0.36],
    // gamma(shape 3, scale 2): x² e^(−x/2)/(Γ(3)·2³) = 16 e^−2/16 at x = 4
    ['gamma(3, 2) at 4', { kind: 'gamma', shape: 3, scale: 2, central: 6 }, 4, Math.exp(-2)],
    ['lognormal(0, 1) at 1', { kind: 'lognormal', mu: 0, sigma: 1, central: 1 }, 1, 1 / Math.sqrt(2 * Math.PI)],
    ['normal(1, 2) at 3', { kind: 'normal', mean: 1, sd: 2, central: 1 }, 3, Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI))],
    ['uniform(2, 6) at 3', { kind: 'uniform', low: 2, high: 6, central: 4 }, 3, 0.25],
    // triangular(0, 1, 3): 2(x − 0)/(3·1) below the mode, 2/3 at it, 2(3 − x)/(3·2) above
    ['triangular(0, 1, 3) at 0.5', { kind: 'triangular', low: 0, mode: 1, high: 3, central: 4 / 3 }, 0.5, 1 / 3],
    ['triangular(0, 1, 3) at 1', { kind: 'triangular', low: 0, mode: 1, high: 3, central: 4 / 3 }, 1, 2 / 3],
    ['triangular(0, 1, 3) at 2', { kind: 'triangular', low: 0, mode: 1, high: 3, central: 4 / 3 }, 2, 1 / 3],
  ];
  it.each(cases)('%s', (_, d, x, density) => {
    expect(logDensity(d, x)).toBeCloseTo(Math.log(density), 12);
  });
});

describe('against the derivative of stdlib’s CDFs', () => {
  const cases: [string, Distribution, (x: number) => number, number, number[]][] = [
    ['beta(2.5, 7)', { kind: 'beta', alpha: 2.5, beta: 7, central: 0 }, (x) => betaCdf(x, 2.5, 7), 1, [0.01, 0.1, 0.25, 0.5, 0.9]],
    ['beta(0.4, 0.7)', { kind: 'beta', alpha: 0.4, beta: 0.7, central: 0 }, (x) => betaCdf(x, 0.4, 0.7), 1, [0.05, 0.3, 0.8, 0.97]],
    ['beta(400, 19600)', { kind: 'beta', alpha: 400, beta: 19_600, central: 0 }, (x) => betaCdf(x, 400, 19_600), 0.001, [0.018, 0.02, 0.0215]],
    ['gamma(0.6, 3)', { kind: 'gamma', shape: 0.6, scale: 3, central: 0 }, (x) => gammaCdf(x, 0.6, 1 / 3), 3, [0.05, 1, 4, 12]],
    ['gamma(40, 0.25)', { kind: 'gamma', shape: 40, scale: 0.25, central: 0 }, (x) => gammaCdf(x, 40, 4), 1, [7, 10, 13]],
    ['lognormal(−1, 0.5)', { kind: 'lognormal', mu: -1, sigma: 0.5, central: 0 }, (x) => lognormalCdf(x, -1, 0.5), 0.3, [0.1, 0.37, 1.2]],
    ['normal(−3, 0.2)', { kind: 'normal', mean: -3, sd: 0.2, central: 0 }, (x) => normalCdf(x, -3, 0.2), 0.2, [-3.5, -3, -2.9, -2.4]],
    ['uniform(−1, 4)', { kind: 'uniform', low: -1, high: 4, central: 0 }, (x) => uniformCdf(x, -1, 4), 1, [-0.5, 2, 3.9]],
    ['triangular(1, 1.5, 4)', { kind: 'triangular', low: 1, mode: 1.5, high: 4, central: 0 }, (x) => triangularCdf(x, 1, 4, 1.5), 1, [1.1, 1.4, 2, 3.9]],
  ];
  it.each(cases)('%s', (_, d, cdf, scale, xs) => {
    for (const x of xs) expect(Math.abs(logDensity(d, x) - Math.log(derivative(cdf, x, 1e-5 * scale)))).toBeLessThan(LOG_TOLERANCE);
  });
});

describe('support and boundaries', () => {
  it('is −∞ outside the support of every kind', () => {
    expect(logDensity({ kind: 'beta', alpha: 2, beta: 2, central: 0.5 }, -0.1)).toBe(-Infinity);
    expect(logDensity({ kind: 'beta', alpha: 2, beta: 2, central: 0.5 }, 1.1)).toBe(-Infinity);
    expect(logDensity({ kind: 'gamma', shape: 2, scale: 1, central: 2 }, -1e-9)).toBe(-Infinity);
    expect(logDensity({ kind: 'lognormal', mu: 0, sigma: 1, central: 1 }, 0)).toBe(-Infinity);
    expect(logDensity({ kind: 'lognormal', mu: 0, sigma: 1, central: 1 }, -2)).toBe(-Infinity);
    expect(logDensity({ kind: 'uniform', low: 0, high: 1, central: 0.5 }, 1.0000001)).toBe(-Infinity);
    expect(logDensity({ kind: 'triangular', low: 0, mode: 1, high: 3, central: 4 / 3 }, 3.1)).toBe(-Infinity);
    expect(logDensity({ kind: 'triangular', low: 0, mode: 1, high: 3, central: 4 / 3 }, -0.1)).toBe(-Infinity);
  });
  it('takes the limit of x^(k−1) at 0: +∞ for k < 1, 1 for k = 1, 0 for k > 1', () => {
    expect(logDensity({ kind: 'beta', alpha: 0.5, beta: 0.5, central: 0.5 }, 0)).toBe(Infinity);
    expect(logDensity({ kind: 'beta', alpha: 0.5, beta: 0.5, central: 0.5 }, 1)).toBe(Infinity);
    expect(logDensity({ kind: 'beta', alpha: 1, beta: 1, central: 0.5 }, 0)).toBeCloseTo(0, 14);
    expect(logDensity({ kind: 'beta', alpha: 1, beta: 3, central: 0.25 }, 0)).toBeCloseTo(Math.log(3), 14);
    expect(logDensity({ kind: 'beta', alpha: 2, beta: 2, central: 0.5 }, 1)).toBe(-Infinity);
    expect(logDensity({ kind: 'gamma', shape: 1, scale: 2, central: 2 }, 0)).toBeCloseTo(Math.log(0.5), 14);
    expect(logDensity({ kind: 'gamma', shape: 0.5, scale: 2, central: 1 }, 0)).toBe(Infinity);
    expect(logDensity({ kind: 'gamma', shape: 3, scale: 2, central: 6 }, 0)).toBe(-Infinity);
  });
  it('handles a triangular whose mode is an end', () => {
    // mode = low: f(x) = 2(b − x)/(b − a)²; mode = high: f(x) = 2(x − a)/(b − a)².
    expect(logDensity({ kind: 'triangular', low: 0, mode: 0, high: 2, central: 2 / 3 }, 0)).toBeCloseTo(Math.log(1), 14);
    expect(logDensity({ kind: 'triangular', low: 0, mode: 0, high: 2, central: 2 / 3 }, 0.5)).toBeCloseTo(Math.log(0.75), 14);
    expect(logDensity({ kind: 'triangular', low: 0, mode: 2, high: 2, central: 4 / 3 }, 2)).toBeCloseTo(Math.log(1), 14);
    expect(logDensity({ kind: 'triangular', low: 0, mode: 2, high: 2, central: 4 / 3 }, 0.5)).toBeCloseTo(Math.log(0.25), 14);
  });
  it('refuses a fixed value (an internal error: it cannot be a prior) and passes NaN through', () => {
    expect(() => logDensity({ kind: 'fixed', central: 3 }, 3)).toThrow(/internal/);
    expect(logDensity({ kind: 'normal', mean: 0, sd: 1, central: 0 }, Number.NaN)).toBeNaN();
  });
});
