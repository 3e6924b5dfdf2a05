/**
 * Compiles a scenario and the documents it names into a plain, serialisable model: states,
 * transition rows, inflows, logigrammes in topological order, actions and actors, arms
 * (baseline, program) and territories, with every number turned into a parameter slot of θ.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { type FlowNodes, topologicalOrder as graphTopologicalOrder } from '../graph/flow.js';
import { PERIODS_PER_YEAR, parseTransition } from '../language/schemas/common.js';
import type { Parameter } from '../language/schemas/index.js';
import { parseFrequency } from '../language/schemas/logigramme.js';
import { locate } from '../language/source.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import { compileParameter, type Constraint, type DirichletSpec, ParameterError, type ParameterSpec, type Place } from './parameters.js';

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
}

export interface CompiledLogigramme {
  id: string;
  title: string;
  stratum: number;
  /** The nodes reachable from the start, in topological order; the start node is first. */
  nodes: CompiledNode[];
  edges: { from: number; to: number; label: string }[];
  /** Effect bits: transition (row stratum, destination state) and θ slot of the hazard ratio. */
  effects: { from: number; to: number; hr: number }[];
}

export interface CompiledAction {
  id: string;
  logigramme: string;
  node: string;
  label: string;
  actor: number;
  /** θ slot of `times`; acts per person per cycle = θ[times] × perCycle. */
  times: number;
  perCycle: number;
  minutes: number;
  cost: number;
}

export interface CompiledActor {
  id: string;
  title: string;
  fteMinutesPerYear: number;
  minutes: number;
  cost: number;
}

export type Coverage = { kind: 'parameter'; slot: number } | { kind: 'ramp'; values: number[] };

export interface CompiledArm {
  id: string;
  title: string;
  /** Per stratum: logigramme index and coverage, or null when the program does nothing there. */
  strata: ({ logigramme: number; coverage: Coverage } | null)[];
}

export interface CompiledTerritory {
  id: string;
  title: string;
  population: number;
  /** Start counts per state (strata then exits). */
  counts: number[];
  /** Per transition index: θ slot of the local multiplier, or −1. */
  multipliers: number[];
  workforce: Record<string, number>;
}

export interface Model {
  scenario: string;
  pyramid: string;
  pyramidTitle: string;
  seed: number;
  iterations: number;
  mode: Mode;
  /** Baseline and program replay the same random streams (true, the default) or draw independent ones. */
  commonRandomNumbers: boolean;
  horizon: number;
  cyclesPerYear: number;
  states: { id: string; title: string; exit: boolean }[];
  strataCount: number;
  /** Per stratum: whether any arm enrols people in a logigramme there. */
  enrolledStrata: boolean[];
  /** Transitions of the pyramid; rows[s] lists the indices of transitions leaving stratum s. */
  transitions: { from: number; to: number; p: number; key: string }[];
  rows: number[][];
  inflows: { to: number; kind: 'count' | 'rate'; value: number; of: number }[];
  events: { name: string; transitions: number[] }[];
  logigrammes: CompiledLogigramme[];
  actions: CompiledAction[];
  actors: CompiledActor[];
  arms: CompiledArm[];
  territories: CompiledTerritory[];
  parameters: { specs: ParameterSpec[]; dirichlets: DirichletSpec[] };
  /** Input files with their SHA-256, relative to the workspace root, sorted. */
  inputs: { file: string; sha256: string }[];
}

export class ModelError extends Error {
  constructor(
    message: string,
    readonly place?: Place,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

class ParameterRegistry {
  readonly specs: ParameterSpec[] = [];
  readonly dirichlets: DirichletSpec[] = [];
  add(raw: Parameter, place: Place, constraint: Constraint): number {
    this.specs.push(compileParameter(raw as never, place, constraint));
    return this.specs.length - 1;
  }
  addDirichlet(alphas: number[], place: Place): number {
    const first = this.specs.length;
    const total = alphas.reduce((a, b) => a + b, 0);
    alphas.forEach((alpha, k) => this.specs.push({ ...place, name: `${place.name} share ${k + 1}`, constraint: 'probability', kind: 'fixed', central: alpha / total }));
    this.dirichlets.push({ ...place, first, alphas });
    return first;
  }
}

function placeOf(doc: LoadedDocument, docPath: (string | number)[], name: string): Place {
  const range = locate(doc.source, doc.document, docPath);
  return { name, file: doc.source.file, line: range.start.line, column: range.start.column };
}

/** The reachable nodes in topological order (src/graph), refusing loops: repetition is a frequency. */
function topologicalOrder(doc: LoadedDocument<'Logigramme'>): string[] {
  const nodes = doc.value.nodes as FlowNodes;
  for (const [id, node] of Object.entries(doc.value.nodes)) {
    const targets = node.type === 'decision' ? node.branches.map((b) => b.next) : 'next' in node && node.next !== undefined ? [node.next] : [];
    const missing = targets.find((target) => !(target in nodes));
    if (missing !== undefined) throw new ModelError(`logigramme ${doc.id}: node \`${id}\` leads to \`${missing}\`, which does not exist`, placeOf(doc, ['nodes', id], 'node'), 'run `logi lint`');
  }
  if (!(doc.value.start in nodes)) throw new ModelError(`logigramme ${doc.id} starts at \`${doc.value.start}\`, which does not exist`, placeOf(doc, ['start'], 'start'), 'run `logi lint`');
  const { order, cyclic } = graphTopologicalOrder(nodes, doc.value.start);
  if (cyclic.length > 0) {
    throw new ModelError(
      `logigramme ${doc.id} has a loop through ${cyclic.map((id) => `\`${id}\``).join(', ')}`,
      placeOf(doc, ['nodes', cyclic[0]!], 'node'),
      'repetition is a frequency (`frequency: {times: 4, per: year}`), not a loop',
    );
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
}

export async function compileModel(workspace: Workspace, scenarioId: string, options: CompileOptions = {}, readFile?: (file: string) => Promise<Uint8Array>): Promise<Model> {
  const scenario = workspace.index.Scenario.get(scenarioId);
  if (!scenario) throw new ModelError(`no scenario \`${scenarioId}\` in the workspace`, undefined, `scenarios: ${[...workspace.index.Scenario.keys()].join(', ') || 'none'}`);
  const s = scenario.value;
  const pyramidDoc = workspace.index.Pyramid.get(s.pyramid)!;
  const pyramid = pyramidDoc.value;
  const registry = new ParameterRegistry();
  const cyclesPerYear = pyramid.cycle === 'year' ? 1 : pyramid.cycle === 'quarter' ? 4 : 12;

  const states = [...pyramid.strata.map((x) => ({ id: x.id, title: x.title, exit: false })), ...pyramid.exits.map((x) => ({ id: x.id, title: x.title, exit: true }))];
  const stateIndex = new Map(states.map((x, i) => [x.id, i]));
  const strataCount = pyramid.strata.length;

  const transitions = pyramid.transitions.map((t, i) => {
    const from = stateIndex.get(t.from)!;
    const to = stateIndex.get(t.to)!;
    if (from === to) throw new ModelError(`transition ${t.from}->${t.to} goes nowhere: staying is the remainder of the row`, placeOf(pyramidDoc, ['transitions', i], 'transition'));
    return { from, to, key: `${t.from}->${t.to}`, p: registry.add(t.p, placeOf(pyramidDoc, ['transitions', i, 'p'], `transition ${t.from}->${t.to} (p) of pyramid ${pyramid.id}`), 'probability') };
  });
  const transitionIndex = new Map(transitions.map((t, i) => [t.key, i]));
  if (transitionIndex.size !== transitions.length) throw new ModelError(`pyramid ${pyramid.id} defines a transition twice`, placeOf(pyramidDoc, ['transitions'], 'transitions'));
  const rows = Array.from({ length: strataCount }, (_, stratum) => transitions.flatMap((t, i) => (t.from === stratum ? [i] : [])));

  const inflows = pyramid.inflows.map((inflow, i) => {
    const to = stateIndex.get(inflow.to)!;
    if (inflow.count !== undefined) {
      return { to, kind: 'count' as const, of: -1, value: registry.add(inflow.count, placeOf(pyramidDoc, ['inflows', i, 'count'], `inflow to ${inflow.to} (count)`), 'non-negative') };
    }
    return {
      to,
      kind: 'rate' as const,
      of: inflow.of === 'population' ? -1 : stateIndex.get(inflow.of!)!,
      value: registry.add(inflow.rate!, placeOf(pyramidDoc, ['inflows', i, 'rate'], `inflow to ${inflow.to} (rate)`), 'non-negative'),
    };
  });
  const events = Object.entries(pyramid.events ?? {}).map(([name, flows]) => ({
    name,
    transitions: flows.map((flow, k) => {
      const t = parseTransition(flow)!;
      const index = transitionIndex.get(`${t.from}->${t.to}`);
      if (index === undefined) throw new ModelError(`event ${name} counts ${flow}, which is not a transition of the pyramid`, placeOf(pyramidDoc, ['events', name, k], 'event'));
      return index;
    }),
  }));

  // Actors: every Actors document of the workspace.
  const actors: CompiledActor[] = [];
  const actorIndex = new Map<string, number>();
  for (const doc of [...workspace.index.Actors.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const [id, actor] of Object.entries(doc.value.actors)) {
      if (actorIndex.has(id)) continue;
      actorIndex.set(id, actors.length);
      actors.push({
        id,
        title: actor.title,
        fteMinutesPerYear: actor['fte-minutes-per-year'],
        minutes: registry.add(actor['minutes-per-act'], placeOf(doc, ['actors', id, 'minutes-per-act'], `minutes per act of ${id}`), 'non-negative'),
        cost: registry.add(actor['cost-per-act'], placeOf(doc, ['actors', id, 'cost-per-act'], `cost per act of ${id}`), 'non-negative'),
      });
    }
  }

  // Logigrammes named by either arm, compiled once each.
  const logigrammes: CompiledLogigramme[] = [];
  const logigrammeIndex = new Map<string, number>();
  const actions: CompiledAction[] = [];
  const compileLogigramme = (id: string): number => {
    const known = logigrammeIndex.get(id);
    if (known !== undefined) return known;
    const doc = workspace.index.Logigramme.get(id)!;
    const order = topologicalOrder(doc);
    const position = new Map(order.map((nodeId, i) => [nodeId, i]));
    const effects: CompiledLogigramme['effects'] = [];
    const edges: CompiledLogigramme['edges'] = [];
    const nodes: CompiledNode[] = order.map((nodeId) => {
      const node = doc.value.nodes[nodeId]!;
      const compiled: CompiledNode = { id: nodeId, type: node.type, label: node.label, next: -1, action: -1, effectMask: 0, branches: [], edge: -1, branchEdges: [] };
      const base = ['nodes', nodeId];
      if ('next' in node && node.next !== undefined) compiled.next = position.get(node.next)!;
      if (node.type === 'action') {
        for (const [k, effect] of (node.effects ?? []).entries()) {
          const t = parseTransition(effect.transition)!;
          const from = stateIndex.get(t.from)!;
          const to = stateIndex.get(t.to)!;
          if (!transitionIndex.has(`${t.from}->${t.to}`)) {
            throw new ModelError(`effect on ${effect.transition}, which pyramid ${pyramid.id} does not define`, placeOf(doc, [...base, 'effects', k, 'transition'], 'effect'), 'an effect changes an existing transition: add it to the pyramid or fix the ids');
          }
          if (effects.length >= 30) throw new ModelError(`logigramme ${id} has more than 30 effects`, placeOf(doc, [...base, 'effects'], 'effects'));
          compiled.effectMask |= 1 << effects.length;
          effects.push({ from, to, hr: registry.add(effect.hr, placeOf(doc, [...base, 'effects', k, 'hr'], `hazard ratio on ${effect.transition} at ${id}/${nodeId}`), 'positive') });
        }
        // An action without a frequency is done once a year (the lint rule action-frequency-required asks for one).
        const frequency = parseFrequency(node.frequency) ?? { times: 1, per: 'year' as const };
        const actor = actorIndex.get(node.actor)!;
        const freqPath = typeof node.frequency === 'object' ? [...base, 'frequency', 'times'] : [...base, 'frequency'];
        compiled.action = actions.length;
        actions.push({
          id: `${id}/${nodeId}`,
          logigramme: id,
          node: nodeId,
          label: node.label,
          actor,
          times: registry.add(frequency.times, placeOf(doc, freqPath, `frequency of ${id}/${nodeId}`), 'non-negative'),
          perCycle: PERIODS_PER_YEAR[frequency.per] / cyclesPerYear,
          minutes: node.minutes === undefined ? actors[actor]!.minutes : registry.add(node.minutes, placeOf(doc, [...base, 'minutes'], `minutes of ${id}/${nodeId}`), 'non-negative'),
          cost: node.cost === undefined ? actors[actor]!.cost : registry.add(node.cost, placeOf(doc, [...base, 'cost'], `cost of ${id}/${nodeId}`), 'non-negative'),
        });
      }
      if (node.type === 'decision') {
        const remainders = node.branches.filter((b) => b.p === undefined).length;
        if (node.probabilities) {
          const first = registry.addDirichlet(node.probabilities.dirichlet, placeOf(doc, [...base, 'probabilities', 'dirichlet'], `branch shares of ${id}/${nodeId}`));
          compiled.branches = node.branches.map((b, k) => ({ label: b.label, next: position.get(b.next)!, share: first + k }));
        } else {
          if (remainders > 1) {
            throw new ModelError(`decision ${id}/${nodeId}: ${remainders} branches have no \`p\`; at most one may take the remainder`, placeOf(doc, [...base, 'branches'], 'branches'), 'give `p` to every branch but one');
          }
          compiled.branches = node.branches.map((b, k) => ({
            label: b.label,
            next: position.get(b.next)!,
            share: b.p === undefined ? -1 : registry.add(b.p, placeOf(doc, [...base, 'branches', k, 'p'], `share of branch "${b.label}" of ${id}/${nodeId}`), 'probability'),
          }));
        }
      }
      return compiled;
    });
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
    logigrammeIndex.set(id, logigrammes.length);
    logigrammes.push({ id, title: doc.value.title, stratum: stateIndex.get(doc.value.stratum)!, nodes, edges, effects });
    return logigrammes.length - 1;
  };

  const arms: CompiledArm[] = [s.baseline, s.program].map((programId) => {
    const doc = workspace.index.Program.get(programId)!;
    if (doc.value.pyramid !== pyramid.id) throw new ModelError(`program ${programId} is for pyramid ${doc.value.pyramid}, the scenario for ${pyramid.id}`, placeOf(doc, ['pyramid'], 'pyramid'));
    const strata: CompiledArm['strata'] = pyramid.strata.map(() => null);
    for (const [stratumId, entry] of Object.entries(doc.value.strata)) {
      const stratum = stateIndex.get(stratumId)!;
      const logigramme = compileLogigramme(entry.logigramme);
      if (logigrammes[logigramme]!.stratum !== stratum) {
        throw new ModelError(`program ${programId} uses ${entry.logigramme} for ${stratumId}, but that logigramme is written for another stratum`, placeOf(doc, ['strata', stratumId, 'logigramme'], 'logigramme'));
      }
      const coverage: Coverage =
        typeof entry.coverage === 'object' && 'ramp' in entry.coverage
          ? { kind: 'ramp', values: entry.coverage.ramp }
          : { kind: 'parameter', slot: registry.add(entry.coverage as Parameter, placeOf(doc, ['strata', stratumId, 'coverage'], `coverage of ${stratumId} in program ${programId}`), 'probability') };
      strata[stratum] = { logigramme, coverage };
    }
    return { id: programId, title: doc.value.title, strata };
  });

  const territories: CompiledTerritory[] = s.territories.map((territoryId) => {
    const doc = workspace.index.Territory.get(territoryId)!;
    const entry = doc.value.pyramids[pyramid.id];
    if (!entry) throw new ModelError(`territory ${territoryId} has no counts for pyramid ${pyramid.id}`, placeOf(doc, ['pyramids'], 'pyramids'), `add \`pyramids: {${pyramid.id}: {counts: …}}\``);
    const counts = states.map((state) => (state.exit ? 0 : (entry.counts[state.id] ?? 0)));
    const multipliers = transitions.map(() => -1);
    for (const [key, value] of Object.entries(entry.multipliers ?? {})) {
      const t = parseTransition(key)!;
      const index = transitionIndex.get(`${t.from}->${t.to}`);
      if (index === undefined) throw new ModelError(`multiplier on ${key}, which pyramid ${pyramid.id} does not define`, placeOf(doc, ['pyramids', pyramid.id, 'multipliers', key], 'multiplier'));
      multipliers[index] = registry.add(value, placeOf(doc, ['pyramids', pyramid.id, 'multipliers', key], `multiplier on ${key} in ${territoryId}`), 'positive');
    }
    const workforce: Record<string, number> = {};
    for (const [actor, w] of Object.entries(doc.value.workforce ?? {})) workforce[actor] = w.fte;
    return { id: territoryId, title: doc.value.title, population: doc.value.population, counts, multipliers, workforce };
  });

  // Inputs: every file that holds a document the model uses, hashed.
  const used = new Set<string>([pyramidDoc.source.absolutePath, scenario.source.absolutePath]);
  for (const doc of workspace.index.Actors.values()) used.add(doc.source.absolutePath);
  for (const l of logigrammes) used.add(workspace.index.Logigramme.get(l.id)!.source.absolutePath);
  for (const a of arms) used.add(workspace.index.Program.get(a.id)!.source.absolutePath);
  for (const t of territories) used.add(workspace.index.Territory.get(t.id)!.source.absolutePath);
  const texts = new Map(workspace.files.map((f) => [f.absolutePath, f.text]));
  const inputs = await Promise.all(
    [...used].map(async (absolute) => {
      const bytes = readFile ? await readFile(absolute) : new TextEncoder().encode(texts.get(absolute) ?? '');
      return { file: path.relative(workspace.root, absolute).split(path.sep).join('/'), sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  inputs.sort((a, b) => a.file.localeCompare(b.file));

  const mode = options.mode ?? s.mode;
  return {
    scenario: s.id,
    pyramid: pyramid.id,
    pyramidTitle: pyramid.title,
    seed: options.seed ?? s.seed,
    iterations: mode === 'expected' ? 1 : (options.iterations ?? s.iterations),
    mode,
    commonRandomNumbers: options.commonRandomNumbers ?? true,
    horizon: options.horizon ?? s.horizon,
    cyclesPerYear,
    states,
    strataCount,
    enrolledStrata: pyramid.strata.map((_, stratum) => arms.some((arm) => arm.strata[stratum] !== null)),
    transitions,
    rows,
    inflows,
    events,
    logigrammes,
    actions,
    actors,
    arms,
    territories,
    parameters: { specs: registry.specs, dirichlets: registry.dirichlets },
    inputs,
  };
}

export { ParameterError };
