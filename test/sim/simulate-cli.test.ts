/** `logi simulate` as a user runs it: outputs, reproducibility across seeds and workers, errors. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { FIXED } from './helpers.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-simulate-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const out = (name: string) => path.join(work, name);

describe('logi simulate', () => {
  it('gives byte-identical results.json for --workers 1 and --workers 2, and for the same seed', () => {
    // 130 iterations: three blocks of 50, so two workers really share the work.
    const args = ['simulate', 'fixed', '--iterations', '130', '--seed', '42'];
    expect(runCli([...args, '--workers', '1', '--out', out('w1')], { cwd: FIXED }).status).toBe(0);
    expect(runCli([...args, '--workers', '2', '--out', out('w2')], { cwd: FIXED }).status).toBe(0);
    expect(runCli([...args, '--workers', '2', '--out', out('w2-again')], { cwd: FIXED }).status).toBe(0);
    const w1 = readFileSync(path.join(out('w1'), 'results.json'));
    expect(readFileSync(path.join(out('w2'), 'results.json')).equals(w1)).toBe(true);
    expect(readFileSync(path.join(out('w2-again'), 'results.json')).equals(w1)).toBe(true);
    expect(readFileSync(path.join(out('w2'), 'summary.csv')).equals(readFileSync(path.join(out('w1'), 'summary.csv')))).toBe(true);
    expect(runCli(['simulate', 'fixed', '--iterations', '130', '--seed', '43', '--out', out('other-seed')], { cwd: FIXED }).status).toBe(0);
    expect(readFileSync(path.join(out('other-seed'), 'results.json')).equals(w1)).toBe(false);
  });

  it('gives byte-identical results.json under da_DK and en_US locales, with 1 and 2 workers (ids that sort differently there)', () => {
    // In Danish "aa" sorts as "å", after "z": a locale-aware sort would order the Actors documents
    // (aa-acteurs, test-actors, the first definition of an actor wins) and the input files
    // (aa-acteurs.yaml, model.yaml, zz-…) differently, and so change the costs and the manifest.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-locale-'));
    try {
      cpSync(FIXED, dir, { recursive: true });
      writeFileSync(path.join(dir, 'aa-acteurs.yaml'), 'kind: Actors\nversion: 1\nid: aa-acteurs\nactors:\n  gp: { title: GP (aa), minutes-per-act: 25, cost-per-act: 31, fte-minutes-per-year: 96000 }\n');
      writeFileSync(path.join(dir, 'zz-acteurs.yaml'), 'kind: Actors\nversion: 1\nid: zz-acteurs\nactors:\n  aa-infirmier: { title: Nurse, minutes-per-act: 15, cost-per-act: 12, fte-minutes-per-year: 96000 }\n');
      const outputs = [];
      for (const lang of ['da_DK.UTF-8', 'en_US.UTF-8']) {
        for (const workers of ['1', '2']) {
          const target = path.join(dir, `out-${lang}-${workers}`);
          const run = runCli(['simulate', 'fixed', '--iterations', '120', '--workers', workers, '--out', target], { cwd: dir, env: { LANG: lang, LC_ALL: lang } });
          expect(run.status, run.stderr).toBe(0);
          outputs.push(readFileSync(path.join(target, 'results.json')));
        }
      }
      for (const other of outputs.slice(1)) expect(other.equals(outputs[0]!)).toBe(true);
      const results = JSON.parse(outputs[0]!.toString('utf8'));
      // Code-point order: aa-acteurs comes first, so its definition of gp is the one used.
      expect(results.actors.find((a: { id: string }) => a.id === 'gp').title).toBe('GP (aa)');
      expect(results.manifest.inputs.map((i: { file: string }) => i.file)).toEqual(['aa-acteurs.yaml', 'model.yaml', 'zz-acteurs.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a results.json that follows docs/schemas/results.schema.json, with a manifest and no timestamp', () => {
    const results = JSON.parse(readFileSync(path.join(out('w1'), 'results.json'), 'utf8')) as Record<string, unknown> & { manifest: Record<string, unknown> };
    const schema = JSON.parse(readFileSync(path.join(REPO, 'docs/schemas/results.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(results), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(results.manifest).toMatchObject({ tool: 'logi', seed: 42, iterations: 130, mode: 'stochastic', scenario: 'fixed' });
    const inputs = results.manifest.inputs as { file: string; sha256: string }[];
    expect(inputs.map((i) => i.file)).toEqual(['model.yaml']);
    expect(inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(results)).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it('writes tidy CSV, with decimal commas under --csv-delimiter ";"', () => {
    const csv = readFileSync(path.join(out('w1'), 'summary.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('territory,scale,arm,measure,key,year,mean,sd,median,p2_5,p97_5,mcse');
    expect(csv.some((line) => line.startsWith('ensemble,count,difference,counts,S2,6,'))).toBe(true);
    expect(runCli(['simulate', 'fixed', '--iterations', '20', '--out', out('fr'), '--csv-delimiter', ';'], { cwd: FIXED }).status).toBe(0);
    const fr = readFileSync(path.join(out('fr'), 'summary.csv'), 'utf8').split('\n');
    expect(fr[0]).toBe('territory;scale;arm;measure;key;year;mean;sd;median;p2_5;p97_5;mcse');
    expect(fr.find((l) => l.startsWith('test-territory;count;baseline;counts;S0;3;'))).toMatch(/;\d+,\d+;/);
  });

  it('takes the scenario as a file too, resolving the workspace from it (the bundled heart-failure scenario)', () => {
    const run = runCli(['simulate', 'simulations/pionniers-ic.yaml', '--iterations', '20', '--json']);
    expect(run.status, run.stderr.slice(0, 500)).toBe(0);
    expect(JSON.parse(run.stdout).manifest).toMatchObject({ scenario: 'pionniers-ic-2026', pyramid: 'insuffisance-cardiaque', iterations: 20 });
  });

  it('prints a readable summary, and --json the results', () => {
    const run = runCli(['simulate', 'fixed', '--iterations', '40'], { cwd: FIXED });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/People per stratum/);
    expect(run.stdout).toMatch(/new-cases/);
    expect(run.stdout).toMatch(/Workload by profession/);
    const json = runCli(['simulate', 'fixed', '--iterations', '10', '--json'], { cwd: FIXED });
    expect(JSON.parse(json.stdout).manifest.iterations).toBe(10);
  });

  it('stops with exit 2, the parameter, its file:line and the iteration on an impossible draw; writes nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-bad-'));
    try {
      cpSync(FIXED, dir, { recursive: true });
      const file = path.join(dir, 'model.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('- { from: S1, to: S2, p: 0.10, source: t }', '- { from: S1, to: S2, p: { uniform: [0.1, 0.97] }, source: t }'));
      const run = runCli(['simulate', 'fixed', '--iterations', '50', '--out', path.join(dir, 'out')], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/model\.yaml:\d+:\d+: the transition probabilities out of S1 sum to [\d.]+ > 1 in iteration \d+/);
      expect(run.stderr).toMatch(/hint:/);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(() => readFileSync(path.join(dir, 'out', 'results.json'))).toThrow();
      // The same from worker threads: the error crosses back, the threads stop, nothing is written.
      const threaded = runCli(['simulate', 'fixed', '--iterations', '500', '--workers', '2', '--out', path.join(dir, 'out')], { cwd: dir });
      expect(threaded.status).toBe(2);
      expect(threaded.stderr).toMatch(/sum to [\d.]+ > 1 in iteration \d+/);
      expect(hasStackTrace(threaded.stderr)).toBe(false);
      expect(() => readFileSync(path.join(dir, 'out', 'results.json'))).toThrow();
      // The earliest failing iteration is reported, whatever the number of threads.
      const inline = runCli(['simulate', 'fixed', '--iterations', '500', '--workers', '1'], { cwd: dir });
      expect(threaded.stderr).toBe(inline.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes results.json and summary.csv byte for byte the same in French and in English; only the words for people change', () => {
    const runs: Record<string, { stdout: string; results: Buffer; csv: Buffer }> = {};
    for (const [lang, workers] of [['fr', '2'], ['en', '1']] as const) {
      const target = out(`lang-${lang}`);
      const run = runCli(['simulate', 'fixed', '--iterations', '120', '--workers', workers, '--csv-delimiter', ';', '--lang', lang, '--out', target], { cwd: FIXED });
      expect(run.status, run.stderr).toBe(0);
      runs[lang] = { stdout: run.stdout, results: readFileSync(path.join(target, 'results.json')), csv: readFileSync(path.join(target, 'summary.csv')) };
    }
    expect(runs.fr!.results.equals(runs.en!.results)).toBe(true);
    expect(runs.fr!.csv.equals(runs.en!.csv)).toBe(true);
    // The summary printed for a person is in each language.
    expect(runs.fr!.stdout).toMatch(/^Scénario fixed — pyramide test-pyramid, 2 territoires, 120 itérations \(stochastic\), graine \d+, \d+ ans$/m);
    expect(runs.fr!.stdout).toContain("Personnes par strate, tous territoires (moyenne ; programme − soins courants avec son intervalle à 95 % à l'horizon)");
    expect(runs.en!.stdout).toMatch(/^Scenario fixed — pyramid test-pyramid, 2 territories, 120 iterations \(stochastic\), seed \d+, \d+ years$/m);
    // One decimal in the FTE columns: a decimal comma in French, a point in English.
    expect(runs.fr!.stdout).toMatch(/^Charge de travail par profession, année \d+, tous territoires \(moyenne\)\n.*\n.* \d+,\d /m);
    expect(runs.en!.stdout).toMatch(/^Workload by profession, year \d+, all territories \(mean\)\n.*\n.* \d+\.\d /m);
  });

  it('an error raised in a worker thread is in the command\'s language, the same as on one thread', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-bad-fr-'));
    try {
      cpSync(FIXED, dir, { recursive: true });
      const file = path.join(dir, 'model.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('- { from: S1, to: S2, p: 0.10, source: t }', '- { from: S1, to: S2, p: { uniform: [0.1, 0.97] }, source: t }'));
      // 500 iterations on two threads: the draws run in the workers, whose language is not LOGI_LANG's (en) but the command's.
      const threaded = runCli(['simulate', 'fixed', '--iterations', '500', '--workers', '2', '--lang', 'fr'], { cwd: dir });
      expect(threaded.status).toBe(2);
      expect(threaded.stderr).toMatch(/model\.yaml:\d+:\d+ ?: les probabilités de transition qui sortent de S1 ont pour somme \d\.\d{4} > 1 à l'itération \d+\n/);
      expect(threaded.stderr).toContain("abaissez les probabilités de cette ligne, ou resserrez leurs lois pour qu'un tirage ne puisse pas dépasser 1");
      expect(hasStackTrace(threaded.stderr)).toBe(false);
      const inline = runCli(['simulate', 'fixed', '--iterations', '500', '--workers', '1', '--lang', 'fr'], { cwd: dir });
      expect(threaded.stderr).toBe(inline.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a workspace that does not lint clean (exit 2) and an unknown scenario', () => {
    const unknown = runCli(['simulate', 'nope'], { cwd: FIXED });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no scenario `nope`/);
    expect(unknown.stderr).toMatch(/fixed, zero-coverage/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-unclean-'));
    try {
      cpSync(FIXED, dir, { recursive: true });
      const file = path.join(dir, 'model.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('actor: gp', 'actor: gpp'));
      const run = runCli(['simulate', 'fixed'], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/model\.yaml:\d+:\d+ +error +unknown actor `gpp`/);
      expect(run.stderr).toMatch(/the workspace has 1 error/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
