/**
 * Which parameters matter (docs/sensitivity.md):
 * - one-way sensitivity: the scenario in `expected` mode with one uncertain parameter at its 2.5 %
 *   then its 97.5 % quantile (src/sim/distributions/quantiles.ts), every other parameter at its
 *   central value; the bars of a tornado diagram, widest first (src/econ/metamodel.ts, tornadoOrder).
 *   A Dirichlet's share k moves along its marginal Beta(αₖ, α₀ − αₖ), α₀ = Σα, and the other
 *   shares of the same Dirichlet keep their proportions: share j becomes cⱼ(1 − x)/(1 − cₖ), with
 *   cⱼ = αⱼ/α₀ the central shares, so that they still sum to 1;
 * - the PSA regression metamodel: the scenario in `psa` mode, the outcome of each iteration
 *   regressed on the standardised draws of the uncertain parameters (Jalal et al. 2013,
 *   src/econ/metamodel.ts): R² and standardised coefficients.
 */
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatNumber } from '../i18n/numbers.js';
import { regressionMetamodel, tornadoOrder } from '../econ/metamodel.js';
import { parameterPathOf } from '../language/parameter-path.js';
import { PARAMETER_KINDS, type ParameterKind } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import { allowedRange, withinMagnitude } from '../sim/distributions/index.js';
import { quantileOf } from '../sim/distributions/quantiles.js';
import { compileModel, type Model } from '../sim/model.js';
import { ParameterError, type ParameterSpec } from '../sim/parameters.js';
import { CHUNK_SIZE, clampWorkers, defaultWorkers, WorkerPool } from '../sim/runner.js';
import { table } from '../sim/format.js';
import { round } from '../sim/summarize.js';
import { escapeTerminal } from '../text/escape.js';
import { type Outcome, OutcomeReader, resolveOutcome } from './decision-outcomes.js';
import { loadScenario, onlyTerritory, simulateRecords, withFixedValues } from './scenario-runs.js';

/** The quantiles of a one-way analysis: the ends of the central 95 % of each distribution. */
export const LOW_QUANTILE = 0.025;
export const HIGH_QUANTILE = 0.975;

/** One bar to compute: the parameter, and the θ values it sets at each end. */
export interface OneWayVariant {
  parameter: string;
  /** The θ slot whose value is shown (a Dirichlet's: the share that moves). */
  slot: number;
  low: Map<number, number>;
  high: Map<number, number>;
}

/** One share of a Dirichlet moved to a quantile of its marginal beta, the others rescaled. */
function dirichletVariant(model: Model, first: number, alphas: number[], k: number): OneWayVariant {
  const total = alphas.reduce((a, b) => a + b, 0);
  const central = alphas.map((alpha) => alpha / total);
  const marginal = { kind: 'beta' as const, alpha: alphas[k]!, beta: total - alphas[k]!, central: central[k]! };
  const at = (p: number): Map<number, number> => {
    const x = quantileOf(marginal, p);
    return new Map(central.map((c, j) => [first + j, j === k ? x : (c * (1 - x)) / (1 - central[k]!)]));
  };
  return { parameter: model.parameters.specs[first + k]!.name, slot: first + k, low: at(LOW_QUANTILE), high: at(HIGH_QUANTILE) };
}

/**
 * The bars of the one-way analysis, in θ order: each uncertain parameter (not fixed), then the
 * shares of each Dirichlet (all of them; only the first of two, whose move is the other's; none
 * of one, which is always 1).
 */
export function oneWayVariants(model: Model): OneWayVariant[] {
  const variants: OneWayVariant[] = [];
  model.parameters.specs.forEach((spec, slot) => {
    if (spec.kind === 'fixed') return;
    variants.push({ parameter: spec.name, slot, low: new Map([[slot, quantileOf(spec, LOW_QUANTILE)]]), high: new Map([[slot, quantileOf(spec, HIGH_QUANTILE)]]) });
  });
  for (const d of model.parameters.dirichlets) {
    const moved = d.alphas.length <= 2 ? d.alphas.length - 1 : d.alphas.length;
    for (let k = 0; k < moved; k++) variants.push(dirichletVariant(model, d.first, d.alphas, k));
  }
  return variants;
}

export interface OneWayEnd {
  /** The parameter's value at this end. */
  value: number;
  /** The outcome there; null when the model refuses the value, or for an ICER in a dominance case. */
  outcome: number | null;
  /** Why the outcome is null, in words. */
  note?: string;
}

export interface OneWayBar {
  parameter: string;
  /** The parameter path that names it (docs/language.md, "Parameter paths"), or null. */
  path: string | null;
  /** `file:line:column` of its value. */
  place: string;
  low: OneWayEnd;
  high: OneWayEnd;
  /** |outcome(high) − outcome(low)|; null when an end has no outcome. */
  width: number | null;
}

/** The outcome of an `expected` run of the model with the values set; null, with a note, when the model refuses them. */
async function endOf(model: Model, outcome: Outcome, spec: ParameterSpec, slot: number, values: Map<number, number>): Promise<OneWayEnd> {
  const value = values.get(slot)!;
  const range = allowedRange(spec.constraint);
  if (!range.test(value) || !withinMagnitude(value)) return { value, outcome: null, note: t('sensitivity.one-way.out-of-range', { expected: range.words }) };
  const varied = withFixedValues(model, values);
  try {
    const result = new OutcomeReader(varied, await simulateRecords(varied)).mean(outcome);
    return result === null ? { value, outcome: null, note: t('sensitivity.one-way.no-icer') } : { value, outcome: result };
  } catch (error) {
    if (error instanceof ParameterError) return { value, outcome: null, note: error.message };
    throw error;
  }
}

/** The parameter path of a θ slot's place, or null when its document is not one that holds parameters. */
function pathOf(workspace: Workspace, spec: ParameterSpec): string | null {
  if (spec.document === undefined || spec.path === undefined) return null;
  const colon = spec.document.indexOf(':');
  const kind = spec.document.slice(0, colon) as ParameterKind;
  if (!(PARAMETER_KINDS as readonly string[]).includes(kind)) return null;
  const doc = workspace.index[kind].get(spec.document.slice(colon + 1)) as LoadedDocument | undefined;
  return doc ? parameterPathOf(workspace, doc, spec.path) : null;
}

/**
 * The one-way analysis of an `expected`-mode model: the outcome with every parameter central (the
 * base), and each bar, sorted by width (widest first; bars without a width last, by name).
 */
export async function oneWay(workspace: Workspace, model: Model, outcome: Outcome, onProgress?: (done: number, total: number) => void): Promise<{ base: number | null; bars: OneWayBar[] }> {
  if (model.mode !== 'expected') throw new Error('internal: a one-way analysis runs the expected mode');
  const base = new OutcomeReader(model, await simulateRecords(model)).mean(outcome);
  const variants = oneWayVariants(model);
  const bars: OneWayBar[] = [];
  for (const [k, variant] of variants.entries()) {
    const spec = model.parameters.specs[variant.slot]!;
    const low = await endOf(model, outcome, spec, variant.slot, variant.low);
    const high = await endOf(model, outcome, spec, variant.slot, variant.high);
    const width = low.outcome !== null && high.outcome !== null ? Math.abs(high.outcome - low.outcome) : null;
    bars.push({ parameter: variant.parameter, path: pathOf(workspace, spec), place: `${spec.file}:${spec.line}:${spec.column}`, low, high, width });
    onProgress?.(k + 1, variants.length);
  }
  return { base, bars: sortBars(bars) };
}

/** Widest first (tornadoOrder), then the bars without a width, by name. */
export function sortBars(bars: readonly OneWayBar[]): OneWayBar[] {
  const measured = bars.filter((bar) => bar.width !== null).map((bar) => ({ name: bar.parameter, low: bar.low.outcome!, high: bar.high.outcome!, bar }));
  const unmeasured = bars.filter((bar) => bar.width === null).sort((a, b) => (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0));
  return [...tornadoOrder(measured).map((m) => m.bar), ...unmeasured];
}

export interface Regression {
  mode: 'psa';
  iterations: number;
  /** Null when the outcome does not vary (nothing to explain). */
  rSquared: number | null;
  /** β₀, the mean outcome. */
  intercept: number;
  terms: { parameter: string; path: string | null; coefficient: number }[];
  dropped: string[];
}

/**
 * The θ slots whose values vary from one iteration to the next: the uncertain parameters, the
 * Dirichlets' shares and the columns of a calibration's posterior sample, in θ order.
 */
export function drawnSlots(model: Model): number[] {
  const drawn = new Set<number>();
  model.parameters.specs.forEach((spec, slot) => spec.kind !== 'fixed' && drawn.add(slot));
  for (const d of model.parameters.dirichlets) for (let k = 0; k < d.alphas.length; k++) drawn.add(d.first + k);
  for (const slot of model.posterior?.slots ?? []) drawn.add(slot);
  return [...drawn].sort((a, b) => a - b);
}

/** Parameter names made unique (a second "x" becomes "x (file:line:column)"), so that each names one column. */
function uniqueNames(specs: ParameterSpec[]): string[] {
  const seen = new Set<string>();
  return specs.map((spec) => {
    const name = seen.has(spec.name) ? `${spec.name} (${spec.file}:${spec.line}:${spec.column})` : spec.name;
    seen.add(name);
    return name;
  });
}

/** The regression metamodel of the outcome of a `psa` run on its drawn parameters; null for the ICER (no per-iteration value). */
export async function regression(workspace: Workspace, model: Model, outcome: Outcome, pool?: WorkerPool, onProgress?: (done: number, total: number) => void): Promise<Regression | null> {
  if (outcome.kind === 'icer') return null;
  const output = await simulateRecords(model, pool, onProgress);
  const values = new OutcomeReader(model, output).values(outcome)!;
  const slots = drawnSlots(model);
  const specs = slots.map((slot) => model.parameters.specs[slot]!);
  const names = uniqueNames(specs);
  const P = model.parameters.specs.length;
  const columns = slots.map((slot, k) => ({ name: names[k]!, values: Float64Array.from({ length: model.iterations }, (_, i) => output.thetas[i * P + slot]!) }));
  const fit = regressionMetamodel(values, columns);
  const pathByName = new Map(names.map((name, k) => [name, pathOf(workspace, specs[k]!)]));
  return {
    mode: 'psa',
    iterations: model.iterations,
    rSquared: Number.isNaN(fit.rSquared) ? null : round(fit.rSquared),
    intercept: round(fit.intercept),
    terms: fit.terms.map((term) => ({ parameter: term.name, path: pathByName.get(term.name) ?? null, coefficient: round(term.coefficient) })),
    dropped: fit.dropped,
  };
}

export interface SensitivityResult {
  manifest: { tool: 'logi'; version: string; scenario: string; pyramid: string; seed: number; mode: 'expected'; horizon: number; streams: string; inputs: Model['inputs'] };
  outcome: { id: string; title: string; unit: string };
  territory: string;
  base: number | null;
  oneWay: OneWayBar[];
  regression: Regression | null;
}

export interface SensitivityOptions {
  /** A scenario id, or the path of a YAML file holding one. */
  scenario: string;
  cwd?: string;
  version: string;
  outcome?: string;
  territory?: string;
  /** Iterations of the regression's PSA run (default 1000). */
  iterations?: number;
  seed?: number;
  workers?: number;
  onProgress?: (phase: 'one-way' | 'regression', done: number, total: number) => void;
}

export const DEFAULT_OUTCOME = 'net-cost';
export const DEFAULT_ITERATIONS = 1000;

/** `logi sensitivity` as a library: the one-way analysis, then the regression metamodel. */
export async function sensitivity(options: SensitivityOptions): Promise<SensitivityResult> {
  // Threads start now and load their code while the workspace is read and checked.
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const workers = clampWorkers(options.workers ?? defaultWorkers());
  const pool = workers > 1 && iterations > CHUNK_SIZE ? new WorkerPool(workers) : undefined;
  try {
    const { workspace, scenarioId } = await loadScenario(options.scenario, options.cwd);
    const territory = options.territory ?? 'ensemble';
    const expected = onlyTerritory(await compileModel(workspace, scenarioId, { mode: 'expected', seed: options.seed }), territory);
    const outcome = resolveOutcome(expected, options.outcome ?? DEFAULT_OUTCOME, territory);
    const { base, bars } = await oneWay(workspace, expected, outcome, (done, total) => options.onProgress?.('one-way', done, total));
    const psa = onlyTerritory(await compileModel(workspace, scenarioId, { mode: 'psa', iterations, seed: options.seed }), territory);
    const fit = await regression(workspace, psa, outcome, pool, (done, total) => options.onProgress?.('regression', done, total));
    return {
      manifest: { tool: 'logi', version: options.version, scenario: expected.scenario, pyramid: expected.pyramid, seed: psa.seed, mode: 'expected', horizon: expected.horizon, streams: expected.streams, inputs: expected.inputs },
      outcome: { id: outcome.id, title: outcome.title, unit: outcome.unit },
      territory: outcome.territoryId,
      base: base === null ? null : round(base),
      oneWay: bars.map((bar) => ({ ...bar, low: roundEnd(bar.low), high: roundEnd(bar.high), width: bar.width === null ? null : round(bar.width) })),
      regression: fit,
    };
  } finally {
    await pool?.close();
  }
}

const roundEnd = (end: OneWayEnd): OneWayEnd => ({ ...end, value: round(end.value), outcome: end.outcome === null ? null : round(end.outcome) });

const shown = (text: string): string => escapeTerminal(text, { keep: '' });

/** Bars and terms the terminal shows (sensitivity.json has them all). */
const SHOWN_BARS = 20;
const SHOWN_TERMS = 10;

/** The terminal summary: the base, the widest bars, the regression's R² and largest coefficients. */
export function formatSensitivity(result: SensitivityResult): string {
  const lang = currentLanguage();
  const n = (x: number | null): string => (x === null ? '—' : formatNumber(x, lang, 4));
  const out: string[] = [];
  out.push(t('sensitivity.summary.head', { outcome: shown(result.outcome.title), unit: result.outcome.unit, territory: shown(result.territory), scenario: shown(result.manifest.scenario) }));
  out.push(t('sensitivity.summary.base', { base: result.base === null ? `— (${t('sensitivity.one-way.no-icer')})` : n(result.base) }));
  out.push('');
  const measured = result.oneWay.filter((bar) => bar.width !== null);
  out.push(t('sensitivity.summary.one-way', { shown: Math.min(SHOWN_BARS, measured.length), count: result.oneWay.length }));
  if (measured.length > 0) {
    const rows = [['', t('sensitivity.summary.parameter'), t('sensitivity.summary.low'), t('sensitivity.summary.high'), t('sensitivity.summary.outcome-low'), t('sensitivity.summary.outcome-high'), t('sensitivity.summary.width')]];
    measured.slice(0, SHOWN_BARS).forEach((bar, k) => rows.push([String(k + 1), shown(bar.parameter), n(bar.low.value), n(bar.high.value), n(bar.low.outcome), n(bar.high.outcome), n(bar.width)]));
    out.push(table(rows, [true, false, true, true, true, true, true]));
  }
  const refused = result.oneWay.length - measured.length;
  if (refused > 0) out.push(t('sensitivity.summary.refused', { count: refused }));
  out.push('');
  const fit = result.regression;
  if (!fit) out.push(t('sensitivity.summary.no-regression'));
  else {
    out.push(t('sensitivity.summary.regression', { iterations: fit.iterations, rSquared: n(fit.rSquared), shown: Math.min(SHOWN_TERMS, fit.terms.length), count: fit.terms.length }));
    const terms = [[t('sensitivity.summary.parameter'), t('sensitivity.summary.coefficient')]];
    for (const term of fit.terms.slice(0, SHOWN_TERMS)) terms.push([shown(term.parameter), n(term.coefficient)]);
    out.push(table(terms, [false, true]));
  }
  return out.join('\n');
}
