/**
 * `logi sweep` as a library (docs/sensitivity.md, "Sweeps"): the scenario run once per value of a
 * grid (vary.ts), every run with the same seed, so with the same random numbers — common random
 * numbers across the grid: θᵢ's stream and every stream of the engine are keyed by (seed,
 * territory, iteration, purpose, cycle, stratum), none by the varied value (docs/simulation.md,
 * "Random streams"); the curve of an outcome against the value moves by what the value does, not
 * by new noise. One pool of threads serves every run.
 */
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatInterval, formatNumber } from '../i18n/numbers.js';
import { UsageError } from '../language/workspace.js';
import { compileModel, type Mode, type Model } from '../sim/model.js';
import { table } from '../sim/format.js';
import { clampWorkers, defaultWorkers } from '../sim/runner.js';
import { escapeTerminal } from '../text/escape.js';
import { type Outcome, OutcomeReader, type OutcomeSummary, parseOutcomeId, resolveOutcome } from './decision-outcomes.js';
import { loadScenario, onlyTerritory, SweepRuns } from './scenario-runs.js';
import { DECIMAL, parseVary, variationOf } from './vary.js';

export interface SweepTarget {
  outcome: string;
  value: number;
  /** Where the outcome's mean reaches the value, by linear interpolation between grid points, in increasing order of the varied value. */
  crossings: number[];
  /** The first crossing, or null when the mean does not reach the value over the grid. */
  reached: number | null;
  /** The smallest and largest mean over the grid (null when no point has one). */
  range: [number, number] | null;
}

export interface SweepResult {
  manifest: { tool: 'logi'; version: string; scenario: string; pyramid: string; seed: number; mode: Mode; iterations: number; horizon: number; streams: string; inputs: Model['inputs'] };
  vary: { path: string; title: string; values: number[] };
  territory: string;
  outcomes: { id: string; title: string; unit: string }[];
  points: { value: number; outcomes: Record<string, OutcomeSummary> }[];
  targets: SweepTarget[];
}

/** `ID=VALUE` of `--target`, split at the last `=`. */
export function parseTarget(text: string): { outcome: string; value: number } {
  const at = text.lastIndexOf('=');
  const outcome = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  if (at < 0 || !parseOutcomeId(outcome) || !DECIMAL.test(value)) throw new UsageError(t('sensitivity.target.syntax', { target: text }), t('sensitivity.target.syntax.hint'));
  return { outcome, value: Number(value) };
}

/**
 * The values of the varied quantity at which the mean reaches `target`: the grid points sorted by
 * value, a point whose mean equals the target, and between two neighbours whose means lie on
 * either side of it, x = a + (target − m_a)(b − a)/(m_b − m_a). Points without a mean are left out.
 */
export function crossings(points: readonly { value: number; mean: number | null }[], target: number): number[] {
  const sorted = points.filter((p): p is { value: number; mean: number } => p.mean !== null).sort((a, b) => a.value - b.value);
  const found: number[] = [];
  const add = (x: number) => found.at(-1) !== x && found.push(x);
  sorted.forEach((p, k) => {
    if (p.mean === target) {
      add(p.value);
      return;
    }
    const next = sorted[k + 1];
    if (next && next.mean !== target && (p.mean - target) * (next.mean - target) < 0) add(p.value + ((target - p.mean) * (next.value - p.value)) / (next.mean - p.mean));
  });
  return found;
}

export interface SweepOptions {
  /** A scenario id, or the path of a YAML file holding one. */
  scenario: string;
  cwd?: string;
  version: string;
  /** `PATH=VALUES` (vary.ts). */
  vary: string;
  /** Outcome ids; by default net-cost, incremental-effect and every event of the model. */
  outcomes?: string[];
  territory?: string;
  /** `ID=VALUE`: report where the outcome's mean reaches the value. */
  targets?: string[];
  iterations?: number;
  seed?: number;
  mode?: Mode;
  workers?: number;
  /** Each grid point with its own seed (seed + its index): only to measure what common random numbers gain. */
  independentSeeds?: boolean;
  onProgress?: (point: number, points: number, done: number, total: number) => void;
}

/** The outcomes of a sweep: those asked for, then those of the targets not among them. */
function sweepOutcomes(model: Model, options: SweepOptions, targets: { outcome: string }[]): Outcome[] {
  const ids = options.outcomes?.length ? [...options.outcomes] : ['net-cost', 'incremental-effect', ...model.events.map((e) => `events:${e.name}`)];
  for (const target of targets) if (!ids.includes(target.outcome)) ids.push(target.outcome);
  return [...new Set(ids)].map((id) => resolveOutcome(model, id, options.territory ?? 'ensemble'));
}

export async function sweep(options: SweepOptions): Promise<SweepResult> {
  const vary = parseVary(options.vary);
  const targets = (options.targets ?? []).map(parseTarget);
  // Threads start now and load their code while the workspace is read and checked.
  const runs = SweepRuns.start(clampWorkers(options.workers ?? defaultWorkers()));
  try {
    const { workspace, scenarioId } = await loadScenario(options.scenario, options.cwd);
    const compiled = await compileModel(workspace, scenarioId, { iterations: options.iterations, seed: options.seed, mode: options.mode });
    const model = onlyTerritory(compiled, options.territory ?? 'ensemble');
    const variation = variationOf(workspace, model, vary);
    const outcomes = sweepOutcomes(model, options, targets);
    const points: SweepResult['points'] = [];
    for (const [k, value] of vary.values.entries()) {
      const varied = variation.apply(value);
      const run = options.independentSeeds ? { ...varied, seed: (model.seed + k) % 2 ** 32 } : varied;
      const output = await runs.run(run, variation.baselineUnchanged && !options.independentSeeds, (done, total) => options.onProgress?.(k, vary.values.length, done, total));
      const reader = new OutcomeReader(run, output);
      points.push({ value, outcomes: Object.fromEntries(outcomes.map((o) => [o.id, reader.summary(o)])) });
    }
    return {
      manifest: { tool: 'logi', version: options.version, scenario: model.scenario, pyramid: model.pyramid, seed: model.seed, mode: model.mode, iterations: model.iterations, horizon: model.horizon, streams: model.streams, inputs: model.inputs },
      vary: { path: vary.path, title: variation.title, values: vary.values },
      territory: options.territory ?? 'ensemble',
      outcomes: outcomes.map((o) => ({ id: o.id, title: o.title, unit: o.unit })),
      points,
      targets: targets.map((target) => targetOf(points, target)),
    };
  } finally {
    await runs.close();
  }
}

function targetOf(points: SweepResult['points'], target: { outcome: string; value: number }): SweepTarget {
  const series = points.map((p) => ({ value: p.value, mean: p.outcomes[target.outcome]!.mean }));
  const found = crossings(series, target.value);
  const means = series.flatMap((p) => (p.mean === null ? [] : [p.mean]));
  return { outcome: target.outcome, value: target.value, crossings: found, reached: found[0] ?? null, range: means.length ? [Math.min(...means), Math.max(...means)] : null };
}

const shown = (text: string): string => escapeTerminal(text, { keep: '' });

/** The terminal summary: per outcome, its mean and 95 % interval at each value; then the targets. */
export function formatSweep(result: SweepResult): string {
  const lang = currentLanguage();
  const n = (x: number | null): string => (x === null ? '—' : formatNumber(x, lang, 4));
  const m = result.manifest;
  const out: string[] = [];
  out.push(t('sensitivity.sweep.head', { title: shown(result.vary.title), path: shown(result.vary.path), scenario: shown(m.scenario), territory: shown(result.territory), iterations: m.iterations, mode: m.mode, seed: m.seed, points: result.points.length }));
  // One iteration per value (expected mode): no interval to show.
  const intervals = m.iterations > 1;
  for (const outcome of result.outcomes) {
    out.push('', `${shown(outcome.title)} (${outcome.unit}) — ${shown(outcome.id)}`);
    const rows = [[shown(result.vary.path), t('sensitivity.sweep.mean'), intervals ? t('sensitivity.sweep.interval') : '']];
    for (const point of result.points) {
      const s = point.outcomes[outcome.id]!;
      const interval = s.verdict ? t(`sensitivity.verdict.${s.verdict}`) : intervals && s.p025 !== null && s.p975 !== null ? formatInterval(s.p025, s.p975, lang, (x) => n(x)) : '';
      rows.push([n(point.value), n(s.mean), interval]);
    }
    out.push(table(rows, [true, true, false]));
  }
  for (const target of result.targets) out.push('', targetLine(result, target));
  return out.join('\n');
}

/** Where a target is reached, or that it is not, with the range of the means. */
function targetLine(result: SweepResult, target: SweepTarget): string {
  const lang = currentLanguage();
  const n = (x: number): string => formatNumber(x, lang, 4);
  const words = { outcome: shown(target.outcome), target: n(target.value), path: shown(result.vary.path) };
  if (target.reached !== null) {
    const others = target.crossings.slice(1);
    const line = t('sensitivity.target.reached', { ...words, value: n(target.reached) });
    return others.length ? `${line} ${t('sensitivity.target.also', { values: others.map(n) })}` : line;
  }
  if (!target.range) return t('sensitivity.target.no-mean', words);
  const line = t('sensitivity.target.not-reached', { ...words, low: n(target.range[0]), high: n(target.range[1]) });
  // An event outcome is program − baseline: events averted are negative.
  const flipped = -target.value;
  // The value to type: in the notation of the command line, not the typographic minus of a table.
  const averted = target.outcome.startsWith('events:') && target.value > 0 && flipped >= target.range[0] && flipped <= target.range[1];
  return averted ? `${line}. ${t('sensitivity.target.averted-hint', { target: String(flipped) })}` : line;
}
