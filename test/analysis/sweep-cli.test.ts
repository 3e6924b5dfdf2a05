/**
 * `logi sweep` as a user runs it (the built CLI, bin/run.js → dist/) on the small models of
 * test/fixtures/econ/sensitivity: exit codes, --json, --out and its charts, --target's line, the
 * refusals of --vary (exit 2, a hint, no stack trace, nothing written), and the result on worker
 * threads (the sweep's own, src/analysis/sweep-worker.ts, which only the built CLI runs) equal to
 * the library's on this thread.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../../src/analysis/sweep.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/sensitivity');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-sweep-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const logi = (args: string[]) => runCli(args, { cwd: WORKSPACE });

describe('logi sweep', () => {
  it('--json prints the result; on two threads it is the library on one, number for number', async () => {
    const args = ['sweep', 'visits', '--vary', 'coverage.ill=0.2..0.6:3', '--iterations', '120', '--outcome', 'events:deaths', '--outcome', 'net-cost', '--workers', '2', '--json'];
    const run = logi(args);
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as Awaited<ReturnType<typeof sweep>>;
    const library = await sweep({ scenario: 'visits', cwd: WORKSPACE, version: printed.manifest.version, vary: 'coverage.ill=0.2..0.6:3', iterations: 120, outcomes: ['events:deaths', 'net-cost'], workers: 1 });
    expect(printed).toEqual(JSON.parse(JSON.stringify(library)));
    expect(printed.vary).toMatchObject({ path: 'coverage.ill', values: [0.2, 0.4, 0.6] });
    expect(printed.points).toHaveLength(3);
  });

  it('prints each outcome against the value, and where a target is reached', () => {
    const run = logi(['sweep', 'visits', '--vary', 'coverage.ill=0..1:5', '--mode', 'expected', '--target', 'events:deaths=-40', '--target', 'events:deaths=40', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Sweep of Coverage of ill by the program \(visits\) \(coverage\.ill\) over 5 values/);
    expect(run.stdout).toContain('Deaths, program − baseline, over 3 years (events) — events:deaths');
    expect(run.stdout).toMatch(/events:deaths reaches −40 at coverage\.ill ≈ 0\.\d+ \(linear interpolation between grid points\)/);
    // Averted deaths are negative: the hint says so.
    expect(run.stdout).toMatch(/events:deaths does not reach 40 over the grid of coverage\.ill: its mean stays between −\d+(\.\d+)? and 0\. Events are program − baseline, so averted events are negative: did you mean =-40\?/);
    // One iteration per value: no interval column.
    expect(run.stdout).not.toContain('95 % interval');
  });

  it('--out writes sweep.json and one chart per outcome', () => {
    const out = path.join(work, 'visits');
    const run = logi(['sweep', 'visits', '--vary', 'coverage.ill=0..1:3', '--mode', 'expected', '--out', out, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.logi-output.json', 'sweep-events-deaths.svg', 'sweep-incremental-effect.svg', 'sweep-net-cost.svg', 'sweep.json']);
    const chart = readFileSync(path.join(out, 'sweep-events-deaths.svg'), 'utf8');
    expect(chart.startsWith('<svg role="img" ')).toBe(true);
    expect(chart).toContain('coverage.ill');
  });

  it.each([
    [['--vary', 'coverage.ill=0.8..0.1:3'], /not upwards/, /smaller value first/],
    [['--vary', 'coverage.ill'], /no = between/, /--vary PATH=LO\.\.HI:N/],
    [['--vary', 'coverage.sick=0.1,0.2'], /sick is not a stratum/, /coverage\.ill/],
    [['--vary', 'coverage.ill=0.1,1.5'], /1\.5 is not a value coverage\.ill can take/, /grid/],
    [['--vary', 'small transitions ill->gone p=0.1'], /does not name a parameter/, /./],
    [['--vary', 'coverage.ill=0.1,0.2', '--target', 'deaths=3'], /--target deaths=3/, /events:nouveaux-diabetes=-500/],
    [['--vary', 'coverage.ill=0.1,0.2', '--outcome', 'fte:doctor'], /doctor is not an actor/, /fte:nurse/],
    [[], /vary/, /./],
  ])('refuses %j: exit 2, a hint, no stack trace, no folder', (args, message, hint) => {
    const out = path.join(work, `refused-${args.join('-').replace(/[^A-Za-z0-9.-]/g, '_')}`);
    const run = logi(['sweep', 'visits', ...args, '--mode', 'expected', '--out', out, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/hint:/);
    expect(run.stderr).toMatch(hint);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
