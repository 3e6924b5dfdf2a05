/**
 * The engine's state and scratch buffers (docs/simulation.md, "Program dynamics"): per stratum,
 * the enrolled people and the time-since-exposure sub-compartments X(M, a) of the people not
 * enrolled; per logigramme, the groups of people flowing through it; the record layout.
 */
import { MAX_EFFECT_COMBINATIONS } from '../graph/effects.js';
import { t } from '../i18n/catalogue.js';
import type { CompiledLogigramme, Model } from './model.js';
import { AleaStream } from './random.js';

/** Where each measure sits in the per-iteration record of one (territory, arm). */
export interface Layout {
  counts: number; // (horizon + 1) × states, end of each year (year 0 = start)
  flows: number; // horizon × (transitions, then moves)
  /** Entries per year of `flows`: the transitions, then the detection moves. */
  flowWidth: number;
  inflows: number; // horizon × inflows
  persons: number; // horizon × actions: people reaching each action node (person-years)
  enrolled: number; // horizon × strata: enrolled person-years
  programCost: number; // horizon × program costs
  size: number;
  /** Per logigramme: offsets of its node and edge totals in the overlay record (× horizon). */
  nodes: number[];
  edges: number[];
  overlaySize: number;
}

export function layoutOf(model: Model): Layout {
  const H = model.horizon;
  const counts = 0;
  const flowWidth = model.transitions.length + model.moves.length;
  const flows = counts + (H + 1) * model.states.length;
  const inflows = flows + H * flowWidth;
  const persons = inflows + H * model.inflows.length;
  const enrolled = persons + H * model.actions.length;
  const programCost = enrolled + H * model.strataCount;
  const size = programCost + H * model.programCosts.length;
  const nodes: number[] = [];
  const edges: number[] = [];
  let overlay = 0;
  for (const l of model.logigrammes) {
    nodes.push(overlay);
    overlay += l.nodes.length * H;
    edges.push(overlay);
    overlay += l.edges.length * H;
  }
  return { counts, flows, flowWidth, inflows, persons, enrolled, programCost, size, nodes, edges, overlaySize: overlay };
}

/**
 * Amounts of people keyed by a set of effects (a bit mask) and a second small integer, in arrays
 * allocated once and reused from cycle to cycle: the base of `Groups` and `Exposures`.
 */
class KeyedPeople {
  readonly masks: Int32Array;
  readonly amounts: Float64Array;
  length = 0;
  constructor(readonly capacity: number) {
    this.masks = new Int32Array(capacity);
    this.amounts = new Float64Array(capacity);
  }

  total(): number {
    let sum = 0;
    for (let x = 0; x < this.length; x++) sum += this.amounts[x]!;
    return sum;
  }
}

/**
 * The groups of people at one place of a logigramme, by (set of effects met, move mark), in the
 * order they first arrived: the mark is 0, or 1 + the index in `Model.moves` of the last move-to
 * node that chose them.
 */
export class Groups extends KeyedPeople {
  readonly marks: Int32Array;
  constructor(capacity: number) {
    super(capacity);
    this.marks = new Int32Array(capacity);
  }

  add(mask: number, mark: number, amount: number, where: string): void {
    for (let g = 0; g < this.length; g++) {
      if (this.masks[g] === mask && this.marks[g] === mark) {
        this.amounts[g]! += amount;
        return;
      }
    }
    // Lint (effect-combinations) reports a logigramme that could get here, with the same limit.
    if (this.length >= this.capacity) throw new Error(t('sim.internal.effect-combinations', { max: MAX_EFFECT_COMBINATIONS, where }));
    this.masks[this.length] = mask;
    this.marks[this.length] = mark;
    this.amounts[this.length] = amount;
    this.length += 1;
  }

  copyFrom(other: Groups): void {
    for (let g = 0; g < other.length; g++) {
      this.masks[g] = other.masks[g]!;
      this.marks[g] = other.marks[g]!;
      this.amounts[g] = other.amounts[g]!;
    }
    this.length = other.length;
  }
}

/** Scratch buffers for the flow through one logigramme (reused across cycles). */
export class FlowScratch {
  /** Per node: the groups of people arriving. */
  readonly arriving: Groups[];
  /** The groups leaving the logigramme. */
  readonly leaving: Groups;
  /** The classes leaving before they are shared among the carried sets, and each entry group's people not yet placed. */
  readonly pooled: Groups;
  readonly entering: Float64Array;
  /** Per node and edge: people this cycle, kept until the cycle's timing factor is known (`volumes-at: mid`). */
  readonly nodeTotals: Float64Array;
  readonly edgeTotals: Float64Array;
  readonly shares: Float64Array;
  readonly split: Float64Array;
  constructor(readonly logigramme: CompiledLogigramme) {
    const n = logigramme.nodes.length;
    // A move-to node splits every group in two (chosen to move or not): room for each mark.
    const moveNodes = logigramme.nodes.filter((node) => node.move >= 0).length;
    const capacity = MAX_EFFECT_COMBINATIONS * (moveNodes + 1);
    this.arriving = Array.from({ length: n }, () => new Groups(capacity));
    this.leaving = new Groups(capacity);
    this.pooled = new Groups(capacity);
    this.entering = new Float64Array(MAX_EFFECT_COMBINATIONS + 1);
    this.nodeTotals = new Float64Array(n);
    this.edgeTotals = new Float64Array(logigramme.edges.length);
    const maxBranches = Math.max(1, ...logigramme.nodes.map((node) => node.branches.length));
    this.shares = new Float64Array(maxBranches);
    this.split = new Float64Array(maxBranches);
  }
}

/**
 * The time-since-exposure sub-compartments X(M, a) of one stratum's people not enrolled, kept
 * sorted by mask then age (the order their draws are made in) and merged by (M, a).
 */
export class Exposures extends KeyedPeople {
  readonly ages: Int32Array;
  constructor(capacity: number) {
    super(capacity);
    this.ages = new Int32Array(capacity);
  }

  add(mask: number, age: number, amount: number): void {
    if (amount <= 0) return;
    let at = 0;
    while (at < this.length && (this.masks[at]! < mask || (this.masks[at] === mask && this.ages[at]! < age))) at++;
    if (at < this.length && this.masks[at] === mask && this.ages[at] === age) {
      this.amounts[at]! += amount;
      return;
    }
    if (this.length >= this.capacity) throw new Error(t('sim.internal.effect-combinations', { max: this.capacity, where: 'exposures' }));
    this.masks.copyWithin(at + 1, at, this.length);
    this.ages.copyWithin(at + 1, at, this.length);
    this.amounts.copyWithin(at + 1, at, this.length);
    this.masks[at] = mask;
    this.ages[at] = age;
    this.amounts[at] = amount;
    this.length += 1;
  }
}

/** Buffers reused across (territory, arm, iteration) runs, to keep the garbage collector idle. */
export class EngineScratch {
  readonly baseP: Float64Array;
  counts: Float64Array;
  next: Float64Array;
  /** Per stratum: people enrolled at the start of the cycle, and those who will be at the next. */
  enrolled: Float64Array;
  nextEnrolled: Float64Array;
  /** Per stratum: the enrolled who carry lasting effects from earlier passages, by set (age 0). */
  carried: Exposures[];
  nextCarried: Exposures[];
  exposures: Exposures[];
  nextExposures: Exposures[];
  readonly moved: Float64Array;
  /** Per stratum: the state each transition of its row leads to (model.rows[s] mapped to `to`). */
  readonly rowTargets: Int32Array[];
  /** Per stratum: the arm's per-cycle probability of staying enrolled (ρ) for the current run, or −1 without `retention`. */
  readonly stayEnrolled: Float64Array;
  /** Per stratum: the enrolled of the stratum being moved who reached it, until their retention draw. */
  readonly transferring: Float64Array;
  readonly flows: FlowScratch[];
  /** The enrolment, flow, transition, inflow and retention streams, seeded from their key when used. */
  readonly enrolment = new AleaStream();
  readonly flow = new AleaStream();
  readonly transitions = new AleaStream();
  readonly inflows = new AleaStream();
  readonly retention = new AleaStream();
  /** Per stratum: rows already modified by a set of effects at age 0 (mask), valid for one run (or year). */
  readonly rowMasks: Int32Array[];
  readonly rowValues: Float64Array[][];
  readonly rowLengths: Int32Array;
  /**
   * Per stratum: rows for exposures of age ≥ 1, by mask × 2¹⁶ + age, each valid while its
   * generation is the current one (arrays are reused from run to run, not reallocated).
   */
  readonly agedRows: Map<number, { row: Float64Array; generation: number }>[];
  generation = 0;
  constructor(model: Model) {
    const S = model.strataCount;
    this.rowMasks = model.rows.map(() => new Int32Array(MAX_EFFECT_COMBINATIONS + 1));
    this.rowValues = model.rows.map((row) => Array.from({ length: MAX_EFFECT_COMBINATIONS + 1 }, () => new Float64Array(row.length + 1)));
    this.rowLengths = new Int32Array(model.rows.length);
    this.agedRows = model.rows.map(() => new Map());
    this.baseP = new Float64Array(model.transitions.length);
    this.counts = new Float64Array(model.states.length);
    this.next = new Float64Array(model.states.length);
    this.enrolled = new Float64Array(S);
    this.nextEnrolled = new Float64Array(S);
    const capacities = exposureCapacities(model);
    this.exposures = capacities.map((c) => new Exposures(c));
    this.nextExposures = capacities.map((c) => new Exposures(c));
    this.carried = capacities.map(() => new Exposures(MAX_EFFECT_COMBINATIONS));
    this.nextCarried = capacities.map(() => new Exposures(MAX_EFFECT_COMBINATIONS));
    const widest = Math.max(1, ...model.rows.map((r) => r.length));
    this.moved = new Float64Array(widest);
    this.rowTargets = model.rows.map((row) => Int32Array.from(row, (tr) => model.transitions[tr]!.to));
    this.stayEnrolled = new Float64Array(S);
    this.transferring = new Float64Array(S);
    this.flows = model.logigrammes.map((l) => new FlowScratch(l));
  }

  /** Forgets the rows modified by effects: when θ, the territory or the year's probabilities change. */
  clearRows(): void {
    this.rowLengths.fill(0);
    this.generation += 1;
  }
}

/** Per stratum: the most sub-compartments its logigrammes (in either arm) can need. */
function exposureCapacities(model: Model): number[] {
  return Array.from({ length: model.strataCount }, (_, s) => {
    let most = 0;
    for (const arm of model.arms) {
      const plan = arm.strata[s];
      if (plan) most = Math.max(most, MAX_EFFECT_COMBINATIONS * (model.logigrammes[plan.logigramme]!.lastingCycles - 1));
    }
    return most;
  });
}

/**
 * Whether one of the effects in `mask` still applies at `age` cycles after the passage (for a
 * person who is not enrolled): an effect with `after-exit: keep` and age < its duration.
 */
export function stillActive(logigramme: CompiledLogigramme, mask: number, age: number): boolean {
  const effects = logigramme.effects;
  for (let b = 0; b < effects.length; b++) {
    if ((mask & (1 << b)) === 0) continue;
    const effect = effects[b]!;
    if (effect.afterExit && age < effect.duration) return true;
  }
  return false;
}

/**
 * The hazard ratio of effect `b` at `age` cycles after the passage (docs/simulation.md, "Lasting
 * and waning effects"): the full ratio in the cycle of the passage, then none, linear or
 * exponential waning until `duration`, and 1 afterwards (or from age 1 with `after-exit: stop`).
 */
export function effectRatio(logigramme: CompiledLogigramme, b: number, age: number, theta: Float64Array): number {
  const effect = logigramme.effects[b]!;
  const hr = theta[effect.hr]!;
  if (age === 0) return hr;
  if (!effect.afterExit || age >= effect.duration) return 1;
  if (effect.waning === 'linear') return hr + ((1 - hr) * age) / effect.duration;
  if (effect.waning === 'exponential') return Math.pow(hr, Math.pow(2, -age / theta[effect.halfLife]!));
  return hr;
}
