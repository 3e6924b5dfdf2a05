/**
 * Summaries of the iterations: mean, sd, median, 2.5 % and 97.5 % percentiles and the Monte Carlo
 * standard error of the mean (sd/√N), for every measure, year, territory and arm; the paired
 * difference program − baseline (same θᵢ and streams); rates per 100,000 inhabitants; and the sum
 * over the scenario's territories.
 */
import { mean as ssMean, quantile as ssQuantile } from 'simple-statistics';
import type { Model } from './model.js';
import type { RunOutput } from './runner.js';

export interface Summary {
  mean: number;
  sd: number;
  median: number;
  p025: number;
  p975: number;
  mcse: number;
}

export type Series = Summary[];
export const MEASURES = ['counts', 'flows', 'events', 'inflows', 'persons', 'volumes', 'minutes', 'fte', 'cost'] as const;
export type Measure = (typeof MEASURES)[number];
export type ArmName = 'baseline' | 'program' | 'difference';

export interface SummaryBlock {
  territory: string;
  scale: 'count' | 'per100k';
  arm: ArmName;
  /** measure → key → one summary per year (counts: years 0…horizon; the rest: years 1…horizon). */
  measures: Record<Measure, Record<string, Series>>;
  /** Total cost of all actors per year. */
  totalCost: Series;
}

/** Significant digits kept in outputs: far below Monte Carlo error, and files stay readable. */
const DIGITS = 7;
export function round(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(DIGITS));
}

export function summarize(values: Float64Array): Summary {
  const n = values.length;
  const m = n === 1 ? values[0]! : ssMean(values as unknown as number[]);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - m) * (values[i]! - m);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const [p025, median, p975] = n === 1 ? [values[0]!, values[0]!, values[0]!] : (ssQuantile(Array.from(values), [0.025, 0.5, 0.975]) as number[]);
  return { mean: round(m), sd: round(sd), median: round(median!), p025: round(p025!), p975: round(p975!), mcse: round(sd / Math.sqrt(n)) };
}

function scaleSummary(s: Summary, factor: number): Summary {
  return { mean: round(s.mean * factor), sd: round(s.sd * factor), median: round(s.median * factor), p025: round(s.p025 * factor), p975: round(s.p975 * factor), mcse: round(s.mcse * factor) };
}

/**
 * Per-iteration values of every measure for one (territory, arm), as functions of the record and
 * θ: counts, flows, inflows and persons are recorded; events, volumes, minutes, FTE and cost are
 * derived here (volumes = persons × θ[times] × periods per cycle).
 */
class SeriesBuilder {
  constructor(
    readonly model: Model,
    readonly output: RunOutput,
  ) {}

  recorded(pair: number, offset: number): Float64Array {
    const N = this.model.iterations;
    return Float64Array.from(this.output.records[pair]!.subarray(offset * N, (offset + 1) * N));
  }

  volumes(pair: number, action: number, year: number): Float64Array {
    const { model, output } = this;
    const N = model.iterations;
    const P = model.parameters.specs.length;
    const a = model.actions[action]!;
    const persons = this.recorded(pair, output.layout.persons + (year - 1) * model.actions.length + action);
    for (let i = 0; i < N; i++) persons[i] = persons[i]! * output.thetas[i * P + a.times]! * a.perCycle;
    return persons;
  }

  /** Minutes and cost of each actor in a year, for every iteration. */
  actorTotals(pair: number, year: number): { minutes: Float64Array[]; cost: Float64Array[] } {
    const { model, output } = this;
    const N = model.iterations;
    const P = model.parameters.specs.length;
    const minutes = model.actors.map(() => new Float64Array(N));
    const cost = model.actors.map(() => new Float64Array(N));
    for (let a = 0; a < model.actions.length; a++) {
      const action = model.actions[a]!;
      const volume = this.volumes(pair, a, year);
      const m = minutes[action.actor]!;
      const c = cost[action.actor]!;
      for (let i = 0; i < N; i++) {
        m[i]! += volume[i]! * output.thetas[i * P + action.minutes]!;
        c[i]! += volume[i]! * output.thetas[i * P + action.cost]!;
      }
    }
    return { minutes, cost };
  }
}

type Getter = (pair: number) => Float64Array;

/** Every (measure, key, year) as a getter of per-iteration values for one (territory, arm). */
function measureGetters(model: Model, builder: SeriesBuilder): { measure: Measure | 'totalCost'; key: string; year: number; get: Getter }[] {
  const H = model.horizon;
  const layout = builder.output.layout;
  const list: { measure: Measure | 'totalCost'; key: string; year: number; get: Getter }[] = [];
  model.states.forEach((state, j) => {
    for (let y = 0; y <= H; y++) list.push({ measure: 'counts', key: state.id, year: y, get: (pair) => builder.recorded(pair, layout.counts + y * model.states.length + j) });
  });
  model.transitions.forEach((t, k) => {
    for (let y = 1; y <= H; y++) list.push({ measure: 'flows', key: t.key, year: y, get: (pair) => builder.recorded(pair, layout.flows + (y - 1) * model.transitions.length + k) });
  });
  for (const event of model.events) {
    for (let y = 1; y <= H; y++) {
      list.push({
        measure: 'events',
        key: event.name,
        year: y,
        get: (pair) => {
          const total = new Float64Array(model.iterations);
          for (const k of event.transitions) {
            const v = builder.recorded(pair, layout.flows + (y - 1) * model.transitions.length + k);
            for (let i = 0; i < total.length; i++) total[i]! += v[i]!;
          }
          return total;
        },
      });
    }
  }
  model.inflows.forEach((inflow, f) => {
    for (let y = 1; y <= H; y++) list.push({ measure: 'inflows', key: `${f + 1}:${model.states[inflow.to]!.id}`, year: y, get: (pair) => builder.recorded(pair, layout.inflows + (y - 1) * model.inflows.length + f) });
  });
  model.actions.forEach((action, a) => {
    for (let y = 1; y <= H; y++) {
      list.push({ measure: 'persons', key: action.id, year: y, get: (pair) => builder.recorded(pair, layout.persons + (y - 1) * model.actions.length + a) });
      list.push({ measure: 'volumes', key: action.id, year: y, get: (pair) => builder.volumes(pair, a, y) });
    }
  });
  return list;
}

export interface Summaries {
  blocks: SummaryBlock[];
  overlay: { territory: string; arm: 'baseline' | 'program'; logigramme: string; nodes: Record<string, number[]>; edges: { from: string; to: string; label: string; mean: number[] }[] }[];
}

export function summarizeRun(model: Model, output: RunOutput): Summaries {
  const builder = new SeriesBuilder(model, output);
  const H = model.horizon;
  const armsCount = model.arms.length;
  const territoryKeys = [...model.territories.map((t) => t.id), 'ensemble'];
  const populations = [...model.territories.map((t) => t.population), model.territories.reduce((s, t) => s + t.population, 0)];
  const blocks: SummaryBlock[] = [];
  const emptyMeasures = (): Record<Measure, Record<string, Series>> => Object.fromEntries(MEASURES.map((m) => [m, {}])) as Record<Measure, Record<string, Series>>;
  const index = new Map<string, SummaryBlock>();
  for (const [t, territory] of territoryKeys.entries()) {
    for (const arm of ['baseline', 'program', 'difference'] as const) {
      for (const scale of ['count', 'per100k'] as const) {
        const block: SummaryBlock = { territory, scale, arm, measures: emptyMeasures(), totalCost: [] };
        blocks.push(block);
        index.set(`${t}|${arm}|${scale}`, block);
      }
    }
  }
  const push = (t: number, arm: ArmName, measure: Measure | 'totalCost', key: string, summary: Summary) => {
    const factor = 100_000 / populations[t]!;
    for (const scale of ['count', 'per100k'] as const) {
      const block = index.get(`${t}|${arm}|${scale}`)!;
      const s = scale === 'count' ? summary : scaleSummary(summary, factor);
      if (measure === 'totalCost') block.totalCost.push(s);
      else (block.measures[measure][key] ??= []).push(s);
    }
  };
  const T = model.territories.length;
  const N = model.iterations;
  /** Summarises baseline, program and their paired difference for each territory and the ensemble. */
  const summarizeAll = (measure: Measure | 'totalCost', key: string, valuesFor: (t: number, a: number) => Float64Array) => {
    const ensemble = [new Float64Array(N), new Float64Array(N)];
    for (let t = 0; t < T; t++) {
      const values = [valuesFor(t, 0), valuesFor(t, 1)];
      for (let a = 0; a < armsCount; a++) {
        push(t, a === 0 ? 'baseline' : 'program', measure, key, summarize(values[a]!));
        const e = ensemble[a]!;
        for (let i = 0; i < N; i++) e[i]! += values[a]![i]!;
      }
      push(t, 'difference', measure, key, summarize(difference(values[1]!, values[0]!)));
    }
    push(T, 'baseline', measure, key, summarize(ensemble[0]!));
    push(T, 'program', measure, key, summarize(ensemble[1]!));
    push(T, 'difference', measure, key, summarize(difference(ensemble[1]!, ensemble[0]!)));
  };
  for (const g of measureGetters(model, builder)) summarizeAll(g.measure, g.key, (t, a) => g.get(t * armsCount + a));
  // Actors: minutes, FTE and cost per year, and the total cost.
  for (let y = 1; y <= H; y++) {
    const totals = Array.from({ length: T * armsCount }, (_, pair) => builder.actorTotals(pair, y));
    model.actors.forEach((actor, k) => {
      summarizeAll('minutes', actor.id, (t, a) => totals[t * armsCount + a]!.minutes[k]!);
      summarizeAll('fte', actor.id, (t, a) => totals[t * armsCount + a]!.minutes[k]!.map((m) => m / actor.fteMinutesPerYear));
      summarizeAll('cost', actor.id, (t, a) => totals[t * armsCount + a]!.cost[k]!);
    });
    summarizeAll('totalCost', 'total', (t, a) => {
      const sum = new Float64Array(N);
      for (const c of totals[t * armsCount + a]!.cost) for (let i = 0; i < N; i++) sum[i]! += c[i]!;
      return sum;
    });
  }
  // Overlay: mean people per node and per edge, per year.
  const overlay: Summaries['overlay'] = [];
  for (let t = 0; t < T; t++) {
    for (let a = 0; a < armsCount; a++) {
      const sums = output.overlays[t * armsCount + a]!;
      model.logigrammes.forEach((l, li) => {
        const nodes: Record<string, number[]> = {};
        l.nodes.forEach((node, n) => (nodes[node.id] = Array.from({ length: H }, (_, y) => round(sums[output.layout.nodes[li]! + n * H + y]! / N))));
        const edges = l.edges.map((edge, e) => ({
          from: l.nodes[edge.from]!.id,
          to: l.nodes[edge.to]!.id,
          label: edge.label,
          mean: Array.from({ length: H }, (_, y) => round(sums[output.layout.edges[li]! + e * H + y]! / N)),
        }));
        overlay.push({ territory: model.territories[t]!.id, arm: a === 0 ? 'baseline' : 'program', logigramme: l.id, nodes, edges });
      });
    }
  }
  return { blocks, overlay };
}

function difference(a: Float64Array, b: Float64Array): Float64Array {
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = a[i]! - b[i]!;
  return d;
}
