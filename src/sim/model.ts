/**
 * Compiles a scenario and the documents it names into a plain, serialisable model: states,
 * transition rows, inflows, logigrammes in topological order, actions and actors, arms
 * (baseline, program) and territories, with every number turned into a parameter slot of θ.
 */
import type { TerritorySlots } from './parameters.js';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_EFFECTS_PER_LOGIGRAMME } from '../graph/effects.js';
import { t } from '../i18n/catalogue.js';
import { type FlowNodes, topologicalOrder as graphTopologicalOrder } from '../graph/flow.js';
import { byCodePoint } from '../language/order.js';
import { emptyRecord, hasOwnKey, ownValue } from '../language/records.js';
import { PERIODS_PER_YEAR, parseTransition, type TimeVarying } from '../language/schemas/common.js';
import type { Parameter } from '../language/schemas/index.js';
import { isOnce, parseFrequency, parseMoveTo } from '../language/schemas/logigramme.js';
import { eventFlows, eventFlowsPath, type PyramidDocument } from '../language/schemas/pyramid.js';
import type { ScenarioDocument } from '../language/schemas/scenario.js';
import { locate } from '../language/source.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import { compileParameter, type Constraint, type DirichletSpec, ParameterError, type ParameterSpec, type Place, type RawParameter } from './parameters.js';
import { STREAM_DERIVATION, stratumCode } from './random.js';
import { ModelError } from './model-error.js';
import type { StateTime } from './person-time.js';
import { placeOf } from './place.js';
import { type ParameterOverrides, parameterOverrides, parsePosterior, placeKey, type Posterior } from './parameter-sets.js';

export type Mode = 'stochastic' | 'psa' | 'expected';
export const ARMS = ['baseline', 'program'] as const;
export type Arm = (typeof ARMS)[number];

export interface CompiledNode {
  id: string;
  type: 'start' | 'action' | 'decision' | 'end' | 'refer';
  label: string;
  /** Index (in `nodes`) of the next node, or −1. */
  next: number;
  /** Index in `Model.actions` for an action node, or −1. */
  action: number;
  /** Bits of the logigramme's effects that people passing here meet. */
  effectMask: number;
  /** Decision branches: target node index and the θ slot of the share (−1: the remainder). */
  branches: { label: string; next: number; share: number }[];
  /** Edge index (in `edges`) of `next`, and of each branch. */
  edge: number;
  branchEdges: number[];
  /** Index in `Model.moves` of the node's `move-to`, or −1; θ slot of its share (−1: everybody). */
  move: number;
  moveShare: number;
}

/** How an effect fades after the passage: see docs/simulation.md, "Lasting and waning effects". */
export type Waning = 'none' | 'linear' | 'exponential';

export interface CompiledEffect {
  from: number;
  to: number;
  /** θ slot of the hazard ratio. */
  hr: number;
  /** Cycles during which the effect applies after the passage (≥ 1). */
  duration: number;
  waning: Waning;
  /** θ slot of the half-life in cycles (exponential waning), or −1. */
  halfLife: number;
  /** False with `after-exit: stop`: the effect applies only in the cycle of a passage. */
  afterExit: boolean;
}

/** A value that changes with the calendar year: θ slots per year (the last holds), or a trend. */
export type YearSeries = { kind: 'by-year'; slots: number[] } | { kind: 'trend'; start: number; change: number };

export interface CompiledLogigramme {
  id: string;
  title: string;
  stratum: number;
  /** The nodes reachable from the start, in topological order; the start node is first. */
  nodes: CompiledNode[];
  edges: { from: number; to: number; label: string }[];
  /**
   * Effect bits: the effects on the logigramme's own stratum's transitions (destination state and
   * θ slot of the hazard ratio). Effects on other strata's transitions change nothing (lint's
   * effect-targets-transition reports them) and get no bit.
   */
  effects: CompiledEffect[];
  /**
   * 1 + the largest age (cycles since the passage) at which one of the effects can still apply
   * after the person left the program: 1 when no effect lasts beyond its cycle. Bounds the
   * time-since-exposure sub-compartments.
   */
  lastingCycles: number;
  /** The bits of the effects with a `duration` above 1: those an enrolled person keeps from one passage to the next. */
  lastingMask: number;
}

export interface CompiledAction {
  id: string;
  logigramme: string;
  node: string;
  label: string;
  actor: number;
  /** θ slot of `times`; acts per person-year reached = θ[times] × perYear (periods of `per` in a year; cycles in a year for `once`). */
  times: number;
  perYear: number;
  minutes: number;
  cost: number;
}

export interface CompiledActor {
  id: string;
  title: string;
  fteMinutesPerYear: number;
  minutes: number;
  cost: number;
  /** Who pays its acts (docs/economics.md, "Payers"). */
  payer: string;
}

/**
 * A coverage: the θ slot of each year's value (years 1, 2, …; the last holds). A plain coverage has
 * one slot. `relativeTo: 'baseline'`: the value is added to the baseline arm's coverage of the same
 * stratum and year, and the sum clamped to [0, 1].
 */
export interface Coverage {
  slots: number[];
  relativeTo: 'baseline' | null;
}

/** What a program does in one stratum. */
export interface ArmStratum {
  logigramme: number;
  coverage: Coverage;
  /** θ slot of the annual retention, or −1: enrolment drawn afresh every cycle (no memory). */
  retention: number;
  /** `on-transfer: keep` (the default): enrolled people stay enrolled in a stratum the program covers. */
  keepOnTransfer: boolean;
}

/** A program cost of one arm: per territory and year, per enrolled person-year, or per person-year in some strata. */
export interface ArmCost {
  /** Index in `Model.programCosts`. */
  cost: number;
  kind: 'per-year' | 'per-enrolled-year' | 'per-person-year';
  value: number;
  /** `per-person-year`: its values by year when it changes with the year, else null. */
  series: YearSeries | null;
  /** Per stratum: whether its enrolled person-years (per-enrolled-year) or person-years (per-person-year) count. */
  strata: boolean[];
}

export type { StateTime } from './person-time.js';

/** Costs, utilities and the valuation settings of a scenario (docs/economics.md). */
export interface EconomicsModel {
  discount: { costs: number; outcomes: number };
  stateTime: StateTime;
  /** The ICER's outcome: QALYs when every stratum has a utility (unless the scenario says otherwise), else life-years. */
  outcome: 'qalys' | 'life-years';
  threshold: number;
  thresholds: number[];
  /** Every payer named, in order of first appearance: actors (in order), strata, events, program costs. */
  payers: string[];
  /** Per actor: who pays its acts. */
  actorPayers: string[];
  stateCosts: { stratum: number; payer: string; title: string; slot: number; series: YearSeries | null }[];
  /** Per stratum: θ slot of its utility; null when some stratum has none (no QALYs). */
  utilities: number[] | null;
  eventCosts: { event: number; payer: string; title: string; slot: number }[];
}

export interface CompiledArm {
  id: string;
  title: string;
  /** Per stratum: logigramme index and coverage, or null when the program does nothing there. */
  strata: (ArmStratum | null)[];
  costs: ArmCost[];
}

export interface CompiledTerritory {
  id: string;
  title: string;
  population: number;
  /** Start counts per state (strata then exits). */
  counts: number[];
  /** Per transition index: θ slot of the local multiplier (its year-1 value), or −1. */
  multipliers: number[];
  /** Per transition index: the multiplier's values by year when it changes with the year, else null. */
  multiplierSeries: (YearSeries | null)[];
  workforce: Record<string, number>;
}

/** People the pyramid shares with another one, as the pyramid states it. */
export interface ModelOverlap {
  pyramid: string;
  /** The other pyramid's title (its id when it is not in the workspace). */
  pyramidTitle: string;
  strata: string[];
  otherStrata?: string[];
  note: string;
}

export interface Model {
  scenario: string;
  pyramid: string;
  pyramidTitle: string;
  /** The pyramid's `overlaps` (docs/language.md): flagged by the report, never subtracted. */
  overlaps: ModelOverlap[];
  seed: number;
  iterations: number;
  mode: Mode;
  /** Baseline and program replay the same random streams (true, the default) or draw independent ones. */
  commonRandomNumbers: boolean;
  horizon: number;
  cyclesPerYear: number;
  /** How random streams are derived from their keys (src/sim/random.ts): in the manifest. */
  streams: string;
  states: { id: string; title: string; exit: boolean }[];
  strataCount: number;
  /** Per stratum: the code of its id in stream keys (MurmurHash3_x86_32 of the id). */
  stratumCodes: number[];
  /** Per stratum: whether any arm enrols people in a logigramme there. */
  enrolledStrata: boolean[];
  /** Transitions of the pyramid; rows[s] lists the indices of transitions leaving stratum s. */
  /** `p`: θ slot of the year-1 probability; `series`: its values by year when it changes with the year. */
  transitions: { from: number; to: number; p: number; key: string; series: YearSeries | null }[];
  rows: number[][];
  inflows: { to: number; kind: 'count' | 'rate'; value: number; of: number; series: YearSeries | null }[];
  /** Named events: sums of transitions' flows and of detection moves; `desirable` when more is better. */
  events: { name: string; title: string; desirable: boolean; transitions: number[]; moves: number[] }[];
  /** Detection moves (`move-to` nodes), in the order of the logigrammes and their nodes. */
  moves: { key: string; from: number; to: number; logigramme: string; node: string }[];
  /** Whether a transition probability or a multiplier changes with the year (rows are recomputed each year). */
  timeVarying: boolean;
  /** When acts are counted in a cycle: docs/simulation.md, "Timing of acts". */
  volumesAt: 'start' | 'mid';
  /** Program costs besides the acts, over both arms: id, title, payer, and the arms that have it. */
  programCosts: { id: string; title: string; payer: string; arms: Arm[] }[];
  logigrammes: CompiledLogigramme[];
  actions: CompiledAction[];
  actors: CompiledActor[];
  arms: CompiledArm[];
  territories: CompiledTerritory[];
  /** `lateFrom`: the first slot drawn after the Dirichlets (the economic values, docs/economics.md). */
  parameters: { specs: ParameterSpec[]; dirichlets: DirichletSpec[]; lateFrom: number; territories: TerritorySlots[] };
  economics: EconomicsModel;
  /** A calibration's posterior sample, from the scenario's `parameter-sets`: iteration i takes set i mod its size (not in `expected` mode). */
  posterior: Posterior | null;
  /** Input files with their SHA-256, relative to the workspace root, sorted. */
  inputs: { file: string; sha256: string }[];
}

export { ModelError };

class ParameterRegistry {
  readonly specs: ParameterSpec[] = [];
  readonly dirichlets: DirichletSpec[] = [];
  /** The place keys of the overrides a parameter took. */
  readonly overridden = new Set<string>();
  constructor(private readonly overrides: Map<string, RawParameter> = new Map()) {}
  add(raw: Parameter, place: Place, constraint: Constraint): number {
    const key = placeKey(place.file, place.document, place.path);
    const override = this.overrides.get(key);
    if (override !== undefined) this.overridden.add(key);
    this.specs.push(compileParameter(override ?? (raw as RawParameter), place, constraint));
    return this.specs.length - 1;
  }
  addDirichlet(alphas: number[], place: Place): number {
    const first = this.specs.length;
    const total = alphas.reduce((a, b) => a + b, 0);
    alphas.forEach((alpha, k) => this.specs.push({ ...place, name: t('sim.param.dirichlet-share', { name: place.name, k: k + 1 }), constraint: 'probability', kind: 'fixed', central: alpha / total }));
    this.dirichlets.push({ ...place, first, alphas });
    return first;
  }
}


/**
 * Registers a value that may change with the year (docs/simulation.md, "Parameters that change
 * over time"): its year-1 slot, and its series when it has more than one value. A trend's
 * annual change may be any number: the year's value is checked against `constraint` at run time.
 */
function addTimeVarying(registry: ParameterRegistry, value: TimeVarying, doc: LoadedDocument, docPath: (string | number)[], name: string, constraint: Constraint): { slot: number; series: YearSeries | null } {
  if (typeof value === 'object' && 'by-year' in value) {
    const slots = value['by-year'].map((v, k) => registry.add(v, placeOf(doc, [...docPath, 'by-year', k], t('sim.param.by-year', { name, year: k + 1 })), constraint));
    return { slot: slots[0]!, series: slots.length > 1 ? { kind: 'by-year', slots } : null };
  }
  if (typeof value === 'object' && 'trend' in value) {
    const start = registry.add(value.trend.start, placeOf(doc, [...docPath, 'trend', 'start'], name), constraint);
    const change = registry.add(value.trend['annual-change'], placeOf(doc, [...docPath, 'trend', 'annual-change'], t('sim.param.annual-change', { name })), 'any');
    return { slot: start, series: { kind: 'trend', start, change } };
  }
  return { slot: registry.add(value, placeOf(doc, docPath, name), constraint), series: null };
}

/** The reachable nodes in topological order (src/graph), refusing loops: repetition is a frequency. */
function topologicalOrder(doc: LoadedDocument<'Logigramme'>): string[] {
  const nodes = doc.value.nodes as FlowNodes;
  for (const [id, node] of Object.entries(doc.value.nodes)) {
    const targets = node.type === 'decision' ? node.branches.map((b) => b.next) : 'next' in node && node.next !== undefined ? [node.next] : [];
    const missing = targets.find((target) => !hasOwnKey(nodes, target));
    if (missing !== undefined) throw new ModelError(t('sim.model.missing-target', { logigramme: doc.id, node: id, target: missing }), placeOf(doc, ['nodes', id], 'node'), t('sim.model.run-lint'));
  }
  if (!hasOwnKey(nodes, doc.value.start)) throw new ModelError(t('sim.model.missing-start', { logigramme: doc.id, start: doc.value.start }), placeOf(doc, ['start'], 'start'), t('sim.model.run-lint'));
  const { order, cyclic } = graphTopologicalOrder(nodes, doc.value.start);
  if (cyclic.length > 0) {
    throw new ModelError(t('sim.model.loop', { logigramme: doc.id, nodes: cyclic }), placeOf(doc, ['nodes', cyclic[0]!], 'node'), t('sim.model.loop.hint'));
  }
  return order;
}

export interface CompileOptions {
  iterations?: number;
  seed?: number;
  mode?: Mode;
  horizon?: number;
  /** False only to measure what common random numbers gain (independent streams per arm). */
  commonRandomNumbers?: boolean;
  /** True to compile the values as written, without the scenario's `parameter-sets` (a calibration does). */
  withoutParameterSets?: boolean;
}

/** What the parts of the compiler share: the workspace, the pyramid, its states and the θ registry. */
interface Compiler {
  workspace: Workspace;
  scenarioId: string;
  registry: ParameterRegistry;
  pyramidDoc: LoadedDocument<'Pyramid'>;
  pyramid: PyramidDocument;
  cyclesPerYear: number;
  stateIndex: Map<string, number>;
  transitionIndex: Map<string, number>;
}

export async function compileModel(workspace: Workspace, scenarioId: string, options: CompileOptions = {}, readFile?: (file: string) => Promise<Uint8Array>): Promise<Model> {
  const scenario = workspace.index.Scenario.get(scenarioId);
  if (!scenario) throw new ModelError(t('sim.model.no-scenario', { scenario: scenarioId }), undefined, t('sim.model.no-scenario.hint', { scenarios: [...workspace.index.Scenario.keys()] }));
  const s = scenario.value;
  const pyramidDoc = workspace.index.Pyramid.get(s.pyramid)!;
  const pyramid = pyramidDoc.value;
  const cyclesPerYear = pyramid.cycle === 'year' ? 1 : pyramid.cycle === 'quarter' ? 4 : 12;
  const states = [...pyramid.strata.map((x) => ({ id: x.id, title: x.title, exit: false })), ...pyramid.exits.map((x) => ({ id: x.id, title: x.title, exit: true }))];
  const overrides = options.withoutParameterSets ? parameterOverrides(workspace, { ...s, 'parameter-sets': [] }) : parameterOverrides(workspace, s);
  const compiler: Compiler = { workspace, scenarioId, registry: new ParameterRegistry(overrides.values), pyramidDoc, pyramid, cyclesPerYear, stateIndex: new Map(states.map((x, i) => [x.id, i])), transitionIndex: new Map() };
  const { transitions, rows } = compileTransitions(compiler);
  const inflows = compileInflows(compiler);
  const events = compileEvents(compiler);
  const actors = compileActors(compiler);
  const logigrammes = new LogigrammeCompiler(compiler, actors);
  const programCosts: Model['programCosts'] = [];
  const arms = compileArms(compiler, logigrammes, [s.baseline, s.program], programCosts);
  // Each territory's own parameters (its multipliers) take a contiguous run of slots, drawn from
  // the territory's own stream (src/sim/parameters.ts): a territory draws the same θ alone or among others.
  const territorySlots: Model['parameters']['territories'] = [];
  const territories = s.territories.map((territoryId) => {
    const from = compiler.registry.specs.length;
    const territory = compileTerritory(compiler, territoryId, states);
    territorySlots.push({ id: territoryId, from, to: compiler.registry.specs.length });
    return territory;
  });
  addMovesToEvents(events, logigrammes);
  const lateFrom = compiler.registry.specs.length;
  const economics = compileEconomics(compiler, s, events, actors, programCosts);
  const used = new Set<string>([pyramidDoc.source.absolutePath, scenario.source.absolutePath]);
  for (const doc of workspace.index.Actors.values()) used.add(doc.source.absolutePath);
  for (const l of logigrammes.logigrammes) used.add(workspace.index.Logigramme.get(l.id)!.source.absolutePath);
  for (const a of arms) used.add(workspace.index.Program.get(a.id)!.source.absolutePath);
  for (const territory of territories) used.add(workspace.index.Territory.get(territory.id)!.source.absolutePath);
  const posterior = await compileParameterSets(compiler, overrides, used, readFile);
  const mode = options.mode ?? s.mode;
  return {
    scenario: s.id,
    pyramid: pyramid.id,
    pyramidTitle: pyramid.title,
    overlaps: compileOverlaps(compiler),
    seed: options.seed ?? s.seed,
    iterations: mode === 'expected' ? 1 : (options.iterations ?? s.iterations),
    mode,
    commonRandomNumbers: options.commonRandomNumbers ?? true,
    horizon: options.horizon ?? s.horizon,
    cyclesPerYear,
    streams: STREAM_DERIVATION,
    states,
    strataCount: pyramid.strata.length,
    stratumCodes: stratumCodes(compiler),
    enrolledStrata: pyramid.strata.map((_, stratum) => arms.some((arm) => arm.strata[stratum] !== null)),
    transitions,
    rows,
    inflows,
    events,
    moves: logigrammes.moves,
    timeVarying: transitions.some((tr) => tr.series !== null) || territories.some((territory) => territory.multiplierSeries.some((m) => m !== null)),
    volumesAt: s['volumes-at'],
    programCosts,
    logigrammes: logigrammes.logigrammes,
    actions: logigrammes.actions,
    actors,
    arms,
    territories,
    economics,
    parameters: { specs: compiler.registry.specs, dirichlets: compiler.registry.dirichlets, lateFrom, territories: territorySlots },
    posterior,
    inputs: await hashInputs(workspace, used, readFile),
  };
}

/**
 * Checks that every value of the scenario's parameter sets replaced a parameter of this model,
 * reads the posterior sample if one set has it, and adds their files to the inputs.
 */
async function compileParameterSets(compiler: Compiler, overrides: ParameterOverrides, used: Set<string>, readFile?: (file: string) => Promise<Uint8Array>): Promise<Posterior | null> {
  const { workspace, registry } = compiler;
  for (const file of overrides.files) used.add(file);
  for (const key of overrides.values.keys()) {
    if (registry.overridden.has(key)) continue;
    const written = overrides.written.get(key)!;
    throw new ModelError(t('sim.sets.not-used', { path: written.path, set: written.set, scenario: compiler.scenarioId }), undefined, t('sim.sets.not-used.hint'));
  }
  if (!overrides.posterior) return null;
  const { set, absolutePath } = overrides.posterior;
  const bytes = await (readFile ?? ((file: string) => fs.readFile(file)))(absolutePath).catch(() => {
    const at = locate(set.source, set.document, ['posterior']).start;
    throw new ModelError(t('sim.sets.posterior-missing', { file: set.value.posterior! }), { name: 'posterior', file: set.source.file, line: at.line, column: at.column }, t('sim.sets.posterior-missing.hint'));
  });
  used.add(absolutePath);
  const file = path.relative(workspace.root, absolutePath).split(path.sep).join('/');
  return parsePosterior(new TextDecoder().decode(bytes), file, set, workspace, registry.specs);
}

/** The pyramid's `overlaps`, with the other pyramid's title (docs/language.md, "Overlaps between pyramids"). */
function compileOverlaps(compiler: Compiler): ModelOverlap[] {
  return (compiler.pyramid.overlaps ?? []).map((o) => ({
    pyramid: o.pyramid,
    pyramidTitle: compiler.workspace.index.Pyramid.get(o.pyramid)?.value.title ?? o.pyramid,
    strata: o.strata,
    ...(o['other-strata'] ? { otherStrata: o['other-strata'] } : {}),
    note: o.note,
  }));
}

/**
 * The code of each stratum id in stream keys: MurmurHash3_x86_32 of its UTF-8 bytes, seed 0. Two
 * ids with the same code would share their streams: in that case (about one pair of ids in four
 * billion) the later stratum, in the pyramid's order, takes the hash with seed 1, 2, … until its
 * code is unique.
 */
function stratumCodes(compiler: Compiler): number[] {
  const codes: number[] = [];
  for (const stratum of compiler.pyramid.strata) {
    let seed = 0;
    let code = stratumCode(stratum.id, seed);
    while (codes.includes(code)) code = stratumCode(stratum.id, ++seed);
    codes.push(code);
  }
  return codes;
}

function compileTransitions(compiler: Compiler): Pick<Model, 'transitions' | 'rows'> {
  const { pyramid, pyramidDoc, stateIndex, registry } = compiler;
  const transitions = pyramid.transitions.map((tr, i) => {
    const from = stateIndex.get(tr.from)!;
    const to = stateIndex.get(tr.to)!;
    if (from === to) throw new ModelError(t('sim.model.transition-to-itself', { from: tr.from, to: tr.to }), placeOf(pyramidDoc, ['transitions', i], 'transition'));
    const name = t('sim.param.transition', { from: tr.from, to: tr.to, pyramid: pyramid.id });
    const { slot, series } = addTimeVarying(registry, tr.p, pyramidDoc, ['transitions', i, 'p'], name, 'probability');
    return { from, to, key: `${tr.from}->${tr.to}`, p: slot, series };
  });
  transitions.forEach((tr, i) => compiler.transitionIndex.set(tr.key, i));
  if (compiler.transitionIndex.size !== transitions.length) throw new ModelError(t('sim.model.transition-twice', { pyramid: pyramid.id }), placeOf(pyramidDoc, ['transitions'], 'transitions'));
  const rows = pyramid.strata.map((_, stratum) => transitions.flatMap((tr, i) => (tr.from === stratum ? [i] : [])));
  return { transitions, rows };
}

function compileInflows(compiler: Compiler): Model['inflows'] {
  const { pyramid, pyramidDoc, stateIndex, registry } = compiler;
  return pyramid.inflows.map((inflow, i) => {
    const to = stateIndex.get(inflow.to)!;
    if (inflow.count !== undefined) {
      const { slot, series } = addTimeVarying(registry, inflow.count, pyramidDoc, ['inflows', i, 'count'], t('sim.param.inflow-count', { to: inflow.to }), 'non-negative');
      return { to, kind: 'count' as const, of: -1, value: slot, series };
    }
    const { slot, series } = addTimeVarying(registry, inflow.rate!, pyramidDoc, ['inflows', i, 'rate'], t('sim.param.inflow-rate', { to: inflow.to }), 'non-negative');
    return { to, kind: 'rate' as const, of: inflow.of === 'population' ? -1 : stateIndex.get(inflow.of!)!, value: slot, series };
  });
}

/** Each move counts in the event its `move-to` names: one of the pyramid's, or a new one after them. */
function addMovesToEvents(events: Model['events'], logigrammes: LogigrammeCompiler): void {
  logigrammes.moveEvents.forEach((name, move) => {
    if (name === null) return;
    let event = events.find((e) => e.name === name);
    if (!event) events.push((event = { name, title: name, desirable: false, transitions: [], moves: [] }));
    event.moves.push(move);
  });
}

function compileEvents(compiler: Compiler): Model['events'] {
  const { pyramid, pyramidDoc, transitionIndex } = compiler;
  return Object.entries(pyramid.events ?? {}).map(([name, event]) => ({
    name,
    title: Array.isArray(event) ? name : event.title,
    desirable: Array.isArray(event) ? false : event.desirable,
    moves: [],
    transitions: eventFlows(event).map((flow, k) => {
      const tr = parseTransition(flow)!;
      const index = transitionIndex.get(`${tr.from}->${tr.to}`);
      if (index === undefined) throw new ModelError(t('sim.model.event-not-transition', { event: name, flow }), placeOf(pyramidDoc, [...eventFlowsPath(event, name), k], 'event'));
      return index;
    }),
  }));
}

/** Every Actors document of the workspace, in id order (code points); the first definition of an actor wins. */
function compileActors(compiler: Compiler): CompiledActor[] {
  const actors: CompiledActor[] = [];
  const seen = new Set<string>();
  for (const doc of [...compiler.workspace.index.Actors.values()].sort((a, b) => byCodePoint(a.id, b.id))) {
    for (const [id, actor] of Object.entries(doc.value.actors)) {
      if (seen.has(id)) continue;
      seen.add(id);
      actors.push({
        id,
        title: actor.title,
        fteMinutesPerYear: actor['fte-minutes-per-year'],
        payer: actor.payer ?? 'assurance-maladie',
        minutes: compiler.registry.add(actor['minutes-per-act'], placeOf(doc, ['actors', id, 'minutes-per-act'], t('sim.param.minutes-per-act', { actor: id })), 'non-negative'),
        cost: compiler.registry.add(actor['cost-per-act'], placeOf(doc, ['actors', id, 'cost-per-act'], t('sim.param.cost-per-act', { actor: id })), 'non-negative'),
      });
    }
  }
  return actors;
}

/** Compiles the logigrammes the arms name, each once, with their actions. */
class LogigrammeCompiler {
  readonly logigrammes: CompiledLogigramme[] = [];
  readonly actions: CompiledAction[] = [];
  readonly moves: Model['moves'] = [];
  /** Per move: the event named by its `move-to`, or null. */
  readonly moveEvents: (string | null)[] = [];
  private readonly index = new Map<string, number>();
  private readonly actorIndex: Map<string, number>;

  constructor(
    private readonly compiler: Compiler,
    private readonly actors: CompiledActor[],
  ) {
    this.actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  }

  /** The index of logigramme `id` in `logigrammes`, compiling it the first time. */
  indexOf(id: string): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const doc = this.compiler.workspace.index.Logigramme.get(id)!;
    const stratum = this.compiler.stateIndex.get(doc.value.stratum)!;
    const order = topologicalOrder(doc);
    const position = new Map(order.map((nodeId, i) => [nodeId, i]));
    const effects: CompiledLogigramme['effects'] = [];
    const nodes = order.map((nodeId) => this.node(doc, nodeId, position, stratum, effects));
    const edges: CompiledLogigramme['edges'] = [];
    for (const [i, node] of nodes.entries()) {
      if (node.next >= 0) {
        node.edge = edges.length;
        edges.push({ from: i, to: node.next, label: '' });
      }
      node.branchEdges = node.branches.map((b) => {
        edges.push({ from: i, to: b.next, label: b.label });
        return edges.length - 1;
      });
    }
    this.index.set(id, this.logigrammes.length);
    const lastingCycles = Math.max(1, ...effects.map((e) => (e.afterExit ? e.duration : 1)));
    const lastingMask = effects.reduce((mask, e, b) => (e.duration > 1 ? mask | (1 << b) : mask), 0);
    this.logigrammes.push({ id, title: doc.value.title, stratum, nodes, edges, effects, lastingCycles, lastingMask });
    return this.logigrammes.length - 1;
  }

  private node(doc: LoadedDocument<'Logigramme'>, nodeId: string, position: Map<string, number>, stratum: number, effects: CompiledLogigramme['effects']): CompiledNode {
    const node = doc.value.nodes[nodeId]!;
    const compiled: CompiledNode = { id: nodeId, type: node.type, label: node.label, next: -1, action: -1, effectMask: 0, branches: [], edge: -1, branchEdges: [], move: -1, moveShare: -1 };
    if ('next' in node && node.next !== undefined) compiled.next = position.get(node.next)!;
    if (node.type === 'action') {
      compiled.effectMask = this.effects(doc, nodeId, stratum, effects);
      compiled.action = this.action(doc, nodeId);
      this.move(doc, nodeId, stratum, compiled);
    }
    if (node.type === 'decision') compiled.branches = this.branches(doc, nodeId, position);
    return compiled;
  }

  /** The bits of the node's effects on its own stratum's transitions (others get none). */
  private effects(doc: LoadedDocument<'Logigramme'>, nodeId: string, stratum: number, effects: CompiledLogigramme['effects']): number {
    const { stateIndex, transitionIndex, pyramid, registry } = this.compiler;
    const node = doc.value.nodes[nodeId]! as Extract<LoadedDocument<'Logigramme'>['value']['nodes'][string], { type: 'action' }>;
    let mask = 0;
    for (const [k, effect] of (node.effects ?? []).entries()) {
      const path = ['nodes', nodeId, 'effects', k];
      const tr = parseTransition(effect.transition)!;
      if (!transitionIndex.has(`${tr.from}->${tr.to}`)) {
        throw new ModelError(t('sim.model.effect-unknown-transition', { transition: effect.transition, pyramid: pyramid.id }), placeOf(doc, [...path, 'transition'], 'effect'), t('sim.model.effect-unknown-transition.hint'));
      }
      const where = { transition: effect.transition, node: `${doc.id}/${nodeId}` };
      const hr = registry.add(effect.hr, placeOf(doc, [...path, 'hr'], t('sim.param.hazard-ratio', where)), 'positive');
      const waning = effect.waning ?? 'none';
      const halfLife = effect['half-life'] === undefined ? -1 : registry.add(effect['half-life'], placeOf(doc, [...path, 'half-life'], t('sim.param.half-life', where)), 'positive');
      const duration = effect.duration ?? 1;
      if (duration < 1) throw new ModelError(t('sim.model.effect-duration', { ...where, duration }), placeOf(doc, [...path, 'duration'], 'duration'), t('sim.model.run-lint'));
      if (waning === 'exponential' && halfLife < 0) throw new ModelError(t('sim.model.effect-half-life', where), placeOf(doc, [...path, 'waning'], 'waning'), t('sim.model.run-lint'));
      if (stateIndex.get(tr.from) !== stratum) continue;
      if (effects.length >= MAX_EFFECTS_PER_LOGIGRAMME) {
        throw new ModelError(t('sim.model.too-many-effects', { logigramme: doc.id, max: MAX_EFFECTS_PER_LOGIGRAMME }), placeOf(doc, [...path, 'hr'], 'effects'), t('sim.model.too-many-effects.hint'));
      }
      mask |= 1 << effects.length;
      effects.push({ from: stratum, to: stateIndex.get(tr.to)!, hr, duration, waning, halfLife, afterExit: effect['after-exit'] !== 'stop' });
    }
    return mask;
  }

  /** A node's `move-to`: the move it makes (a stratum of the pyramid other than its own) and its share's slot. */
  private move(doc: LoadedDocument<'Logigramme'>, nodeId: string, stratum: number, compiled: CompiledNode): void {
    const { stateIndex, pyramid, registry } = this.compiler;
    const node = doc.value.nodes[nodeId]! as Extract<LoadedDocument<'Logigramme'>['value']['nodes'][string], { type: 'action' }>;
    const move = parseMoveTo(node['move-to']);
    if (!move) return;
    const path = ['nodes', nodeId, 'move-to'];
    const to = stateIndex.get(move.stratum);
    if (to === undefined || to >= pyramid.strata.length || to === stratum) {
      throw new ModelError(t('sim.model.move-target', { node: `${doc.id}/${nodeId}`, target: move.stratum, pyramid: pyramid.id }), placeOf(doc, path, 'move-to'), t('sim.model.run-lint'));
    }
    const id = `${doc.id}/${nodeId}`;
    if (move.p !== undefined) compiled.moveShare = registry.add(move.p, placeOf(doc, typeof node['move-to'] === 'object' ? [...path, 'p'] : path, t('sim.param.move-share', { node: id })), 'probability');
    compiled.move = this.moves.length;
    this.moves.push({ key: `${pyramid.strata[stratum]!.id}->${move.stratum}@${id}`, from: stratum, to, logigramme: doc.id, node: nodeId });
    this.moveEvents.push(move.event ?? null);
  }

  private action(doc: LoadedDocument<'Logigramme'>, nodeId: string): number {
    const { registry } = this.compiler;
    const node = doc.value.nodes[nodeId]! as Extract<LoadedDocument<'Logigramme'>['value']['nodes'][string], { type: 'action' }>;
    const base = ['nodes', nodeId];
    // An action without a frequency is done once a year (the lint rule action-frequency-required asks for one).
    const parsed = parseFrequency(node.frequency) ?? { times: 1, per: 'year' as const };
    // A one-off act (`once`) is one act per passage: m people passing in a cycle count m / c
    // person-years reached, so 1 act × c per person-year gives exactly m acts (docs/simulation.md).
    const frequency = isOnce(parsed) ? { times: 1, perYear: this.compiler.cyclesPerYear } : { times: parsed.times, perYear: PERIODS_PER_YEAR[parsed.per] };
    const actor = this.actorIndex.get(node.actor)!;
    const freqPath = typeof node.frequency === 'object' && !isOnce(parsed) ? [...base, 'frequency', 'times'] : [...base, 'frequency'];
    const id = `${doc.id}/${nodeId}`;
    this.actions.push({
      id,
      logigramme: doc.id,
      node: nodeId,
      label: node.label,
      actor,
      times: registry.add(frequency.times, placeOf(doc, freqPath, t('sim.param.frequency', { action: id })), 'non-negative'),
      perYear: frequency.perYear,
      minutes: node.minutes === undefined ? this.actors[actor]!.minutes : registry.add(node.minutes, placeOf(doc, [...base, 'minutes'], t('sim.param.minutes', { action: id })), 'non-negative'),
      cost: node.cost === undefined ? this.actors[actor]!.cost : registry.add(node.cost, placeOf(doc, [...base, 'cost'], t('sim.param.cost', { action: id })), 'non-negative'),
    });
    return this.actions.length - 1;
  }

  private branches(doc: LoadedDocument<'Logigramme'>, nodeId: string, position: Map<string, number>): CompiledNode['branches'] {
    const { registry } = this.compiler;
    const node = doc.value.nodes[nodeId]! as Extract<LoadedDocument<'Logigramme'>['value']['nodes'][string], { type: 'decision' }>;
    const base = ['nodes', nodeId];
    if (node.probabilities) {
      const first = registry.addDirichlet(node.probabilities.dirichlet, placeOf(doc, [...base, 'probabilities', 'dirichlet'], t('sim.param.branch-shares', { decision: `${doc.id}/${nodeId}` })));
      return node.branches.map((b, k) => ({ label: b.label, next: position.get(b.next)!, share: first + k }));
    }
    const remainders = node.branches.filter((b) => b.p === undefined).length;
    if (remainders > 1) {
      throw new ModelError(t('sim.model.several-remainders', { decision: `${doc.id}/${nodeId}`, count: remainders }), placeOf(doc, [...base, 'branches'], 'branches'), t('sim.model.several-remainders.hint'));
    }
    return node.branches.map((b, k) => ({
      label: b.label,
      next: position.get(b.next)!,
      share: b.p === undefined ? -1 : registry.add(b.p, placeOf(doc, [...base, 'branches', k, 'p'], t('sim.param.branch-share', { label: b.label, decision: `${doc.id}/${nodeId}` })), 'probability'),
    }));
  }
}

/** Baseline then program: per stratum, the logigramme and the coverage. */
function compileArms(compiler: Compiler, logigrammes: LogigrammeCompiler, programIds: string[], programCosts: Model['programCosts']): CompiledArm[] {
  const { workspace, pyramid, stateIndex, registry } = compiler;
  return programIds.map((programId, armIndex) => {
    const doc = workspace.index.Program.get(programId)!;
    if (doc.value.pyramid !== pyramid.id) throw new ModelError(t('sim.model.program-other-pyramid', { program: programId, programPyramid: doc.value.pyramid, pyramid: pyramid.id }), placeOf(doc, ['pyramid'], 'pyramid'));
    const strata: CompiledArm['strata'] = pyramid.strata.map(() => null);
    for (const [stratumId, entry] of Object.entries(doc.value.strata)) {
      const stratum = stateIndex.get(stratumId)!;
      const logigramme = logigrammes.indexOf(entry.logigramme);
      if (logigrammes.logigrammes[logigramme]!.stratum !== stratum) {
        throw new ModelError(t('sim.model.logigramme-other-stratum', { program: programId, logigramme: entry.logigramme, stratum: stratumId }), placeOf(doc, ['strata', stratumId, 'logigramme'], 'logigramme'));
      }
      const coverageName = (k?: number) =>
        k === undefined ? t('sim.param.coverage', { stratum: stratumId, program: programId }) : t('sim.param.coverage-year', { stratum: stratumId, year: k + 1, program: programId });
      const where = (k?: number) => placeOf(doc, ['strata', stratumId, 'coverage', ...(k === undefined ? [] : ['ramp', k])], coverageName(k));
      let coverage: Coverage;
      if (typeof entry.coverage === 'object' && 'ramp' in entry.coverage) {
        const relativeTo = entry.coverage['relative-to'] ?? null;
        if (relativeTo !== null && armIndex === 0) throw new ModelError(t('sim.model.baseline-relative', { program: programId }), where(), t('sim.model.baseline-relative.hint'));
        if (relativeTo !== null && !hasOwnKey(compiler.workspace.index.Program.get(programIds[0]!)!.value.strata, stratumId)) {
          throw new ModelError(t('sim.model.relative-uncovered', { stratum: stratumId, program: programId }), where(), t('sim.model.relative-uncovered.hint', { stratum: stratumId, baseline: programIds[0]! }));
        }
        // Increments on the baseline may be negative: their range is checked on the sum (clamped).
        coverage = { relativeTo, slots: entry.coverage.ramp.map((value, k) => registry.add(value, where(k), relativeTo ? 'any' : 'probability')) };
      } else coverage = { relativeTo: null, slots: [registry.add(entry.coverage, where(), 'probability')] };
      const retention = entry.retention === undefined ? -1 : registry.add(entry.retention, placeOf(doc, ['strata', stratumId, 'retention'], t('sim.param.retention', { stratum: stratumId, program: programId })), 'probability');
      strata[stratum] = { logigramme, coverage, retention, keepOnTransfer: entry['on-transfer'] !== 'drop' };
    }
    return { id: programId, title: doc.value.title, strata, costs: compileArmCosts(compiler, doc, armIndex, programCosts) };
  });
}

/** A program's `costs`, in the order written, each registered once in `programCosts` by id. */
function compileArmCosts(compiler: Compiler, doc: LoadedDocument<'Program'>, armIndex: number, programCosts: Model['programCosts']): ArmCost[] {
  const { pyramid, stateIndex, registry } = compiler;
  return Object.entries(doc.value.costs ?? {}).map(([id, cost]) => {
    let index = programCosts.findIndex((c) => c.id === id);
    if (index < 0) index = programCosts.push({ id, title: cost.title, payer: cost.payer, arms: [] }) - 1;
    programCosts[index]!.arms.push(ARMS[armIndex]!);
    const kind = cost['per-year'] !== undefined ? ('per-year' as const) : cost['per-enrolled-year'] !== undefined ? ('per-enrolled-year' as const) : ('per-person-year' as const);
    const name = t('sim.param.program-cost', { cost: id, program: doc.id });
    const { slot: value, series } =
      kind === 'per-person-year' ? addTimeVarying(registry, cost[kind]!, doc, ['costs', id, kind], name, 'non-negative') : { slot: registry.add(cost[kind]!, placeOf(doc, ['costs', id, kind], name), 'non-negative'), series: null };
    const listed = cost.strata ?? Object.keys(doc.value.strata);
    for (const [k, stratumId] of listed.entries()) {
      const s = stateIndex.get(stratumId);
      // Enrolled people exist only where the program has a logigramme; everyone counts anywhere in the pyramid.
      if (s === undefined || s >= pyramid.strata.length || (kind !== 'per-person-year' && !hasOwnKey(doc.value.strata, stratumId))) {
        throw new ModelError(t('sim.model.cost-stratum', { cost: id, stratum: stratumId, program: doc.id }), placeOf(doc, ['costs', id, 'strata', k], 'strata'), t('sim.model.run-lint'));
      }
    }
    return { cost: index, kind, value, series, strata: pyramid.strata.map((stratum) => listed.includes(stratum.id)) };
  });
}

function compileTerritory(compiler: Compiler, territoryId: string, states: Model['states']): CompiledTerritory {
  const { workspace, pyramid, transitionIndex, registry } = compiler;
  const doc = workspace.index.Territory.get(territoryId)!;
  const entry = ownValue(doc.value.pyramids, pyramid.id);
  if (!entry) throw new ModelError(t('sim.model.territory-no-counts', { territory: territoryId, pyramid: pyramid.id }), placeOf(doc, ['pyramids'], 'pyramids'), t('sim.model.territory-no-counts.hint', { pyramid: pyramid.id }));
  const counts = states.map((state) => (state.exit ? 0 : (ownValue(entry.counts, state.id) ?? 0)));
  const multipliers = pyramid.transitions.map(() => -1);
  const multiplierSeries: (YearSeries | null)[] = pyramid.transitions.map(() => null);
  for (const [key, value] of Object.entries(entry.multipliers ?? {})) {
    const tr = parseTransition(key)!;
    const index = transitionIndex.get(`${tr.from}->${tr.to}`);
    const docPath = ['pyramids', pyramid.id, 'multipliers', key];
    const name = t('sim.param.multiplier', { transition: key, territory: territoryId });
    if (index === undefined) throw new ModelError(t('sim.model.multiplier-unknown', { transition: key, pyramid: pyramid.id }), placeOf(doc, docPath, name));
    const { slot, series } = addTimeVarying(registry, value, doc, docPath, name, 'positive');
    multipliers[index] = slot;
    multiplierSeries[index] = series;
  }
  const workforce = emptyRecord<number>();
  for (const [actor, w] of Object.entries(doc.value.workforce ?? {})) workforce[actor] = w.fte;
  return { id: territoryId, title: doc.value.title, population: doc.value.population, counts, multipliers, multiplierSeries, workforce };
}

/** Every file that holds a document the model uses, hashed, relative to the root, in code-point order. */
export async function hashInputs(workspace: Workspace, used: Set<string>, readFile?: (file: string) => Promise<Uint8Array>): Promise<Model['inputs']> {
  const texts = new Map(workspace.files.map((f) => [f.absolutePath, f.text]));
  const inputs = await Promise.all(
    [...used].map(async (absolute) => {
      const text = texts.get(absolute);
      // A posterior sample (CSV) is not a workspace document: read from the disk when no reader is given.
      const bytes = readFile ? await readFile(absolute) : text !== undefined ? new TextEncoder().encode(text) : await fs.readFile(absolute);
      return { file: path.relative(workspace.root, absolute).split(path.sep).join('/'), sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  return inputs.sort((a, b) => byCodePoint(a.file, b.file));
}

export { ParameterError };

/** The thresholds of the acceptability curve when the scenario gives none: 0 to 150,000 by 5,000. */
const DEFAULT_THRESHOLDS = Array.from({ length: 31 }, (_, k) => k * 5_000);

/**
 * The scenario's economics: its settings, the payers, and the state costs, utilities and event
 * costs of the pyramid, registered after every other parameter so that they are drawn after the
 * Dirichlets (docs/economics.md, "Draws"): a file without them draws exactly as before.
 */
function compileEconomics(compiler: Compiler, scenario: ScenarioDocument, events: Model['events'], actors: CompiledActor[], programCosts: Model['programCosts']): EconomicsModel {
  const { pyramid, pyramidDoc, registry } = compiler;
  const settings = scenario.economics;
  const actorPayers = actors.map((actor) => actor.payer);
  const stateCosts: EconomicsModel['stateCosts'] = [];
  pyramid.strata.forEach((stratum, s) => {
    (stratum.costs ?? []).forEach((cost, k) => {
      const name = t('sim.param.state-cost', { stratum: stratum.id, payer: cost.payer });
      const { slot, series } = addTimeVarying(registry, cost['per-year'], pyramidDoc, ['strata', s, 'costs', k, 'per-year'], name, 'non-negative');
      stateCosts.push({ stratum: s, payer: cost.payer, title: cost.title ?? stratum.title, slot, series });
    });
  });
  const withUtility = pyramid.strata.filter((stratum) => stratum.utility !== undefined).length;
  const utilities =
    withUtility === pyramid.strata.length && withUtility > 0
      ? pyramid.strata.map((stratum, s) => registry.add(stratum.utility!, placeOf(pyramidDoc, ['strata', s, 'utility'], t('sim.param.utility', { stratum: stratum.id })), 'any'))
      : null;
  const eventCosts = compileEventCosts(compiler, events);
  const payers = [...new Set([...actorPayers, ...stateCosts.map((c) => c.payer), ...eventCosts.map((c) => c.payer), ...programCosts.map((c) => c.payer)])];
  if (settings?.outcome === 'qalys' && !utilities) {
    throw new ModelError(t('sim.model.qalys-without-utilities', { pyramid: pyramid.id }), placeOf(compiler.workspace.index.Scenario.get(scenario.id)!, ['economics', 'outcome'], 'outcome'), t('sim.model.qalys-without-utilities.hint'));
  }
  return {
    discount: { costs: settings?.discount.costs ?? 0.025, outcomes: settings?.discount.outcomes ?? 0.025 },
    stateTime: settings?.['state-time'] ?? 'half-cycle',
    outcome: settings?.outcome ?? (utilities ? 'qalys' : 'life-years'),
    threshold: settings?.threshold ?? 50_000,
    thresholds: settings?.thresholds ?? DEFAULT_THRESHOLDS,
    payers,
    actorPayers,
    stateCosts,
    utilities,
    eventCosts,
  };
}

/** The costs per occurrence of the pyramid's events (written in the object form), in the order of the events. */
function compileEventCosts(compiler: Compiler, events: Model['events']): EconomicsModel['eventCosts'] {
  const { pyramid, pyramidDoc, registry } = compiler;
  const eventCosts: EconomicsModel['eventCosts'] = [];
  for (const [name, event] of Object.entries(pyramid.events ?? {})) {
    if (Array.isArray(event)) continue;
    const index = events.findIndex((e) => e.name === name);
    (event.costs ?? []).forEach((cost, k) => {
      const slot = registry.add(cost['per-event'], placeOf(pyramidDoc, ['events', name, 'costs', k, 'per-event'], t('sim.param.event-cost', { event: name, payer: cost.payer })), 'non-negative');
      eventCosts.push({ event: index, payer: cost.payer, title: cost.title ?? event.title, slot });
    });
  }
  return eventCosts;
}
