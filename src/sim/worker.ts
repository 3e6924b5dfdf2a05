/**
 * Worker thread: receives the model and the command's language once, then for each batch of
 * territories (src/sim/batches.ts) the shared buffers of its records, then blocks of iterations to
 * simulate (written straight into shared memory) or ranges of summary tasks. An error is sent back
 * as its message, already in the command's language: a thread has its own copy of the modules, so
 * the language is set here too (src/i18n/language.ts).
 */
// Stryker disable all: runs only in worker threads, which load the built dist/ (see src/sim/runner.ts).
import { parentPort } from 'node:worker_threads';
import { type Lang, setLanguage } from '../i18n/language.js';
import { simulateChunk } from './chunk.js';
import { ensembleModel, territoryBatch } from './ensemble.js';
import type { Model } from './model.js';
import { computeSummaryTasks } from './summarize.js';
import { outputFromShared, type SharedBuffers, workerErrorOf } from './runner.js';

// The model arrives in an `init` message, so that the thread can start (and load its modules)
// while the main thread is still reading and checking the workspace.
let scenario: Model;
let ensemble: Model | undefined;
let model: Model;
let output: ReturnType<typeof outputFromShared>;

type Message =
  | { type: 'init'; model: Model; lang: Lang }
  | { type: 'batch'; first: number; count: number; ensemble: boolean; thetasReady: boolean; shared: SharedBuffers }
  | { type: 'chunk'; id: number; start: number; count: number }
  | { type: 'summary'; id: number; from: number; to: number };

parentPort!.on('message', (message: Message) => {
  if (message.type === 'init') {
    setLanguage(message.lang);
    scenario = message.model;
    ensemble = undefined;
    return;
  }
  if (message.type === 'batch') {
    model = message.ensemble ? (ensemble ??= ensembleModel(scenario)) : territoryBatch(scenario, message.first, message.count);
    output = outputFromShared(model, message.shared);
    output.thetasReady = message.thetasReady;
    return;
  }
  try {
    if (message.type === 'chunk') {
      const overlays = simulateChunk(model, message.start, message.count, output);
      parentPort!.postMessage({ ok: true, id: message.id, overlays }, overlays.map((o) => o.buffer as ArrayBuffer));
    } else {
      parentPort!.postMessage({ ok: true, id: message.id, entries: computeSummaryTasks(model, output, message.from, message.to) });
    }
  } catch (error) {
    parentPort!.postMessage({ ok: false, id: message.id, error: workerErrorOf(error) });
  }
});
