/**
 * Runs all iterations and their summaries, inline or on worker threads. Iterations are cut into
 * fixed blocks that do not depend on the number of workers, every block's random streams derive
 * from its iterations only, records go to shared memory at fixed places, and results are merged
 * in block order: the output is byte-identical for any number of workers.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type BatchOptions, type EnsembleRun, runInBatches, TERRITORIES_PER_BATCH, type TerritoryBatchResult } from './batches.js';
import { layoutOf, type Layout } from './engine.js';
import type { Model } from './model.js';
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatGigabytes, formatKilobytes } from '../i18n/numbers.js';
import { UsageError } from '../language/workspace.js';
import { ParameterError } from './parameters.js';
import type { Summaries } from './summarize.js';

export const CHUNK_SIZE = 50;

/** Records of territories are single precision; the running sums over territories (src/sim/ensemble.ts) double. */
export type RecordArray = Float32Array | Float64Array;

export interface RunOutput {
  layout: Layout;
  /** Per territory t: [2t] the baseline, [2t + 1] the difference program − baseline; each [measure][iteration] (chunk.ts). */
  records: RecordArray[];
  /** [iteration][parameter]. */
  thetas: Float64Array;
  /** Per (territory × 2 + arm, 0 baseline and 1 program): node and edge totals summed over all iterations. */
  overlays: Float64Array[];
  /** θ was drawn by an earlier batch of the same run (chunk.ts, RecordTarget). */
  thetasReady?: boolean;
}

export interface SharedBuffers {
  records: SharedArrayBuffer[];
  thetas: SharedArrayBuffer;
  /** The records are float64 (the sums over territories), not float32. */
  float64?: boolean;
}

export interface RunOptions {
  workers?: number;
  /** Bytes the run may take (`--max-memory`); by default what the machine has available (availableMemory). */
  memoryLimit?: number;
  /** A pool started earlier by the caller, who closes it; otherwise one is started and closed here. */
  pool?: WorkerPool;
  onProgress?: (done: number, total: number, phase: Phase) => void;
}

/** The two phases of a run, as `onProgress` names them. */
export type Phase = 'simulating' | 'summarising';

/** The label of a phase for a progress bar, in the current language. */
export function phaseLabel(phase: Phase): string {
  return t(phase === 'simulating' ? 'sim.progress.simulating' : 'sim.progress.summarising');
}

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * What a worker thread adds: 256 workers took 2.3 GB in issue 12's measurement, about 9 MB each
 * at a small run; 24 MB leaves room for the model and the summary arrays each one holds.
 */
export const WORKER_BYTES = 24 * 2 ** 20;
/** The main thread before any record: 164 MB measured at 200 iterations of the bundled diabetes scenario, rounded up. */
export const BASE_BYTES = 176 * 2 ** 20;
/**
 * Records and draws are not all: the summaries' temporary float64 arrays and the garbage
 * collector's slack come on top. Measured peaks (docs/performance.md, "Memory"): 39.4 KB per
 * iteration on the bundled diabetes scenario against 32.2 KB of records and draws (+22 %), and on
 * the small test model about 2.3 KB against 1.5 KB (+50 %, the summaries weigh more there): a
 * factor 1.5, plus SUMMARY_COPIES float64 values per iteration.
 */
export const SUMMARY_SLACK = 1.5;
export const SUMMARY_COPIES = 32;

/**
 * The memory a run will take, before it allocates anything: per iteration, the records of one
 * batch of territories (`perBatch` territories × arms × layout.size float32 values), the running
 * sums of the records over territories (arms × layout.size float64), and the parameter draws θ
 * (float64), times SUMMARY_SLACK, plus SUMMARY_COPIES float64 values; plus BASE_BYTES and
 * WORKER_BYTES per worker. It does not grow with the number of territories (src/sim/batches.ts).
 */
export function estimateRunMemory(model: Model, workers: number, perBatch = model.territories.length): { bytes: number; perIteration: number; fixed: number } {
  const layout = layoutOf(model);
  const batch = Math.max(1, Math.min(perBatch, model.territories.length));
  const records = batch * model.arms.length * layout.size * Float32Array.BYTES_PER_ELEMENT + model.arms.length * layout.size * Float64Array.BYTES_PER_ELEMENT;
  const perIteration = Math.ceil((records + model.parameters.specs.length * Float64Array.BYTES_PER_ELEMENT) * SUMMARY_SLACK) + SUMMARY_COPIES * Float64Array.BYTES_PER_ELEMENT;
  const fixed = BASE_BYTES + (workers > 1 ? workers * WORKER_BYTES : 0);
  return { bytes: fixed + perIteration * model.iterations, perIteration, fixed };
}

/**
 * What this process may take: the memory the system reports available, within the process's
 * cgroup limit when it has one (process.constrainedMemory, Node ≥ 19.6) and V8's heap limit does
 * not bind here, since records live in SharedArrayBuffers outside the heap.
 */
export function availableMemory(): number {
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  const free = os.freemem();
  return constrained && constrained > 0 ? Math.min(free, constrained - process.memoryUsage.rss()) : free;
}

/** Where a memory limit comes from: `--max-memory`, or what the machine has available. */
export type MemoryLimitSource = 'max-memory' | 'available';

/** Refuses a run that would not fit, before anything is allocated, with the figure and what would fit. */
export function checkMemory(model: Model, workers: number, limit: number, source: MemoryLimitSource, perBatch?: number): void {
  const need = estimateRunMemory(model, workers, perBatch);
  if (need.bytes <= limit) return;
  const fits = Math.floor((limit - need.fixed) / need.perIteration);
  const lang = currentLanguage();
  const sizes = {
    need: formatGigabytes(need.bytes, lang),
    iterations: model.iterations,
    perIteration: formatKilobytes(need.perIteration, lang),
    fixed: formatGigabytes(need.fixed, lang),
    limit: formatGigabytes(limit, lang),
  };
  throw new UsageError(
    t(source === 'max-memory' ? 'sim.memory.over-max-memory' : 'sim.memory.over-available', sizes),
    fits >= 1 ? t('sim.memory.fewer-iterations', { fits }) : t('sim.memory.nothing-fits'),
  );
}

/** More threads than cores only add memory (issue 12 #8: -w 256 took 2.3 GB): at most one per core. */
export function clampWorkers(requested: number): number {
  return Math.max(1, Math.min(requested, defaultWorkers()));
}

export function outputFromShared(model: Model, shared: SharedBuffers): RunOutput {
  const layout = layoutOf(model);
  return {
    layout,
    records: shared.records.map((buffer) => (shared.float64 ? new Float64Array(buffer) : new Float32Array(buffer))),
    thetas: new Float64Array(shared.thetas),
    overlays: shared.records.map(() => new Float64Array(layout.overlaySize)),
  };
}

// Stryker disable all: this code runs only with worker threads, which load the built dist/ (a
// mutant of src/ never reaches them); the CLI tests check it (byte-identical results with 1 and 2
// workers, the earliest error reported), out of Stryker's sight. See docs/quality.md.
interface WorkerError {
  name: string;
  message: string;
  place?: ParameterError['place'];
  iteration?: number;
  hint?: string;
}

/** What a worker thread sends back for an error: its message (already in the command's language), and a ParameterError's place. */
export function workerErrorOf(error: unknown): WorkerError {
  const e = error as Error & Partial<Pick<ParameterError, 'place' | 'iteration' | 'hint'>>;
  return { name: e.name, message: e.message, place: e.place, iteration: e.iteration, hint: e.hint };
}

function toError(e: WorkerError): Error {
  return e.name === 'ParameterError' && e.place ? new ParameterError(e.message, e.place, e.iteration, e.hint) : new Error(e.message);
}

/**
 * A fixed set of worker threads fed from a queue of jobs; answers are kept by job id. Start it
 * early (threads load their modules meanwhile), `init` it with the model, close it when done.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** `script`: the thread's module (the simulation's by default; calibration has its own). */
  constructor(count: number, script: URL = new URL('./worker.js', import.meta.url)) {
    for (let w = 0; w < count; w++) this.workers.push(new Worker(script));
  }

  /** Sends the same message to every thread (the data a kind of job needs, once). */
  broadcast(message: unknown): void {
    for (const worker of this.workers) worker.postMessage(message);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Hands the model to every thread, with the language their messages are written in (the command's). */
  init(model: Model, shared?: SharedBuffers): void {
    for (const worker of this.workers) worker.postMessage({ type: 'init', model, shared, lang: currentLanguage() });
  }

  /**
   * Runs the jobs (in id order, as threads become free). When a job fails, the jobs after it are
   * not started, the ones before it still run, and the error of the earliest failing job is the one
   * reported: the same error whatever the number of threads.
   */
  async run<J extends { id: number }, R>(jobs: J[], onAnswer: (job: J, answer: R) => void): Promise<void> {
    if (jobs.length === 0) return;
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let inFlight = 0;
      let crashed: Error | undefined;
      let earliest: { id: number; error: Error } | undefined;
      const cleanups: (() => void)[] = [];
      const settle = () => {
        if (inFlight > 0) return;
        for (const cleanup of cleanups) cleanup();
        if (crashed) reject(crashed);
        else if (earliest) reject(earliest.error);
        else resolve();
      };
      const byId = new Map(jobs.map((job) => [job.id, job]));
      for (const worker of this.workers) {
        const feed = () => {
          const job = jobs[next];
          if (!job || crashed || (earliest && job.id > earliest.id)) return;
          next += 1;
          inFlight += 1;
          worker.postMessage(job);
        };
        const onMessage = (message: { ok: boolean; id: number; error?: WorkerError } & R) => {
          inFlight -= 1;
          if (!message.ok) {
            if (!earliest || message.id < earliest.id) earliest = { id: message.id, error: toError(message.error!) };
          } else if (!crashed) onAnswer(byId.get(message.id)!, message);
          feed();
          settle();
        };
        const onError = (error: Error) => {
          // A thread that dies cannot answer: stop waiting for it.
          crashed ??= error;
          inFlight = 0;
          settle();
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
        });
        feed();
      }
      settle();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
// Stryker restore all

/**
 * Runs every iteration and summarises them, keeping every territory's records in `output` (one
 * batch: src/sim/batches.ts) and every block in the summaries. `logi simulate` runs in smaller
 * batches and writes each one as it comes (runInBatches).
 */
export async function runModel(model: Model, options: RunOptions & Pick<BatchOptions, 'onBatch'> = {}): Promise<{ output: RunOutput; summaries: Summaries; ensemble: EnsembleRun }> {
  const T = model.territories.length;
  let output: RunOutput | undefined;
  const onBatch = (batch: TerritoryBatchResult) => {
    output = batch.output;
    return options.onBatch?.(batch);
  };
  const { summaries, ensemble } = await runWithPool(model, { ...options, territoriesPerBatch: T, onBatch, keepBatches: !options.onBatch });
  return { output: output!, summaries, ensemble };
}

/**
 * Checks the memory the run needs, starts threads if it is worth it (or takes the caller's pool),
 * and runs the batches (src/sim/batches.ts).
 */
export async function runWithPool(model: Model, options: BatchOptions): Promise<{ summaries: Summaries; ensemble: EnsembleRun }> {
  const N = model.iterations;
  const workerCount = options.pool ? options.pool.size : Math.max(1, Math.min(options.workers ?? defaultWorkers(), Math.ceil(N / CHUNK_SIZE)));
  const perBatch = Math.max(1, Math.min(model.territories.length, options.territoriesPerBatch ?? TERRITORIES_PER_BATCH));
  if (options.memoryLimit !== undefined) checkMemory(model, workerCount, options.memoryLimit, 'max-memory', perBatch);
  else checkMemory(model, workerCount, availableMemory(), 'available', perBatch);
  // Stryker disable next-line all: worker threads (see WorkerError above).
  const pool = options.pool ?? (workerCount > 1 ? new WorkerPool(workerCount) : undefined);
  try {
    pool?.init(model);
    return await runInBatches(model, { ...options, pool });
  } finally {
    if (!options.pool) await pool?.close();
  }
}
