/**
 * Incremental Mixture Importance Sampling (IMIS): Raftery A.E. & Bao L., "Estimating and
 * projecting trends in HIV/AIDS generalized epidemics using incremental mixture importance
 * sampling", Biometrics 66 (2010) 1162–1173 (§3, after Steele R.J., Raftery A.E. & Emond M.J.,
 * J. Comput. Graph. Statist. 15 (2006) 712–734), with the details of its authors' R package IMIS
 * where the paper leaves them open. Everything is on the unbounded (transformed) scale: the
 * caller maps each parameter to the real line (src/analysis/transforms.ts) and gives the prior's
 * density there. Written out in docs/calibration-maths.md ("IMIS").
 *
 * With 0 rounds allowed, this is plain sampling-importance-resampling from the prior (the weights
 * are then the likelihoods).
 */
import type { Uniform } from '../sim/random.js';
import { logSumExp, normaliseLogWeights } from './importance.js';
import { cholesky, type CholeskyFactor, mahalanobisSquared, normalLogDensity, sampleCovariance, sampleNormal, weightedCovarianceAbout } from './mvn.js';

export interface ImisProblem {
  /** d, the number of parameters. */
  dimension: number;
  /**
   * Draw `index` (0, 1, … N₀ − 1) of the prior, a point of Rᵈ; it may draw from `uniform` (the
   * stream of the whole run) or from a stream of its own keyed by `index`.
   */
  priorSample: (index: number, uniform: Uniform) => Float64Array;
  /**
   * ln p(x), the log density of the distribution `priorSample` draws from, on the same scale and
   * normalised (it integrates to 1 over Rᵈ: the Jacobians of the transforms included, and the
   * log of the prior mass inside the bounds subtracted if the prior is truncated): the proposal
   * mixes it with normal densities, so a constant missing here biases the weights.
   */
  logPrior: (x: Float64Array) => number;
  /** ln L of each point, in order (the model runs may run in parallel). −∞ or NaN: weight 0. */
  logLikelihood: (points: readonly Float64Array[]) => Promise<Float64Array>;
}

export interface ImisOptions {
  /** N₀, the prior draws (≥ d + 1, ≥ B). */
  initialDraws: number;
  /** B, the draws of each new normal component (≥ d + 1). */
  drawsPerRound: number;
  /** Stop as soon as Kish's ESS of all the points' weights reaches this. */
  targetEss: number;
  /** The most rounds after the prior draws; 0 is plain SIR. */
  maxRounds: number;
  /** The stream of the prior draws (if `priorSample` uses it) and of the components' draws. */
  uniform: Uniform;
  /** Told after the prior draws (round 0) and after each round, with the ESS of all points then. */
  onRound?: (round: number, ess: number, points: number) => void;
}

/**
 * `ess-reached`: converged; `max-rounds`: the ESS is still below the target after the last round;
 * `no-weight`: every point has weight 0 (no centre to start from); `infinite-weight`: a log
 * likelihood is +∞; `degenerate-covariance`: the prior draws' or a component's covariance has no
 * Cholesky factor even with jitter.
 */
export type ImisReason = 'ess-reached' | 'max-rounds' | 'no-weight' | 'infinite-weight' | 'degenerate-covariance';

export interface ImisComponent {
  centre: Float64Array;
  /** Row-major d × d. */
  covariance: Float64Array;
  factor: CholeskyFactor;
}

export interface ImisResult {
  reason: ImisReason;
  converged: boolean;
  /** Rounds completed after the prior draws. */
  rounds: number;
  /** The N₀ prior draws, then B draws per round, in the order drawn. */
  points: Float64Array[];
  logPriors: Float64Array;
  logLikelihoods: Float64Array;
  /** ln p + ln L − ln q of each point under the final proposal q (−∞ for weight 0). */
  logWeights: Float64Array;
  /** The weights normalised to sum 1 (all 0 unless the weights could be normalised). */
  weights: Float64Array;
  /** ess[r]: Kish's ESS of all the points after round r (ess[0]: the prior draws alone). */
  ess: number[];
  /** ln((1/N) Σ wᵢ): an estimate of ln ∫ p L, the log marginal likelihood when L is a normalised likelihood. */
  logEvidence: number;
  /** The normal components, one per round. */
  components: ImisComponent[];
}

interface State {
  n0: number;
  b: number;
  points: Float64Array[];
  logPriors: number[];
  logLikelihoods: number[];
  /** ln Σₛ Hₛ(xᵢ) over the components so far (−∞ before the first). */
  logMixture: number[];
  components: ImisComponent[];
  ess: number[];
}

function validate(problem: ImisProblem, options: ImisOptions): void {
  const d = problem.dimension;
  const { initialDraws: n0, drawsPerRound: b, maxRounds, targetEss } = options;
  const integer = (x: number, least: number): boolean => Number.isInteger(x) && x >= least;
  if (!integer(d, 1) || !integer(b, d + 1) || !integer(n0, Math.max(b, d + 1)) || !integer(maxRounds, 0) || !(targetEss > 0)) {
    throw new Error(`internal: IMIS options d = ${d}, N0 = ${n0}, B = ${b}, rounds = ${maxRounds}, target ESS = ${targetEss}`);
  }
}

/** Runs IMIS (§3 of Raftery & Bao 2010): the prior draws, then rounds until the ESS target or the round limit. */
export async function imis(problem: ImisProblem, options: ImisOptions): Promise<ImisResult> {
  validate(problem, options);
  const { initialDraws: n0, drawsPerRound: b, uniform } = options;
  const points = Array.from({ length: n0 }, (_, i) => problem.priorSample(i, uniform));
  const state: State = { n0, b, points: [], logPriors: [], logLikelihoods: [], logMixture: [], components: [], ess: [] };
  await addPoints(state, problem, points);
  let weighted = weigh(state);
  let priorFactor: CholeskyFactor | null = null;
  for (let round = 0; ; round++) {
    if (weighted.status !== 'ok') return result(state, weighted.logWeights, null, weighted.status);
    state.ess.push(weighted.ess);
    options.onRound?.(round, weighted.ess, state.points.length);
    if (weighted.ess >= options.targetEss) return result(state, weighted.logWeights, weighted.weights, 'ess-reached');
    if (round === options.maxRounds) return result(state, weighted.logWeights, weighted.weights, 'max-rounds');
    priorFactor ??= priorCovarianceFactor(state, problem.dimension);
    const component = priorFactor && nextComponent(state, weighted.weights, priorFactor);
    if (!component) return result(state, weighted.logWeights, weighted.weights, 'degenerate-covariance');
    // Each draw takes d standard normals from the stream, in coordinate order (sampleNormal).
    const draws = Array.from({ length: b }, () => sampleNormal(component.centre, component.factor, uniform));
    addComponent(state, component);
    await addPoints(state, problem, draws);
    weighted = weigh(state);
  }
}

/** The factor of the N₀ prior draws' sample covariance (the metric of the distances), or null. */
function priorCovarianceFactor(state: State, d: number): CholeskyFactor | null {
  const covariance = cholesky(sampleCovariance(state.points.slice(0, state.n0), d), d);
  return covariance.status === 'ok' ? covariance.factor : null;
}

/** Adds points with their log prior, log likelihood (one batch) and log Σₛ Hₛ over the components so far. */
async function addPoints(state: State, problem: ImisProblem, points: Float64Array[]): Promise<void> {
  const logLikelihoods = await problem.logLikelihood(points);
  if (logLikelihoods.length !== points.length) throw new Error(`internal: IMIS asked for ${points.length} log likelihoods and received ${logLikelihoods.length}`);
  points.forEach((x, i) => {
    state.points.push(x);
    state.logPriors.push(problem.logPrior(x));
    state.logLikelihoods.push(logLikelihoods[i]!);
    state.logMixture.push(logSumExp(state.components.map((c) => normalLogDensity(c.centre, c.factor, x))));
  });
}

/** Adds a component: ln Σₛ Hₛ of every point so far gains ln H_k. */
function addComponent(state: State, component: ImisComponent): void {
  state.components.push(component);
  state.points.forEach((x, i) => {
    state.logMixture[i] = logSumExp([state.logMixture[i]!, normalLogDensity(component.centre, component.factor, x)]);
  });
}

type Weighted = { status: 'ok'; logWeights: Float64Array; weights: Float64Array; ess: number } | { status: 'no-weight' | 'infinite-weight'; logWeights: Float64Array };

/**
 * ln wᵢ = ln p(xᵢ) + ln L(xᵢ) − ln q(xᵢ), with the mixture proposal after k rounds
 * q = (N₀/N_k)·p + (B/N_k)·Σₛ Hₛ, N_k = N₀ + kB (Raftery & Bao 2010, §3, step 2c), computed as
 * ln q = logSumExp(ln(N₀/N_k) + ln p, ln(B/N_k) + ln Σₛ Hₛ). Before any round q = p, so
 * ln wᵢ = ln L(xᵢ). A point with ln p or ln L equal to −∞ or NaN has ln wᵢ = −∞.
 */
function weigh(state: State): Weighted {
  const n = state.points.length;
  const priorShare = Math.log(state.n0 / n);
  const componentShare = Math.log(state.b / n);
  const logWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lp = state.logPriors[i]!;
    const ll = state.logLikelihoods[i]!;
    if (!(lp > Number.NEGATIVE_INFINITY && ll > Number.NEGATIVE_INFINITY)) logWeights[i] = Number.NEGATIVE_INFINITY;
    else if (state.components.length === 0) logWeights[i] = ll;
    else logWeights[i] = lp + ll - logSumExp([priorShare + lp, componentShare + state.logMixture[i]!]);
  }
  const normalised = normaliseLogWeights(logWeights);
  if (normalised.status !== 'ok') return { status: normalised.status, logWeights };
  return { status: 'ok', logWeights, weights: normalised.weights, ess: normalised.ess };
}

/**
 * The next component (Raftery & Bao 2010, §3, step 2a): its centre is the point of largest
 * weight (the first on ties); its covariance is the weighted covariance, about the centre, of the
 * B points nearest to it in Mahalanobis distance under the prior draws' covariance (ties by
 * index; the centre is among them), weighted by ωᵢ ∝ (wᵢ + 1/N)/2, the average of the normalised
 * weight and 1/N over the N points so far — with the "unbias" divisor of the authors' R package
 * (weightedCovarianceAbout). Null when that covariance has no Cholesky factor, even with jitter.
 */
function nextComponent(state: State, weights: Float64Array, priorFactor: CholeskyFactor): ImisComponent | null {
  const n = state.points.length;
  let top = 0;
  for (let i = 1; i < n; i++) if (weights[i]! > weights[top]!) top = i;
  const centre = state.points[top]!;
  const distances = state.points.map((x) => mahalanobisSquared(priorFactor, x, centre));
  const nearest = Array.from({ length: n }, (_, i) => i)
    .sort((i, j) => distances[i]! - distances[j]! || i - j)
    .slice(0, state.b);
  const covariance = weightedCovarianceAbout(
    nearest.map((i) => state.points[i]!),
    nearest.map((i) => (weights[i]! + 1 / n) / 2),
    centre,
  );
  const factored = cholesky(covariance, centre.length);
  return factored.status === 'ok' ? { centre: Float64Array.from(centre), covariance, factor: factored.factor } : null;
}

function result(state: State, logWeights: Float64Array, weights: Float64Array | null, reason: ImisReason): ImisResult {
  const n = state.points.length;
  return {
    reason,
    converged: reason === 'ess-reached',
    rounds: state.components.length,
    points: state.points,
    logPriors: Float64Array.from(state.logPriors),
    logLikelihoods: Float64Array.from(state.logLikelihoods),
    logWeights,
    weights: weights ?? new Float64Array(n),
    ess: state.ess,
    logEvidence: logSumExp(logWeights) - Math.log(n),
    components: state.components,
  };
}
