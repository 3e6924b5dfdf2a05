/**
 * The malformed corpus: every case names, on its first line, the rule id, line:column and exit
 * code it must produce (`# expect: schema 5:1 exit 1`). Cases that cannot live in git (a huge
 * file, a folder named x.yaml) are made in a temporary copy of the corpus.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const CORPUS = path.join(REPO, 'test/fixtures/malformed');
let work: string;

interface Expectation {
  ruleId: string;
  line: number;
  column: number;
  exit: number;
}

function expectationOf(file: string): Expectation | undefined {
  const first = readFileSync(file, 'latin1').split('\n')[0] ?? '';
  const m = /^# expect: (\S+) (\d+):(\d+) exit (\d)/.exec(first);
  return m ? { ruleId: m[1]!, line: Number(m[2]), column: Number(m[3]), exit: Number(m[4]) } : undefined;
}

const committed = readdirSync(path.join(CORPUS, 'cases')).filter((f) => f.endsWith('.yaml'));
const cases: [string, Expectation][] = committed.map((f) => [f, expectationOf(path.join(CORPUS, 'cases', f)) ?? { ruleId: 'schema', line: 1, column: 1, exit: 1 }]);
// Made at run time:
cases.push(['huge.yaml', { ruleId: 'file-unreadable', line: 1, column: 1, exit: 2 }]);
cases.push(['dossier.yaml', { ruleId: 'file-unreadable', line: 1, column: 1, exit: 2 }]);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-corpus-'));
  cpSync(CORPUS, work, { recursive: true });
  // 6 MB: over the 5 MB limit.
  writeFileSync(path.join(work, 'cases/huge.yaml'), `kind: Pyramid\nversion: 1\nid: huge\ntitle: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
  mkdirSync(path.join(work, 'cases/dossier.yaml'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('malformed corpus', () => {
  it('has at least 30 cases, each with an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const f of committed) if (readFileSync(path.join(CORPUS, 'cases', f)).length > 0) expect(expectationOf(path.join(CORPUS, 'cases', f)), f).toBeDefined();
  });

  it.each(cases)('%s', (file, expected) => {
    const run = runCli(['lint', path.join('cases', file), '--format', 'json'], { cwd: work });
    expect(hasStackTrace(run.stdout + run.stderr), run.stdout + run.stderr).toBe(false);
    expect(run.status).toBe(expected.exit);
    const result = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; range: { start: { line: number; column: number } }; message: string; hint?: string; file: string }[] };
    const first = result.diagnostics[0];
    expect(first, 'a diagnostic').toBeDefined();
    expect(first!.ruleId).toBe(expected.ruleId);
    expect(first!.range.start).toEqual({ line: expected.line, column: expected.column });
    expect(first!.file).toBe(path.join('cases', file));
    expect(first!.message.length).toBeGreaterThan(5);
  });

  it('refuses a JSON file with exit 2 and a hint, without a stack trace', () => {
    const run = runCli(['lint', 'pyramid.json'], { cwd: work });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a YAML file/);
    expect(run.stderr).toMatch(/rename the file to \.yaml/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('reports a missing path as a usage error (exit 2)', () => {
    const run = runCli(['lint', 'nowhere/at-all.yaml'], { cwd: work });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no such file or folder/);
  });

  it('gives "did you mean" hints for typos in keys and ids', () => {
    const run = runCli(['lint', 'cases/typo-actor.yaml', 'cases/unknown-key-node.yaml', '--format', 'json'], { cwd: work });
    const hints = (JSON.parse(run.stdout) as { diagnostics: { hint?: string }[] }).diagnostics.map((d) => d.hint);
    expect(hints).toContain('did you mean `medecin-generaliste`?');
    expect(hints).toContain('did you mean `next`?');
  });

  it('shows a code frame and the hint in the default output', () => {
    const run = runCli(['lint', 'cases/wrong-kind.yaml'], { cwd: work });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('cases/wrong-kind.yaml:2:7  error  unknown kind "Logigram"  schema');
    expect(run.stdout).toContain('> 2 | kind: Logigram');
    expect(run.stdout).toContain('hint: did you mean `Logigramme`?');
  });
});
