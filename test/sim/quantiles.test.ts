/**
 * Quantile functions against independent oracles: stdlib's quantile and CDF functions
 * (@stdlib/stats-base-dists-*, an implementation unrelated to ours), closed forms for the special
 * cases that have one (beta(a, 1), beta(1, b), the exponential, symmetric betas, uniform and
 * triangular by hand), Choi's asymptotic series for the gamma median at large shapes, and a few
 * values computed with mpmath 1.3.0 at 40 digits (a high-precision library unrelated to ours),
 * quoted in the tests (as the nearest doubles) with how they were obtained.
 *
 * Tolerances: 10⁻⁹ relative against stdlib for beta and gamma, as the brief asks — both
 * implementations agree to about 10⁻¹³ on these cases (the gap is that of each CDF, ~10⁻¹⁵,
 * amplified by 1/shape for shapes below 1), so the margin is wide; 10⁻¹² for the closed forms and
 * the normal quantile, which AS 241 gives to about 10⁻¹⁶.
 *
 * stdlib is NOT used where it is itself inaccurate: its normal quantile loses relative precision
 * in the lower tail (2p − 1 rounds; at p = 10⁻¹⁰ it is off by 2·10⁻⁹ and at 10⁻²⁰ it returns −∞),
 * so deep tails are checked through its normal CDF instead; at shape 10⁴ its gamma quantile is off
 * by 10⁻⁴ relative at the median, and its CDF by 4·10⁻³ there (both checked against mpmath), so
 * large shapes are checked against Choi's series and mpmath's values.
 */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import lognormalQuantile from '@stdlib/stats-base-dists-lognormal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import triangularQuantile from '@stdlib/stats-base-dists-triangular-quantile';
import { describe, expect, it } from 'vitest';
import { Z975, type Distribution } from '../../src/sim/distributions/forms.js';
import { betaTails, gammaTails, normalQuantile as ourNormalQuantile, quantileOf } from '../../src/sim/distributions/quantiles.js';

const PS = [0.025, 0.5, 0.975];
const near = (actual: number, expected: number, relative: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
};

describe('normal and lognormal', () => {
  it('match stdlib at 2.5 %, 50 %, 97.5 % and through the central and near-tail regions', () => {
    for (const p of [...PS, 0.001, 0.01, 0.1, 0.3, 0.7, 0.9, 0.99, 0.999, 1 - 1e-10]) {
      near(quantileOf({ kind: 'normal', mean: 3, sd: 2, central: 3 }, p), normalQuantile(p, 3, 2), 1e-12);
      near(quantileOf({ kind: 'lognormal', mu: 0.4, sigma: 0.7, central: Math.exp(0.4) }, p), lognormalQuantile(p, 0.4, 0.7), 1e-12);
    }
    expect(ourNormalQuantile(0.5)).toBe(0);
    near(ourNormalQuantile(0.975), Z975, 1e-15);
  });
  it('is accurate deep in the lower tail: Φ(Φ⁻¹(p)) = p to 10⁻¹² relative down to p = 10⁻³⁰⁰', () => {
    // dp/p = |z|·dz near z, so 10⁻¹² on p is ≤ 10⁻¹⁴ relative on z at these depths.
    for (const p of [1e-5, 1e-10, 1e-20, 1e-100, 1e-300]) near(normalCdf(ourNormalQuantile(p), 0, 1), p, 1e-12);
  });
  it('is ∓∞ at 0 and 1 and antisymmetric', () => {
    expect(ourNormalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(ourNormalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(quantileOf({ kind: 'lognormal', mu: 0, sigma: 1, central: 1 }, 0)).toBe(0);
    // Dyadic p, so that 1 − p is exact (0.01 and 0.99 are not each other's complement in binary).
    for (const p of [2 ** -20, 0.0078125, 0.03125, 0.25, 0.375]) expect(ourNormalQuantile(p)).toBe(-ourNormalQuantile(1 - p));
  });
});

describe('uniform, triangular and fixed, by hand', () => {
  it('uniform(2, 6): 2 + 4p', () => {
    const d: Distribution = { kind: 'uniform', low: 2, high: 6, central: 4 };
    expect(quantileOf(d, 0)).toBe(2);
    expect(quantileOf(d, 0.25)).toBe(3);
    expect(quantileOf(d, 0.975)).toBe(5.9);
    expect(quantileOf(d, 1)).toBe(6);
  });
  it('triangular(0, 1, 4): F(1) = 1/4; √(4p) below the mode, 4 − √(12(1 − p)) above', () => {
    const d: Distribution = { kind: 'triangular', low: 0, mode: 1, high: 4, central: 5 / 3 };
    near(quantileOf(d, 0.1), Math.sqrt(0.4), 1e-15); // 0.63245...
    expect(quantileOf(d, 0.25)).toBe(1); // 4 − √9
    near(quantileOf(d, 0.5), 4 - Math.sqrt(6), 1e-15); // 1.55051...
    near(quantileOf(d, 0.975), 4 - Math.sqrt(0.3), 1e-15); // 12 × 0.025 = 0.3
    expect(quantileOf(d, 0)).toBe(0);
    expect(quantileOf(d, 1)).toBe(4);
    for (const p of [0.025, 0.1, 0.5, 0.975]) near(quantileOf(d, p), triangularQuantile(p, 0, 4, 1), 1e-14);
  });
  it('triangular with the mode at an end', () => {
    // Mode at the low end: F(x) = 1 − (b − x)²/(b − a)², Q = b − (b − a)√(1 − p).
    near(quantileOf({ kind: 'triangular', low: 0, mode: 0, high: 2, central: 2 / 3 }, 0.75), 1, 1e-15);
    // Mode at the high end: F(x) = (x − a)²/(b − a)², Q = a + (b − a)√p.
    near(quantileOf({ kind: 'triangular', low: 0, mode: 2, high: 2, central: 4 / 3 }, 0.25), 1, 1e-15);
  });
  it('fixed: the value at every p', () => {
    for (const p of [0, 0.3, 1]) expect(quantileOf({ kind: 'fixed', central: 7.5 }, p)).toBe(7.5);
  });
  it('refuses p outside [0, 1]', () => {
    expect(() => quantileOf({ kind: 'fixed', central: 1 }, -0.1)).toThrow(/internal/);
    expect(() => quantileOf({ kind: 'normal', mean: 0, sd: 1, central: 0 }, 1.5)).toThrow(/internal/);
    expect(() => quantileOf({ kind: 'normal', mean: 0, sd: 1, central: 0 }, Number.NaN)).toThrow(/internal/);
  });
});

describe('beta', () => {
  const shapes: [number, number][] = [[0.05, 0.3], [0.2, 5], [0.5, 0.5], [0.9, 100], [2, 3], [30, 70], [500, 2000], [3000, 1], [5, 0.3]];
  it('matches stdlib at 2.5 %, 50 %, 97.5 % (and 10⁻¹⁰, 1 − 10⁻⁶), shapes from 0.05 to 3000', () => {
    for (const [a, b] of shapes) {
      for (const p of [...PS, 1e-10, 1 - 1e-6]) near(quantileOf({ kind: 'beta', alpha: a, beta: b, central: a / (a + b) }, p), betaQuantile(p, a, b), 1e-9);
    }
  });
  it('has the closed forms of beta(a, 1), beta(1, b), beta(1, 1) and symmetric betas', () => {
    for (const p of PS) {
      // F(x) = xᵃ for beta(a, 1); F(x) = 1 − (1 − x)ᵇ for beta(1, b).
      near(quantileOf({ kind: 'beta', alpha: 0.3, beta: 1, central: 0.3 / 1.3 }, p), p ** (1 / 0.3), 1e-12);
      near(quantileOf({ kind: 'beta', alpha: 1, beta: 4, central: 0.2 }, p), 1 - (1 - p) ** (1 / 4), 1e-12);
      near(quantileOf({ kind: 'beta', alpha: 1, beta: 1, central: 0.5 }, p), p, 1e-12);
    }
    for (const a of [0.1, 0.5, 3, 40]) near(quantileOf({ kind: 'beta', alpha: a, beta: a, central: 0.5 }, 0.5), 0.5, 1e-12);
  });
  it('large shapes: matches quantiles computed with mpmath 1.3.0 at 40 digits, to 10⁻¹²', () => {
    // beta(5, 10⁵): I_x(5, b) = P(Binomial(b + 4, x) ≥ 5), summed exactly, then solved by mpmath.findroot.
    near(quantileOf({ kind: 'beta', alpha: 5, beta: 1e5, central: 5 / 100_005 }, 0.025), 0.00001623440743304405, 1e-12);
    near(quantileOf({ kind: 'beta', alpha: 5, beta: 1e5, central: 5 / 100_005 }, 0.5), 0.00004670706386429998, 1e-12);
    near(quantileOf({ kind: 'beta', alpha: 5, beta: 1e5, central: 5 / 100_005 }, 0.975), 0.00010240859438685534, 1e-12);
    // beta(10⁵, 3·10⁵): the density integrated by mpmath.quad, the median by Newton's method.
    near(quantileOf({ kind: 'beta', alpha: 1e5, beta: 3e5, central: 0.25 }, 0.5), 0.24999958333299896, 1e-12);
  });
  it('inverts the CDF: stdlib I_x(a, b) at our quantile is p', () => {
    for (const [a, b] of shapes) {
      for (const p of PS) near(betaCdf(quantileOf({ kind: 'beta', alpha: a, beta: b, central: a / (a + b) }, p), a, b), p, 1e-9);
    }
  });
  it('is 0 and 1 at the ends, and 0 where the quantile is below the smallest double', () => {
    const d: Distribution = { kind: 'beta', alpha: 2, beta: 3, central: 0.4 };
    expect(quantileOf(d, 0)).toBe(0);
    expect(quantileOf(d, 1)).toBe(1);
    // beta(0.001, 0.001): Q(0.025) ≈ (0.025 × 0.001 × B)^1000 ≈ 0.05^1000, far below 10⁻³²³.
    expect(quantileOf({ kind: 'beta', alpha: 0.001, beta: 0.001, central: 0.5 }, 0.025)).toBe(0);
  });
  it('gives both tails of the CDF as stdlib does', () => {
    for (const [a, b, x] of [[0.5, 0.5, 0.1], [2, 3, 0.7], [30, 70, 0.25], [0.2, 5, 1e-4]] as const) {
      const { lower, upper } = betaTails(a, b, x);
      near(lower, betaCdf(x, a, b), 1e-12);
      near(upper, 1 - betaCdf(x, a, b), 1e-11);
    }
  });
});

describe('gamma', () => {
  const shapes: [number, number][] = [[0.05, 2], [0.2, 1], [0.5, 3], [1, 1], [2.5, 0.4], [30, 2], [300, 1]];
  it('matches stdlib at 2.5 %, 50 %, 97.5 % (and 10⁻¹⁰, 1 − 10⁻⁶), shapes from 0.05 to 300', () => {
    for (const [shape, scale] of shapes) {
      const d: Distribution = { kind: 'gamma', shape, scale, central: shape * scale };
      // stdlib's gamma takes a rate, 1/scale.
      for (const p of [...PS, 1e-10, 1 - 1e-6]) near(quantileOf(d, p), gammaQuantile(p, shape, 1 / scale), 1e-9);
    }
  });
  it('gamma(1, θ) is the exponential: −θ ln(1 − p)', () => {
    for (const p of [...PS, 1 - 1e-12]) near(quantileOf({ kind: 'gamma', shape: 1, scale: 2.5, central: 2.5 }, p), -2.5 * Math.log1p(-p), 1e-12);
  });
  it('large shapes: the median is k − 1/3 + 8/(405k) + 184/(25,515k²) + 2248/(3,444,525k³) + O(k⁻⁴) (Choi, Proc AMS 1994;121:245–251)', () => {
    for (const k of [1e3, 1e4, 1e6, 1e8]) {
      const series = k - 1 / 3 + 8 / (405 * k) + 184 / (25_515 * k * k) + 2248 / (3_444_525 * k ** 3);
      // The next term is below 10⁻¹² at k = 1000, so the series is exact to rounding here.
      near(quantileOf({ kind: 'gamma', shape: k, scale: 1, central: k }, 0.5), series, 1e-12);
    }
  });
  it('large shapes: P(a, x) matches values computed with mpmath 1.3.0 at 40 digits (gammainc, regularized)', () => {
    // mpmath.gammainc(a, 0, x, regularized=True) and gammainc(a, x, inf, regularized=True).
    near(gammaTails(1e4, 9800).lower, 0.022207543813969693, 1e-12);
    near(gammaTails(1e6, 999_000).lower, 0.15865521357430365, 1e-12);
    near(gammaTails(1e6, 999_000).upper, 0.8413447864256963, 1e-12);
    near(gammaTails(30, 60).upper, 0.000006876264968732097, 1e-12);
  });
  it('inverts the CDF: stdlib P(a, x) at our quantile is p (moderate shapes)', () => {
    for (const [shape, scale] of shapes) {
      for (const p of PS) near(gammaCdf(quantileOf({ kind: 'gamma', shape, scale, central: shape * scale }, p), shape, 1 / scale), p, 1e-9);
    }
  });
  it('is 0 and ∞ at the ends, and 0 below the smallest double', () => {
    const d: Distribution = { kind: 'gamma', shape: 2, scale: 1, central: 2 };
    expect(quantileOf(d, 0)).toBe(0);
    expect(quantileOf(d, 1)).toBe(Number.POSITIVE_INFINITY);
    // Shape 10⁻³: Q(0.025) ≈ (0.025 Γ(1.001))^1000 ≈ 10⁻¹⁶⁰², below 10⁻³²³.
    expect(quantileOf({ kind: 'gamma', shape: 0.001, scale: 1, central: 0.001 }, 0.025)).toBe(0);
  });
  it('gives both tails of the CDF as stdlib does', () => {
    for (const [a, x] of [[0.5, 0.2], [2.5, 6], [30, 25], [0.05, 1e-6]] as const) {
      const { lower, upper } = gammaTails(a, x);
      near(lower, gammaCdf(x, a, 1), 1e-12);
      near(upper, 1 - gammaCdf(x, a, 1), 1e-11);
    }
  });
});
