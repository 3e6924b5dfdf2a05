/**
 * `logi test`: runs the pathway tests of the given files or folders (docs/testing.md). The
 * workspace is linted first; a test file with an error (its schema, an unknown logigramme, node,
 * variable or outcome path, a value out of range) makes the run unusable (exit 2) and no case
 * runs. Then each case runs — paths, flows, outcomes, file by file in the order written — and
 * gives one result. With `update`, the `path: auto` cases whose walk reaches an end get their
 * path written into their file (src/pathway-tests/update.ts).
 */
import { t } from '../i18n/catalogue.js';
import type { Diagnostic } from '../language/diagnostic.js';
import { locate } from '../language/source.js';
import { isTarget, type LoadedDocument, UsageError, type Workspace } from '../language/workspace.js';
import { lint } from '../lint/engine.js';
import { simulationErrors } from '../sim/simulate.js';
import { runFlowCases, type FlowCaseInput } from './flows.js';
import { type OutcomeCaseInput, runOutcomeCase, ScenarioRuns } from './outcomes.js';
import { runPathCase } from './paths.js';
import { type CaseKind, type CaseResult, exitCodeOf, type Failure, type TestRun } from './results.js';
import { type PathUpdate, writePathUpdates } from './update.js';

export interface TestOptions {
  /** Files or folders; default: the workspace of `cwd`. */
  paths?: readonly string[];
  cwd?: string;
  /** A regular expression: only the cases whose name (or test id) it matches run. */
  grep?: string;
  /** Write the path found into the `path: auto` cases. */
  update?: boolean;
  version: string;
  onProgress?: (done: number, total: number) => void;
}

export interface TestReport extends TestRun {
  /** The errors that make the test files unusable (then no case runs, exit code 2). */
  unusable: Diagnostic[];
}

/** A case as it is scheduled: where it is, and what runs it. */
interface Scheduled {
  kind: CaseKind;
  test: LoadedDocument<'PathwayTest'>;
  index: number;
  name: string;
}

/** The files that hold pathway tests among the targets, and the errors reported in them. */
function unusableFindings(workspace: Workspace, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const testFiles = new Set<string>();
  for (const doc of workspace.documents) if (doc.kind === 'PathwayTest') testFiles.add(doc.source.file);
  for (const doc of workspace.broken.PathwayTest.values()) testFiles.add(doc.source.file);
  return diagnostics.filter((d) => d.severity === 'error' && (testFiles.has(d.file) || d.ruleId === 'file-unreadable' || /\.test\.ya?ml$/i.test(d.file)));
}

function schedule(workspace: Workspace, grep: RegExp | undefined): Scheduled[] {
  const out: Scheduled[] = [];
  for (const doc of workspace.documents) {
    if (doc.kind !== 'PathwayTest' || !isTarget(workspace, doc)) continue;
    const test = doc as LoadedDocument<'PathwayTest'>;
    for (const kind of ['paths', 'flows', 'outcomes'] as const) {
      (test.value[kind] ?? []).forEach((entry, index) => {
        if (!grep || grep.test(entry.name) || grep.test(test.id)) out.push({ kind, test, index, name: entry.name });
      });
    }
  }
  return out;
}

function compileGrep(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    throw new UsageError(t('pathway-tests.grep.invalid', { pattern }), t('pathway-tests.grep.invalid.hint'));
  }
}

export async function runPathwayTests(options: TestOptions): Promise<TestReport> {
  const grep = compileGrep(options.grep);
  const checked = await lint({ ...(options.cwd !== undefined ? { cwd: options.cwd } : {}), ...(options.paths ? { paths: options.paths } : {}) });
  const workspace = checked.workspace;
  const unusable = unusableFindings(workspace, checked.diagnostics);
  if (unusable.length > 0 || workspace.hasUnreadableInput) return { results: [], passed: 0, failed: 0, errors: 0, exitCode: 2, updated: [], unusable };
  const cases = schedule(workspace, grep);
  if (cases.length === 0 && grep === undefined) throw new UsageError(t('pathway-tests.none'), t('pathway-tests.none.hint'));
  const results = new Map<Scheduled, CaseResult>();
  const updates: PathUpdate[] = [];
  let done = 0;
  const progress = () => options.onProgress?.(++done, cases.length);
  for (const c of cases.filter((x) => x.kind === 'paths')) {
    results.set(c, runOnePath(workspace, c, options.update === true, updates));
    progress();
  }
  await runFlows(workspace, cases.filter((x) => x.kind === 'flows'), options.version, results, progress);
  const outcomeCases = cases.filter((x) => x.kind === 'outcomes');
  // A simulation needs the whole workspace free of errors, not only the files asked about.
  const everything = outcomeCases.length > 0 && (options.paths?.length ?? 0) > 0 ? await lint({ cwd: workspace.root }) : checked;
  const runs = new ScenarioRuns(workspace, options.version, simulationErrors(everything.workspace, everything.diagnostics));
  for (const c of outcomeCases) runs.plan(c.test.value.outcomes![c.index]!);
  for (const c of outcomeCases) {
    results.set(c, await timed(c, () => runOutcomeCase({ test: c.test, index: c.index, value: c.test.value.outcomes![c.index]! } satisfies OutcomeCaseInput, runs)));
    progress();
  }
  const ordered = cases.map((c) => results.get(c)!);
  const updated = options.update ? await writePathUpdates(updates) : [];
  return summarizeRun(ordered, updated);
}

function summarizeRun(results: CaseResult[], updated: TestRun['updated']): TestReport {
  return {
    results,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    errors: results.filter((r) => r.status === 'error').length,
    exitCode: exitCodeOf(results),
    updated,
    unusable: [],
  };
}

function caseResult(c: Scheduled, failures: Failure[], duration: number): CaseResult {
  const status = failures.some((f) => f.error) ? 'error' : failures.length > 0 ? 'fail' : 'pass';
  return { kind: c.kind, test: c.test.id, name: c.name, file: c.test.source.file, range: locate(c.test.source, c.test.document, [c.kind, c.index]), status, failures, duration };
}

/** Runs `work` and gives its result, its failures as an error when it throws an error of the input. */
async function timed(c: Scheduled, work: () => Promise<Failure[]> | Failure[]): Promise<CaseResult> {
  const started = performance.now();
  try {
    return caseResult(c, await work(), performance.now() - started);
  } catch (error) {
    return caseResult(c, [caseError(c, error)], performance.now() - started);
  }
}

/** A case that cannot run: the simulation refused its input, or its logigramme cannot be read. */
function caseError(c: Scheduled, error: unknown): Failure {
  const place = { file: c.test.source.file, range: locate(c.test.source, c.test.document, [c.kind, c.index]) };
  const withHint = error as { message?: string; hint?: string; diagnostics?: Diagnostic[] };
  const first = withHint.diagnostics?.[0];
  const message = first ? `${first.file}:${first.range.start.line}:${first.range.start.column} ${first.message}` : String(withHint.message ?? error);
  return { ...place, message: t('pathway-tests.case.error', { message }), ...(withHint.hint ? { hint: withHint.hint } : {}), error: true };
}

function logigrammeOf(workspace: Workspace, c: Scheduled): LoadedDocument<'Logigramme'> | undefined {
  const entry = c.test.value[c.kind as 'paths' | 'flows']![c.index]!;
  const id = entry.logigramme ?? c.test.value.logigramme;
  return id === undefined ? undefined : workspace.index.Logigramme.get(id);
}

function missingLogigramme(c: Scheduled): Failure {
  return { file: c.test.source.file, range: locate(c.test.source, c.test.document, [c.kind, c.index]), message: t('pathway-tests.case.no-logigramme'), hint: t('pathway-tests.case.no-logigramme.hint'), error: true };
}

function runOnePath(workspace: Workspace, c: Scheduled, update: boolean, updates: PathUpdate[]): CaseResult {
  const started = performance.now();
  const logigramme = logigrammeOf(workspace, c);
  if (!logigramme) return caseResult(c, [missingLogigramme(c)], performance.now() - started);
  const value = c.test.value.paths![c.index]!;
  const { walk, failures } = runPathCase({ test: c.test, index: c.index, value, logigramme });
  const writable = update && value.path === 'auto' && walk.stop.kind === 'end';
  if (writable) updates.push({ source: c.test.source, document: c.test.document, path: ['paths', c.index, 'path'], nodes: walk.nodes });
  // Once written, the path is the one found: the case passes unless another expectation fails.
  const kept = writable ? failures.filter((f) => f.message !== t('pathway-tests.path.auto')) : failures;
  return caseResult(c, kept, performance.now() - started);
}

async function runFlows(workspace: Workspace, cases: Scheduled[], version: string, results: Map<Scheduled, CaseResult>, progress: () => void): Promise<void> {
  const inputs: FlowCaseInput[] = [];
  const runnable: Scheduled[] = [];
  for (const c of cases) {
    const logigramme = logigrammeOf(workspace, c);
    if (!logigramme) {
      results.set(c, caseResult(c, [missingLogigramme(c)], 0));
      progress();
      continue;
    }
    inputs.push({ test: c.test, index: c.index, value: c.test.value.flows![c.index]!, logigramme });
    runnable.push(c);
  }
  const started = performance.now();
  try {
    const failures = await runFlowCases(workspace, inputs, version, () => progress());
    runnable.forEach((c, k) => results.set(c, caseResult(c, failures[k]!, (performance.now() - started) / runnable.length)));
  } catch (error) {
    for (const c of runnable) results.set(c, caseResult(c, [caseError(c, error)], 0));
  }
}
