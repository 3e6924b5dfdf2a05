import { t } from '../../i18n/catalogue.js';
import { explainPathProblem, resolveParameterPath } from '../../language/parameter-path.js';
import { constraintCheck, type RawParameter, toDistribution } from '../../sim/distributions/forms.js';
import { formatFigure } from '../parameters.js';
import { defineRule, docsPath, type DocPath } from '../rule.js';

/** `/x`, `\x`, `C:\x`, `C:/x`, `file://x`, `https://x`: not a path relative to the set's own file. */
const NOT_RELATIVE = /^(?:[/\\]|[A-Za-z]:[/\\]|[A-Za-z][A-Za-z0-9+.-]*:\/\/)/;

/**
 * A ParameterSet replaces values at parameter paths (docs/language.md, "ParameterSet"): each path
 * resolves to a parameter, at most once in the set; each value fits what the parameter stands for
 * (a probability in [0, 1]…, as parameter-feasible checks the values written in place); the
 * `posterior` file is given relative to the set's own file. Whether that file exists is checked
 * by `logi simulate`, which reads it: lint rules do not read files (docs/rules/parameter-set-path.md).
 */
export default defineRule<'ParameterSet'>({
  meta: {
    id: 'parameter-set-path',
    severity: 'error',
    kinds: ['ParameterSet'],
    docs: docsPath('parameter-set-path'),
  },
  check({ workspace, document, report }) {
    const seen = new Map<string, string>();
    document.value.values.forEach((entry, k) => {
      const base: DocPath = ['values', k];
      const resolved = resolveParameterPath(workspace, entry.path);
      if (!resolved.ok) {
        if (!resolved.broken) report({ path: [...base, 'path'], ...explainPathProblem(resolved) });
        return;
      }
      const key = `${resolved.kind}\u0000${resolved.doc.id}\u0000${JSON.stringify(resolved.docPath)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        report({ path: [...base, 'path'], message: t('rules.parameter-set-path.path-twice', { path: entry.path, earlier }), hint: t('rules.parameter-set-path.path-twice.hint') });
        return;
      }
      seen.set(key, entry.path);
      const converted = toDistribution(entry.value as RawParameter);
      if (!converted.ok) {
        report({ path: [...base, 'value', ...converted.problem.at], message: converted.problem.message, hint: converted.problem.hint });
        return;
      }
      const fit = constraintCheck(converted.distribution, resolved.annualChange ? 'any' : resolved.constraint);
      if (fit.status !== 'fits') report({ path: [...base, 'value'], message: fit.message, hint: fit.hint, ...(fit.status === 'may-leave' ? { severity: 'warning' as const } : {}) });
      else if (resolved.annualChange && !(converted.distribution.central > -1)) {
        report({ path: [...base, 'value'], message: t('rules.parameter-feasible.annual-change', { value: formatFigure(converted.distribution.central) }), hint: t('rules.parameter-feasible.annual-change.hint') });
      }
    });
    const posterior = document.value.posterior;
    if (posterior !== undefined && NOT_RELATIVE.test(posterior)) {
      report({ path: ['posterior'], message: t('rules.parameter-set-path.posterior-not-relative', { file: posterior }), hint: t('rules.parameter-set-path.posterior-not-relative.hint') });
    }
  },
});
