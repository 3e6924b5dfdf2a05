import { t } from '../../i18n/catalogue.js';
import type { LogigrammeDocument } from '../../language/schemas/index.js';
import { variableOf } from '../../pathway-tests/walk.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';

type Nodes = LogigrammeDocument['nodes'];

/** Each value given lies in the range (`min`, `max`) of every decision variable of that name. */
function checkGiven(nodes: Nodes, given: Record<string, number | string> | undefined, base: (string | number)[], report: (r: RuleReport) => void): void {
  for (const [name, value] of Object.entries(given ?? {})) {
    for (const [id, node] of Object.entries(nodes)) {
      if (node.type !== 'decision' || variableOf(id, node) !== name) continue;
      const { min, max } = node.variable ?? {};
      if (typeof value === 'number' && ((min !== undefined && value < min) || (max !== undefined && value > max))) {
        report({ path: [...base, 'given', name], message: t('rules.test-value-range.outside', { name, value, min: min ?? '−∞', max: max ?? '+∞', decision: id }), hint: t('rules.test-value-range.outside.hint') });
        break;
      }
    }
  }
}

/**
 * A value given to a decision variable lies within the range the variable declares (`min`,
 * `max`): a patient outside it is a typo (an HbA1c of 75 for 7.5), not a case the logigramme
 * handles (docs/testing.md).
 */
export default defineRule<'PathwayTest'>({
  meta: { id: 'test-value-range', severity: 'error', kinds: ['PathwayTest'], docs: docsPath('test-value-range') },
  check({ workspace, document, report }) {
    const value = document.value;
    const nodesOf = (id: string | undefined) => (id === undefined ? undefined : workspace.index.Logigramme.get(id)?.value.nodes);
    const main = nodesOf(value.logigramme);
    if (main) checkGiven(main, value.given, [], report);
    (value.paths ?? []).forEach((entry, i) => {
      const nodes = nodesOf(entry.logigramme ?? value.logigramme);
      if (nodes) checkGiven(nodes, entry.given, ['paths', i], report);
    });
  },
});
