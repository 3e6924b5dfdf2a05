/**
 * Issue 17: territories in batches (docs/simulation.md, "Territories in batches"). On a national
 * workspace of 12 synthetic territories (scripts/national-workspace.mjs):
 * - the ensemble's figures equal those computed here, by the test's own sums and type-7
 *   percentiles, from every territory's per-iteration records kept in memory;
 * - the territories' summaries are the same whatever the batch size and the number of threads;
 * - a territory's rows in summary.csv are byte-identical in the 12-territory run and in a run of
 *   that territory alone with the same seed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNationalInputs, writeNationalWorkspace } from '../../src/national/files.js';
import { buildNationalWorkspace, nationalScenarioText } from '../../src/national/workspace.js';
import type { Model } from '../../src/sim/model.js';
import { runModel, runWithPool, type RunOutput } from '../../src/sim/runner.js';
import type { TerritoryBatchResult } from '../../src/sim/batches.js';
import type { OverlayEntry, SummaryBlock } from '../../src/sim/summarize.js';
import { REPO, runCli } from '../helpers/cli.js';
import { modelOf } from './helpers.js';

let work: string;
const workspace = () => path.join(work, 'national');

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-batches-'));
  writeNationalWorkspace(workspace(), buildNationalWorkspace(readNationalInputs(REPO), 12).files);
  // The bundled diabetes scenario over one of the 12 territories only.
  const bundled = readFileSync(path.join(REPO, 'simulations/pionniers-dt2.yaml'), 'utf8');
  writeFileSync(path.join(workspace(), 'simulations/alone.yaml'), nationalScenarioText(bundled, 'alone', ['douaisis-9']));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Type 7 percentile (Hyndman & Fan 1996; R's default): x₍ₕ₎ interpolated at h = (N − 1)p. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  return low + 1 < sorted.length ? sorted[low]! + (h - low) * (sorted[low + 1]! - sorted[low]!) : sorted[low]!;
}

/** Within 7 significant digits, as results.json keeps them. */
function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

describe('issue 17: territories in batches, on 12 territories', { timeout: 600_000 }, () => {
  let model: Model;
  let whole: { output: RunOutput; blocks: SummaryBlock[]; overlay: OverlayEntry[] };
  const byBatch: Record<string, SummaryBlock[]> = {};
  const overlayByBatch: Record<string, OverlayEntry[]> = {};
  // Made again by each test, not in a hook nor shared: a failing beforeAll only skips the tests,
  // and mutation testing attributes code run in a hook or by an earlier test to no test (it then
  // counts its mutants as surviving). About 5 s each.
  const runs = () =>
    (async () => {
      model = await modelOf(workspace(), 'national-dt2', { iterations: 40 });
      const { output, summaries } = await runModel(model, { workers: 1 });
      whole = { output, blocks: summaries.blocks, overlay: summaries.overlay };
      // In-process: worker threads run the built dist/, which the CLI tests below and simulate-cli.test.ts check.
      for (const [name, territoriesPerBatch] of [['4 a batch', 4], ['5 a batch', 5]] as const) {
        const blocks: SummaryBlock[] = [];
        const overlay: OverlayEntry[] = [];
        const onBatch = (batch: TerritoryBatchResult) => void (blocks.push(...batch.blocks), overlay.push(...batch.overlay));
        const { summaries: batched } = await runWithPool(model, { workers: 1, territoriesPerBatch, onBatch });
        byBatch[name] = [...blocks, ...batched.blocks];
        overlayByBatch[name] = [...overlay, ...batched.overlay];
      }
    })();

  it('the run in one batch keeps every territory, then the ensemble', async () => {
    await runs();
    expect(whole.blocks.filter((b) => b.scale === 'count' && b.arm === 'baseline').map((b) => b.territory)).toEqual([...model.territories.map((t) => t.id), 'ensemble']);
  });

  it('every summary and overlay is the same for batches of 12, 4 and 5 territories', async () => {
    await runs();
    for (const blocks of Object.values(byBatch)) expect(JSON.stringify(blocks)).toBe(JSON.stringify(whole.blocks));
    for (const overlay of Object.values(overlayByBatch)) expect(JSON.stringify(overlay)).toBe(JSON.stringify(whole.overlay));
  });

  it("the ensemble's overlay is the sum of the territories' (each kept to 7 digits)", async () => {
    await runs();
    for (const arm of ['baseline', 'program'] as const) {
      const entries = whole.overlay.filter((o) => o.arm === arm);
      const ensemble = entries.filter((o) => o.territory === 'ensemble');
      expect(ensemble.length).toBe(model.logigrammes.length);
      for (const total of ensemble) {
        const parts = entries.filter((o) => o.territory !== 'ensemble' && o.logigramme === total.logigramme);
        expect(parts).toHaveLength(12);
        for (const [node, means] of Object.entries(total.nodes)) {
          means.forEach((mean, y) => expect(Math.abs(mean - parts.reduce((sum, p) => sum + p.nodes[node]![y]!, 0))).toBeLessThanOrEqual(1e-5 * Math.max(1, mean)));
        }
      }
      expect(ensemble.some((o) => Object.values(o.nodes).some((means) => means.some((m) => m > 0)))).toBe(true);
    }
  });

  it('the ensemble is the sum over territories of the per-iteration records: mean and type-7 percentiles by hand', async () => {
    await runs();
    const N = model.iterations;
    const P = model.parameters.specs.length;
    const layout = whole.output.layout;
    const H = model.horizon;
    const S1 = model.states.findIndex((s) => s.id === 'S1');
    // An action that someone reaches in year H − 1 in some territory.
    const action = model.actions.findIndex((_, k) => whole.output.records[0]![(layout.persons + (H - 2) * model.actions.length + k) * N]! > 0);
    expect(action).toBeGreaterThanOrEqual(0);
    const a = model.actions[action]!;
    // Per iteration, summed over the 12 territories from their own records (baseline: record 2t;
    // difference: record 2t + 1): S1 at the end of year H, and the acts of an action with an
    // action in year H − 1 (people reached × θ[times] × periods a year).
    const sums = (record: 0 | 1, value: (recorded: (offset: number) => number, i: number) => number) =>
      Array.from({ length: N }, (_, i) => {
        let total = 0;
        for (let t = 0; t < model.territories.length; t++) total += value((offset) => whole.output.records[2 * t + record]![offset * N + i]!, i);
        return total;
      });
    const cases = [
      { measure: 'counts' as const, key: 'S1', year: H, value: (recorded: (offset: number) => number) => recorded(layout.counts + H * model.states.length + S1) },
      { measure: 'volumes' as const, key: a.id, year: H - 2 /* series index: volumes start at year 1 */, value: (recorded: (offset: number) => number, i: number) => recorded(layout.persons + (H - 2) * model.actions.length + action) * whole.output.thetas[i * P + a.times]! * a.perYear },
    ];
    const ensemble = byBatch['4 a batch']!.filter((b) => b.territory === 'ensemble' && b.scale === 'count');
    for (const c of cases) {
      for (const [record, arm] of [[0, 'baseline'], [1, 'difference']] as const) {
        const values = sums(record, c.value);
        const summary = ensemble.find((b) => b.arm === arm)!.measures[c.measure][c.key]![c.year]!;
        close(summary.mean, values.reduce((s, v) => s + v, 0) / N);
        close(summary.median, percentile(values, 0.5));
        close(summary.p025, percentile(values, 0.025));
        close(summary.p975, percentile(values, 0.975));
      }
    }
  });
});

describe('issue 17: a territory among 12 and alone', () => {
  it("douaisis-9's rows of summary.csv are byte-identical in the 12-territory run (2 threads) and alone (1 thread), same seed", () => {
    const run = (scenario: string, workers: string) => {
      const out = path.join(work, scenario);
      const result = runCli(['simulate', scenario, '--iterations', '60', '--workers', workers, '--out', out], { cwd: workspace() });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(path.join(out, 'summary.csv'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('douaisis-9,'));
    };
    const among = run('national-dt2', '2');
    const alone = run('alone', '1');
    expect(alone.length).toBeGreaterThan(10_000);
    expect(among).toEqual(alone);
  });
});
