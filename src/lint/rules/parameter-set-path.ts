import path from 'node:path';
import { t } from '../../i18n/catalogue.js';
import { explainPathProblem, resolveParameterPath } from '../../language/parameter-path.js';
import { posteriorFile, readPosteriorCsv } from '../../language/posterior-csv.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { allowedRange, constraintCheck, type RawParameter, toDistribution, withinMagnitude } from '../../sim/distributions/forms.js';
import { unusedBy } from './calibration-reference.js';
import { formatFigure } from '../parameters.js';
import { defineRule, docsPath, type DocPath, type RuleReport } from '../rule.js';

type Report = (report: RuleReport) => void;

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
    checkScenarios(workspace, document, report);
    const posterior = document.value.posterior;
    if (posterior !== undefined && NOT_RELATIVE.test(posterior)) {
      report({ path: ['posterior'], message: t('rules.parameter-set-path.posterior-not-relative', { file: posterior }), hint: t('rules.parameter-set-path.posterior-not-relative.hint') });
    } else if (posterior !== undefined) checkPosterior(workspace, document, report);
  },
});

/** The scenarios that list the set `id` in their `parameter-sets`. */
function scenariosListing(workspace: Workspace, id: string): LoadedDocument<'Scenario'>[] {
  return [...workspace.index.Scenario.values()].filter((s) => (s.value['parameter-sets'] ?? []).includes(id));
}

/** Every scenario that lists the set uses each of its parameters (else `simulate` refuses it). */
function checkScenarios(workspace: Workspace, document: LoadedDocument<'ParameterSet'>, report: Report): void {
  const scenarios = scenariosListing(workspace, document.id);
  document.value.values.forEach((entry, k) => {
    const resolved = resolveParameterPath(workspace, entry.path);
    if (!resolved.ok) return;
    for (const scenario of scenarios) {
      const unused = unusedBy(workspace, scenario, resolved, 'both');
      if (unused) {
        report({ path: ['values', k, 'path'], message: t('sim.sets.not-used', { path: entry.path, set: document.id, scenario: scenario.id }), hint: t('sim.sets.not-used.hint') });
        return;
      }
    }
  });
}

/**
 * The posterior file, as `simulate` reads it (src/language/posterior-csv.ts): there; a header of
 * paths that resolve; one line of numbers per set, each in its parameter's range. Reported at the
 * set's `posterior`, the message naming the file's line.
 */
function checkPosterior(workspace: Workspace, document: LoadedDocument<'ParameterSet'>, report: Report): void {
  const absolute = posteriorFile(document, document.value.posterior!);
  // Not read (a workspace built without the disk, e.g. an editor's buffer alone): nothing to check.
  if (!workspace.posteriors.has(absolute)) return;
  const text = workspace.posteriors.get(absolute)!;
  const file = path.relative(workspace.root, absolute).split(path.sep).join('/');
  const at: DocPath = ['posterior'];
  if (text === null) return report({ path: at, message: t('sim.sets.posterior-missing', { file: document.value.posterior! }), hint: t('sim.sets.posterior-missing.hint') });
  const read = readPosteriorCsv(text);
  if (!read.ok) {
    const problem = read.problem;
    if (problem.kind === 'empty') return report({ path: at, message: t('sim.sets.posterior-empty', { file }) });
    if (problem.kind === 'width') return report({ path: at, message: t('sim.sets.posterior-width', { file, line: problem.line, found: problem.found, expected: problem.expected }) });
    return report({ path: at, message: t('sim.sets.posterior-number', { file, line: problem.line, column: problem.column, value: problem.text }) });
  }
  read.table.paths.forEach((text, column) => {
    const resolved = resolveParameterPath(workspace, text);
    if (!resolved.ok) {
      const explained = explainPathProblem(resolved);
      return report({ path: at, message: t('sim.sets.bad-path', { path: text, problem: `${file}:1, ${explained.message}` }), ...(explained.hint ? { hint: explained.hint } : {}) });
    }
    for (const scenario of scenariosListing(workspace, document.id)) {
      if (unusedBy(workspace, scenario, resolved, 'both')) return report({ path: at, message: t('sim.sets.posterior-not-used', { path: text, file }), hint: t('sim.sets.not-used.hint') });
    }
    const range = allowedRange(resolved.annualChange ? 'any' : resolved.constraint);
    const row = read.table.rows.findIndex((values) => !(range.test(values[column]!) && withinMagnitude(values[column]!)));
    if (row >= 0) report({ path: at, message: t('sim.sets.posterior-value', { file, line: row + 2, value: String(read.table.rows[row]![column]), name: text, expected: range.words }) });
  });
}
