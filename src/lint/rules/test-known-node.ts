import { t } from '../../i18n/catalogue.js';
import { shorten } from '../../language/diagnostic.js';
import type { FlowExpectation, LogigrammeDocument } from '../../language/schemas/index.js';
import { suggestionHint } from '../../language/suggest.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { outgoing } from '../../graph/index.js';
import { variableOf } from '../../pathway-tests/walk.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';

type Nodes = LogigrammeDocument['nodes'];
type Path = (string | number)[];

/** The variables a logigramme's decisions test, as `given` names them (docs/testing.md). */
function variablesOf(nodes: Nodes): string[] {
  return Object.entries(nodes).flatMap(([id, node]) => (node.type === 'decision' ? [variableOf(id, node)] : []));
}

/** Checks `given` and `choose` (of a case, or of the document) against one logigramme. */
function checkValues(nodes: Nodes, given: Record<string, unknown> | undefined, choose: Record<string, string> | undefined, base: Path, report: (r: RuleReport) => void): void {
  const variables = variablesOf(nodes);
  for (const name of Object.keys(given ?? {})) {
    if (!variables.includes(name)) report({ path: [...base, 'given', name], atKey: true, message: t('rules.test-known-node.variable', { name: shorten(name) }), hint: suggestionHint(name, variables) ?? t('rules.test-known-node.variable.hint', { variables: variables.join(', ') }) });
  }
  const decisions = Object.keys(nodes).filter((id) => nodes[id]!.type === 'decision');
  for (const [decision, choice] of Object.entries(choose ?? {})) {
    const node = Object.prototype.hasOwnProperty.call(nodes, decision) ? nodes[decision] : undefined;
    if (node?.type !== 'decision') {
      report({ path: [...base, 'choose', decision], atKey: true, message: t('rules.test-known-node.decision', { id: shorten(decision) }), ...hintOf(decision, decisions) });
      continue;
    }
    const names = node.branches.flatMap((b) => [b.next, b.label]);
    if (!names.includes(choice)) report({ path: [...base, 'choose', decision], message: t('rules.test-known-node.branch', { decision: shorten(decision), choice: shorten(choice) }), hint: t('rules.test-known-node.branch.hint', { branches: node.branches.map((b) => b.next).join(', ') }) });
  }
}

function hintOf(id: string, known: readonly string[]): { hint?: string } {
  const hint = suggestionHint(id, known, 'node');
  return hint ? { hint } : {};
}

function checkNode(nodes: Nodes, id: string, path: Path, report: (r: RuleReport) => void): void {
  if (!Object.prototype.hasOwnProperty.call(nodes, id)) report({ path, message: t('rules.test-known-node.node', { id: shorten(id) }), ...hintOf(id, Object.keys(nodes)) });
}

function checkFlow(nodes: Nodes, expectation: FlowExpectation, base: Path, report: (r: RuleReport) => void): void {
  if (expectation.node !== undefined) checkNode(nodes, expectation.node, [...base, 'node'], report);
  if (expectation.acts !== undefined) {
    checkNode(nodes, expectation.acts, [...base, 'acts'], report);
    const node = nodes[expectation.acts];
    if (node && node.type !== 'action') report({ path: [...base, 'acts'], message: t('rules.test-known-node.not-action', { id: shorten(expectation.acts) }) });
  }
  if (expectation.edge !== undefined) {
    const { from, to } = expectation.edge;
    checkNode(nodes, from, [...base, 'edge', 'from'], report);
    checkNode(nodes, to, [...base, 'edge', 'to'], report);
    if (Object.prototype.hasOwnProperty.call(nodes, from) && Object.prototype.hasOwnProperty.call(nodes, to) && !outgoing(nodes, from).some((e) => e.to === to)) {
      report({ path: [...base, 'edge'], message: t('rules.test-known-node.edge', { from: shorten(from), to: shorten(to) }) });
    }
  }
}

/**
 * The nodes, decisions, branches and variables a pathway test names exist in its logigramme
 * (docs/testing.md). An unknown logigramme is known-reference's; a logigramme that cannot be read
 * is not checked.
 */
export default defineRule<'PathwayTest'>({
  meta: { id: 'test-known-node', severity: 'error', kinds: ['PathwayTest'], docs: docsPath('test-known-node') },
  check({ workspace, document, report }) {
    const value = document.value;
    const logigrammeOf = (id: string | undefined): LoadedDocument<'Logigramme'> | undefined => (id === undefined ? undefined : workspace.index.Logigramme.get(id));
    const main = logigrammeOf(value.logigramme);
    if (main) checkValues(main.value.nodes, value.given, value.choose, [], report);
    (value.paths ?? []).forEach((entry, i) => {
      const nodes = logigrammeOf(entry.logigramme ?? value.logigramme)?.value.nodes;
      if (!nodes) return;
      checkValues(nodes, entry.given, entry.choose, ['paths', i], report);
      if (Array.isArray(entry.path)) entry.path.forEach((id, j) => checkNode(nodes, id, ['paths', i, 'path', j], report));
      for (const key of ['reaches', 'avoids'] as const) (entry[key] ?? []).forEach((id, j) => checkNode(nodes, id, ['paths', i, key, j], report));
    });
    (value.flows ?? []).forEach((entry, i) => {
      const nodes = logigrammeOf(entry.logigramme ?? value.logigramme)?.value.nodes;
      if (nodes) entry.expect.forEach((expectation, j) => checkFlow(nodes, expectation, ['flows', i, 'expect', j], report));
    });
  },
});
