/**
 * Summaries of the iterations: mean, sd, median, 2.5 % and 97.5 % percentiles and the Monte Carlo
 * standard error of the mean (sd/√N), for every measure, year, territory and arm; the paired
 * difference program − baseline (same θᵢ and streams); rates per 100,000 inhabitants; and the sum
 * over the scenario's territories.
 */
import { t } from '../i18n/catalogue.js';
import { emptyRecord } from '../language/records.js';
import type { Model } from './model.js';
import type { RunOutput } from './runner.js';
import type { Decision } from '../econ/decision-results.js';
import { lineKey, Valuation, type ValuationLine, valuationLines } from '../econ/valuation.js';

export interface Summary {
  mean: number;
  sd: number;
  median: number;
  p025: number;
  p975: number;
  mcse: number;
}

export type Series = Summary[];
export const MEASURES = ['counts', 'flows', 'events', 'inflows', 'persons', 'volumes', 'enrolled', 'minutes', 'fte', 'cost', 'programCost'] as const;
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
  /**
   * Totals over the horizon by valuation line (`acts/assurance-maladie`, `totalCost`, `lifeYears`,
   * `qalys`: src/econ/valuation.ts), undiscounted and discounted (docs/economics.md).
   */
  economics: Record<string, { undiscounted: Summary; discounted: Summary }>;
}

/** Significant digits kept in outputs: far below Monte Carlo error, and files stay readable. */
const DIGITS = 7;
export function round(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(DIGITS));
}

/**
 * Rearranges `a[left..right]` so that a[k] is the k-th smallest value (0-based), everything before
 * it ≤ and everything after it ≥: the selection algorithm of Floyd R.W. & Rivest R.L.,
 * "Algorithm 489: SELECT", Communications of the ACM 18(3) (1975) 173, which samples to pick
 * pivots close to the k-th value (about n + min(k, n − k) comparisons).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

const BUCKETS = 2048;
const bucketCounts = new Int32Array(BUCKETS);
const bucketSlot = new Int32Array(BUCKETS);
const bucketsByLength = new Map<number, Uint16Array>();

/**
 * Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the default of
 * R and NumPy): h = (n − 1)p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 * The order statistics are exact: one pass puts each value in a bucket of [min, max] (the bucket is
 * monotone in the value, so buckets are ordered), a second gathers the values of the few buckets
 * that hold the wanted ranks, and a selection inside each gives the exact values.
 */
function quantiles(values: Float64Array, min: number, max: number, scratch: Float64Array, ps: readonly number[], integers: boolean): number[] {
  const n = values.length;
  if (integers && max - min < BUCKETS) return integerQuantiles(values, min, max, ps);
  const scale = BUCKETS / (max - min);
  // A span of subnormal width (values such as 1e-320, found by the fuzz suite) makes the scale
  // infinite and (min − min)·∞ NaN: no bucket would hold the minimum. Sort a copy instead.
  if (!Number.isFinite(scale)) return sortedQuantiles(values, ps);
  let bucketOf = bucketsByLength.get(n);
  if (!bucketOf) bucketsByLength.set(n, (bucketOf = new Uint16Array(n)));
  bucketCounts.fill(0);
  for (let i = 0; i < n; i++) {
    let b = Math.floor((values[i]! - min) * scale);
    if (b >= BUCKETS) b = BUCKETS - 1;
    bucketOf[i] = b;
    bucketCounts[b]! += 1;
  }
  // The ranks needed, and for each its bucket and rank inside the bucket.
  const ranks: number[] = [];
  for (const p of ps) {
    const h = (n - 1) * p;
    ranks.push(Math.floor(h), Math.min(n - 1, Math.floor(h) + 1));
  }
  const where = ranks.map((rank) => {
    let b = 0;
    let before = 0;
    while (before + bucketCounts[b]! <= rank) before += bucketCounts[b++]!;
    return { bucket: b, offset: rank - before };
  });
  // Gather the wanted buckets into consecutive regions of `scratch`.
  bucketSlot.fill(-1);
  const regions: { start: number; length: number }[] = [];
  let next = 0;
  for (const w of where) {
    if (bucketSlot[w.bucket]! >= 0) continue;
    bucketSlot[w.bucket] = regions.length;
    regions.push({ start: next, length: 0 });
    next += bucketCounts[w.bucket]!;
  }
  for (let i = 0; i < n; i++) {
    const slot = bucketSlot[bucketOf[i]!]!;
    if (slot >= 0) {
      const region = regions[slot]!;
      scratch[region.start + region.length++] = values[i]!;
    }
  }
  const statistic = where.map((w) => {
    const region = regions[bucketSlot[w.bucket]!]!;
    const k = region.start + w.offset;
    select(scratch, k, region.start, region.start + region.length - 1);
    return scratch[k]!;
  });
  return ps.map((p, i) => {
    const h = (n - 1) * p;
    const low = statistic[2 * i]!;
    return low + (h - Math.floor(h)) * (statistic[2 * i + 1]! - low);
  });
}

/** The same quantiles from a sorted copy: for spans too narrow to bucket. */
function sortedQuantiles(values: Float64Array, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const h = (sorted.length - 1) * p;
    const low = sorted[Math.floor(h)]!;
    return low + (h - Math.floor(h)) * (sorted[Math.min(sorted.length - 1, Math.floor(h) + 1)]! - low);
  });
}

/**
 * The same quantiles for whole numbers spanning fewer than BUCKETS values (most counts in the
 * stochastic mode): a histogram with one bucket per value gives the order statistics directly.
 */
function integerQuantiles(values: Float64Array, min: number, max: number, ps: readonly number[]): number[] {
  const n = values.length;
  const span = max - min + 1;
  bucketCounts.fill(0, 0, span);
  for (let i = 0; i < n; i++) bucketCounts[values[i]! - min]! += 1;
  const orderStatistic = (rank: number): number => {
    let b = 0;
    let before = 0;
    while (before + bucketCounts[b]! <= rank) before += bucketCounts[b++]!;
    return min + b;
  };
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const low = orderStatistic(lo);
    return h === lo ? low : low + (h - lo) * (orderStatistic(lo + 1) - low);
  });
}

const scratchByLength = new Map<number, Float64Array>();

export function summarize(values: Float64Array): Summary {
  const n = values.length;
  // One pass for min, max, mean and variance; sums of the values shifted by the first one keep the
  // variance exact enough when the sd is small against the mean (the "shifted data" algorithm).
  const shift = values[0]!;
  let sum = 0;
  let sumSquares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const d = v - shift;
    sum += d;
    sumSquares += d * d;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && v !== Math.floor(v)) integers = false;
  }
  const m = shift + sum / n;
  // NaN fails every comparison, so min and max would not see it; the sum does.
  if (Number.isNaN(m)) throw new Error(t('sim.internal.nan'));
  if (min === max) return { mean: round(min), sd: 0, median: round(min), p025: round(min), p975: round(min), mcse: 0 };
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1))) : 0;
  let scratch = scratchByLength.get(n);
  if (!scratch) scratchByLength.set(n, (scratch = new Float64Array(n)));
  const [p025, median, p975] = quantiles(values, min, max, scratch, [0.025, 0.5, 0.975], integers);
  return { mean: round(m), sd: round(sd), median: round(median!), p025: round(p025!), p975: round(p975!), mcse: round(sd / Math.sqrt(n)) };
}

function scaleSummary(s: Summary, factor: number): Summary {
  return { mean: round(s.mean * factor), sd: round(s.sd * factor), median: round(s.median * factor), p025: round(s.p025 * factor), p975: round(s.p975 * factor), mcse: round(s.mcse * factor) };
}

/**
 * Per-iteration values of every measure for one record — a territory's baseline, or its paired
 * difference (see chunk.ts) — as functions of the record and θ: counts, flows, inflows and persons
 * are recorded; events, volumes, minutes, FTE and cost are derived here (volumes = persons ×
 * θ[times] × periods of `per` in a year). Every derived measure is linear in the recorded ones
 * with θ shared by both arms, so applied to the difference record it gives the difference.
 */
class SeriesBuilder {
  constructor(
    readonly model: Model,
    readonly output: RunOutput,
  ) {}

  /** A view on the recorded values (no copy): callers must not write into it. */
  recorded(pair: number, offset: number): Float32Array | Float64Array {
    const N = this.model.iterations;
    return this.output.records[pair]!.subarray(offset * N, (offset + 1) * N);
  }

  volumes(pair: number, action: number, year: number): Float64Array {
    const { model, output } = this;
    const N = model.iterations;
    const P = model.parameters.specs.length;
    const a = model.actions[action]!;
    const persons = this.recorded(pair, output.layout.persons + (year - 1) * model.actions.length + action);
    const volumes = new Float64Array(N);
    for (let i = 0; i < N; i++) volumes[i] = persons[i]! * output.thetas[i * P + a.times]! * a.perYear;
    return volumes;
  }

  /** Minutes and cost of each actor in a year, for every iteration. */
  actorTotals(pair: number, year: number): { minutes: Float64Array[]; cost: Float64Array[] } {
    const { model, output } = this;
    const N = model.iterations;
    const P = model.parameters.specs.length;
    const specs = model.parameters.specs;
    const thetas = output.thetas;
    // Arrays only for the actors that do something (the others stay empty and are never read).
    const used = new Set(model.actions.map((a) => a.actor));
    const minutes = model.actors.map((_, k) => new Float64Array(used.has(k) ? N : 0));
    const cost = model.actors.map((_, k) => new Float64Array(used.has(k) ? N : 0));
    for (let a = 0; a < model.actions.length; a++) {
      const action = model.actions[a]!;
      const persons = this.recorded(pair, output.layout.persons + (year - 1) * model.actions.length + a);
      const m = minutes[action.actor]!;
      const c = cost[action.actor]!;
      const times = specs[action.times]!;
      const perMinutes = specs[action.minutes]!;
      const perCost = specs[action.cost]!;
      if (times.kind === 'fixed' && perMinutes.kind === 'fixed' && perCost.kind === 'fixed') {
        // Fixed figures: minutes and cost are constant multiples of the people reached.
        const toMinutes = times.central * action.perYear * perMinutes.central;
        const toCost = times.central * action.perYear * perCost.central;
        for (let i = 0; i < N; i++) {
          m[i]! += persons[i]! * toMinutes;
          c[i]! += persons[i]! * toCost;
        }
        continue;
      }
      for (let i = 0; i < N; i++) {
        const volume = persons[i]! * thetas[i * P + action.times]! * action.perYear;
        m[i]! += volume * thetas[i * P + action.minutes]!;
        c[i]! += volume * thetas[i * P + action.cost]!;
      }
    }
    return { minutes, cost };
  }
}

type Values = Float64Array | Float32Array;
type Getter = (pair: number) => Values;

/** A measure derived exactly from the one before it by a positive constant (quantiles scale too). */
interface Scaled {
  measure: Measure;
  key: string;
  factor: number;
}

/** Every (measure, key, year) as a getter of per-iteration values for one (territory, arm). */
function measureGetters(model: Model, builder: SeriesBuilder): { measure: Measure | 'totalCost'; key: string; year: number; get: Getter; also?: Scaled }[] {
  const H = model.horizon;
  const layout = builder.output.layout;
  const list: { measure: Measure | 'totalCost'; key: string; year: number; get: Getter; also?: Scaled }[] = [];
  model.states.forEach((state, j) => {
    for (let y = 0; y <= H; y++) list.push({ measure: 'counts', key: state.id, year: y, get: (pair) => builder.recorded(pair, layout.counts + y * model.states.length + j) });
  });
  // Flows: the transitions, then the detection moves (docs/simulation.md, "Detection moves people").
  [...model.transitions, ...model.moves].forEach((t, k) => {
    for (let y = 1; y <= H; y++) list.push({ measure: 'flows', key: t.key, year: y, get: (pair) => builder.recorded(pair, layout.flows + (y - 1) * layout.flowWidth + k) });
  });
  for (const event of model.events) {
    const columns = [...event.transitions, ...event.moves.map((m) => model.transitions.length + m)];
    for (let y = 1; y <= H; y++) {
      list.push({
        measure: 'events',
        key: event.name,
        year: y,
        get: (pair) => {
          const total = new Float64Array(model.iterations);
          for (const k of columns) {
            const v = builder.recorded(pair, layout.flows + (y - 1) * layout.flowWidth + k);
            for (let i = 0; i < total.length; i++) total[i]! += v[i]!;
          }
          return total;
        },
      });
    }
  }
  for (let s = 0; s < model.strataCount; s++) {
    if (!model.enrolledStrata[s]) continue;
    for (let y = 1; y <= H; y++) list.push({ measure: 'enrolled', key: model.states[s]!.id, year: y, get: (pair) => builder.recorded(pair, layout.enrolled + (y - 1) * model.strataCount + s) });
  }
  model.programCosts.forEach((cost, k) => {
    for (let y = 1; y <= H; y++) list.push({ measure: 'programCost', key: cost.id, year: y, get: (pair) => builder.recorded(pair, layout.programCost + (y - 1) * model.programCosts.length + k) });
  });
  model.inflows.forEach((inflow, f) => {
    for (let y = 1; y <= H; y++) list.push({ measure: 'inflows', key: `${f + 1}:${model.states[inflow.to]!.id}`, year: y, get: (pair) => builder.recorded(pair, layout.inflows + (y - 1) * model.inflows.length + f) });
  });
  const copies = chainedActions(model);
  model.actions.forEach((action, a) => {
    const times = model.parameters.specs[action.times]!;
    if (copies.has(a)) return; // summarised from the action before it: see chainedActions
    for (let y = 1; y <= H; y++) {
      const persons = { measure: 'persons' as const, key: action.id, year: y, get: (pair: number) => builder.recorded(pair, layout.persons + (y - 1) * model.actions.length + a) };
      // A fixed frequency makes volumes a constant multiple of persons: no second pass over the data.
      if (times.kind === 'fixed' && times.central > 0) list.push({ ...persons, also: { measure: 'volumes', key: action.id, factor: times.central * action.perYear } });
      else {
        list.push(persons);
        list.push({ measure: 'volumes', key: action.id, year: y, get: (pair) => builder.volumes(pair, a, y) });
      }
    }
  });
  return list;
}

/**
 * Per-iteration values of one summary of results.json — `measure`, `key` and `year` as the
 * summaries name them — for one record of the run (`pair` = territory × 2 + 0 for the baseline,
 * + 1 for the difference program − baseline), computed as the summaries compute them (their
 * mean is the summary's mean). Undefined when the model has no such measure, key or year. Used
 * by pathway tests to count the iterations that meet a bound (src/pathway-tests/outcomes.ts).
 */
export function iterationValues(model: Model, output: RunOutput, pair: number, measure: Measure | 'totalCost', key: string, year: number): Float64Array | undefined {
  const builder = new SeriesBuilder(model, output);
  const first = measure === 'counts' ? 0 : 1;
  if (!Number.isInteger(year) || year < first || year > model.horizon) return undefined;
  if (measure === 'minutes' || measure === 'fte' || measure === 'cost' || measure === 'totalCost') return actorValues(model, builder, pair, measure, key, year);
  if (measure === 'persons' || measure === 'volumes') {
    const a = model.actions.findIndex((action) => action.id === key);
    if (a < 0) return undefined;
    if (measure === 'volumes') return builder.volumes(pair, a, year);
    return Float64Array.from(builder.recorded(pair, output.layout.persons + (year - 1) * model.actions.length + a));
  }
  const getter = measureGetters(model, builder).find((g) => g.measure === measure && g.key === key && g.year === year);
  return getter ? Float64Array.from(getter.get(pair)) : undefined;
}

/** Minutes, FTE or cost of one actor, or the total cost (every actor's acts and the program costs), per iteration. */
function actorValues(model: Model, builder: SeriesBuilder, pair: number, measure: 'minutes' | 'fte' | 'cost' | 'totalCost', key: string, year: number): Float64Array | undefined {
  const N = model.iterations;
  const totals = builder.actorTotals(pair, year);
  if (measure === 'totalCost') {
    const total = new Float64Array(N);
    for (const c of totals.cost) if (c.length === N) addInto(total, c);
    for (let k = 0; k < model.programCosts.length; k++) addRecordedInto(total, builder.recorded(pair, builder.output.layout.programCost + (year - 1) * model.programCosts.length + k));
    return total;
  }
  const k = model.actors.findIndex((actor) => actor.id === key);
  if (k < 0) return undefined;
  const values = (measure === 'cost' ? totals.cost[k]! : totals.minutes[k]!).length === N ? Float64Array.from(measure === 'cost' ? totals.cost[k]! : totals.minutes[k]!) : new Float64Array(N);
  if (measure === 'fte') for (let i = 0; i < N; i++) values[i] = values[i]! / model.actors[k]!.fteMinutesPerYear;
  return values;
}

/**
 * Actions that everybody reaching the action before them reaches too (their only predecessor is
 * an action whose `next` they are) have the same people reached, iteration by iteration; with a
 * fixed frequency their volumes are a constant multiple. Their summaries are copied from that
 * action's instead of computed again. Maps action index → index of the first action of the chain.
 */
export function chainedActions(model: Model): Map<number, number> {
  const copies = new Map<number, number>();
  for (const l of model.logigrammes) {
    const predecessors = l.nodes.map(() => [] as number[]);
    l.nodes.forEach((node, i) => {
      if (node.next >= 0) predecessors[node.next]!.push(i);
      for (const b of node.branches) predecessors[b.next]!.push(i);
    });
    // Nodes are in topological order, so a chain's first action is resolved before the rest.
    l.nodes.forEach((node, i) => {
      if (node.action < 0 || predecessors[i]!.length !== 1) return;
      const before = l.nodes[predecessors[i]![0]!]!;
      const times = model.parameters.specs[model.actions[node.action]!.times]!;
      if (before.action < 0 || before.next !== i || times.kind !== 'fixed' || times.central <= 0) return;
      copies.set(node.action, copies.get(before.action) ?? before.action);
    });
  }
  return copies;
}

export interface Summaries {
  blocks: SummaryBlock[];
  decision: Decision;
  overlay: { territory: string; arm: 'baseline' | 'program'; logigramme: string; nodes: Record<string, number[]>; edges: { from: string; to: string; label: string; mean: number[] }[] }[];
}

/** One summary, with where it goes: territory index (T = ensemble), arm, measure, key. */
export interface SummaryEntry {
  t: number;
  arm: ArmName;
  /** `economics`: the key is `<line key>|undiscounted` or `<line key>|discounted`. */
  measure: Measure | 'totalCost' | 'economics';
  key: string;
  summary: Summary;
}

/**
 * The summary work, cut into tasks: one per (measure, key, year), then one per year for the
 * actors. Tasks are independent, so worker threads can share them; their results are assembled
 * in task order, which keeps the output identical whatever the number of workers.
 */
export function summaryTaskCount(model: Model, output: RunOutput): number {
  return measureGetters(model, new SeriesBuilder(model, output)).length + model.horizon + 2 * valuationLines(model).length;
}

export function computeSummaryTasks(model: Model, output: RunOutput, from: number, to: number, only?: SummarySelection): SummaryEntry[] {
  return new SummaryRunner(model, output, only).range(from, to);
}

/**
 * Runs ranges of the summary tasks of one (model, output) with one set of getters, built once
 * rather than once per range: for a run summarised on one thread, range after range.
 */
export class SummaryRunner {
  private readonly tasks: SummaryTasks;

  constructor(model: Model, output: RunOutput, only?: SummarySelection) {
    this.tasks = new SummaryTasks(model, output, only && selectionWithChains(model, only));
  }

  /** The entries of tasks [from, to), in task order. */
  range(from: number, to: number): SummaryEntry[] {
    const start = this.tasks.entries.length;
    for (let task = from; task < to; task++) this.tasks.run(task);
    return this.tasks.entries.splice(start);
  }
}

/**
 * The summaries a caller reads, as `<measure> <key>` (`events nouveaux-diabetes`, `fte infirmier`,
 * `volumes dt2-s2-suivi/etp`, `totalCost total`, `economics <line key>`): the others are not
 * computed and are missing from the blocks. Those computed are the same values as in a full run.
 * Pathway tests read a few values of a run and ask only for them (src/pathway-tests/outcomes.ts).
 */
export type SummarySelection = ReadonlySet<string>;

/** The key of a summary in a SummarySelection. */
export const selectionKey = (measure: Measure | 'totalCost' | 'economics', key: string): string => `${measure} ${key}`;

/** The selection with what its chained actions are copied from (see chainedActions): the persons of the first action of the chain. */
function selectionWithChains(model: Model, only: SummarySelection): Set<string> {
  const out = new Set(only);
  for (const [copy, original] of chainedActions(model)) {
    const id = model.actions[copy]!.id;
    if (only.has(selectionKey('persons', id)) || only.has(selectionKey('volumes', id))) out.add(selectionKey('persons', model.actions[original]!.id));
  }
  return out;
}

/** The keys of a measure's series in the summaries of a full run of the model (for hints). */
export function seriesKeys(model: Model, output: RunOutput, measure: Measure): string[] {
  if (measure === 'minutes' || measure === 'fte' || measure === 'cost') return model.actors.map((a) => a.id);
  if (measure === 'persons' || measure === 'volumes') return model.actions.map((a) => a.id);
  return [...new Set(measureGetters(model, new SeriesBuilder(model, output)).flatMap((g) => [g, ...(g.also ? [g.also] : [])]).filter((g) => g.measure === measure).map((g) => g.key))];
}

/**
 * The summary tasks of one (model, output), in order: one per year for the actors (the heavy
 * tasks first, so that workers finish together), one per measure getter, then one per valuation
 * line and discounting (src/econ/valuation.ts). A class rather than closures: its methods are
 * compiled once, not once per call (docs/performance.md).
 */
class SummaryTasks {
  readonly entries: SummaryEntry[] = [];
  private readonly builder: SeriesBuilder;
  private readonly getters: ReturnType<typeof measureGetters>;
  private readonly lines: ValuationLine[];
  private readonly valuation: Valuation;
  private readonly T: number;
  private readonly N: number;
  /**
   * Values are copied into Float64 buffers so that `summarize` only ever sees one array type
   * (a loop that meets both Float32Array and Float64Array runs several times slower).
   */
  private readonly armValues: [Float64Array, Float64Array];
  private readonly programValues: Float64Array;

  constructor(
    private readonly model: Model,
    private readonly output: RunOutput,
    /** Only these summaries (with what chained actions copy), or all of them. */
    private readonly only?: SummarySelection,
  ) {
    this.builder = new SeriesBuilder(model, output);
    this.getters = measureGetters(model, this.builder);
    this.lines = valuationLines(model);
    this.valuation = new Valuation(model, output);
    this.T = model.territories.length;
    this.N = model.iterations;
    this.armValues = [new Float64Array(this.N), new Float64Array(this.N)];
    this.programValues = new Float64Array(this.N);
  }

  run(task: number): void {
    const H = this.model.horizon;
    if (task < H) this.actorsOfYear(task + 1);
    else if (task < H + this.getters.length) {
      const g = this.getters[task - H]!;
      if (!this.wants(g.measure, g.key) && !(g.also && this.wants(g.also.measure, g.also.key))) return;
      const arms = this.model.arms.length;
      this.summarizeAll(g.measure, g.key, (t, a) => g.get(t * arms + a), g.also);
    } else this.valuationLine(task - H - this.getters.length);
  }

  private wants(measure: Measure | 'totalCost' | 'economics', key: string): boolean {
    return !this.only || this.only.has(selectionKey(measure, key));
  }

  private wantsActor(key: string): boolean {
    return this.wants('minutes', key) || this.wants('fte', key) || this.wants('cost', key);
  }

  private asFloat64(values: Values, a: 0 | 1): Float64Array {
    if (values instanceof Float64Array) return values;
    this.armValues[a].set(values);
    return this.armValues[a];
  }

  /**
   * Summarises baseline, program and their paired difference for each territory of the model (the
   * ensemble is a model of its own: src/sim/ensemble.ts). `valuesFor(t, 0)` is territory t's
   * baseline, `valuesFor(t, 1)` its difference (program − baseline, each iteration's in double
   * precision); the program is their sum.
   */
  private summarizeAll(measure: Measure | 'totalCost' | 'economics', key: string, valuesFor: (t: number, record: number) => Values, also?: Scaled): void {
    const { T, programValues } = this;
    for (let t = 0; t < T; t++) {
      const base = this.asFloat64(valuesFor(t, 0), 0);
      const diff = this.asFloat64(valuesFor(t, 1), 1);
      this.push(t, 'baseline', measure, key, summarize(base), also);
      this.push(t, 'program', measure, key, summarize(sum(base, diff, programValues)), also);
      this.push(t, 'difference', measure, key, summarize(diff), also);
    }
  }

  private push(t: number, arm: ArmName, measure: Measure | 'totalCost' | 'economics', key: string, summary: Summary, also?: Scaled): void {
    this.entries.push({ t, arm, measure, key, summary });
    if (also) this.entries.push({ t, arm, measure: also.measure, key: also.key, summary: scaleSummary(summary, also.factor) });
  }

  /** Actors: minutes (and FTE, an exact rescaling), cost, and the total cost of one year. */
  private actorsOfYear(y: number): void {
    const { model, output, builder, T, N } = this;
    if (!this.wants('totalCost', 'total') && !model.actors.some((actor) => this.wantsActor(actor.id))) return;
    const arms = model.arms.length;
    const totals = Array.from({ length: T * arms }, (_, pair) => builder.actorTotals(pair, y));
    const actorsWithActions = new Set(model.actions.map((a) => a.actor));
    const zero: Summary = { mean: 0, sd: 0, median: 0, p025: 0, p975: 0, mcse: 0 };
    model.actors.forEach((actor, k) => {
      if (!this.wantsActor(actor.id)) return;
      if (!actorsWithActions.has(k)) {
        // No action of the model is done by this actor: zero, without a pass over the iterations.
        for (let t = 0; t < T; t++) {
          for (const arm of ['baseline', 'program', 'difference'] as const) {
            for (const measure of ['minutes', 'fte', 'cost'] as const) this.entries.push({ t, arm, measure, key: actor.id, summary: zero });
          }
        }
        return;
      }
      this.summarizeAll('minutes', actor.id, (t, a) => totals[t * arms + a]!.minutes[k]!, { measure: 'fte', key: actor.id, factor: 1 / actor.fteMinutesPerYear });
      this.summarizeAll('cost', actor.id, (t, a) => totals[t * arms + a]!.cost[k]!);
    });
    // The total: every actor's acts, then the program costs (docs/simulation.md, "Program costs").
    if (!this.wants('totalCost', 'total')) return;
    this.summarizeAll('totalCost', 'total', (t, a) => {
      const total = new Float64Array(N);
      for (const c of totals[t * arms + a]!.cost) if (c.length === N) addInto(total, c);
      for (let k = 0; k < model.programCosts.length; k++) addRecordedInto(total, builder.recorded(t * arms + a, output.layout.programCost + (y - 1) * model.programCosts.length + k));
      return total;
    });
  }

  /** The k-th economic task: line ⌊k/2⌋, undiscounted (k even) or discounted (k odd). */
  private valuationLine(k: number): void {
    const line = this.lines[k >> 1]!;
    if (!this.wants('economics', lineKey(line))) return;
    const discounted = (k & 1) === 1;
    this.summarizeAll('economics', `${lineKey(line)}|${discounted ? 'discounted' : 'undiscounted'}`, (t, record) => {
      const base = this.valuation.total(line, t, 0, discounted);
      return record === 0 ? base : differenceInto(Float64Array.from(this.valuation.total(line, t, 1, discounted)), base);
    });
  }
}

/** One (territory, arm, logigramme): mean people per node and per edge, per year. */
export type OverlayEntry = Summaries['overlay'][number];

/**
 * The summary blocks of the model's territories from their entries (in task order, `t` the index
 * of the territory in the model): per territory, arm and scale, with the per-100,000 scale and the
 * actions chained after another copied (see chainedActions).
 */
export function territoryBlocks(model: Model, entries: readonly SummaryEntry[]): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  // Keyed by user ids (stratum `constructor`, actor `valueOf`…): no prototype, so `??=` below finds nothing inherited.
  const emptyMeasures = (): Record<Measure, Record<string, Series>> => Object.fromEntries(MEASURES.map((m) => [m, emptyRecord<Series>()])) as Record<Measure, Record<string, Series>>;
  const index = new Map<string, SummaryBlock>();
  model.territories.forEach((territory, t) => {
    for (const arm of ['baseline', 'program', 'difference'] as const) {
      for (const scale of ['count', 'per100k'] as const) {
        const block: SummaryBlock = { territory: territory.id, scale, arm, measures: emptyMeasures(), totalCost: [], economics: emptyRecord() };
        blocks.push(block);
        index.set(`${t}|${arm}|${scale}`, block);
      }
    }
  });
  for (const { t, arm, measure, key, summary } of entries) {
    const factor = 100_000 / model.territories[t]!.population;
    for (const scale of ['count', 'per100k'] as const) {
      const block = index.get(`${t}|${arm}|${scale}`)!;
      const s = scale === 'count' ? summary : scaleSummary(summary, factor);
      if (measure === 'totalCost') block.totalCost.push(s);
      else if (measure === 'economics') {
        const [line, discounting] = key.split('|') as [string, 'undiscounted' | 'discounted'];
        (block.economics[line] ??= {} as SummaryBlock['economics'][string])[discounting] = s;
      } else (block.measures[measure][key] ??= []).push(s);
    }
  }
  copyChainedActions(model, blocks);
  return blocks;
}

/** Actions chained after another: the same people reached, volumes at their own frequency. */
function copyChainedActions(model: Model, blocks: SummaryBlock[]): void {
  for (const [copy, original] of chainedActions(model)) {
    const action = model.actions[copy]!;
    const factor = model.parameters.specs[action.times]!.central * action.perYear;
    for (const block of blocks) {
      const persons = block.measures.persons[model.actions[original]!.id];
      if (!persons) continue; // a run that summarised only some series (SummarySelection)
      block.measures.persons[action.id] = persons;
      block.measures.volumes[action.id] = persons.map((s) => scaleSummary(s, factor));
    }
  }
}

/**
 * Mean people per node and per edge, per year, of each territory of the model and arm: the node
 * and edge totals of the run (`overlays[territory × 2 + arm]`, summed over iterations) over N.
 */
export function overlayEntries(model: Model, layout: RunOutput['layout'], overlays: readonly Float64Array[]): OverlayEntry[] {
  const H = model.horizon;
  const N = model.iterations;
  const overlay: OverlayEntry[] = [];
  model.territories.forEach((territory, t) => {
    for (let a = 0; a < model.arms.length; a++) {
      const sums = overlays[t * model.arms.length + a]!;
      model.logigrammes.forEach((l, li) => {
        const nodes: Record<string, number[]> = {};
        l.nodes.forEach((node, n) => (nodes[node.id] = Array.from({ length: H }, (_, y) => round(sums[layout.nodes[li]! + n * H + y]! / N))));
        const edges = l.edges.map((edge, e) => ({
          from: l.nodes[edge.from]!.id,
          to: l.nodes[edge.to]!.id,
          label: edge.label,
          mean: Array.from({ length: H }, (_, y) => round(sums[layout.edges[li]! + e * H + y]! / N)),
        }));
        overlay.push({ territory: territory.id, arm: a === 0 ? 'baseline' : 'program', logigramme: l.id, nodes, edges });
      });
    }
  });
  return overlay;
}

/** program − baseline, written into `program`. */
function differenceInto(program: Float64Array, baseline: Float64Array): Float64Array {
  for (let i = 0; i < program.length; i++) program[i]! -= baseline[i]!;
  return program;
}

function sum(a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
  return out;
}

function addInto(total: Float64Array, values: Float64Array): void {
  for (let i = 0; i < total.length; i++) total[i]! += values[i]!;
}

/** `addInto` for recorded (single-precision) values: a separate loop keeps `addInto` monomorphic. */
function addRecordedInto(total: Float64Array, values: Float32Array | Float64Array): void {
  for (let i = 0; i < total.length; i++) total[i]! += values[i]!;
}
