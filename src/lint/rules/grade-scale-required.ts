import { t } from '../../i18n/catalogue.js';
import { ownValue } from '../../language/records.js';
import { defineRule, docsPath } from '../rule.js';

/** "non gradé", "not graded": says there is no grade, so needs no scale. */
const UNGRADED = /^\s*(?:non[\s-]grad[ée]e?s?|not[\s-]graded|ungraded)\s*$/iu;

/**
 * A grade means nothing without its scale: "B" is a HAS grade, "I" an ESC class, and a trial's
 * level of evidence is neither. The memo sheet prints each grade after its source's `grade-scale`
 * ("HAS B", "ESC I-A", src/render/memo.ts), so an evidence entry with a `grade` cites at least one
 * source that states its `grade-scale` (issue 22). A grade that says there is none (`non gradé`,
 * `not graded`) needs no scale. Unknown sources are known-source's to report.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'grade-scale-required',
    severity: 'warning',
    kinds: ['Logigramme'],
    docs: docsPath('grade-scale-required'),
  },
  check({ document, report }) {
    const sources = document.value.sources;
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if ((node.type !== 'action' && node.type !== 'decision') || node.evidence === undefined) continue;
      const list = Array.isArray(node.evidence) ? node.evidence : [node.evidence];
      list.forEach((evidence, k) => {
        if (evidence.grade === undefined || UNGRADED.test(evidence.grade)) return;
        const cited = (Array.isArray(evidence.source) ? evidence.source : [evidence.source]).filter((s) => ownValue(sources, s) !== undefined);
        if (cited.length === 0 || cited.some((s) => ownValue(sources, s)!['grade-scale'] !== undefined)) return;
        report({
          path: ['nodes', id, 'evidence', ...(Array.isArray(node.evidence) ? [k] : []), 'grade'],
          message: t('rules.grade-scale-required.missing', { node: id, grade: evidence.grade, source: cited[0]! }),
          hint: t('rules.grade-scale-required.missing.hint', { source: cited[0]! }),
        });
      });
    }
  },
});
