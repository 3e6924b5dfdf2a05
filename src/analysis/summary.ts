/** The `CalibrationResult` of a calibration run (src/analysis/result.ts, docs/calibration.md). */
import { stringify } from 'yaml';
import { t } from '../i18n/catalogue.js';
import type { LoadedDocument } from '../language/workspace.js';
import type { Model } from '../sim/model.js';
import { round, summarize } from '../sim/summarize.js';
import type { FreeParameter, TargetInfo } from './compile.js';
import { logLikelihood, observedInterval } from './likelihood.js';
import type { CalibratedParameter, CalibrationResult, CalibrationTarget, SampleSummary } from './result.js';
import type { SearchOutcome, SearchSettings } from './search.js';

/** Mean, sd and the 2.5 %, 50 % and 97.5 % quantiles (type 7), as `simulate` summarises. */
export function sampleSummary(values: ArrayLike<number>): SampleSummary {
  if (values.length === 0) return { mean: Number.NaN, sd: Number.NaN, p2_5: Number.NaN, p50: Number.NaN, p97_5: Number.NaN };
  const s = summarize(Float64Array.from(values));
  return { mean: s.mean, sd: s.sd, p2_5: s.p025, p50: s.median, p97_5: s.p975 };
}

/** A prior as written, on one line (YAML flow notation): `{beta: {mean: 0.02, sd: 0.01}}`. */
export function priorForm(raw: unknown): string {
  return stringify(raw, { collectionStyle: 'flow' }).trim();
}

interface Run {
  model: Model;
  document: LoadedDocument<'Calibration'>;
  free: FreeParameter[];
  targets: TargetInfo[];
  outcome: SearchOutcome;
  settings: SearchSettings;
  version: string;
  inputs: { file: string; sha256: string }[];
  runs: number;
}

function parameterResult(run: Run, p: FreeParameter, i: number): CalibratedParameter {
  const { outcome } = run;
  const prior = outcome.priorSample.map((x) => x[i]!);
  const posterior = outcome.posterior.map((x) => x[i]!);
  return {
    path: p.path,
    name: p.name,
    file: p.written.file,
    line: p.written.line,
    column: p.written.column,
    prior: { form: priorForm(p.priorForm), summary: sampleSummary(prior) },
    bounds: [p.bounds[0], p.bounds[1]],
    before: run.model.parameters.specs[p.slot]!.central,
    mle: round(outcome.mle.x[i]!),
    point: round(outcome.point.x[i]!),
    posterior: sampleSummary(posterior),
    priorSample: prior.map(round),
    posteriorSample: posterior.slice(0, 1000).map(round),
  };
}

function targetResult(run: Run, target: TargetInfo, k: number): CalibrationTarget {
  const { outcome } = run;
  const observed = observedInterval(target.likelihood);
  const point = outcome.point.values[k]!;
  return {
    id: target.id,
    title: target.title,
    use: target.use,
    territory: target.territory,
    description: target.description,
    years: target.years,
    likelihood: target.likelihood.kind,
    observed: { value: target.likelihood.value, low: round(observed.low), high: round(observed.high) },
    model: { before: round(outcome.before.values[k]!), mle: round(outcome.mle.values[k]!), point: round(point), posterior: sampleSummary(outcome.posteriorValues.map((v) => v[k]!)) },
    withinUncertainty: point >= observed.low && point <= observed.high,
    logLikelihood: round(logLikelihood(target.likelihood, point)),
    source: target.source,
    file: target.place.file,
    line: target.place.line,
    column: target.place.column,
  };
}

export function buildResult(run: Run): CalibrationResult {
  const { model, document, outcome, settings } = run;
  const ess = outcome.imis.ess[outcome.imis.ess.length - 1] ?? 0;
  const targets = run.targets.map((target, k) => targetResult(run, target, k));
  const warnings: string[] = [];
  if (ess < settings.minEss) warnings.push(t('analysis.warn.not-converged', { ess: round(ess), threshold: settings.minEss, rounds: outcome.imis.rounds }));
  for (const target of targets) if (target.use === 'fit' && !target.withinUncertainty) warnings.push(t('analysis.warn.target-missed', { target: target.id, value: target.model.point, low: target.observed.low, high: target.observed.high }));
  for (const search of [outcome.mle.search, outcome.point.search]) if (!search.converged) warnings.push(t('analysis.warn.point-not-converged', { evaluations: search.evaluations }));
  return {
    schemaVersion: 1,
    calibration: { id: document.id, title: document.value.title, scenario: model.scenario, file: document.source.file },
    manifest: { tool: 'logi', version: run.version, seed: settings.seed, draws: settings.draws, sample: settings.sample, inputs: run.inputs },
    fit: {
      method: outcome.method,
      ess: round(ess),
      essThreshold: settings.minEss,
      converged: ess >= settings.minEss,
      runs: run.runs,
      imisRounds: outcome.imis.rounds,
      nelderMead: { evaluations: outcome.mle.search.evaluations, converged: outcome.mle.search.converged, logLikelihood: round(outcome.mle.logLikelihood) },
      map: { evaluations: outcome.point.search.evaluations, converged: outcome.point.search.converged, logLikelihood: round(outcome.point.logLikelihood), logPosterior: round(outcome.point.logPosterior) },
      logLikelihoodBefore: round(outcome.before.logLikelihood),
    },
    parameters: run.free.map((p, i) => parameterResult(run, p, i)),
    targets,
    warnings,
  };
}
