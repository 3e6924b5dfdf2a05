/**
 * Whole output sets through the CLI (issue 12 #9): `simulate --out DIR --report` killed at any
 * moment over a previous run leaves DIR holding exactly the previous set or exactly the new one,
 * byte for byte. The oracle is two uninterrupted runs (seed 1: the old set, seed 2: the new one);
 * results are reproducible byte for byte (simulate-cli.test.ts), so any mix, partial file or
 * temporary file shows as a difference from both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { until } from '../helpers/poll.js';

const FIXED = path.join(REPO, 'test/fixtures/sim/fixed');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'logi-output-sets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const simulateArgs = (seed: number, out: string) => ['simulate', 'fixed', '--iterations', '300', '--seed', String(seed), '--out', out, '--report', '--workers', '1'];

/** Every file of a folder, hidden ones and sub-folders too, as relative path → bytes (base64). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(path.join(folder, entry.name)).toString('base64');
    }
  };
  walk(dir, '');
  return files;
}

/** `exited` gives the exit code, or the signal that ended the process. */
function start(args: string[], cwd: string): { child: ChildProcess; exited: Promise<number | NodeJS.Signals | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', LOGI_DEBUG: '' } });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, exited };
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('simulate --out DIR --report, killed over a previous run', () => {
  let oldSet: Record<string, string>;
  let newSet: Record<string, string>;
  let duration = 0;

  beforeAll(() => {
    expect(runCli(simulateArgs(1, path.join(scratch, 'reference-old')), { cwd: FIXED }).status).toBe(0);
    const started = Date.now();
    const run = runCli(simulateArgs(2, path.join(scratch, 'reference-new')), { cwd: FIXED });
    duration = Date.now() - started;
    expect(run.status, run.stderr).toBe(0);
    oldSet = snapshot(path.join(scratch, 'reference-old'));
    newSet = snapshot(path.join(scratch, 'reference-new'));
  }, 120_000);

  it('the two reference sets are complete and differ in every file (so a mix would show)', () => {
    expect(Object.keys(oldSet).sort()).toEqual(['.logi-output.json', 'report.html', 'results.json', 'summary.csv', 'summary.parquet']);
    expect(Object.keys(newSet).sort()).toEqual(Object.keys(oldSet).sort());
    for (const file of ['report.html', 'results.json', 'summary.csv', 'summary.parquet']) expect(newSet[file], file).not.toBe(oldSet[file]);
    expect(JSON.parse(Buffer.from(newSet['results.json']!, 'base64').toString()).manifest.seed).toBe(2);
  });

  /** A folder `case/out` holding the old set, and the parent to look beside it. */
  function caseWithOldSet(name: string): { parent: string; out: string } {
    const parent = path.join(scratch, name);
    mkdirSync(parent);
    cpSync(path.join(scratch, 'reference-old'), path.join(parent, 'out'), { recursive: true });
    return { parent, out: path.join(parent, 'out') };
  }

  function expectOldOrNewSet(out: string): 'old' | 'new' {
    const now = snapshot(out);
    const which = JSON.stringify(now) === JSON.stringify(oldSet) ? 'old' : JSON.stringify(now) === JSON.stringify(newSet) ? 'new' : 'mixed';
    expect(which, `DIR holds ${Object.keys(now).join(', ')}`).not.toBe('mixed');
    return which as 'old' | 'new';
  }

  async function killAfter(name: string, signal: NodeJS.Signals, when: (parent: string) => Promise<void>): Promise<{ parent: string; out: string; code: number | NodeJS.Signals | null; which: 'old' | 'new' }> {
    const { parent, out } = caseWithOldSet(name);
    const { child, exited } = start(simulateArgs(2, out), FIXED);
    await when(parent);
    child.kill(signal);
    const code = await exited;
    return { parent, out, code, which: expectOldOrNewSet(out) };
  }

  /**
   * Waits until the new set has begun beside DIR: summary.csv is opened before the first territory
   * is simulated and written batch by batch (issue 17), so this is mid-run, files half written.
   */
  const whenNewResultsAreWritten = async (parent: string) => {
    const written = () => readdirSync(parent).some((e) => e.startsWith('.out.logi-new-') && existsSync(path.join(parent, e, 'summary.csv')));
    expect(await until(written, 90_000), 'the run never wrote its results').toBe(true);
  };

  it('issue 12 #9: SIGKILL at several moments leaves the old set or the new set, whole; the next run clears what it left', async () => {
    const outcomes: string[] = [];
    const moments: [string, (parent: string) => Promise<void>][] = [
      ['early', () => sleep(duration * 0.3)],
      ['results written, report being drawn', whenNewResultsAreWritten],
      ['late', () => sleep(duration * 0.9)],
      ['after the end', () => sleep(duration * 1.3)],
    ];
    for (const [i, [moment, when]] of moments.entries()) {
      const { parent, out, which } = await killAfter(`kill-${i}`, 'SIGKILL', when);
      outcomes.push(`${moment}: ${which}`);
      // What a SIGKILL can leave beside DIR: the new set being written, named so the next run finds it.
      for (const entry of readdirSync(parent)) expect(entry).toMatch(/^(out|\.out\.logi-(new|old)-\d+-[0-9a-f]+)$/);
      const next = runCli(['simulate', 'fixed', '--iterations', '20', '--out', out], { cwd: FIXED });
      expect(next.status, next.stderr).toBe(0);
      expect(readdirSync(parent)).toEqual(['out']);
    }
    // The moment the old logi mixed the sets is caught by polling, so it kills mid-way for sure.
    expect(outcomes[1]).toBe('results written, report being drawn: old');
  }, 300_000);

  it('issue 12 #9: SIGINT at several moments leaves the old set or the new set and nothing beside it (no .results.json.PID.tmp, no temporary folder)', async () => {
    const moments: ((parent: string) => Promise<void>)[] = [() => sleep(duration * 0.3), whenNewResultsAreWritten, () => sleep(duration * 0.9)];
    for (const [i, when] of moments.entries()) {
      const { parent, code, which } = await killAfter(`interrupt-${i}`, 'SIGINT', when);
      // Interrupted, logi dies of SIGINT once it has cleaned up (a shell shows 130), or, when the
      // process ended some other way meanwhile (its work done, or the re-raised signal not yet
      // delivered after a second under load), exits with 130 itself (src/io/cleanup.ts); it may
      // also have finished before the signal came.
      expect(code === 'SIGINT' || code === 130 || (code === 0 && which === 'new'), `ended by ${code} with the ${which} set`).toBe(true);
      expect(readdirSync(parent)).toEqual(['out']);
    }
  }, 300_000);
});

describe('output folders that logi did not write', () => {
  it('simulate --out refuses a folder holding other files, before simulating, and leaves it untouched', () => {
    const dir = path.join(scratch, 'mine');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'thesis.docx'), 'years of work');
    const run = runCli(['simulate', 'fixed', '--iterations', '20', '--out', dir], { cwd: FIXED });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/logi: --out .*mine holds an entry that logi did not write there \(thesis\.docx\)/);
    expect(run.stderr).toMatch(/hint: choose a new or empty folder/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(readdirSync(dir)).toEqual(['thesis.docx']);
    expect(readdirSync(scratch).filter((e) => e.startsWith('.mine'))).toEqual([]);
  });

  it('a report written beside results.json joins the set, so the next simulate replaces the folder (report and all)', () => {
    const dir = path.join(scratch, 'with-report');
    expect(runCli(['simulate', 'fixed', '--iterations', '20', '--out', dir], { cwd: FIXED }).status).toBe(0);
    const report = runCli(['report', path.join(dir, 'results.json'), '--format', 'md', '--lang', 'en']);
    expect(report.status, report.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.logi-output.json', 'report-charts', 'report.md', 'results.json', 'summary.csv', 'summary.parquet']);
    const again = runCli(['simulate', 'fixed', '--iterations', '20', '--seed', '5', '--out', dir], { cwd: FIXED });
    expect(again.status, again.stderr).toBe(0);
    // The report described the previous results: it went with them.
    expect(readdirSync(dir).sort()).toEqual(['.logi-output.json', 'results.json', 'summary.csv', 'summary.parquet']);
  }, 120_000);
});

describe('issue 12 #7: ids longer than a file name', () => {
  it('the Markdown report of territories with 300-character ids writes every chart under a shortened name, and links them', () => {
    const workspace = path.join(scratch, 'long-ids');
    cpSync(FIXED, workspace, { recursive: true });
    const model = path.join(workspace, 'model.yaml');
    const long = `t${'x'.repeat(299)}`;
    writeFileSync(model, readFileSync(model, 'utf8').replaceAll('test-territory-2', `${long}-2`).replaceAll('test-territory', long));
    const sim = runCli(['simulate', 'fixed', '--iterations', '20', '--out', 'out'], { cwd: workspace });
    expect(sim.status, sim.stderr).toBe(0);
    const run = runCli(['report', 'out/results.json', '--format', 'md', '--json'], { cwd: workspace });
    expect(run.status, run.stderr).toBe(0);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const files = (JSON.parse(run.stdout) as { files: string[] }).files;
    const markdown = readFileSync(path.join(workspace, 'out', 'report.md'), 'utf8');
    const linked = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]!));
    expect(linked.length).toBeGreaterThan(10);
    for (const link of linked) {
      expect(Buffer.byteLength(path.basename(link)), link).toBeLessThanOrEqual(255);
      expect(statSync(path.join(workspace, 'out', link)).isFile(), link).toBe(true);
    }
    // The files reported are relative to the command's folder.
    expect(files.slice(1).map((f) => path.relative(path.join(workspace, 'out'), path.resolve(workspace, f))).sort()).toEqual([...linked].sort());
  }, 120_000);
});
