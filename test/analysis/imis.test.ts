/**
 * IMIS (Raftery & Bao 2010) on problems with a closed-form posterior, and its steps recomputed
 * here by hand (centres, neighbours, covariances, mixture weights, the order of the stream).
 *
 * The model: prior θ ~ N(0, I₂); likelihood L(θ) = φ₂(y; θ, τ²I) with y = (0.6, −0.4), τ = 0.02.
 * Posterior: N(y·τ⁻²/(1 + τ⁻²), I/(1 + τ⁻²)), sd 0.019996 ≈ 1/50 of the prior's; the marginal
 * likelihood ∫pL = φ₂(y; 0, (1 + τ²)I). From 2,000 prior draws SIR's ESS is about 2.
 *
 * Tolerances: a weighted mean has Monte-Carlo sd ≈ σ/√ESS and a weighted sd ≈ σ/√(2·ESS) (Kish's
 * ESS as an equivalent number of independent draws: Kong, Liu & Wong 1994; an approximation, so 5
 * of these standard errors are allowed, not 4); the evidence ln Ẑ has relative sd ≈ √(1/ESS − 1/N)
 * (the coefficient of variation of the weights, cv² = N/ESS − 1, over √N), also allowed 5.
 * Over four seeds tried while writing this test the largest error was 1.4 of these units.
 */
import { describe, expect, it } from 'vitest';
import { imis, type ImisOptions, type ImisProblem } from '../../src/analysis/imis.js';
import { standardNormal } from '../../src/sim/distributions/samplers.js';
import { deriveStream, type Uniform } from '../../src/sim/random.js';

const LOG_TWO_PI = Math.log(2 * Math.PI);
const TAU = 0.02;
const Y = [0.6, -0.4];
const stream = (name: string): Uniform => deriveStream(20_251, `imis-${name}`, 0, 'parameters');

const narrowProblem = (calls: number[] = []): ImisProblem => ({
  dimension: 2,
  priorSample: (_, u) => Float64Array.of(standardNormal(u), standardNormal(u)),
  logPrior: (x) => -LOG_TWO_PI - 0.5 * (x[0]! ** 2 + x[1]! ** 2),
  logLikelihood: (points) => {
    calls.push(points.length);
    return Promise.resolve(Float64Array.from(points, (x) => -LOG_TWO_PI - 2 * Math.log(TAU) - ((x[0]! - Y[0]!) ** 2 + (x[1]! - Y[1]!) ** 2) / (2 * TAU * TAU)));
  },
});

/** ln φ₂(x; c, Σ) for a 2×2 Σ = [[a, b], [b, d]], by the explicit inverse [[d, −b], [−b, a]]/det. */
function logNormal2(x: ArrayLike<number>, c: ArrayLike<number>, s: ArrayLike<number>): number {
  const [a, b, d] = [s[0]!, s[1]!, s[3]!];
  const det = a * d - b * b;
  const u = x[0]! - c[0]!;
  const v = x[1]! - c[1]!;
  return -LOG_TWO_PI - 0.5 * Math.log(det) - (0.5 * (d * u * u - 2 * b * u * v + a * v * v)) / det;
}

function weightedMoments(points: Float64Array[], weights: Float64Array, j: number): { mean: number; sd: number } {
  let mean = 0;
  for (let i = 0; i < points.length; i++) mean += weights[i]! * points[i]![j]!;
  let variance = 0;
  for (let i = 0; i < points.length; i++) variance += weights[i]! * (points[i]![j]! - mean) ** 2;
  return { mean, sd: Math.sqrt(variance) };
}

describe('a narrow likelihood (posterior sd 1/50 of the prior’s)', () => {
  it('defeats SIR from 2,000 prior draws; IMIS reaches ESS 1,000 and the closed-form posterior and evidence', async () => {
    const calls: number[] = [];
    const rounds: [number, number, number][] = [];
    const result = await imis(narrowProblem(calls), {
      initialDraws: 2000,
      drawsPerRound: 200,
      targetEss: 1000,
      maxRounds: 60,
      uniform: stream('narrow'),
      onRound: (round, ess, points) => rounds.push([round, ess, points]),
    });
    expect(result.ess[0]).toBeLessThan(10);
    expect(result.converged).toBe(true);
    expect(result.reason).toBe('ess-reached');
    const ess = result.ess[result.ess.length - 1]!;
    expect(ess).toBeGreaterThanOrEqual(1000);
    expect(result.ess.slice(0, -1).every((e) => e < 1000)).toBe(true);
    expect(result.points.length).toBe(2000 + 200 * result.rounds);
    expect(calls).toEqual([2000, ...new Array<number>(result.rounds).fill(200)]);
    expect(rounds.map(([r, , n]) => [r, n])).toEqual(result.ess.map((_, r) => [r, 2000 + 200 * r]));
    const precision = 1 + 1 / TAU ** 2;
    const sd = 1 / Math.sqrt(precision);
    for (const j of [0, 1]) {
      const moments = weightedMoments(result.points, result.weights, j);
      expect(Math.abs(moments.mean - Y[j]! / TAU ** 2 / precision)).toBeLessThan((5 * sd) / Math.sqrt(ess));
      expect(Math.abs(moments.sd - sd)).toBeLessThan((5 * sd) / Math.sqrt(2 * ess));
    }
    const logEvidence = -LOG_TWO_PI - Math.log(1 + TAU ** 2) - (Y[0]! ** 2 + Y[1]! ** 2) / (2 * (1 + TAU ** 2));
    expect(Math.abs(result.logEvidence - logEvidence)).toBeLessThan(5 * Math.sqrt(1 / ess - 1 / result.points.length));
  });
});

describe('the steps, recomputed by hand', () => {
  const N0 = 300;
  const B = 60;

  it('draws the prior, then each component, from the stream in order; centres, neighbours, covariances and mixture weights as in the paper', async () => {
    const problem = narrowProblem();
    const result = await imis(problem, { initialDraws: N0, drawsPerRound: B, targetEss: Infinity, maxRounds: 2, uniform: stream('steps') });
    expect(result.reason).toBe('max-rounds');
    expect(result.rounds).toBe(2);
    expect(result.points.length).toBe(N0 + 2 * B);
    const logPrior = Array.from(result.points, (x) => problem.logPrior(x));
    const logLikelihood = Array.from(await problem.logLikelihood(result.points));

    // The stream: N₀ prior draws (two normals each), then B draws c + L z per component.
    const u = stream('steps');
    for (let i = 0; i < N0; i++) expect(Array.from(result.points[i]!)).toEqual([standardNormal(u), standardNormal(u)]);
    for (let k = 0; k < 2; k++) {
      const { centre: c, covariance: s } = result.components[k]!;
      const l00 = Math.sqrt(s[0]!);
      const l10 = s[2]! / l00;
      const l11 = Math.sqrt(s[3]! - l10 * l10);
      for (let i = 0; i < B; i++) {
        const [z0, z1] = [standardNormal(u), standardNormal(u)];
        const x = result.points[N0 + k * B + i]!;
        expect(x[0]).toBeCloseTo(c[0]! + l00 * z0, 12);
        expect(x[1]).toBeCloseTo(c[1]! + l10 * z0 + l11 * z1, 12);
      }
    }

    // Log weights after k rounds: ln p + ln L − ln q, q = (N₀ p + B Σₛ Hₛ)/N_k; and normalised over the N_k points.
    const logWeightsAfter = (k: number): number[] => {
      const n = N0 + k * B;
      return result.points.slice(0, n).map((x, i) => {
        let mixture = N0 * Math.exp(logPrior[i]!);
        for (let s = 0; s < k; s++) mixture += B * Math.exp(logNormal2(x, result.components[s]!.centre, result.components[s]!.covariance));
        return logPrior[i]! + logLikelihood[i]! - Math.log(mixture / n);
      });
    };
    const weightsAfter = (k: number): number[] => {
      const logs = logWeightsAfter(k);
      const top = Math.max(...logs);
      const raw = logs.map((l) => Math.exp(l - top));
      const total = raw.reduce((a, b) => a + b, 0);
      return raw.map((w) => w / total);
    };

    // Prior-draw covariance (the metric), by hand.
    const prior = result.points.slice(0, N0);
    const m = [0, 1].map((j) => prior.reduce((a, x) => a + x[j]!, 0) / N0);
    const cov = (i: number, j: number): number => prior.reduce((a, x) => a + (x[i]! - m[i]!) * (x[j]! - m[j]!), 0) / (N0 - 1);
    const [a, b, d] = [cov(0, 0), cov(0, 1), cov(1, 1)];
    const det = a * d - b * b;
    const distance = (x: Float64Array, c: Float64Array): number => {
      const [p, q] = [x[0]! - c[0]!, x[1]! - c[1]!];
      return (d * p * p - 2 * b * p * q + a * q * q) / det;
    };

    for (let k = 0; k < 2; k++) {
      const n = N0 + k * B;
      const w = weightsAfter(k);
      const top = w.indexOf(Math.max(...w));
      const centre = result.points[top]!;
      expect(Array.from(result.components[k]!.centre)).toEqual(Array.from(centre));
      const nearest = Array.from({ length: n }, (_, i) => i)
        .sort((i, j) => distance(result.points[i]!, centre) - distance(result.points[j]!, centre))
        .slice(0, B);
      const omegas = nearest.map((i) => w[i]! + 1 / n);
      const omegaTotal = omegas.reduce((s, o) => s + o, 0);
      const omega = omegas.map((o) => o / omegaTotal);
      const unbias = 1 - omega.reduce((s, o) => s + o * o, 0);
      const expected = [0, 0, 0, 0];
      nearest.forEach((i, r) => {
        const dx = [result.points[i]![0]! - centre[0]!, result.points[i]![1]! - centre[1]!];
        for (const [e, [p, q]] of [[0, [0, 0]], [1, [0, 1]], [2, [1, 0]], [3, [1, 1]]] as const) expected[e]! += (omega[r]! * dx[p]! * dx[q]!) / unbias;
      });
      Array.from(result.components[k]!.covariance).forEach((v, e) => expect(v).toBeCloseTo(expected[e]!, 12));
    }

    weightsAfter(2).forEach((w, i) => expect(result.weights[i]).toBeCloseTo(w, 12));
    // ln w = ln p + ln L − ln q itself, to rounding relative to its size (|ln L| reaches 10⁴ here).
    logWeightsAfter(2).forEach((l, i) => expect(Math.abs(result.logWeights[i]! - l)).toBeLessThan(1e-9 * Math.max(1, Math.abs(l))));
  });

  it('with 0 rounds is plain SIR: weights proportional to the likelihood, N₀ points', async () => {
    const problem = narrowProblem();
    const result = await imis(problem, { initialDraws: N0, drawsPerRound: B, targetEss: 50, maxRounds: 0, uniform: stream('sir') });
    expect(result.reason).toBe('max-rounds');
    expect(result.converged).toBe(false);
    expect(result.rounds).toBe(0);
    expect(result.points.length).toBe(N0);
    const logLikelihood = await problem.logLikelihood(result.points);
    expect(Array.from(result.logWeights)).toEqual(Array.from(logLikelihood));
  });

  it('converges at round 0 when SIR suffices (a flat likelihood: ESS = N₀)', async () => {
    const result = await imis(
      { ...narrowProblem(), logLikelihood: (points) => Promise.resolve(new Float64Array(points.length)) },
      { initialDraws: N0, drawsPerRound: B, targetEss: 100, maxRounds: 5, uniform: stream('flat') },
    );
    expect(result.reason).toBe('ess-reached');
    expect(result.rounds).toBe(0);
    expect(result.ess).toEqual([expect.closeTo(N0, 9)]);
  });
});

describe('statuses', () => {
  const options: ImisOptions = { initialDraws: 100, drawsPerRound: 20, targetEss: 50, maxRounds: 3, uniform: stream('status') };
  it('no-weight when every log likelihood is −∞ or NaN (no centre to start from)', async () => {
    const result = await imis({ ...narrowProblem(), logLikelihood: (points) => Promise.resolve(Float64Array.from(points, (_, i) => (i % 2 ? Number.NaN : -Infinity))) }, options);
    expect(result.reason).toBe('no-weight');
    expect(result.converged).toBe(false);
    expect(result.ess).toEqual([]);
    expect(Array.from(result.weights).every((w) => w === 0)).toBe(true);
  });
  it('infinite-weight when a log likelihood is +∞', async () => {
    const result = await imis({ ...narrowProblem(), logLikelihood: (points) => Promise.resolve(Float64Array.from(points, (_, i) => (i === 3 ? Infinity : 0))) }, options);
    expect(result.reason).toBe('infinite-weight');
  });
  it('degenerate-covariance when the prior draws have no spread (and the target is above N₀, so a round is needed)', async () => {
    const result = await imis({ ...narrowProblem(), priorSample: () => Float64Array.of(0.5, 0.5) }, { ...options, targetEss: 150 });
    expect(result.reason).toBe('degenerate-covariance');
    expect(result.ess).toEqual([expect.closeTo(100, 9)]);
  });
  it('refuses impossible options (an internal error)', async () => {
    await expect(imis(narrowProblem(), { ...options, drawsPerRound: 2 })).rejects.toThrow(/internal/);
    await expect(imis(narrowProblem(), { ...options, initialDraws: 10 })).rejects.toThrow(/internal/);
    await expect(imis(narrowProblem(), { ...options, maxRounds: -1 })).rejects.toThrow(/internal/);
    await expect(imis(narrowProblem(), { ...options, targetEss: 0 })).rejects.toThrow(/internal/);
  });
});
