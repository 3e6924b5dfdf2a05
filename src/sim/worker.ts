/**
 * Worker thread: receives the model, the shared record buffers and the command's language once,
 * then either blocks of iterations to simulate (written straight into shared memory) or ranges of
 * summary tasks. An error is sent back as its message, already in the command's language: a
 * thread has its own copy of the modules, so the language is set here too (src/i18n/language.ts).
 */
// Stryker disable all: runs only in worker threads, which load the built dist/ (see src/sim/runner.ts).
import { parentPort } from 'node:worker_threads';
import { type Lang, setLanguage } from '../i18n/language.js';
import { simulateChunk } from './chunk.js';
import type { Model } from './model.js';
import { computeSummaryTasks } from './summarize.js';
import { outputFromShared, type SharedBuffers, workerErrorOf } from './runner.js';

// The model arrives in an `init` message, so that the thread can start (and load its modules)
// while the main thread is still reading and checking the workspace.
let model: Model;
let output: ReturnType<typeof outputFromShared>;

type Message =
  | { type: 'init'; model: Model; shared: SharedBuffers; lang: Lang }
  | { type: 'chunk'; id: number; start: number; count: number }
  | { type: 'summary'; id: number; from: number; to: number };

parentPort!.on('message', (message: Message) => {
  if (message.type === 'init') {
    setLanguage(message.lang);
    model = message.model;
    output = outputFromShared(model, message.shared);
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
