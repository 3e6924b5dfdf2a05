/**
 * Runs a recorded invocation again (src/archive/invocation.ts) in a workspace, writing through the
 * very writers of the commands (src/sim/output-set.ts, src/analysis/output-set.ts) into `out`, a
 * folder of the verification's temporary workspace. The language is the recorded one while the run
 * writes (calibration.json and sweep.json hold sentences and titles in it), and is put back after.
 */
import { calibrate } from '../analysis/calibrate.js';
import { writeCalibrationSet, writeSweepSet } from '../analysis/output-set.js';
import { sweep } from '../analysis/sweep.js';
import { currentLanguage, type Lang, setLanguage } from '../i18n/language.js';
import { OutputSet } from '../io/output-set.js';
import { UsageError } from '../language/workspace.js';
import { ModelError } from '../sim/model-error.js';
import { simulateIntoSet } from '../sim/output-set.js';
import { ParameterError } from '../sim/parameters.js';
import { InvalidInputError } from '../sim/simulate.js';
import type { CalibrateRun, Invocation, SimulateRun, SweepRun } from './invocation.js';

export interface RerunOptions {
  /** The workspace root the inputs were unpacked into. */
  workspace: string;
  /** The folder to write the outputs into (it must not exist). */
  out: string;
  /** Where the draws file of `simulate --draws` goes. */
  drawsFile: string;
  version: string;
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

/** A run refused because of its input (lint errors, an invalid parameter): what it said. */
export class RefusedRun extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RefusedRun';
  }
}

function refusal(error: unknown): string | undefined {
  if (error instanceof InvalidInputError) {
    const first = error.diagnostics[0];
    return first ? `${error.message}: ${first.file}:${first.range.start.line}:${first.range.start.column}: ${first.message}` : error.message;
  }
  if (error instanceof ParameterError || error instanceof ModelError) {
    const place = error.place ? `${error.place.file}:${error.place.line}:${error.place.column}: ` : '';
    return `${place}${error.message}`;
  }
  if (error instanceof UsageError) return error.message;
  return undefined;
}

async function inLanguage<T>(lang: Lang, work: () => Promise<T>): Promise<T> {
  const before = currentLanguage();
  setLanguage(lang);
  try {
    return await work();
  } finally {
    setLanguage(before);
  }
}

async function simulateAgain(run: SimulateRun, set: OutputSet, options: RerunOptions): Promise<void> {
  const o = run.options;
  await simulateIntoSet(set, {
    scenario: run.target,
    cwd: options.workspace,
    iterations: o.iterations,
    seed: o.seed,
    mode: o.mode,
    horizon: o.horizon,
    workers: options.workers,
    version: options.version,
    delimiter: o.csvDelimiter,
    report: o.report,
    lang: o.lang,
    ...(o.draws ? { draws: options.drawsFile } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

async function calibrateAgain(run: CalibrateRun, set: OutputSet, options: RerunOptions): Promise<void> {
  const calibration = await calibrate({ calibration: run.target, cwd: options.workspace, draws: run.options.draws, seed: run.options.seed, workers: options.workers, version: options.version });
  await writeCalibrationSet(set, calibration, { lang: run.options.lang, workers: options.workers });
}

async function sweepAgain(run: SweepRun, set: OutputSet, options: RerunOptions): Promise<void> {
  const o = run.options;
  const result = await sweep({
    scenario: run.target,
    cwd: options.workspace,
    version: options.version,
    vary: o.vary,
    ...(o.outcomes ? { outcomes: o.outcomes } : {}),
    ...(o.territory !== undefined ? { territory: o.territory } : {}),
    ...(o.targets ? { targets: o.targets } : {}),
    iterations: o.iterations,
    seed: o.seed,
    mode: o.mode,
    workers: options.workers,
  });
  await writeSweepSet(set, result, { vary: o.vary, outcomes: o.outcomes, territory: o.territory, targets: o.targets, lang: o.lang, workers: options.workers });
}

/** Makes the outputs of `run` again into `options.out`; a refused input throws RefusedRun. */
export async function rerun(run: Invocation, options: RerunOptions): Promise<void> {
  const set = await OutputSet.prepare(options.out, { command: run.command, names: [] });
  try {
    await inLanguage(run.options.lang, async () => {
      if (run.command === 'simulate') await simulateAgain(run, set, options);
      else if (run.command === 'calibrate') await calibrateAgain(run, set, options);
      else await sweepAgain(run, set, options);
    });
  } catch (error) {
    const reason = refusal(error);
    if (reason !== undefined) throw new RefusedRun(reason);
    throw error;
  } finally {
    await set.discard();
  }
}

