import { findCycles } from '../../graph/index.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** A logigramme is a flowchart without loops: repeating a step is its frequency. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'no-cycle',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('no-cycle'),
  },
  check({ document, report }) {
    const { nodes, start } = document.value;
    for (const cycle of findCycles(nodes, start)) {
      const { from, to, branch } = cycle.edge;
      const path = branch === undefined ? ['nodes', from, 'next'] : ['nodes', from, 'branches', branch, 'next'];
      report({
        path,
        message: from === to ? t('rules.no-cycle.self', { node: from }) : t('rules.no-cycle.loop', { node: to, loop: cycle.nodes }),
        hint: t('rules.no-cycle.hint'),
      });
    }
  },
});
