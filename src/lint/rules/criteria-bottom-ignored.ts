import { locatedStrata } from '../../criteria/parse.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * The bottom stratum (the first listed) takes everyone in the population that no other stratum
 * took; its structured criterion, if any, is not evaluated for assignment (docs/stratify.md,
 * "Assignment"). A structured criterion there says something that assignment ignores.
 */
export default defineRule<'Pyramid'>({
  meta: {
    id: 'criteria-bottom-ignored',
    severity: 'warning',
    kinds: ['Pyramid'],
    docs: docsPath('criteria-bottom-ignored'),
  },
  check({ document, report }) {
    const bottom = locatedStrata(document.value)[0];
    if (!bottom?.tree) return;
    report({
      path: bottom.path,
      atKey: true,
      message: t('rules.criteria-bottom-ignored.structured', { stratum: bottom.criteria.stratum }),
      hint: t('rules.criteria-bottom-ignored.structured.hint'),
    });
  },
});
