import { locatedStrata, pyramidCriteria } from '../../criteria/parse.js';
import { unreachableStrata } from '../../criteria/reach.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * A stratum with a structured criterion that no patient can reach: its criterion accepts nobody,
 * or only people outside the pyramid's population, or only people that a stratum evaluated before
 * it takes (docs/stratify.md, "Assignment"). Decided by src/criteria/reach.ts, whose reading
 * admits more patients than exist: what it finds unreachable is. Skipped above its atom limit.
 */
export default defineRule<'Pyramid'>({
  meta: {
    id: 'criteria-unreachable-stratum',
    severity: 'warning',
    kinds: ['Pyramid'],
    docs: docsPath('criteria-unreachable-stratum'),
  },
  check({ document, report }) {
    const result = unreachableStrata(pyramidCriteria(document.value));
    if (!result.searched) return;
    const pathOf = new Map(locatedStrata(document.value).map((s) => [s.criteria.stratum, s.path]));
    for (const finding of result.unreachable) {
      const path = pathOf.get(finding.stratum)!;
      const { stratum } = finding;
      if (finding.why === 'taken') {
        report({ path, atKey: true, message: t('rules.criteria-unreachable-stratum.taken', { stratum, earlier: finding.earlier }), hint: t('rules.criteria-unreachable-stratum.taken.hint') });
      } else {
        report({ path, atKey: true, message: t(`rules.criteria-unreachable-stratum.${finding.why}`, { stratum }), hint: t(`rules.criteria-unreachable-stratum.${finding.why}.hint`) });
      }
    }
  },
});
