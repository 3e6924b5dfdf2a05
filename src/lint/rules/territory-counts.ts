import { t } from '../../i18n/catalogue.js';
import { hasOwnKey } from '../../language/records.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * A territory counts every stratum of each pyramid it lists, and no more people than it has; a
 * scenario's territories all have counts for the scenario's pyramid.
 */
export default defineRule<'Territory' | 'Scenario'>({
  meta: {
    id: 'territory-counts',
    severity: 'error',
    kinds: ['Territory', 'Scenario'],
    docs: docsPath('territory-counts'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Scenario') {
      const scenario = document as LoadedDocument<'Scenario'>;
      if (!workspace.index.Pyramid.has(scenario.value.pyramid)) return;
      scenario.value.territories.forEach((id, i) => {
        const territory = workspace.index.Territory.get(id);
        if (!territory || hasOwnKey(territory.value.pyramids, scenario.value.pyramid)) return;
        report({
          path: ['territories', i],
          message: t('rules.territory-counts.no-counts', { territory: id, pyramid: scenario.value.pyramid }),
          hint: t('rules.territory-counts.no-counts.hint', { pyramid: scenario.value.pyramid, file: territory.source.file }),
        });
      });
      return;
    }
    const territory = document as LoadedDocument<'Territory'>;
    for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
      const pyramid = workspace.index.Pyramid.get(pyramidId);
      const path = ['pyramids', pyramidId, 'counts'];
      const total = Object.values(entry.counts).reduce((sum, n) => sum + n, 0);
      if (total > territory.value.population) {
        report({
          path,
          atKey: true,
          message: t('rules.territory-counts.above-population', { pyramid: pyramidId, people: total, population: territory.value.population }),
          hint: t('rules.territory-counts.above-population.hint'),
        });
      }
      if (!pyramid) continue;
      const strata = pyramid.value.strata.map((s) => s.id);
      // A count under an unknown stratum is probably the missing one misspelt: stratum-exists says so.
      if (Object.keys(entry.counts).some((s) => !strata.includes(s))) continue;
      const missing = strata.filter((s) => !hasOwnKey(entry.counts, s));
      if (missing.length > 0) {
        report({
          path,
          atKey: true,
          message: t('rules.territory-counts.not-counted', { strata: missing, pyramid: pyramidId }),
          hint: t('rules.territory-counts.not-counted.hint', { strata: missing }),
        });
      }
    }
  },
});
