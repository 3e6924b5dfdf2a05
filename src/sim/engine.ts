/**
 * The stochastic cohort engine (DESIGN §5, docs/simulation.md). For one iteration θᵢ, one
 * territory and one arm, runs the horizon cycle by cycle: enrolment, flow through the stratum's
 * logigramme, transitions grouped by the effects people carry, detection moves, what the enrolled
 * become, inflows. Counts, not individuals: the cost of a cycle does not depend on the size of the
 * population (docs/simulation.md, "Program dynamics").
 */
import { t } from '../i18n/catalogue.js';
import { binomial, hypergeometric, MAX_PEOPLE, multinomial, poisson } from './distributions/index.js';
import { type EngineScratch, type Exposures, effectRatio, type FlowScratch, type Layout, stillActive } from './engine-state.js';
import type { ArmStratum, CompiledLogigramme, CompiledTerritory, Model, YearSeries } from './model.js';
import { PERSON_TIME_SHARES } from './person-time.js';
import { ParameterError } from './parameters.js';
import { PURPOSE_CODES, type StreamKey } from './random.js';

export { EngineScratch, FlowScratch, layoutOf, type Layout } from './engine-state.js';

export interface IterationContext {
  model: Model;
  layout: Layout;
  theta: Float64Array;
  /** Coverage of each (arm, year, stratum) in this iteration: see `coveragesOf` in chunk.ts. */
  coverages: Float64Array;
  iteration: number;
  stochastic: boolean;
  /** Called after every cycle with the engine's state (tests check conservation with it). */
  observe?: (cycleIndex: number, buffers: EngineScratch) => void;
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
  /** `volumes-at: mid`: person counts wait for the cycle's timing factor (see commitPersons). */
  deferPersons: boolean;
  cycle: StratumCycle;
}

/** One stratum's cycle: who passed through the logigramme, and the enrolled who left the stratum. */
interface StratumCycle {
  s: number;
  year: number;
  cycleIndex: number;
  plan: ArmStratum | null;
  logigramme: CompiledLogigramme | null;
  work: FlowScratch | null;
  /** People passing through the logigramme this cycle (Aₛ). */
  passing: number;
  /** Enrolled people who left the stratum this cycle (Lₛ), for `volumes-at: mid`. */
  leaving: number;
  /** Per-cycle probability of staying enrolled (ρ), or −1 without `retention`. */
  stayEnrolled: number;
  retentionSeeded: boolean;
}

/**
 * Runs one (territory, arm) for one iteration, writing its record into `record` (length
 * layout.size, zeroed by the caller) and adding node and edge totals into `overlay`. `key` is the
 * (seed, territory, iteration) prefix of the count-noise streams: both arms get the same one.
 */
export function simulateTerritoryArm(context: IterationContext, territoryIndex: number, armIndex: number, key: StreamKey, record: Float64Array, overlay: Float64Array, buffers: EngineScratch): void {
  const { model, layout } = context;
  const territory = model.territories[territoryIndex]!;
  const cycle: StratumCycle = { s: 0, year: 1, cycleIndex: 0, plan: null, logigramme: null, work: null, passing: 0, leaving: 0, stayEnrolled: -1, retentionSeeded: false };
  const run: Run = { context, territory, armIndex, key, record, overlay, buffers, cycleWeight: 1 / model.cyclesPerYear, deferPersons: model.volumesAt === 'mid', cycle };
  resetState(run);
  stayEnrolledRates(run);
  const stateCount = model.states.length;
  for (let year = 1; year <= model.horizon; year++) {
    if (year === 1 || model.timeVarying) {
      cycleProbabilities(run, year, buffers.baseP);
      buffers.clearRows();
    }
    for (let cycle = 0; cycle < model.cyclesPerYear; cycle++) stepCycle(run, year, (year - 1) * model.cyclesPerYear + cycle);
    const countBase = layout.counts + year * stateCount;
    for (let j = 0; j < stateCount; j++) record[countBase + j] = buffers.counts[j]!;
    recordProgramCosts(run, year);
  }
}

/** Everybody starts not enrolled and unexposed, at the territory's counts. */
function resetState(run: Run): void {
  const { model, layout } = run.context;
  const buffers = run.buffers;
  for (let j = 0; j < model.states.length; j++) {
    buffers.counts[j] = run.territory.counts[j]!;
    run.record[layout.counts + j] = run.territory.counts[j]!;
  }
  buffers.enrolled.fill(0);
  for (const exposures of buffers.exposures) exposures.length = 0;
  for (const carried of buffers.carried) carried.length = 0;
}

/** ρ per cycle of each stratum the arm covers with `retention` (θ^(1/c)), −1 elsewhere: θ holds for the whole run. */
function stayEnrolledRates(run: Run): void {
  const { model, theta } = run.context;
  const strata = model.arms[run.armIndex]!.strata;
  const rates = run.buffers.stayEnrolled;
  for (let s = 0; s < model.strataCount; s++) {
    const plan = strata[s];
    rates[s] = plan && plan.retention >= 0 ? Math.pow(theta[plan.retention]!, 1 / model.cyclesPerYear) : -1;
  }
}

/**
 * A value in `year` (docs/simulation.md, "Parameters that change over time"): the year-1 slot, a
 * `by-year` slot (the last holds) or a trend start × (1 + change)^(year − 1), checked against its
 * range when a trend computes it.
 */
function yearValue(run: Run, slot: number, series: YearSeries | null, year: number, range: 'probability' | 'positive' | 'non-negative'): number {
  const theta = run.context.theta;
  if (series === null) return theta[slot]!;
  if (series.kind === 'by-year') return theta[series.slots[Math.min(year - 1, series.slots.length - 1)]!]!;
  const value = theta[series.start]! * Math.pow(1 + theta[series.change]!, year - 1);
  const ok = range === 'probability' ? value >= 0 && value <= 1 : range === 'positive' ? value > 0 : value >= 0;
  if (ok && Number.isFinite(value)) return value;
  const spec = run.context.model.parameters.specs[series.start]!;
  const expected = t(range === 'probability' ? 'sim.range.probability' : range === 'positive' ? 'sim.range.positive' : 'sim.range.non-negative');
  throw new ParameterError(t('sim.draw.year-value', { name: spec.name, value: String(value), year, iteration: run.context.iteration, expected }), spec, run.context.iteration, t('sim.draw.year-value.hint'));
}

/**
 * Per-cycle probabilities of each transition in `year`: the pyramid's annual p, times the
 * territory's multiplier m (1 − (1 − p)^m), converted to a cycle of 1/c year (1 − (1 − p)^(1/c)).
 */
function cycleProbabilities(run: Run, year: number, out: Float64Array): void {
  const { model } = run.context;
  const cycles = model.cyclesPerYear;
  for (let k = 0; k < model.transitions.length; k++) {
    const transition = model.transitions[k]!;
    let p = yearValue(run, transition.p, transition.series, year, 'probability');
    const m = run.territory.multipliers[k]!;
    if (m >= 0) p = 1 - Math.pow(1 - p, yearValue(run, m, run.territory.multiplierSeries[k]!, year, 'positive'));
    out[k] = cycles === 1 ? p : 1 - Math.pow(1 - p, 1 / cycles);
  }
}

/** One cycle: every stratum from the state at its start (a synchronous update), then inflows. */
function stepCycle(run: Run, year: number, cycleIndex: number): void {
  const { model } = run.context;
  const buffers = run.buffers;
  const counts = buffers.counts;
  const next = buffers.next;
  next.fill(0);
  buffers.nextEnrolled.fill(0);
  for (const exposures of buffers.nextExposures) exposures.length = 0;
  for (const carried of buffers.nextCarried) carried.length = 0;
  for (let j = model.strataCount; j < model.states.length; j++) next[j] = counts[j]!;
  for (let s = 0; s < model.strataCount; s++) {
    if (counts[s]! > 0) stepStratum(run, year, cycleIndex, s);
  }
  addInflows(run, year, cycleIndex);
  buffers.counts = next;
  buffers.next = counts;
  const enrolled = buffers.enrolled;
  buffers.enrolled = buffers.nextEnrolled;
  buffers.nextEnrolled = enrolled;
  const exposures = buffers.exposures;
  buffers.exposures = buffers.nextExposures;
  buffers.nextExposures = exposures;
  const carried = buffers.carried;
  buffers.carried = buffers.nextCarried;
  buffers.nextCarried = carried;
  run.context.observe?.(cycleIndex, buffers);
}

/**
 * Enrolment, flow, transitions and what the enrolled become, for stratum s (docs/simulation.md,
 * "The cycle, step by step"). The groups move in the documented order: the people not enrolled
 * without effect (with, without `retention`, the enrolled who met nothing and are not moving),
 * the sub-compartments X(M, a), then the enrolled groups as they left the logigramme.
 */
function stepStratum(run: Run, year: number, cycleIndex: number, s: number): void {
  const { model, stochastic } = run.context;
  const plan = model.arms[run.armIndex]!.strata[s] ?? null;
  const exposures = run.buffers.exposures[s]!;
  if (!plan && exposures.length === 0) {
    // No program here and nobody carrying an effect: the stratum moves as one group (the
    // documented order reduces to it), without the steps that would all return early.
    if (stochastic) run.key.seed(run.buffers.transitions, PURPOSE_CODES.transitions, cycleIndex, model.stratumCodes[s]!);
    run.buffers.next[s]! += moveByRow(run, s, year, run.buffers.counts[s]!, modifiedRow(run, s, 0, undefined));
    return;
  }
  // One object per run, reset for each stratum and cycle (no allocation in the hot loop).
  const cycle = run.cycle;
  cycle.s = s;
  cycle.year = year;
  cycle.cycleIndex = cycleIndex;
  cycle.plan = plan;
  cycle.logigramme = null;
  cycle.work = null;
  cycle.passing = 0;
  cycle.leaving = 0;
  cycle.stayEnrolled = -1;
  cycle.retentionSeeded = false;
  if (plan) {
    cycle.logigramme = model.logigrammes[plan.logigramme]!;
    cycle.work = run.buffers.flows[plan.logigramme]!;
    cycle.stayEnrolled = run.buffers.stayEnrolled[s]!;
  }
  const unexposed = enrol(run, cycle, exposures);
  if (cycle.passing > 0) {
    if (stochastic) run.key.seed(run.buffers.flow, PURPOSE_CODES.flow, cycleIndex, model.stratumCodes[s]!);
    flow(run, cycle.work!, plan!.logigramme, cycle.passing, run.buffers.carried[s]!, year);
  }
  const merged = cycle.passing > 0 ? mergedPeople(run, cycle) : 0;
  if (stochastic) run.key.seed(run.buffers.transitions, PURPOSE_CODES.transitions, cycleIndex, model.stratumCodes[s]!);
  moveGroup(run, cycle, unexposed + merged, 0, 0, -1, false);
  for (let x = 0; x < exposures.length; x++) moveGroup(run, cycle, exposures.amounts[x]!, exposures.masks[x]!, 0, exposures.ages[x]!, false);
  if (cycle.passing > 0) {
    const leaving = cycle.work!.leaving;
    for (let g = 0; g < leaving.length; g++) {
      if (isMerged(run, cycle, leaving.masks[g]!, leaving.marks[g]!)) continue;
      moveGroup(run, cycle, leaving.amounts[g]!, leaving.masks[g]!, leaving.marks[g]!, 0, true);
    }
    transferEnrolled(run, cycle);
    commitPersons(run, cycle);
  }
}

/**
 * Tops the enrolled up to coverage × Nₛ from the people not enrolled, each with the same
 * probability q (q = coverage when nobody is enrolled yet, which is a plain Binomial(Nₛ, coverage)
 * as before issue 14); sets `cycle.passing`, removes the newly enrolled from the sub-compartments
 * and returns the people left not enrolled without effect (Uₛ).
 */
function enrol(run: Run, cycle: StratumCycle, exposures: Exposures): number {
  const { model, coverages, stochastic } = run.context;
  const s = cycle.s;
  const people = run.buffers.counts[s]!;
  const enrolled = run.buffers.enrolled[s]!;
  const notEnrolled = people - enrolled;
  const unexposed = Math.max(0, notEnrolled - exposures.total());
  if (!cycle.plan) return unexposed;
  const coverage = coverages[(run.armIndex * model.horizon + cycle.year - 1) * model.strataCount + s]!;
  const q = enrolled === 0 ? coverage : notEnrolled > 0 ? Math.min(1, Math.max(0, coverage * people - enrolled) / notEnrolled) : 0;
  const uniform = run.buffers.enrolment.next;
  if (stochastic) run.key.seed(run.buffers.enrolment, PURPOSE_CODES.enrolment, cycle.cycleIndex, model.stratumCodes[s]!);
  const fromUnexposed = stochastic ? binomial(uniform, unexposed, q) : unexposed * q;
  let passing = enrolled + fromUnexposed;
  for (let x = 0; x < exposures.length; x++) {
    const amount = exposures.amounts[x]!;
    const chosen = stochastic ? binomial(uniform, amount, q) : amount * q;
    exposures.amounts[x] = amount - chosen;
    passing += chosen;
  }
  cycle.passing = passing;
  return unexposed - fromUnexposed;
}

/**
 * Without `retention` (and with `volumes-at: start`), the enrolled who met no effect and are not
 * moving behave exactly as the people not enrolled, and leave the program at the end of the
 * cycle: they move in one draw with them, as before issue 14.
 */
function isMerged(run: Run, cycle: StratumCycle, mask: number, mark: number): boolean {
  return mask === 0 && mark === 0 && cycle.stayEnrolled < 0 && !run.deferPersons;
}

function mergedPeople(run: Run, cycle: StratumCycle): number {
  const leaving = cycle.work!.leaving;
  let merged = 0;
  for (let g = 0; g < leaving.length; g++) if (isMerged(run, cycle, leaving.masks[g]!, leaving.marks[g]!)) merged += leaving.amounts[g]!;
  return merged;
}

/**
 * Moves one group of `amount` people of stratum s by the row of its exposure (mask, age; age −1
 * for the people without effect), records the flows, applies the group's detection move to those
 * who stay, and places everyone in the next cycle's compartments.
 */
function moveGroup(run: Run, cycle: StratumCycle, amount: number, mask: number, mark: number, age: number, enrolled: boolean): void {
  if (amount <= 0) return;
  const { model, layout } = run.context;
  const buffers = run.buffers;
  const s = cycle.s;
  const probabilities = age <= 0 ? modifiedRow(run, s, mask, cycle.logigramme?.effects) : agedRow(run, cycle, mask, age);
  const stay = moveByRow(run, s, cycle.year, amount, probabilities);
  const flowBase = layout.flows + (cycle.year - 1) * layout.flowWidth;
  if (mark > 0) {
    const move = model.moves[mark - 1]!;
    buffers.next[move.to]! += stay;
    run.record[flowBase + model.transitions.length + mark - 1]! += stay;
  } else buffers.next[s]! += stay;
  if (enrolled) placeEnrolled(run, cycle, mask, mark, stay);
  else if (age > 0 && stillActive(cycle.logigramme!, mask, age + 1)) buffers.nextExposures[s]!.add(mask, age + 1, stay);
}

/**
 * Moves `amount` people of stratum s by the per-cycle row `probabilities`: a multinomial draw (its
 * expectation outside the stochastic mode), each transition's people added to its destination and
 * to the year's flows. Returns the people who stay.
 */
function moveByRow(run: Run, s: number, year: number, amount: number, probabilities: Float64Array): number {
  const { model, layout, stochastic } = run.context;
  const buffers = run.buffers;
  const row = model.rows[s]!;
  const moved = buffers.moved;
  let stay: number;
  if (stochastic) stay = multinomial(buffers.transitions.next, amount, probabilities, moved, row.length);
  else {
    stay = amount;
    for (let k = 0; k < row.length; k++) {
      moved[k] = amount * probabilities[k]!;
      stay -= moved[k]!;
    }
  }
  const flowBase = layout.flows + (year - 1) * layout.flowWidth;
  const targets = buffers.rowTargets[s]!;
  const next = buffers.next;
  const record = run.record;
  for (let k = 0; k < row.length; k++) {
    next[targets[k]!]! += moved[k]!;
    record[flowBase + row[k]!]! += moved[k]!;
  }
  return stay;
}

/**
 * What the enrolled people of one group become (step 4): those who stayed in s stay enrolled
 * with probability ρ or leave carrying (mask, 1); those who reached another stratum j arrive
 * enrolled with probability ρ when `on-transfer` is `keep` and the arm covers j, else not enrolled.
 * Without `retention` everyone leaves the program. Also counts the leavers Lₛ for `mid`.
 */
function placeEnrolled(run: Run, cycle: StratumCycle, mask: number, mark: number, stay: number): void {
  const { model } = run.context;
  const moved = run.buffers.moved;
  const row = model.rows[cycle.s]!;
  for (let k = 0; k < row.length; k++) cycle.leaving += moved[k]!;
  if (mark > 0) cycle.leaving += stay;
  else {
    const kept = cycle.stayEnrolled < 0 ? 0 : drawRetained(run, cycle, stay);
    run.buffers.nextEnrolled[cycle.s]! += kept;
    // Those who stay enrolled keep their lasting effects to the next passage (an exposure of age 0).
    const lasting = mask & cycle.logigramme!.lastingMask;
    if (lasting !== 0 && kept > 0) run.buffers.nextCarried[cycle.s]!.add(lasting, 0, kept);
    if (stillActive(cycle.logigramme!, mask, 1)) run.buffers.nextExposures[cycle.s]!.add(mask, 1, stay - kept);
  }
  if (cycle.stayEnrolled < 0 || !cycle.plan!.keepOnTransfer) return;
  const arm = model.arms[run.armIndex]!;
  const transferring = run.buffers.transferring;
  for (let k = 0; k < row.length; k++) {
    const to = model.transitions[row[k]!]!.to;
    if (to < model.strataCount && arm.strata[to] && moved[k]! > 0) transferring[to]! += moved[k]!;
  }
  if (mark > 0) {
    const to = model.moves[mark - 1]!.to;
    if (arm.strata[to] && stay > 0) transferring[to]! += stay;
  }
}

/**
 * The enrolled who reached another stratum that the arm covers (`on-transfer: keep`) arrive
 * enrolled with probability ρ: one Binomial(their total, ρ) per destination stratum, in stratum
 * order, after the draws of every group (a sum of independent Binomial(nᵢ, ρ) is Binomial(Σnᵢ, ρ)).
 */
function transferEnrolled(run: Run, cycle: StratumCycle): void {
  const transferring = run.buffers.transferring;
  for (let j = 0; j < transferring.length; j++) {
    if (transferring[j]! <= 0) continue;
    run.buffers.nextEnrolled[j]! += drawRetained(run, cycle, transferring[j]!);
    transferring[j] = 0;
  }
}

/** Binomial(n, ρ) from the stratum's `retention` stream (seeded at its first draw of the cycle). */
function drawRetained(run: Run, cycle: StratumCycle, n: number): number {
  if (n <= 0) return 0;
  if (!run.context.stochastic) return n * cycle.stayEnrolled;
  if (!cycle.retentionSeeded) {
    run.key.seed(run.buffers.retention, PURPOSE_CODES.retention, cycle.cycleIndex, run.context.model.stratumCodes[cycle.s]!);
    cycle.retentionSeeded = true;
  }
  return binomial(run.buffers.retention.next, n, cycle.stayEnrolled);
}

/**
 * The per-cycle row of stratum `s` for people who met the effects in `mask` this cycle: each
 * transition's p becomes 1 − (1 − p)^(product of the hazard ratios on it). Cached per (stratum,
 * mask) while θ, the territory and the year's probabilities stay. The last slot holds the row's
 * sum; a sum above 1 stops the run with an error naming the row and the iteration.
 */
function modifiedRow(run: Run, s: number, mask: number, effects: CompiledLogigramme['effects'] | undefined): Float64Array {
  const buffers = run.buffers;
  const masks = buffers.rowMasks[s]!;
  const length = buffers.rowLengths[s]!;
  for (let c = 0; c < length; c++) if (masks[c] === mask) return buffers.rowValues[s]![c]!;
  const { model, theta } = run.context;
  const row = model.rows[s]!;
  const out = buffers.rowValues[s]![length]!;
  for (let k = 0; k < row.length; k++) {
    const tr = row[k]!;
    let p = buffers.baseP[tr]!;
    if (mask !== 0) {
      let hr = 1;
      for (let b = 0; b < effects!.length; b++) {
        if ((mask & (1 << b)) !== 0 && effects![b]!.to === model.transitions[tr]!.to) hr *= theta[effects![b]!.hr]!;
      }
      if (hr !== 1) p = 1 - Math.pow(1 - p, hr);
    }
    out[k] = p;
  }
  checkRowSum(run, s, out, mask !== 0);
  masks[length] = mask;
  buffers.rowLengths[s] = length + 1;
  return out;
}

/** The row for people not enrolled who carry `mask` from a passage `age` ≥ 1 cycles ago (waning effects). */
function agedRow(run: Run, cycle: StratumCycle, mask: number, age: number): Float64Array {
  const cacheKey = mask * 65536 + age;
  const rows = run.buffers.agedRows[cycle.s]!;
  const generation = run.buffers.generation;
  let cached = rows.get(cacheKey);
  if (cached && cached.generation === generation) return cached.row;
  const { model, theta } = run.context;
  const logigramme = cycle.logigramme!;
  const row = model.rows[cycle.s]!;
  if (!cached) rows.set(cacheKey, (cached = { row: new Float64Array(row.length + 1), generation }));
  cached.generation = generation;
  const out = cached.row;
  for (let k = 0; k < row.length; k++) {
    const tr = row[k]!;
    let hr = 1;
    for (let b = 0; b < logigramme.effects.length; b++) {
      if ((mask & (1 << b)) !== 0 && logigramme.effects[b]!.to === model.transitions[tr]!.to) hr *= effectRatio(logigramme, b, age, theta);
    }
    const p = run.buffers.baseP[tr]!;
    out[k] = hr === 1 ? p : 1 - Math.pow(1 - p, hr);
  }
  checkRowSum(run, cycle.s, out, true);
  return out;
}

/** Writes the row's sum in its last slot; above 1, stops the run naming the row and the iteration. */
function checkRowSum(run: Run, s: number, out: Float64Array, withEffects: boolean): void {
  const { model, iteration } = run.context;
  const row = model.rows[s]!;
  let total = 0;
  for (let k = 0; k < row.length; k++) total += out[k]!;
  out[row.length] = total;
  if (total <= 1 + 1e-12) return;
  const spec = model.parameters.specs[model.transitions[row[0]!]!.p]!;
  const state = model.states[s]!.id;
  throw new ParameterError(
    t('sim.draw.row-sum', { state, total: total.toFixed(4), iteration, withEffects }),
    { name: t('sim.draw.row-sum.place', { state }), file: spec.file, line: spec.line, column: spec.column },
    iteration,
    t('sim.draw.row-sum.hint'),
  );
}

/** Inflows: each adds its annual mean / c people per cycle, a Poisson draw in the stochastic mode. */
function addInflows(run: Run, year: number, cycleIndex: number): void {
  const { model, layout, stochastic } = run.context;
  if (model.inflows.length === 0) return;
  const counts = run.buffers.counts;
  if (stochastic) run.key.seed(run.buffers.inflows, PURPOSE_CODES.inflows, cycleIndex, 0);
  for (let f = 0; f < model.inflows.length; f++) {
    const inflow = model.inflows[f]!;
    const value = yearValue(run, inflow.value, inflow.series, year, 'non-negative');
    const annual = inflow.kind === 'count' ? value : value * (inflow.of < 0 ? run.territory.population : counts[inflow.of]!);
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
 * Enrolled person-years of the cycle, and under `volumes-at: mid` the people per node and edge
 * kept by `flow`, times the timing factor fₛ = 1 − Lₛ / (2 Aₛ) (docs/simulation.md, "Timing of acts").
 */
function commitPersons(run: Run, cycle: StratumCycle): void {
  const { model, layout } = run.context;
  const H = model.horizon;
  const factor = run.deferPersons ? 1 - cycle.leaving / (2 * cycle.passing) : 1;
  const weight = run.cycleWeight * factor;
  run.record[layout.enrolled + (cycle.year - 1) * model.strataCount + cycle.s]! += cycle.passing * weight;
  if (!run.deferPersons) return;
  const work = cycle.work!;
  const li = cycle.plan!.logigramme;
  const nodeBase = layout.nodes[li]!;
  const edgeBase = layout.edges[li]!;
  const personsBase = layout.persons + (cycle.year - 1) * model.actions.length;
  const nodes = work.logigramme.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const total = work.nodeTotals[i]!;
    if (total === 0) continue;
    run.overlay[nodeBase + i * H + cycle.year - 1]! += total * weight;
    if (nodes[i]!.action >= 0) run.record[personsBase + nodes[i]!.action]! += total * weight;
  }
  for (let e = 0; e < work.edgeTotals.length; e++) if (work.edgeTotals[e]! !== 0) run.overlay[edgeBase + e * H + cycle.year - 1]! += work.edgeTotals[e]! * weight;
}

/**
 * A year's program costs: fixed per territory, per enrolled person-year in the listed strata, and
 * per person-year of everyone in the listed strata, counted as the scenario's `state-time` says
 * from the counts at the start and the end of the year (docs/economics.md, "Person-time").
 */
function recordProgramCosts(run: Run, year: number): void {
  const { model, layout, theta } = run.context;
  const S = model.strataCount;
  const stateCount = model.states.length;
  const { start, end } = PERSON_TIME_SHARES[model.economics.stateTime];
  for (const cost of model.arms[run.armIndex]!.costs) {
    let amount = theta[cost.value]!;
    if (cost.kind === 'per-enrolled-year') {
      let personYears = 0;
      for (let s = 0; s < S; s++) if (cost.strata[s]) personYears += run.record[layout.enrolled + (year - 1) * S + s]!;
      amount *= personYears;
    } else if (cost.kind === 'per-person-year') {
      let personYears = 0;
      for (let s = 0; s < S; s++) {
        if (cost.strata[s]) personYears += start * run.record[layout.counts + (year - 1) * stateCount + s]! + end * run.record[layout.counts + year * stateCount + s]!;
      }
      amount = yearValue(run, cost.value, cost.series, year, 'non-negative') * personYears;
    }
    run.record[layout.programCost + (year - 1) * model.programCosts.length + cost.cost]! += amount;
  }
}

/**
 * Sends `passing` people through a logigramme in topological order; leaves the groups at the end
 * in `work.leaving`. People reaching a node count for 1/c of a person-year (the persons record and
 * the overlay are per year whatever the cycle); under `volumes-at: mid` they are kept in
 * `work.nodeTotals` and `work.edgeTotals` until the cycle's timing factor is known.
 */
function flow(run: Run, work: FlowScratch, logigrammeIndex: number, passing: number, carried: Exposures, year: number): void {
  const { model, layout } = run.context;
  const nodes = work.logigramme.nodes;
  const H = model.horizon;
  const nodeBase = layout.nodes[logigrammeIndex]!;
  const edgeBase = layout.edges[logigrammeIndex]!;
  const personsBase = layout.persons + (year - 1) * model.actions.length;
  const weight = run.cycleWeight;
  for (const groups of work.arriving) groups.length = 0;
  work.leaving.length = 0;
  if (run.deferPersons) {
    work.nodeTotals.fill(0);
    work.edgeTotals.fill(0);
  }
  // Everyone enters as one group: the route does not depend on the effects some of them carry
  // from earlier passages, which are given back as they leave (shareAmongCarried).
  work.arriving[0]!.add(0, 0, passing, work.logigramme.id);
  for (let i = 0; i < nodes.length; i++) {
    const groups = work.arriving[i]!;
    if (groups.length === 0) continue;
    const node = nodes[i]!;
    let total = 0;
    for (let g = 0; g < groups.length; g++) total += groups.amounts[g]!;
    if (run.deferPersons) work.nodeTotals[i] = total;
    else {
      run.overlay[nodeBase + i * H + year - 1]! += total * weight;
      if (node.action >= 0) run.record[personsBase + node.action]! += total * weight;
    }
    if (node.type === 'decision') splitAtDecision(run, work, i, edgeBase, year);
    else passOn(run, work, i, edgeBase, year, total);
  }
  if (carried.length > 0) shareAmongCarried(run, work, passing, carried);
}

/**
 * The enrolled who carry lasting effects (the sets C of `carried`) were routed with the others,
 * every person independently along the same branch shares. Given how many leave by each class
 * (M, mark), which entry group each of them came from is a multivariate hypergeometric draw
 * (docs/simulation.md, "Who carried what"): for each class in the order it left, and for each
 * entry group — first those who carry nothing, then each set C in order — Hypergeometric(the
 * group's people not yet placed, the later groups' people, the class's people not yet placed),
 * from the flow stream; outside the stochastic mode, its expectation. Each lands in (M ∪ C, mark).
 */
function shareAmongCarried(run: Run, work: FlowScratch, passing: number, carried: Exposures): void {
  const stochastic = run.context.stochastic;
  const classes = work.pooled;
  const leaving = work.leaving;
  const remaining = work.entering;
  const groups = carried.length + 1;
  let carrying = 0;
  for (let x = 0; x < carried.length; x++) {
    remaining[x + 1] = carried.amounts[x]!;
    carrying += carried.amounts[x]!;
  }
  remaining[0] = passing - carrying;
  classes.copyFrom(leaving);
  leaving.length = 0;
  for (let k = 0; k < classes.length; k++) {
    let toPlace = classes.amounts[k]!;
    let later = 0;
    for (let g = 0; g < groups; g++) later += remaining[g]!;
    for (let g = 0; g < groups && toPlace > 0; g++) {
      const available = remaining[g]!;
      later -= available;
      let chosen: number;
      if (g === groups - 1) chosen = toPlace;
      else if (stochastic) chosen = hypergeometric(run.buffers.flow.next, available, later, toPlace);
      else chosen = available + later > 0 ? (toPlace * available) / (available + later) : 0;
      remaining[g] = available - chosen;
      toPlace -= chosen;
      if (chosen > 0) leaving.add(classes.masks[k]! | (g === 0 ? 0 : carried.masks[g - 1]!), classes.marks[k]!, chosen, work.logigramme.id);
    }
  }
}

/**
 * Non-decision node `i`: adds its effects to every group, splits the groups at a move-to node
 * (Binomial(m, p) chosen to move, from the flow stream; all of them without `p`), and passes them
 * to the next node or out of the logigramme.
 */
function passOn(run: Run, work: FlowScratch, i: number, edgeBase: number, year: number, total: number): void {
  const { model, theta, stochastic } = run.context;
  const node = work.logigramme.nodes[i]!;
  const groups = work.arriving[i]!;
  const target = node.next >= 0 ? work.arriving[node.next]! : work.leaving;
  const where = work.logigramme.id;
  for (let g = 0; g < groups.length; g++) {
    const mask = groups.masks[g]! | node.effectMask;
    const amount = groups.amounts[g]!;
    if (node.move < 0) {
      target.add(mask, groups.marks[g]!, amount, where);
      continue;
    }
    // p per person-year reached, as a frequency: p / c of the people reaching the node each cycle.
    const share = (node.moveShare < 0 ? 1 : theta[node.moveShare]!) * run.cycleWeight;
    const moving = share === 1 ? amount : stochastic ? binomial(run.buffers.flow.next, amount, share) : amount * share;
    if (moving > 0) target.add(mask, node.move + 1, moving, where);
    if (amount - moving > 0) target.add(mask, groups.marks[g]!, amount - moving, where);
  }
  if (node.next < 0) return;
  if (run.deferPersons) work.edgeTotals[node.edge]! += total;
  else run.overlay[edgeBase + node.edge * model.horizon + year - 1]! += total * run.cycleWeight;
}

/**
 * At decision `i`, every group splits multinomially by the branch shares of θ (one branch
 * without `p` takes the remainder; independent shares that sum below 1 are renormalised, above 1
 * is an error).
 */
function splitAtDecision(run: Run, work: FlowScratch, i: number, edgeBase: number, year: number): void {
  const { model, stochastic } = run.context;
  const node = work.logigramme.nodes[i]!;
  const branches = node.branches;
  branchShares(run, work, i);
  const groups = work.arriving[i]!;
  for (let g = 0; g < groups.length; g++) {
    const amount = groups.amounts[g]!;
    if (stochastic) {
      const rest = multinomial(run.buffers.flow.next, amount, work.shares, work.split, branches.length);
      // Rounding can leave a person unassigned when the shares sum to 1 − ε: give them to the last branch.
      if (rest > 0) work.split[branches.length - 1]! += rest;
    } else {
      for (let b = 0; b < branches.length; b++) work.split[b] = amount * work.shares[b]!;
    }
    for (let b = 0; b < branches.length; b++) {
      const x = work.split[b]!;
      if (x <= 0) continue;
      work.arriving[branches[b]!.next]!.add(groups.masks[g]!, groups.marks[g]!, x, work.logigramme.id);
      if (run.deferPersons) work.edgeTotals[node.branchEdges[b]!]! += x;
      else run.overlay[edgeBase + node.branchEdges[b]! * model.horizon + year - 1]! += x * run.cycleWeight;
    }
  }
}

/** The branch shares of decision `i` in `work.shares`: θ, the remainder, renormalised below 1; above 1 stops the run. */
function branchShares(run: Run, work: FlowScratch, i: number): void {
  const { model, theta, iteration } = run.context;
  const logigramme = work.logigramme;
  const node = logigramme.nodes[i]!;
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
}
