/**
 * The interval transforms: round trips x → y → x, the values at hand-chosen points, and the log
 * Jacobian against a central finite difference of fromReal, (x(y + h) − x(y − h))/(2h), whose
 * error h²|x‴|/6 is below 10⁻⁹ relative at h = 10⁻⁵ on these smooth maps (tolerance 10⁻⁶ on the log).
 * A last check integrates a density moved to the real line: it must still integrate to 1.
 */
import { describe, expect, it } from 'vitest';
import { type Bounds, fromReal, logJacobian, toReal, transformKind } from '../../src/analysis/transforms.js';

const cases: [string, Bounds, number[]][] = [
  ['logit on [0, 1]', [0, 1], [1e-12, 0.001, 0.3, 0.5, 0.97, 1 - 1e-9]],
  ['logit on [0.001, 0.2]', [0.001, 0.2], [0.0011, 0.05, 0.199]],
  ['logit on [−5, 30]', [-5, 30], [-4.9, 0, 29]],
  ['log above 0', [0, Infinity], [1e-9, 0.5, 3, 1e8]],
  ['log above −2', [-2, Infinity], [-1.5, 0, 40]],
  ['log below 10', [-Infinity, 10], [-300, 9.99, 5]],
  ['identity', [-Infinity, Infinity], [-1e6, -1, 0, 2.5]],
];

describe('kinds', () => {
  it('logit for two finite ends, log for one, identity for none', () => {
    expect(transformKind([0, 1])).toBe('logit');
    expect(transformKind([0, Infinity])).toBe('log-above');
    expect(transformKind([-Infinity, 3])).toBe('log-below');
    expect(transformKind([-Infinity, Infinity])).toBe('identity');
  });
  it('refuses what is not an interval (an internal error)', () => {
    expect(() => transformKind([1, 1])).toThrow(/internal/);
    expect(() => transformKind([2, 1])).toThrow(/internal/);
    expect(() => transformKind([Number.NaN, 1])).toThrow(/internal/);
    expect(() => transformKind([Infinity, Infinity])).toThrow(/internal/);
  });
});

describe('values by hand', () => {
  it('maps the midpoint of [a, b] to 0 and x = a + (b − a)/(1 + e^−y) back', () => {
    expect(toReal([2, 6], 4)).toBeCloseTo(0, 15);
    expect(toReal([0, 1], 0.75)).toBeCloseTo(Math.log(3), 14);
    expect(fromReal([0, 1], Math.log(3))).toBeCloseTo(0.75, 15);
    expect(fromReal([0.001, 0.2], 0)).toBeCloseTo(0.1005, 15);
    expect(toReal([1, Infinity], 1 + Math.E)).toBeCloseTo(1, 14);
    expect(fromReal([-Infinity, 10], 0)).toBe(9);
    expect(toReal([-Infinity, 10], 10 - Math.exp(2))).toBeCloseTo(2, 14);
  });
  it('sends the ends to ±∞, the outside to NaN, and keeps fromReal inside the interval', () => {
    expect(toReal([0, 1], 0)).toBe(-Infinity);
    expect(toReal([0, 1], 1)).toBe(Infinity);
    expect(toReal([0, 1], 1.5)).toBeNaN();
    expect(toReal([0, Infinity], -1)).toBeNaN();
    expect(fromReal([0.1, 0.3], 800)).toBe(0.3);
    expect(fromReal([0.1, 0.3], -800)).toBe(0.1);
    for (let y = -40; y <= 40; y += 0.37) {
      const x = fromReal([0.1, 0.3], y);
      expect(x >= 0.1 && x <= 0.3).toBe(true);
    }
  });
});

describe.each(cases)('%s', (_, bounds, xs) => {
  it('round-trips x → y → x to 1e-12 relative (and y → x → y away from the ends)', () => {
    for (const x of xs) expect(Math.abs(fromReal(bounds, toReal(bounds, x)) - x)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x)));
    for (const y of [-3, -0.5, 0, 0.7, 4]) expect(toReal(bounds, fromReal(bounds, y))).toBeCloseTo(y, 9);
  });
  it('has the log Jacobian of a finite difference of fromReal', () => {
    const h = 1e-5;
    for (const y of [-6, -1.3, 0, 0.4, 2, 7]) {
      const slope = (fromReal(bounds, y + h) - fromReal(bounds, y - h)) / (2 * h);
      expect(Math.abs(logJacobian(bounds, y) - Math.log(Math.abs(slope)))).toBeLessThan(1e-6);
    }
  });
});

describe('a density moved to the real line', () => {
  it('still integrates to 1: the beta(2, 3) density on [0, 1] times the Jacobian, by the trapezoid rule', () => {
    // f(x) = 12 x (1 − x)² on [0, 1]; the integrand f(x(y))·|dx/dy| decays like e^−2|y|, so
    // [−40, 40] leaves out under 10⁻³⁴, and the trapezoid rule on a smooth decaying integrand with
    // step 10⁻³ is exact to far below the tolerance 10⁻⁹.
    const bounds: Bounds = [0, 1];
    const step = 1e-3;
    let sum = 0;
    for (let y = -40; y <= 40; y += step) {
      const x = fromReal(bounds, y);
      sum += 12 * x * (1 - x) ** 2 * Math.exp(logJacobian(bounds, y)) * step;
    }
    expect(sum).toBeCloseTo(1, 9);
  });
});
