/**
 * Issue 21's acceptance, through the built CLI: the bundled diabetes run (500 iterations, with its
 * report) is archived, the package unpacked elsewhere by the system's own unzip (or Python's
 * zipfile: an unpacker that is not logi's), and `logi verify` reproduces it — under a French
 * locale on one worker, and from the ZIP itself in English on two workers under another locale;
 * one byte changed in one input fails, exit 1, naming that input.
 *
 * Oracles, independent of logi: each input's SHA-256 computed here with node:crypto on the raw
 * workspace file, equal to the manifest's and to the packaged file's; each output byte for byte
 * the file simulate wrote. Run time: one simulation (~40 s on the shared 2 cores), three
 * re-runs (~25 s each).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, REPO } from '../helpers/cli.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** bin/run.js with a timeout long enough for a re-run; no language chosen unless `env` says. */
function logi(args: readonly string[], env: Record<string, string> = {}, cwd = REPO): Run {
  const { FORCE_COLOR: _colour, LOGI_LANG: _lang, LC_ALL: _all, LANG: _lang2, LC_MESSAGES: _messages, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', LOGI_DEBUG: '', ...env }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Unpacks with the system's unzip, else Python's zipfile: not logi's reader. */
function unpack(zip: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const unzip = spawnSync('unzip', ['-q', zip, '-d', into]);
  if (unzip.status === 0) return;
  const python = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, into]);
  expect(python.status, 'neither unzip nor python3 could unpack the package').toBe(0);
}

let work: string;
let out: string;
let zip: string;
let unpacked: string;
let manifest: { inputs: { file: string; sha256: string }[] };

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-archive-cli-'));
  out = path.join(work, 'dt2');
  zip = path.join(work, 'dt2.zip');
  unpacked = path.join(work, 'elsewhere', 'paquet');
  const simulated = logi(['simulate', 'simulations/pionniers-dt2.yaml', '--iterations', '500', '--out', out, '--report', '--lang', 'fr']);
  expect(simulated.status, simulated.stderr).toBe(0);
  manifest = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')).manifest;
  const archived = logi(['archive', out, '--out', zip, '--date', '2026-06-30', '--lang', 'en']);
  expect(archived.status, archived.stderr).toBe(0);
  unpack(zip, unpacked);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('logi archive: the package of the bundled diabetes run', () => {
  it('holds every input of the manifest byte for byte, at its path relative to the workspace root', () => {
    expect(manifest.inputs.length).toBeGreaterThan(10);
    for (const input of manifest.inputs) {
      const original = path.join(REPO, input.file);
      expect(sha256(original), input.file).toBe(input.sha256);
      expect(sha256(path.join(unpacked, 'workspace', input.file)), input.file).toBe(input.sha256);
    }
    expect(readFileSync(path.join(unpacked, 'workspace', 'logi.config.yaml'))).toEqual(readFileSync(path.join(REPO, 'logi.config.yaml')));
  });

  it('holds the outputs simulate wrote, byte for byte, and the tool, its dependencies and the platform', () => {
    expect(readdirSync(path.join(unpacked, 'results')).sort()).toEqual(['report.html', 'results.json', 'summary.csv', 'summary.parquet']);
    for (const name of ['report.html', 'results.json', 'summary.csv', 'summary.parquet']) expect(sha256(path.join(unpacked, 'results', name)), name).toBe(sha256(path.join(out, name)));
    const record = JSON.parse(readFileSync(path.join(unpacked, 'logi-package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
    expect(record.tool.version).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    expect(record.tool.dependencies.source).toBe('package-lock.json');
    for (const name of ['yaml', 'zod', 'seedrandom', 'fflate']) expect(record.tool.dependencies.packages[name], name).toBe(lock.packages[`node_modules/${name}`].version);
    expect(record.invocation).toMatchObject({ command: 'simulate', target: 'pionniers-dt2-2026', options: { iterations: 500, seed: 20180318, csvDelimiter: ',', report: true, lang: 'fr' } });
    expect(record.invocation.platform).toMatchObject({ node: process.version, cpus: os.availableParallelism() });
  });
});

describe('logi verify', () => {
  it('reproduces the unpacked package under a French locale, on one worker', () => {
    const run = logi(['verify', unpacked, '--workers', '1'], { LC_ALL: 'fr_FR.UTF-8', LANG: 'fr_FR.UTF-8' }, work);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^✔ reproduit : logi simulate pionniers-dt2-2026 redonne les mêmes octets \(4 fichiers comparés/);
  }, 300_000);

  it('reproduces from the ZIP itself, with --lang en, on two workers, under another locale; --json says which files', () => {
    const run = logi(['verify', zip, '--workers', '2', '--lang', 'en', '--json'], { LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8' }, work);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const verification = JSON.parse(run.stdout);
    expect(verification).toMatchObject({ reproduced: true, command: 'simulate', changedInputs: [], reasons: [] });
    expect(verification.files.map((f: { name: string }) => f.name).sort()).toEqual(['results/report.html', 'results/results.json', 'results/summary.csv', 'results/summary.parquet']);
  }, 300_000);

  it('fails, exit 1, naming the input when one byte of it changed', () => {
    const changed = path.join(work, 'changed');
    cpSync(unpacked, changed, { recursive: true });
    const file = path.join(changed, 'workspace', 'simulations', 'territories', 'douaisis.yaml');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('population: 2') + 'population: '.length;
    bytes[at] = '3'.charCodeAt(0);
    writeFileSync(file, bytes);
    const run = logi(['verify', changed, '--lang', 'en'], {}, work);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^✘ not reproduced: logi simulate pionniers-dt2-2026/);
    expect(run.stdout).toMatch(/first differing figure \(results\/summary\.csv\): measure \S+ \S+, territory douaisis, arm \w+, year \d+/);
    expect(run.stdout).toContain(`likely reason: a changed input — simulations/territories/douaisis.yaml (SHA-256 recorded ${sha256(path.join(REPO, 'simulations/territories/douaisis.yaml'))}, packaged ${sha256(file)})`);
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  }, 300_000);

  it('refuses what is not a package, exit 2, with a hint and no stack trace; leaves no temporary folder', () => {
    const before = readdirSync(os.tmpdir()).filter((e) => e.startsWith('logi-verify-')).length;
    const notZip = path.join(work, 'not-a-package.zip');
    writeFileSync(notZip, 'this is not a zip');
    const run = logi(['verify', notZip, '--lang', 'en'], {}, work);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^logi: .*not-a-package\.zip is not a package that can be unpacked/);
    expect(run.stderr).toMatch(/hint: give a package written by logi archive/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(readdirSync(os.tmpdir()).filter((e) => e.startsWith('logi-verify-')).length).toBe(before);
    expect(existsSync(path.join(work, 'elsewhere', 'paquet', 'out'))).toBe(false);
  });
});
