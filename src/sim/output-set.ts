/**
 * The output set of `simulate --out DIR` (docs/simulation.md, "Outputs"): summary.csv written
 * territory batch by territory batch, summary.parquet, results.json, with `report` the HTML report,
 * and with `draws` the per-iteration file beside it; `.logi-output.json` records the invocation
 * (src/archive/invocation.ts). `logi simulate` and `logi verify` both write through here, so that
 * a verification makes its files exactly as the run did.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { currentPlatform, type SimulateRun } from '../archive/invocation.js';
import type { Lang } from '../i18n/language.js';
import { stageFile, type StagedFile } from '../io/atomic.js';
import type { OutputSet } from '../io/output-set.js';
import { SummaryFiles } from '../results/summary-files.js';
import { serializeResults, type Results } from './results.js';
import { clampWorkers } from './runner.js';
import { simulate, type SimulateOptions } from './simulate.js';

/** What `simulate --out` writes; an older logi wrote them without a manifest (io/output-set.ts). */
export const SIMULATION_SET_FILES = ['results.json', 'summary.csv', 'summary.parquet', 'report.html'];

export interface SimulationSetOptions extends Omit<SimulateOptions, 'draws' | 'onBatch'> {
  delimiter: ',' | ';';
  /** Also write report.html, in `lang`. */
  report: boolean;
  lang: Lang;
  /** Also write the per-iteration draws to this file (outside the set; docs/economics.md). */
  draws?: string;
  onReportProgress?: (done: number, total: number) => void;
}

/** Runs the simulation into `set` and commits it; returns the results and the files' final paths. */
export async function simulateIntoSet(set: OutputSet, options: SimulationSetOptions): Promise<{ results: Results; files: string[] }> {
  const summaryFiles = await SummaryFiles.open(set, { delimiter: options.delimiter });
  const simulation = await simulate({ ...options, draws: options.draws !== undefined, onBatch: (batch) => summaryFiles.addBatch(batch) });
  const { files, results } = await summaryFiles.finish(simulation.results);
  files.unshift(await set.write('results.json', serializeResults(results)));
  if (options.report) files.push(await set.write('report.html', await reportHtml(set, results, options)));
  const staged = options.draws !== undefined && simulation.draws ? await stageHashed(options.draws, simulation.draws) : undefined;
  const invocation: SimulateRun = {
    command: 'simulate',
    target: results.manifest.scenario,
    options: {
      iterations: results.manifest.iterations,
      seed: results.manifest.seed,
      mode: results.manifest.mode,
      horizon: results.manifest.horizon,
      csvDelimiter: options.delimiter,
      // A flag not given is undefined: recorded as false, which the invocation's schema requires.
      report: options.report === true,
      lang: options.lang,
      ...(staged ? { draws: { file: relativeTo(set.finalPath('.'), options.draws!), sha256: staged.sha256 } } : {}),
    },
    platform: currentPlatform(clampWorkers(options.workers ?? 1)),
  };
  try {
    // The draws file takes its place in the same uninterruptible section as the set.
    await set.commit(staged ? () => staged.file.commit() : undefined, invocation);
  } catch (error) {
    await staged?.file.discard();
    throw error;
  }
  if (staged) files.push(options.draws!);
  return { results, files };
}

async function reportHtml(set: OutputSet, results: Results, options: SimulationSetOptions): Promise<string> {
  // Loaded only here: vega and vega-lite would add to the start-up of every simulation.
  const { reportedMeasures, reportHtmlOf } = await import('../report/write.js');
  const { withTerritorySummaries } = await import('../results/read.js');
  // The report reads the territories' summaries back from the set, as `logi report` would.
  const whole = await withTerritorySummaries(results, path.dirname(await set.stagedPath('results.json')), reportedMeasures(results));
  return reportHtmlOf(whole, { lang: options.lang, ...(options.onReportProgress ? { onProgress: options.onReportProgress } : {}) });
}

/** Stages `lines` as `file`, hashing them as they are written (the hash is the file's: UTF-8). */
async function stageHashed(file: string, lines: Iterable<string>): Promise<{ file: StagedFile; sha256: string }> {
  const hash = createHash('sha256');
  function* hashed(): Iterable<string> {
    for (const line of lines) {
      hash.update(line, 'utf8');
      yield line;
    }
  }
  const staged = await stageFile(file, hashed());
  return { file: staged, sha256: hash.digest('hex') };
}

function relativeTo(folder: string, file: string): string {
  return path.relative(path.resolve(folder), path.resolve(file)).split(path.sep).join('/');
}
