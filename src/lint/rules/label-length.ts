import { t, translate } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** Longest node label, in characters: a box of the diagram and a line of the memo sheet. */
export const MAX_NODE_LABEL = 80;
/** Longest branch label: an edge label of the diagram. */
export const MAX_BRANCH_LABEL = 60;

/** Length in characters (code points); a string's UTF-16 length is an upper bound, checked first. */
const length = (text: string, max: number) => (text.length <= max ? text.length : [...text].length);

/** Labels are what the diagram shows: short, with the details in `note`. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'label-length',
    describe: (lang) => translate(lang, 'rules.label-length.description', { node: MAX_NODE_LABEL, branch: MAX_BRANCH_LABEL }),
    severity: 'warning',
    kinds: ['Logigramme'],
    docs: docsPath('label-length'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      const n = length(node.label, MAX_NODE_LABEL);
      if (n > MAX_NODE_LABEL) {
        report({
          path: ['nodes', id, 'label'],
          message: t('rules.label-length.node', { length: n, max: MAX_NODE_LABEL }),
          hint: t('rules.label-length.node.hint'),
        });
      }
      if (node.type !== 'decision') continue;
      node.branches.forEach((branch, i) => {
        const b = length(branch.label, MAX_BRANCH_LABEL);
        if (b <= MAX_BRANCH_LABEL) return;
        report({
          path: ['nodes', id, 'branches', i, 'label'],
          message: t('rules.label-length.branch', { length: b, max: MAX_BRANCH_LABEL }),
          hint: t('rules.label-length.branch.hint'),
        });
      });
    }
  },
});
