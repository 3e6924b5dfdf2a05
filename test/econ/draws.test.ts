/**
 * `simulate --draws`: the per-iteration export (docs/economics.md, "Per-iteration draws"), read back
 * as R or Python would, checked against the results it describes: the mean over iterations of each
 * output row equals the summary's mean in results.json, and each uncertain parameter has one row per iteration.
 */
import { readRunResults } from '../helpers/results.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/valuation');

describe('simulate --draws', () => {
  it('writes one row per iteration and value; the means of the outputs are the summaries of results.json', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-draws-'));
    const file = path.join(dir, 'draws.csv');
    const out = path.join(dir, 'out');
    const run = runCli(['simulate', 'half-cycle', '--mode', 'stochastic', '--iterations', '40', '--draws', file, '--out', out, '--lang', 'en'], { cwd: WORKSPACE });
    expect(run.status, run.stderr).toBe(0);
    const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(header).toBe('iteration,type,name,label,territory,arm,discounted,value');
    const rows = lines.map((line) => line.split(','));
    // One uncertain parameter (the nurse's cost per act, a gamma of mean 40): one row per iteration, in order.
    const parameters = rows.filter((r) => r[1] === 'parameter');
    expect(parameters.map((r) => r[0])).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    expect(new Set(parameters.map((r) => r[2]))).toEqual(new Set(['Actors:small-actors/actors/nurse/cost-per-act']));
    expect(parameters.every((r) => Number(r[7]) > 0)).toBe(true);
    const results = readRunResults(out);
    for (const line of results.economics.lines as string[]) {
      for (const arm of ['baseline', 'program']) {
        const values = rows.filter((r) => r[2] === line && r[4] === 'here' && r[5] === arm && r[6] === 'true').map((r) => Number(r[7]));
        expect(values.length).toBe(40);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const summary = results.summaries.find((b: { territory: string; arm: string; scale: string }) => b.territory === 'here' && b.arm === arm && b.scale === 'count').economics[line].discounted.mean;
        // results.json keeps 7 significant digits.
        expect(Math.abs(mean - summary)).toBeLessThanOrEqual(Math.abs(summary) * 1e-6 + 1e-9);
      }
    }
  });
});
