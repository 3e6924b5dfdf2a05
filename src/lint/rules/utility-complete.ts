import { t } from '../../i18n/catalogue.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * QALYs weight each stratum's person-time by its `utility` (docs/economics.md, "The valuation
 * lines"): a pyramid where some strata have a utility and others none cannot count QALYs (logi
 * then values life-years only) — a warning at each stratum without one; a scenario asking for
 * `outcome: qalys` on a pyramid without a utility on every stratum cannot run — an error at its
 * `outcome`, as simulate refuses it.
 */
export default defineRule<'Pyramid' | 'Scenario'>({
  meta: {
    id: 'utility-complete',
    severity: 'error',
    kinds: ['Pyramid', 'Scenario'],
    docs: docsPath('utility-complete'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Scenario') {
      const scenario = (document as LoadedDocument<'Scenario'>).value;
      const pyramid = workspace.index.Pyramid.get(scenario.pyramid)?.value;
      if (scenario.economics?.outcome !== 'qalys' || !pyramid || pyramid.strata.every((stratum) => stratum.utility !== undefined)) return;
      report({ path: ['economics', 'outcome'], message: t('sim.model.qalys-without-utilities', { pyramid: pyramid.id }), hint: t('sim.model.qalys-without-utilities.hint') });
      return;
    }
    const strata = (document as LoadedDocument<'Pyramid'>).value.strata;
    const withUtility = strata.filter((stratum) => stratum.utility !== undefined).length;
    if (withUtility === 0 || withUtility === strata.length) return;
    strata.forEach((stratum, i) => {
      if (stratum.utility !== undefined) return;
      report({
        path: ['strata', i, 'id'],
        message: t('rules.utility-complete.missing', { stratum: stratum.id, count: withUtility, total: strata.length }),
        hint: t('rules.utility-complete.missing.hint'),
        severity: 'warning',
      });
    });
  },
});
