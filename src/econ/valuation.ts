/**
 * The economic value of each iteration (docs/economics.md): costs by category and payer, life-years
 * and QALYs, over the horizon, undiscounted and discounted, for one territory and one arm. Every
 * value is a function of the iteration's records (counts, flows, people reached, program costs) and
 * θ, so it is computed after the simulation, like the acts' minutes and costs (summarize.ts).
 *
 * Timing: everything that happens in year y — its person-time, its acts, its events, its program
 * costs — is discounted as of time t_y = y − 1 (`state-time: start`), y (`end`) or y − ½
 * (`half-cycle`), years since the start, by (1 + r)^−t_y.
 */
import { t } from '../i18n/catalogue.js';
import type { Model, YearSeries } from '../sim/model.js';
import { PERSON_TIME_SHARES } from '../sim/person-time.js';
import { ParameterError } from '../sim/parameters.js';
import type { RunOutput } from '../sim/runner.js';
import { yearWeights } from './discount.js';

export const COST_CATEGORIES = ['acts', 'states', 'events', 'program'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** One quantity valued over the horizon: the costs of a category paid by a payer, all costs, life-years or QALYs. */
export type ValuationLine = { kind: 'cost'; category: CostCategory; payer: string } | { kind: 'totalCost' } | { kind: 'lifeYears' } | { kind: 'qalys' };

/** The key of a line in summaries: `acts/assurance-maladie`, `totalCost`, `lifeYears`, `qalys`. */
export function lineKey(line: ValuationLine): string {
  return line.kind === 'cost' ? `${line.category}/${line.payer}` : line.kind;
}

/**
 * The lines of a model: for each category, the payers that have costs in it (in the order of
 * `economics.payers`), then the total cost, life-years, and QALYs when every stratum has a utility.
 */
export function valuationLines(model: Model): ValuationLine[] {
  const { economics } = model;
  const actsPayers = new Set(model.actions.map((a) => economics.actorPayers[a.actor]!));
  const byCategory: Record<CostCategory, Set<string>> = {
    acts: actsPayers,
    states: new Set(economics.stateCosts.map((c) => c.payer)),
    events: new Set(economics.eventCosts.map((c) => c.payer)),
    program: new Set(model.programCosts.map((c) => c.payer)),
  };
  const lines: ValuationLine[] = [];
  for (const category of COST_CATEGORIES) {
    for (const payer of economics.payers) if (byCategory[category].has(payer)) lines.push({ kind: 'cost', category, payer });
  }
  lines.push({ kind: 'totalCost' }, { kind: 'lifeYears' });
  if (economics.utilities) lines.push({ kind: 'qalys' });
  return lines;
}

/** Per-iteration values over the horizon of the lines of one territory and arm (0 baseline, 1 program). */
export class Valuation {
  private readonly N: number;
  private readonly P: number;

  constructor(
    readonly model: Model,
    readonly output: RunOutput,
  ) {
    this.N = model.iterations;
    this.P = model.parameters.specs.length;
  }

  /** The recorded values at `offset` for the arm: the baseline record, or baseline + difference for the program. */
  private recorded(territory: number, arm: 0 | 1, offset: number, into: Float64Array): Float64Array {
    const N = this.N;
    const base = this.output.records[2 * territory]!.subarray(offset * N, (offset + 1) * N);
    if (arm === 0) {
      into.set(base);
      return into;
    }
    const diff = this.output.records[2 * territory + 1]!.subarray(offset * N, (offset + 1) * N);
    for (let i = 0; i < N; i++) into[i] = base[i]! + diff[i]!;
    return into;
  }

  /**
   * The line's value per iteration, summed over the horizon, discounted or not. Kept once computed
   * (the total cost adds the lines of every category; a difference reads the baseline again):
   * callers must not write into the array returned.
   */
  total(line: ValuationLine, territory: number, arm: 0 | 1, discounted: boolean): Float64Array {
    const key = `${lineKey(line)}|${territory}|${arm}|${discounted}`;
    let out = this.computed.get(key);
    if (!out) this.computed.set(key, (out = this.compute(line, territory, arm, discounted)));
    return out;
  }

  private readonly computed = new Map<string, Float64Array>();
  private readonly columns = new Map<number, Float64Array>();

  /**
   * θ's values of one slot for every iteration, contiguous: θ is laid out [iteration][parameter],
   * so reading a slot iteration by iteration strides over the whole θ of each (a cache miss per
   * read); the loops below read a column instead.
   */
  private column(slot: number): Float64Array {
    let values = this.columns.get(slot);
    if (!values) {
      const { N, P } = this;
      values = new Float64Array(N);
      for (let i = 0; i < N; i++) values[i] = this.output.thetas[i * P + slot]!;
      this.columns.set(slot, values);
    }
    return values;
  }

  private compute(line: ValuationLine, territory: number, arm: 0 | 1, discounted: boolean): Float64Array {
    const { economics } = this.model;
    const rate = discounted ? (line.kind === 'lifeYears' || line.kind === 'qalys' ? economics.discount.outcomes : economics.discount.costs) : 0;
    const weights = yearWeights(economics.stateTime, rate, this.model.horizon);
    const out = new Float64Array(this.N);
    switch (line.kind) {
      case 'cost':
        this.addCosts(out, line.category, line.payer, territory, arm, weights);
        break;
      case 'totalCost':
        // The sum of the lines of every category and payer (those without a cost add nothing).
        for (const other of valuationLines(this.model)) {
          if (other.kind !== 'cost') continue;
          const values = this.total(other, territory, arm, discounted);
          for (let i = 0; i < out.length; i++) out[i]! += values[i]!;
        }
        break;
      case 'lifeYears':
      case 'qalys':
        this.addPersonTime(out, line.kind === 'qalys', territory, arm, weights);
        break;
    }
    return out;
  }

  private addCosts(out: Float64Array, category: CostCategory, payer: string, territory: number, arm: 0 | 1, weights: Float64Array): void {
    if (category === 'acts') this.addActs(out, payer, territory, arm, weights);
    else if (category === 'states') this.addStates(out, payer, territory, arm, weights);
    else if (category === 'events') this.addEvents(out, payer, territory, arm, weights);
    else this.addProgram(out, payer, territory, arm, weights);
  }

  /** Acts: people reached × times × periods per year × cost per act (summarize.ts, actorTotals). */
  private addActs(out: Float64Array, payer: string, territory: number, arm: 0 | 1, weights: Float64Array): void {
    const { model, output, N } = this;
    const persons = new Float64Array(N);
    model.actions.forEach((action, a) => {
      if (model.economics.actorPayers[action.actor] !== payer) return;
      const times = this.column(action.times);
      const cost = this.column(action.cost);
      for (let y = 1; y <= model.horizon; y++) {
        this.recorded(territory, arm, output.layout.persons + (y - 1) * model.actions.length + a, persons);
        const w = weights[y - 1]! * action.perYear;
        for (let i = 0; i < N; i++) out[i]! += persons[i]! * times[i]! * cost[i]! * w;
      }
    });
  }

  /** States: Σ over the year's person-time in the stratum × its cost that year. */
  private addStates(out: Float64Array, payer: string, territory: number, arm: 0 | 1, weights: Float64Array): void {
    const { model, N } = this;
    const personTime = new Float64Array(N);
    for (const cost of model.economics.stateCosts) {
      if (cost.payer !== payer) continue;
      for (let y = 1; y <= model.horizon; y++) {
        this.personTime(territory, arm, cost.stratum, y, personTime);
        const values = this.yearColumn(cost.slot, cost.series, y);
        const w = weights[y - 1]!;
        for (let i = 0; i < N; i++) out[i]! += personTime[i]! * values[i]! * w;
      }
    }
  }

  /** Events: the year's occurrences (its transitions' and moves' flows) × the cost per event. */
  private addEvents(out: Float64Array, payer: string, territory: number, arm: 0 | 1, weights: Float64Array): void {
    const { model, output, N } = this;
    const flows = new Float64Array(N);
    for (const cost of model.economics.eventCosts) {
      if (cost.payer !== payer) continue;
      const perEvent = this.column(cost.slot);
      const event = model.events[cost.event]!;
      const columns = [...event.transitions, ...event.moves.map((m) => model.transitions.length + m)];
      for (let y = 1; y <= model.horizon; y++) {
        for (const k of columns) {
          this.recorded(territory, arm, output.layout.flows + (y - 1) * output.layout.flowWidth + k, flows);
          for (let i = 0; i < N; i++) out[i]! += flows[i]! * perEvent[i]! * weights[y - 1]!;
        }
      }
    }
  }

  /** Program costs as the engine recorded them (docs/simulation.md, "Program costs"). */
  private addProgram(out: Float64Array, payer: string, territory: number, arm: 0 | 1, weights: Float64Array): void {
    const { model, output, N } = this;
    const amounts = new Float64Array(N);
    const K = model.programCosts.length;
    model.programCosts.forEach((cost, k) => {
      if (cost.payer !== payer) return;
      for (let y = 1; y <= model.horizon; y++) {
        this.recorded(territory, arm, output.layout.programCost + (y - 1) * K + k, amounts);
        for (let i = 0; i < N; i++) out[i]! += amounts[i]! * weights[y - 1]!;
      }
    });
  }

  /** Life-years (or QALYs: each stratum's person-time × its utility) over the strata; exits count nothing. */
  private addPersonTime(out: Float64Array, qalys: boolean, territory: number, arm: 0 | 1, weights: Float64Array): void {
    const { model, N } = this;
    const personTime = new Float64Array(N);
    const utilities = model.economics.utilities;
    for (let s = 0; s < model.strataCount; s++) {
      const utility = qalys ? this.column(utilities![s]!) : undefined;
      for (let y = 1; y <= model.horizon; y++) {
        this.personTime(territory, arm, s, y, personTime);
        const w = weights[y - 1]!;
        if (!utility) for (let i = 0; i < N; i++) out[i]! += personTime[i]! * w;
        else for (let i = 0; i < N; i++) out[i]! += personTime[i]! * utility[i]! * w;
      }
    }
  }

  /**
   * The values of year `year` of a parameter that may change by year (docs/simulation.md,
   * "Parameters that change over time"), for every iteration: its slot, its `by-year` slot (the
   * last holds) or its trend; a trend that turns negative stops the run.
   */
  private yearColumn(slot: number, series: YearSeries | null, year: number): Float64Array {
    if (series === null) return this.column(slot);
    if (series.kind === 'by-year') return this.column(series.slots[Math.min(year - 1, series.slots.length - 1)]!);
    const start = this.column(series.start);
    const change = this.column(series.change);
    const values = new Float64Array(this.N);
    for (let i = 0; i < this.N; i++) {
      const value = start[i]! * Math.pow(1 + change[i]!, year - 1);
      if (!(value >= 0 && Number.isFinite(value))) {
        const spec = this.model.parameters.specs[series.start]!;
        throw new ParameterError(t('sim.draw.year-value', { name: spec.name, value: String(value), year, iteration: i, expected: t('sim.range.non-negative') }), spec, i, t('sim.draw.year-value.hint'));
      }
      values[i] = value;
    }
    return values;
  }

  /** Person-years in stratum s during year y: the start and end counts shared as `state-time` says. */
  private personTime(territory: number, arm: 0 | 1, s: number, y: number, into: Float64Array): void {
    const { model, output, N } = this;
    const { start, end } = PERSON_TIME_SHARES[model.economics.stateTime];
    const states = model.states.length;
    const before = this.recorded(territory, arm, output.layout.counts + (y - 1) * states + s, new Float64Array(N));
    const after = this.recorded(territory, arm, output.layout.counts + y * states + s, new Float64Array(N));
    for (let i = 0; i < N; i++) into[i] = start * before[i]! + end * after[i]!;
  }
}
