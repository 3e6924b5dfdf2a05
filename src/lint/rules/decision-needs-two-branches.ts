import { defineRule, docsPath } from '../rule.js';

/** A decision with one branch decides nothing. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'decision-needs-two-branches',
    description: 'A decision has at least two branches.',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('decision-needs-two-branches'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'decision' || node.branches.length >= 2) continue;
      report({
        path: ['nodes', id, 'branches'],
        atKey: true,
        message: `decision \`${id}\` has ${node.branches.length} branch: a decision needs at least two`,
        hint: 'add the other outcome as a branch, or make this node an action with `next:`',
      });
    }
  },
});
