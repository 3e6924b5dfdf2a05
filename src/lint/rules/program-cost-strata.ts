import { t } from '../../i18n/catalogue.js';
import { suggestionHint } from '../../language/suggest.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * A program cost `per-enrolled-year` counts the enrolled person-years of the strata its `strata`
 * lists (docs/simulation.md, "Program costs"): each one is a stratum of the program (a key of its
 * `strata`), since nobody is enrolled by this program anywhere else and the cost would count
 * nobody there. A cost `per-person-year` counts everyone in its strata: each one is a stratum of
 * the program's pyramid.
 */
export default defineRule<'Program'>({
  meta: {
    id: 'program-cost-strata',
    severity: 'error',
    kinds: ['Program'],
    docs: docsPath('program-cost-strata'),
  },
  check({ document, report, workspace }) {
    const own = Object.keys(document.value.strata);
    const pyramid = workspace.index.Pyramid.get(document.value.pyramid)?.value;
    const pyramidStrata = pyramid ? pyramid.strata.map((s) => s.id) : undefined;
    for (const [id, cost] of Object.entries(document.value.costs ?? {})) {
      const everyone = cost['per-person-year'] !== undefined;
      (cost.strata ?? []).forEach((stratum, k) => {
        const path = ['costs', id, 'strata', k];
        if (everyone) {
          // An unknown pyramid is reported by its own rule; a stratum of it is what this cost needs.
          if (!pyramidStrata || pyramidStrata.includes(stratum)) return;
          report({ path, message: t('rules.program-cost-strata.not-in-pyramid', { stratum, cost: id, pyramid: document.value.pyramid }), hint: suggestionHint(stratum, pyramidStrata, 'stratum') });
          return;
        }
        if (own.includes(stratum)) return;
        report({
          path,
          message: t('rules.program-cost-strata.not-in-program', { stratum, cost: id, program: document.id }),
          hint: suggestionHint(stratum, own, 'stratum') ?? t('rules.program-cost-strata.no-strata'),
        });
      });
    }
  },
});
