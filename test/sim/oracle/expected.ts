/**
 * An independent re-implementation of `logi simulate --mode expected`, written from
 * docs/simulation.md and docs/language.md alone (and the meaning of the YAML keys): it never
 * imports src/. It exists to check that the docs define the engine's numbers, and to check the
 * engine against them (test/sim/dynamics-oracle.test.ts).
 *
 * State of a stratum (docs "Program dynamics"): E enrolled, of whom C(M) carry the lasting effects
 * M met at earlier passages of their enrolment; U not enrolled without effect; and X(M, a) not
 * enrolled carrying the effects M of their last passage, a cycles ago. Every draw is its
 * expectation.
 */
import { central, inYear } from './central.js';
import { compileLogigramme, pass, type CompiledLogigramme, type Effect, type Group, type MoveMark } from './logigramme.js';
import { documentOf, documentsOf, readWorkspace, type Doc, withParameterSets, type Workspace } from './workspace.js';

export type Series = Record<string, number[]>;

export type StateTime = 'half-cycle' | 'start' | 'end';

/**
 * docs/economics.md "Person-time": the person-years of stratum s in year y (1-based) from the
 * counts at the end of years y − 1 and y (`counts[s][0]` is the start).
 */
export function personTime(counts: Series, s: string, year: number, stateTime: StateTime): number {
  const before = counts[s]![year - 1]!;
  const after = counts[s]![year]!;
  if (stateTime === 'start') return before;
  if (stateTime === 'end') return after;
  return (before + after) / 2;
}

export interface ArmSeries {
  counts: Series;
  flows: Series;
  events: Series;
  inflows: Series;
  persons: Series;
  volumes: Series;
  minutes: Series;
  fte: Series;
  cost: Series;
  enrolled: Series;
  programCost: Series;
  totalCost: number[];
}

export interface ExpectedResult {
  horizon: number;
  cyclesPerYear: number;
  territories: string[];
  arms: Record<string, { baseline: ArmSeries; program: ArmSeries }>;
}

interface Exposed {
  effects: string[];
  age: number;
  n: number;
}
interface Carried {
  effects: string[];
  n: number;
}
interface StratumState {
  /** Eₛ, every enrolled person, carriers included. */
  enrolled: number;
  /** Cₛ(M): the enrolled who carry the non-empty set M of lasting effects, by M's key. */
  carried: Map<string, Carried>;
  plain: number;
  exposed: Map<string, Exposed>;
}

interface ArmModel {
  program: Doc;
  logigrammes: Map<string, CompiledLogigramme>;
  coverage: (year: number, stratum: string) => number;
}

interface Model {
  workspace: Workspace;
  scenario: Doc;
  pyramid: Doc;
  strata: string[];
  exits: string[];
  transitions: { from: string; to: string; key: string; p: unknown }[];
  c: number;
  horizon: number;
  mid: boolean;
  /** docs/economics.md "Person-time": the scenario's `economics.state-time`, for `per-person-year` costs. */
  stateTime: StateTime;
  effects: Map<string, Effect>;
  actors: Map<string, Doc>;
  baseline: ArmModel;
  program: ArmModel;
}

const CYCLES: Record<string, number> = { year: 1, quarter: 4, month: 12 };
const norm = (key: string) => key.split('->').map((part) => part.trim()).join('->');

export function expected(root: string, scenarioId: string, options: { horizon?: number } = {}): ExpectedResult {
  const model = buildModel(withParameterSets(readWorkspace(root), scenarioId), scenarioId, options);
  const territories = model.scenario.territories as string[];
  const arms: ExpectedResult['arms'] = {};
  for (const id of territories) {
    const territory = documentOf(model.workspace, 'Territory', id);
    arms[id] = { baseline: runArm(model, territory, model.baseline), program: runArm(model, territory, model.program) };
  }
  return { horizon: model.horizon, cyclesPerYear: model.c, territories, arms };
}

function buildModel(workspace: Workspace, scenarioId: string, options: { horizon?: number }): Model {
  const scenario = documentOf(workspace, 'Scenario', scenarioId);
  const pyramid = documentOf(workspace, 'Pyramid', scenario.pyramid);
  const strata = (pyramid.strata as Doc[]).map((s) => s.id as string);
  const transitions = ((pyramid.transitions ?? []) as Doc[]).map((t) => ({ from: t.from, to: t.to, key: `${t.from}->${t.to}`, p: t.p }));
  const transitionKeys = new Set(transitions.map((t) => t.key));
  const effects = new Map<string, Effect>();
  const compiled = new Map<string, CompiledLogigramme>();
  const armModel = (program: Doc, coverage: ArmModel['coverage']): ArmModel => {
    const logigrammes = new Map<string, CompiledLogigramme>();
    for (const [stratum, entry] of Object.entries(program.strata as Record<string, Doc>)) {
      const cacheKey = `${entry.logigramme}@${stratum}`;
      if (!compiled.has(cacheKey)) compiled.set(cacheKey, compileLogigramme(documentOf(workspace, 'Logigramme', entry.logigramme), stratum, transitionKeys));
      logigrammes.set(stratum, compiled.get(cacheKey)!);
    }
    return { program, logigrammes, coverage };
  };
  const baselineProgram = documentOf(workspace, 'Program', scenario.baseline);
  const programProgram = documentOf(workspace, 'Program', scenario.program);
  const baselineCoverage = (year: number, stratum: string) => coverageOf(baselineProgram.strata[stratum]?.coverage, year, () => Number.NaN);
  const baseline = armModel(baselineProgram, baselineCoverage);
  const program = armModel(programProgram, (year, stratum) => coverageOf(programProgram.strata[stratum]?.coverage, year, () => baselineCoverage(year, stratum)));
  for (const logigramme of compiled.values()) for (const list of logigramme.effectsAt.values()) for (const e of list) effects.set(e.id, e);
  const actors = new Map<string, Doc>();
  for (const document of documentsOf(workspace, 'Actors')) for (const [id, actor] of Object.entries(document.actors as Record<string, Doc>)) actors.set(id, actor);
  return {
    workspace,
    scenario,
    pyramid,
    strata,
    exits: ((pyramid.exits ?? []) as Doc[]).map((e) => e.id as string),
    transitions,
    c: CYCLES[pyramid.cycle ?? 'year']!,
    horizon: options.horizon ?? scenario.horizon ?? 10,
    mid: scenario['volumes-at'] === 'mid',
    stateTime: scenario.economics?.['state-time'] ?? 'half-cycle',
    effects,
    actors,
    baseline,
    program,
  };
}

/** docs "Coverage": a value; a ramp (last value holds); a ramp added to the baseline's, clamped. */
function coverageOf(coverage: unknown, year: number, baseline: () => number): number {
  if (coverage === undefined) return 0;
  if (coverage && typeof coverage === 'object' && Array.isArray((coverage as Doc).ramp)) {
    const ramp = (coverage as Doc).ramp as unknown[];
    const value = central(ramp[Math.min(year, ramp.length) - 1]);
    if ((coverage as Doc)['relative-to'] !== 'baseline') return value;
    return Math.min(1, Math.max(0, baseline() + value));
  }
  return central(coverage);
}

/** The recorded measures of one arm, all zero, with their keys. */
function emptySeries(model: Model, arm: ArmModel): ArmSeries {
  const H = model.horizon;
  const zeros = (length: number) => new Array<number>(length).fill(0);
  const series = (keys: Iterable<string>, length = H): Series => Object.fromEntries([...keys].map((k) => [k, zeros(length)]));
  const moves = [...arm.logigrammes.values()].flatMap((l) => [...l.moveAt.values()].map((m) => m.mark.key));
  const actions = [...arm.logigrammes.values()].flatMap((l) => l.actions.map((a) => a.key));
  const events = Object.keys(model.pyramid.events ?? {});
  for (const l of arm.logigrammes.values()) for (const m of l.moveAt.values()) if (m.mark.event && !events.includes(m.mark.event)) events.push(m.mark.event);
  return {
    counts: series([...model.strata, ...model.exits], H + 1),
    flows: series([...model.transitions.map((t) => t.key), ...moves]),
    events: series(events),
    inflows: series(((model.pyramid.inflows ?? []) as Doc[]).map((inflow, i) => `${i + 1}:${inflow.to}`)),
    persons: series(actions),
    volumes: series(actions),
    minutes: series(model.actors.keys()),
    fte: series(model.actors.keys()),
    cost: series(model.actors.keys()),
    // "per stratum that some arm covers" (docs "Outputs").
    enrolled: series(model.strata.filter((s) => model.baseline.logigrammes.has(s) || model.program.logigrammes.has(s))),
    programCost: series(Object.keys(arm.program.costs ?? {})),
    totalCost: zeros(H),
  };
}

const total = (s: StratumState) => s.enrolled + s.plain + [...s.exposed.values()].reduce((sum, x) => sum + x.n, 0);
const emptyState = (): StratumState => ({ enrolled: 0, carried: new Map(), plain: 0, exposed: new Map() });

function runArm(model: Model, territory: Doc, arm: ArmModel): ArmSeries {
  const out = emptySeries(model, arm);
  const counts = (territory.pyramids?.[model.pyramid.id]?.counts ?? {}) as Record<string, number>;
  let state = new Map(model.strata.map((s) => [s, { ...emptyState(), plain: counts[s] ?? 0 }]));
  const exits = new Map(model.exits.map((e) => [e, counts[e] ?? 0]));
  record(out.counts, 0, state, exits);
  for (let year = 1; year <= model.horizon; year++) {
    for (let k = 0; k < model.c; k++) state = cycle(model, territory, arm, year, state, exits, out);
    record(out.counts, year, state, exits);
    costs(model, arm, year, out);
  }
  return out;
}

function record(counts: Series, year: number, state: Map<string, StratumState>, exits: Map<string, number>): void {
  for (const [s, st] of state) counts[s]![year] = total(st);
  for (const [e, n] of exits) counts[e]![year] = n;
}

/** One cycle of every stratum from the start-of-cycle state (synchronous), then the inflows. */
function cycle(model: Model, territory: Doc, arm: ArmModel, year: number, state: Map<string, StratumState>, exits: Map<string, number>, out: ArmSeries): Map<string, StratumState> {
  const next = new Map(model.strata.map((s) => [s, emptyState()]));
  for (const s of model.strata) stratumCycle(model, territory, arm, year, s, state.get(s)!, next, exits, out);
  ((model.pyramid.inflows ?? []) as Doc[]).forEach((inflow, i) => {
    const annual = inflow.count !== undefined
      ? inYear(inflow.count, year)
      : inYear(inflow.rate, year) * (inflow.of === 'population' ? territory.population : total(state.get(inflow.of)!));
    const lambda = annual / model.c;
    next.get(inflow.to)!.plain += lambda;
    out.inflows[`${i + 1}:${inflow.to}`]![year - 1]! += lambda;
  });
  return next;
}

/** Step 1, enrolment: top up E to coverage × N with the same probability q from U and every X. */
function enrol(st: StratumState, coverage: number): number {
  const N = total(st);
  const V = N - st.enrolled;
  const gap = Math.max(0, coverage * N - st.enrolled);
  const q = V === 0 ? 0 : st.enrolled === 0 ? coverage : Math.min(1, gap / V);
  let joining = q * st.plain;
  st.plain -= q * st.plain;
  for (const x of st.exposed.values()) {
    joining += q * x.n;
    x.n -= q * x.n;
  }
  return st.enrolled + joining;
}

interface Destination {
  to: string;
  n: number;
}

function stratumCycle(model: Model, territory: Doc, arm: ArmModel, year: number, s: string, start: StratumState, next: Map<string, StratumState>, exits: Map<string, number>, out: ArmSeries): void {
  const st: StratumState = { ...start, exposed: new Map([...start.exposed].map(([k, x]) => [k, { ...x }])) };
  const entry = arm.program.strata[s] as Doc | undefined;
  const logigramme = arm.logigrammes.get(s);
  const A = entry && logigramme ? enrol(st, arm.coverage(year, s)) : st.enrolled;
  // Step 2: set 0 (the newly enrolled, arrivals, and the enrolled who carry nothing) first, then each C(M).
  const carriers = logigramme ? [...start.carried.values()].sort((a, b) => bitsOf(logigramme, a.effects) - bitsOf(logigramme, b.effects)) : [];
  const entering: Group[] = [{ effects: [], n: A - carriers.reduce((sum, c) => sum + c.n, 0) }, ...carriers.map((c) => ({ ...c }))];
  const passage = logigramme && A > 0 ? pass(logigramme, entering, model.c) : { groups: [] as Group[], reached: new Map<string, number>() };
  const hasRetention = entry?.retention !== undefined;
  const rho = hasRetention ? Math.pow(central(entry!.retention), 1 / model.c) : 0;
  const keep = (entry?.['on-transfer'] ?? 'keep') === 'keep';
  const rows = rowsOf(model, territory, year, s);
  const move = (n: number, effects: string[], age: number) => moveGroup(model, rows, s, n, effects, age, out, year);
  const arrive = (to: string, n: number) => (model.exits.includes(to) ? exits.set(to, exits.get(to)! + n) : (next.get(to)!.plain += n));
  const ageInto = (effects: string[], age: number, n: number) => addExposed(model, next.get(s)!, effects, age, n);

  // Step 3, the not-enrolled-without-effect group, with the enrolled who met nothing when there is no retention.
  const merged = hasRetention ? [] : passage.groups.filter((g) => g.effects.length === 0 && !g.mark);
  const enrolledGroups = passage.groups.filter((g) => !merged.includes(g));
  const mergedEnrolled = merged.reduce((sum, g) => sum + g.n, 0);
  const plainMove = move(st.plain + mergedEnrolled, [], 0);
  next.get(s)!.plain += plainMove.stay;
  plainMove.leave.forEach((d) => arrive(d.to, d.n));
  let left = mergedEnrolled * plainMove.leftShare;
  // The sub-compartments X(M, a): who stays goes to X(M, a + 1).
  for (const x of st.exposed.values()) {
    const m = move(x.n, x.effects, x.age);
    ageInto(x.effects, x.age + 1, m.stay);
    m.leave.forEach((d) => arrive(d.to, d.n));
  }
  // The enrolled groups, exposure (M, 0); steps 3 (moves) and 4 (retention).
  for (const g of enrolledGroups) {
    const m = move(g.n, g.effects, 0);
    const elsewhere: Destination[] = [...m.leave];
    left += m.leftShare * g.n;
    if (g.mark) {
      recordMove(out, g.mark, year, m.stay);
      elsewhere.push({ to: g.mark.to, n: m.stay });
      left += m.stay;
    } else if (hasRetention) {
      // Step 4: who stays enrolled keeps M's lasting effects (duration above 1) to the next passage.
      next.get(s)!.enrolled += rho * m.stay;
      carry(next.get(s)!, g.effects.filter((id) => model.effects.get(id)!.duration > 1), rho * m.stay);
      ageInto(g.effects, 1, (1 - rho) * m.stay);
    } else ageInto(g.effects, 1, m.stay);
    for (const d of elsewhere) {
      if (model.exits.includes(d.to)) arrive(d.to, d.n);
      else if (hasRetention && keep && arm.logigrammes.has(d.to)) {
        next.get(d.to)!.enrolled += rho * d.n;
        next.get(d.to)!.plain += (1 - rho) * d.n;
      } else next.get(d.to)!.plain += d.n;
    }
  }
  recordPassage(model, out, s, year, A, left, passage.reached, logigramme);
}

/** Cₛ(M) grows by n; the empty set is not a sub-compartment (they are in Eₛ with nothing). */
function carry(st: StratumState, effects: string[], n: number): void {
  if (effects.length === 0 || n === 0) return;
  const key = effects.join('+');
  const existing = st.carried.get(key);
  if (existing) existing.n += n;
  else st.carried.set(key, { effects, n });
}

/** The integer Σ 2^b of a set (docs "Orders"): only the order of entry, which no expected figure depends on. */
function bitsOf(logigramme: CompiledLogigramme, effects: string[]): number {
  const bits = logigramme.order.flatMap((id) => logigramme.effectsAt.get(id) ?? []).map((e) => e.id);
  return effects.reduce((sum, id) => sum + 2 ** bits.indexOf(id), 0);
}

function recordMove(out: ArmSeries, mark: MoveMark, year: number, n: number): void {
  out.flows[mark.key]![year - 1]! += n;
  if (mark.event) out.events[mark.event]![year - 1]! += n;
}

/** X(M, a), or U when none of M's effects can apply at age a any more (step 6). */
function addExposed(model: Model, st: StratumState, effects: string[], age: number, n: number): void {
  const alive = effects.some((id) => {
    const e = model.effects.get(id)!;
    return age < e.duration && !(e.stop && age >= 1);
  });
  if (!alive) {
    st.plain += n;
    return;
  }
  const key = `${effects.join('+')}|${age}`;
  const existing = st.exposed.get(key);
  if (existing) existing.n += n;
  else st.exposed.set(key, { effects, age, n });
}

/** The cycle's probability p̃ of each transition out of s in year y, after the territory's multiplier. */
function rowsOf(model: Model, territory: Doc, year: number, s: string): { to: string; key: string; p: number }[] {
  const multipliers = (territory.pyramids?.[model.pyramid.id]?.multipliers ?? {}) as Record<string, unknown>;
  const byKey = new Map(Object.entries(multipliers).map(([k, v]) => [norm(k), v]));
  return model.transitions
    .filter((t) => t.from === s)
    .map((t) => {
      const py = inYear(t.p, year);
      const m = byKey.has(t.key) ? inYear(byKey.get(t.key), year) : 1;
      const annual = 1 - Math.pow(1 - py, m);
      return { to: t.to, key: t.key, p: 1 - Math.pow(1 - annual, 1 / model.c) };
    });
}

/** HR_b(a): the docs' table of waning, and `after-exit: stop`. */
export function hazardRatio(e: Effect, age: number): number {
  if (age >= e.duration || (e.stop && age >= 1)) return 1;
  if (e.waning === 'linear') return e.hr + ((1 - e.hr) * age) / e.duration;
  if (e.waning === 'exponential') return Math.pow(e.hr, Math.pow(2, -age / e.halfLife));
  return e.hr;
}

/** Expected multinomial over the row with the exposure (M, a); records the flows. */
function moveGroup(model: Model, rows: ReturnType<typeof rowsOf>, s: string, n: number, effects: string[], age: number, out: ArmSeries, year: number): { stay: number; leave: Destination[]; leftShare: number } {
  const leave: Destination[] = [];
  let share = 0;
  for (const row of rows) {
    let hr = 1;
    for (const id of effects) {
      const e = model.effects.get(id)!;
      if (e.from === s && e.to === row.to) hr *= hazardRatio(e, age);
    }
    const p = hr === 1 ? row.p : 1 - Math.pow(1 - row.p, hr);
    share += p;
    leave.push({ to: row.to, n: n * p });
    out.flows[row.key]![year - 1]! += n * p;
    // An event is a list of flows, or (issue 16) an object whose `flows` are the list.
    for (const [event, written] of Object.entries((model.pyramid.events ?? {}) as Record<string, string[] | { flows: string[] }>)) {
      const keys = Array.isArray(written) ? written : written.flows;
      if (keys.map(norm).includes(row.key)) out.events[event]![year - 1]! += n * p;
    }
  }
  if (share > 1 + 1e-12) throw new Error(`oracle: row ${s} sums to ${share} > 1`);
  return { stay: n * (1 - share), leave, leftShare: share };
}

/** Person-years of the cycle (÷ c), × fₛ = 1 − Lₛ/(2Aₛ) under `volumes-at: mid`. */
function recordPassage(model: Model, out: ArmSeries, s: string, year: number, A: number, left: number, reached: Map<string, number>, logigramme?: CompiledLogigramme): void {
  if (A <= 0 || !logigramme) return;
  const f = model.mid ? 1 - left / (2 * A) : 1;
  out.enrolled[s]![year - 1]! += (A / model.c) * f;
  for (const action of logigramme.actions) {
    const personYears = ((reached.get(action.key) ?? 0) / model.c) * f;
    // One act per passage: m people reaching it make m acts, i.e. person-years × c (docs/simulation.md).
    const acts = action.once ? personYears * model.c : personYears * action.actsPerPersonYear;
    const actor = model.actors.get(action.actor)!;
    const minutes = acts * (action.minutes ?? central(actor['minutes-per-act']));
    out.persons[action.key]![year - 1]! += personYears;
    out.volumes[action.key]![year - 1]! += acts;
    out.minutes[action.actor]![year - 1]! += minutes;
    out.fte[action.actor]![year - 1]! += minutes / actor['fte-minutes-per-year'];
    out.cost[action.actor]![year - 1]! += acts * (action.cost ?? central(actor['cost-per-act']));
  }
}

/**
 * docs "Program costs": per territory and year, or per enrolled person-year of the listed strata;
 * (issue 16, docs/economics.md "The valuation lines") per person-year of everyone in the listed
 * strata under the arm, the year's value × Σ PT_s(y) — so it runs after the year's counts are recorded.
 */
function costs(model: Model, arm: ArmModel, year: number, out: ArmSeries): void {
  for (const [id, cost] of Object.entries((arm.program.costs ?? {}) as Record<string, Doc>)) {
    let value: number;
    if (cost['per-year'] !== undefined) value = central(cost['per-year']);
    else if (cost['per-person-year'] !== undefined) {
      const strata = cost.strata as string[];
      value = inYear(cost['per-person-year'], year) * strata.reduce((sum, s) => sum + personTime(out.counts, s, year, model.stateTime), 0);
    } else {
      const strata = (cost.strata as string[] | undefined) ?? Object.keys(arm.program.strata);
      value = central(cost['per-enrolled-year']) * strata.reduce((sum, s) => sum + (out.enrolled[s]?.[year - 1] ?? 0), 0);
    }
    out.programCost[id]![year - 1] = value;
  }
  const actCosts = Object.values(out.cost).reduce((sum, series) => sum + series[year - 1]!, 0);
  const programCosts = Object.values(out.programCost).reduce((sum, series) => sum + series[year - 1]!, 0);
  out.totalCost[year - 1] = actCosts + programCosts;
}
