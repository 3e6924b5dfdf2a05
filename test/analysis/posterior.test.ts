/**
 * Parameter sets in a scenario (docs/calibration.md, "Using the result"), on
 * test/fixtures/analysis/posterior: the tiny pyramid with A->B drawn (uniform) and B->A drawn
 * (beta), no inflow; scenario `with-posterior` lists `tiny-posterior` (A->B set to 0.12, and
 * posterior.csv: five sets of A->B and A->dead), `with-points` lists `first-points` then
 * `later-points` (a later set wins).
 *
 * Oracles: the CSV's columns as written in the fixture, and counts computed by hand from the
 * closed-form Markov chain (n₁(B) = n₀(B)(1 − p_BA − p_Bd) + n₀(A)·p_AB, South's A->B through its
 * multiplier 1 − (1 − p)^m). Records are kept in single precision (docs/simulation.md, "Differences
 * and precision"): counts are compared to 1e-6 relative.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/sim/model.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { countOffset, modelOf, run, series } from '../sim/helpers.js';

const FIXTURE = path.join(REPO, 'test/fixtures/analysis/posterior');
/** posterior.csv as written in the fixture: [A->B, A->dead] per set. */
const SETS = [
  [0.11, 0.021],
  [0.125, 0.018],
  [0.09, 0.03],
  [0.14, 0.015],
  [0.1, 0.025],
];
const B_DEAD = 0.08;
const NORTH = { territory: 0, a: 1000, b: 200, multiplier: 1 };
const SOUTH = { territory: 1, a: 400, b: 100, multiplier: 1.5 };

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function slotOf(model: Model, docPath: (string | number)[]): number {
  const slot = model.parameters.specs.findIndex((spec) => spec.file === 'model.yaml' && JSON.stringify(spec.path) === JSON.stringify(docPath));
  expect(slot, JSON.stringify(docPath)).toBeGreaterThanOrEqual(0);
  return slot;
}

/** B at the end of year 1, by hand: B stays (1 − p_BA − p_Bd), A->B arrives (after the territory's multiplier). */
function bAfterOneYear(start: typeof NORTH, ab: number, ba: number, multiplier = start.multiplier): number {
  const abHere = multiplier === 1 ? ab : 1 - Math.pow(1 - ab, multiplier);
  return start.b * (1 - ba - B_DEAD) + start.a * abHere;
}

function near(actual: number | undefined, wanted: number, what: string): void {
  expect(actual, what).toBeDefined();
  expect(Math.abs(actual! - wanted), `${what}: logi ${actual}, by hand ${wanted}`).toBeLessThanOrEqual(1e-6 * Math.abs(wanted));
}

describe('a posterior sample in psa and stochastic modes', () => {
  it('(a) iteration i takes set i mod 5 of the CSV for its columns; the other drawn parameters are still drawn', async () => {
    const model = await modelOf(FIXTURE, 'with-posterior');
    expect(model.mode).toBe('psa');
    const { output } = await run(model, 1);
    const P = model.parameters.specs.length;
    const ab = slotOf(model, ['transitions', 0, 'p']);
    const aDead = slotOf(model, ['transitions', 1, 'p']);
    const ba = slotOf(model, ['transitions', 2, 'p']);
    const drawnBa = new Set<number>();
    const bNorth = series(model, output, NORTH.territory, 0, countOffset(model, output, 1, 'B'));
    const bSouth = series(model, output, SOUTH.territory, 0, countOffset(model, output, 1, 'B'));
    // 12 iterations (the scenario's): the five sets twice, then sets 0 and 1 again — enough to see
    // the order and the wrap-around of i mod 5.
    for (let i = 0; i < model.iterations; i++) {
      const set = SETS[i % SETS.length]!;
      expect(output.thetas[i * P + ab], `iteration ${i}, A->B`).toBe(set[0]);
      expect(output.thetas[i * P + aDead], `iteration ${i}, A->dead`).toBe(set[1]);
      const baValue = output.thetas[i * P + ba]!;
      expect(baValue).toBeGreaterThan(0);
      expect(baValue).toBeLessThan(1);
      drawnBa.add(baValue);
      // The model runs with them: B at the end of year 1 with this iteration's A->B and B->A.
      near(bNorth[i], bAfterOneYear(NORTH, set[0]!, baValue), `iteration ${i}, North`);
      near(bSouth[i], bAfterOneYear(SOUTH, set[0]!, baValue), `iteration ${i}, South`);
    }
    // B->A (a beta, not in the CSV) is drawn anew in each iteration.
    expect(drawnBa.size).toBe(model.iterations);
  });

  it('(b) logi simulate with the posterior gives byte-identical results.json and summary.csv for --workers 1 and 2', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'logi-posterior-workers-'));
    temporary.push(out);
    // 130 stochastic iterations: three blocks of 50, so two threads really share the work, and
    // iteration i's set (i mod 5) does not depend on which thread runs it.
    const args = ['simulate', 'with-posterior', '--mode', 'stochastic', '--iterations', '130'];
    for (const workers of ['1', '2']) {
      const result = runCli([...args, '--workers', workers, '--out', path.join(out, `w${workers}`)], { cwd: FIXTURE });
      expect(result.status, result.stderr).toBe(0);
    }
    for (const file of ['results.json', 'summary.csv']) {
      expect(readFileSync(path.join(out, 'w2', file)).equals(readFileSync(path.join(out, 'w1', file))), file).toBe(true);
    }
    // The parameter sets and the CSV are inputs of the run, with their SHA-256.
    const inputs = JSON.parse(readFileSync(path.join(out, 'w1', 'results.json'), 'utf8')).manifest.inputs as { file: string; sha256: string }[];
    const sha256 = (file: string) => createHash('sha256').update(readFileSync(path.join(FIXTURE, file))).digest('hex');
    expect(inputs).toEqual(['model.yaml', 'posterior.csv', 'scenarios.yaml', 'sets.yaml'].map((file) => ({ file, sha256: sha256(file) })));
  });
});

describe('parameter sets in expected mode', () => {
  it('(c) the values replace the YAML\'s, a later set winning; the posterior sample is not used', async () => {
    // with-points: A->B 0.3 then 0.13 (later-points wins), B->A 0.04 (first-points), South's multiplier 2.
    const points = await modelOf(FIXTURE, 'with-points');
    const { output } = await run(points, 1);
    const at = (model: Model, territory: number) => series(model, output, territory, 0, countOffset(model, output, 1, 'B'))[0];
    // North: 200·(1 − 0.04 − 0.08) + 1000·0.13 = 306.
    near(at(points, NORTH.territory), 306, 'with-points, North');
    expect(bAfterOneYear(NORTH, 0.13, 0.04)).toBeCloseTo(306, 12);
    // South: 100·0.88 + 400·(1 − 0.87²) = 88 + 97.24 = 185.24.
    near(at(points, SOUTH.territory), 185.24, 'with-points, South');

    // with-posterior in expected mode: the set's value 0.12 for A->B, B->A its beta's mean 0.05,
    // not the CSV's sets. North: 200·0.87 + 1000·0.12 = 294.
    const posterior = await modelOf(FIXTURE, 'with-posterior', { mode: 'expected' });
    const second = await run(posterior, 1);
    near(series(posterior, second.output, NORTH.territory, 0, countOffset(posterior, second.output, 1, 'B'))[0], 294, 'with-posterior (expected), North');
  });
});

interface Refusal {
  name: string;
  file: 'posterior.csv' | 'sets.yaml';
  edit: (text: string) => string;
  /** What stderr says, with the place. */
  message: RegExp;
  hint?: RegExp;
}

const REFUSALS: Refusal[] = [
  {
    name: 'a header path that names no parameter',
    file: 'posterior.csv',
    edit: (text) => text.replace('tiny transitions A->dead p', 'tiny transitions A->deadx p'),
    // Reported by lint (parameter-set-path) at the ParameterSet's `posterior` key, sets.yaml:7:12.
    message: /the parameter path "tiny transitions A->deadx p" does not name a parameter \(posterior\.csv:1, `tiny transitions` has no `A->deadx`\)/,
    hint: /did you mean `A->dead`\?/,
  },
  {
    name: 'a line with the wrong number of fields',
    file: 'posterior.csv',
    edit: (text) => text.replace('0.14,0.015', '0.14,0.015,0.5'),
    message: /posterior\.csv, line 5: 3 values where the header has 2/,
  },
  {
    name: 'a value out of its parameter\'s range',
    file: 'posterior.csv',
    edit: (text) => text.replace('0.09,0.03', '1.09,0.03'),
    message: /posterior\.csv, line 4: "1\.09" is not a value of tiny transitions A->B p \(expected a probability in \[0, 1\]\)/,
  },
  {
    name: 'a missing file',
    file: 'sets.yaml',
    edit: (text) => text.replace('posterior: posterior.csv', 'posterior: missing.csv'),
    message: /cannot read the posterior sample missing\.csv/,
  },
];

function variant(refusal: Refusal): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-posterior-refusal-'));
  temporary.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, refusal.file);
  const before = readFileSync(file, 'utf8');
  const after = refusal.edit(before);
  expect(after, 'the edit changes the file').not.toBe(before);
  writeFileSync(file, after);
  return dir;
}

describe('(d) a bad posterior sample: exit 2 with the file and line, nothing written', () => {
  for (const refusal of REFUSALS) {
    it(refusal.name, () => {
      const dir = variant(refusal);
      const result = runCli(['simulate', 'with-posterior', '--out', 'out', '--workers', '1'], { cwd: dir });
      expect(result.status, result.stderr).toBe(2);
      // Lint reads the posterior file with the workspace: simulate stops at its diagnostic, placed
      // at the set's `posterior` key (sets.yaml line 7, column 12), rule parameter-set-path.
      expect(result.stderr).toMatch(refusal.message);
      expect(result.stderr).toMatch(/sets\.yaml:7:12 .*parameter-set-path/);
      if (refusal.hint) expect(result.stderr).toMatch(refusal.hint);
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    });
  }

  it('a missing posterior file is placed at its `posterior` key (sets.yaml:7:12), with a hint', () => {
    const dir = variant(REFUSALS[3]!);
    const result = runCli(['simulate', 'with-posterior', '--workers', '1'], { cwd: dir });
    expect(result.stderr).toMatch(/sets\.yaml:7:12 /);
    expect(result.stderr).toMatch(/hint: .*relative to the ParameterSet file|hint: .*relatif au fichier du ParameterSet/);
  });

  it('lint reads posterior files: a bad header path is a lint error, exit 1', () => {
    const result = runCli(['lint', '--lang', 'en'], { cwd: variant(REFUSALS[0]!) });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/parameter-set-path/);
  });
});

describe('a calibration compiles its scenario without the scenario\'s parameter sets', () => {
  it('withoutParameterSets: the values as written (A->B uniform [0.05, 0.2], central 0.125), not the later set\'s 0.13; no set nor posterior', async () => {
    const withSets = await modelOf(FIXTURE, 'with-points', { mode: 'expected' });
    const asWritten = await modelOf(FIXTURE, 'with-points', { mode: 'expected', withoutParameterSets: true });
    const ab = ['transitions', 0, 'p'];
    expect(withSets.parameters.specs[slotOf(withSets, ab)]!.central).toBe(0.13);
    expect(asWritten.parameters.specs[slotOf(asWritten, ab)]!.central).toBe(0.125);
    expect(asWritten.posterior).toBeNull();
    expect(asWritten.inputs.map((i) => i.file)).not.toContain('sets.yaml');
  });
});
