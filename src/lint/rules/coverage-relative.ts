import { t } from '../../i18n/catalogue.js';
import { ownValue } from '../../language/records.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { formatFigure, parameterMean } from '../parameters.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';

type ProgramDoc = LoadedDocument<'Program'>;
type Entry = ProgramDoc['value']['strata'][string];

/** The central coverage of a program's entry in year y (1-based): a ramp's value for the year, the last holding. */
function centralCoverage(entry: Entry, year: number): number {
  const coverage = entry.coverage;
  if (typeof coverage === 'object' && 'ramp' in coverage) return parameterMean(coverage.ramp[Math.min(year, coverage.ramp.length) - 1]!);
  return parameterMean(coverage);
}

function rampLength(entry: Entry): number {
  return typeof entry.coverage === 'object' && 'ramp' in entry.coverage ? entry.coverage.ramp.length : 1;
}

const isRelative = (entry: Entry) => typeof entry.coverage === 'object' && 'ramp' in entry.coverage && entry.coverage['relative-to'] === 'baseline';

/**
 * A coverage `relative-to: baseline` adds its ramp to the coverage the scenario's baseline draws
 * for the same stratum (docs/simulation.md, "Coverage"). In a scenario, the baseline itself cannot
 * be relative, and it must cover every stratum the program covers relatively. A warning when, at
 * central values, the sum leaves [0, 1] in some year (the simulation clamps it).
 */
export default defineRule<'Scenario'>({
  meta: {
    id: 'coverage-relative',
    severity: 'error',
    kinds: ['Scenario'],
    docs: docsPath('coverage-relative'),
  },
  check({ workspace, document, report }) {
    const { baseline: baselineId, program: programId, horizon } = document.value;
    const baseline = workspace.index.Program.get(baselineId);
    const program = workspace.index.Program.get(programId);
    if (!baseline || !program) return; // known-reference
    for (const [stratum, entry] of Object.entries(baseline.value.strata)) {
      if (!isRelative(entry)) continue;
      report({
        path: ['baseline'],
        message: t('rules.coverage-relative.relative-baseline', { baseline: baselineId, stratum }),
        hint: t('rules.coverage-relative.relative-baseline.hint', { baseline: baselineId }),
      });
      return;
    }
    checkProgram(baseline, program, horizon, report);
  },
});

function checkProgram(baseline: ProgramDoc, program: ProgramDoc, horizon: number, report: (r: RuleReport) => void): void {
  for (const [stratum, entry] of Object.entries(program.value.strata)) {
    if (!isRelative(entry)) continue;
    const base = ownValue(baseline.value.strata, stratum);
    if (!base) {
      const words = { stratum, program: program.id, baseline: baseline.id };
      report({ path: ['program'], message: t('rules.coverage-relative.uncovered', words), hint: t('rules.coverage-relative.uncovered.hint', words) });
      continue;
    }
    const years = Math.min(horizon, Math.max(rampLength(entry), rampLength(base)));
    for (let year = 1; year <= years; year++) {
      const sum = centralCoverage(base, year) + centralCoverage(entry, year);
      if (sum >= 0 && sum <= 1) continue;
      report({
        path: ['program'],
        severity: 'warning',
        message: t('rules.coverage-relative.clamped', {
          year,
          stratum,
          program: program.id,
          base: formatFigure(centralCoverage(base, year)),
          increment: formatFigure(centralCoverage(entry, year)),
          sum: formatFigure(sum),
        }),
        hint: t('rules.coverage-relative.clamped.hint'),
      });
      break;
    }
  }
}
