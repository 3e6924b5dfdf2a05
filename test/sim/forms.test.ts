/**
 * The YAML forms of a parameter against their formulas (docs/simulation.md, step 1 "Parameters";
 * docs/language.md "Numbers and distributions"). Every expected number is worked out by hand in a
 * comment beside it: nothing here is computed by the code under test and then compared with
 * itself. The only outside oracle is Φ⁻¹(0.975), taken from stdlib's normal quantile (an
 * independent implementation). The draws of each form are tested in distributions.test.ts.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import {
  allowedRange,
  constraintCheck,
  type Constraint,
  type Distribution,
  type FormProblem,
  momentsOf,
  type RawParameter,
  supportOf,
  toDistribution,
  upperPlausible,
  Z975,
} from '../../src/sim/distributions/index.js';

/** The distribution of a form that must convert; fails the test with the problem otherwise. */
function converted(raw: RawParameter): Distribution {
  const result = toDistribution(raw);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to convert, got: ${result.problem.message}`);
  return result.distribution;
}

/** The problem of a form that must be refused; fails the test if it converts. */
function refusal(raw: RawParameter): FormProblem {
  const result = toDistribution(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${JSON.stringify(result.distribution)}`);
  return result.problem;
}

// Digits of agreement for hand-computed numbers: the literals below are written to 9–10
// significant figures, so 8 decimal places is what they can promise, and far finer than any
// mistake in a formula (the mutants of issue 11 change results in the first or second digit).
const HAND = 8;

describe('z of the 95 % interval', () => {
  it('is Φ⁻¹(0.975) from an independent normal quantile', () => {
    expect(Z975).toBeCloseTo(normalQuantile(0.975, 0, 1), 12);
    expect(Z975).toBeCloseTo(1.959964, 6);
  });
});

describe('a plain number', () => {
  it('is a fixed distribution at that value', () => {
    expect(converted(0.3)).toEqual({ kind: 'fixed', central: 0.3 });
    expect(converted(-12)).toEqual({ kind: 'fixed', central: -12 });
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%f is refused as not finite', (x) => {
    expect(refusal(x).message).toMatch(/is not a finite number/);
  });
});

describe('beta', () => {
  it('{mean 0.3, sd 0.1} by the method of moments is Beta(6, 14)', () => {
    // α + β = m(1 − m)/s² − 1 = 0.3·0.7/0.01 − 1 = 21 − 1 = 20; α = 0.3·20 = 6; β = 0.7·20 = 14.
    const d = converted({ beta: { mean: 0.3, sd: 0.1 } });
    if (d.kind !== 'beta') throw new Error(`expected a beta, got ${d.kind}`);
    expect(d.alpha).toBeCloseTo(6, 10);
    expect(d.beta).toBeCloseTo(14, 10);
    expect(d.central).toBe(0.3);
    // And back, by the beta's own moments: mean 6/20 = 0.3; variance αβ/((α+β)²(α+β+1)) =
    // 84/(400·21) = 0.01, so sd 0.1 — the conversion returns what was written.
    const n = d.alpha + d.beta;
    expect(d.alpha / n).toBeCloseTo(0.3, 12);
    expect(Math.sqrt((d.alpha * d.beta) / (n * n * (n + 1)))).toBeCloseTo(0.1, 12);
  });
  it('{mean 0.05, sd 0.01} is Beta(23.7, 450.3)', () => {
    // α + β = 0.05·0.95/0.0001 − 1 = 475 − 1 = 474; α = 0.05·474 = 23.7; β = 0.95·474 = 450.3.
    const d = converted({ beta: { mean: 0.05, sd: 0.01 } });
    expect(d).toMatchObject({ kind: 'beta', central: 0.05 });
    if (d.kind !== 'beta') return;
    expect(d.alpha).toBeCloseTo(23.7, 9);
    expect(d.beta).toBeCloseTo(450.3, 9);
  });
  it('{alpha, beta} is taken as written, its central value the mean α/(α + β)', () => {
    // 2/(2 + 5) = 0.2857142857…
    expect(converted({ beta: { alpha: 2, beta: 5 } })).toEqual({ kind: 'beta', alpha: 2, beta: 5, central: expect.closeTo(0.2857142857, 9) });
  });
  it('refuses an sd above √(m(1 − m)), naming the limit', () => {
    // √(0.3·0.7) = √0.21 = 0.458257569…, shown to 6 significant figures.
    const problem = refusal({ beta: { mean: 0.3, sd: 0.5 } });
    expect(problem.message).toContain('0.458258');
    expect(problem.message).toMatch(/cannot have sd 0\.5/);
    expect(problem.hint).toContain('0.458258');
    expect(problem.at).toEqual(['beta', 'sd']);
  });
  it('refuses an sd exactly at the limit (α + β would be 0)', () => {
    // sd² = m(1 − m) gives α + β = 1 − 1 = 0: no beta.
    const problem = refusal({ beta: { mean: 0.5, sd: 0.5 } });
    expect(problem.message).toContain('0.5');
    expect(problem.at).toEqual(['beta', 'sd']);
  });
  it('accepts an sd just below the limit', () => {
    // m = 0.5: limit √0.25 = 0.5; sd 0.49 gives α + β = 0.25/0.2401 − 1 = 0.041233…, α = β = 0.0206163…
    const d = converted({ beta: { mean: 0.5, sd: 0.49 } });
    expect(d).toMatchObject({ kind: 'beta', alpha: expect.closeTo(0.02061640983, 9), beta: expect.closeTo(0.02061640983, 9) });
  });
});

describe('gamma', () => {
  it('{mean 10, sd 5} has shape m²/s² = 4 and scale s²/m = 2.5', () => {
    // shape 100/25 = 4; scale 25/10 = 2.5; check: mean 4·2.5 = 10, sd √4·2.5 = 5.
    expect(converted({ gamma: { mean: 10, sd: 5 } })).toEqual({ kind: 'gamma', shape: 4, scale: 2.5, central: 10 });
  });
  it('{mean 0.2, sd 0.4} has shape 0.25 (below 1) and scale 0.8', () => {
    // shape 0.04/0.16 = 0.25; scale 0.16/0.2 = 0.8.
    const d = converted({ gamma: { mean: 0.2, sd: 0.4 } });
    expect(d).toMatchObject({ kind: 'gamma', shape: expect.closeTo(0.25, 12), scale: expect.closeTo(0.8, 12), central: 0.2 });
  });
});

describe('lognormal', () => {
  it('{median 0.75, ci95 [0.6, 0.9375]}: μ = ln median, σ = ln(hi/lo)/(2z)', () => {
    // μ = ln 0.75 = −0.2876820725.
    // σ = (ln 0.9375 − ln 0.6)/(2·1.959964) = ln 1.5625/3.919928 = 0.4462871026/3.919928 = 0.1138508427.
    // (The interval is consistent: √(0.6·0.9375) = √0.5625 = 0.75, the median.)
    const d = converted({ lognormal: { median: 0.75, ci95: [0.6, 0.9375] } });
    expect(d).toMatchObject({ kind: 'lognormal', central: 0.75 });
    if (d.kind !== 'lognormal') return;
    expect(d.mu).toBeCloseTo(-0.2876820725, HAND);
    expect(d.sigma).toBeCloseTo(0.1138508427, HAND);
  });
  it('{median 2, ci95 [1, 8]} (a skewed interval): σ comes from the whole interval, not from one side', () => {
    // σ = (ln 8 − ln 1)/(2·1.959964) = 2.0794415417/3.919928 = 0.5304795287.
    // Wrong readings give other numbers: from the upper side (ln 8 − ln 2)/z = 0.7073060383; from
    // the lower side (ln 2 − ln 1)/z = 0.3536530192; with z missing ln 8/2 = 1.0397; as ±1 sd
    // ln 8/2 too; with the 90 % z 1.644854: 0.6321. Only the first is right.
    const d = converted({ lognormal: { median: 2, ci95: [1, 8] } });
    expect(d).toMatchObject({ kind: 'lognormal', central: 2 });
    if (d.kind !== 'lognormal') return;
    expect(d.mu).toBeCloseTo(0.6931471806, HAND); // ln 2
    expect(d.sigma).toBeCloseTo(0.5304795287, HAND);
    // e^(μ ± zσ) = 2·e^(±1.0397) = 2·2.8284 = 5.657 and 2/2.8284 = 0.7071: the interval
    // re-centred on the median, as it must be when the median is not its geometric midpoint.
    expect(Math.exp(d.mu + 1.959964 * d.sigma)).toBeCloseTo(5.656854249, 5); // 4√2
    expect(Math.exp(d.mu - 1.959964 * d.sigma)).toBeCloseTo(0.7071067812, 5); // 1/√2
  });
  it('{mean, ci95} (legacy) reads mean as the point estimate, exactly like {median, ci95}', () => {
    // Same numbers as the {median} case above: μ = ln 0.75, σ = 0.1138508427, central 0.75.
    const d = converted({ lognormal: { mean: 0.75, ci95: [0.6, 0.9375] } });
    expect(d).toMatchObject({ kind: 'lognormal', central: 0.75 });
    if (d.kind !== 'lognormal') return;
    expect(d.mu).toBeCloseTo(-0.2876820725, HAND);
    expect(d.sigma).toBeCloseTo(0.1138508427, HAND);
  });
  it('{mean 10, sd 5} has the true moments: σ² = ln(1 + s²/m²), μ = ln m − σ²/2', () => {
    // σ² = ln(1 + 25/100) = ln 1.25 = 0.2231435513, σ = 0.4723807271;
    // μ = ln 10 − 0.2231435513/2 = 2.3025850930 − 0.1115717757 = 2.1910133173.
    // Check: e^(μ + σ²/2) = e^(ln 10) = 10; sd = 10·√(e^σ² − 1) = 10·√0.25 = 5.
    const d = converted({ lognormal: { mean: 10, sd: 5 } });
    expect(d).toMatchObject({ kind: 'lognormal', central: 10 });
    if (d.kind !== 'lognormal') return;
    expect(d.mu).toBeCloseTo(2.1910133173, HAND);
    expect(d.sigma).toBeCloseTo(0.4723807271, HAND);
  });
  it.each([
    ['above', { median: 1.2, ci95: [0.6, 0.9375] as const }, 'median', '1.2'],
    ['below', { median: 0.5, ci95: [0.6, 0.9375] as const }, 'median', '0.5'],
    ['above (legacy mean)', { mean: 1.2, ci95: [0.6, 0.9375] as const }, 'mean', '1.2'],
  ])('refuses a point estimate %s its interval, at that key', (_where, form, key, shown) => {
    const problem = refusal({ lognormal: form });
    expect(problem.message).toBe(`the point estimate ${shown} lies outside its 95 % interval [0.6, 0.9375]`);
    expect(problem.at).toEqual(['lognormal', key]);
  });
  it('accepts a point estimate on a bound of its interval', () => {
    expect(converted({ lognormal: { median: 0.6, ci95: [0.6, 0.9375] } })).toMatchObject({ kind: 'lognormal', central: 0.6 });
    expect(converted({ lognormal: { median: 0.9375, ci95: [0.6, 0.9375] } })).toMatchObject({ kind: 'lognormal', central: 0.9375 });
  });
  it.each([
    [[0.9375, 0.6] as const],
    [[0.75, 0.75] as const],
  ])('refuses a ci95 %j that is not increasing', (ci95) => {
    const problem = refusal({ lognormal: { median: 0.75, ci95 } });
    expect(problem.message).toMatch(/must be increasing/);
    expect(problem.at).toEqual(['lognormal', 'ci95']);
  });
});

describe('normal, uniform, triangular', () => {
  it('normal is as written, central its mean', () => {
    expect(converted({ normal: { mean: -2, sd: 3 } })).toEqual({ kind: 'normal', mean: -2, sd: 3, central: -2 });
  });
  it('uniform [2, 8] has central value the midpoint 5', () => {
    expect(converted({ uniform: [2, 8] })).toEqual({ kind: 'uniform', low: 2, high: 8, central: 5 });
  });
  it('triangular [1, 2, 6] has central value its mean (1 + 2 + 6)/3 = 3', () => {
    expect(converted({ triangular: [1, 2, 6] })).toEqual({ kind: 'triangular', low: 1, mode: 2, high: 6, central: 3 });
  });
  it('a triangular may have its mode on a bound', () => {
    expect(converted({ triangular: [0, 0, 1] })).toMatchObject({ kind: 'triangular', central: expect.closeTo(1 / 3, 12) });
    expect(converted({ triangular: [0, 1, 1] })).toMatchObject({ kind: 'triangular', central: expect.closeTo(2 / 3, 12) });
  });
  it.each([[[8, 2] as const], [[3, 3] as const]])('refuses uniform bounds %j that are not increasing', (bounds) => {
    const problem = refusal({ uniform: bounds });
    expect(problem.message).toBe(`uniform bounds must be increasing, got [${bounds[0]}, ${bounds[1]}]`);
    expect(problem.at).toEqual(['uniform']);
  });
  it.each([
    ['mode above high', [1, 7, 6] as const],
    ['mode below low', [4, 2, 6] as const],
    ['decreasing', [6, 2, 1] as const],
    ['all equal', [3, 3, 3] as const],
  ])('refuses a triangular with %s: %j', (_why, bounds) => {
    const problem = refusal({ triangular: bounds });
    expect(problem.message).toBe(`a triangular needs low ≤ mode ≤ high and low < high, got [${bounds.join(', ')}]`);
    expect(problem.at).toEqual(['triangular']);
  });
});

describe('moments, support and upper plausible values (closed forms by hand)', () => {
  const d = (raw: RawParameter) => converted(raw);
  it.each<[string, RawParameter, number, number]>([
    // fixed: no spread.
    ['fixed 0.3', 0.3, 0.3, 0],
    // Beta(6, 14): mean 0.3, sd 0.1 (see above).
    ['beta {alpha 6, beta 14}', { beta: { alpha: 6, beta: 14 } }, 0.3, 0.1],
    // Gamma(shape 4, scale 2.5): mean 10, sd 2·2.5 = 5.
    ['gamma {mean 10, sd 5}', { gamma: { mean: 10, sd: 5 } }, 10, 5],
    // The lognormal's true moments are what was written.
    ['lognormal {mean 10, sd 5}', { lognormal: { mean: 10, sd: 5 } }, 10, 5],
    // Lognormal median 0.75, σ = 0.1138508427: mean 0.75·e^(σ²/2) = 0.75·e^0.006481 = 0.7548765408,
    // σ² = 0.0129620144, so sd = mean·√(e^σ² − 1) = 0.7548765408·√0.0130463854 = 0.7548765408·0.1142207750
    // = 0.0862225835.
    ['lognormal {median 0.75, ci95}', { lognormal: { median: 0.75, ci95: [0.6, 0.9375] } }, 0.7548765408, 0.0862225835],
    ['normal {mean −2, sd 3}', { normal: { mean: -2, sd: 3 } }, -2, 3],
    // Uniform [2, 8]: mean 5, sd 6/√12 = √3 = 1.7320508076.
    ['uniform [2, 8]', { uniform: [2, 8] }, 5, 1.7320508076],
    // Triangular [1, 2, 6]: mean 3, variance (1 + 4 + 36 − 2 − 6 − 12)/18 = 21/18, sd 1.0801234497.
    ['triangular [1, 2, 6]', { triangular: [1, 2, 6] }, 3, 1.0801234497],
  ])('%s has its closed-form mean and sd', (_name, raw, mean, sd) => {
    const moments = momentsOf(d(raw));
    expect(moments.mean).toBeCloseTo(mean, 6);
    expect(moments.sd).toBeCloseTo(sd, 6);
  });
  it.each<[string, RawParameter, [number, number]]>([
    ['fixed', 0.3, [0.3, 0.3]],
    ['beta', { beta: { alpha: 2, beta: 5 } }, [0, 1]],
    ['gamma', { gamma: { mean: 10, sd: 5 } }, [0, Number.POSITIVE_INFINITY]],
    ['lognormal', { lognormal: { mean: 10, sd: 5 } }, [0, Number.POSITIVE_INFINITY]],
    ['normal', { normal: { mean: -2, sd: 3 } }, [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]],
    ['uniform', { uniform: [2, 8] }, [2, 8]],
    ['triangular', { triangular: [1, 2, 6] }, [1, 6]],
  ])('the support of a %s is its closed form', (_kind, raw, support) => {
    expect(supportOf(d(raw))).toEqual(support);
  });
  it.each<[string, RawParameter, number]>([
    // The 97.5 % quantile of the consistent lognormal is the upper bound of its ci95.
    ['lognormal {median 0.75, ci95 [0.6, 0.9375]}', { lognormal: { median: 0.75, ci95: [0.6, 0.9375] } }, 0.9375],
    // −2 + 1.959964·3 = 3.879892.
    ['normal {mean −2, sd 3}', { normal: { mean: -2, sd: 3 } }, 3.879891954],
    // mean + z·sd = 0.3 + 1.959964·0.1 = 0.4959964.
    ['beta {mean 0.3, sd 0.1}', { beta: { mean: 0.3, sd: 0.1 } }, 0.4959963985],
    // 0.5 + 1.959964·0.4 = 1.28 > 1: capped at the support.
    ['beta {mean 0.5, sd 0.4}', { beta: { mean: 0.5, sd: 0.4 } }, 1],
    // 10 + 1.959964·5 = 19.79982.
    ['gamma {mean 10, sd 5}', { gamma: { mean: 10, sd: 5 } }, 19.79981992],
    ['uniform [2, 8]', { uniform: [2, 8] }, 8],
    ['triangular [1, 2, 6]', { triangular: [1, 2, 6] }, 6],
    ['fixed 0.3', 0.3, 0.3],
  ])('the upper plausible value of %s is its closed form', (_name, raw, upper) => {
    expect(upperPlausible(d(raw))).toBeCloseTo(upper, 6);
  });
});

describe('allowed ranges', () => {
  it.each<[Constraint, number[], number[]]>([
    ['probability', [0, 0.5, 1], [-1e-9, 1.000001, Number.NaN]],
    ['positive', [1e-300, 3, 1e9], [0, -1, Number.NaN]],
    ['non-negative', [0, 3], [-1e-300, Number.NaN]],
    ['any', [-1e9, 0, 1e9], [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]],
  ])('%s admits %j and not %j', (constraint, inside, outside) => {
    const range = allowedRange(constraint);
    for (const x of inside) expect(range.test(x), `${x}`).toBe(true);
    for (const x of outside) expect(range.test(x), `${x}`).toBe(false);
  });
});

describe('constraintCheck', () => {
  const status = (raw: RawParameter, constraint: Constraint) => constraintCheck(converted(raw), constraint);
  // Each row: a form, the constraint, the outcome, and why. `refused` = certainly out of range
  // (central value, or a bound of a bounded form); `may-leave` = some draws may leave the range.
  it.each<[RawParameter, Constraint, 'fits' | 'refused' | 'may-leave', string]>([
    [0.3, 'probability', 'fits', 'a share in [0, 1]'],
    [1.3, 'probability', 'refused', 'above 1'],
    [0, 'positive', 'refused', '0 is not > 0'],
    [0, 'non-negative', 'fits', '0 ≥ 0'],
    [-1, 'non-negative', 'refused', 'negative'],
    [-1, 'any', 'fits', 'any finite number'],
    [{ beta: { mean: 0.3, sd: 0.1 } }, 'probability', 'fits', 'beta draws lie in [0, 1]'],
    [{ beta: { mean: 0.3, sd: 0.1 } }, 'non-negative', 'fits', 'beta draws are ≥ 0'],
    [{ beta: { mean: 0.3, sd: 0.1 } }, 'positive', 'fits', 'beta draws are > 0 (0 has probability 0)'],
    [{ gamma: { mean: 0.3, sd: 0.1 } }, 'probability', 'may-leave', 'a gamma can draw above 1'],
    [{ gamma: { mean: 1.5, sd: 0.1 } }, 'probability', 'refused', 'its mean is above 1'],
    [{ gamma: { mean: 10, sd: 5 } }, 'positive', 'fits', 'gamma draws are > 0'],
    [{ gamma: { mean: 10, sd: 5 } }, 'non-negative', 'fits', 'gamma draws are > 0'],
    [{ lognormal: { median: 0.75, ci95: [0.6, 0.9375] } }, 'probability', 'may-leave', 'a lognormal can draw above 1'],
    [{ lognormal: { median: 2, ci95: [1, 8] } }, 'probability', 'refused', 'its median is above 1'],
    [{ lognormal: { mean: 10, sd: 5 } }, 'positive', 'fits', 'lognormal draws are > 0'],
    [{ normal: { mean: 0.5, sd: 0.1 } }, 'probability', 'may-leave', 'a normal can draw outside [0, 1]'],
    [{ normal: { mean: 10, sd: 1 } }, 'positive', 'may-leave', 'a normal can draw ≤ 0'],
    [{ normal: { mean: 10, sd: 1 } }, 'non-negative', 'may-leave', 'a normal can draw < 0'],
    [{ normal: { mean: -1, sd: 1 } }, 'non-negative', 'refused', 'its mean is negative'],
    [{ uniform: [0.2, 0.6] }, 'probability', 'fits', 'both bounds in [0, 1]'],
    [{ uniform: [0.5, 1.2] }, 'probability', 'refused', 'it reaches 1.2'],
    [{ uniform: [0, 10] }, 'positive', 'refused', 'it reaches 0'],
    [{ uniform: [0, 10] }, 'non-negative', 'fits', '0 is allowed'],
    [{ uniform: [-1, 1] }, 'any', 'fits', 'any finite number'],
    [{ triangular: [0.1, 0.2, 0.9] }, 'probability', 'fits', 'all three in [0, 1]'],
    [{ triangular: [0.5, 0.9, 1.4] }, 'probability', 'refused', 'it reaches 1.4'],
    [{ triangular: [-0.5, 0.3, 0.4] }, 'non-negative', 'refused', 'it reaches −0.5'],
  ])('%j as %s: %s (%s)', (raw, constraint, expected) => {
    expect(status(raw, constraint).status).toBe(expected);
  });

  it('names the value that is out of range, and the range', () => {
    expect(status(1.3, 'probability')).toEqual({ status: 'refused', message: '1.3 is not a probability in [0, 1]', hint: 'write a share between 0 and 1, e.g. 0.03 for 3 %' });
    expect(status({ gamma: { mean: 1.5, sd: 0.1 } }, 'probability')).toMatchObject({ status: 'refused', message: 'its central value 1.5 is not a probability in [0, 1]' });
    expect(status({ uniform: [0.5, 1.2] }, 'probability')).toMatchObject({ status: 'refused', message: 'the uniform reaches 1.2, which is not a probability in [0, 1]' });
    expect(status({ triangular: [-0.5, 0.3, 0.4] }, 'non-negative')).toMatchObject({ status: 'refused', message: 'the triangular reaches -0.5, which is not a number ≥ 0' });
  });
  it('advises a beta for a probability and a gamma or lognormal for a positive value', () => {
    expect(status({ gamma: { mean: 0.3, sd: 0.1 } }, 'probability')).toMatchObject({ status: 'may-leave', hint: 'use a beta for a probability' });
    expect(status({ normal: { mean: 10, sd: 1 } }, 'positive')).toMatchObject({
      status: 'may-leave',
      message: 'a normal can draw values that are not a positive number; the simulation stops at the first such draw',
      hint: 'use a gamma or a lognormal for a value that cannot be negative',
    });
  });
  it('a normal fits the constraint "any" (every draw is a finite number)', () => {
    expect(status({ normal: { mean: 0, sd: 1 } }, 'any').status).toBe('fits');
  });
});
