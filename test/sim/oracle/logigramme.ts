/**
 * One passage through a logigramme in `expected` mode, for the independent oracle: written from
 * docs/simulation.md ("The model" 3.2–3.3, "Program dynamics" step 2, "Detection moves people")
 * and docs/language.md ("Logigramme") alone; it never imports src/.
 */
import { branchShares, central } from './central.js';
import type { Doc } from './workspace.js';

/** An effect b: a hazard ratio on one transition, lasting `duration` cycles, maybe waning. */
export interface Effect {
  id: string;
  from: string;
  to: string;
  hr: number;
  duration: number;
  waning: 'none' | 'linear' | 'exponential';
  halfLife: number;
  stop: boolean;
}

/** Where a detection moves the people it marks, and the flow key it is recorded under. */
export interface MoveMark {
  key: string;
  from: string;
  to: string;
  event?: string;
}

export interface Action {
  /** `logigramme/node`. */
  key: string;
  actor: string;
  /** Acts per person-year reached: times × periods of `per` in a year. */
  actsPerPersonYear: number;
  /** A one-off act (`frequency: once`): one act per passage, whatever the cycle (docs/simulation.md). */
  once: boolean;
  minutes?: number;
  cost?: number;
}

/** People leaving the logigramme together: the same effects met and the same move mark. */
export interface Group {
  effects: string[];
  mark?: MoveMark;
  n: number;
}

export interface Passage {
  groups: Group[];
  /** People reaching each action node (`logigramme/node`) in the cycle. */
  reached: Map<string, number>;
}

export interface CompiledLogigramme {
  id: string;
  stratum: string;
  order: string[];
  nodes: Record<string, Doc>;
  shares: Map<string, number[]>;
  effectsAt: Map<string, Effect[]>;
  moveAt: Map<string, { mark: MoveMark; p: number }>;
  actions: Action[];
}

const PERIODS_PER_YEAR: Record<string, number> = { day: 365, week: 52, month: 12, quarter: 4, year: 1 };

export function compileLogigramme(document: Doc, stratum: string, transitionKeys: Set<string>): CompiledLogigramme {
  const nodes = document.nodes as Record<string, Doc>;
  const order = topologicalOrder(document.start, nodes);
  const shares = new Map<string, number[]>();
  const effectsAt = new Map<string, Effect[]>();
  const moveAt = new Map<string, { mark: MoveMark; p: number }>();
  const actions: Action[] = [];
  for (const [id, node] of Object.entries(nodes)) {
    if (node.type === 'decision') shares.set(id, branchShares(node));
    if (node.type !== 'action') continue;
    const key = `${document.id}/${id}`;
    actions.push({ key, actor: node.actor, once: isOnce(node.frequency), actsPerPersonYear: isOnce(node.frequency) ? 0 : actsPerPersonYear(node.frequency), ...(node.minutes === undefined ? {} : { minutes: central(node.minutes) }), ...(node.cost === undefined ? {} : { cost: central(node.cost) }) });
    effectsAt.set(id, effectsOf(key, node.effects ?? [], stratum, transitionKeys));
    const move = node['move-to'];
    if (move !== undefined) {
      const target = typeof move === 'string' ? move : move.stratum;
      const mark: MoveMark = { key: `${stratum}->${target}@${key}`, from: stratum, to: target, ...(typeof move === 'object' && move.event ? { event: move.event } : {}) };
      moveAt.set(id, { mark, p: typeof move === 'object' && move.p !== undefined ? central(move.p) : 1 });
    }
  }
  return { id: document.id, stratum, order, nodes, shares, effectsAt, moveAt, actions };
}

/** `once` or `{once: true, within-days?}`: one act per passage (docs/language.md, "One-off acts"). */
function isOnce(frequency: unknown): boolean {
  return frequency === 'once' || (typeof frequency === 'object' && frequency !== null && (frequency as Doc).once === true);
}

/** `{times, per}` or `4/year`; absent: once a year (a guess: docs/language.md does not say). */
function actsPerPersonYear(frequency: unknown): number {
  if (frequency === undefined) return 1;
  if (typeof frequency === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(day|week|month|quarter|year)\s*$/.exec(frequency);
    if (!m) throw new Error(`oracle: bad frequency ${frequency}`);
    return Number(m[1]) * PERIODS_PER_YEAR[m[2]!]!;
  }
  const f = frequency as Doc;
  return central(f.times) * PERIODS_PER_YEAR[f.per]!;
}

/** Effects on transitions out of the logigramme's stratum; the others are ignored (docs 3.3). */
function effectsOf(key: string, effects: Doc[], stratum: string, transitionKeys: Set<string>): Effect[] {
  const kept: Effect[] = [];
  effects.forEach((effect, index) => {
    const [from, to] = String(effect.transition).split('->').map((part) => part.trim()) as [string, string];
    if (from !== stratum || !transitionKeys.has(`${from}->${to}`)) return;
    const waning = effect.waning ?? 'none';
    kept.push({
      id: `${key}#${index}`,
      from,
      to,
      hr: central(effect.hr),
      duration: effect.duration ?? 1,
      waning,
      halfLife: effect['half-life'] === undefined ? Number.NaN : central(effect['half-life']),
      stop: effect['after-exit'] === 'stop',
    });
  });
  return kept;
}

function successors(node: Doc): string[] {
  if (node.type === 'decision') return (node.branches as Doc[]).map((b) => b.next as string);
  return node.next === undefined ? [] : [node.next as string];
}

/** The nodes reachable from `start`, in a topological order; a cycle is refused. */
function topologicalOrder(start: string, nodes: Record<string, Doc>): string[] {
  const reachable = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    if (!nodes[id]) throw new Error(`oracle: unknown node ${id}`);
    reachable.add(id);
    stack.push(...successors(nodes[id]!));
  }
  const indegree = new Map<string, number>([...reachable].map((id) => [id, 0]));
  for (const id of reachable) for (const next of new Set(successors(nodes[id]!))) indegree.set(next, indegree.get(next)! + 1);
  const ready = [...reachable].filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of new Set(successors(nodes[id]!))) {
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) ready.push(next);
    }
  }
  if (order.length !== reachable.size) throw new Error('oracle: the logigramme has a cycle');
  return order;
}

const groupKey = (effects: string[], mark?: MoveMark) => `${effects.join('+')}|${mark?.key ?? ''}`;

function add(packets: Map<string, Group>, group: Group): void {
  if (group.n === 0) return;
  const key = groupKey(group.effects, group.mark);
  const existing = packets.get(key);
  if (existing) existing.n += group.n;
  else packets.set(key, { ...group });
}

/**
 * The expected passage of the enrolled through the logigramme (docs "Program dynamics", step 2):
 * they enter at `start` in groups by the set of lasting effects they carry (set 0 first, then each
 * Cₛ(M)); at a decision the people split by the branch shares; at an action the node's people are
 * counted, a share p / c of them takes the node's move mark (p per person-year reached; the others
 * keep theirs), and every group gains the node's effects (a carried effect stays in the set even on
 * a branch that does not meet it); they leave at a node without `next`.
 */
export function pass(logigramme: CompiledLogigramme, entering: Group[], cyclesPerYear: number): Passage {
  const waiting = new Map<string, Map<string, Group>>(logigramme.order.map((id) => [id, new Map()]));
  for (const group of entering) add(waiting.get(logigramme.order[0]!)!, group);
  const leaving = new Map<string, Group>();
  const reached = new Map<string, number>();
  for (const id of logigramme.order) {
    const node = logigramme.nodes[id]!;
    let packets = [...waiting.get(id)!.values()];
    if (node.type === 'decision') {
      const shares = logigramme.shares.get(id)!;
      (node.branches as Doc[]).forEach((branch, i) => packets.forEach((g) => add(waiting.get(branch.next)!, { ...g, n: g.n * shares[i]! })));
      continue;
    }
    if (node.type === 'action') {
      reached.set(`${logigramme.id}/${id}`, packets.reduce((sum, g) => sum + g.n, 0));
      packets = markAndAffect(packets, logigramme.moveAt.get(id), logigramme.effectsAt.get(id) ?? [], cyclesPerYear);
    }
    const target = node.type === 'end' || node.next === undefined ? leaving : waiting.get(node.next)!;
    packets.forEach((g) => add(target, g));
  }
  return { groups: [...leaving.values()], reached };
}

/** The union of two sets of effect ids, as a sorted list (the key of a group). */
export function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function markAndAffect(packets: Group[], move: { mark: MoveMark; p: number } | undefined, effects: Effect[], cyclesPerYear: number): Group[] {
  const share = move ? move.p / cyclesPerYear : 0;
  const marked = move ? packets.flatMap((g) => [{ ...g, mark: move.mark, n: g.n * share }, { ...g, n: g.n * (1 - share) }]) : packets;
  if (effects.length === 0) return marked;
  return marked.map((g) => ({ ...g, effects: union(g.effects, effects.map((e) => e.id)) }));
}
