import { hasOwnKey } from '../../language/records.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { defineRule, docsPath } from '../rule.js';

const people = (n: number) => n.toLocaleString('en-US');

/**
 * A territory counts every stratum of each pyramid it lists, and no more people than it has; a
 * scenario's territories all have counts for the scenario's pyramid.
 */
export default defineRule<'Territory' | 'Scenario'>({
  meta: {
    id: 'territory-counts',
    description: 'A territory counts every stratum of its pyramids and no more people than its population; a scenario\'s territories have counts for its pyramid.',
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
          message: `territory \`${id}\` has no counts for pyramid \`${scenario.value.pyramid}\``,
          hint: `add \`pyramids: { ${scenario.value.pyramid}: { counts: {…} } }\` to ${territory.source.file}, or remove the territory from the scenario`,
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
          message: `the strata of ${pyramidId} hold ${people(total)} people, more than the population (${people(territory.value.population)})`,
          hint: 'counts are people per stratum at the start; check them and `population`',
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
          message: `${missing.length === 1 ? 'stratum' : 'strata'} ${missing.join(', ')} of ${pyramidId} ${missing.length === 1 ? 'is' : 'are'} not counted`,
          hint: `add ${missing.map((s) => `\`${s}: <people>\``).join(', ')} (0 when nobody is in it)`,
        });
      }
    }
  },
});
