/**
 * The branch choices that every way to a node goes through: the path condition of a node, which
 * the worklist shows beside an action because patient data may not tell which branch a patient
 * took (docs/stratify.md, "Worklist"). Pure, like the rest of src/graph.
 */
import { outgoing, reachableFrom, topologicalOrder, type FlowNodes } from './flow.js';

/** The `branch`-th branch of the decision `decision`. */
export interface BranchStep {
  decision: string;
  branch: number;
}

const stepKey = (step: BranchStep) => `${step.branch}:${step.decision}`;

/**
 * For each node reachable from `start`, the decision branches that lie on every path from `start`
 * to it, ordered as the decisions come in the flowchart's order (topological from `start`, loops
 * after, in document order), then by branch. Computed as the greatest solution of
 * cond(start) = ∅, cond(n) = ⋂ over the edges p → n of cond(p) ∪ {the edge, when it is a branch}:
 * a node that two branches of one decision both lead to is conditioned by neither.
 */
export function pathConditions(nodes: FlowNodes, start: string): Map<string, BranchStep[]> {
  const reachable = reachableFrom(nodes, start);
  const { order, cyclic } = topologicalOrder(nodes, start);
  const sequence = [...order, ...cyclic];
  const incoming = new Map<string, { from: string; step?: BranchStep }[]>();
  for (const from of sequence) {
    for (const edge of outgoing(nodes, from)) {
      if (!edge.known || !reachable.has(edge.to)) continue;
      const list = incoming.get(edge.to) ?? [];
      list.push(edge.branch === undefined ? { from } : { from, step: { decision: from, branch: edge.branch } });
      incoming.set(edge.to, list);
    }
  }
  // undefined stands for "every step" (not reached yet): intersections only shrink the sets.
  const conditions = new Map<string, Map<string, BranchStep> | undefined>(sequence.map((id) => [id, undefined]));
  conditions.set(start, new Map());
  for (let changed = true, rounds = 0; changed && rounds <= sequence.length; rounds++) {
    changed = false;
    for (const id of sequence) {
      if (id === start) continue;
      const next = intersectIncoming(incoming.get(id) ?? [], conditions);
      if (next !== undefined && !sameKeys(next, conditions.get(id))) {
        conditions.set(id, next);
        changed = true;
      }
    }
  }
  const position = new Map(sequence.map((id, i) => [id, i]));
  const ordered = (steps: Map<string, BranchStep> | undefined) =>
    [...(steps?.values() ?? [])].sort((a, b) => position.get(a.decision)! - position.get(b.decision)! || a.branch - b.branch);
  return new Map(sequence.map((id) => [id, ordered(conditions.get(id))]));
}

function intersectIncoming(edges: { from: string; step?: BranchStep }[], conditions: Map<string, Map<string, BranchStep> | undefined>): Map<string, BranchStep> | undefined {
  let result: Map<string, BranchStep> | undefined;
  for (const { from, step } of edges) {
    const before = conditions.get(from);
    if (before === undefined) continue;
    const through = new Map(before);
    if (step) through.set(stepKey(step), step);
    result = result === undefined ? through : new Map([...result].filter(([key]) => through.has(key)));
  }
  return result;
}

function sameKeys(a: Map<string, BranchStep>, b: Map<string, BranchStep> | undefined): boolean {
  return b !== undefined && a.size === b.size && [...a.keys()].every((key) => b.has(key));
}
