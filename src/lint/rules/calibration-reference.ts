import { t } from '../../i18n/catalogue.js';
import { explainPathProblem, type ResolvedParameterPath, resolveParameterPath } from '../../language/parameter-path.js';
import type { CalibrationDocument } from '../../language/schemas/index.js';
import { suggestionHint } from '../../language/suggest.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { allowedRange, type RawParameter, toDistribution } from '../../sim/distributions/forms.js';
import { formatFigure } from '../parameters.js';
import { defineRule, docsPath, type DocPath, type RuleReport } from '../rule.js';

type Scenario = LoadedDocument<'Scenario'>;
type Report = (report: RuleReport) => void;
type FreeParameter = CalibrationDocument['parameters'][number];

/**
 * A Calibration names what it calibrates (docs/language.md, "Calibration"): its scenario exists;
 * each Targets document exists, measures the scenario's pyramid, and each of its targets is for a
 * territory and years the scenario simulates (reported at the Calibration's `targets` entry: the
 * Targets file may serve other scenarios); each parameter path resolves to a parameter of a
 * document the scenario uses, at most once; its bounds lie in the parameter's allowed range; its
 * prior is a distribution (a number leaves nothing to calibrate) whose central value lies within
 * the bounds.
 */
export default defineRule<'Calibration'>({
  meta: {
    id: 'calibration-reference',
    severity: 'error',
    kinds: ['Calibration'],
    docs: docsPath('calibration-reference'),
  },
  check({ workspace, document, report }) {
    const scenarioId = document.value.scenario;
    const scenario = workspace.index.Scenario.get(scenarioId);
    if (!scenario && !workspace.broken.Scenario.has(scenarioId)) {
      const known = [...workspace.index.Scenario.keys()];
      report({ path: ['scenario'], message: t('rules.calibration-reference.unknown-scenario', { scenario: scenarioId }), hint: suggestionHint(scenarioId, known, 'scenario') ?? t('rules.calibration-reference.no-scenario') });
    }
    checkTargets(workspace, document, scenario, report);
    checkParameters(workspace, document, scenario, report);
  },
});

function checkTargets(workspace: Workspace, document: LoadedDocument<'Calibration'>, scenario: Scenario | undefined, report: Report): void {
  const listed = new Set<string>();
  document.value.targets.forEach((id, i) => {
    const path: DocPath = ['targets', i];
    if (listed.has(id)) {
      report({ path, message: t('rules.calibration-reference.targets-twice', { targets: id }), hint: t('rules.calibration-reference.twice.hint') });
      return;
    }
    listed.add(id);
    const targets = workspace.index.Targets.get(id);
    if (!targets) {
      if (workspace.broken.Targets.has(id)) return;
      const known = [...workspace.index.Targets.keys()];
      report({ path, message: t('rules.calibration-reference.unknown-targets', { targets: id }), hint: suggestionHint(id, known) ?? t('rules.calibration-reference.no-targets') });
      return;
    }
    if (scenario) checkTargetsFitScenario(targets, scenario, path, report);
  });
}

/** The Targets measure the scenario's pyramid, in its territories, within its horizon. */
function checkTargetsFitScenario(targets: LoadedDocument<'Targets'>, scenario: Scenario, path: DocPath, report: Report): void {
  const { pyramid, territories, horizon } = scenario.value;
  if (targets.value.pyramid !== pyramid) {
    report({ path, message: t('rules.calibration-reference.other-pyramid', { targets: targets.id, pyramid: targets.value.pyramid, scenario: scenario.id, scenarioPyramid: pyramid }), hint: t('rules.calibration-reference.other-pyramid.hint', { pyramid }) });
    return;
  }
  for (const target of targets.value.targets) {
    if (target.territory !== undefined && !territories.includes(target.territory)) {
      report({
        path,
        message: t('rules.calibration-reference.territory', { target: target.id, targets: targets.id, territory: target.territory, scenario: scenario.id }),
        hint: t('rules.calibration-reference.territory.hint', { territories }),
      });
    }
    const beyond = (target.years ?? [target.year ?? 0]).find((year) => year > horizon);
    if (beyond !== undefined) {
      report({
        path,
        message: t('rules.calibration-reference.year', { target: target.id, targets: targets.id, year: beyond, scenario: scenario.id, horizon }),
        hint: t('rules.calibration-reference.year.hint', { horizon }),
      });
    }
  }
}

function checkParameters(workspace: Workspace, document: LoadedDocument<'Calibration'>, scenario: Scenario | undefined, report: Report): void {
  const seen = new Map<string, string>();
  document.value.parameters.forEach((entry, k) => {
    const pathAt: DocPath = ['parameters', k, 'path'];
    const resolved = resolveParameterPath(workspace, entry.path);
    if (!resolved.ok) {
      // A path into a broken document: that document's own error is the one to fix.
      if (!resolved.broken) report({ path: pathAt, ...explainPathProblem(resolved) });
      return;
    }
    const key = `${resolved.kind}\u0000${resolved.doc.id}\u0000${JSON.stringify(resolved.docPath)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report({ path: pathAt, message: t('rules.calibration-reference.path-twice', { path: entry.path, earlier }), hint: t('rules.calibration-reference.twice.hint') });
      return;
    }
    seen.set(key, entry.path);
    const unused = scenario ? unusedBy(workspace, scenario, resolved) : undefined;
    if (unused) report({ path: pathAt, ...unused });
    checkPriorAndBounds(entry, resolved, ['parameters', k], report);
  });
}

/**
 * Why the scenario does not use the resolved parameter, or undefined when it does. `arms`: the
 * logigrammes of the baseline only (a calibration runs the baseline) or of both programs.
 */
export function unusedBy(workspace: Workspace, scenario: Scenario, resolved: ResolvedParameterPath, arms: 'baseline' | 'both' = 'baseline'): Omit<RuleReport, 'path'> | undefined {
  const { pyramid, territories, baseline, program } = scenario.value;
  const { doc, docPath } = resolved;
  let used: boolean;
  switch (resolved.kind) {
    case 'Pyramid':
      used = doc.id === pyramid;
      break;
    case 'Territory':
      if (territories.includes(doc.id) && !(docPath[0] === 'pyramids' && docPath[1] === pyramid)) {
        return { message: t('rules.calibration-reference.territory-other-pyramid', { territory: doc.id, pyramid }), hint: t('rules.calibration-reference.territory-other-pyramid.hint', { territory: doc.id, pyramid }) };
      }
      used = territories.includes(doc.id);
      break;
    case 'Program':
      used = doc.id === baseline || doc.id === program;
      break;
    case 'Logigramme': {
      const programs = arms === 'baseline' ? [baseline] : [baseline, program];
      used = programs.some((id) => Object.values(workspace.index.Program.get(id)?.value.strata ?? {}).some((entry) => entry.logigramme === doc.id));
      break;
    }
    case 'Actors':
      used = true;
      break;
  }
  return used ? undefined : { message: t('rules.calibration-reference.not-used', { kind: resolved.kind, id: doc.id, scenario: scenario.id }), hint: t('rules.calibration-reference.not-used.hint') };
}

/** The values a parameter may take: its constraint's range; above −1 for a trend's annual change. */
function rangeOf(resolved: ResolvedParameterPath): { test: (x: number) => boolean; readonly words: string } {
  if (!resolved.annualChange) return allowedRange(resolved.constraint);
  return { test: (x) => Number.isFinite(x) && x > -1, get words() { return t('rules.calibration-reference.range-annual-change'); } };
}

/** Bounds in the allowed range; a prior that is a distribution, in range and within the bounds. */
function checkPriorAndBounds(entry: FreeParameter, resolved: ResolvedParameterPath, base: DocPath, report: Report): void {
  const range = rangeOf(resolved);
  const bounds = entry.bounds;
  if (bounds && !(range.test(bounds[0]) && range.test(bounds[1]))) {
    report({ path: [...base, 'bounds'], message: t('rules.calibration-reference.bounds-range', { low: formatFigure(bounds[0]), high: formatFigure(bounds[1]), range: range.words }), hint: t('rules.calibration-reference.bounds-range.hint', { range: range.words }) });
  }
  if (typeof entry.prior === 'number') {
    report({ path: [...base, 'prior'], message: t('rules.calibration-reference.fixed-prior', { value: formatFigure(entry.prior) }), hint: t('rules.calibration-reference.fixed-prior.hint') });
    return;
  }
  if (entry.prior === undefined && typeof resolved.value === 'number') {
    report({ path: [...base, 'path'], message: t('rules.calibration-reference.fixed-value', { path: entry.path, value: formatFigure(resolved.value) }), hint: t('rules.calibration-reference.fixed-prior.hint') });
    return;
  }
  const prior = entry.prior ?? resolved.value;
  const converted = toDistribution(prior as RawParameter);
  if (!converted.ok) {
    // The default prior is the value written at the path: parameter-feasible reports it there.
    if (entry.prior !== undefined) report({ path: [...base, 'prior', ...converted.problem.at], message: converted.problem.message, hint: converted.problem.hint });
    return;
  }
  const central = converted.distribution.central;
  const where: DocPath = entry.prior === undefined ? [...base, 'bounds'] : [...base, 'prior'];
  if (bounds && !(central >= bounds[0] && central <= bounds[1])) {
    const words = { value: formatFigure(central), low: formatFigure(bounds[0]), high: formatFigure(bounds[1]) };
    report({
      path: where,
      message: t(entry.prior === undefined ? 'rules.calibration-reference.value-outside-bounds' : 'rules.calibration-reference.prior-outside-bounds', words),
      hint: t('rules.calibration-reference.prior-outside-bounds.hint'),
    });
  } else if (!bounds && entry.prior !== undefined && !range.test(central)) {
    report({ path: where, message: t('rules.calibration-reference.prior-outside-range', { value: formatFigure(central), range: range.words }), hint: t('rules.calibration-reference.prior-outside-range.hint', { range: range.words }) });
  }
}
