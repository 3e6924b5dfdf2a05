/**
 * The national example (src/national/workspace.ts, scripts/national-workspace.mjs, docs/national.md):
 * the workspace it writes lints clean and both scenarios run; the scaled figures are the pioneers'
 * × f(k), checked against figures computed by hand; ids are unique; two generations are equal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readNationalInputs, writeNationalWorkspace } from '../../src/national/files.js';
import { buildNationalWorkspace, FACTOR_MIN, scaleFactor, scaleWhole, type NationalWorkspace } from '../../src/national/workspace.js';
import { BIN, REPO } from '../helpers/cli.js';

const PIONEERS = ['aube-sezannais', 'cornouaille', 'deux-sevres', 'douaisis', 'haute-saone'];
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-national-'));
  temporary.push(dir);
  return dir;
}

/** The CLI in a workspace; a simulation of 12 territories takes a while on a loaded 2-core machine. */
function logi(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const { FORCE_COLOR: _colour, ...env } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 170_000, maxBuffer: 64 * 1024 * 1024 });
}

interface Figures {
  source: string[];
  note: string;
}
interface TerritoryDoc {
  population: number;
  'population-source': string[];
  pyramids: Record<string, Figures & { counts: Record<string, number>; multipliers?: unknown }>;
  workforce: Record<string, Figures & { fte: number }>;
  sources: Record<string, unknown>;
}

function territory(workspace: NationalWorkspace, id: string): TerritoryDoc {
  const file = workspace.files.find((f) => f.path === `simulations/territories/${id}.yaml`);
  expect(file, id).toBeDefined();
  return parse(file!.text) as TerritoryDoc;
}

describe('the national workspace of 12 territories, written by the documented script', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(freshDir(), 'national-12');
    const written = spawnSync(process.execPath, [path.join(REPO, 'scripts/national-workspace.mjs'), '--territories', '12', '--out', dir], { encoding: 'utf8' });
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
  });

  it('lints without errors or warnings', () => {
    const lint = logi(['lint', '--format', 'json'], dir);
    const result = JSON.parse(lint.stdout) as { filesChecked: number; errorCount: number; warningCount: number };
    expect(result).toMatchObject({ errorCount: 0, warningCount: 0 });
    // 13 guidelines, 4 programs, 2 calibrated parameter sets, 2 scenarios, 12 territories, the config.
    expect(result.filesChecked).toBe(34);
    expect(lint.status).toBe(0);
  });

  it.each(['national-dt2', 'national-ic'])('simulates %s over its 12 territories', (scenario) => {
    const out = path.join(dir, `out-${scenario}`);
    const run = logi(['simulate', scenario, '--iterations', '2', '--out', out, '--json'], dir);
    expect(run.stderr).not.toMatch(/error|erreur/i);
    expect(run.status).toBe(0);
    // Every territory has its rows in summary.csv (first column), beside the ensemble's.
    const territories = readdirSync(path.join(dir, 'simulations/territories')).map((f) => f.replace(/\.yaml$/, ''));
    expect(territories).toHaveLength(12);
    const firstColumn = new Set(readFileSync(path.join(out, 'summary.csv'), 'utf8').split('\n').slice(1).map((line) => line.split(',')[0]));
    for (const id of territories) expect(firstColumn.has(id), id).toBe(true);
  }, 180_000);

  it('refuses to write into a folder that is not empty', () => {
    expect(() => writeNationalWorkspace(dir, [{ path: 'x.yaml', text: '' }])).toThrow(/not empty/);
    const again = spawnSync(process.execPath, [path.join(REPO, 'scripts/national-workspace.mjs'), '--territories', '3', '--out', dir], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  });
});

describe('the synthetic territories', () => {
  const inputs = readNationalInputs(REPO);
  const national = buildNationalWorkspace(inputs, 12);

  it('are the pioneers × the factor, figures computed by hand for territories 3 and 9', () => {
    // f(3): u = frac(3 × 0.6180339887498949) = 0.8541019662…, 0.3 × 10^u = 2.14399…, rounded 2.1440.
    // Deux-Sèvres × 2.144: 374 587 → 803 114.528 → 803 115; 198 329 → 425 217.376; 78 716 → 168 767.104;
    // 13 215 → 28 332.96; 4 720 → 10 119.68; 944 → 2 023.936; heart failure 13 874 → 29 745.856,
    // 21 442 → 45 971.648, 5 232 → 11 217.408, 2 308 → 4 948.352, 154 → 330.176; FTE 318 → 681.792,
    // 35 → 75.04, 10 → 21.44.
    const deuxSevres = territory(national, 'deux-sevres-3');
    expect(deuxSevres.population).toBe(803115);
    expect(deuxSevres.pyramids['diabete-t2']!.counts).toEqual({ S0: 425217, S1: 168767, S2: 28333, S3: 10120, S4: 2024 });
    expect(deuxSevres.pyramids['insuffisance-cardiaque']!.counts).toEqual({ S0: 29746, S1: 45972, S2: 11217, S3: 4948, S4: 330 });
    expect(Object.values(deuxSevres.workforce).map((w) => w.fte)).toEqual([681.8, 75.0, 21.4]);
    // f(9): u = frac(9 × 0.6180339887498949) = 0.5623058987…, 0.3 × 10^u = 1.095033…, rounded 1.0950.
    // Douaisis × 1.095: 245 007 → 268 282.665; 124 820 → 136 677.9; 55 736 → 61 030.92; 9 100 → 9 964.5
    // (a half: up); 3 250 → 3 558.75; 650 → 711.75; heart failure 13 525 → 14 809.875, 20 902 → 22 887.69,
    // 5 100 → 5 584.5 (up), 2 250 → 2 463.75, 150 → 164.25; FTE 208 → 227.76, 23 → 25.185, 7 → 7.665.
    const douaisis = territory(national, 'douaisis-9');
    expect(douaisis.population).toBe(268283);
    expect(douaisis.pyramids['diabete-t2']!.counts).toEqual({ S0: 136678, S1: 61031, S2: 9965, S3: 3559, S4: 712 });
    expect(douaisis.pyramids['insuffisance-cardiaque']!.counts).toEqual({ S0: 14810, S1: 22888, S2: 5585, S3: 2464, S4: 164 });
    expect(Object.values(douaisis.workforce).map((w) => w.fte)).toEqual([227.8, 25.2, 7.7]);
    // The Douaisis' multipliers are knowledge about the place it copies, not counts: kept as they are.
    expect(douaisis.pyramids['diabete-t2']!.multipliers).toEqual({ 'S1->S2': { lognormal: { median: 1.2, ci95: [1.0, 1.45] } } });
  });

  it('say plainly that their figures are synthetic', () => {
    for (const k of [1, 7, 12]) {
      const id = `${PIONEERS[(k - 1) % 5]}-${k}`;
      const doc = territory(national, id);
      expect(doc.sources).toEqual({ 'synthetique-logi': expect.objectContaining({ type: 'illustrative' }) });
      expect(doc['population-source']).toEqual(['synthetique-logi']);
      for (const entry of [...Object.values(doc.pyramids), ...Object.values(doc.workforce)]) {
        expect(entry.source).toEqual(['synthetique-logi']);
        expect(entry.note).toMatch(/^Synthétique : /);
      }
    }
  });

  it('have unique ids <pioneer>-<k>, the pioneers in turn, and both scenarios name them all in order', () => {
    const big = buildNationalWorkspace(inputs, 500);
    const ids = big.territories.map((t) => t.id);
    expect(new Set(ids).size).toBe(500);
    expect(ids.slice(0, 7)).toEqual(['aube-sezannais-1', 'cornouaille-2', 'deux-sevres-3', 'douaisis-4', 'haute-saone-5', 'aube-sezannais-6', 'cornouaille-7']);
    expect(ids[499]).toBe('haute-saone-500');
    for (const file of ['simulations/national-dt2.yaml', 'simulations/national-ic.yaml']) {
      const scenario = parse(big.files.find((f) => f.path === file)!.text) as Record<string, unknown>;
      expect(scenario.territories).toEqual(ids);
    }
    expect(big.files.filter((f) => f.path.startsWith('simulations/territories/'))).toHaveLength(500);
  });

  it('keep the bundled scenarios otherwise as they are', () => {
    for (const [bundled, generated, id] of [
      ['simulations/pionniers-dt2.yaml', 'simulations/national-dt2.yaml', 'national-dt2'],
      ['simulations/pionniers-ic.yaml', 'simulations/national-ic.yaml', 'national-ic'],
    ]) {
      const before = parse(inputs.get(bundled!)!) as Record<string, unknown>;
      const after = parse(national.files.find((f) => f.path === generated)!.text) as Record<string, unknown>;
      const unchanged = ['kind', 'version', 'pyramid', 'baseline', 'program', 'parameter-sets', 'horizon', 'iterations', 'seed', 'mode'];
      for (const key of unchanged) expect(after[key], key).toEqual(before[key]);
      expect(after.id).toBe(id);
    }
  });

  it('are the same from one generation to the next', () => {
    expect(buildNationalWorkspace(readNationalInputs(REPO), 12)).toEqual(national);
  });
});

describe('the scale factor f(k)', () => {
  it('lies in [0.3, 3] with 4 decimals, spread evenly in log10 (Weyl sequence: closed-form share below 1)', () => {
    const factors = Array.from({ length: 10_000 }, (_, i) => scaleFactor(i + 1));
    for (const f of factors) {
      expect(f).toBeGreaterThanOrEqual(FACTOR_MIN);
      expect(f).toBeLessThanOrEqual(10 * FACTOR_MIN);
      expect(Math.round(f * 1e4) / 1e4).toBe(f);
    }
    // log10(f / 0.3) = u is spread evenly over [0, 1): the share of f below 1 is log10(1 / 0.3) = 0.52288.
    // The golden-ratio Weyl sequence's discrepancy over 10,000 terms is below 0.001 (it is O(log N / N)).
    const belowOne = factors.filter((f) => f < 1).length / factors.length;
    expect(Math.abs(belowOne - Math.log10(1 / 0.3))).toBeLessThan(0.001);
  });

  it('scales a whole number exactly, halves up, even past 2^53 / 10^4', () => {
    expect(scaleWhole(9100, 1.095)).toBe(9965);
    expect(scaleWhole(1, 0.5)).toBe(1);
    // 10^12 × 2.9999 = 2 999 900 000 000 exactly (a double product would be exact here too; the
    // product of the integers, 10^12 × 29 999 = 2.9999 × 10^16, is above 2^53).
    expect(scaleWhole(1e12, 2.9999)).toBe(2_999_900_000_000);
    expect(scaleWhole(999_999_999_999, 2.9999)).toBe(2_999_899_999_997);
  });
});
