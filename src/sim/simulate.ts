/** The library entry point of a simulation: workspace → model → runs → summaries → results. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import { lint } from '../lint/engine.js';
import type { Diagnostic } from '../language/diagnostic.js';
import { UsageError, type Workspace } from '../language/workspace.js';
import { compileModel, type CompileOptions, type Model } from './model.js';
import { buildResults, type Results } from './results.js';
import { drawsCsv } from '../econ/draws.js';
import type { BatchOptions, EnsembleRun } from './batches.js';
import { CHUNK_SIZE, clampWorkers, defaultWorkers, runModel, type RunOutput, runWithPool, WorkerPool } from './runner.js';

export class InvalidInputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(t('sim.invalid-input', { count: diagnostics.length }));
    this.name = 'InvalidInputError';
  }
}

export interface SimulateOptions extends CompileOptions, BatchOptions {
  /** A scenario id, or the path of a YAML file holding one scenario. */
  scenario: string;
  cwd?: string;
  version: string;
  /**
   * Also give the per-iteration export of `--draws` (src/econ/draws.ts). It reads every
   * territory's records, so the run keeps them all (one batch, whatever `territoriesPerBatch`).
   */
  draws?: boolean;
  /**
   * Also give the run's records and θ of every territory and of the sum over them (pathway tests
   * count the iterations that meet a bound: src/pathway-tests/outcomes.ts); one batch, as `draws`.
   */
  keepRecords?: boolean;
  /**
   * The workspace, already loaded and found free of errors by the caller (`logi test` lints it
   * once for all its simulations): `scenario` is then an id of it, and it is not read again.
   */
  checked?: Workspace;
}

export interface Simulation {
  model: Model;
  results: Results;
  /** With `draws`: the CSV's lines, made as they are read. */
  draws?: Iterable<string>;
  /** With `keepRecords`: the records of every territory and those of their sum (`ensemble`). */
  run?: { output: RunOutput; ensemble: EnsembleRun };
}

async function resolveScenario(scenario: string, cwd: string): Promise<{ paths: string[]; id?: string; file?: string }> {
  const candidate = path.resolve(cwd, scenario);
  const stat = await fs.stat(candidate).catch(() => undefined);
  if (stat?.isFile()) return { paths: [candidate], file: candidate };
  if (stat?.isDirectory()) throw new UsageError(t('sim.scenario-is-folder', { scenario }));
  if (/\.(ya?ml)$/i.test(scenario)) throw new UsageError(t('sim.no-such-file', { file: scenario }));
  return { paths: [], id: scenario };
}

export async function simulate(options: SimulateOptions): Promise<Simulation> {
  // Worker threads start now and load their code while the workspace is read and checked.
  const workers = clampWorkers(options.workers ?? defaultWorkers());
  const pool = workers > 1 ? new WorkerPool(workers) : undefined;
  try {
    return await simulateWith(options, pool);
  } finally {
    await pool?.close();
  }
}

/**
 * The workspace and the scenario named by id or by the path of a YAML file that holds one, refused
 * as `logi simulate` refuses them: lint errors anywhere in the workspace (InvalidInputError), an
 * unknown id, a folder, a missing file, a file with no or several scenarios (UsageError).
 */
export async function checkedScenario(scenario: string, cwd: string): Promise<{ workspace: Workspace; scenarioId: string }> {
  const target = await resolveScenario(scenario, cwd);
  const checked = await lint({ cwd, paths: target.paths });
  const workspace = checked.workspace;
  // The scenario and everything it names must be valid: the whole workspace (as its config
  // includes it) must lint without errors.
  const everything = target.paths.length ? await lint({ cwd: workspace.root }) : checked;
  const errors = simulationErrors(everything.workspace, everything.diagnostics);
  if (errors.length > 0) throw new InvalidInputError(errors);
  let scenarioId = target.id;
  if (target.file) {
    const inFile = [...workspace.index.Scenario.values()].filter((s) => s.source.absolutePath === target.file);
    if (inFile.length !== 1) throw new UsageError(t('sim.file-scenarios', { file: scenario, count: inFile.length }), inFile.map((s) => s.id).join(', ') || t('sim.file-scenarios.none'));
    scenarioId = inFile[0]!.id;
  }
  if (!workspace.index.Scenario.has(scenarioId!)) {
    throw new UsageError(t('sim.unknown-scenario', { scenario: scenarioId!, root: workspace.root }), t('sim.unknown-scenario.hint', { scenarios: [...workspace.index.Scenario.keys()] }));
  }
  return { workspace, scenarioId: scenarioId! };
}

/** `*.test.yaml`: the name of pathway test files (docs/testing.md), even one too broken to show its kind. */
const TEST_FILE_NAME = /\.test\.ya?ml$/i;

/**
 * The findings that stop a simulation: every error of the workspace but those of pathway tests,
 * which are no input of a simulation (their findings are `logi test`'s, not a reason to refuse).
 */
export function simulationErrors(workspace: Workspace, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const testFiles = pathwayTestFiles(workspace);
  return diagnostics.filter((d) => d.severity === 'error' && !testFiles.has(d.file) && !TEST_FILE_NAME.test(d.file));
}

/** The files (as diagnostics name them) that hold pathway tests and no other kind of document. */
function pathwayTestFiles(workspace: Workspace): Set<string> {
  const kindsByFile = new Map<string, Set<string>>();
  const note = (file: string, kind: string) => (kindsByFile.get(file) ?? kindsByFile.set(file, new Set()).get(file)!).add(kind);
  for (const doc of workspace.documents) note(doc.source.file, doc.kind);
  for (const byId of Object.values(workspace.broken)) for (const doc of byId.values()) note(doc.source.file, doc.kind);
  return new Set([...kindsByFile].filter(([, kinds]) => kinds.size === 1 && kinds.has('PathwayTest')).map(([file]) => file));
}

async function simulateWith(options: SimulateOptions, pool: WorkerPool | undefined): Promise<Simulation> {
  const { workspace, scenarioId } = options.checked ? { workspace: options.checked, scenarioId: options.scenario } : await checkedScenario(options.scenario, options.cwd ?? process.cwd());
  const model = await compileModel(workspace, scenarioId, options, (file) => fs.readFile(file));
  // Few iterations (one block) are not worth the threads.
  const usePool = pool && model.iterations > CHUNK_SIZE ? pool : undefined;
  const runOptions = { ...options, pool: usePool, workers: usePool ? usePool.size : 1 };
  if (options.draws || options.keepRecords) {
    const { output, summaries, ensemble } = await runModel(model, runOptions);
    const results = buildResults(model, summaries, options.version);
    return { model, results, ...(options.draws ? { draws: drawsCsv(model, output, ensemble) } : {}), ...(options.keepRecords ? { run: { output, ensemble } } : {}) };
  }
  const { summaries } = await runWithPool(model, runOptions);
  return { model, results: buildResults(model, summaries, options.version) };
}
