import { suggestionHint } from '../../language/suggest.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** Every `start`, `next` and branch target names a node of the same logigramme. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'no-unknown-target',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('no-unknown-target'),
  },
  check({ document, report }) {
    const nodes = document.value.nodes;
    const ids = Object.keys(nodes);
    const check = (target: string, path: (string | number)[]) => {
      if (Object.prototype.hasOwnProperty.call(nodes, target)) return;
      const hint = suggestionHint(target, ids, 'node');
      report({ path, message: t('rules.no-unknown-target.unknown', { node: target }), ...(hint ? { hint } : {}) });
    };
    check(document.value.start, ['start']);
    for (const [id, node] of Object.entries(nodes)) {
      if ('next' in node && node.next !== undefined) check(node.next, ['nodes', id, 'next']);
      if (node.type === 'decision') node.branches.forEach((b, i) => check(b.next, ['nodes', id, 'branches', i, 'next']));
    }
  },
});
