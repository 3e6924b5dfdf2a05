/**
 * Issue 17: a territory's own parameters (its multipliers) are drawn from the territory's stream
 * (docs/simulation.md, "Random streams"): (seed, territory id, iteration, `parameters`, 0, 0).
 * The oracle re-derives that stream from the documented key with an independent MurmurHash3
 * (murmurhash3js-revisited) and seedrandom's Alea, and draws the lognormal by the documented
 * method (Marsaglia's polar method, exp(μ + σz)), in the test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import murmur from 'murmurhash3js-revisited';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModel } from '../../src/sim/runner.js';
import { REPO } from '../helpers/cli.js';
import { FIXED, modelOf } from './helpers.js';

const BEFORE = path.join(REPO, 'test/fixtures/sim/before-14');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logi-territory-parameters-'));
  cpSync(FIXED, dir, { recursive: true });
  const file = path.join(dir, 'model.yaml');
  // The first territory's multiplier becomes uncertain: median 1.2, 95 % interval [1, 1.44]
  // (symmetric on the log scale: ln 1.2 − ln 1 = ln 1.44 − ln 1.2).
  writeFileSync(file, readFileSync(file, 'utf8').replace('multipliers: { S1->S2: 1.2 }', 'multipliers: { S1->S2: { lognormal: { median: 1.2, ci95: [1.0, 1.44] } } }'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The documented stream of a key: K = x86_128 of `logi/<seed>/<territory>/<i>`, H = x86_128 of K's words, P, C, S, 0. */
function documentedStream(seed: number, territory: string, iteration: number, purpose: number): () => number {
  const k = murmur.x86.hash128(new TextEncoder().encode(`logi/${seed}/${territory}/${iteration}`), 0);
  const words = [...[0, 1, 2, 3].map((i) => Number.parseInt(k.slice(8 * i, 8 * i + 8), 16)), purpose, 0, 0, 0];
  const bytes = new Uint8Array(32);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(4 * i, w >>> 0, true));
  const h = murmur.x86.hash128(bytes, 0);
  const state = { c: 1, s0: Number.parseInt(h.slice(0, 8), 16) / 2 ** 32, s1: Number.parseInt(h.slice(8, 16), 16) / 2 ** 32, s2: Number.parseInt(h.slice(16, 24), 16) / 2 ** 32 };
  return seedrandom.alea('', { state });
}

/** Marsaglia's polar method: pairs (x, y) in the square until x² + y² in (0, 1), then x·√(−2 ln s / s). */
function polarNormal(uniform: () => number): number {
  for (;;) {
    const x = 2 * uniform() - 1;
    const y = 2 * uniform() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

describe("issue 17: a territory's own parameters come from its own stream", () => {
  it('each iteration, the multiplier of test-territory is exp(ln 1.2 + σz), z from (seed 7, test-territory, i, parameters)', async () => {
    const model = await modelOf(dir, 'fixed', { iterations: 60, mode: 'stochastic' });
    const slot = model.territories[0]!.multipliers[model.transitions.findIndex((t) => t.key === 'S1->S2')]!;
    expect(slot).toBeGreaterThanOrEqual(0);
    const { output } = await runModel(model, { workers: 1 });
    const P = model.parameters.specs.length;
    // σ = ln(1.44 / 1.2) / z₀.₉₇₅, z₀.₉₇₅ = 1.959963985 (normal table).
    const sigma = Math.log(1.2) / 1.959963985;
    for (let i = 0; i < model.iterations; i++) {
      const expected = Math.exp(Math.log(1.2) + sigma * polarNormal(documentedStream(7, 'test-territory', i, 1)));
      const actual = output.thetas[i * P + slot]!;
      expect(Math.abs(actual - expected), `iteration ${i}`).toBeLessThanOrEqual(1e-9 * expected);
    }
  });

  it('uncertain multipliers change no other draw: on the bundled files of test/fixtures/sim/before-14, every other slot of θ is as with the multipliers written as their medians', async () => {
    const fixed = mkdtempSync(path.join(os.tmpdir(), 'logi-fixed-multipliers-'));
    try {
      cpSync(BEFORE, fixed, { recursive: true });
      const territories = path.join(fixed, 'simulations/territories');
      for (const file of ['cornouaille.yaml', 'douaisis.yaml']) {
        const text = readFileSync(path.join(territories, file), 'utf8');
        writeFileSync(path.join(territories, file), text.replace(/\{ lognormal: \{ median: ([0-9.]+), ci95: \[[0-9., ]+\] \} \}/g, '$1'));
      }
      const uncertain = await modelOf(BEFORE, 'pionniers-dt2-2026', { iterations: 50 });
      const plain = await modelOf(fixed, 'pionniers-dt2-2026', { iterations: 50 });
      const P = uncertain.parameters.specs.length;
      expect(plain.parameters.specs.length).toBe(P);
      const own = new Set(uncertain.parameters.territories.flatMap((range) => Array.from({ length: range.to - range.from }, (_, k) => range.from + k)));
      expect(uncertain.parameters.specs.filter((spec, k) => spec.kind !== 'fixed' && !own.has(k)).length).toBeGreaterThan(10);
      expect([...own].filter((k) => uncertain.parameters.specs[k]!.kind !== 'fixed')).toHaveLength(2); // cornouaille's and douaisis's S1->S2 (douaisis's S2->S3 is heart failure's)
      const [a, b] = [(await runModel(uncertain, { workers: 1 })).output.thetas, (await runModel(plain, { workers: 1 })).output.thetas];
      for (let i = 0; i < 50; i++) for (let k = 0; k < P; k++) if (!own.has(k)) expect(a[i * P + k], `iteration ${i}, slot ${k}`).toBe(b[i * P + k]);
    } finally {
      rmSync(fixed, { recursive: true, force: true });
    }
  }, 120_000);
});
