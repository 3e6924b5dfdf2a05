/**
 * The regression metamodel against least squares solved by hand (the 2 × 2 normal equations of a
 * 5-point example, written out below) and against an outcome that is exactly linear in its
 * parameters, whose standardised coefficients are known in closed form: βₖ = bₖ·sdₖ. Tolerances
 * are relative, 10⁻¹⁰: a Householder least-squares solution of a well-conditioned problem is
 * accurate to a small multiple of 10⁻¹⁶ times the condition number (here below 10).
 */
import { describe, expect, it } from 'vitest';
import { regressionMetamodel, tornadoOrder } from '../../src/econ/metamodel.js';

const RELATIVE = 1e-10;
const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.max(1, Math.abs(expected)));
};
const f64 = (values: number[]): Float64Array => Float64Array.from(values);

/** The sample sd (divisor n − 1), written out here rather than taken from the module. */
function sampleSd(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

describe('regressionMetamodel', () => {
  it('solves a 2-predictor, 5-point example worked by hand', () => {
    // x₁ = 1..5 (mean 3), x₂ = 2, 1, 4, 3, 5 (mean 3), y = 3, 6, 5, 9, 8 (mean 31/5 = 6.2).
    // Centred: c₁ = −2, −1, 0, 1, 2; c₂ = −1, −2, 1, 0, 2; y − ȳ = −3.2, −0.2, −1.2, 2.8, 1.8.
    // S₁₁ = 10, S₂₂ = 1 + 4 + 1 + 0 + 4 = 10, S₁₂ = 2 + 2 + 0 + 0 + 4 = 8,
    // S₁y = 6.4 + 0.2 + 0 + 2.8 + 3.6 = 13, S₂y = 3.2 + 0.4 − 1.2 + 0 + 3.6 = 6.
    // [10 8; 8 10]·b = [13; 6], determinant 36: b₁ = (130 − 48)/36 = 41/18, b₂ = (60 − 104)/36 = −11/9.
    // TSS = 10.24 + 0.04 + 1.44 + 7.84 + 3.24 = 22.8; regression SS = b₁S₁y + b₂S₂y = 533/18 − 132/18 = 401/18;
    // R² = (401/18)/22.8 = 401/410.4 = 2005/2052 = 0.97709...
    // Both sds are √(10/4) = √2.5, so β₁ = (41/18)√2.5 = 3.6014..., β₂ = −(11/9)√2.5 = −1.9325...
    const model = regressionMetamodel(f64([3, 6, 5, 9, 8]), [
      { name: 'x2', values: f64([2, 1, 4, 3, 5]) },
      { name: 'x1', values: f64([1, 2, 3, 4, 5]) },
    ]);
    close(model.intercept, 6.2);
    close(model.rSquared, 2005 / 2052);
    expect(model.terms.map((t) => t.name)).toEqual(['x1', 'x2']);
    close(model.terms[0]!.coefficient, (41 / 18) * Math.sqrt(2.5));
    close(model.terms[1]!.coefficient, -(11 / 9) * Math.sqrt(2.5));
    expect(model.dropped).toEqual([]);
  });

  it('recovers βₖ = bₖ·sdₖ and R² = 1 from an exactly linear outcome, dropping a constant column and a copy', () => {
    const n = 200;
    // Deterministic, irregular parameter values (no randomness needed for an exact fit).
    const a = Array.from({ length: n }, (_, i) => 10 + 3 * Math.sin(i + 1));
    const b = Array.from({ length: n }, (_, i) => ((i * 7) % 11) / 11);
    const c = Array.from({ length: n }, (_, i) => 100 * Math.cos(1.3 * i) + 0.5 * i);
    const outcome = a.map((_, i) => 5 + 2 * a[i]! - 3 * b[i]! + 0.5 * c[i]!);
    const model = regressionMetamodel(f64(outcome), [
      { name: 'fixed', values: f64(Array.from({ length: n }, () => 0.3)) },
      { name: 'a', values: f64(a) },
      { name: 'b', values: f64(b) },
      { name: 'twice-a', values: f64(a.map((x) => 2 * x + 1)) },
      { name: 'c', values: f64(c) },
    ]);
    expect(model.dropped).toEqual(['fixed', 'twice-a']);
    close(model.rSquared, 1);
    close(model.intercept, outcome.reduce((s, y) => s + y, 0) / n);
    const expected = new Map([
      ['a', 2 * sampleSd(a)],
      ['b', -3 * sampleSd(b)],
      ['c', 0.5 * sampleSd(c)],
    ]);
    for (const term of model.terms) close(term.coefficient, expected.get(term.name)!);
    // |0.5·sd(c)| ≈ 35 > |2·sd(a)| ≈ 4.2 > |−3·sd(b)| ≈ 0.95.
    expect(model.terms.map((t) => t.name)).toEqual(['c', 'a', 'b']);
  });

  it('orders magnitudes equal to 12 digits by name (plain code-unit order: "B" before "a")', () => {
    // Orthogonal ±1 columns with the same sd; y = u − v gives β = +sd and −sd, equal in magnitude.
    const u = f64([1, -1, 1, -1]);
    const v = f64([1, 1, -1, -1]);
    const model = regressionMetamodel(
      u.map((x, i) => x - v[i]!),
      [
        { name: 'a', values: u },
        { name: 'B', values: v },
      ],
    );
    // Equal to rounding (the fit may leave them a few units apart in the 16th digit): a tie.
    close(Math.abs(model.terms[0]!.coefficient), Math.sqrt(4 / 3));
    close(Math.abs(model.terms[1]!.coefficient), Math.sqrt(4 / 3));
    expect(model.terms.map((t) => t.name)).toEqual(['B', 'a']);
  });

  it('R² is NaN for a constant outcome (nothing to explain); one iteration drops every column', () => {
    const flat = regressionMetamodel(f64([4, 4, 4]), [{ name: 'p', values: f64([1, 2, 3]) }]);
    expect(flat.rSquared).toBeNaN();
    // 0.1 three times: the rounded mean is not 0.1, yet the outcome is constant.
    expect(regressionMetamodel(f64([0.1, 0.1, 0.1]), [{ name: 'p', values: f64([1, 2, 3]) }]).rSquared).toBeNaN();
    // No usable predictor: R² is 0 (not a rounding residue either side of it).
    expect(regressionMetamodel(f64([1, 2, 4]), [{ name: 'fixed', values: f64([5, 5, 5]) }]).rSquared).toBe(0);
    close(flat.intercept, 4);
    close(flat.terms[0]!.coefficient, 0);
    const single = regressionMetamodel(f64([7]), [{ name: 'p', values: f64([0.2]) }]);
    expect(single).toEqual({ intercept: 7, rSquared: Number.NaN, terms: [], dropped: ['p'] });
  });

  it('refuses mismatched lengths, no iterations, and values that are not finite', () => {
    expect(() => regressionMetamodel(f64([1, 2]), [{ name: 'p', values: f64([1]) }])).toThrow(/internal/);
    expect(() => regressionMetamodel(f64([]), [])).toThrow(/internal/);
    expect(() => regressionMetamodel(f64([1, Number.NaN]), [])).toThrow(/internal/);
    expect(() => regressionMetamodel(f64([1, 2]), [{ name: 'p', values: f64([1, Number.POSITIVE_INFINITY]) }])).toThrow(/internal/);
  });
});

describe('tornadoOrder', () => {
  it('sorts by width |high − low| descending, ties by name, without touching its input', () => {
    const bars = [
      { name: 'c', low: 1, high: 4, extra: 1 },
      { name: 'a', low: 10, high: 8, extra: 2 },
      { name: 'b', low: -1, high: 2, extra: 3 },
      { name: 'd', low: 0, high: 5, extra: 4 },
    ];
    // Widths: c 3, a 2, b 3, d 5 → d, then b and c (tie, by name), then a.
    expect(tornadoOrder(bars).map((bar) => bar.name)).toEqual(['d', 'b', 'c', 'a']);
    expect(tornadoOrder(bars)[0]).toEqual({ name: 'd', low: 0, high: 5, extra: 4 });
    expect(bars.map((bar) => bar.name)).toEqual(['c', 'a', 'b', 'd']);
  });
});
