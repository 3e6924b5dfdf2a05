import path from 'node:path';
import { loadWorkspace } from '../../src/language/workspace.js';
import { compileModel, type CompileOptions, type Model } from '../../src/sim/model.js';
import { runModel, type RunOutput } from '../../src/sim/runner.js';
import type { Summaries } from '../../src/sim/summarize.js';
import { REPO } from '../helpers/cli.js';

export const FIXED = path.join(REPO, 'test/fixtures/sim/fixed');

export async function modelOf(dir: string, scenario: string, options: CompileOptions = {}): Promise<Model> {
  const workspace = await loadWorkspace({ cwd: dir });
  if (workspace.diagnostics.some((d) => d.severity === 'error')) throw new Error(JSON.stringify(workspace.diagnostics, null, 2));
  return compileModel(workspace, scenario, options);
}

export async function run(model: Model, workers = 1): Promise<{ output: RunOutput; summaries: Summaries }> {
  return runModel(model, { workers });
}

/**
 * Per-iteration values of one recorded measure for one (territory, arm): the records hold each
 * territory's baseline and its difference program − baseline, so the program is their sum.
 */
export function series(model: Model, output: RunOutput, territory: number, arm: number, offset: number): number[] {
  const N = model.iterations;
  const at = (record: number) => Array.from(output.records[2 * territory + record]!.subarray(offset * N, (offset + 1) * N));
  const baseline = at(0);
  if (arm === 0) return baseline;
  const difference = at(1);
  return baseline.map((b, i) => b + difference[i]!);
}

/** Per-iteration values of the recorded difference program − baseline of one measure. */
export function differenceSeries(model: Model, output: RunOutput, territory: number, offset: number): number[] {
  const N = model.iterations;
  return Array.from(output.records[2 * territory + 1]!.subarray(offset * N, (offset + 1) * N));
}

export function countOffset(model: Model, output: RunOutput, year: number, state: string): number {
  return output.layout.counts + year * model.states.length + model.states.findIndex((s) => s.id === state);
}
