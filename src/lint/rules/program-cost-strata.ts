import { t } from '../../i18n/catalogue.js';
import { suggestionHint } from '../../language/suggest.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * A program cost `per-enrolled-year` counts the enrolled person-years of the strata its `strata`
 * lists (docs/simulation.md, "Program costs"): each one is a stratum of the program (a key of its
 * `strata`), since nobody is enrolled by this program anywhere else and the cost would count
 * nobody there.
 */
export default defineRule<'Program'>({
  meta: {
    id: 'program-cost-strata',
    severity: 'error',
    kinds: ['Program'],
    docs: docsPath('program-cost-strata'),
  },
  check({ document, report }) {
    const own = Object.keys(document.value.strata);
    for (const [id, cost] of Object.entries(document.value.costs ?? {})) {
      (cost.strata ?? []).forEach((stratum, k) => {
        if (own.includes(stratum)) return;
        report({
          path: ['costs', id, 'strata', k],
          message: t('rules.program-cost-strata.not-in-program', { stratum, cost: id, program: document.id }),
          hint: suggestionHint(stratum, own, 'stratum') ?? t('rules.program-cost-strata.no-strata'),
        });
      });
    }
  },
});
