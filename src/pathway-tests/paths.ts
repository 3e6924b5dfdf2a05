/**
 * Path cases (docs/testing.md, "Paths"): the walk of one patient (src/pathway-tests/walk.ts)
 * against the exact path, the nodes to reach and the nodes to avoid. A walk that stops before an
 * end — a decision with no branch for the value given — fails, naming the decision where it
 * stopped, at its file:line:col.
 */
import { t } from '../i18n/catalogue.js';
import { shorten } from '../language/diagnostic.js';
import type { LogigrammeNode, PathCase } from '../language/schemas/index.js';
import { locate } from '../language/source.js';
import { conditionWords } from '../text/conditions.js';
import type { LoadedDocument } from '../language/workspace.js';
import type { Failure, Place } from './results.js';
import { variableOf, type Walk, type WalkStop, walkLogigramme } from './walk.js';

export interface PathCaseInput {
  test: LoadedDocument<'PathwayTest'>;
  index: number;
  value: PathCase;
  logigramme: LoadedDocument<'Logigramme'>;
}

export interface PathOutcome {
  walk: Walk;
  failures: Failure[];
}

type DecisionNode = Extract<LogigrammeNode, { type: 'decision' }>;

/** Where a path into the test document lies. */
function inTest(input: PathCaseInput, path: (string | number)[]): Place {
  return { file: input.test.source.file, range: locate(input.test.source, input.test.document, ['paths', input.index, ...path]) };
}

/** Where a path into the logigramme lies. */
function inLogigramme(input: PathCaseInput, path: (string | number)[]): Place {
  return { file: input.logigramme.source.file, range: locate(input.logigramme.source, input.logigramme.document, path) };
}

const quote = (text: string) => `\`${shorten(text)}\``;
const pathWords = (nodes: readonly string[]) => nodes.map(shorten).join(' → ');

/** The words of a `when` live in src/text/conditions.ts (shared with the memo sheets). */
export { conditionWords } from '../text/conditions.js';

/** Runs one path case: its walk, and a failure per expectation that does not hold. */
export function runPathCase(input: PathCaseInput): PathOutcome {
  const { value, logigramme } = input;
  // The document's `given` and `choose` are a typical patient; the case's own values override them.
  const given = { ...input.test.value.given, ...value.given };
  const choose = { ...input.test.value.choose, ...value.choose };
  const walk = walkLogigramme(logigramme.value.nodes, logigramme.value.start, given, choose);
  const failures: Failure[] = [];
  if (walk.stop.kind !== 'end') failures.push(stopFailure(input, walk.stop, walk));
  else if (value.path === 'auto') failures.push({ ...inTest(input, ['path']), message: t('pathway-tests.path.auto'), hint: t('pathway-tests.path.auto.hint', { path: pathWords(walk.nodes) }), actual: walk.nodes });
  else if (value.path !== undefined) {
    const mismatch = pathMismatch(input, value.path, walk);
    if (mismatch) failures.push(mismatch);
  }
  const reached = new Set(walk.nodes);
  (value.reaches ?? []).forEach((node, j) => {
    if (!reached.has(node)) failures.push({ ...inTest(input, ['reaches', j]), message: t('pathway-tests.path.not-reached', { node: quote(node), path: pathWords(walk.nodes) }), actual: walk.nodes });
  });
  (value.avoids ?? []).forEach((node, j) => {
    if (reached.has(node)) failures.push({ ...inTest(input, ['avoids', j]), message: t('pathway-tests.path.reached', { node: quote(node), path: pathWords(walk.nodes) }), actual: walk.nodes, ...causeBefore(input, walk, walk.nodes.indexOf(node)) });
  });
  return { walk, failures };
}

/** The first difference between the path expected and the walk, with the decision that chose the other way. */
function pathMismatch(input: PathCaseInput, expected: readonly string[], walk: Walk): Failure | undefined {
  const actual = walk.nodes;
  let k = 0;
  while (k < expected.length && k < actual.length && expected[k] === actual[k]) k++;
  if (k === expected.length && k === actual.length) return undefined;
  const where = inTest(input, ['path', Math.min(k, expected.length - 1)]);
  let message: string;
  if (k === actual.length) message = t('pathway-tests.path.ends-early', { node: quote(actual[k - 1]!), expected: quote(expected[k]!) });
  else if (k === expected.length) message = t('pathway-tests.path.goes-on', { node: quote(expected[k - 1]!), actual: quote(actual[k]!) });
  else message = t('pathway-tests.path.differs', { position: k + 1, expected: quote(expected[k]!), actual: quote(actual[k]!) });
  return { ...where, message, hint: t('pathway-tests.path.actual', { path: pathWords(actual) }), actual, ...causeBefore(input, walk, k) };
}

/** The last decision passed before position `k` of the walk: where the walk turned. */
function causeBefore(input: PathCaseInput, walk: Walk, k: number): Pick<Failure, 'cause'> {
  const before = new Set(walk.nodes.slice(0, Math.max(0, k)));
  const steps = walk.decisions.filter((d) => before.has(d.decision));
  return causeOf(input, walk, steps.length - 1);
}

/** The `i`-th decision step of the walk as a cause (the last when `i` is past the end; none when there is none). */
function causeOf(input: PathCaseInput, walk: Walk, i: number): Pick<Failure, 'cause'> {
  const step = walk.decisions[Math.min(i, walk.decisions.length - 1)] ?? walk.decisions[walk.decisions.length - 1];
  if (!step || i < 0) return {};
  const node = input.logigramme.value.nodes[step.decision] as DecisionNode;
  const branch = node.branches[step.branch]!;
  const message =
    step.value === undefined || branch.when === undefined
      ? t('pathway-tests.cause.chosen', { decision: quote(step.decision), branch: quote(branch.label) })
      : t('pathway-tests.cause.condition', { decision: quote(step.decision), branch: quote(branch.label), condition: conditionWords(variableOf(step.decision, node), branch.when), value: String(step.value) });
  return { cause: { ...inLogigramme(input, ['nodes', step.decision]), message } };
}

/** A walk that stopped before an end: the failure names the node where it stopped, in the logigramme. */
function stopFailure(input: PathCaseInput, stop: Exclude<WalkStop, { kind: 'end' }>, walk: Walk): Failure {
  const here = inTest(input, []);
  const path = pathWords(walk.nodes);
  switch (stop.kind) {
    case 'no-value':
      return { ...inTest(input, input.value.given ? ['given'] : []), message: t('pathway-tests.stop.no-value', { decision: quote(stop.decision), variable: quote(stop.variable) }), hint: t('pathway-tests.stop.no-value.hint', { variable: stop.variable }), actual: walk.nodes, cause: decisionPlace(input, stop.decision, path) };
    case 'no-branch':
      return { ...givenPlace(input, stop.variable), message: t('pathway-tests.stop.no-branch', { decision: quote(stop.decision), variable: stop.variable, value: String(stop.value) }), hint: t('pathway-tests.stop.no-branch.hint', { branches: branchWords(input, stop.decision) }), actual: walk.nodes, cause: decisionPlace(input, stop.decision, path) };
    case 'several-branches':
      return { ...givenPlace(input, stop.variable), message: t('pathway-tests.stop.several', { decision: quote(stop.decision), variable: stop.variable, value: String(stop.value) }), hint: t('pathway-tests.stop.no-branch.hint', { branches: branchWords(input, stop.decision) }), actual: walk.nodes, cause: decisionPlace(input, stop.decision, path) };
    case 'no-choice':
      return { ...here, message: t('pathway-tests.stop.no-choice', { decision: quote(stop.decision) }), hint: t('pathway-tests.stop.no-choice.hint', { decision: stop.decision, branches: branchTargets(input, stop.decision) }), actual: walk.nodes, cause: decisionPlace(input, stop.decision, path) };
    case 'unknown-choice':
      return { ...inTest(input, ['choose', stop.decision]), message: t('pathway-tests.stop.unknown-choice', { decision: quote(stop.decision), choice: quote(stop.choice) }), hint: t('pathway-tests.stop.no-choice.hint', { decision: stop.decision, branches: branchTargets(input, stop.decision) }), actual: walk.nodes };
    case 'loop':
      return { ...here, message: t('pathway-tests.stop.loop', { node: quote(stop.node), path }), actual: walk.nodes, cause: { ...inLogigramme(input, ['nodes', stop.node]), message: t('pathway-tests.cause.node', { node: quote(stop.node) }) } };
    case 'dead-end':
      return { ...here, message: t('pathway-tests.stop.dead-end', { node: quote(stop.node), path }), actual: walk.nodes, cause: { ...inLogigramme(input, ['nodes', stop.node]), message: t('pathway-tests.cause.node', { node: quote(stop.node) }) } };
    case 'unknown-node':
      return { ...here, message: t('pathway-tests.stop.unknown-node', { node: quote(stop.node), path }), actual: walk.nodes };
  }
}

function givenPlace(input: PathCaseInput, variable: string): Place {
  return inTest(input, input.value.given && Object.prototype.hasOwnProperty.call(input.value.given, variable) ? ['given', variable] : []);
}

function decisionPlace(input: PathCaseInput, decision: string, path: string): Place & { message: string } {
  return { ...inLogigramme(input, ['nodes', decision]), message: t('pathway-tests.cause.stopped', { decision: quote(decision), path }) };
}

/** The branches of a decision with their conditions: `Oui: hba1c ≤ 7; Non: hba1c > 7`. */
function branchWords(input: PathCaseInput, decision: string): string {
  const node = input.logigramme.value.nodes[decision] as DecisionNode;
  const variable = variableOf(decision, node);
  return node.branches.map((b) => `${shorten(b.label)}: ${b.when ? conditionWords(variable, b.when) : '—'}`).join('; ');
}

/** The `next` nodes of a decision's branches, as `choose` may name them. */
function branchTargets(input: PathCaseInput, decision: string): string {
  const node = input.logigramme.value.nodes[decision] as DecisionNode;
  return node.branches.map((b) => b.next).join(', ');
}
