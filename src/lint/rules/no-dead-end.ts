import { isTerminal, reachableFrom, reachingEnd, successors } from '../../graph/index.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Every path from the start reaches an end node (or a referral to another logigramme). Reports
 * the node where a path stops, or, for a loop with no way out, the first node that leads into it.
 * An edge to a node that does not exist is left to no-unknown-target.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'no-dead-end',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('no-dead-end'),
  },
  check({ document, report }) {
    const { nodes, start } = document.value;
    if (!Object.prototype.hasOwnProperty.call(nodes, start)) return;
    const reached = reachableFrom(nodes, start);
    const good = reachingEnd(nodes, { unknownTargetsReachEnd: true });
    // In breadth-first order from the start: the first node of a trapped region met is the one that
    // leads into it, wherever the nodes are written in the file.
    const bad = [...reached].filter((id) => !good.has(id));
    if (bad.length === 0) return;
    const badSet = new Set(bad);
    const leaves = bad.filter((id) => !isTerminal(nodes[id]!) && successors(nodes, id).length === 0);
    for (const id of leaves) {
      const node = nodes[id]!;
      report({
        path: ['nodes', id],
        atKey: true,
        message: t('rules.no-dead-end.stops', { node: id, type: node.type }),
        hint: t('rules.no-dead-end.stops.hint'),
      });
    }
    // Nodes that lead to one of those leaves are explained by it; the others are trapped in a loop.
    const explained = new Set(leaves);
    const predecessors = new Map<string, string[]>();
    for (const id of bad) for (const next of successors(nodes, id)) if (badSet.has(next)) predecessors.set(next, [...(predecessors.get(next) ?? []), id]);
    const queue = [...leaves];
    for (let i = 0; i < queue.length; i++) {
      for (const previous of predecessors.get(queue[i]!) ?? []) {
        if (!explained.has(previous)) {
          explained.add(previous);
          queue.push(previous);
        }
      }
    }
    const done = new Set<string>();
    for (const id of bad) {
      if (explained.has(id) || done.has(id)) continue;
      const region = reachableFrom(nodes, id);
      for (const r of region) done.add(r);
      report({
        path: ['nodes', id],
        atKey: true,
        message: t('rules.no-dead-end.trapped', { node: id, steps: `${[...region].slice(0, 6).join(', ')}${region.size > 6 ? ', …' : ''}` }),
        hint: t('rules.no-dead-end.trapped.hint'),
      });
    }
  },
});
