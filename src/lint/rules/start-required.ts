import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** Exactly one start node, and `start:` names it. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'start-required',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('start-required'),
  },
  check({ document, report }) {
    const { nodes, start } = document.value;
    const starts = Object.keys(nodes).filter((id) => nodes[id]!.type === 'start');
    if (starts.length === 0) {
      report({
        path: ['nodes'],
        atKey: true,
        message: t('rules.start-required.none'),
        hint: Object.prototype.hasOwnProperty.call(nodes, start) ? t('rules.start-required.none.hint') : t('rules.start-required.none.hint-with-id', { start }),
      });
      return;
    }
    const named = Object.prototype.hasOwnProperty.call(nodes, start) ? nodes[start]! : undefined;
    if (named && named.type !== 'start') {
      report({
        path: ['start'],
        message: t('rules.start-required.not-a-start', { start, type: named.type }),
        hint: starts.length === 1 ? t('rules.start-required.did-you-mean', { node: starts[0]! }) : t('rules.start-required.name-the-start'),
      });
    }
    if (starts.length > 1) {
      const keep = starts.includes(start) ? start : starts[0]!;
      for (const id of starts) {
        if (id === keep) continue;
        report({
          path: ['nodes', id, 'type'],
          message: t('rules.start-required.second', { start: keep }),
          hint: t('rules.start-required.second.hint'),
        });
      }
    }
  },
});
