import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** A decision with one branch decides nothing. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'decision-needs-two-branches',
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
        message: t('rules.decision-needs-two-branches.too-few', { node: id, count: node.branches.length }),
        hint: t('rules.decision-needs-two-branches.too-few.hint'),
      });
    }
  },
});
