/**
 * Issue 15's acceptance test: recover a known parameter set. The tiny pyramid
 * (test/fixtures/analysis/tiny) is run with known transition probabilities θ* — by the closed form
 * of its Markov chain in this test (test/fixtures/analysis/tiny-chain.ts), never by logi — and its
 * outputs become targets, with noise: each target has sd = 5 % of its true value, and its observed
 * value is the true value + sd·z, z standard normal from a fixed stream. Then `calibrate()` starts
 * from wide uniform priors (10 to 40 times the posterior's 95 % width) with a fixed seed.
 *
 * The independent oracle of the fit: the targets are normal with known sd, so the maximum-
 * likelihood point is the weighted least-squares solution, computed here by Gauss–Newton on the
 * closed form; the inverse of JᵀJ (J the Jacobian of the standardised residuals) is the asymptotic
 * covariance of the estimate, and with flat priors the posterior's covariance (Laplace approximation).
 * Checked, with their tolerances:
 *  - each of the 3 true values lies inside the posterior 95 % interval (the acceptance);
 *  - the run converged: effective sample size ≥ min-ess (200);
 *  - the MLE is near the truth: within 4 standard errors (sd from (JᵀJ)⁻¹): the noise moves it by
 *    about one standard error, so 4 leaves a 6·10⁻⁵ chance per parameter of failing for a correct
 *    calibration (the seed is fixed: the outcome is deterministic, and this is how the margin was chosen);
 *  - the MLE equals the Gauss–Newton solution within 0.05 standard error: Nelder–Mead stops when the
 *    simplex's values differ by 10⁻⁶ in ln L, which a quadratic reaches within √(2·10⁻⁶) ≈ 0.0014
 *    standard error of the optimum; 0.05 leaves room for a simplex that is not round;
 *  - the posterior's mean and sd agree with the Laplace approximation: the mean within 0.3 standard
 *    error (Monte-Carlo error sd/√ESS ≈ 0.07 with ESS ≥ 200, plus the skew of a model quadratic in θ
 *    over three years), the sd within 25 % (Monte-Carlo error of an sd ≈ 1/√(2·ESS) = 5 %, five of them).
 *
 * Size: 2,000 prior draws, then IMIS rounds of 200 until the ESS reaches 200 — about 3,000 runs of a
 * model of two territories and three years, under a second on one thread.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrate, type Calibration } from '../../src/analysis/calibrate.js';
import { standardNormal } from '../../src/sim/distributions/samplers.js';
import { deriveStream } from '../../src/sim/random.js';
import { REPO } from '../helpers/cli.js';
import { NORTH, SOUTH, TINY, type TinyParameters, tinyRun } from '../fixtures/analysis/tiny-chain.js';

const HORIZON = 3;
const RELATIVE_SD = 0.05;
const MIN_ESS = 200;
/** The true values of the free parameters: A->B, A->dead, B->dead (B->A and the inflow stay as written). */
const TRUTH = [0.13, 0.025, 0.11] as const;
const PATHS = ['tiny transitions A->B p', 'tiny transitions A->dead p', 'tiny transitions B->dead p'];
const PRIORS = ['{ uniform: [0.01, 0.4] }', '{ uniform: [0.001, 0.2] }', '{ uniform: [0.01, 0.4] }'];
const PRIOR_WIDTHS = [0.39, 0.199, 0.39];

interface TargetSpec {
  id: string;
  yaml: string;
  value: (theta: readonly number[]) => number;
}

const withFree = (theta: readonly number[]): TinyParameters => ({ ...TINY, ab: theta[0]!, aDead: theta[1]!, bDead: theta[2]! });

/** Per territory and year: the three flows out of A and B that the free parameters drive, and B at the end of the year. */
function targetSpecs(): TargetSpec[] {
  const specs: TargetSpec[] = [];
  for (const territory of [NORTH, SOUTH]) {
    for (let year = 1; year <= HORIZON; year++) {
      const at = (theta: readonly number[]) => tinyRun(withFree(theta), territory, HORIZON);
      const where = `territory: ${territory.id}, year: ${year}`;
      specs.push(
        { id: `onset-${territory.id}-${year}`, yaml: `${where}, flow: { from: [A], to: [B] }`, value: (theta) => at(theta).flows[year - 1]!.ab },
        { id: `deaths-a-${territory.id}-${year}`, yaml: `${where}, flow: { from: [A], to: [dead] }`, value: (theta) => at(theta).flows[year - 1]!.aDead },
        { id: `deaths-b-${territory.id}-${year}`, yaml: `${where}, flow: { from: [B], to: [dead] }`, value: (theta) => at(theta).flows[year - 1]!.bDead },
        { id: `b-${territory.id}-${year}`, yaml: `${where}, count: [B]`, value: (theta) => at(theta).counts[year]![1] },
      );
    }
  }
  return specs;
}

const specs = targetSpecs();
const sds = specs.map((spec) => RELATIVE_SD * spec.value(TRUTH));
const noise = deriveStream(2024, 'recovery-noise', 0, 'parameters');
const observed = specs.map((spec, k) => spec.value(TRUTH) + sds[k]! * standardNormal(noise));

function writeCalibration(dir: string): void {
  const targets = specs.map((spec, k) => `  - { id: ${spec.id}, title: ${spec.id}, ${spec.yaml}, value: ${observed[k]}, sd: ${sds[k]} }`);
  writeFileSync(path.join(dir, 'recovery-targets.yaml'), ['kind: Targets', 'version: 1', 'id: recovery-targets', 'title: Outputs of a known parameter set, with noise', 'pyramid: tiny', 'targets:', ...targets, ''].join('\n'));
  const parameters = PATHS.map((p, i) => `  - { path: ${p}, prior: ${PRIORS[i]} }`);
  writeFileSync(
    path.join(dir, 'recovery.yaml'),
    ['kind: Calibration', 'version: 1', 'id: recovery', 'title: Recovery', 'scenario: tiny-3y', 'targets: [recovery-targets]', 'parameters:', ...parameters, 'draws: 2000', 'sample: 1000', `min-ess: ${MIN_ESS}`, 'seed: 11', ''].join('\n'),
  );
}

/** Standardised residuals (model − observed) / sd at θ. */
const residuals = (theta: readonly number[]): number[] => specs.map((spec, k) => (spec.value(theta) - observed[k]!) / sds[k]!);

/** Jacobian of the residuals by central differences (the model is a polynomial of degree ≤ 3 in θ). */
function jacobian(theta: readonly number[]): number[][] {
  const columns = theta.map((x, i) => {
    const h = 1e-6 * x;
    const up = residuals(theta.map((y, j) => (j === i ? y + h : y)));
    const down = residuals(theta.map((y, j) => (j === i ? y - h : y)));
    return up.map((u, k) => (u - down[k]!) / (2 * h));
  });
  return specs.map((_, k) => columns.map((column) => column[k]!));
}

/** The inverse of a small symmetric positive-definite matrix, by Gauss–Jordan elimination. */
function inverse(matrix: number[][]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    const pivot = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = a[r]![c]!;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= factor * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/** JᵀJ's inverse at θ: the covariance of the weighted least-squares estimate. */
function covariance(theta: readonly number[]): number[][] {
  const J = jacobian(theta);
  const jtj = theta.map((_, i) => theta.map((_, j) => J.reduce((sum, row) => sum + row[i]! * row[j]!, 0)));
  return inverse(jtj);
}

/** The weighted least-squares point (= the maximum-likelihood point) by Gauss–Newton from the truth. */
function leastSquares(): number[] {
  let theta = [...TRUTH] as number[];
  for (let step = 0; step < 50; step++) {
    const J = jacobian(theta);
    const r = residuals(theta);
    const jtr = theta.map((_, i) => J.reduce((sum, row, k) => sum + row[i]! * r[k]!, 0));
    const cov = covariance(theta);
    const delta = cov.map((row) => row.reduce((sum, c, j) => sum + c * jtr[j]!, 0));
    theta = theta.map((x, i) => x - delta[i]!);
    if (delta.every((d, i) => Math.abs(d) < 1e-15 * theta[i]!)) break;
  }
  return theta;
}

let dir: string;
let run: Calibration;
let mle: number[];
let standardErrors: number[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logi-recovery-'));
  cpSync(path.join(REPO, 'test/fixtures/analysis/tiny'), dir, { recursive: true });
  writeCalibration(dir);
  run = await calibrate({ calibration: 'recovery', cwd: dir, version: 'test', workers: 1 });
  mle = leastSquares();
  standardErrors = covariance(mle).map((row, i) => Math.sqrt(row[i]!));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calibration recovers a known parameter set (issue 15, acceptance)', () => {
  it('converges: the effective sample size reaches min-ess', () => {
    expect(run.result.fit.converged).toBe(true);
    expect(run.result.fit.ess).toBeGreaterThanOrEqual(MIN_ESS);
    // (A warning that some noisy target lies outside its own 95 % interval at the fit is expected:
    // 24 targets, each off its true value by its noise.)
    expect(run.result.warnings.filter((w) => /converge/.test(w))).toEqual([]);
  });

  it('puts each true value inside its posterior 95 % interval', () => {
    expect(run.result.parameters.map((p) => p.path)).toEqual(PATHS);
    run.result.parameters.forEach((p, i) => {
      expect(TRUTH[i], `${p.path}: ${TRUTH[i]} in [${p.posterior.p2_5}, ${p.posterior.p97_5}]`).toBeGreaterThanOrEqual(p.posterior.p2_5);
      expect(TRUTH[i], `${p.path}: ${TRUTH[i]} in [${p.posterior.p2_5}, ${p.posterior.p97_5}]`).toBeLessThanOrEqual(p.posterior.p97_5);
      // The interval is informative: far narrower than the prior (at least 10 times).
      expect(p.posterior.p97_5 - p.posterior.p2_5).toBeLessThan(0.1 * PRIOR_WIDTHS[i]!);
    });
  });

  it('finds the maximum-likelihood point near the truth, and equal to the weighted least-squares one', () => {
    run.result.parameters.forEach((p, i) => {
      const se = standardErrors[i]!;
      expect(Math.abs(p.mle - TRUTH[i]!) / se, `${p.path}: MLE ${p.mle}, truth ${TRUTH[i]}, se ${se}`).toBeLessThanOrEqual(4);
      expect(Math.abs(p.mle - mle[i]!) / se, `${p.path}: MLE ${p.mle}, least squares ${mle[i]}, se ${se}`).toBeLessThanOrEqual(0.05);
    });
  });

  it('gives a posterior whose mean and sd agree with the Laplace approximation (flat priors)', () => {
    run.result.parameters.forEach((p, i) => {
      const se = standardErrors[i]!;
      expect(Math.abs(p.posterior.mean - mle[i]!) / se, `${p.path}: mean ${p.posterior.mean}, least squares ${mle[i]}, se ${se}`).toBeLessThanOrEqual(0.3);
      expect(p.posterior.sd / se, `${p.path}: posterior sd ${p.posterior.sd}, se ${se}`).toBeGreaterThan(0.75);
      expect(p.posterior.sd / se, `${p.path}: posterior sd ${p.posterior.sd}, se ${se}`).toBeLessThan(1.25);
    });
  });

  it("reports each target's model value at the point estimate as the closed form gives it", () => {
    run.result.targets.forEach((target, k) => {
      const atPoint = specs[k]!.value(run.result.parameters.map((p) => p.point));
      // The model's value at the point estimate is the closed form's at the same θ (7 significant digits kept).
      expect(Math.abs(target.model.point - atPoint) / atPoint, target.id).toBeLessThan(1e-6);
    });
  });
});
