/**
 * The likelihoods of a target and the observed 95 % intervals (docs/calibration.md, "Likelihoods"),
 * against values computed by hand: each expected figure below is written with its formula, and was
 * evaluated with exact binomial coefficients and factorials (Python's math.comb and math.factorial,
 * then the logarithm), not with logi's log-factorial.
 *
 * Tolerance: 1e-12 relative to the largest term of the sum (ln C(400, 60) ≈ 166, ln 1000! ≈ 5912):
 * the sums cancel, so the error of the result is that of its largest term (ulp 2e-14 and 1e-12),
 * and logi's Stirling series for ln k! (k above its table) is exact to far better than that.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTargets, type TargetInfo } from '../../src/analysis/compile.js';
import { type Likelihood, logLikelihood, observedInterval } from '../../src/analysis/likelihood.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { compileModel } from '../../src/sim/model.js';
import { REPO } from '../helpers/cli.js';

/** Φ⁻¹(0.975) = 1.959963984540054235…, from tables. */
const Z = 1.959963984540054;
const HALF_LN_2PI = 0.9189385332046727;

function near(actual: number, wanted: number, scale = Math.abs(wanted)): void {
  expect(Math.abs(actual - wanted), `${actual} vs ${wanted}`).toBeLessThanOrEqual(1e-12 * Math.max(scale, 1));
}

describe('normal likelihood', () => {
  const normal = (value: number, sd: number): Likelihood => ({ kind: 'normal', value, sd });

  it('is −½z² − ln σ − ½ ln 2π', () => {
    // value 10, sd 2, model 13: z = 1.5; −1.125 − ln 2 − 0.9189385332046727 = −2.737085713764618.
    near(logLikelihood(normal(10, 2), 13), -2.737085713764618);
    // Symmetric around the observed value; at it, −ln σ − ½ ln 2π.
    near(logLikelihood(normal(10, 2), 7), -2.737085713764618);
    near(logLikelihood(normal(0.25, 0.01), 0.25), -Math.log(0.01) - HALF_LN_2PI);
  });

  it('takes σ from a ci95 as (high − low) / (2 Φ⁻¹(0.975)), and shows the interval as written', () => {
    // ci95 [110, 150]: σ = 40 / 3.919927969080108 = 10.204269138493082; model 134, value 130:
    // −½ (4 / σ)² − ln σ − ½ ln 2π = −3.3185738853336137.
    const fromCi: Likelihood = { kind: 'normal', value: 130, sd: 40 / (2 * Z), interval: [110, 150] };
    near(logLikelihood(fromCi, 134), -3.3185738853336137);
    expect(observedInterval(fromCi)).toEqual({ low: 110, high: 150 });
    // An interval that is not centred on the value (Entred's deaths of diabetics: 0.033 in
    // [0.027, 0.042]) is shown as written, not as 0.033 ± 0.0075.
    const skewed: Likelihood = { kind: 'normal', value: 0.033, sd: 0.015 / (2 * Z), interval: [0.027, 0.042] };
    expect(observedInterval(skewed)).toEqual({ low: 0.027, high: 0.042 });
  });

  it('shows value ± Φ⁻¹(0.975)·σ without a ci95', () => {
    const interval = observedInterval(normal(480, 25));
    near(interval.low, 480 - 25 * 1.959963984540054);
    near(interval.high, 480 + 25 * 1.959963984540054);
  });

  it('is −∞ for a model value that is not a finite number (a division by zero)', () => {
    expect(logLikelihood(normal(1, 1), Number.NaN)).toBe(Number.NEGATIVE_INFINITY);
    expect(logLikelihood(normal(1, 1), Number.POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('Poisson likelihood', () => {
  const poisson = (value: number): Likelihood => ({ kind: 'poisson', value });

  it('is k ln λ − λ − ln k!', () => {
    // k = 3, λ = 2.5: 3 ln 2.5 − 2.5 − ln 6 = −1.5428872736055896.
    near(logLikelihood(poisson(3), 2.5), -1.5428872736055896, 3);
    // k = λ = 1000: 1000 ln 1000 − 1000 − ln 1000! = −4.372899506026442 (ln 1000! = 5912.128…).
    near(logLikelihood(poisson(1000), 1000), -4.372899506026442, 5912);
  });

  it('rounds the observed value to a whole count k', () => {
    near(logLikelihood(poisson(2.6), 2.5), -1.5428872736055896, 3);
  });

  it('is 0 for λ = 0 and k = 0, and −∞ for λ = 0 and k > 0 or λ < 0', () => {
    expect(logLikelihood(poisson(0), 0)).toBe(0);
    expect(logLikelihood(poisson(2), 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(logLikelihood(poisson(2), -0.5)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('shows value ± Φ⁻¹(0.975)·√value, cut at 0', () => {
    const interval = observedInterval(poisson(40));
    near(interval.low, 40 - Z * Math.sqrt(40));
    near(interval.high, 40 + Z * Math.sqrt(40));
    // 2 − 1.96·√2 = −0.77: cut at 0.
    expect(observedInterval(poisson(2)).low).toBe(0);
  });
});

describe('binomial likelihood', () => {
  const binomial = (value: number, n: number, scale: number): Likelihood => ({ kind: 'binomial', value, n, scale });

  it('is ln C(n, k) + k ln p + (n − k) ln(1 − p), k = value / scale × n, p = model / scale', () => {
    // 150 per 1000 of n = 400: k = 60; model 139 per 1000: p = 0.139;
    // ln C(400, 60) + 60 ln 0.139 + 340 ln 0.861 = 166.19735813212108 − … = −3.0841859674637604.
    near(logLikelihood(binomial(150, 400, 1000), 139), -3.0841859674637604, 166);
    // At p̂ = k/n it is largest: ln C(400, 60) + 60 ln 0.15 + 340 ln 0.85 = −2.8862769902752703.
    near(logLikelihood(binomial(150, 400, 1000), 150), -2.8862769902752703, 166);
  });

  it('takes 0 · ln 0 = 0 at p = 0 or 1, and is −∞ outside [0, 1] or where nobody could be seen', () => {
    // k = 0 of 10 at p = 0.2: 10 ln 0.8 = −2.231435513142097; at p = 0: ln 1 = 0.
    near(logLikelihood(binomial(0, 10, 1), 0.2), -2.231435513142097);
    expect(logLikelihood(binomial(0, 10, 1), 0)).toBe(0);
    expect(logLikelihood(binomial(1, 10, 1), 1)).toBe(0);
    expect(logLikelihood(binomial(0.3, 10, 1), 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(logLikelihood(binomial(0.3, 10, 1), 1.01)).toBe(Number.NEGATIVE_INFINITY);
    expect(logLikelihood(binomial(0.3, 10, 1), -0.01)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('shows the Wald interval p̂ ± Φ⁻¹(0.975)·√(p̂(1 − p̂)/n), times the scale, within [0, scale]', () => {
    const interval = observedInterval(binomial(150, 400, 1000));
    const half = Z * Math.sqrt((0.15 * 0.85) / 400);
    near(interval.low, (0.15 - half) * 1000);
    near(interval.high, (0.15 + half) * 1000);
    // p̂ = 0.001 of 100: 0.001 − 1.96·0.00316 < 0, cut at 0.
    expect(observedInterval(binomial(0.1, 100, 100)).low).toBe(0);
  });
});

describe('the likelihoods compiled from a Targets document (test/fixtures/analysis/tiny/targets.yaml)', () => {
  let targets: Map<string, TargetInfo>;
  beforeAll(async () => {
    const workspace = await loadWorkspace({ cwd: path.join(REPO, 'test/fixtures/analysis/tiny') });
    const model = await compileModel(workspace, 'tiny-3y', { mode: 'expected' });
    targets = new Map(compileTargets(workspace, workspace.index.Calibration.get('tiny-fit')!, model).map((t) => [t.id, t]));
  });

  it('reads sd, ci95 (kept as written), poisson, binomial (n and scale), and the use', () => {
    expect(targets.get('b-y2')!.likelihood).toEqual({ kind: 'normal', value: 480, sd: 25 });
    const ci = targets.get('onset-event-y3')!.likelihood;
    expect(ci).toMatchObject({ kind: 'normal', value: 130, interval: [110, 150] });
    near((ci as { sd: number }).sd, 10.204269138493082);
    expect(observedInterval(ci)).toEqual({ low: 110, high: 150 });
    expect(targets.get('deaths-y2-north')!.likelihood).toEqual({ kind: 'poisson', value: 40 });
    expect(targets.get('onset-rate-y2-south')!.likelihood).toEqual({ kind: 'binomial', value: 150, n: 400, scale: 1000 });
    expect(targets.get('dead-y1')!.use).toBe('validation');
    expect(targets.get('b-y2')!.use).toBe('fit');
  });
});
