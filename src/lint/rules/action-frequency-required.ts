import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** Volumes are counted from frequencies: an action without one produces no acts. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'action-frequency-required',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('action-frequency-required'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action' || node.frequency !== undefined) continue;
      report({
        path: ['nodes', id],
        atKey: true,
        message: t('rules.action-frequency-required.missing', { node: id }),
        hint: t('rules.action-frequency-required.missing.hint'),
      });
    }
  },
});
