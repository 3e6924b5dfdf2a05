/**
 * Nelder–Mead: the steps of Lagarias et al. (1998) traced by hand on one-dimensional tables
 * (which points are asked for, in which order, including both tie-breaking rules), then minima
 * known in closed form: a quadratic, Rosenbrock's function from the classic start (−1.2, 1), a
 * six-dimensional quadratic, and functions that are +∞ or NaN outside a region.
 */
import { describe, expect, it } from 'vitest';
import { nelderMead, nelderMeadBatch } from '../../src/analysis/nelder-mead.js';

/** A one-dimensional function known only on listed points; the batches asked for are recorded. */
function table(values: Record<string, number>): { f: (points: readonly Float64Array[]) => Promise<number[]>; asked: number[][] } {
  const asked: number[][] = [];
  return {
    asked,
    f: (points) => {
      asked.push(points.map((p) => p[0]!));
      return Promise.resolve(
        points.map((p) => {
          const value = values[String(p[0])];
          if (value === undefined) throw new Error(`the table has no value at ${p[0]}`);
          return value;
        }),
      );
    },
  };
}

describe('the steps, traced by hand', () => {
  it('reflects, rejects an expansion that is not better, and contracts inside (f(x) = x² from 1, step 1)', async () => {
    // Simplex {1 (1), 2 (4)}. It. 1: x̄ = 1, x_r = 0 (0 < f₁): expand to x_e = −1 (1, not < 0) → accept x_r.
    // {0, 1}. It. 2: x_r = −1, f_r = 1 = f₂ → inside contraction x_cc = 0.5 (0.25 < 1) → accept.
    // {0, 0.5}. It. 3: x_r = −0.5 (0.25, not < 0.25) → inside contraction x_cc = 0.25.
    const square: Record<string, number> = {};
    for (const x of [1, 2, 0, -1, 0.5, -0.5, 0.25, -0.25, 0.125, -0.125, 0.0625]) square[String(x)] = x * x;
    const { f, asked } = table(square);
    const result = await nelderMeadBatch(f, [1], { steps: [1], maxEvaluations: 8 });
    expect(asked).toEqual([[1, 2], [0], [-1], [-1], [0.5], [-0.5], [0.25]]);
    expect(result.reason).toBe('max-evaluations');
    expect(result.evaluations).toBe(8);
    expect(result.iterations).toBe(3);
    expect(Array.from(result.x)).toEqual([0]);
  });
  it('places an accepted point after a vertex of equal value (outside contraction tied with the best)', async () => {
    // {0 (0), 1 (1)}: x_r = −1 (0): not f₁ ≤ f_r < f₁, not < f₁, < f₂ → outside contraction x_c = −0.5
    // (0 ≤ f_r) → accepted, tied with x₁ = 0, so placed after it: {0, −0.5}; then x_r = 0.5.
    // (Placed first, it would give {−0.5, 0} and x_r = −1.)
    const { f, asked } = table({ '0': 0, '1': 1, '-1': 0, '-0.5': 0, '0.5': 2 });
    await nelderMeadBatch(f, [0], { steps: [1], maxEvaluations: 5 });
    expect(asked).toEqual([[0, 1], [-1], [-0.5], [0.5]]);
  });
  it('shrinks towards the best vertex, which keeps its place on a tie', async () => {
    // {0 (0), 1 (1)}: x_r = −1 (0.5) → outside contraction x_c = −0.5 (0.7 > 0.5) → shrink:
    // v = 0 + ½(1 − 0) = 0.5 with value 0, tied with x₁: {0, 0.5}, so the next x_r is −0.5.
    const { f, asked } = table({ '0': 0, '1': 1, '-1': 0.5, '-0.5': 0.7, '0.5': 0 });
    const result = await nelderMeadBatch(f, [0], { steps: [1], maxEvaluations: 6 });
    expect(asked).toEqual([[0, 1], [-1], [-0.5], [0.5], [-0.5]]);
    expect(result.iterations).toBe(1); // the second stops for want of budget after its reflection
  });
  it('evaluates the initial simplex as one batch: the start, then the start plus each step along its axis', async () => {
    const asked: number[][][] = [];
    await nelderMeadBatch(
      (points) => {
        asked.push(points.map((p) => Array.from(p)));
        return Promise.resolve(points.map((p) => p[0]! ** 2 + p[1]! ** 2 + p[2]! ** 2));
      },
      [1, 2, 3],
      { steps: [0.5, -1, 2], maxEvaluations: 4 },
    );
    expect(asked[0]).toEqual([
      [1, 2, 3],
      [1.5, 2, 3],
      [1, 1, 3],
      [1, 2, 5],
    ]);
  });
});

const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe('known minima', () => {
  it('a quadratic: (x − 1)² + 10(y + 2)², minimum 0 at (1, −2)', () => {
    const result = nelderMead((x) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, [5, 5], { steps: [1, 1], maxEvaluations: 1000, valueTolerance: 1e-14, sizeTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expect(result.reason).toBe('tolerance');
    expect(Math.abs(result.x[0]! - 1)).toBeLessThan(1e-6);
    expect(Math.abs(result.x[1]! + 2)).toBeLessThan(1e-6);
    expect(result.value).toBeLessThan(1e-12);
  });
  it('Rosenbrock from (−1.2, 1) reaches (1, 1) within 1e-4', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { steps: [0.1, 0.1], maxEvaluations: 2000, valueTolerance: 1e-14, sizeTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.x[0]! - 1)).toBeLessThan(1e-4);
    expect(Math.abs(result.x[1]! - 1)).toBeLessThan(1e-4);
    expect(result.evaluations).toBeLessThan(2000);
  });
  it('a six-dimensional quadratic (x − c)ᵀA(x − c), A = diag(1…6) plus 0.4 between neighbours, minimum at c', () => {
    const c = [1, -2, 0.5, 3, -1, 0];
    const f = (x: Float64Array): number => {
      let sum = 0;
      for (let i = 0; i < 6; i++) {
        const di = x[i]! - c[i]!;
        sum += (i + 1) * di * di;
        if (i < 5) sum += 0.8 * di * (x[i + 1]! - c[i + 1]!);
      }
      return sum;
    };
    // A is diagonally dominant (row sums of |off-diagonal| ≤ 0.8 < 1 ≤ diagonal), so positive definite.
    const result = nelderMead(f, [0, 0, 0, 0, 0, 0], { steps: [1, 1, 1, 1, 1, 1], maxEvaluations: 20_000, valueTolerance: 1e-14, sizeTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    for (let i = 0; i < 6; i++) expect(Math.abs(result.x[i]! - c[i]!)).toBeLessThan(1e-4);
  });
  it.each([
    ['+∞', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
  ])('a function that is %s outside the square |x|, |y| < 1 (start on its edge, half the simplex outside)', (_, outside) => {
    const f = (x: Float64Array): number => (Math.abs(x[0]!) < 1 && Math.abs(x[1]!) < 1 ? (x[0]! - 0.5) ** 2 + (x[1]! + 0.3) ** 2 : outside);
    const result = nelderMead(f, [0.9, 0.9], { steps: [0.5, 0.5], maxEvaluations: 1000, valueTolerance: 1e-14, sizeTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.x[0]! - 0.5)).toBeLessThan(1e-6);
    expect(Math.abs(result.x[1]! + 0.3)).toBeLessThan(1e-6);
  });
});

describe('stopping', () => {
  it('stops at once when every vertex of the initial simplex is +∞ or NaN', () => {
    const result = nelderMead((x) => (x[0]! > 10 ? 0 : Number.NaN), [0, 0], { steps: [1, 1], maxEvaluations: 100 });
    expect(result.reason).toBe('no-finite-value');
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBe(3);
  });
  it('never exceeds the budget, and returns the best point it evaluated', () => {
    let best = Number.POSITIVE_INFINITY;
    let calls = 0;
    const result = nelderMead(
      (x) => {
        calls++;
        const value = rosenbrock(x);
        best = Math.min(best, value);
        return value;
      },
      [-1.2, 1],
      { steps: [0.1, 0.1], maxEvaluations: 50 },
    );
    expect(result.reason).toBe('max-evaluations');
    expect(result.converged).toBe(false);
    expect(calls).toBe(result.evaluations);
    expect(result.evaluations).toBeLessThanOrEqual(50);
    expect(result.value).toBe(best);
    expect(rosenbrock(result.x)).toBe(best);
  });
  it('ends, within the budget, on a function unbounded below (every step an expansion)', () => {
    const result = nelderMead((x) => x[0]! + x[1]!, [0, 0], { steps: [1, 1], maxEvaluations: 300 });
    expect(result.reason).toBe('max-evaluations');
    expect(result.evaluations).toBeLessThanOrEqual(300);
    expect(result.value).toBeLessThan(-1e10);
  });
  it('is deterministic', () => {
    const a = nelderMead(rosenbrock, [-1.2, 1], { steps: [0.1, 0.1], maxEvaluations: 400 });
    const b = nelderMead(rosenbrock, [-1.2, 1], { steps: [0.1, 0.1], maxEvaluations: 400 });
    expect(a).toEqual(b);
  });
  it('refuses options it cannot run with (an internal error)', () => {
    expect(() => nelderMead(rosenbrock, [0, 0], { steps: [1], maxEvaluations: 100 })).toThrow(/internal/);
    expect(() => nelderMead(rosenbrock, [0, 0], { steps: [1, 0], maxEvaluations: 100 })).toThrow(/internal/);
    expect(() => nelderMead(rosenbrock, [0, 0], { steps: [1, 1], maxEvaluations: 2 })).toThrow(/internal/);
    expect(() => nelderMead(rosenbrock, [0, 0], { steps: [1, 1], maxEvaluations: Infinity })).toThrow(/internal/);
  });
});
