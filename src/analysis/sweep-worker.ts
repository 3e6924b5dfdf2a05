/**
 * Sweep worker thread (scenario-runs.ts, SweepRuns): receives each grid point's model, its record buffers and
 * the kept baselines, then blocks of iterations to simulate into them; answers each block when it
 * is written. Errors go back as messages already in the command's language, as in src/sim/worker.ts.
 */
// Stryker disable all: runs only in worker threads, which load the built dist/.
import { parentPort } from 'node:worker_threads';
import { type Lang, setLanguage } from '../i18n/language.js';
import type { Model } from '../sim/model.js';
import { outputFromShared, type SharedBuffers, workerErrorOf } from '../sim/runner.js';
import { simulateChunk } from '../sim/chunk.js';

let model: Model;
let output: ReturnType<typeof outputFromShared>;
let baselines: Float64Array[];

type Message =
  | { type: 'sweep-init'; model: Model; shared: SharedBuffers; baselines: SharedArrayBuffer[]; lang: Lang }
  | { type: 'sweep-chunk'; id: number; start: number; count: number; simulateBaseline: boolean };

parentPort!.on('message', (message: Message) => {
  if (message.type === 'sweep-init') {
    setLanguage(message.lang);
    model = message.model;
    output = outputFromShared(model, message.shared);
    baselines = message.baselines.map((buffer) => new Float64Array(buffer));
    return;
  }
  try {
    simulateChunk(model, message.start, message.count, output, { records: baselines, simulate: message.simulateBaseline });
    parentPort!.postMessage({ ok: true, id: message.id });
  } catch (error) {
    parentPort!.postMessage({ ok: false, id: message.id, error: workerErrorOf(error) });
  }
});
