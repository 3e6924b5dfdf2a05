/**
 * Outcome cases (docs/testing.md, "Outcomes"): a scenario simulated by the library's entry point
 * (src/sim/simulate.ts, no subprocess), in the case's mode, iterations and seed; each expectation
 * compares a value of its results with a bound (a number, or another outcome), or counts the
 * share of iterations whose value meets the bound. Cases with the same scenario and settings share
 * one simulation.
 */
import { t } from '../i18n/catalogue.js';
import type { Bound, Comparison, OutcomeCase, OutcomeExpectation, OutcomeRef } from '../language/schemas/index.js';
import { COMPARISONS } from '../language/schemas/index.js';
import { locate } from '../language/source.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import { InvalidInputError, simulate } from '../sim/simulate.js';
import type { Diagnostic } from '../language/diagnostic.js';
import { selectionKey } from '../sim/summarize.js';
import { parseOutcomePath } from './outcome-path.js';
import { iterationSeries, OutcomeError, type ScenarioRun, summaryValue } from './outcome-values.js';
import type { Failure, Place } from './results.js';

export interface OutcomeCaseInput {
  test: LoadedDocument<'PathwayTest'>;
  index: number;
  value: OutcomeCase;
}

/** The summaries an outcome names (src/sim/summarize.ts, SummarySelection); none for `decision` and `workforce`, which are not series. */
export function selectionOf(address: OutcomeRef): string[] {
  const path = parseOutcomePath(address.outcome);
  if (path?.kind === 'measure') return [selectionKey(path.measure, path.key)];
  if (path?.kind === 'totalCost') return [selectionKey('totalCost', 'total')];
  if (path?.kind === 'economics') return [selectionKey('economics', path.line)];
  return [];
}

/** The settings that make one simulation: cases with the same key share it. */
const runKey = (value: OutcomeCase): string => JSON.stringify([value.scenario, value.mode, value.iterations ?? null, value.seed ?? null, value.horizon ?? null]);

/**
 * The simulations already run, by scenario and settings. Each computes only the summaries its
 * cases read (given beforehand by `plan`): the same values as a full run, without the time spent
 * summarising every measure of every territory.
 */
export class ScenarioRuns {
  private readonly runs = new Map<string, Promise<ScenarioRun>>();
  private readonly selections = new Map<string, Set<string>>();
  /**
   * `errors`: the workspace's lint errors outside the test files; when there are some, no
   * simulation runs (as `logi simulate` refuses them) and each outcome case reports the first.
   */
  constructor(
    private readonly workspace: Workspace,
    private readonly version: string,
    private readonly errors: readonly Diagnostic[],
  ) {}

  /** Notes the summaries a case will read; every case is planned before the first `get`. */
  plan(value: OutcomeCase): void {
    const key = runKey(value);
    const selection = this.selections.get(key) ?? this.selections.set(key, new Set()).get(key)!;
    for (const expectation of value.expect) {
      for (const address of [expectation, ...COMPARISONS.map((c) => expectation[c]).filter((b): b is OutcomeRef => typeof b === 'object' && b !== null && !Array.isArray(b))]) {
        for (const k of selectionOf(address)) selection.add(k);
      }
    }
  }

  get(value: OutcomeCase): Promise<ScenarioRun> {
    const key = runKey(value);
    let run = this.runs.get(key);
    if (!run) {
      run = this.simulate(value);
      this.runs.set(key, run);
    }
    return run;
  }

  private async simulate(value: OutcomeCase): Promise<ScenarioRun> {
    if (this.errors.length > 0) throw new InvalidInputError([...this.errors]);
    const simulation = await simulate({
      checked: this.workspace,
      scenario: value.scenario,
      cwd: this.workspace.root,
      version: this.version,
      mode: value.mode,
      workers: 1,
      keepRecords: true,
      only: this.selections.get(runKey(value)) ?? new Set(),
      ...(value.iterations !== undefined ? { iterations: value.iterations } : {}),
      ...(value.seed !== undefined ? { seed: value.seed } : {}),
      ...(value.horizon !== undefined ? { horizon: value.horizon } : {}),
    });
    return { model: simulation.model, results: simulation.results, run: simulation.run! };
  }
}

const comparisonOf = (e: OutcomeExpectation): Comparison => COMPARISONS.find((c) => e[c] !== undefined)!;

/** Whether `value` meets the comparison against `bound` (`between` is closed: both ends included). */
export function meets(comparison: Comparison, value: number, bound: number | readonly [number, number]): boolean {
  if (comparison === 'between') {
    const [low, high] = bound as readonly [number, number];
    return value >= low && value <= high;
  }
  const b = bound as number;
  if (comparison === 'below') return value < b;
  if (comparison === 'at-most') return value <= b;
  if (comparison === 'above') return value > b;
  return value >= b;
}

/** An outcome's words in messages: its path and the settings that differ from the defaults. */
function addressWords(address: OutcomeRef): string {
  const settings = [address.arm, address.territory, address.year === undefined ? undefined : String(address.year), address.statistic, address.scale].filter((x) => x !== undefined);
  return settings.length === 0 ? `\`${address.outcome}\`` : `\`${address.outcome}\` (${settings.join(', ')})`;
}

function boundWords(comparison: Comparison, bound: Bound | readonly [number, number], value?: number): string {
  const symbol = { below: '<', 'at-most': '≤', above: '>', 'at-least': '≥', between: '∈' }[comparison];
  if (comparison === 'between') return `${symbol} [${(bound as readonly number[]).join(' ; ')}]`;
  if (typeof bound === 'number') return `${symbol} ${bound}`;
  return `${symbol} ${addressWords(bound as OutcomeRef)}${value === undefined ? '' : ` = ${roundFor(value)}`}`;
}

function roundFor(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Runs one outcome case: its simulation (shared), then each expectation. */
export async function runOutcomeCase(input: OutcomeCaseInput, runs: ScenarioRuns): Promise<Failure[]> {
  const run = await runs.get(input.value);
  const failures: Failure[] = [];
  input.value.expect.forEach((expectation, j) => {
    const place = (key: string): Place => ({ file: input.test.source.file, range: locate(input.test.source, input.test.document, ['outcomes', input.index, 'expect', j, key]) });
    const comparison = comparisonOf(expectation);
    try {
      const failure = expectation.probability ? checkProbability(run, expectation, comparison) : checkSummary(run, expectation, comparison);
      if (failure) failures.push({ ...place(expectation.probability ? 'probability' : comparison), ...failure });
    } catch (error) {
      if (!(error instanceof OutcomeError)) throw error;
      failures.push({ ...place('outcome'), message: error.message, ...(error.hint ? { hint: error.hint } : {}), error: true });
    }
  });
  return failures;
}

function checkSummary(run: ScenarioRun, expectation: OutcomeExpectation, comparison: Comparison): Omit<Failure, 'file' | 'range'> | undefined {
  const value = summaryValue(run, expectation);
  const raw = expectation[comparison]!;
  const bound = typeof raw === 'number' || Array.isArray(raw) ? (raw as number | [number, number]) : summaryValue(run, raw as OutcomeRef);
  if (meets(comparison, value, bound)) return undefined;
  return { message: t('pathway-tests.outcome.fails', { outcome: addressWords(expectation), value: roundFor(value), bound: boundWords(comparison, raw, typeof bound === 'number' ? bound : undefined) }), actual: value };
}

/** The share of iterations i whose value meets the bound (the bound's own value in iteration i when it is another outcome). */
function checkProbability(run: ScenarioRun, expectation: OutcomeExpectation, comparison: Comparison): Omit<Failure, 'file' | 'range'> | undefined {
  const values = iterationSeries(run, expectation);
  const raw = expectation[comparison]!;
  const bounds = typeof raw === 'number' || Array.isArray(raw) ? (raw as number | [number, number]) : iterationSeries(run, raw as OutcomeRef);
  const n = typeof values === 'number' ? 1 : values.length;
  let meeting = 0;
  for (let i = 0; i < n; i++) {
    const v = typeof values === 'number' ? values : values[i]!;
    const b = bounds instanceof Float64Array ? bounds[i]! : bounds;
    if (meets(comparison, v, b)) meeting++;
  }
  const share = meeting / n;
  const { 'at-least': atLeast, 'at-most': atMost } = expectation.probability!;
  if ((atLeast === undefined || share >= atLeast) && (atMost === undefined || share <= atMost)) return undefined;
  const wanted = [atLeast === undefined ? undefined : `≥ ${atLeast}`, atMost === undefined ? undefined : `≤ ${atMost}`].filter((x) => x !== undefined).join(', ');
  return { message: t('pathway-tests.outcome.probability', { outcome: addressWords(expectation), bound: boundWords(comparison, raw), share: roundFor(share), meeting, iterations: n, wanted }), actual: share };
}
