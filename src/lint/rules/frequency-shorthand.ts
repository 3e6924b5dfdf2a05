import { isOnce, parseFrequency } from '../../language/schemas/index.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** `4/year` is quick to type; `{ times: 4, per: year }` is the form every tool and reader shares. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'frequency-shorthand',
    severity: 'off',
    kinds: ['Logigramme'],
    fixable: true,
    docs: docsPath('frequency-shorthand'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action' || typeof node.frequency !== 'string') continue;
      const parsed = parseFrequency(node.frequency);
      // `once` is no shorthand: it is the one spelling of a one-off act.
      if (!parsed || isOnce(parsed)) continue;
      const replacement = `{ times: ${String(parsed.times)}, per: ${parsed.per} }`;
      const path = ['nodes', id, 'frequency'];
      report({
        path,
        message: t('rules.frequency-shorthand.shorthand', { written: node.frequency.trim(), mapping: replacement }),
        hint: t('rules.frequency-shorthand.shorthand.hint'),
        fix: (fixer) => fixer.replaceValue(path, replacement),
      });
    }
  },
});
