import { parseFrequency } from '../../language/schemas/index.js';
import { defineRule, docsPath } from '../rule.js';

/** `4/year` is quick to type; `{ times: 4, per: year }` is the form every tool and reader shares. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'frequency-shorthand',
    description: 'Frequencies are written `{ times: N, per: period }` rather than the shorthand `N/period` (strict preset).',
    severity: 'off',
    kinds: ['Logigramme'],
    fixable: true,
    docs: docsPath('frequency-shorthand'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action' || typeof node.frequency !== 'string') continue;
      const parsed = parseFrequency(node.frequency);
      if (!parsed) continue;
      const replacement = `{ times: ${String(parsed.times)}, per: ${parsed.per} }`;
      const path = ['nodes', id, 'frequency'];
      report({
        path,
        message: `write the frequency \`${node.frequency.trim()}\` as \`${replacement}\``,
        hint: 'the mapping form is the one the reference, the diagrams and the memo sheets use; `logi lint --fix` rewrites it',
        fix: (fixer) => fixer.replaceValue(path, replacement),
      });
    }
  },
});
