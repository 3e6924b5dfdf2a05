import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * `on-transfer` says whether an enrolled person who changes stratum stays enrolled. Without
 * `retention` nobody stays enrolled from one cycle to the next (enrolment is drawn afresh each
 * cycle, docs/simulation.md "The cycle, step by step", step 4), so `on-transfer` changes nothing:
 * a warning, since the author probably meant enrolment to last.
 */
export default defineRule<'Program'>({
  meta: {
    id: 'on-transfer-needs-retention',
    severity: 'warning',
    kinds: ['Program'],
    docs: docsPath('on-transfer-needs-retention'),
  },
  check({ document, report }) {
    for (const [stratum, entry] of Object.entries(document.value.strata)) {
      if (entry['on-transfer'] === undefined || entry.retention !== undefined) continue;
      report({
        path: ['strata', stratum, 'on-transfer'],
        atKey: true,
        message: t('rules.on-transfer-needs-retention.unused', { stratum, value: entry['on-transfer'] }),
        hint: t('rules.on-transfer-needs-retention.unused.hint'),
      });
    }
  },
});
