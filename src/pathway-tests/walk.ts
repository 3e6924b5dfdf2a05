/**
 * The way one patient goes through a logigramme (docs/testing.md, "How a path is followed"): from
 * the start node, along each `next`; at a decision, the branch that `choose` names, else the one
 * branch whose `when` holds for the value given to the decision's variable. Pure: the node data
 * in, the walk out, never an exception; src/pathway-tests/paths.ts turns it into findings.
 */
import { acceptsValue, type Condition, isTerminal } from '../graph/index.js';
import type { LogigrammeNode } from '../language/schemas/index.js';

export type GivenValues = Readonly<Record<string, number | string>>;

/** Why a walk stopped. `end` is the only normal stop (an end node, or a referral without `next`). */
export type WalkStop =
  | { kind: 'end' }
  | { kind: 'dead-end'; node: string }
  | { kind: 'loop'; node: string }
  | { kind: 'unknown-node'; node: string }
  | { kind: 'no-value'; decision: string; variable: string }
  | { kind: 'no-branch'; decision: string; variable: string; value: number | string }
  | { kind: 'several-branches'; decision: string; variable: string; value: number | string; branches: number[] }
  | { kind: 'no-choice'; decision: string }
  | { kind: 'unknown-choice'; decision: string; choice: string };

/** One decision passed: which branch was taken, and why (a choice, or the value that met its `when`). */
export interface DecisionStep {
  decision: string;
  branch: number;
  /** The value of the variable that chose the branch; undefined when `choose` named it. */
  value?: number | string;
}

export interface Walk {
  /** Node ids from the start to where the walk stopped, that node included. */
  nodes: string[];
  decisions: DecisionStep[];
  stop: WalkStop;
}

type Nodes = Readonly<Record<string, LogigrammeNode>>;
type DecisionNode = Extract<LogigrammeNode, { type: 'decision' }>;

const has = (nodes: Nodes, id: string) => Object.prototype.hasOwnProperty.call(nodes, id);

/** The walk of one patient from `start`, given the variables' values and the branches chosen. */
export function walkLogigramme(nodes: Nodes, start: string, given: GivenValues = {}, choose: Readonly<Record<string, string>> = {}): Walk {
  const walk: Walk = { nodes: [], decisions: [], stop: { kind: 'end' } };
  const seen = new Set<string>();
  let id: string | undefined = start;
  while (id !== undefined) {
    if (!has(nodes, id)) return { ...walk, stop: { kind: 'unknown-node', node: id } };
    walk.nodes.push(id);
    if (seen.has(id)) return { ...walk, stop: { kind: 'loop', node: id } };
    seen.add(id);
    const node: LogigrammeNode = nodes[id]!;
    if (node.type === 'decision') {
      const step = decide(id, node, given, choose);
      if ('kind' in step) return { ...walk, stop: step };
      walk.decisions.push(step);
      id = node.branches[step.branch]!.next;
      continue;
    }
    if (isTerminal(node)) return walk;
    if (node.type === 'end' || node.next === undefined) return { ...walk, stop: { kind: 'dead-end', node: id } };
    id = node.next;
  }
  return walk;
}

/** The variable a decision tests, as `given` names it: its `variable.name`, else the decision's id. */
export function variableOf(id: string, node: DecisionNode): string {
  return node.variable?.name ?? id;
}

/** The branch taken at one decision, or why none can be. */
function decide(id: string, node: DecisionNode, given: GivenValues, choose: Readonly<Record<string, string>>): DecisionStep | WalkStop {
  if (Object.prototype.hasOwnProperty.call(choose, id)) {
    const choice = choose[id]!;
    // A branch is named by its `next` node first (an id is unambiguous), else by its label.
    let branch = node.branches.findIndex((b) => b.next === choice);
    if (branch < 0) branch = node.branches.findIndex((b) => b.label === choice);
    return branch < 0 ? { kind: 'unknown-choice', decision: id, choice } : { decision: id, branch };
  }
  const conditioned = node.branches.map((b, i) => ({ when: b.when as Condition | undefined, i })).filter((b) => b.when !== undefined);
  if (conditioned.length === 0) return { kind: 'no-choice', decision: id };
  const variable = variableOf(id, node);
  const value = Object.prototype.hasOwnProperty.call(given, variable) ? given[variable] : undefined;
  if (value === undefined) return { kind: 'no-value', decision: id, variable };
  const holding = conditioned.filter((b) => acceptsValue(b.when!, value)).map((b) => b.i);
  if (holding.length === 0) return { kind: 'no-branch', decision: id, variable, value };
  if (holding.length > 1) return { kind: 'several-branches', decision: id, variable, value, branches: holding };
  return { decision: id, branch: holding[0]!, value };
}
