/**
 * Pure analysis of a logigramme's flowchart: its edges, reachability, cycles, a topological order
 * and path enumeration. Every function takes the logigramme's `nodes` (id → node) as plain data
 * and never throws on a broken graph: an edge to a node that does not exist is kept in `edges()`
 * (with `known: false`) and ignored everywhere else.
 *
 * Used by the linter (no-unreachable-node, no-dead-end, no-cycle), and meant for the renderer
 * and the simulation (the order in which people flow through the nodes).
 */

/** The part of a node that the graph needs. */
export interface FlowNode {
  readonly type: string;
  readonly next?: string | undefined;
  readonly branches?: ReadonlyArray<{ readonly next: string }>;
}

export type FlowNodes = Readonly<Record<string, FlowNode>>;

export interface Edge {
  from: string;
  to: string;
  /** Index of the decision branch, or undefined for a `next`. */
  branch?: number;
  /** Whether `to` names a node of the logigramme. */
  known: boolean;
}

function has(nodes: FlowNodes, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(nodes, id);
}

/** The outgoing edges of one node, in document order (`next`, then the branches). */
export function outgoing(nodes: FlowNodes, id: string): Edge[] {
  const node = has(nodes, id) ? nodes[id] : undefined;
  if (!node) return [];
  const out: Edge[] = [];
  if (typeof node.next === 'string') out.push({ from: id, to: node.next, known: has(nodes, node.next) });
  node.branches?.forEach((branch, index) => out.push({ from: id, to: branch.next, branch: index, known: has(nodes, branch.next) }));
  return out;
}

/** Every edge of the flowchart, node by node in document order. */
export function edges(nodes: FlowNodes): Edge[] {
  return Object.keys(nodes).flatMap((id) => outgoing(nodes, id));
}

/** The distinct existing nodes that a node leads to, in document order. */
export function successors(nodes: FlowNodes, id: string): string[] {
  const node = has(nodes, id) ? nodes[id] : undefined;
  if (!node) return [];
  const out: string[] = [];
  if (typeof node.next === 'string' && has(nodes, node.next)) out.push(node.next);
  if (node.branches) for (const branch of node.branches) if (has(nodes, branch.next) && !out.includes(branch.next)) out.push(branch.next);
  return out;
}

/**
 * Whether a node ends a path: an `end`, or a `refer` without `next` (the person continues in the
 * other logigramme).
 */
export function isTerminal(node: FlowNode): boolean {
  return node.type === 'end' || (node.type === 'refer' && node.next === undefined);
}

/** Ids of the nodes reachable from `start` (including it), in breadth-first order. */
export function reachableFrom(nodes: FlowNodes, start: string): Set<string> {
  const seen = new Set<string>();
  if (!has(nodes, start)) return seen;
  const queue = [start];
  seen.add(start);
  for (let i = 0; i < queue.length; i++) {
    for (const next of successors(nodes, queue[i]!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Ids of the nodes from which some terminal node can be reached (terminal nodes included).
 * With `unknownTargetsReachEnd`, an edge to a missing node counts as reaching an end: the broken
 * reference is then the only problem reported.
 */
export function reachingEnd(nodes: FlowNodes, options: { unknownTargetsReachEnd?: boolean } = {}): Set<string> {
  const predecessors = new Map<string, string[]>();
  const found = new Set<string>();
  const queue: string[] = [];
  const link = (from: string, to: string) => {
    if (has(nodes, to)) {
      const list = predecessors.get(to);
      if (list) list.push(from);
      else predecessors.set(to, [from]);
    } else if (options.unknownTargetsReachEnd && !found.has(from)) {
      found.add(from);
      queue.push(from);
    }
  };
  for (const id in nodes) {
    const node = nodes[id]!;
    if (isTerminal(node) && !found.has(id)) {
      found.add(id);
      queue.push(id);
    }
    if (typeof node.next === 'string') link(id, node.next);
    if (node.branches) for (const branch of node.branches) link(id, branch.next);
  }
  for (let i = 0; i < queue.length; i++) {
    for (const previous of predecessors.get(queue[i]!) ?? []) {
      if (!found.has(previous)) {
        found.add(previous);
        queue.push(previous);
      }
    }
  }
  return found;
}

export interface Cycle {
  /** The nodes of the loop, starting and ending with the node the closing edge goes back to. */
  nodes: string[];
  /** The edge that closes the loop (from the last node back to the first). */
  edge: Edge;
}

/**
 * The loops of the flowchart: one per edge that goes back to a node on the current depth-first
 * path (a "back edge"). The search starts at `start` (when given), then at every node not yet
 * visited, in document order; it is iterative, so deep graphs cannot overflow the stack.
 */
export function findCycles(nodes: FlowNodes, start?: string): Cycle[] {
  const cycles: Cycle[] = [];
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  const roots = [...(start !== undefined && has(nodes, start) ? [start] : []), ...Object.keys(nodes)];
  for (const root of roots) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const stack: { id: string; edges: Edge[]; index: number }[] = [{ id: root, edges: outgoing(nodes, root), index: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.index >= frame.edges.length) {
        state.set(frame.id, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const edge = frame.edges[frame.index++]!;
      if (!edge.known) continue;
      const seen = state.get(edge.to);
      if (seen === 1) {
        const from = path.lastIndexOf(edge.to);
        cycles.push({ nodes: [...path.slice(from), edge.to], edge });
      } else if (seen === undefined) {
        state.set(edge.to, 1);
        path.push(edge.to);
        stack.push({ id: edge.to, edges: outgoing(nodes, edge.to), index: 0 });
      }
    }
  }
  return cycles;
}

export interface TopologicalOrder {
  /** Nodes such that every edge goes from an earlier node to a later one (ties in document order). */
  order: string[];
  /** Nodes left out because they sit on a loop or behind one. */
  cyclic: string[];
}

/**
 * A topological order of the nodes (all of them, or those reachable from `start`): the order in
 * which people can be pushed through the flowchart so that every node is complete before its
 * successors are visited. Nodes on or after a loop cannot be ordered and are listed apart.
 */
export function topologicalOrder(nodes: FlowNodes, start?: string): TopologicalOrder {
  const scope = start === undefined ? Object.keys(nodes) : [...reachableFrom(nodes, start)].sort(byDocumentOrder(nodes));
  const inScope = new Set(scope);
  const indegree = new Map<string, number>(scope.map((id) => [id, 0]));
  for (const id of scope) for (const next of successors(nodes, id)) if (inScope.has(next)) indegree.set(next, indegree.get(next)! + 1);
  const position = new Map(Object.keys(nodes).map((id, i) => [id, i]));
  // A small binary heap keyed by document position keeps the order deterministic and readable.
  const ready: string[] = [];
  const push = (id: string) => {
    ready.push(id);
    let i = ready.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (position.get(ready[parent]!)! <= position.get(ready[i]!)!) break;
      [ready[parent], ready[i]] = [ready[i]!, ready[parent]!];
      i = parent;
    }
  };
  const pop = (): string => {
    const top = ready[0]!;
    const last = ready.pop()!;
    if (ready.length > 0) {
      ready[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < ready.length && position.get(ready[left]!)! < position.get(ready[smallest]!)!) smallest = left;
        if (right < ready.length && position.get(ready[right]!)! < position.get(ready[smallest]!)!) smallest = right;
        if (smallest === i) break;
        [ready[smallest], ready[i]] = [ready[i]!, ready[smallest]!];
        i = smallest;
      }
    }
    return top;
  };
  for (const id of scope) if (indegree.get(id) === 0) push(id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = pop();
    order.push(id);
    for (const next of successors(nodes, id)) {
      if (!inScope.has(next)) continue;
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) push(next);
    }
  }
  const ordered = new Set(order);
  return { order, cyclic: scope.filter((id) => !ordered.has(id)) };
}

function byDocumentOrder(nodes: FlowNodes): (a: string, b: string) => number {
  const position = new Map(Object.keys(nodes).map((id, i) => [id, i]));
  return (a, b) => position.get(a)! - position.get(b)!;
}

export type PathEnd = 'terminal' | 'dead-end' | 'loop';

export interface FlowPath {
  /** Node ids from the start to the last node. */
  nodes: string[];
  /** The edges taken, one fewer than the nodes. */
  edges: Edge[];
  /** How the path stops: at an end (or a referral), at a node going nowhere, or where it would loop. */
  end: PathEnd;
}

export interface PathEnumeration {
  paths: FlowPath[];
  /** True when the enumeration stopped early: `max` paths found (there may be more), or `maxSteps` edges walked. */
  truncated: boolean;
}

export interface PathOptions {
  /** Most paths returned (default 1,000: the number of paths grows exponentially with the decisions). */
  max?: number;
  /** Most edges walked in all (default 1,000,000), a bound on the work when few paths qualify. */
  maxSteps?: number;
  /** Keep only the paths that stop this way (default: all). */
  ends?: readonly PathEnd[];
}

/**
 * Maximal simple paths from `start`, depth first in document order. A path stops at a terminal
 * node, at a node with no existing successor (`dead-end`), or where every way on would revisit a
 * node of the path (`loop`).
 */
export function enumeratePaths(nodes: FlowNodes, start: string, options: PathOptions = {}): PathEnumeration {
  const max = options.max ?? 1000;
  let steps = options.maxSteps ?? 1_000_000;
  const paths: FlowPath[] = [];
  if (!has(nodes, start)) return { paths, truncated: false };
  if (max <= 0) return { paths, truncated: true };
  const onPath = new Set<string>([start]);
  const pathNodes = [start];
  const pathEdges: Edge[] = [];
  const known = (id: string) => outgoing(nodes, id).filter((e) => e.known);
  const stack: { edges: Edge[]; index: number; extended: boolean }[] = [{ edges: known(start), index: 0, extended: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const id = pathNodes[pathNodes.length - 1]!;
    if (frame.index >= frame.edges.length) {
      if (!frame.extended) {
        const end: PathEnd = isTerminal(nodes[id]!) ? 'terminal' : frame.edges.length === 0 ? 'dead-end' : 'loop';
        if (!options.ends || options.ends.includes(end)) {
          paths.push({ nodes: [...pathNodes], edges: [...pathEdges], end });
          if (paths.length >= max) return { paths, truncated: true };
        }
      }
      stack.pop();
      onPath.delete(pathNodes.pop()!);
      pathEdges.pop();
      continue;
    }
    const edge = frame.edges[frame.index++]!;
    if (onPath.has(edge.to)) continue;
    if (--steps < 0) return { paths, truncated: true };
    frame.extended = true;
    onPath.add(edge.to);
    pathNodes.push(edge.to);
    pathEdges.push(edge);
    stack.push({ edges: known(edge.to), index: 0, extended: false });
  }
  return { paths, truncated: false };
}

/** The paths from `start` that reach an end (or a referral without `next`). */
export function pathsToEnd(nodes: FlowNodes, start: string, options: Omit<PathOptions, 'ends'> = {}): PathEnumeration {
  return enumeratePaths(nodes, start, { ...options, ends: ['terminal'] });
}
