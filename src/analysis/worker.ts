/**
 * Calibration worker thread: receives the model and the compiled targets once, then blocks of
 * parameter sets to evaluate (the free parameters' values, set by set), and answers each block
 * with the targets' values (src/analysis/evaluate.ts). Errors go back as messages already in the
 * command's language, as in src/sim/worker.ts.
 */
// Stryker disable all: runs only in worker threads, which load the built dist/.
import { parentPort } from 'node:worker_threads';
import { type Lang, setLanguage } from '../i18n/language.js';
import type { Model } from '../sim/model.js';
import { workerErrorOf } from '../sim/runner.js';
import { type CompiledTarget, Evaluator } from './evaluate.js';
import { evaluateBlock } from './evaluate-block.js';

let evaluator: Evaluator;
let slots: number[];
let base: Float64Array;

type Message =
  | { type: 'calibration-init'; model: Model; targets: CompiledTarget[]; slots: number[]; base: Float64Array; lang: Lang }
  | { type: 'evaluate'; id: number; points: Float64Array };

parentPort!.on('message', (message: Message) => {
  if (message.type === 'calibration-init') {
    setLanguage(message.lang);
    evaluator = new Evaluator(message.model, message.targets);
    slots = message.slots;
    base = message.base;
    return;
  }
  try {
    const values = evaluateBlock(evaluator, base, slots, message.points);
    parentPort!.postMessage({ ok: true, id: message.id, values }, [values.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ ok: false, id: message.id, error: workerErrorOf(error) });
  }
});
