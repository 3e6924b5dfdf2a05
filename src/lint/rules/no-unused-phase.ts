import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** A phase no node belongs to draws an empty group on the diagram. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'no-unused-phase',
    severity: 'warning',
    kinds: ['Logigramme'],
    fixable: true,
    docs: docsPath('no-unused-phase'),
  },
  check({ document, report }) {
    const phases = Object.keys(document.value.phases ?? {});
    if (phases.length === 0) return;
    const used = new Set(Object.values(document.value.nodes).map((node) => node.phase));
    for (const id of phases) {
      if (used.has(id)) continue;
      report({
        path: ['phases', id],
        atKey: true,
        message: t('rules.no-unused-phase.unused', { phase: id }),
        hint: t('rules.no-unused-phase.unused.hint', { phase: id }),
        fix: (fixer) => fixer.removeEntry(['phases', id]),
      });
    }
  },
});
