/**
 * The two searches of a calibration (docs/calibration.md, "The point estimate" and "The posterior
 * sample"): Nelder–Mead on the fitting targets' log-likelihood, then importance sampling from the
 * priors, with IMIS rounds while the effective sample size is below `min-ess`.
 *
 * Each free parameter is searched on the real line through the transform of its prior's support
 * (src/analysis/transforms.ts); its `bounds` are a constraint of the likelihood (zero outside),
 * so the posterior is the prior truncated to the bounds, times the likelihood.
 */
import { ALL_TERRITORIES, deriveStream } from '../sim/random.js';
import { type Distribution, sample } from '../sim/distributions/index.js';
import type { Model } from '../sim/model.js';
import type { FreeParameter, TargetInfo } from './compile.js';
import { logDensity } from './densities.js';
import type { Evaluations } from './evaluations.js';
import { imis, type ImisResult } from './imis.js';
import { resampleMultinomial } from './importance.js';
import { logLikelihood } from './likelihood.js';
import { nelderMeadBatch, type NelderMeadResult } from './nelder-mead.js';
import { type Bounds, fromReal, logJacobian, toReal } from './transforms.js';

export interface SearchSettings {
  draws: number;
  sample: number;
  minEss: number;
  seed: number;
}

export interface PointEstimate {
  x: Float64Array;
  values: Float64Array;
  logLikelihood: number;
  /** ln L + ln prior (the priors' densities on the parameters' own scale). */
  logPosterior: number;
  search: NelderMeadResult;
}

export interface SearchOutcome {
  before: { values: Float64Array; logLikelihood: number };
  /** The maximum-likelihood point, and the maximum a posteriori (the point estimate written out). */
  mle: PointEstimate;
  point: PointEstimate;
  method: 'sir' | 'imis';
  imis: Pick<ImisResult, 'reason' | 'converged' | 'rounds' | 'ess'>;
  /** Resampled sets of the free parameters' values, and the targets' values for each. */
  posterior: Float64Array[];
  posteriorValues: Float64Array[];
  /** The first prior draws (at most 1,000), for the report. */
  priorSample: Float64Array[];
}

/** The most IMIS rounds after the prior draws, and the Nelder–Mead evaluations per free parameter. */
export const MAX_IMIS_ROUNDS = 30;
export const NELDER_MEAD_EVALUATIONS_PER_PARAMETER = 300;

/** The interval where the prior has density: the scale the searches transform to the real line. */
export function supportOf(prior: Distribution): Bounds {
  switch (prior.kind) {
    case 'beta':
      return [0, 1];
    case 'gamma':
    case 'lognormal':
      return [0, Number.POSITIVE_INFINITY];
    case 'uniform':
    case 'triangular':
      return [prior.low, prior.high];
    default:
      return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  }
}

/** Σ over fitting targets of ln L; −∞ when any is impossible. */
export function fitLogLikelihood(targets: TargetInfo[], values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < targets.length; k++) if (targets[k]!.use === 'fit') sum += logLikelihood(targets[k]!.likelihood, values[k]!);
  return Number.isNaN(sum) ? Number.NEGATIVE_INFINITY : sum;
}

interface Search {
  model: Model;
  free: FreeParameter[];
  targets: TargetInfo[];
  evaluations: Evaluations;
  settings: SearchSettings;
  onProgress?: (phase: 'point' | 'prior' | 'imis' | 'posterior', done: number, total: number) => void;
}

const inBounds = (free: FreeParameter[], x: ArrayLike<number>): boolean => free.every((p, i) => x[i]! >= p.bounds[0] && x[i]! <= p.bounds[1]);

/** The targets' values and the fit's log-likelihood of real-scale points (outside the bounds: not run, −∞). */
async function scorePoints(search: Search, xs: Float64Array[]): Promise<{ values: (Float64Array | null)[]; logLikelihoods: Float64Array }> {
  const values = await search.evaluations.values(xs.map((x) => (inBounds(search.free, x) && x.every(Number.isFinite) ? x : null)));
  const logLikelihoods = Float64Array.from(values, (v) => (v ? fitLogLikelihood(search.targets, v) : Number.NEGATIVE_INFINITY));
  return { values, logLikelihoods };
}

export async function runSearch(search: Search): Promise<SearchOutcome> {
  const { free } = search;
  const centre = Float64Array.from(free, (p) => Math.min(p.bounds[1], Math.max(p.bounds[0], search.model.parameters.specs[p.slot]!.central)));
  const [beforeValues] = await search.evaluations.values([centre]);
  const before = { values: beforeValues!, logLikelihood: fitLogLikelihood(search.targets, beforeValues!) };
  const mle = await pointEstimate(search, centre, false);
  const point = await pointEstimate(search, centre, true);
  const sampled = await posteriorSample(search);
  return { before, mle, point, ...sampled };
}

/** ln of the priors' densities at x, on the parameters' own scale. */
function logPriorAt(free: FreeParameter[], x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < free.length; i++) sum += logDensity(free[i]!.prior, x[i]!);
  return sum;
}

/**
 * Nelder–Mead on the transformed scale, from the central values (clamped into the bounds): of the
 * log-likelihood (the maximum-likelihood point), or with `withPrior` of the log-likelihood plus the
 * priors' log densities on the parameters' own scale (the maximum a posteriori).
 */
async function pointEstimate(search: Search, centre: Float64Array, withPrior: boolean): Promise<PointEstimate> {
  const { free } = search;
  const supports = free.map((p) => supportOf(p.prior));
  // A start on the edge of the support has no image on the real line: step inside it by a millionth of the support.
  const start = free.map((_, i) => toReal(supports[i]!, nudgeInside(supports[i]!, centre[i]!)));
  const toX = (y: ArrayLike<number>): Float64Array => Float64Array.from(free, (_, i) => fromReal(supports[i]!, y[i]!));
  const maxEvaluations = NELDER_MEAD_EVALUATIONS_PER_PARAMETER * free.length;
  const result = await nelderMeadBatch(
    async (ys) => {
      const xs = ys.map(toX);
      const { logLikelihoods } = await scorePoints(search, xs);
      search.onProgress?.('point', search.evaluations.runs, maxEvaluations);
      return logLikelihoods.map((l, k) => -(withPrior ? l + logPriorAt(free, xs[k]!) : l));
    },
    start,
    { steps: free.map(() => 0.5), maxEvaluations, valueTolerance: 1e-6, sizeTolerance: 1e-6 },
  );
  const x = toX(result.x);
  const [values] = await search.evaluations.values([x]);
  const logLikelihood = fitLogLikelihood(search.targets, values!);
  return { x, values: values!, logLikelihood, logPosterior: logLikelihood + logPriorAt(free, x), search: result };
}

function nudgeInside(support: Bounds, x: number): number {
  const width = Number.isFinite(support[1] - support[0]) ? support[1] - support[0] : Math.max(1, Math.abs(x));
  return Math.min(support[1] - 1e-6 * width, Math.max(support[0] + 1e-6 * width, x));
}

/** SIR from the priors, then IMIS rounds while the ESS is below `min-ess`; resamples the posterior sample. */
async function posteriorSample(search: Search): Promise<Omit<SearchOutcome, 'before' | 'mle' | 'point'>> {
  const { free, settings } = search;
  const supports = free.map((p) => supportOf(p.prior));
  const toX = (y: ArrayLike<number>): Float64Array => Float64Array.from(free, (_, i) => fromReal(supports[i]!, y[i]!));
  const allValues: (Float64Array | null)[] = [];
  const result = await imis(
    {
      dimension: free.length,
      priorSample: (index) => priorDraw(free, supports, settings.seed, index),
      logPrior: (y) => free.reduce((sum, p, i) => sum + logDensity(p.prior, fromReal(supports[i]!, y[i]!)) + logJacobian(supports[i]!, y[i]!), 0),
      logLikelihood: async (ys) => {
        const { values, logLikelihoods } = await scorePoints(search, ys.map(toX));
        allValues.push(...values);
        search.onProgress?.(allValues.length <= settings.draws ? 'prior' : 'imis', allValues.length, settings.draws);
        return logLikelihoods;
      },
    },
    {
      initialDraws: settings.draws,
      drawsPerRound: Math.max(free.length + 1, Math.round(settings.draws / 10)),
      targetEss: settings.minEss,
      maxRounds: MAX_IMIS_ROUNDS,
      uniform: deriveStream(settings.seed, ALL_TERRITORIES, 0, 'calibration', 1, 0),
    },
  );
  const chosen = result.weights.some((w) => w > 0) ? resampleMultinomial(result.weights, settings.sample, deriveStream(settings.seed, ALL_TERRITORIES, 0, 'calibration', 2, 0)) : new Int32Array(0);
  const posterior = Array.from(chosen, (i) => toX(result.points[i]!));
  const posteriorValues = Array.from(chosen, (i) => allValues[i]!);
  const priorSample = result.points.slice(0, Math.min(1000, settings.draws)).map(toX);
  return { method: result.rounds > 0 ? 'imis' : 'sir', imis: { reason: result.reason, converged: result.converged, rounds: result.rounds, ess: result.ess }, posterior, posteriorValues, priorSample };
}

/**
 * Prior draw `index`: each free parameter in order from the stream (seed, *, index, calibration,
 * 0, 0), redrawn (at most 100 times) while it falls on the edge of its support, where the
 * transform has no value (a beta's 0 or 1 in floating point).
 */
function priorDraw(free: FreeParameter[], supports: Bounds[], seed: number, index: number): Float64Array {
  const uniform = deriveStream(seed, ALL_TERRITORIES, index, 'calibration', 0, 0);
  return Float64Array.from(free, (p, i) => {
    let x = sample(p.prior, uniform);
    for (let k = 0; k < 100 && !(x > supports[i]![0] && x < supports[i]![1]); k++) x = sample(p.prior, uniform);
    return toReal(supports[i]!, x);
  });
}
