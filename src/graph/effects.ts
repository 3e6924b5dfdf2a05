/**
 * Which combinations of effects people can have met on their way through a logigramme. The
 * simulation groups the people flowing through a logigramme by the set of effects they met (a bit
 * set), because each set changes their transitions differently (docs/simulation.md, "Effects");
 * these limits bound that grouping, and the lint rule `effect-combinations` checks them with this
 * same function, so that a workspace that lints clean never meets them in `simulate`.
 */
import { type FlowNodes, isTerminal, successors, topologicalOrder } from './flow.js';

/** Effects on a stratum's own transitions that one logigramme may hold: the bits of a 32-bit integer set. */
export const MAX_EFFECTS_PER_LOGIGRAMME = 30;
/** Distinct sets of effects that may arrive at one node (or leave the logigramme) together. */
export const MAX_EFFECT_COMBINATIONS = 64;

export interface EffectCombinations {
  /** Per reachable node: the distinct sets of effects met before reaching it (bit masks). */
  arriving: Map<string, Set<number>>;
  /** The distinct sets of effects met by people leaving the logigramme (at an end, or a node without a way on). */
  leaving: Set<number>;
  /** The largest number of sets at one node or at the exit, and where (a node id, or `end`). */
  largest: { count: number; at: string };
}

/**
 * Follows the reachable nodes from `start` in topological order: the sets arriving at a node are
 * the union of the sets leaving its predecessors; a node adds its own effects (`maskOf(id)`) to
 * every set passing through it. With `lasting`, the sets entering at `start` are also those the
 * enrolled carry from their earlier passages. A node whose sets number more than `cap` passes on only the first
 * `cap + 1` (enough to report that the limit is exceeded, and bounded work). Nodes on a loop are
 * left out (the simulation refuses loops first).
 */
export function effectCombinations(nodes: FlowNodes, start: string, maskOf: (id: string) => number, cap = MAX_EFFECT_COMBINATIONS, lasting = 0): EffectCombinations {
  // Enrolled people who stay enrolled enter again with the lasting effects they met (the bits of
  // `lasting`, docs/simulation.md "Program dynamics"): the sets entering are 0 and those carried,
  // until no new carried set appears (at most 2^effects rounds, far fewer in practice: each round
  // adds a set or stops).
  let entering = new Set([0]);
  for (;;) {
    const found = combinationsFrom(nodes, start, maskOf, cap, entering);
    const carried = new Set(entering);
    for (const mask of found.leaving) if (carried.size <= cap) carried.add(mask & lasting);
    if (carried.size === entering.size) return found;
    entering = carried;
  }
}

function combinationsFrom(nodes: FlowNodes, start: string, maskOf: (id: string) => number, cap: number, entering: Set<number>): EffectCombinations {
  const arriving = new Map<string, Set<number>>();
  const leaving = new Set<number>();
  const largest = { count: 0, at: start };
  const { order } = topologicalOrder(nodes, start);
  arriving.set(start, new Set(entering));
  const add = (target: Set<number>, mask: number) => {
    if (target.size <= cap) target.add(mask);
  };
  for (const id of order) {
    const sets = arriving.get(id) ?? new Set<number>();
    if (sets.size > largest.count) Object.assign(largest, { count: sets.size, at: id });
    const own = maskOf(id);
    const next = successors(nodes, id);
    const terminal = isTerminal(nodes[id]!) || next.length === 0;
    for (const mask of sets) {
      const after = mask | own;
      if (terminal) add(leaving, after);
      for (const target of next) {
        let into = arriving.get(target);
        if (!into) arriving.set(target, (into = new Set()));
        add(into, after);
      }
    }
  }
  if (leaving.size > largest.count) Object.assign(largest, { count: leaving.size, at: 'end' });
  return { arriving, leaving, largest };
}
