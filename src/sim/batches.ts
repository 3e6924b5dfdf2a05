/**
 * A run in batches of territories (docs/simulation.md, "Territories in batches"): each batch is
 * simulated (every iteration, in blocks of CHUNK_SIZE iterations, inline or on worker threads),
 * summarised, handed to the caller, and dropped; only the running sums of the records and of the
 * node and edge totals cross batches, and the `ensemble` is summarised from them at the end. Peak
 * memory depends on the iterations and on one batch, not on the number of territories; the output
 * is the same for any batch size and any number of threads.
 */
import { simulateChunk } from './chunk.js';
import { type DecisionSummary, territoryDecisions } from '../econ/decision-results.js';
import { layoutOf, type Layout } from './engine.js';
import { addBatchRecords, ensembleModel, territoryBatch } from './ensemble.js';
import type { Model } from './model.js';
import { CHUNK_SIZE, outputFromShared, type RunOptions, type RunOutput, type SharedBuffers, type WorkerPool } from './runner.js';
import { type OverlayEntry, overlayEntries, type Summaries, type SummaryBlock, type SummaryEntry, type SummarySelection, SummaryRunner, summaryTaskCount, territoryBlocks } from './summarize.js';

/** Territories simulated and summarised together: small batches keep a territory's records in the processor's caches. */
export const TERRITORIES_PER_BATCH = 4;
const SUMMARY_TASKS_PER_MESSAGE = 16;

/** One batch, summarised: its `output` (records and θ) is only valid until the callback returns. */
export interface TerritoryBatchResult {
  /** The model restricted to the batch's territories. */
  model: Model;
  /** Index of the batch's first territory in the scenario. */
  first: number;
  output: RunOutput;
  blocks: SummaryBlock[];
  overlay: OverlayEntry[];
  decisions: DecisionSummary[];
}

export interface BatchOptions extends RunOptions {
  /** Territories per batch (default TERRITORIES_PER_BATCH); the scenario's count keeps all records in one output. */
  territoriesPerBatch?: number;
  /**
   * Receives each batch in territory order. When given, the batches' blocks and overlay are not
   * kept in the summaries returned (only the ensemble's): the caller writes them as they come.
   */
  onBatch?: (batch: TerritoryBatchResult) => void | Promise<void>;
  /** Keep the batches' blocks and overlay in the summaries even with `onBatch`. */
  keepBatches?: boolean;
  /** Compute only these summaries (src/sim/summarize.ts, SummarySelection), on this thread. */
  only?: SummarySelection;
}

/** The sum over territories as a model of one territory (`ensemble`) and its records. */
export interface EnsembleRun {
  model: Model;
  output: RunOutput;
}

/** Runs the model territory batch after territory batch; the pool, when given, is the caller's. */
export async function runInBatches(model: Model, options: BatchOptions & { pool?: WorkerPool }): Promise<{ summaries: Summaries; ensemble: EnsembleRun }> {
  return new BatchedRun(model, options).run();
}

class BatchedRun {
  private readonly layout: Layout;
  private readonly size: number;
  private readonly batchShared: SharedBuffers;
  private readonly ensembleShared: SharedBuffers;
  private readonly ensemble: EnsembleRun;
  private readonly totals: [Float64Array, Float64Array];
  /** Node and edge totals summed over territories, per arm. */
  private readonly overlayTotals: [Float64Array, Float64Array];
  private readonly kept: { blocks: SummaryBlock[]; overlay: OverlayEntry[] } = { blocks: [], overlay: [] };
  private readonly decisions: DecisionSummary[] = [];
  private territoriesDone = 0;

  constructor(
    private readonly model: Model,
    private readonly options: BatchOptions & { pool?: WorkerPool },
  ) {
    const T = model.territories.length;
    const N = model.iterations;
    this.layout = layoutOf(model);
    this.size = Math.max(1, Math.min(T, options.territoriesPerBatch ?? TERRITORIES_PER_BATCH));
    const thetas = new SharedArrayBuffer(model.parameters.specs.length * N * Float64Array.BYTES_PER_ELEMENT);
    const recordBytes = this.layout.size * N;
    this.batchShared = { thetas, records: Array.from({ length: this.size * 2 }, () => new SharedArrayBuffer(recordBytes * Float32Array.BYTES_PER_ELEMENT)) };
    this.ensembleShared = { thetas, float64: true, records: [0, 1].map(() => new SharedArrayBuffer(recordBytes * Float64Array.BYTES_PER_ELEMENT)) };
    const ensemble = ensembleModel(model);
    this.ensemble = { model: ensemble, output: outputFromShared(ensemble, this.ensembleShared) };
    this.totals = [this.ensemble.output.records[0] as Float64Array, this.ensemble.output.records[1] as Float64Array];
    this.overlayTotals = [new Float64Array(this.layout.overlaySize), new Float64Array(this.layout.overlaySize)];
  }

  async run(): Promise<{ summaries: Summaries; ensemble: EnsembleRun }> {
    const { model, size } = this;
    this.options.onProgress?.(0, model.territories.length * model.iterations, 'simulating');
    for (let first = 0; first < model.territories.length; first += size) {
      const count = Math.min(size, model.territories.length - first);
      await this.batch(first, count);
    }
    return { summaries: await this.ensembleSummaries(), ensemble: this.ensemble };
  }

  /** Simulates, summarises and hands over territories [first, first + count), then adds them to the sums. */
  private async batch(first: number, count: number): Promise<void> {
    const model = territoryBatch(this.model, first, count);
    const output = outputFromShared(model, this.batchShared);
    // θ is drawn by the first batch and read by the others (the same values: see RecordTarget).
    output.thetasReady = first > 0;
    // Stryker disable next-line all: worker threads, which load the built dist/ (src/sim/runner.ts).
    this.pool?.broadcast({ type: 'batch', first, count, ensemble: false, thetasReady: first > 0, shared: this.batchShared });
    const overlays = await this.simulate(model, output);
    const entries = await this.summarise(model, output, false);
    addBatchRecords(this.totals, output.records, count);
    overlays.forEach((sums, pair) => addInto(this.overlayTotals[pair % 2]!, sums));
    const result: TerritoryBatchResult = { model, first, output, blocks: territoryBlocks(model, entries), overlay: overlayEntries(model, this.layout, overlays), decisions: territoryDecisions(model, output) };
    this.decisions.push(...result.decisions);
    if (this.options.onBatch) await this.options.onBatch(result);
    if (!this.options.onBatch || this.options.keepBatches) {
      this.kept.blocks.push(...result.blocks);
      this.kept.overlay.push(...result.overlay);
    }
    this.territoriesDone += count;
  }

  private get pool(): WorkerPool | undefined {
    return this.options.pool;
  }

  /** Every iteration of the batch, block by block; returns its node and edge totals per (territory, arm), added in block order. */
  private async simulate(model: Model, output: RunOutput): Promise<Float64Array[]> {
    const N = model.iterations;
    const T = model.territories.length;
    const totals = Array.from({ length: T * 2 }, () => new Float64Array(this.layout.overlaySize));
    const byBlock: Float64Array[][] = [];
    const blocks: { id: number; type: 'chunk'; start: number; count: number }[] = [];
    for (let start = 0, id = 0; start < N; start += CHUNK_SIZE, id++) blocks.push({ id, type: 'chunk', start, count: Math.min(CHUNK_SIZE, N - start) });
    let done = 0;
    const progress = (iterations: number) => this.options.onProgress?.(this.territoriesDone * N + (done += iterations) * T, this.model.territories.length * N, 'simulating');
    if (this.pool) {
      await this.pool.run<(typeof blocks)[number], { overlays: Float64Array[] }>(blocks, (job, answer) => {
        byBlock[job.id] = answer.overlays;
        progress(job.count);
      });
    } else {
      for (const block of blocks) {
        byBlock[block.id] = simulateChunk(model, block.start, block.count, output);
        progress(block.count);
        // Let the event loop breathe so that progress reaches the terminal.
        if (block.id % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const overlays of byBlock) overlays.forEach((sums, pair) => addInto(totals[pair]!, sums));
    return totals;
  }

  /** The summary entries of a model's territories, in task order (the same for any number of threads). */
  private async summarise(model: Model, output: RunOutput, ensemble: boolean): Promise<SummaryEntry[]> {
    const taskCount = summaryTaskCount(model, output);
    const ranges: { id: number; type: 'summary'; from: number; to: number }[] = [];
    for (let from = 0, id = 0; from < taskCount; from += SUMMARY_TASKS_PER_MESSAGE, id++) ranges.push({ id, type: 'summary', from, to: Math.min(taskCount, from + SUMMARY_TASKS_PER_MESSAGE) });
    const byRange: SummaryEntry[][] = new Array(ranges.length);
    let summarised = 0;
    if (ensemble) this.options.onProgress?.(0, ranges.length, 'summarising');
    const progress = () => (ensemble ? this.options.onProgress?.(++summarised, ranges.length, 'summarising') : undefined);
    // A selection is for runs that read a few values: summarised here, without the threads.
    if (this.pool && !this.options.only) {
      await this.pool.run<(typeof ranges)[number], { entries: SummaryEntry[] }>(ranges, (job, answer) => {
        byRange[job.id] = answer.entries;
        progress();
      });
    } else {
      const runner = new SummaryRunner(model, output, this.options.only);
      for (const range of ranges) {
        byRange[range.id] = runner.range(range.from, range.to);
        progress();
      }
    }
    return byRange.flat();
  }

  /** The ensemble, summarised from the sums; with the batches' blocks and overlay when they were kept. */
  private async ensembleSummaries(): Promise<Summaries> {
    const { model, output } = this.ensemble;
    // Stryker disable next-line all: worker threads (see above).
    this.pool?.broadcast({ type: 'batch', first: 0, count: 0, ensemble: true, thetasReady: true, shared: this.ensembleShared });
    const entries = await this.summarise(model, output, true);
    const decision = territoryDecisions(model, output, true)[0]!;
    return {
      blocks: [...this.kept.blocks, ...territoryBlocks(model, entries)],
      decision: { outcome: model.economics.outcome, threshold: model.economics.threshold, summaries: [...this.decisions, decision] },
      overlay: [...this.kept.overlay, ...overlayEntries(model, this.layout, this.overlayTotals)],
    };
  }
}

function addInto(total: Float64Array, values: Float64Array): void {
  for (let k = 0; k < total.length; k++) total[k]! += values[k]!;
}
