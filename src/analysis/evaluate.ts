/**
 * The model's value of each calibration target for one parameter set θ (docs/calibration.md,
 * "What a target measures"): the scenario's baseline arm in `expected` mode, territory by
 * territory, then each target's quantity from the records. Pure: no IO, no randomness.
 */
import { coveragesOf } from '../sim/chunk.js';
import { EngineScratch, type Layout, layoutOf, simulateTerritoryArm } from '../sim/engine.js';
import type { Model } from '../sim/model.js';
import { StreamKey } from '../sim/random.js';

/** What a target counts, compiled to indices of the model. */
export type CompiledMeasure =
  | { kind: 'count'; states: number[] }
  /** Transitions and detection moves, by index in `model.transitions` and `model.moves`. */
  | { kind: 'flow'; transitions: number[]; moves: number[] };

export interface CompiledTarget {
  /** Indices of the model's territories the target sums over. */
  territories: number[];
  measure: CompiledMeasure;
  /** Where the measure is read: a count at the end of the year; a flow during it. */
  denominator: null | { kind: 'population' } | { kind: 'count'; states: number[] };
  scale: number;
  /** The year, or the two years of an annual change. */
  years: number[];
  change: boolean;
}

/** Engine buffers reused from one evaluation to the next (one per thread). */
export class Evaluator {
  private readonly layout: Layout;
  private readonly buffers: EngineScratch;
  private readonly records: Float64Array[];
  private readonly overlay: Float64Array;
  private readonly coverages: Float64Array<ArrayBuffer>;
  private readonly key = new StreamKey();

  constructor(
    readonly model: Model,
    readonly targets: CompiledTarget[],
  ) {
    this.layout = layoutOf(model);
    this.buffers = new EngineScratch(model);
    this.records = model.territories.map(() => new Float64Array(this.layout.size));
    this.overlay = new Float64Array(this.layout.overlaySize);
    this.coverages = new Float64Array(model.arms.length * model.horizon * model.strataCount);
  }

  /** Runs the baseline arm of every territory with θ and writes each target's value into `out`. */
  evaluate(theta: Float64Array<ArrayBuffer>, out: Float64Array): Float64Array {
    const model = this.model;
    const context = { model, layout: this.layout, theta, coverages: coveragesOf(model, theta, this.coverages), iteration: 0, stochastic: false };
    for (let t = 0; t < model.territories.length; t++) {
      const record = this.records[t]!;
      record.fill(0);
      simulateTerritoryArm(context, t, 0, this.key, record, this.overlay, this.buffers);
    }
    for (let k = 0; k < this.targets.length; k++) out[k] = this.targetValue(this.targets[k]!);
    return out;
  }

  private targetValue(target: CompiledTarget): number {
    if (!target.change) return this.rate(target, target.years[0]!);
    const [first, last] = target.years as [number, number];
    return Math.pow(this.rate(target, last) / this.rate(target, first), 1 / (last - first)) - 1;
  }

  /** The measure in `year`, divided by its denominator, times `scale`. */
  private rate(target: CompiledTarget, year: number): number {
    let value = 0;
    for (const t of target.territories) value += this.measureIn(this.records[t]!, target.measure, year);
    const denominator = target.denominator;
    if (denominator) {
      let divisor = 0;
      // A count is divided by people at the same time; a flow during a year by those at its start.
      const at = target.measure.kind === 'count' ? year : year - 1;
      for (const t of target.territories) {
        divisor += denominator.kind === 'population' ? this.model.territories[t]!.population : this.countAt(this.records[t]!, denominator.states, at);
      }
      value /= divisor;
    }
    return value * target.scale;
  }

  private measureIn(record: Float64Array, measure: CompiledMeasure, year: number): number {
    if (measure.kind === 'count') return this.countAt(record, measure.states, year);
    const base = this.layout.flows + (year - 1) * this.layout.flowWidth;
    let sum = 0;
    for (const tr of measure.transitions) sum += record[base + tr]!;
    for (const m of measure.moves) sum += record[base + this.model.transitions.length + m]!;
    return sum;
  }

  /** People in `states` at the end of `year` (year 0: the start). */
  private countAt(record: Float64Array, states: number[], year: number): number {
    const base = this.layout.counts + year * this.model.states.length;
    let sum = 0;
    for (const j of states) sum += record[base + j]!;
    return sum;
  }
}
