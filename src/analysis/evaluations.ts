/**
 * Runs the model for many parameter sets: in worker threads when there are several cores (blocks
 * of sets, answered in block order, so the values do not depend on the number of threads), else
 * on this thread. Counts the runs.
 */
import { currentLanguage } from '../i18n/language.js';
import type { Model } from '../sim/model.js';
import { clampWorkers, defaultWorkers, WorkerPool } from '../sim/runner.js';
import type { FreeParameter, TargetInfo } from './compile.js';
import { type CompiledTarget, Evaluator } from './evaluate.js';
import { evaluateBlock } from './evaluate-block.js';

/** Sets per message to a thread: large enough that messaging costs little against ~1 ms a run. */
const SETS_PER_BLOCK = 64;

export class Evaluations {
  runs = 0;
  private constructor(
    private readonly evaluator: Evaluator,
    private readonly base: Float64Array,
    private readonly slots: number[],
    private readonly pool: WorkerPool | undefined,
  ) {}

  static async start(model: Model, targets: TargetInfo[], free: FreeParameter[], base: Float64Array, workers = defaultWorkers()): Promise<Evaluations> {
    const compiled: CompiledTarget[] = targets.map((target) => target.compiled);
    const slots = free.map((p) => p.slot);
    const count = clampWorkers(workers);
    const pool = count > 1 ? new WorkerPool(count, new URL('./worker.js', import.meta.url)) : undefined;
    pool?.broadcast({ type: 'calibration-init', model, targets: compiled, slots, base, lang: currentLanguage() });
    return new Evaluations(new Evaluator(model, compiled), base, slots, pool);
  }

  get targetCount(): number {
    return this.evaluator.targets.length;
  }

  /** The targets' values for each set of free-parameter values (null sets are not run: null values). */
  async values(sets: readonly (ArrayLike<number> | null)[]): Promise<(Float64Array | null)[]> {
    const d = this.slots.length;
    const T = this.targetCount;
    const run = sets.flatMap((set, i) => (set ? [i] : []));
    const points = new Float64Array(run.length * d);
    run.forEach((i, k) => points.set(sets[i]!, k * d));
    this.runs += run.length;
    const values = await this.evaluate(points, run.length);
    const out: (Float64Array | null)[] = sets.map(() => null);
    run.forEach((i, k) => (out[i] = values.slice(k * T, (k + 1) * T)));
    return out;
  }

  private async evaluate(points: Float64Array, sets: number): Promise<Float64Array> {
    const d = this.slots.length;
    const T = this.targetCount;
    if (!this.pool || sets <= SETS_PER_BLOCK) return evaluateBlock(this.evaluator, this.base, this.slots, points);
    const jobs: { id: number; type: 'evaluate'; points: Float64Array }[] = [];
    for (let from = 0, id = 0; from < sets; from += SETS_PER_BLOCK, id++) jobs.push({ id, type: 'evaluate', points: points.slice(from * d, Math.min(sets, from + SETS_PER_BLOCK) * d) });
    const values = new Float64Array(sets * T);
    await this.pool.run<(typeof jobs)[number], { values: Float64Array }>(jobs, (job, answer) => values.set(answer.values, job.id * SETS_PER_BLOCK * T));
    return values;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
