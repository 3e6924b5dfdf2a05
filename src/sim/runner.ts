/**
 * Runs all iterations, inline or on worker threads. Iterations are cut into fixed chunks that do
 * not depend on the number of workers, and every chunk's random streams derive from its
 * iterations only, so results are byte-identical for any `workers`.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ChunkResult, simulateChunk } from './chunk.js';
import { layoutOf, type Layout } from './engine.js';
import type { Model } from './model.js';
import { ParameterError } from './parameters.js';

export const CHUNK_SIZE = 50;

export interface RunOutput {
  layout: Layout;
  /** Per (territory × arms + arm): [measure][iteration]. */
  records: Float32Array[];
  /** [iteration][parameter]. */
  thetas: Float64Array;
  /** Per (territory × arms + arm): node and edge totals summed over all iterations. */
  overlays: Float64Array[];
}

export interface RunOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export async function runModel(model: Model, options: RunOptions = {}): Promise<RunOutput> {
  const layout = layoutOf(model);
  const N = model.iterations;
  const P = model.parameters.specs.length;
  const pairs = model.territories.length * model.arms.length;
  const output: RunOutput = {
    layout,
    records: Array.from({ length: pairs }, () => new Float32Array(layout.size * N)),
    thetas: new Float64Array(P * N),
    overlays: Array.from({ length: pairs }, () => new Float64Array(layout.overlaySize)),
  };
  const chunks: { chunk: number; start: number; count: number }[] = [];
  for (let start = 0, chunk = 0; start < N; start += CHUNK_SIZE, chunk++) chunks.push({ chunk, start, count: Math.min(CHUNK_SIZE, N - start) });
  const results: (ChunkResult | undefined)[] = new Array(chunks.length);
  let done = 0;
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), chunks.length));
  options.onProgress?.(0, N);

  if (workers === 1) {
    for (const c of chunks) {
      results[c.chunk] = simulateChunk(model, c.chunk, c.start, c.count);
      done += c.count;
      options.onProgress?.(done, N);
      // Let the event loop breathe so that progress reaches the terminal.
      if (c.chunk % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    await new Promise<void>((resolve, reject) => {
      const url = new URL('./worker.js', import.meta.url);
      const pool: Worker[] = [];
      let nextChunk = 0;
      let failed = false;
      let finished = 0;
      const stopAll = () => {
        for (const w of pool) void w.terminate();
      };
      const feed = (worker: Worker) => {
        const c = chunks[nextChunk++];
        if (c) worker.postMessage(c);
      };
      for (let w = 0; w < workers; w++) {
        const worker = new Worker(url, { workerData: model });
        pool.push(worker);
        worker.on('message', (message: { ok: true; result: ChunkResult } | { ok: false; error: { name: string; message: string; place?: ParameterError['place']; iteration?: number; hint?: string } }) => {
          if (failed) return;
          if (!message.ok) {
            failed = true;
            stopAll();
            const e = message.error;
            reject(e.name === 'ParameterError' && e.place ? new ParameterError(e.message, e.place, e.iteration, e.hint) : new Error(e.message));
            return;
          }
          results[message.result.chunk] = message.result;
          done += message.result.count;
          finished += 1;
          options.onProgress?.(done, N);
          if (finished === chunks.length) {
            stopAll();
            resolve();
          } else feed(worker);
        });
        worker.on('error', (error) => {
          if (failed) return;
          failed = true;
          stopAll();
          reject(error);
        });
        feed(worker);
      }
    });
  }

  // Merge in chunk order: the same order whatever the number of workers.
  for (const result of results) {
    const r = result!;
    for (let pair = 0; pair < pairs; pair++) {
      const source = r.records[pair]!;
      const target = output.records[pair]!;
      for (let m = 0; m < layout.size; m++) target.set(source.subarray(m * r.count, (m + 1) * r.count), m * N + r.start);
      const overlay = output.overlays[pair]!;
      const add = r.overlays[pair]!;
      for (let k = 0; k < overlay.length; k++) overlay[k]! += add[k]!;
    }
    output.thetas.set(r.thetas, r.start * P);
  }
  return output;
}
