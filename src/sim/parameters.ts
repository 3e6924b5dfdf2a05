/**
 * Parameters: every number of the model that may be a distribution, compiled to a flat list with
 * its place in the YAML, its distribution (distributions/forms.ts) and its central value. θᵢ is
 * one draw of the whole list.
 */
import { t } from '../i18n/catalogue.js';
import { allowedRange, constraintCheck, withinMagnitude, type Constraint, dirichletSample, type Distribution, type RawParameter, sample, toDistribution } from './distributions/index.js';
import type { Uniform } from './random.js';

export type { Constraint, RawParameter };

export interface Place {
  /** What the parameter is, for messages: "transition S1->S2 (p) of pyramid diabete-t2". */
  name: string;
  file: string;
  line: number;
  column: number;
  /** Its document (`Kind:id`: a file may hold several) and its path in it (list indices as numbers), for parameter paths and parameter sets. */
  document?: string;
  path?: (string | number)[];
}

export type ParameterSpec = Place & { constraint: Constraint } & Distribution;

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

/**
 * Compiles one YAML parameter into its spec. What lint's parameter-feasible rule reports as an
 * error (a form without a distribution, a value certainly out of range) is refused here too.
 */
export function compileParameter(raw: RawParameter, place: Place, constraint: Constraint): ParameterSpec {
  const converted = toDistribution(raw);
  if (!converted.ok) throw new ParameterError(t('sim.param.problem', { name: place.name, problem: converted.problem.message }), place, undefined, converted.problem.hint);
  const check = constraintCheck(converted.distribution, constraint);
  if (check.status === 'refused') throw new ParameterError(t('sim.param.problem', { name: place.name, problem: check.message }), place, undefined, check.hint);
  return { ...place, constraint, ...converted.distribution };
}

function checkDraw(value: number, spec: ParameterSpec, iteration: number): void {
  const range = allowedRange(spec.constraint);
  if (range.test(value) && Number.isFinite(value) && withinMagnitude(value)) return;
  // The drawn value as JavaScript writes it (YAML's notation): the value a user compares with the file.
  const words = { name: spec.name, value: String(value), iteration, expected: range.words, tooLarge: !withinMagnitude(value) };
  throw new ParameterError(t('sim.draw.out-of-range', words), spec, iteration, t('sim.draw.out-of-range.hint'));
}

/** A territory's own parameters: slots [from, to), drawn from the territory's stream. */
export interface TerritorySlots {
  id: string;
  from: number;
  to: number;
}

export interface ParameterSet {
  specs: ParameterSpec[];
  dirichlets: DirichletSpec[];
  /** Slots from here on are drawn after the Dirichlets (the economic values); absent: none. */
  lateFrom?: number;
  /** Each territory's own slots (its multipliers), drawn from its own stream, not the shared one; absent: none. */
  territories?: TerritorySlots[];
}

/** The central values: see `toDistribution` (means, the lognormal's median, midpoints). */
export function centralParameters(set: ParameterSet): Float64Array {
  const theta = new Float64Array(set.specs.length);
  set.specs.forEach((spec, i) => (theta[i] = spec.central));
  return theta;
}

/**
 * One draw θᵢ of every parameter, in a fixed order (docs/simulation.md, "Random streams"): from the
 * iteration's shared stream `uniform`, the slots before `lateFrom` that belong to no territory,
 * then the Dirichlets, then the economic values; then each territory's own slots from its own
 * stream (`territoryUniform(id)`, seeded only for a territory that has an uncertain one). So the
 * shared draws do not depend on the territories, nor a territory's on the others.
 */
export function sampleParameters(set: ParameterSet, uniform: Uniform, iteration: number, theta = new Float64Array(set.specs.length), territoryUniform?: (territory: string) => Uniform): Float64Array {
  const late = set.lateFrom ?? set.specs.length;
  const territories = set.territories ?? [];
  let from = 0;
  for (const range of territories) {
    drawSlots(set, uniform, iteration, theta, from, Math.min(range.from, late));
    from = Math.max(from, range.to);
  }
  drawSlots(set, uniform, iteration, theta, from, late);
  const shares: number[] = [];
  for (const dirichlet of set.dirichlets) {
    dirichletSample(uniform, dirichlet.alphas, shares);
    for (let k = 0; k < dirichlet.alphas.length; k++) theta[dirichlet.first + k] = shares[k]!;
  }
  // The economic values come last, so that adding them to a file leaves every other draw as it was.
  drawSlots(set, uniform, iteration, theta, late, set.specs.length);
  for (const range of territories) {
    const uncertain = set.specs.slice(range.from, range.to).some((spec) => spec.kind !== 'fixed');
    drawSlots(set, uncertain && territoryUniform ? territoryUniform(range.id) : uniform, iteration, theta, range.from, range.to);
  }
  return theta;
}

function drawSlots(set: ParameterSet, uniform: Uniform, iteration: number, theta: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const spec = set.specs[i]!;
    const value = sample(spec, uniform);
    if (spec.kind !== 'fixed') checkDraw(value, spec, iteration);
    theta[i] = value;
  }
}
