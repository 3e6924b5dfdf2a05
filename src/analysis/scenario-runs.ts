/**
 * Runs of a scenario for the analyses of docs/sensitivity.md: the scenario read and checked as
 * `logi simulate` reads it, its model with some parameters set to given values, and runs that
 * keep only the records and θ (src/sim/chunk.ts) — the outcomes are read from them
 * (decision-outcomes.ts), without the summaries of every measure that a simulation writes, which
 * take about a third of a run's time on the bundled diabetes scenario.
 */
import { currentLanguage } from '../i18n/language.js';
import type { Workspace } from '../language/workspace.js';
import { simulateChunk } from '../sim/chunk.js';
import { layoutOf } from '../sim/engine.js';
import type { Model } from '../sim/model.js';
import type { ParameterSpec } from '../sim/parameters.js';
import { availableMemory, CHUNK_SIZE, checkMemory, outputFromShared, type RunOutput, type SharedBuffers, WorkerPool } from '../sim/runner.js';
import { checkedScenario } from '../sim/simulate.js';
import { territoryIndex } from './decision-outcomes.js';

export interface LoadedScenario {
  workspace: Workspace;
  scenarioId: string;
}

/** The scenario, read and checked as `logi simulate` reads it (src/sim/simulate.ts). */
export async function loadScenario(scenario: string, cwd = process.cwd()): Promise<LoadedScenario> {
  return checkedScenario(scenario, cwd);
}

/** A parameter fixed at `value`: its place and constraint kept, its distribution gone. */
export function fixedSpec(spec: ParameterSpec, value: number): ParameterSpec {
  const { name, file, line, column, document, path: docPath, constraint } = spec;
  return { name, file, line, column, ...(document !== undefined ? { document } : {}), ...(docPath !== undefined ? { path: docPath } : {}), constraint, kind: 'fixed', central: value };
}

/**
 * The model with the parameters of `values` (θ slot → value) fixed at those values: in every
 * iteration θ holds them, as if the YAML wrote the number (a ParameterSet entry does the same). A
 * fixed parameter draws nothing from the parameter stream, so when one replaces a distribution,
 * the parameters drawn after it in the stream take other numbers than in the unchanged model — the
 * same ones for any value it is fixed at. A calibration's posterior sample no longer sets them.
 */
export function withFixedValues(model: Model, values: ReadonlyMap<number, number>): Model {
  const specs = model.parameters.specs.map((spec, slot) => (values.has(slot) ? fixedSpec(spec, values.get(slot)!) : spec));
  return { ...model, parameters: { ...model.parameters, specs }, posterior: withoutSlots(model.posterior, values) };
}

/** A posterior sample without the columns of the given slots (their values are set by the analysis). */
export function withoutSlots(posterior: Model['posterior'], values: ReadonlyMap<number, number>): Model['posterior'] {
  if (!posterior || !posterior.slots.some((slot) => values.has(slot))) return posterior;
  const keep = posterior.slots.flatMap((slot, k) => (values.has(slot) ? [] : [k]));
  if (keep.length === 0) return null;
  const K = posterior.slots.length;
  const kept = new Float64Array(posterior.sets * keep.length);
  for (let set = 0; set < posterior.sets; set++) keep.forEach((k, j) => (kept[set * keep.length + j] = posterior.values[set * K + k]!));
  return { ...posterior, slots: keep.map((k) => posterior.slots[k]!), values: kept };
}

/** Record buffers for every iteration of the model, shared with worker threads. */
function allocate(model: Model): SharedBuffers {
  const layout = layoutOf(model);
  return {
    records: Array.from({ length: model.territories.length * model.arms.length }, () => new SharedArrayBuffer(layout.size * model.iterations * Float32Array.BYTES_PER_ELEMENT)),
    thetas: new SharedArrayBuffer(model.parameters.specs.length * model.iterations * Float64Array.BYTES_PER_ELEMENT),
  };
}

/**
 * Simulates every iteration of the model into records, as `runModel` does (src/sim/runner.ts: the
 * same blocks of CHUNK_SIZE iterations, so the same numbers for any number of threads), on the
 * pool's threads or, without a pool, on this one; no summaries. The pool is the caller's, reused
 * from run to run.
 */
export async function simulateRecords(model: Model, pool?: WorkerPool, onProgress?: (done: number, total: number) => void): Promise<RunOutput> {
  const N = model.iterations;
  checkMemory(model, pool ? pool.size : 1, availableMemory(), 'available');
  const shared = allocate(model);
  const output = outputFromShared(model, shared);
  const blocks: { id: number; type: 'chunk'; start: number; count: number }[] = [];
  for (let start = 0, id = 0; start < N; start += CHUNK_SIZE, id++) blocks.push({ id, type: 'chunk', start, count: Math.min(CHUNK_SIZE, N - start) });
  let done = 0;
  onProgress?.(0, N);
  if (!pool || blocks.length === 1) {
    for (const block of blocks) {
      simulateChunk(model, block.start, block.count, output);
      onProgress?.((done += block.count), N);
      // Let the event loop breathe so that progress reaches the terminal.
      if (block.id % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    return output;
  }
  pool.init(model);
  // One batch of every territory (src/sim/batches.ts): the threads write into these buffers.
  pool.broadcast({ type: 'batch', first: 0, count: model.territories.length, ensemble: false, thetasReady: false, shared });
  await pool.run(blocks, (block) => onProgress?.((done += block.count), N));
  return output;
}

/**
 * The runs of a sweep: one pool of threads and one set of buffers serve every grid point; the
 * baseline arm of the first run is kept, in double precision, for the later runs whose varied
 * value does not reach it (`KeptBaselines` of src/sim/chunk.ts).
 */
export class SweepRuns {
  private shared: SharedBuffers | undefined;
  private baselines: SharedArrayBuffer[] = [];
  private hasBaseline = false;

  private constructor(private readonly pool: WorkerPool | undefined) {}

  /** Starts the threads now (they load their code meanwhile); none for one worker. */
  static start(workers: number): SweepRuns {
    return new SweepRuns(workers > 1 ? new WorkerPool(workers, new URL('./sweep-worker.js', import.meta.url)) : undefined);
  }

  /** Buffers for the model's records, made once (every grid point has the same layout and iterations). */
  private buffersFor(model: Model): SharedBuffers {
    const size = layoutOf(model).size * model.iterations;
    if (this.shared && this.shared.records[0]!.byteLength === size * Float32Array.BYTES_PER_ELEMENT && this.shared.thetas.byteLength === model.parameters.specs.length * model.iterations * Float64Array.BYTES_PER_ELEMENT) return this.shared;
    this.shared = allocate(model);
    this.baselines = model.territories.map(() => new SharedArrayBuffer(size * Float64Array.BYTES_PER_ELEMENT));
    this.hasBaseline = false;
    return this.shared;
  }

  /**
   * Simulates the model. `sameBaseline`: its baseline arm is that of the previous run (same θ,
   * same streams, a varied value the baseline does not read), which is then not simulated again.
   * The output lives in buffers the next run overwrites: read it before.
   */
  async run(model: Model, sameBaseline: boolean, onProgress?: (done: number, total: number) => void): Promise<RunOutput> {
    const N = model.iterations;
    checkMemory(model, this.pool ? this.pool.size : 1, availableMemory(), 'available');
    const shared = this.buffersFor(model);
    const simulateBaseline = !(sameBaseline && this.hasBaseline);
    const output = outputFromShared(model, shared);
    const blocks: { id: number; type: 'sweep-chunk'; start: number; count: number; simulateBaseline: boolean }[] = [];
    for (let start = 0, id = 0; start < N; start += CHUNK_SIZE, id++) blocks.push({ id, type: 'sweep-chunk', start, count: Math.min(CHUNK_SIZE, N - start), simulateBaseline });
    let done = 0;
    onProgress?.(0, N);
    if (!this.pool || blocks.length === 1) {
      const baselines = this.baselines.map((buffer) => new Float64Array(buffer));
      for (const block of blocks) {
        simulateChunk(model, block.start, block.count, output, { records: baselines, simulate: simulateBaseline });
        onProgress?.((done += block.count), N);
        if (block.id % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
      }
    } else {
      this.pool.broadcast({ type: 'sweep-init', model, shared, baselines: this.baselines, lang: currentLanguage() });
      await this.pool.run(blocks, (block) => onProgress?.((done += block.count), N));
    }
    this.hasBaseline = true;
    return output;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * The model with only the territory an analysis reads (all of them for `ensemble`): a territory's
 * streams are keyed by its id and θᵢ is drawn once for all (docs/simulation.md, "Random streams"),
 * so its records are the same whether the others are simulated or not, and a run of one
 * territory out of five takes a fifth of the time.
 */
export function onlyTerritory(model: Model, territory: string): Model {
  const index = territoryIndex(model, territory);
  return index < 0 ? model : { ...model, territories: [model.territories[index]!] };
}
