/** `logi lint` flags and `logi rules`, through the built CLI. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/lint/catalogue.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { FIXTURES } from './helpers.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-cli-lint-'));
  // The fixtures' context, with the default (recommended) preset.
  writeFileSync(path.join(work, 'logi.config.yaml'), 'include: [context]\n');
  cpSync(path.join(FIXTURES, 'context'), path.join(work, 'context'), { recursive: true });
  // frequency-shorthand (off in recommended, an error in strict) and label-length (a warning).
  const text = `kind: Logigramme
version: 1
id: drapeaux
title: Drapeaux
pyramid: diabete
stratum: S2
start: inclusion
nodes:
  inclusion: { type: start, label: Patient diabétique, next: hba1c }
  hba1c:
    type: action
    label: Dosage de l'HbA1c tous les trois mois, ou tous les six mois si l'équilibre glycémique est stable
    actor: laboratoire
    frequency: 4/year
    next: fin
  fin: { type: end, label: Fin }
`;
  writeFileSync(path.join(work, 'drapeaux.yaml'), text);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Json {
  errorCount: number;
  warningCount: number;
  exitCode: number;
  diagnostics: { ruleId: string; severity: string }[];
}
const lintJson = (...args: string[]) => {
  const run = runCli(['lint', 'drapeaux.yaml', '--format', 'json', ...args], { cwd: work });
  return { status: run.status, json: JSON.parse(run.stdout) as Json, stderr: run.stderr };
};

describe('logi lint flags', () => {
  it('uses the recommended preset by default: warnings only, exit 0', () => {
    const { status, json } = lintJson();
    expect(json.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['label-length warning']);
    expect(status).toBe(0);
  });

  it('--preset strict turns every rule on as an error', () => {
    const { status, json } = lintJson('--preset', 'strict');
    expect(json.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['evidence-required error', 'label-length error', 'frequency-shorthand error']);
    expect(status).toBe(1);
  });

  it('--max-warnings makes too many warnings a failure', () => {
    expect(lintJson('--max-warnings', '1').status).toBe(0);
    const over = lintJson('--max-warnings', '0');
    expect(over.status).toBe(1);
    expect(over.json.exitCode).toBe(1);
    expect(over.stderr).toMatch(/1 warning, more than --max-warnings 0/);
    const stylish = runCli(['lint', 'drapeaux.yaml', '--max-warnings', '0'], { cwd: work });
    expect(stylish.stdout).toMatch(/more than --max-warnings 0/);
  });

  it('--quiet reports errors only: warnings are neither shown nor counted (ESLint 9)', () => {
    const { status, json } = lintJson('--quiet');
    expect(json.diagnostics).toEqual([]);
    expect(json.warningCount).toBe(0);
    expect(status).toBe(0);
    const stylish = runCli(['lint', 'drapeaux.yaml', '--quiet'], { cwd: work });
    expect(stylish.stdout).not.toContain('label-length');
    expect(stylish.stdout).not.toContain('warning');
    // Nor against --max-warnings: the one warning does not make --max-warnings 0 fail.
    expect(lintJson('--quiet', '--max-warnings', '0').status).toBe(0);
  });

  it('--max-warnings -1 sets no limit', () => {
    const { status, json } = lintJson('--max-warnings', '-1');
    expect(json.warningCount).toBe(1);
    expect(status).toBe(0);
  });

  it('refuses an unknown format or preset as a usage error', () => {
    for (const args of [['--format', 'xml'], ['--preset', 'lenient'], ['--max-warnings', '-2']]) {
      const run = runCli(['lint', 'drapeaux.yaml', ...args], { cwd: work });
      expect(run.status, args.join(' ')).toBe(2);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });
});

describe('logi rules', () => {
  it('lists every rule with its description, default severity and whether it is fixable', () => {
    const run = runCli(['rules']);
    expect(run.status).toBe(0);
    for (const entry of catalogue()) expect(run.stdout, entry.id).toContain(entry.id);
    expect(run.stdout).toMatch(/^ {2}condition-coverage +error +error +The branches' `when` conditions cover/m);
    expect(run.stdout).toMatch(/^ {2}frequency-shorthand +off +error +yes +Frequencies are written/m);
    expect(run.stdout).toMatch(/^ {2}no-unused-source +warn +error +yes /m);
  });

  it('answers --json with the catalogue', () => {
    const json = JSON.parse(runCli(['rules', '--json']).stdout) as { rules: { id: string; description: string; severity: string; strict: string; fixable: boolean; docs: string }[] };
    expect(json.rules.map((r) => r.id)).toEqual(catalogue().map((e) => e.id));
    const rule = json.rules.find((r) => r.id === 'evidence-required')!;
    expect(rule).toMatchObject({ severity: 'off', strict: 'error', fixable: false, docs: 'docs/rules/evidence-required.md' });
  });

  it('--fixable lists only the rules --fix fixes', () => {
    const json = JSON.parse(runCli(['rules', '--fixable', '--json']).stdout) as { rules: { id: string }[] };
    expect(json.rules.map((r) => r.id).sort()).toEqual(['frequency-shorthand', 'lognormal-median', 'no-unused-phase', 'no-unused-source', 'no-unused-suppression', 'schema']);
  });

  it('shows examples in --help', () => {
    const run = runCli(['rules', '--help']);
    expect(run.stdout).toContain('EXAMPLES');
    expect(run.stdout).toContain('--json');
  });
});
