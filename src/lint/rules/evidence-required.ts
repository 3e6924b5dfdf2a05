import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Clinicians want evidence attached to every step (DESIGN, "who uses it"). Off in `recommended`,
 * where drafts start without their references; an error in `strict`, for published content.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'evidence-required',
    severity: 'off',
    kinds: ['Logigramme'],
    docs: docsPath('evidence-required'),
  },
  check({ document, report }) {
    const sources = Object.keys(document.value.sources);
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action' || node.evidence !== undefined) continue;
      report({
        path: ['nodes', id],
        atKey: true,
        message: t('rules.evidence-required.missing', { node: id }),
        hint: sources.length > 0 ? t('rules.evidence-required.missing.hint-source', { source: sources[0]! }) : t('rules.evidence-required.missing.hint'),
      });
    }
  },
});
