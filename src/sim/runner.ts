/**
 * Runs all iterations and their summaries, inline or on worker threads. Iterations are cut into
 * fixed blocks that do not depend on the number of workers, every block's random streams derive
 * from its iterations only, records go to shared memory at fixed places, and results are merged
 * in block order: the output is byte-identical for any number of workers.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { simulateChunk } from './chunk.js';
import { layoutOf, type Layout } from './engine.js';
import type { Model } from './model.js';
import { ParameterError } from './parameters.js';
import { assembleSummaries, computeSummaryTasks, type Summaries, type SummaryEntry, summaryTaskCount } from './summarize.js';

export const CHUNK_SIZE = 50;
const SUMMARY_TASKS_PER_MESSAGE = 16;

export interface RunOutput {
  layout: Layout;
  /** Per territory t: [2t] the baseline, [2t + 1] the difference program − baseline; each [measure][iteration] (chunk.ts). */
  records: Float32Array[];
  /** [iteration][parameter]. */
  thetas: Float64Array;
  /** Per (territory × 2 + arm, 0 baseline and 1 program): node and edge totals summed over all iterations. */
  overlays: Float64Array[];
}

export interface SharedBuffers {
  records: SharedArrayBuffer[];
  thetas: SharedArrayBuffer;
}

export interface RunOptions {
  workers?: number;
  /** A pool started earlier by the caller, who closes it; otherwise one is started and closed here. */
  pool?: WorkerPool;
  onProgress?: (done: number, total: number, phase: 'simulating' | 'summarising') => void;
}

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

function allocateShared(model: Model): SharedBuffers {
  const layout = layoutOf(model);
  const pairs = model.territories.length * model.arms.length;
  return {
    records: Array.from({ length: pairs }, () => new SharedArrayBuffer(layout.size * model.iterations * Float32Array.BYTES_PER_ELEMENT)),
    thetas: new SharedArrayBuffer(model.parameters.specs.length * model.iterations * Float64Array.BYTES_PER_ELEMENT),
  };
}

export function outputFromShared(model: Model, shared: SharedBuffers): RunOutput {
  const layout = layoutOf(model);
  return {
    layout,
    records: shared.records.map((buffer) => new Float32Array(buffer)),
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

function toError(e: WorkerError): Error {
  return e.name === 'ParameterError' && e.place ? new ParameterError(e.message, e.place, e.iteration, e.hint) : new Error(e.message);
}

/**
 * A fixed set of worker threads fed from a queue of jobs; answers are kept by job id. Start it
 * early (threads load their modules meanwhile), `init` it with the model, close it when done.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  constructor(count: number) {
    const url = new URL('./worker.js', import.meta.url);
    for (let w = 0; w < count; w++) this.workers.push(new Worker(url));
  }

  get size(): number {
    return this.workers.length;
  }

  init(model: Model, shared: SharedBuffers): void {
    for (const worker of this.workers) worker.postMessage({ type: 'init', model, shared });
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

export async function runModel(model: Model, options: RunOptions = {}): Promise<{ output: RunOutput; summaries: Summaries }> {
  const N = model.iterations;
  const shared = allocateShared(model);
  const output = outputFromShared(model, shared);
  const blocks: { id: number; start: number; count: number }[] = [];
  for (let start = 0, id = 0; start < N; start += CHUNK_SIZE, id++) blocks.push({ id, start, count: Math.min(CHUNK_SIZE, N - start) });
  const overlaysByBlock: Float64Array[][] = new Array(blocks.length);
  const workers = options.pool ? options.pool.size : Math.max(1, Math.min(options.workers ?? defaultWorkers(), blocks.length));
  const taskCount = summaryTaskCount(model, output);
  const ranges: { id: number; from: number; to: number }[] = [];
  for (let from = 0, id = 0; from < taskCount; from += SUMMARY_TASKS_PER_MESSAGE, id++) ranges.push({ id, from, to: Math.min(taskCount, from + SUMMARY_TASKS_PER_MESSAGE) });
  const entriesByRange: SummaryEntry[][] = new Array(ranges.length);
  let done = 0;
  options.onProgress?.(0, N, 'simulating');

  if (workers === 1 && !options.pool) {
    for (const block of blocks) {
      overlaysByBlock[block.id] = simulateChunk(model, block.start, block.count, output);
      done += block.count;
      options.onProgress?.(done, N, 'simulating');
      // Let the event loop breathe so that progress reaches the terminal.
      if (block.id % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    mergeOverlays(output, overlaysByBlock);
    options.onProgress?.(0, ranges.length, 'summarising');
    for (const range of ranges) {
      entriesByRange[range.id] = computeSummaryTasks(model, output, range.from, range.to);
      options.onProgress?.(range.id + 1, ranges.length, 'summarising');
    }
  } else {
    // Stryker disable all: worker threads (see WorkerError above).
    const pool = options.pool ?? new WorkerPool(workers);
    pool.init(model, shared);
    try {
      await pool.run<{ id: number; type: 'chunk'; start: number; count: number }, { overlays: Float64Array[] }>(
        blocks.map((b) => ({ ...b, type: 'chunk' as const })),
        (job, answer) => {
          overlaysByBlock[job.id] = answer.overlays;
          done += job.count;
          options.onProgress?.(done, N, 'simulating');
        },
      );
      mergeOverlays(output, overlaysByBlock);
      let summarised = 0;
      options.onProgress?.(0, ranges.length, 'summarising');
      await pool.run<{ id: number; type: 'summary'; from: number; to: number }, { entries: SummaryEntry[] }>(
        ranges.map((r) => ({ ...r, type: 'summary' as const })),
        (job, answer) => {
          entriesByRange[job.id] = answer.entries;
          options.onProgress?.(++summarised, ranges.length, 'summarising');
        },
      );
    } finally {
      if (!options.pool) await pool.close();
    }
    // Stryker restore all
  }
  return { output, summaries: assembleSummaries(model, output, entriesByRange.flat()) };
}

/** Adds the blocks' node and edge totals in block order (the same order for any worker count). */
function mergeOverlays(output: RunOutput, overlaysByBlock: Float64Array[][]): void {
  for (const overlays of overlaysByBlock) {
    overlays.forEach((add, pair) => {
      const overlay = output.overlays[pair]!;
      for (let k = 0; k < overlay.length; k++) overlay[k]! += add[k]!;
    });
  }
}
