/** Worker thread: receives the model once, then chunks of iterations to simulate. */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateChunk } from './chunk.js';
import type { Model } from './model.js';
import { ParameterError } from './parameters.js';

const model = workerData as Model;

parentPort!.on('message', (message: { chunk: number; start: number; count: number }) => {
  try {
    const result = simulateChunk(model, message.chunk, message.start, message.count);
    const transfer = [...result.records.map((r) => r.buffer), result.thetas.buffer, ...result.overlays.map((o) => o.buffer)] as ArrayBuffer[];
    parentPort!.postMessage({ ok: true, result }, transfer);
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({
      ok: false,
      error: { name: e.name, message: e.message, place: (e as ParameterError).place, iteration: (e as ParameterError).iteration, hint: (e as ParameterError).hint },
    });
  }
});
