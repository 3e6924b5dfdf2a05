/**
 * `logi test` through the built CLI, on the fixture workspace test/fixtures/pathway-tests/workspace
 * and on a copy of the bundled material. Expected values are computed by hand in the tests; the
 * JUnit report is validated against Jenkins' JUnit schema with libxml2's xmllint, the TAP report
 * against the grammar of the TAP 14 specification (a parser of this test's own).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const FIXTURE = path.join(REPO, 'test/fixtures/pathway-tests/workspace');
const XSD = path.join(REPO, 'test/fixtures/pathway-tests/junit-10.xsd');

interface Json {
  passed: number;
  failed: number;
  errors: number;
  exitCode: number;
  results: { name: string; status: string; failures: { file: string; range: { start: { line: number; column: number } }; message: string; actual?: unknown; cause?: { file: string; range: { start: { line: number; column: number } }; message: string } }[] }[];
  unusable: { ruleId: string; message: string }[];
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-test-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of the fixture workspace, with `parcours.test.yaml` replaced when `tests` is given. */
function fixtureCopy(name: string, tests?: string): string {
  const dir = path.join(work, name);
  cpSync(FIXTURE, dir, { recursive: true });
  if (tests !== undefined) writeFileSync(path.join(dir, 'parcours.test.yaml'), tests);
  return dir;
}

function testJson(cwd: string, args: string[] = []): Json {
  const run = runCli(['test', '--json', ...args], { cwd, env: { LOGI_LANG: 'en' } });
  expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  return JSON.parse(run.stdout) as Json;
}

const HEADER = 'kind: PathwayTest\nversion: 1\nid: parcours-tests\nlogigramme: parcours\n';

describe('exit codes', () => {
  it('0 when every case passes', () => {
    const run = runCli(['test'], { cwd: FIXTURE, env: { LOGI_LANG: 'en' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✔ 4 cases pass.');
  });

  it('1 when a case fails, with the expectation at file:line:col and the value found', () => {
    const dir = fixtureCopy('fails', `${HEADER}paths:\n  - name: faux\n    given: { hba1c: 6 }\n    path: [debut, seuil, tri, fin]\n`);
    const run = runCli(['test'], { cwd: dir, env: { LOGI_LANG: 'en' } });
    expect(run.status).toBe(1);
    // Line 8 is `    path: [debut, seuil, tri, fin]`: its 3rd item, `tri`, starts at column 26; the walk went to `suivi`.
    // `seuil:` is line 10 of parcours.yaml, column 3.
    expect(run.stdout).toContain('parcours.test.yaml:8:26  node 3 of the path is `suivi`, expected `tri`');
    expect(run.stdout).toContain('parcours.yaml:10:3  decision `seuil` took branch `Oui`: hba1c ≤ 7 holds for 6');
  });

  it('2 when a test file does not fit its schema, and no case runs', () => {
    const dir = fixtureCopy('schema', `${HEADER}paths:\n  - name: sans attente\n    given: { hba1c: 6 }\n`);
    const json = testJson(dir);
    expect(json.exitCode).toBe(2);
    expect(json.results).toEqual([]);
    expect(json.unusable.map((d) => d.ruleId)).toEqual(['schema']);
    expect(runCli(['test'], { cwd: dir }).status).toBe(2);
  });

  it('2 for a case that cannot run (a decision with no condition and no choice is a failure, not an error)', () => {
    const dir = fixtureCopy('nochoice', `${HEADER}paths:\n  - name: pas de choix\n    given: { hba1c: 9 }\n    reaches: [fin]\n`);
    const json = testJson(dir);
    expect(json.exitCode).toBe(1);
    expect(json.results[0]!.failures[0]!.message).toBe('decision `tri` states no condition: the case must choose its branch');
  });
});

describe('flows: the expected mode of the engine, against shares computed by hand', () => {
  it('1000 people: 1000 × 0.7 × 0.5 see the specialist, 2 acts each; 1000 × 0.3 go straight to the follow-up', () => {
    const tests = `${HEADER}flows:\n  - name: hors bornes\n    people: 1000\n    expect:\n      - { node: avis, count: [0, 1] }\n      - { edge: { from: seuil, to: suivi }, share: [0, 0.1] }\n      - { acts: avis, count: [0, 1] }\n      - { node: suivi, count: [0, 1] }\n`;
    const json = testJson(fixtureCopy('flows', tests));
    const actual = json.results[0]!.failures.map((f) => f.actual as number);
    expect(actual[0]).toBeCloseTo(1000 * 0.7 * 0.5, 6);
    expect(actual[1]).toBeCloseTo(0.3, 9);
    expect(actual[2]).toBeCloseTo(1000 * 0.7 * 0.5 * 2, 6);
    // `suivi`: the 300 of the first branch, the 350 who skip the specialist, and 0.8 of the 350 who see one.
    expect(actual[3]).toBeCloseTo(1000 * 0.3 + 1000 * 0.7 * 0.5 + 1000 * 0.7 * 0.5 * 0.8, 6);
  });
});

describe('--update', () => {
  it('writes the path found into `path: auto`, keeping comments and layout byte for byte elsewhere', () => {
    const before = `# Tests écrits à la main — ce commentaire doit rester.\n${HEADER}paths:\n  # le cas doré\n  - name: doré   # au bout de la ligne\n    given: { hba1c: 6 }\n    path: auto   # écrit par --update\n`;
    const dir = fixtureCopy('update', before);
    const first = runCli(['test'], { cwd: dir, env: { LOGI_LANG: 'en' } });
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('`path: auto`: the path has not been written yet');
    const run = runCli(['test', '--update'], { cwd: dir, env: { LOGI_LANG: 'en' } });
    expect(run.status).toBe(0);
    const after = readFileSync(path.join(dir, 'parcours.test.yaml'), 'utf8');
    expect(after).toBe(before.replace('path: auto', 'path: [debut, seuil, suivi, fin]'));
    expect(runCli(['test'], { cwd: dir }).status).toBe(0);
  });
});

describe('the bundled material', () => {
  it('`logi test` passes on it', () => {
    const run = runCli(['test'], { env: { LOGI_LANG: 'en' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('raising the HbA1c threshold of dt2-s2-suivi makes the named path case fail at the decision objectif', () => {
    const dir = path.join(work, 'bundled');
    for (const entry of ['logi.config.yaml', 'guidelines', 'simulations']) cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
    const file = path.join(dir, 'guidelines/diabete-t2/s2-suivi.yaml');
    const text = readFileSync(file, 'utf8');
    // Both branches move together, so the logigramme still lints clean: only the tests notice.
    writeFileSync(file, text.replace('when: { lte: 7 }', 'when: { lte: 8 }').replace('when: { gt: 7 }', 'when: { gt: 8 }'));
    const run = runCli(['test', 'guidelines/diabete-t2/s2-suivi.test.yaml', '--grep', '7,5'], { cwd: dir, env: { LOGI_LANG: 'en' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✖ HbA1c 7,5 % — au-dessus de l\'objectif, intensification du traitement');
    const objectif = text.split('\n').findIndex((line) => line === '  objectif:') + 1;
    expect(objectif).toBeGreaterThan(0);
    expect(run.stdout).toContain(`guidelines/diabete-t2/s2-suivi.yaml:${objectif}:3  decision \`objectif\` took branch \`Oui, objectif atteint\`: hba1c ≤ 8 holds for 7.5`);
  });
});

describe('report formats', () => {
  const failing = `${HEADER}paths:\n  - name: passe\n    given: { hba1c: 6 }\n    reaches: [suivi]\n  - name: "échoue # <&> \\"guillemets\\""\n    given: { hba1c: 6 }\n    reaches: [avis]\n`;

  it('junit validates against the JUnit schema of Jenkins (xmllint)', () => {
    const which = spawnSync('xmllint', ['--version']);
    if (which.error) {
      if (process.env.CI) throw new Error('xmllint is missing: .ci/run installs libxml2-utils');
      return;
    }
    const run = runCli(['test', '--format', 'junit'], { cwd: fixtureCopy('junit', failing), env: { LOGI_LANG: 'en' } });
    expect(run.status).toBe(1);
    const report = path.join(work, 'report.xml');
    writeFileSync(report, run.stdout);
    const check = spawnSync('xmllint', ['--noout', '--schema', XSD, report], { encoding: 'utf8' });
    expect(check.stderr).toContain('validates');
    expect(check.status).toBe(0);
    expect(run.stdout).toMatch(/<testsuites name="logi test" tests="2" failures="1" errors="0"/);
  });

  it('tap follows the TAP 14 grammar: version, plan, one numbered line per case, YAML blocks', () => {
    const run = runCli(['test', '--format', 'tap'], { cwd: fixtureCopy('tap', failing), env: { LOGI_LANG: 'en' } });
    expect(run.status).toBe(1);
    const parsed = parseTap14(run.stdout);
    expect(parsed.plan).toBe(2);
    expect(parsed.points.map((p) => [p.ok, p.id])).toEqual([[true, 1], [false, 2]]);
    expect(parsed.points[1]!.description).toBe('parcours-tests: échoue \\# <&> "guillemets"');
    expect(parsed.points[1]!.yaml).toContain('the path does not go through `avis`');
  });
});

/**
 * A parser of the TAP 14 grammar (https://testanything.org/tap-version-14-specification.html,
 * "The Grammar"): `TAP version 14`, a plan `1..N` first or last, test points
 * `(ok|not ok) [id] [- description] [# directive]`, YAML blocks indented 2 spaces between `---`
 * and `...` right after a test point, and no other line but comments, pragmas, `Bail out!` and
 * blank lines. Throws on any line the grammar refuses.
 */
function parseTap14(text: string): { plan: number; points: { ok: boolean; id: number; description: string; yaml: string }[] } {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines[0] !== 'TAP version 14') throw new Error(`first line: ${lines[0]}`);
  let plan: number | undefined;
  const points: { ok: boolean; id: number; description: string; yaml: string }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const planMatch = /^1\.\.(\d+)(\s+#.*)?$/.exec(line);
    if (planMatch) {
      if (plan !== undefined) throw new Error('two plans');
      if (points.length > 0 && i !== lines.length - 1) throw new Error('a plan in the middle');
      plan = Number(planMatch[1]);
      continue;
    }
    // A description may not hold an unescaped `#` (it would start a directive).
    const point = /^(not ok|ok)(?: (\d+))?(?: -)?(?: ((?:[^#\\]|\\.)*?))?(?: #\s*(SKIP|TODO)\S*(?:\s.*)?)?$/i.exec(line);
    if (point) {
      points.push({ ok: point[1] === 'ok', id: Number(point[2]), description: (point[3] ?? '').trim(), yaml: '' });
      if (lines[i + 1] === '  ---') {
        const end = lines.indexOf('  ...', i + 2);
        if (end < 0) throw new Error('an unclosed YAML block');
        const block = lines.slice(i + 2, end);
        if (!block.every((l) => l.startsWith('  '))) throw new Error('a YAML block not indented');
        points[points.length - 1]!.yaml = block.map((l) => l.slice(2)).join('\n');
        i = end;
      }
      continue;
    }
    if (/^\s*#/.test(line) || /^pragma [+-]\w+$/.test(line) || /^Bail out!/.test(line) || line.trim() === '') continue;
    throw new Error(`a line the grammar refuses: ${line}`);
  }
  if (plan === undefined) throw new Error('no plan');
  if (points.some((p, k) => p.id !== k + 1)) throw new Error('test points out of order');
  return { plan, points };
}
