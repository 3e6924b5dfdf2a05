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

/** Per-iteration values of one recorded measure for one (territory, arm). */
export function series(model: Model, output: RunOutput, territory: number, arm: number, offset: number): number[] {
  const N = model.iterations;
  return Array.from(output.records[territory * model.arms.length + arm]!.subarray(offset * N, (offset + 1) * N));
}

export function countOffset(model: Model, output: RunOutput, year: number, state: string): number {
  return output.layout.counts + year * model.states.length + model.states.findIndex((s) => s.id === state);
}
