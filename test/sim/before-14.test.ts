/**
 * Old files keep their meaning (issue 14): the bundled files as they were before program dynamics
 * (test/fixtures/sim/before-14, copied from commit 9b1246b) have none of the new keys, so their
 * defaults must give what logi gave then. The oracle is that earlier version's own output, kept
 * in golden.json (means of results.json, count scale): the expected mode to 7 significant digits
 * (what results.json keeps), and the stochastic mode number for number, since a model without
 * `retention`, `duration`, `move-to` or values by year draws the same random numbers as before.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summaries } from '../../src/sim/summarize.js';
import { REPO } from '../helpers/cli.js';
import { modelOf, run } from './helpers.js';

const BEFORE = path.join(REPO, 'test/fixtures/sim/before-14');
const golden = JSON.parse(readFileSync(path.join(BEFORE, 'golden.json'), 'utf8')) as { runs: Record<string, Record<string, number[]>> };

function meansOf(summaries: Summaries): Map<string, number[]> {
  const means = new Map<string, number[]>();
  for (const block of summaries.blocks) {
    if (block.scale !== 'count' || block.arm === 'difference') continue;
    for (const [measure, keys] of Object.entries(block.measures)) for (const [key, series] of Object.entries(keys)) means.set(`${block.territory}|${block.arm}|${measure}|${key}`, series.map((s) => s.mean));
    means.set(`${block.territory}|${block.arm}|totalCost|total`, block.totalCost.map((s) => s.mean));
  }
  return means;
}

/** A copy of the directory with its three territory multipliers written as their medians. */
function fixedMultipliers(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-before-14-'));
  cpSync(BEFORE, dir, { recursive: true });
  const territories = path.join(dir, 'simulations/territories');
  const fix = (file: string, from: RegExp, to: string) => writeFileSync(path.join(territories, file), readFileSync(path.join(territories, file), 'utf8').replace(from, to));
  fix('cornouaille.yaml', /S1->S2: \{ lognormal: \{ median: 0\.8, ci95: \[0\.65, 1\.0\] \} \}/, 'S1->S2: 0.8');
  fix('douaisis.yaml', /S1->S2: \{ lognormal: \{ median: 1\.2, ci95: \[1\.0, 1\.45\] \} \}/, 'S1->S2: 1.2');
  fix('douaisis.yaml', /S2->S3: \{ lognormal: \{ median: 1\.2, ci95: \[1\.0, 1\.45\] \} \}/, 'S2->S3: 1.2');
  expect(readFileSync(path.join(territories, 'douaisis.yaml'), 'utf8')).not.toMatch(/lognormal/);
  return dir;
}

describe('the bundled files of before issue 14 keep their meaning', () => {
  for (const [name, options] of [
    ['pionniers-dt2-2026/expected', { mode: 'expected' as const }],
    ['pionniers-ic-2026/expected', { mode: 'expected' as const }],
    // Issue 17 draws a territory's own parameters (its multipliers) from the territory's stream:
    // with uncertain multipliers the draws differ from that version's, so the stochastic run is
    // compared on the same files with the multipliers written as their medians (golden.json has
    // that version's run of them), where no territory has a parameter of its own.
    ['pionniers-dt2-2026/stochastic-40-fixed-multipliers', { iterations: 40 }],
  ] as const) {
    it(name, async () => {
      const model = await modelOf(name.endsWith('fixed-multipliers') ? fixedMultipliers() : BEFORE, name.split('/')[0]!, options);
      expect(model.moves).toEqual([]);
      expect(model.arms.every((arm) => arm.strata.every((plan) => plan === null || plan.retention < 0))).toBe(true);
      const means = meansOf((await run(model)).summaries);
      const expected = golden.runs[name]!;
      expect(Object.keys(expected).length).toBeGreaterThan(60);
      for (const [key, values] of Object.entries(expected)) {
        const actual = means.get(key);
        expect(actual, key).toBeDefined();
        // Expected mode: the same sums in another order can differ in the last bit; results.json
        // keeps 7 significant digits, so half a unit of the 7th digit (or 1e-9 people near 0).
        values.forEach((value, y) => expect(Math.abs(actual![y]! - value), `${key} year ${y}: ${actual![y]} vs ${value}`).toBeLessThanOrEqual(Math.max(5e-7 * Math.abs(value), 1e-9)));
      }
    });
  }
});
