/**
 * `logi sensitivity` as a user runs it (the built CLI, bin/run.js → dist/) on the small models of
 * test/fixtures/econ/sensitivity: exit codes, --json, --out and its files, the summary in both
 * languages, and the refusals (exit 2, a hint, no stack trace, nothing written). The figures are
 * checked against hand computations in sensitivity.test.ts; here, that the CLI's JSON is the
 * library's: the PSA of the regression runs on worker threads (120 iterations: more than one
 * block), the library in the test on this thread, and the numbers are the same.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sensitivity } from '../../src/analysis/sensitivity.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/sensitivity');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-sensitivity-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const logi = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: WORKSPACE, env });

describe('logi sensitivity', () => {
  it('--json prints the result; on two threads it is the library on one, number for number', async () => {
    const run = logi(['sensitivity', 'visits', '--outcome', 'events:deaths', '--iterations', '120', '--workers', '2', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as Awaited<ReturnType<typeof sensitivity>>;
    const library = await sensitivity({ scenario: 'visits', cwd: WORKSPACE, version: printed.manifest.version, outcome: 'events:deaths', iterations: 120, workers: 1 });
    expect(printed).toEqual(JSON.parse(JSON.stringify(library)));
    expect(printed.outcome.id).toBe('events:deaths');
    expect(printed.oneWay).toHaveLength(4);
    expect(printed.regression!.iterations).toBe(120);
  });

  it('prints a table in English and in French', () => {
    const english = logi(['sensitivity', 'platform', '--iterations', '60', '--lang', 'en']);
    expect(english.status, english.stderr).toBe(0);
    expect(english.stdout).toContain('Every parameter at its central value (expected mode): 9,600');
    expect(english.stdout).toMatch(/1 {2}cost platform of program platform +2,000 +4,500 +6,600 +14,100 +7,500/);
    expect(english.stdout).toContain('Use --out DIR');
    const french = logi(['sensitivity', 'platform', '--iterations', '60', '--lang', 'fr']);
    expect(french.status, french.stderr).toBe(0);
    expect(french.stdout).toContain('Tous les paramètres à leur valeur centrale (mode espérance) : 9\u202f600');
    expect(french.stdout).toContain('Métamodèle de régression');
  });

  it('--out writes sensitivity.json, tornado.svg and importance.svg, and the manifest of the set', () => {
    const out = path.join(work, 'platform');
    const run = logi(['sensitivity', 'platform', '--iterations', '60', '--out', out, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.logi-output.json', 'importance.svg', 'sensitivity.json', 'tornado.svg']);
    const result = JSON.parse(readFileSync(path.join(out, 'sensitivity.json'), 'utf8')) as { base: number; oneWay: { parameter: string }[] };
    expect(result.base).toBe(9600);
    const tornado = readFileSync(path.join(out, 'tornado.svg'), 'utf8');
    expect(tornado.startsWith('<svg role="img" ')).toBe(true);
    expect(tornado).toContain('cost platform of program platform');
    expect(readFileSync(path.join(out, 'importance.svg'), 'utf8')).toContain('R² = 1.000');
  });

  it.each([
    [['sensitivity', 'platform', '--outcome', 'cost'], /cost is not an outcome/, /net-cost/],
    [['sensitivity', 'platform', '--outcome', 'events:births'], /births is not an event/, /events:deaths/],
    [['sensitivity', 'platform', '--territory', 'elsewhere'], /elsewhere is not a territory/, /ensemble/],
    [['sensitivity', 'nowhere'], /no scenario|nowhere/, /platform/],
    [['sensitivity', 'model.yaml'], /model\.yaml holds 2 scenarios/, /platform, visits/],
    [['sensitivity', 'platform', '--iterations', '5'], /iterations/, /./],
  ])('refuses %j: exit 2, a hint, no stack trace, no folder', (args, message, hint) => {
    const out = path.join(work, `refused-${args.join('-')}`);
    const run = logi([...args, '--out', out, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/hint:/);
    expect(run.stderr).toMatch(hint);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('with --json, a refusal is JSON on stdout', () => {
    const run = logi(['sensitivity', 'platform', '--outcome', 'cost', '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { message: expect.stringMatching(/not an outcome/), hint: expect.stringMatching(/net-cost/) } });
  });
});
