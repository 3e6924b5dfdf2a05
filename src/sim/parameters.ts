/**
 * Parameters: every number of the model that may be a distribution, compiled to a flat list with
 * its place in the YAML, its sampler and its central value. θᵢ is one draw of the whole list.
 */
import { betaSample, dirichletSample, standardGamma, standardNormal, triangularSample } from './distributions.js';
import type { Uniform } from './random.js';

/** 1.959964 = Φ⁻¹(0.975): a 95 % interval spans ±1.96 standard deviations on the log scale. */
const Z975 = 1.959963984540054;

export type Constraint = 'probability' | 'positive' | 'non-negative' | 'any';

export interface Place {
  /** What the parameter is, for messages: "transition S1->S2 (p) of pyramid diabete-t2". */
  name: string;
  file: string;
  line: number;
  column: number;
}

export type ParameterSpec = Place & {
  constraint: Constraint;
  central: number;
} & (
    | { kind: 'fixed' }
    | { kind: 'beta'; alpha: number; beta: number }
    | { kind: 'gamma'; shape: number; scale: number }
    | { kind: 'lognormal'; mu: number; sigma: number }
    | { kind: 'normal'; mean: number; sd: number }
    | { kind: 'uniform'; low: number; high: number }
    | { kind: 'triangular'; low: number; mode: number; high: number }
  );

/** A Dirichlet: consecutive θ slots [first, first + alphas.length) drawn jointly. */
export interface DirichletSpec extends Place {
  first: number;
  alphas: number[];
}

export class ParameterError extends Error {
  constructor(
    message: string,
    readonly place: Place,
    readonly iteration?: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ParameterError';
  }
}

type RawParameter =
  | number
  | { beta: { mean: number; sd: number } | { alpha: number; beta: number } }
  | { lognormal: { mean: number; ci95: [number, number] } }
  | { gamma: { mean: number; sd: number } }
  | { normal: { mean: number; sd: number } }
  | { uniform: [number, number] }
  | { triangular: [number, number, number] };

/** Compiles one YAML parameter into its spec; invalid combinations are errors naming the place. */
export function compileParameter(raw: RawParameter, place: Place, constraint: Constraint): ParameterSpec {
  const base = { ...place, constraint };
  if (typeof raw === 'number') {
    checkValue(raw, base, constraint);
    return { ...base, kind: 'fixed', central: raw };
  }
  if ('beta' in raw) {
    let alpha: number;
    let beta: number;
    if ('mean' in raw.beta) {
      const { mean, sd } = raw.beta;
      const limit = Math.sqrt(mean * (1 - mean));
      if (sd >= limit) {
        throw new ParameterError(`beta with mean ${mean} cannot have sd ${sd}: the sd of a beta is below √(mean·(1−mean)) = ${limit.toFixed(4)}`, place, undefined, 'lower the sd, or write the distribution as {beta: {alpha, beta}}');
      }
      // Method of moments: α + β = mean(1 − mean)/sd² − 1.
      const total = (mean * (1 - mean)) / (sd * sd) - 1;
      alpha = mean * total;
      beta = (1 - mean) * total;
    } else {
      alpha = raw.beta.alpha;
      beta = raw.beta.beta;
    }
    return { ...base, kind: 'beta', alpha, beta, central: alpha / (alpha + beta) };
  }
  if ('gamma' in raw) {
    const { mean, sd } = raw.gamma;
    return { ...base, kind: 'gamma', shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean, central: mean };
  }
  if ('lognormal' in raw) {
    const { mean, ci95 } = raw.lognormal;
    const [low, high] = ci95;
    if (!(low <= mean && mean <= high) || low >= high) {
      throw new ParameterError(`lognormal point estimate ${mean} must lie inside its 95 % interval [${low}, ${high}]`, place, undefined, 'write {lognormal: {mean: estimate, ci95: [low, high]}} with low < estimate < high');
    }
    // The point estimate is the median on the log scale, as published ratios are.
    return { ...base, kind: 'lognormal', mu: Math.log(mean), sigma: (Math.log(high) - Math.log(low)) / (2 * Z975), central: mean };
  }
  if ('normal' in raw) return { ...base, kind: 'normal', mean: raw.normal.mean, sd: raw.normal.sd, central: raw.normal.mean };
  if ('uniform' in raw) {
    const [low, high] = raw.uniform;
    if (!(low < high)) throw new ParameterError(`uniform bounds must be increasing, got [${low}, ${high}]`, place);
    checkValue(low, base, constraint);
    checkValue(high, base, constraint);
    return { ...base, kind: 'uniform', low, high, central: (low + high) / 2 };
  }
  const [low, mode, high] = raw.triangular;
  if (!(low <= mode && mode <= high && low < high)) throw new ParameterError(`triangular needs low ≤ mode ≤ high, got [${low}, ${mode}, ${high}]`, place);
  checkValue(low, base, constraint);
  checkValue(high, base, constraint);
  return { ...base, kind: 'triangular', low, mode, high, central: (low + mode + high) / 3 };
}

function checkValue(value: number, place: Place, constraint: Constraint, iteration?: number): void {
  const ok =
    constraint === 'probability' ? value >= 0 && value <= 1 : constraint === 'positive' ? value > 0 : constraint === 'non-negative' ? value >= 0 : Number.isFinite(value);
  if (!ok || !Number.isFinite(value)) {
    const expected = constraint === 'probability' ? 'a probability in [0, 1]' : constraint === 'positive' ? 'a positive number' : 'a number ≥ 0';
    throw new ParameterError(
      `${place.name} is ${value}${iteration === undefined ? '' : ` in iteration ${iteration}`}; expected ${expected}`,
      place,
      iteration,
      iteration === undefined ? undefined : 'narrow the distribution so that every draw stays valid (e.g. a beta for probabilities, a lognormal or gamma for positive values)',
    );
  }
}

export interface ParameterSet {
  specs: ParameterSpec[];
  dirichlets: DirichletSpec[];
}

/** The central values: beta and gamma means, lognormal point estimates, midpoints. */
export function centralParameters(set: ParameterSet): Float64Array {
  const theta = new Float64Array(set.specs.length);
  set.specs.forEach((spec, i) => (theta[i] = spec.central));
  return theta;
}

/** One draw θᵢ of every parameter, in a fixed order, from the iteration's parameter stream. */
export function sampleParameters(set: ParameterSet, uniform: Uniform, iteration: number, theta = new Float64Array(set.specs.length)): Float64Array {
  for (let i = 0; i < set.specs.length; i++) {
    const spec = set.specs[i]!;
    let value: number;
    switch (spec.kind) {
      case 'fixed':
        value = spec.central;
        break;
      case 'beta':
        value = betaSample(uniform, spec.alpha, spec.beta);
        break;
      case 'gamma':
        value = standardGamma(uniform, spec.shape) * spec.scale;
        break;
      case 'lognormal':
        value = Math.exp(spec.mu + spec.sigma * standardNormal(uniform));
        break;
      case 'normal':
        value = spec.mean + spec.sd * standardNormal(uniform);
        break;
      case 'uniform':
        value = spec.low + (spec.high - spec.low) * uniform();
        break;
      case 'triangular':
        value = triangularSample(uniform, spec.low, spec.mode, spec.high);
        break;
    }
    if (spec.kind !== 'fixed') checkValue(value, spec, spec.constraint, iteration);
    theta[i] = value;
  }
  const shares: number[] = [];
  for (const dirichlet of set.dirichlets) {
    dirichletSample(uniform, dirichlet.alphas, shares);
    for (let k = 0; k < dirichlet.alphas.length; k++) theta[dirichlet.first + k] = shares[k]!;
  }
  return theta;
}

export { checkValue as checkParameterValue };
