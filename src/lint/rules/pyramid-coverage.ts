import { t } from '../../i18n/catalogue.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { hasBrokenReference } from '../references.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Each stratum of a program is served by a logigramme written for that pyramid and that stratum;
 * a scenario's baseline and program are programs of the scenario's pyramid.
 */
export default defineRule<'Program' | 'Scenario'>({
  meta: {
    id: 'pyramid-coverage',
    severity: 'error',
    kinds: ['Program', 'Scenario'],
    docs: docsPath('pyramid-coverage'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Scenario') {
      const scenario = document as LoadedDocument<'Scenario'>;
      for (const key of ['baseline', 'program'] as const) {
        const program = workspace.index.Program.get(scenario.value[key]);
        if (!program || program.value.pyramid === scenario.value.pyramid) continue;
        report({
          path: [key],
          message: t('rules.pyramid-coverage.program-of-other-pyramid', { program: program.id, programPyramid: program.value.pyramid, pyramid: scenario.value.pyramid }),
          hint: t('rules.pyramid-coverage.program-of-other-pyramid.hint', { pyramid: scenario.value.pyramid }),
        });
      }
      return;
    }
    const program = document as LoadedDocument<'Program'>;
    for (const [stratum, entry] of Object.entries(program.value.strata)) {
      const logigramme = workspace.index.Logigramme.get(entry.logigramme);
      if (!logigramme) continue;
      // A logigramme whose own stratum or pyramid does not resolve already has its one error there.
      if (hasBrokenReference(workspace, logigramme, ['stratum']) || hasBrokenReference(workspace, logigramme, ['pyramid'])) continue;
      const path = ['strata', stratum, 'logigramme'];
      const pyramid = program.value.pyramid;
      const fitting = [...workspace.index.Logigramme.values()].filter((l) => l.value.pyramid === pyramid && l.value.stratum === stratum).map((l) => l.id);
      const suggestion = () =>
        fitting.length > 0 ? t('rules.pyramid-coverage.fitting', { stratum, pyramid, logigrammes: fitting }) : t('rules.pyramid-coverage.write-one', { stratum, pyramid });
      if (logigramme.value.pyramid !== pyramid) {
        const message = t('rules.pyramid-coverage.logigramme-of-other-pyramid', { logigramme: logigramme.id, logigrammePyramid: logigramme.value.pyramid, pyramid });
        report({ path, message, hint: suggestion() });
      } else if (logigramme.value.stratum !== stratum) {
        const message = t('rules.pyramid-coverage.logigramme-of-other-stratum', { logigramme: logigramme.id, logigrammeStratum: logigramme.value.stratum, stratum });
        report({ path, message, hint: suggestion() });
      }
    }
  },
});
