import { outgoing, reachableFrom, successors } from '../../graph/index.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Every node can be reached from the start. One finding per unreachable region, at its first
 * node. When a reachable node points to a node that does not exist, no-unknown-target reports
 * that and this rule stays silent: the missing link is probably the typo.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'no-unreachable-node',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('no-unreachable-node'),
  },
  check({ document, report }) {
    const { nodes, start } = document.value;
    if (!Object.prototype.hasOwnProperty.call(nodes, start)) return;
    const reached = reachableFrom(nodes, start);
    for (const id of reached) if (outgoing(nodes, id).some((e) => !e.known)) return;
    const unreached = Object.keys(nodes).filter((id) => !reached.has(id));
    if (unreached.length === 0) return;
    const inRegion = new Set(unreached);
    const hasPredecessorInRegion = new Set<string>();
    for (const id of unreached) for (const next of successors(nodes, id)) if (next !== id && inRegion.has(next)) hasPredecessorInRegion.add(next);
    const covered = new Set<string>();
    const cover = (root: string): number => {
      const before = covered.size;
      const queue = [root];
      covered.add(root);
      for (let i = 0; i < queue.length; i++) {
        for (const next of successors(nodes, queue[i]!)) {
          if (inRegion.has(next) && !covered.has(next)) {
            covered.add(next);
            queue.push(next);
          }
        }
      }
      return covered.size - before;
    };
    // Roots first (nothing unreachable leads to them), then whatever loops among itself.
    const roots = [...unreached.filter((id) => !hasPredecessorInRegion.has(id)), ...unreached];
    for (const id of roots) {
      if (covered.has(id)) continue;
      const size = cover(id);
      report({
        path: ['nodes', id],
        atKey: true,
        message: t('rules.no-unreachable-node.unreachable', { node: id, start, after: size - 1 }),
        hint: t('rules.no-unreachable-node.unreachable.hint'),
      });
    }
  },
});
