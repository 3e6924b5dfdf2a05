import type { LoadedDocument } from '../../language/workspace.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Each stratum of a program is served by a logigramme written for that pyramid and that stratum;
 * a scenario's baseline and program are programs of the scenario's pyramid.
 */
export default defineRule<'Program' | 'Scenario'>({
  meta: {
    id: 'pyramid-coverage',
    description: 'Each stratum of a program has a logigramme whose `pyramid` and `stratum` match; a scenario compares programs of its own pyramid.',
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
          message: `program \`${program.id}\` is for pyramid \`${program.value.pyramid}\`; this scenario simulates \`${scenario.value.pyramid}\``,
          hint: `choose a program whose \`pyramid\` is \`${scenario.value.pyramid}\``,
        });
      }
      return;
    }
    const program = document as LoadedDocument<'Program'>;
    for (const [stratum, entry] of Object.entries(program.value.strata)) {
      const logigramme = workspace.index.Logigramme.get(entry.logigramme);
      if (!logigramme) continue;
      const path = ['strata', stratum, 'logigramme'];
      const fitting = [...workspace.index.Logigramme.values()].filter((l) => l.value.pyramid === program.value.pyramid && l.value.stratum === stratum).map((l) => `\`${l.id}\``);
      const suggestion = fitting.length > 0 ? `the logigramme${fitting.length > 1 ? 's' : ''} for ${stratum} of ${program.value.pyramid}: ${fitting.join(', ')}` : `write a logigramme with \`pyramid: ${program.value.pyramid}\` and \`stratum: ${stratum}\``;
      if (logigramme.value.pyramid !== program.value.pyramid) {
        report({ path, message: `\`${logigramme.id}\` belongs to pyramid \`${logigramme.value.pyramid}\`; this program is for \`${program.value.pyramid}\``, hint: suggestion });
      } else if (logigramme.value.stratum !== stratum) {
        report({ path, message: `\`${logigramme.id}\` serves stratum ${logigramme.value.stratum}, not ${stratum}`, hint: suggestion });
      }
    }
  },
});
