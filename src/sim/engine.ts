/**
 * The stochastic cohort engine (DESIGN §5, docs/simulation.md). For one iteration θᵢ, one
 * territory and one arm, runs the horizon cycle by cycle: enrolment, flow through the stratum's
 * logigramme, transitions grouped by the effects people met, inflows. Counts, not individuals:
 * the cost of a cycle does not depend on the size of the population.
 */
import { t } from '../i18n/catalogue.js';
import { MAX_EFFECT_COMBINATIONS } from '../graph/effects.js';
import { binomial, MAX_PEOPLE, multinomial, poisson } from './distributions/index.js';
import type { CompiledLogigramme, CompiledTerritory, Model } from './model.js';
import { ParameterError } from './parameters.js';
import { AleaStream, PURPOSE_CODES, type StreamKey } from './random.js';

/** Where each measure sits in the per-iteration record of one (territory, arm). */
export interface Layout {
  counts: number; // (horizon + 1) × states, end of each year (year 0 = start)
  flows: number; // horizon × transitions
  inflows: number; // horizon × inflows
  persons: number; // horizon × actions: people reaching each action node (person-years)
  size: number;
  /** Per logigramme: offsets of its node and edge totals in the overlay record (× horizon). */
  nodes: number[];
  edges: number[];
  overlaySize: number;
}

export function layoutOf(model: Model): Layout {
  const H = model.horizon;
  const counts = 0;
  const flows = counts + (H + 1) * model.states.length;
  const inflows = flows + H * model.transitions.length;
  const persons = inflows + H * model.inflows.length;
  const size = persons + H * model.actions.length;
  const nodes: number[] = [];
  const edges: number[] = [];
  let overlay = 0;
  for (const l of model.logigrammes) {
    nodes.push(overlay);
    overlay += l.nodes.length * H;
    edges.push(overlay);
    overlay += l.edges.length * H;
  }
  return { counts, flows, inflows, persons, size, nodes, edges, overlaySize: overlay };
}

/** Scratch buffers for the flow through one logigramme (reused across cycles). */
class FlowScratch {
  /** Per node: the groups of people arriving, by the set of effects they met (mask) and amount. */
  readonly masks: Int32Array[];
  readonly amounts: Float64Array[];
  readonly lengths: Int32Array;
  /** The groups leaving the logigramme. */
  readonly endMasks = new Int32Array(MAX_EFFECT_COMBINATIONS);
  readonly endAmounts = new Float64Array(MAX_EFFECT_COMBINATIONS);
  endLength = 0;
  /** After `enrolAndFlow`: the leaving groups kept (those with an effect) and their people. */
  keptLength = 0;
  keptPeople = 0;
  readonly shares: Float64Array;
  readonly split: Float64Array;
  constructor(readonly logigramme: CompiledLogigramme) {
    const n = logigramme.nodes.length;
    this.masks = Array.from({ length: n }, () => new Int32Array(MAX_EFFECT_COMBINATIONS));
    this.amounts = Array.from({ length: n }, () => new Float64Array(MAX_EFFECT_COMBINATIONS));
    this.lengths = new Int32Array(n);
    const maxBranches = Math.max(1, ...logigramme.nodes.map((node) => node.branches.length));
    this.shares = new Float64Array(maxBranches);
    this.split = new Float64Array(maxBranches);
  }
}

/** Buffers reused across (territory, arm, iteration) runs, to keep the garbage collector idle. */
export class EngineScratch {
  readonly baseP: Float64Array;
  counts: Float64Array;
  next: Float64Array;
  readonly moved: Float64Array;
  readonly flows: FlowScratch[];
  /** The enrolment, flow, transition and inflow streams, seeded from their key when used. */
  readonly enrolment = new AleaStream();
  readonly flow = new AleaStream();
  readonly transitions = new AleaStream();
  readonly inflows = new AleaStream();
  /** Per stratum: rows already modified by a set of effects (mask), valid for one run. */
  readonly rowMasks: Int32Array[];
  readonly rowValues: Float64Array[][];
  readonly rowLengths: Int32Array;
  constructor(model: Model) {
    this.rowMasks = model.rows.map(() => new Int32Array(MAX_EFFECT_COMBINATIONS + 1));
    this.rowValues = model.rows.map((row) => Array.from({ length: MAX_EFFECT_COMBINATIONS + 1 }, () => new Float64Array(row.length + 1)));
    this.rowLengths = new Int32Array(model.rows.length);
    this.baseP = new Float64Array(model.transitions.length);
    this.counts = new Float64Array(model.states.length);
    this.next = new Float64Array(model.states.length);
    const widest = Math.max(1, ...model.rows.map((r) => r.length));
    this.moved = new Float64Array(widest);
    this.flows = model.logigrammes.map((l) => new FlowScratch(l));
  }
}

function addGroup(masks: Int32Array, amounts: Float64Array, length: number, mask: number, amount: number, where: string): number {
  for (let g = 0; g < length; g++) {
    if (masks[g] === mask) {
      amounts[g]! += amount;
      return length;
    }
  }
  // Lint (effect-combinations) reports a logigramme that could get here, with the same limit.
  if (length >= MAX_EFFECT_COMBINATIONS) throw new Error(t('sim.internal.effect-combinations', { max: MAX_EFFECT_COMBINATIONS, where }));
  masks[length] = mask;
  amounts[length] = amount;
  return length + 1;
}

export interface IterationContext {
  model: Model;
  layout: Layout;
  theta: Float64Array;
  /** Coverage of each (arm, year, stratum) in this iteration: see `coveragesOf` in chunk.ts. */
  coverages: Float64Array;
  iteration: number;
  stochastic: boolean;
}

/** The state of one (territory, arm) run that its steps share. */
interface Run {
  context: IterationContext;
  territory: CompiledTerritory;
  armIndex: number;
  key: StreamKey;
  record: Float64Array;
  overlay: Float64Array;
  buffers: EngineScratch;
  /** 1 / cycles per year: the weight of one cycle in a year's person counts. */
  cycleWeight: number;
}

/**
 * Runs one (territory, arm) for one iteration, writing its record into `record` (length
 * layout.size, zeroed by the caller) and adding node and edge totals into `overlay`. `key` is the
 * (seed, territory, iteration) prefix of the count-noise streams: both arms get the same one.
 */
export function simulateTerritoryArm(context: IterationContext, territoryIndex: number, armIndex: number, key: StreamKey, record: Float64Array, overlay: Float64Array, buffers: EngineScratch): void {
  const { model, layout, theta } = context;
  const territory = model.territories[territoryIndex]!;
  const run: Run = { context, territory, armIndex, key, record, overlay, buffers, cycleWeight: 1 / model.cyclesPerYear };
  cycleProbabilities(model, territory, theta, buffers.baseP);
  const stateCount = model.states.length;
  for (let j = 0; j < stateCount; j++) {
    buffers.counts[j] = territory.counts[j]!;
    record[layout.counts + j] = territory.counts[j]!;
  }
  buffers.rowLengths.fill(0);
  for (let year = 1; year <= model.horizon; year++) {
    for (let cycle = 0; cycle < model.cyclesPerYear; cycle++) stepCycle(run, year, (year - 1) * model.cyclesPerYear + cycle);
    const countBase = layout.counts + year * stateCount;
    for (let j = 0; j < stateCount; j++) record[countBase + j] = buffers.counts[j]!;
  }
}

/**
 * Per-cycle probabilities of each transition: the pyramid's annual p, times the territory's
 * multiplier m (1 − (1 − p)^m), converted to a cycle of 1/c year (1 − (1 − p)^(1/c)).
 */
function cycleProbabilities(model: Model, territory: CompiledTerritory, theta: Float64Array, out: Float64Array): void {
  const cycles = model.cyclesPerYear;
  for (let t = 0; t < model.transitions.length; t++) {
    let p = theta[model.transitions[t]!.p]!;
    const m = territory.multipliers[t]!;
    if (m >= 0) p = 1 - Math.pow(1 - p, theta[m]!);
    out[t] = cycles === 1 ? p : 1 - Math.pow(1 - p, 1 / cycles);
  }
}

/** One cycle: every stratum from the counts at its start (a synchronous update), then inflows. */
function stepCycle(run: Run, year: number, cycleIndex: number): void {
  const { model } = run.context;
  const buffers = run.buffers;
  const counts = buffers.counts;
  const next = buffers.next;
  next.fill(0);
  for (let j = model.strataCount; j < model.states.length; j++) next[j] = counts[j]!;
  for (let s = 0; s < model.strataCount; s++) {
    const people = counts[s]!;
    if (people > 0) stepStratum(run, year, cycleIndex, s, people);
  }
  addInflows(run, year, cycleIndex);
  buffers.counts = next;
  buffers.next = counts;
}

/**
 * Enrolment, flow and transitions of the `people` of stratum s: the people not enrolled, then each
 * group of enrolled people by the effects they met, move by the stratum's row (modified by those
 * effects) into `next`.
 */
function stepStratum(run: Run, year: number, cycleIndex: number, s: number, people: number): void {
  const { model, layout, stochastic } = run.context;
  const buffers = run.buffers;
  const flows = enrolAndFlow(run, year, cycleIndex, s, people);
  const row = model.rows[s]!;
  const moved = buffers.moved;
  const next = buffers.next;
  const flowBase = layout.flows + (year - 1) * model.transitions.length;
  if (stochastic) run.key.seed(buffers.transitions, PURPOSE_CODES.transitions, cycleIndex, model.stratumCodes[s]!);
  for (let g = -1; g < (flows ? flows.keptLength : 0); g++) {
    const amount = g < 0 ? people - (flows ? flows.keptPeople : 0) : flows!.endAmounts[g]!;
    if (amount <= 0) continue;
    const mask = g < 0 ? 0 : flows!.endMasks[g]!;
    const probabilities = modifiedRow(run, s, mask, flows?.logigramme.effects);
    let stay: number;
    if (stochastic) stay = multinomial(buffers.transitions.next, amount, probabilities, moved, row.length);
    else {
      stay = amount;
      for (let k = 0; k < row.length; k++) {
        moved[k] = amount * probabilities[k]!;
        stay -= moved[k]!;
      }
    }
    for (let k = 0; k < row.length; k++) {
      const t = row[k]!;
      next[model.transitions[t]!.to]! += moved[k]!;
      run.record[flowBase + t]! += moved[k]!;
    }
    next[s]! += stay;
  }
}

/**
 * Enrols Binomial(people, coverage) of stratum s (the expected number outside the stochastic
 * mode) and sends them through the arm's logigramme. Returns its scratch, whose first `keptLength`
 * leaving groups are those with at least one effect (the people who met none move like the people
 * not enrolled), or undefined when nobody was enrolled.
 */
function enrolAndFlow(run: Run, year: number, cycleIndex: number, s: number, people: number): FlowScratch | undefined {
  const { model, coverages, stochastic } = run.context;
  const plan = model.arms[run.armIndex]!.strata[s];
  if (!plan) return undefined;
  const coverage = coverages[(run.armIndex * model.horizon + year - 1) * model.strataCount + s]!;
  let enrolled: number;
  if (stochastic) {
    run.key.seed(run.buffers.enrolment, PURPOSE_CODES.enrolment, cycleIndex, model.stratumCodes[s]!);
    enrolled = binomial(run.buffers.enrolment.next, people, coverage);
  } else enrolled = people * coverage;
  if (enrolled <= 0) return undefined;
  const work = run.buffers.flows[plan.logigramme]!;
  if (stochastic) run.key.seed(run.buffers.flow, PURPOSE_CODES.flow, cycleIndex, model.stratumCodes[s]!);
  flow(run, work, plan.logigramme, enrolled, year);
  // People who met no effect move like the people not enrolled: keep only the groups with one.
  let kept = 0;
  let keptPeople = 0;
  for (let g = 0; g < work.endLength; g++) {
    if (work.endMasks[g] === 0) continue;
    work.endMasks[kept] = work.endMasks[g]!;
    work.endAmounts[kept] = work.endAmounts[g]!;
    keptPeople += work.endAmounts[g]!;
    kept += 1;
  }
  work.keptLength = kept;
  work.keptPeople = keptPeople;
  return work;
}

/**
 * The per-cycle row of stratum `s` for people who met the effects in `mask`: each transition's p
 * becomes 1 − (1 − p)^(product of the hazard ratios on it). Cached per (stratum, mask) for the
 * run, since θ and the territory do not change within it. The last slot holds the row's sum; a
 * sum above 1 stops the run with an error naming the row and the iteration.
 */
function modifiedRow(run: Run, s: number, mask: number, effects: CompiledLogigramme['effects'] | undefined): Float64Array {
  const { model, theta, iteration } = run.context;
  const buffers = run.buffers;
  const masks = buffers.rowMasks[s]!;
  const length = buffers.rowLengths[s]!;
  for (let c = 0; c < length; c++) if (masks[c] === mask) return buffers.rowValues[s]![c]!;
  const row = model.rows[s]!;
  const out = buffers.rowValues[s]![length]!;
  let total = 0;
  for (let k = 0; k < row.length; k++) {
    const t = row[k]!;
    let p = buffers.baseP[t]!;
    if (mask !== 0) {
      let hr = 1;
      for (let b = 0; b < effects!.length; b++) {
        if ((mask & (1 << b)) !== 0 && effects![b]!.to === model.transitions[t]!.to) hr *= theta[effects![b]!.hr]!;
      }
      if (hr !== 1) p = 1 - Math.pow(1 - p, hr);
    }
    out[k] = p;
    total += p;
  }
  out[row.length] = total;
  if (total > 1 + 1e-12) {
    const spec = model.parameters.specs[model.transitions[row[0]!]!.p]!;
    const state = model.states[s]!.id;
    throw new ParameterError(
      t('sim.draw.row-sum', { state, total: total.toFixed(4), iteration, withEffects: mask !== 0 }),
      { name: t('sim.draw.row-sum.place', { state }), file: spec.file, line: spec.line, column: spec.column },
      iteration,
      t('sim.draw.row-sum.hint'),
    );
  }
  masks[length] = mask;
  buffers.rowLengths[s] = length + 1;
  return out;
}

/** Inflows: each adds its annual mean / c people per cycle, a Poisson draw in the stochastic mode. */
function addInflows(run: Run, year: number, cycleIndex: number): void {
  const { model, layout, theta, stochastic } = run.context;
  if (model.inflows.length === 0) return;
  const counts = run.buffers.counts;
  if (stochastic) run.key.seed(run.buffers.inflows, PURPOSE_CODES.inflows, cycleIndex, 0);
  for (let f = 0; f < model.inflows.length; f++) {
    const inflow = model.inflows[f]!;
    const annual = inflow.kind === 'count' ? theta[inflow.value]! : theta[inflow.value]! * (inflow.of < 0 ? run.territory.population : counts[inflow.of]!);
    const mean = annual * run.cycleWeight;
    if (!(mean + run.buffers.next[inflow.to]! <= MAX_PEOPLE)) tooManyEntrants(run, inflow, year);
    const entrants = stochastic ? poisson(run.buffers.inflows.next, mean) : mean;
    run.buffers.next[inflow.to]! += entrants;
    run.record[layout.inflows + (year - 1) * model.inflows.length + f]! += entrants;
  }
}

/** An inflow that would bring a stratum beyond MAX_PEOPLE (a rate that compounds, a typo): stop, naming it. */
function tooManyEntrants(run: Run, inflow: Model['inflows'][number], year: number): never {
  const { model, iteration } = run.context;
  const spec = model.parameters.specs[inflow.value]!;
  throw new ParameterError(
    t('sim.draw.too-many-entrants', { state: model.states[inflow.to]!.id, year, territory: run.territory.id, iteration }),
    spec,
    iteration,
    t(inflow.kind === 'rate' ? 'sim.draw.too-many-entrants.rate' : 'sim.draw.too-many-entrants.count'),
  );
}

/**
 * Sends `enrolled` people through a logigramme in topological order; leaves the groups at the end
 * in `work`. People reaching a node count for 1/c of a person-year (the persons record and the
 * overlay are per year whatever the cycle).
 */
function flow(run: Run, work: FlowScratch, logigrammeIndex: number, enrolled: number, year: number): void {
  const { model, layout } = run.context;
  const nodes = work.logigramme.nodes;
  const H = model.horizon;
  const nodeBase = layout.nodes[logigrammeIndex]!;
  const edgeBase = layout.edges[logigrammeIndex]!;
  const personsBase = layout.persons + (year - 1) * model.actions.length;
  const weight = run.cycleWeight;
  work.lengths.fill(0);
  work.endLength = 0;
  work.masks[0]![0] = 0;
  work.amounts[0]![0] = enrolled;
  work.lengths[0] = 1;
  for (let i = 0; i < nodes.length; i++) {
    const length = work.lengths[i]!;
    if (length === 0) continue;
    const node = nodes[i]!;
    const masks = work.masks[i]!;
    const amounts = work.amounts[i]!;
    let total = 0;
    for (let g = 0; g < length; g++) total += amounts[g]!;
    run.overlay[nodeBase + i * H + year - 1]! += total * weight;
    if (node.action >= 0) run.record[personsBase + node.action]! += total * weight;
    if (node.type === 'decision') {
      splitAtDecision(run, work, i, edgeBase, year);
    } else if (node.next >= 0) {
      const target = node.next;
      for (let g = 0; g < length; g++) {
        work.lengths[target] = addGroup(work.masks[target]!, work.amounts[target]!, work.lengths[target]!, masks[g]! | node.effectMask, amounts[g]!, work.logigramme.id);
      }
      run.overlay[edgeBase + node.edge * H + year - 1]! += total * weight;
    } else {
      for (let g = 0; g < length; g++) work.endLength = addGroup(work.endMasks, work.endAmounts, work.endLength, masks[g]! | node.effectMask, amounts[g]!, work.logigramme.id);
    }
  }
}

/**
 * At decision `i`, every group splits multinomially by the branch shares of θ (one branch
 * without `p` takes the remainder; independent shares that sum below 1 are renormalised, above 1
 * is an error).
 */
function splitAtDecision(run: Run, work: FlowScratch, i: number, edgeBase: number, year: number): void {
  const { model, theta, iteration, stochastic } = run.context;
  const logigramme = work.logigramme;
  const node = logigramme.nodes[i]!;
  const branches = node.branches;
  const shares = work.shares;
  const H = model.horizon;
  let assigned = 0;
  let remainder = -1;
  for (let b = 0; b < branches.length; b++) {
    const slot = branches[b]!.share;
    if (slot < 0) remainder = b;
    else {
      shares[b] = theta[slot]!;
      assigned += shares[b]!;
    }
  }
  if (assigned > 1 + 1e-9) {
    const spec = model.parameters.specs[branches.find((b) => b.share >= 0)!.share]!;
    const decision = `${logigramme.id}/${node.id}`;
    throw new ParameterError(
      t('sim.draw.branch-sum', { decision, total: assigned.toFixed(4), iteration }),
      { name: t('sim.draw.branch-sum.place', { decision }), file: spec.file, line: spec.line, column: spec.column },
      iteration,
      t('sim.draw.branch-sum.hint'),
    );
  }
  if (remainder >= 0) shares[remainder] = Math.max(0, 1 - assigned);
  else if (assigned > 0 && assigned !== 1) {
    // Shares drawn independently may sum a little below 1: everyone takes some branch, so
    // they are renormalised (a sum above 1 is an error, above).
    for (let b = 0; b < branches.length; b++) shares[b] = shares[b]! / assigned;
  }
  const masks = work.masks[i]!;
  const amounts = work.amounts[i]!;
  for (let g = 0; g < work.lengths[i]!; g++) {
    const amount = amounts[g]!;
    if (stochastic) {
      const rest = multinomial(run.buffers.flow.next, amount, shares, work.split, branches.length);
      // Rounding can leave a person unassigned when the shares sum to 1 − ε: give them to the last branch.
      if (rest > 0) work.split[branches.length - 1]! += rest;
    } else {
      for (let b = 0; b < branches.length; b++) work.split[b] = amount * shares[b]!;
    }
    for (let b = 0; b < branches.length; b++) {
      const x = work.split[b]!;
      if (x <= 0) continue;
      const target = branches[b]!.next;
      work.lengths[target] = addGroup(work.masks[target]!, work.amounts[target]!, work.lengths[target]!, masks[g]!, x, logigramme.id);
      run.overlay[edgeBase + node.branchEdges[b]! * H + year - 1]! += x * run.cycleWeight;
    }
  }
}

export { FlowScratch };
