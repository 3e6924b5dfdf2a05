/**
 * The values an outcome case compares (docs/testing.md, "Outcome values"): a summary of the
 * results as results.json holds it (a year's mean, median, percentile or sd; the mean over
 * `total` years is the sum of the years' means), or, for `probability` and for the other
 * statistics of a `total`, the value of each iteration, computed as the summaries compute it
 * (src/sim/summarize.ts, `iterationValues`; src/econ/valuation.ts for the economics lines).
 */
import { lineKey, Valuation, valuationLines } from '../econ/valuation.js';
import { t } from '../i18n/catalogue.js';
import type { OutcomeRef } from '../language/schemas/index.js';
import type { EnsembleRun } from '../sim/batches.js';
import { ENSEMBLE } from '../sim/ensemble.js';
import type { Model } from '../sim/model.js';
import type { Results } from '../sim/results.js';
import type { RunOutput } from '../sim/runner.js';
import { iterationValues, seriesKeys, summarize, type Summary } from '../sim/summarize.js';
import { defaultYear, type OutcomePath, parseOutcomePath } from './outcome-path.js';

/** A simulation as outcome cases read it. */
export interface ScenarioRun {
  model: Model;
  results: Results;
  run: { output: RunOutput; ensemble: EnsembleRun };
}

/** An address that names no value of these results: the case cannot run. */
export class OutcomeError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'OutcomeError';
  }
}

interface Resolved {
  path: OutcomePath;
  arm: 'baseline' | 'program' | 'difference';
  territory: string;
  years: number[];
  statistic: keyof Summary;
  scale: 'count' | 'per100k';
}

function resolve(run: ScenarioRun, address: OutcomeRef): Resolved {
  const path = parseOutcomePath(address.outcome);
  if (!path) throw new OutcomeError(t('pathway-tests.outcome.bad-path', { path: address.outcome }), t('pathway-tests.outcome.bad-path.hint'));
  const territory = address.territory ?? ENSEMBLE;
  if (territory !== ENSEMBLE && !run.model.territories.some((x) => x.id === territory)) {
    throw new OutcomeError(t('pathway-tests.outcome.territory', { territory }), t('pathway-tests.outcome.territory.hint', { territories: run.model.territories.map((x) => x.id).join(', ') }));
  }
  const H = run.model.horizon;
  const year = address.year ?? defaultYear(path);
  const stock = path.kind === 'measure' && path.measure === 'counts';
  if (year === 'total' && stock) throw new OutcomeError(t('pathway-tests.outcome.total-of-counts'), t('pathway-tests.outcome.total-of-counts.hint'));
  const years = year === 'total' ? Array.from({ length: H }, (_, y) => y + 1) : [year === 'last' ? H : year];
  if (years.some((y) => y > H || y < (stock ? 0 : 1))) throw new OutcomeError(t('pathway-tests.outcome.year', { year: String(year), horizon: H }));
  return { path, arm: address.arm ?? 'program', territory, years, statistic: address.statistic ?? 'mean', scale: address.scale ?? 'count' };
}

/** The value a case compares, summarised over the iterations (no `probability`). */
export function summaryValue(run: ScenarioRun, address: OutcomeRef): number {
  const r = resolve(run, address);
  const { results } = run;
  if (r.path.kind === 'workforce') return workforce(run, r.territory, r.path.actor);
  if (r.path.kind === 'decision') {
    const summary = results.decision?.summaries.find((d) => d.territory === r.territory);
    const value = summary?.[r.path.field];
    if (value === undefined) throw new OutcomeError(t('pathway-tests.outcome.missing', { path: address.outcome }));
    return value ?? Number.NaN;
  }
  const block = results.summaries.find((b) => b.territory === r.territory && b.arm === r.arm && b.scale === r.scale);
  if (!block) throw new OutcomeError(t('pathway-tests.outcome.missing', { path: address.outcome }));
  if (r.path.kind === 'economics') {
    const line = block.economics?.[r.path.line]?.[r.path.discounting];
    if (!line) throw new OutcomeError(t('pathway-tests.outcome.missing', { path: address.outcome }), t('pathway-tests.outcome.lines', { lines: valuationLines(run.model).map(lineKey).join(', ') }));
    return line[r.statistic];
  }
  const series = r.path.kind === 'totalCost' ? block.totalCost : block.measures[r.path.measure][r.path.key];
  // The run summarised only what its cases read: the keys of a full run come from the model.
  if (!series) throw new OutcomeError(t('pathway-tests.outcome.missing', { path: address.outcome }), r.path.kind === 'measure' ? t('pathway-tests.outcome.keys', { keys: seriesKeys(run.model, run.run.output, r.path.measure).join(', ') }) : undefined);
  const first = r.path.kind === 'measure' && r.path.measure === 'counts' ? 0 : 1;
  if (r.years.length === 1) return series[r.years[0]! - first]![r.statistic];
  // The mean of a sum is the sum of the means; any other statistic needs the iterations' sums.
  if (r.statistic === 'mean') return r.years.reduce((sum, y) => sum + series[y - first]!.mean, 0);
  return summarize(perIteration(run, r, address.outcome))[r.statistic];
}

/** The value of each iteration (for `probability`), or a constant for the values that do not vary by iteration. */
export function iterationSeries(run: ScenarioRun, address: OutcomeRef): Float64Array | number {
  const r = resolve(run, address);
  if (r.path.kind === 'workforce') return workforce(run, r.territory, r.path.actor);
  if (r.path.kind === 'decision') throw new OutcomeError(t('pathway-tests.outcome.no-iterations', { path: address.outcome }), t('pathway-tests.outcome.no-iterations.hint'));
  return perIteration(run, r, address.outcome);
}

/** The model, records and territory index that hold a territory's values (the ensemble is a model of its own). */
function recordsOf(run: ScenarioRun, territory: string): { model: Model; output: RunOutput; t: number; population: number } {
  if (territory === ENSEMBLE) {
    const { model, output } = run.run.ensemble;
    return { model, output, t: 0, population: run.model.territories.reduce((sum, x) => sum + x.population, 0) };
  }
  const t = run.model.territories.findIndex((x) => x.id === territory);
  return { model: run.model, output: run.run.output, t, population: run.model.territories[t]!.population };
}

function perIteration(run: ScenarioRun, r: Resolved, text: string): Float64Array {
  const { model, output, t: territory, population } = recordsOf(run, r.territory);
  const N = model.iterations;
  const total = new Float64Array(N);
  const add = (values: Float64Array | undefined, sign: number) => {
    if (!values) throw new OutcomeError(t('pathway-tests.outcome.missing', { path: text }));
    for (let i = 0; i < N; i++) total[i]! += sign * values[i]!;
  };
  // Records hold the baseline (0) and the difference (1); the program is their sum.
  const records: [number, number][] = r.arm === 'baseline' ? [[0, 1]] : r.arm === 'difference' ? [[1, 1]] : [[0, 1], [1, 1]];
  if (r.path.kind === 'economics') {
    const path = r.path;
    const line = valuationLines(model).find((l) => lineKey(l) === path.line);
    if (!line) throw new OutcomeError(t('pathway-tests.outcome.missing', { path: text }));
    const valuation = new Valuation(model, output);
    const discounted = path.discounting === 'discounted';
    if (r.arm !== 'baseline') add(valuation.total(line, territory, 1, discounted), 1);
    if (r.arm !== 'program') add(valuation.total(line, territory, 0, discounted), r.arm === 'difference' ? -1 : 1);
  } else {
    const path = r.path as Extract<OutcomePath, { kind: 'measure' | 'totalCost' }>;
    const measure = path.kind === 'totalCost' ? 'totalCost' : path.measure;
    const key = path.kind === 'totalCost' ? '' : path.key;
    for (const year of r.years) for (const [record, sign] of records) add(iterationValues(model, output, territory * 2 + record, measure, key, year), sign);
  }
  if (r.scale === 'per100k') for (let i = 0; i < N; i++) total[i]! *= 100_000 / population;
  return total;
}

/** The FTE of a profession in a territory, or summed over the scenario's territories. */
function workforce(run: ScenarioRun, territory: string, actor: string): number {
  const territories = run.results.territories.filter((x) => territory === ENSEMBLE || x.id === territory);
  if (!territories.some((x) => Object.prototype.hasOwnProperty.call(x.workforce, actor))) {
    throw new OutcomeError(t('pathway-tests.outcome.no-workforce', { actor }), t('pathway-tests.outcome.no-workforce.hint'));
  }
  return territories.reduce((sum, x) => sum + (x.workforce[actor] ?? 0), 0);
}
