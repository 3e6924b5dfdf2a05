/**
 * `logi calibrate` as a user runs it (the built CLI, bin/run.js → dist/), on the tiny workspace
 * (test/fixtures/analysis/tiny: 3 free parameters, 16 targets). Size: the Calibration asks 500
 * prior draws, a sample of 200 and min-ess 50 — enough for IMIS to reach its ESS in a few rounds,
 * and a run takes a second or two; this file checks the command (its files, its JSON, its refusals
 * and their words), not the figures, which test/analysis/recovery.test.ts and evaluate.test.ts
 * check against closed forms.
 *
 * Refusals: each bad input stops with exit 2, the place (file:line:col, counted by hand in the
 * fixture's calibration.yaml) and a hint, and writes nothing: the --out folder is not created, and
 * a folder holding an earlier calibration is left byte for byte as it was. All but the unknown id
 * are found by lint's calibration-reference rule first (calibrate lints the workspace before
 * anything else), so the command prints lint's diagnostics.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const TINY = path.join(REPO, 'test/fixtures/analysis/tiny');
const PATHS = ['tiny transitions A->B p', 'tiny transitions A->dead p', 'tiny transitions B->dead p'];
const FIVE_FILES = ['calibration.json', 'posterior.csv', 'point.yaml', 'fit-report.html', 'fit-report.md'];

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-calibrate-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the tiny workspace, with `edit` applied to some of its files. */
function workspace(name: string, edits: Record<string, (text: string) => string> = {}): string {
  const dir = path.join(work, name);
  cpSync(TINY, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const before = readFileSync(path.join(dir, file), 'utf8');
    const after = edit(before);
    expect(after, `the edit of ${file} changes it`).not.toBe(before);
    writeFileSync(path.join(dir, file), after);
  }
  return dir;
}

/** Every file under `dir` with its bytes' hash: what "unchanged" means. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const full = path.join(at, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('logi calibrate: what it writes', () => {
  let dir: string;
  let json: { out: string; files: string[]; result: Record<string, unknown> & { parameters: { path: string; point: number; bounds: number[] }[] } };

  beforeAll(() => {
    dir = workspace('written');
    const run = runCli(['calibrate', 'tiny-fit', '--out', 'out', '--json', '--workers', '1'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    json = JSON.parse(run.stdout);
  });

  it('exits 0 and writes the five outputs and fit-report-charts/ into --out; --json names them', () => {
    const out = path.join(dir, 'out');
    expect(json.out).toBe(out);
    expect(json.files.map((f) => path.basename(f)).sort()).toEqual([...FIVE_FILES].sort());
    for (const file of FIVE_FILES) expect(statSync(path.join(out, file)).size, file).toBeGreaterThan(0);
    const charts = readdirSync(path.join(out, 'fit-report-charts'));
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.every((c) => c.endsWith('.svg'))).toBe(true);
    // The Markdown report links its charts; the HTML report is one file with inline SVG.
    const markdown = readFileSync(path.join(out, 'fit-report.md'), 'utf8');
    for (const chart of charts) expect(markdown).toContain(`fit-report-charts/${chart}`);
    expect(readFileSync(path.join(out, 'fit-report.html'), 'utf8')).toContain('<svg');
    // calibration.json is the result that --json printed.
    expect(JSON.parse(readFileSync(path.join(out, 'calibration.json'), 'utf8'))).toEqual(json.result);
  });

  it('writes the posterior sample as CSV: the paths, then `sample` sets within the bounds', () => {
    const lines = readFileSync(path.join(dir, 'out', 'posterior.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe(PATHS.join(','));
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((line) => line.split(',').map(Number));
    expect(rows).toHaveLength(200);
    for (const row of rows) {
      expect(row).toHaveLength(3);
      row.forEach((x, i) => {
        const [low, high] = json.result.parameters[i]!.bounds;
        expect(x).toBeGreaterThanOrEqual(low!);
        expect(x).toBeLessThanOrEqual(high!);
      });
    }
  });

  it('writes the point estimate as a ParameterSet that a scenario can list: the calibration as its source, the posterior beside it', () => {
    const set = parse(readFileSync(path.join(dir, 'out', 'point.yaml'), 'utf8'));
    expect(set).toMatchObject({ kind: 'ParameterSet', version: 1, id: 'tiny-fit-point', source: 'tiny-fit', posterior: 'posterior.csv' });
    expect(set.sources['tiny-fit']).toBeDefined();
    expect(set.values.map((v: { path: string }) => v.path)).toEqual(PATHS);
    set.values.forEach((v: { value: number }, i: number) => expect(v.value).toBe(json.result.parameters[i]!.point));
    // The written folder is itself a workspace's input: the set and its CSV lint clean there.
    const lint = runCli(['lint', '--json'], { cwd: dir });
    expect(lint.status, lint.stdout.slice(0, 2000)).toBe(0);
  });

  it('describes the point estimate as what it is: the maximum a posteriori (docs/calibration.md), not "maximum-likelihood"', () => {
    // The values are each parameter's `point` (the MAP, as docs/calibration.md says).
    const set = parse(readFileSync(path.join(dir, 'out', 'point.yaml'), 'utf8'));
    expect(set.description).not.toMatch(/maximum-likelihood/);
    expect(set.description).toMatch(/maximum a posteriori/);
  });

  it('gives the same result with 1 and 2 worker threads (the sets run in blocks, answered in order)', () => {
    // Without --out (no report to render): the printed result against the calibration.json of 1 thread,
    // which holds the summaries and up to 1,000 values of the posterior sample of each parameter.
    const run = runCli(['calibrate', 'tiny-fit', '--json', '--workers', '2'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(path.join(dir, 'out', 'calibration.json'), 'utf8')));
  });

  it('leaves an earlier calibration in --out byte for byte as it was when the next one is refused, and says why in --json', () => {
    const kept = path.join(work, 'kept');
    cpSync(dir, kept, { recursive: true });
    const before = snapshot(path.join(kept, 'out'));
    expect(Object.keys(before)).toContain('posterior.csv');
    writeFileSync(path.join(kept, 'calibration.yaml'), readFileSync(path.join(kept, 'calibration.yaml'), 'utf8').replace('targets: [tiny-targets]', 'targets: [tiny-targetz]'));
    const run = runCli(['calibrate', 'tiny-fit', '--out', 'out', '--json', '--workers', '1'], { cwd: kept });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(/the workspace has 1 error/);
    expect(snapshot(path.join(kept, 'out'))).toEqual(before);
    expect(readdirSync(kept).filter((entry) => entry.startsWith('.out.'))).toEqual([]);
  });
});

describe('logi calibrate --json', () => {
  it('prints the CalibrationResult: calibration, manifest (flags override draws and seed; inputs hashed), fit, parameters, targets, warnings', () => {
    const dir = workspace('json');
    // The calibration named by its file, as the scenario of `simulate` can be.
    const run = runCli(['calibrate', 'calibration.yaml', '--json', '--draws', '200', '--seed', '4', '--workers', '1'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result).sort()).toEqual(['calibration', 'fit', 'manifest', 'parameters', 'schemaVersion', 'targets', 'warnings']);
    expect(result.schemaVersion).toBe(1);
    expect(result.calibration).toEqual({ id: 'tiny-fit', title: 'Tiny calibration', scenario: 'tiny-3y', file: 'calibration.yaml' });
    expect(result.manifest).toMatchObject({ tool: 'logi', seed: 4, draws: 200, sample: 200 });
    expect(result.manifest.inputs).toEqual(['calibration.yaml', 'model.yaml', 'targets.yaml'].map((file) => ({ file, sha256: sha256(path.join(dir, file)) })));
    expect(['sir', 'imis']).toContain(result.fit.method);
    expect(result.fit).toMatchObject({ essThreshold: 50, converged: result.fit.ess >= 50 });
    expect(result.fit.runs).toBeGreaterThanOrEqual(200);
    expect(result.parameters.map((p: { path: string }) => p.path)).toEqual(PATHS);
    // The values before calibration are those written in model.yaml.
    expect(result.parameters.map((p: { before: number }) => p.before)).toEqual([0.1, 0.02, 0.08]);
    expect(result.parameters[1].bounds).toEqual([0.001, 0.1]);
    expect(result.parameters[0].bounds).toEqual([0, 1]);
    for (const p of result.parameters) expect(Object.keys(p.posterior).sort()).toEqual(['mean', 'p2_5', 'p50', 'p97_5', 'sd']);
    expect(result.targets).toHaveLength(16);
    const start = result.targets.find((t: { id: string }) => t.id === 'a-start-north');
    // A count at the start does not depend on θ: 1000 before, at the point and over the posterior.
    expect(start).toMatchObject({ use: 'fit', territory: 'north', years: [0], likelihood: 'normal', observed: { value: 1000, low: Number((1000 - 10 * 1.959963984540054).toPrecision(7)), high: Number((1000 + 10 * 1.959963984540054).toPrecision(7)) } });
    expect(start.model).toMatchObject({ before: 1000, point: 1000, posterior: { mean: 1000, sd: 0 } });
    expect(result.targets.find((t: { id: string }) => t.id === 'dead-y1').use).toBe('validation');
    expect(result.targets.find((t: { id: string }) => t.id === 'onset-event-y3').observed).toEqual({ value: 130, low: 110, high: 150 });
    expect(Array.isArray(result.warnings)).toBe(true);
  });

  it('prints a summary for a person without --json, and says how to write the files', () => {
    const run = runCli(['calibrate', 'tiny-fit', '--draws', '100', '--workers', '1'], { cwd: workspace('summary') });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Calibration tiny-fit of scenario tiny-3y: (SIR|IMIS), \d+ model runs$/m);
    expect(run.stdout).toContain('tiny transitions A->dead p');
    expect(run.stdout).toContain('Add --out DIR');
  });
});

interface Refusal {
  name: string;
  args?: string[];
  edits?: Record<string, (text: string) => string>;
  lang?: 'en' | 'fr';
  /** What stderr says: the place and the message. */
  message: RegExp;
  hint: RegExp;
}

const replace = (from: string, to: string) => (text: string) => text.replace(from, to);
const EAST = '---\nkind: Territory\nversion: 1\nid: east\ntitle: East\npopulation: 3000\npyramids:\n  tiny:\n    counts: { A: 300, B: 50 }\n    multipliers: { A->B: 1.2 }\n';
const addEast = (text: string) => `${text}${EAST}`;
const LINT_FOOTER = /the workspace has 1 error: run `logi lint`/;

const REFUSALS: Refusal[] = [
  {
    name: 'an unknown calibration id (not in a file: no place; the hint lists the calibrations)',
    args: ['nope'],
    message: /^logi: no calibration has the id nope in .+$/m,
    hint: /^ {2}hint: calibrations of this workspace: tiny-fit$/m,
  },
  {
    name: 'an unknown calibration id, in French',
    args: ['nope'],
    lang: 'fr',
    message: /^logi: aucune calibration n'a l'identifiant nope dans .+$/m,
    hint: /^ {2}conseil : calibrations de cet espace de travail : tiny-fit$/m,
  },
  {
    name: 'a free parameter path that does not exist (in English, as the other lint cases)',
    edits: { 'calibration.yaml': replace('path: tiny transitions A->dead p', 'path: tiny transitions A->deadx p') },
    message: /calibration\.yaml:12:11 +error +`tiny transitions` has no `A->deadx` +calibration-reference/,
    hint: /hint: did you mean `A->dead`\?/,
  },
  {
    name: 'a path to a parameter that the scenario does not use (a territory it does not simulate)',
    edits: {
      'model.yaml': addEast,
      'calibration.yaml': (text) => text.replace('path: tiny transitions A->dead p', 'path: east pyramids tiny multipliers A->B').replace('prior: { uniform: [0.001, 0.1] }', 'prior: { uniform: [0.5, 2] }').replace('bounds: [0.001, 0.1]', 'bounds: [0.5, 2]'),
    },
    message: /calibration\.yaml:12:11 +error +this parameter belongs to Territory `east`, which scenario `tiny-3y` does not use/,
    hint: /hint: name a parameter of the scenario's pyramid/,
  },
  {
    name: 'a prior given as a plain number',
    edits: { 'calibration.yaml': replace('prior: { uniform: [0.001, 0.1] }', 'prior: 0.02') },
    message: /calibration\.yaml:13:12 +error +`prior: 0\.02` is a fixed number: it leaves nothing to calibrate/,
    hint: /hint: give a distribution/,
  },
  {
    name: 'a target for a territory that the scenario does not simulate (reported at the Calibration\'s `targets`)',
    edits: { 'model.yaml': addEast, 'targets.yaml': replace('territory: north, year: 3, count: [B]', 'territory: east, year: 3, count: [B]') },
    message: /calibration\.yaml:8:11 +error +target `b-y3-north` of `tiny-targets` is for territory `east`, which scenario `tiny-3y` does not simulate/,
    hint: /hint: the scenario's territories: `north`, `south`/,
  },
  {
    name: 'a target year beyond the horizon',
    edits: { 'targets.yaml': replace('title: B at the end of year 2, year: 2', 'title: B at the end of year 2, year: 4') },
    message: /calibration\.yaml:8:11 +error +target `b-y2` of `tiny-targets` is measured in year 4, beyond the horizon of scenario `tiny-3y` \(3 years\)/,
    hint: /hint: the model computes years 0 to 3/,
  },
  {
    name: 'a Targets id that does not exist',
    edits: { 'calibration.yaml': replace('targets: [tiny-targets]', 'targets: [tiny-targetz]') },
    message: /calibration\.yaml:8:11 +error +unknown Targets `tiny-targetz`/,
    hint: /hint: did you mean `tiny-targets`\?/,
  },
];

describe('logi calibrate refuses bad input: exit 2, the place, a hint, nothing written', () => {
  REFUSALS.forEach((refusal, k) => {
    it(refusal.name, () => {
      const dir = workspace(`refusal-${k}`, refusal.edits);
      const run = runCli(['calibrate', ...(refusal.args ?? ['tiny-fit']), '--out', 'out', '--workers', '1', ...(refusal.lang ? ['--lang', refusal.lang] : [])], { cwd: dir });
      expect(run.status, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toMatch(refusal.message);
      expect(run.stderr).toMatch(refusal.hint);
      if (refusal.edits && refusal.lang !== 'fr') expect(run.stderr).toMatch(LINT_FOOTER);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(existsSync(path.join(dir, 'out')), 'the --out folder is not created').toBe(false);
      expect(readdirSync(dir).filter((entry) => entry.startsWith('.out.'))).toEqual([]);
    });
  });
});
