/**
 * The stochastic cohort engine (DESIGN §5). For one iteration θᵢ, one territory and one arm, runs
 * the horizon cycle by cycle: enrolment, flow through the stratum's logigramme, transitions
 * grouped by the effects people met, inflows. Counts, not individuals: the cost of a cycle does
 * not depend on the size of the population.
 */
import { binomial, multinomial, poisson } from './distributions.js';
import type { CompiledLogigramme, Model } from './model.js';
import { ParameterError } from './parameters.js';
import { AleaStream, streamState, type Uniform } from './random.js';

/** The four streams of one (territory, iteration), seeded once and replayed for each arm. */
export interface TerritoryStreams {
  enrolment: ReturnType<typeof streamState>;
  flow: ReturnType<typeof streamState>;
  transitions: ReturnType<typeof streamState>;
  inflows: ReturnType<typeof streamState>;
}

/**
 * The four streams of a (territory, iteration): seedrandom seeds one Alea from
 * `logi/<seed>/<territory>/<iteration>/counts`, and each purpose's stream is seeded from it in the
 * fixed order enrolment, flow, transitions, inflows (one Mash hash instead of four: hashing was a
 * fifth of the run time of a pure Markov model).
 */
export function territoryStreams(seed: number, territory: string, iteration: number): TerritoryStreams {
  const root = new AleaStream(streamState(seed, territory, iteration, 'counts'));
  const child = new AleaStream(root.state());
  const next = () => {
    child.reseedFrom(root);
    return child.state();
  };
  const enrolment = next();
  const flow = next();
  const transitions = next();
  const inflows = next();
  return { enrolment, flow, transitions, inflows };
}

/** Buffers reused across (territory, arm, iteration) runs, to keep the garbage collector idle. */
export class EngineScratch {
  readonly baseP: Float64Array;
  counts: Float64Array;
  next: Float64Array;
  readonly moved: Float64Array;
  readonly flows: FlowScratch[];
  /** Four master streams and four sub-streams, reset for each run. */
  readonly streams: [AleaStream, AleaStream, AleaStream, AleaStream, AleaStream, AleaStream, AleaStream, AleaStream];
  /** Per stratum: rows already modified by a set of effects (mask), valid for one run. */
  readonly rowMasks: Int32Array[];
  readonly rowValues: Float64Array[][];
  readonly rowLengths: Int32Array;
  constructor(model: Model) {
    const blank = { c: 1, s0: 0, s1: 0, s2: 0 };
    this.streams = [0, 1, 2, 3, 4, 5, 6, 7].map(() => new AleaStream(blank)) as EngineScratch['streams'];
    this.rowMasks = model.rows.map(() => new Int32Array(MAX_GROUPS));
    this.rowValues = model.rows.map((row) => Array.from({ length: MAX_GROUPS }, () => new Float64Array(row.length + 1)));
    this.rowLengths = new Int32Array(model.rows.length);
    this.baseP = new Float64Array(model.transitions.length);
    this.counts = new Float64Array(model.states.length);
    this.next = new Float64Array(model.states.length);
    const widest = Math.max(1, ...model.rows.map((r) => r.length));
    this.moved = new Float64Array(widest);
    this.flows = model.logigrammes.map((l) => new FlowScratch(l));
  }
}

/** Where each measure sits in the per-iteration record of one (territory, arm). */
export interface Layout {
  counts: number; // (horizon + 1) × states, end of each year (year 0 = start)
  flows: number; // horizon × transitions
  inflows: number; // horizon × inflows
  persons: number; // horizon × actions: people reaching each action node
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

const MAX_GROUPS = 64;

/** Scratch buffers for the flow through one logigramme (reused across cycles). */
class FlowScratch {
  readonly masks: Int32Array[];
  readonly amounts: Float64Array[];
  readonly lengths: Int32Array;
  readonly endMasks = new Int32Array(MAX_GROUPS);
  readonly endAmounts = new Float64Array(MAX_GROUPS);
  endLength = 0;
  readonly mergedMasks = new Int32Array(MAX_GROUPS);
  readonly mergedAmounts = new Float64Array(MAX_GROUPS);
  /** Bits of the effects on the logigramme's own stratum's row. */
  readonly rowMask: number;
  readonly shares: Float64Array;
  readonly split: Float64Array;
  constructor(readonly logigramme: CompiledLogigramme) {
    const n = logigramme.nodes.length;
    this.rowMask = logigramme.effects.reduce((mask, effect, b) => (effect.from === logigramme.stratum ? mask | (1 << b) : mask), 0);
    this.masks = Array.from({ length: n }, () => new Int32Array(MAX_GROUPS));
    this.amounts = Array.from({ length: n }, () => new Float64Array(MAX_GROUPS));
    this.lengths = new Int32Array(n);
    const maxBranches = Math.max(1, ...logigramme.nodes.map((node) => node.branches.length));
    this.shares = new Float64Array(maxBranches);
    this.split = new Float64Array(maxBranches);
  }
}

function addGroup(masks: Int32Array, amounts: Float64Array, length: number, mask: number, amount: number, where: string): number {
  for (let g = 0; g < length; g++) {
    if (masks[g] === mask) {
      amounts[g]! += amount;
      return length;
    }
  }
  if (length >= MAX_GROUPS) throw new Error(`more than ${MAX_GROUPS} combinations of effects in ${where}`);
  masks[length] = mask;
  amounts[length] = amount;
  return length + 1;
}

export interface IterationContext {
  model: Model;
  layout: Layout;
  theta: Float64Array;
  iteration: number;
  stochastic: boolean;
}

/**
 * Runs one (territory, arm) for one iteration, writing its record into `record` (length
 * layout.size, zeroed by the caller) and adding node and edge totals into `overlay`.
 */
export function simulateTerritoryArm(
  context: IterationContext,
  territoryIndex: number,
  armIndex: number,
  streams: TerritoryStreams,
  record: Float64Array,
  overlay: Float64Array,
  buffers: EngineScratch,
): void {
  const { model, layout, theta, iteration, stochastic } = context;
  const territory = model.territories[territoryIndex]!;
  const arm = model.arms[armIndex]!;
  const H = model.horizon;
  const S = model.strataCount;
  const stateCount = model.states.length;
  const cycles = model.cyclesPerYear;
  // Common random numbers: both arms replay the same streams, purpose by purpose.
  const [enrolMaster, flowMaster, transitionMaster, inflowMaster, enrol, flowSub, transition, inflowSub] = buffers.streams;
  enrolMaster.reset(streams.enrolment);
  flowMaster.reset(streams.flow);
  transitionMaster.reset(streams.transitions);
  inflowMaster.reset(streams.inflows);
  const enrolStream = enrol.next;
  const flowStream = flowSub.next;
  const transitionStream = transition.next;
  const inflowStream = inflowSub.next;
  const scratch = buffers.flows;

  // Per-cycle probabilities of each transition: territory multiplier, then cycle length.
  const baseP = buffers.baseP;
  for (let t = 0; t < model.transitions.length; t++) {
    let p = theta[model.transitions[t]!.p]!;
    const m = territory.multipliers[t]!;
    if (m >= 0) p = 1 - Math.pow(1 - p, theta[m]!);
    baseP[t] = cycles === 1 ? p : 1 - Math.pow(1 - p, 1 / cycles);
  }

  let counts = buffers.counts;
  let next = buffers.next;
  for (let j = 0; j < stateCount; j++) {
    counts[j] = territory.counts[j]!;
    record[layout.counts + j] = counts[j]!;
  }
  const moved = buffers.moved;
  buffers.rowLengths.fill(0);

  for (let year = 1; year <= H; year++) {
    const flowBase = layout.flows + (year - 1) * model.transitions.length;
    const personsBase = layout.persons + (year - 1) * model.actions.length;
    for (let cycle = 0; cycle < cycles; cycle++) {
      next.fill(0);
      for (let j = S; j < stateCount; j++) next[j] = counts[j]!;
      for (let s = 0; s < S; s++) {
        // Fresh sub-streams for this (cycle, stratum), drawn whatever happens below. Enrolment and
        // flow streams are only drawn for strata that some arm enrols in: the same in both arms.
        if (model.enrolledStrata[s]) {
          enrol.reseedFrom(enrolMaster);
          flowSub.reseedFrom(flowMaster);
        }
        transition.reseedFrom(transitionMaster);
        const people = counts[s]!;
        if (people <= 0) continue;
        const plan = arm.strata[s];
        let groupMasks: Int32Array | undefined;
        let groupAmounts: Float64Array | undefined;
        let groupCount = 0;
        let effects: CompiledLogigramme['effects'] = [];
        let enrolled = 0;
        let notEnrolledExtra = 0;
        if (plan) {
          const coverage = plan.coverage.kind === 'ramp' ? plan.coverage.values[Math.min(year - 1, plan.coverage.values.length - 1)]! : theta[plan.coverage.slot]!;
          enrolled = stochastic ? binomial(enrolStream, people, coverage) : people * coverage;
          if (enrolled > 0) {
            const work = scratch[plan.logigramme]!;
            flow(context, work, plan.logigramme, enrolled, flowStream, year, personsBase, record, overlay);
            effects = work.logigramme.effects;
            // Only effects on this stratum's own row matter for its transitions: people whose
            // effects differ elsewhere share a row, and those who met none join the non-enrolled.
            const relevant = work.rowMask;
            groupMasks = work.mergedMasks;
            groupAmounts = work.mergedAmounts;
            for (let g = 0; g < work.endLength; g++) {
              const mask = work.endMasks[g]! & relevant;
              if (mask === 0) notEnrolledExtra += work.endAmounts[g]!;
              else groupCount = addGroup(groupMasks, groupAmounts, groupCount, mask, work.endAmounts[g]!, work.logigramme.id);
            }
          }
        }
        const row = model.rows[s]!;
        // The people not enrolled, then each group of enrolled people by the effects they met.
        for (let g = -1; g < groupCount; g++) {
          const amount = g < 0 ? people - enrolled + notEnrolledExtra : groupAmounts![g]!;
          if (amount <= 0) continue;
          const mask = g < 0 ? 0 : groupMasks![g]!;
          const probabilities = modifiedRow(buffers, model, theta, baseP, s, mask, effects);
          const total = probabilities[row.length]!;
          if (total > 1 + 1e-12) {
            const first = model.transitions[row[0]!]!;
            const spec = model.parameters.specs[first.p]!;
            throw new ParameterError(
              `the transition probabilities out of ${model.states[s]!.id} sum to ${total.toFixed(4)} > 1 in iteration ${iteration}${mask !== 0 ? ' (with the effects of the logigramme)' : ''}`,
              { name: `transitions out of ${model.states[s]!.id}`, file: spec.file, line: spec.line, column: spec.column },
              iteration,
              'lower the probabilities of this row, or narrow their distributions so that a draw cannot exceed 1',
            );
          }
          let stay: number;
          if (stochastic) stay = multinomial(transitionStream, amount, probabilities, moved, row.length);
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
            record[flowBase + t]! += moved[k]!;
          }
          next[s]! += stay;
        }
      }
      // Inflows (entrants per cycle), a Poisson draw around their mean.
      inflowSub.reseedFrom(inflowMaster);
      for (let f = 0; f < model.inflows.length; f++) {
        const inflow = model.inflows[f]!;
        const mean = inflow.kind === 'count' ? theta[inflow.value]! : theta[inflow.value]! * (inflow.of < 0 ? territory.population : counts[inflow.of]!);
        const entrants = stochastic ? poisson(inflowStream, mean) : mean;
        next[inflow.to]! += entrants;
        record[layout.inflows + (year - 1) * model.inflows.length + f]! += entrants;
      }
      const swap = counts;
      counts = next;
      next = swap;
    }
    buffers.counts = counts;
    buffers.next = next;
    const countBase = layout.counts + year * stateCount;
    for (let j = 0; j < stateCount; j++) record[countBase + j] = counts[j]!;
  }
}

/**
 * The per-cycle row of stratum `s` for people who met the effects in `mask`: each transition's p
 * becomes 1 − (1 − p)^(product of the hazard ratios on it). Cached per (stratum, mask) for the
 * run, since θ and the territory do not change within it. The last slot holds the row's sum.
 */
function modifiedRow(buffers: EngineScratch, model: Model, theta: Float64Array, baseP: Float64Array, s: number, mask: number, effects: CompiledLogigramme['effects']): Float64Array {
  const masks = buffers.rowMasks[s]!;
  const length = buffers.rowLengths[s]!;
  for (let c = 0; c < length; c++) if (masks[c] === mask) return buffers.rowValues[s]![c]!;
  if (length >= MAX_GROUPS) throw new Error(`more than ${MAX_GROUPS} combinations of effects on stratum ${model.states[s]!.id}`);
  const row = model.rows[s]!;
  const out = buffers.rowValues[s]![length]!;
  let total = 0;
  for (let k = 0; k < row.length; k++) {
    const t = row[k]!;
    let p = baseP[t]!;
    if (mask !== 0) {
      let hr = 1;
      for (let b = 0; b < effects.length; b++) {
        if ((mask & (1 << b)) !== 0 && effects[b]!.from === s && effects[b]!.to === model.transitions[t]!.to) hr *= theta[effects[b]!.hr]!;
      }
      if (hr !== 1) p = 1 - Math.pow(1 - p, hr);
    }
    out[k] = p;
    total += p;
  }
  out[row.length] = total;
  masks[length] = mask;
  buffers.rowLengths[s] = length + 1;
  return out;
}

/** Sends `enrolled` people through a logigramme; leaves the groups at the end in `work`. */
function flow(
  context: IterationContext,
  work: FlowScratch,
  logigrammeIndex: number,
  enrolled: number,
  stream: Uniform,
  year: number,
  personsBase: number,
  record: Float64Array,
  overlay: Float64Array,
): void {
  const { model, layout, theta, iteration, stochastic } = context;
  const logigramme = work.logigramme;
  const nodes = logigramme.nodes;
  const H = model.horizon;
  const nodeBase = layout.nodes[logigrammeIndex]!;
  const edgeBase = layout.edges[logigrammeIndex]!;
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
    overlay[nodeBase + i * H + year - 1]! += total;
    if (node.action >= 0) record[personsBase + node.action]! += total;
    if (node.type === 'decision') {
      const branches = node.branches;
      const shares = work.shares;
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
        throw new ParameterError(
          `the branch shares of decision ${logigramme.id}/${node.id} sum to ${assigned.toFixed(4)} > 1 in iteration ${iteration}`,
          { name: `branches of ${logigramme.id}/${node.id}`, file: spec.file, line: spec.line, column: spec.column },
          iteration,
          'draw the shares jointly with `probabilities: {dirichlet: [...]}`, or narrow their distributions',
        );
      }
      if (remainder >= 0) shares[remainder] = Math.max(0, 1 - assigned);
      else if (assigned > 0 && assigned !== 1) {
        // Shares drawn independently may sum a little below 1: everyone takes some branch, so
        // they are renormalised (a sum above 1 is an error, above).
        for (let b = 0; b < branches.length; b++) shares[b] = shares[b]! / assigned;
      }
      for (let g = 0; g < length; g++) {
        const amount = amounts[g]!;
        if (stochastic) {
          const rest = multinomial(stream, amount, shares, work.split, branches.length);
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
          overlay[edgeBase + node.branchEdges[b]! * H + year - 1]! += x;
        }
      }
    } else if (node.next >= 0) {
      const target = node.next;
      for (let g = 0; g < length; g++) {
        work.lengths[target] = addGroup(work.masks[target]!, work.amounts[target]!, work.lengths[target]!, masks[g]! | node.effectMask, amounts[g]!, logigramme.id);
      }
      overlay[edgeBase + node.edge * H + year - 1]! += total;
    } else {
      for (let g = 0; g < length; g++) work.endLength = addGroup(work.endMasks, work.endAmounts, work.endLength, masks[g]! | node.effectMask, amounts[g]!, logigramme.id);
    }
  }
}

export { FlowScratch };
