/**
 * `logi stratify` end to end (bin/run.js runs dist/: build first), on a workspace whose pyramid has
 * structured criteria (docs/stratify.md, "The criteria language").
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { AS_OF, EXPECTED, FILES } from './dataset.js';

// The pyramid of plan.ts, as a user writes it (docs/stratify.md, "The criteria language").
const PYRAMID = `kind: Pyramid
version: 1
id: test-pyramid
title: Test
population: { age: { gte: 18 } }
strata:
  - { id: S0, title: S0, criteria: tout le reste }
  - id: S1
    title: S1
    criteria:
      any:
        - diagnosis: { codes: [E11*], within: 1 }
        - dispensation: { atc: [A10*], within: 12, min-count: 3 }
        - act: JVJF004
  - id: P
    title: P
    criteria:
      priority: 5
      all:
        - ald: E10*
        - not: { diagnosis: E11* }
  - id: S2
    title: S2
    criteria:
      all:
        - lab: { test: hba1c, within: 12, gte: 8 }
        - territory: douaisis
  - id: S3
    title: S3
    criteria:
      any:
        - lab: { test: egfr, value: worst, within: 24, lt: 30 }
        - stay: { main-diagnosis: [I50*], within: 12 }
        - nyha: { gte: 3 }
`;

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function workspace(): { root: string; data: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'logi-stratify-cli-'));
  temporary.push(root);
  writeFileSync(path.join(root, 'logi.config.yaml'), 'include: [guidelines]\n');
  mkdirSync(path.join(root, 'guidelines'));
  writeFileSync(path.join(root, 'guidelines', 'pyramid.yaml'), PYRAMID);
  const data = path.join(root, 'data');
  mkdirSync(data);
  for (const [table, text] of Object.entries(FILES)) writeFileSync(path.join(data, `${table}.csv`), text);
  return { root, data };
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

  it('--emit-sql without data nor --as-of is refused', () => {
    const { root } = workspace();
    const run = runCli(['stratify', 'test-pyramid', '--emit-sql', '--lang', 'en'], { cwd: root });
    expect(run.status).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain('logi: --emit-sql without the data needs --as-of');
  });
});
