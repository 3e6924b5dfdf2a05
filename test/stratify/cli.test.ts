/**
 * `logi stratify` end to end (bin/run.js runs dist/: build first), on a workspace whose pyramid has
 * structured criteria (docs/stratify.md, "The criteria language").
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { AS_OF, EXPECTED } from './dataset.js';
import { stratifyWorkspace } from './workspace.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function workspace(): { root: string; data: string } {
  const made = stratifyWorkspace();
  temporary.push(made.root);
  return made;
}

describe('logi stratify', () => {
  it('refuses an unknown pyramid, exit 2, no stack trace', () => {
    const { root, data } = workspace();
    const run = runCli(['stratify', 'nope', data, '--lang', 'en'], { cwd: root });
    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain('logi: there is no pyramid nope in the workspace (pyramids: test-pyramid)');
  });

  it('assigns, counts, and writes the output set', () => {
    const { root, data } = workspace();
    const run = runCli(['stratify', 'test-pyramid', data, '--as-of', AS_OF, '--out', 'out', '--assignments-csv', '--json'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { asOf: string; patients: number };
    // The fixture workspace has no Territory document: both territories of the data are new.
    expect(json).toMatchObject({ asOf: AS_OF, patients: 16, newTerritories: ['cambresis', 'douaisis'] });
    const rows = readFileSync(path.join(root, 'out', 'assignments.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows).toEqual(EXPECTED.map((r) => r.join(',')));
    expect(readFileSync(path.join(root, 'out', 'territories', 'douaisis.yaml'), 'utf8')).toContain('S2: 1');
  });

  it('--emit-sql --dialect postgres prints the query', () => {
    const { root } = workspace();
    const run = runCli(['stratify', 'test-pyramid', '--emit-sql', '--dialect', 'postgres', '--as-of', AS_OF], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("to_char(");
    expect(run.stdout).toContain(`DATE '${AS_OF}'`);
  });

  it('--counts-only: the counts summed by hand, counts.csv and the Territory documents, nothing else', () => {
    const { root, data } = workspace();
    const run = runCli(['stratify', 'test-pyramid', data, '--as-of', AS_OF, '--out', 'out', '--counts-only', '--json'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // From EXPECTED: douaisis S0 p01 p03 p06, S1 p02 p10, P p07, S2 p04, S3 p05, outside p08 p09.
    const json = JSON.parse(run.stdout) as { territories: unknown[] };
    expect(json.territories).toContainEqual({ territory: 'douaisis', counts: { S0: 3, S1: 2, P: 1, S2: 1, S3: 1 }, outside: 2 });
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['.logi-output.json', 'counts.csv', 'territories']);
  });

  it('--counts-only --emit-sql gives the query without reasons', () => {
    const { root } = workspace();
    const run = runCli(['stratify', 'test-pyramid', '--emit-sql', '--dialect', 'postgres', '--counts-only', '--as-of', AS_OF], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('AS stratum');
    expect(run.stdout).not.toContain('AS reason');
  });

  it('a memory limit that is not a size, and one too small, are refused with a hint', () => {
    const { root, data } = workspace();
    const bad = runCli(['stratify', 'test-pyramid', data, '--memory-limit', 'lots', '--lang', 'en'], { cwd: root });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('logi: --memory-limit lots is not a size');
    // 1 MB is less than one block of DuckDB's (256 KiB) times what a query holds at once.
    const small = runCli(['stratify', 'test-pyramid', data, '--as-of', AS_OF, '--memory-limit', '1MB', '--out', 'out', '--lang', 'en'], { cwd: root });
    expect(small.status).toBe(2);
    expect(hasStackTrace(small.stderr)).toBe(false);
    expect(small.stderr).toContain('logi: the database engine ran out of memory (limit 1MB)');
    expect(small.stderr).toContain('--counts-only');
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('--emit-sql without data nor --as-of is refused', () => {
    const { root } = workspace();
    const run = runCli(['stratify', 'test-pyramid', '--emit-sql', '--lang', 'en'], { cwd: root });
    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain('logi: --emit-sql without the data needs --as-of');
  });
});
