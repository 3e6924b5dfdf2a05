import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { defineRule } from '../../src/lint/rule.js';
import { BUILTIN_RULES } from '../../src/lint/rules/index.js';
import { REPO } from '../helpers/cli.js';

const BASE = path.join(REPO, 'test/fixtures/malformed');

describe('lint engine', () => {
  it('turns a throwing rule into one rule-error diagnostic and keeps the other rules running', async () => {
    const throwing = defineRule<'Logigramme'>({
      meta: { id: 'always-throws', description: 'test', severity: 'error', kinds: ['Logigramme'], docs: 'none' },
      check() {
        throw new Error('boom');
      },
    });
    const result = await lint({ cwd: BASE, paths: ['cases/broken-next.yaml'], rules: [throwing, ...BUILTIN_RULES] });
    const ruleErrors = result.diagnostics.filter((d) => d.ruleId === 'rule-error');
    expect(ruleErrors).toHaveLength(1);
    expect(ruleErrors[0]!.message).toMatch(/always-throws.*boom/);
    expect(result.diagnostics.some((d) => d.ruleId === 'no-unknown-target')).toBe(true);
    expect(result.exitCode).toBe(1);
  });

  it('reports only the files asked about, while resolving references across the workspace', async () => {
    const result = await lint({ cwd: BASE, paths: ['base/logigramme.yaml'] });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.workspace.index.Actors.has('acteurs')).toBe(true);
  });

  it('finds logi.config.yaml upward from the given path', async () => {
    const result = await lint({ cwd: REPO, paths: [path.join(BASE, 'cases/typo-actor.yaml')] });
    expect(result.workspace.configFile).toBe(path.join(BASE, 'logi.config.yaml'));
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['known-actor']);
  });

  it('obeys `rules: {id: off}` in the config', async () => {
    const result = await lint({ cwd: BASE, paths: ['cases/broken-next.yaml'] });
    result.workspace.config.rules = { 'no-unknown-target': 'off' };
    const { runRules } = await import('../../src/lint/engine.js');
    expect(runRules(result.workspace, BUILTIN_RULES)).toEqual([]);
  });
});

describe('config overrides', () => {
  it('matches * within a folder and ** across folders', async () => {
    const { globToRegExp } = await import('../../src/lint/engine.js');
    expect(globToRegExp('cases/*.yaml').test('cases/a.yaml')).toBe(true);
    expect(globToRegExp('cases/*.yaml').test('cases/sub/a.yaml')).toBe(false);
    expect(globToRegExp('**/a.yaml').test('cases/sub/a.yaml')).toBe(true);
    expect(globToRegExp('**/a.yaml').test('a.yaml')).toBe(true);
    expect(globToRegExp('brouillons/**').test('brouillons/x/y.yaml')).toBe(true);
    expect(globToRegExp('a.b.yaml').test('aXb.yaml')).toBe(false);
  });

  it('applies per-path rule settings', async () => {
    const { runRules } = await import('../../src/lint/engine.js');
    const result = await lint({ cwd: BASE, paths: ['cases/broken-next.yaml'] });
    result.workspace.config.overrides = [{ files: ['cases/broken-*.yaml'], rules: { 'no-unknown-target': 'warn' } }];
    expect(runRules(result.workspace, BUILTIN_RULES).map((d) => d.severity)).toEqual(['warning']);
    result.workspace.config.overrides = [{ files: ['other/**'], rules: { 'no-unknown-target': 'off' } }];
    expect(runRules(result.workspace, BUILTIN_RULES).map((d) => d.severity)).toEqual(['error']);
  });
});

describe('rules backed by the loader', () => {
  it('re-issue its reference findings at the same place, with the configured severity', async () => {
    const { runRules } = await import('../../src/lint/engine.js');
    const result = await lint({ cwd: BASE, paths: ['cases/typo-actor.yaml'] });
    expect(result.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.severity}`)).toEqual(['known-actor 14:12 error']);
    result.workspace.config.rules = { 'known-actor': 'warn' };
    expect(runRules(result.workspace, BUILTIN_RULES).map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['known-actor warning']);
    result.workspace.config.rules = { 'known-actor': 'off' };
    expect(runRules(result.workspace, BUILTIN_RULES)).toEqual([]);
  });

  it('leave the loader findings of an id alone when the rule is not run', async () => {
    const result = await lint({ cwd: BASE, paths: ['cases/typo-actor.yaml'], rules: [] });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['known-actor']);
  });
});

describe('presets and settings', () => {
  const throwsIfRun = (id: string) =>
    defineRule<'Logigramme'>({
      meta: { id, description: 'test', severity: 'off', kinds: ['Logigramme'], docs: 'none' },
      check({ report }) {
        report({ path: ['title'], message: 'ran' });
        report({ path: ['title'], message: 'advice', severity: 'warning' });
      },
    });

  it('runs rules that are off in recommended only with strict, as errors, and caps advice at warning', async () => {
    const rule = throwsIfRun('strict-only');
    const recommended = await lint({ cwd: BASE, paths: ['base/logigramme.yaml'], rules: [rule] });
    expect(recommended.diagnostics).toEqual([]);
    const strict = await lint({ cwd: BASE, paths: ['base/logigramme.yaml'], rules: [rule], preset: 'strict' });
    expect(strict.diagnostics.map((d) => `${d.message} ${d.severity}`)).toEqual(['advice warning', 'ran error']);
    expect(strict.preset).toBe('strict');
  });

  it('refuses a rule that takes a reserved id', async () => {
    await expect(lint({ cwd: BASE, paths: ['base/logigramme.yaml'], rules: [throwsIfRun('schema')] })).rejects.toThrow(/reserved/);
  });

  it('reports unknown and reserved rule ids in logi.config.yaml, with "did you mean"', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-config-'));
    try {
      cpSync(path.join(BASE, 'base'), path.join(dir, 'base'), { recursive: true });
      writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [base]\nrules:\n  label-lenght: off\n  schema: warn\noverrides:\n  - files: ["base/*"]\n    rules: { no-dead-ends: warn }\n');
      const result = await lint({ cwd: dir });
      expect(result.diagnostics.map((d) => `${d.file} ${d.range.start.line}:${d.range.start.column} ${d.message} | ${d.hint}`)).toEqual([
        'logi.config.yaml 3:3 unknown rule `label-lenght` | did you mean `label-length`?',
        'logi.config.yaml 4:3 `schema` is a reserved check: its severity cannot be changed | remove this line: reserved checks are always errors, fix the finding instead',
        'logi.config.yaml 7:14 unknown rule `no-dead-ends` | did you mean `no-dead-end`?',
      ]);
      // A configuration error, as in ESLint: exit 2, not 1 (the rules did not run as configured).
      expect(result.configError).toBe(true);
      expect(result.exitCode).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers the `version: 1` fix of each document of a many-document file, each at its own place', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-versions-'));
    try {
      writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
      writeFileSync(path.join(dir, 'acteurs.yaml'), ['a', 'b', 'c'].map((id) => `kind: Actors\nid: ${id}\nactors: {}\n`).join('---\n'));
      const result = await lint({ cwd: dir });
      // Each document is 4 lines long with its `---`: kinds on lines 1, 5 and 9.
      expect(result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
        '1:1 missing required key `version`',
        '5:1 missing required key `version`',
        '9:1 missing required key `version`',
      ]);
      expect(result.fixableCount).toBe(3);
      expect(result.fixes.flatMap((f) => f.edits.map((e) => e.text))).toEqual(['version: 1\n', 'version: 1\n', 'version: 1\n']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('exit codes, --quiet and --max-warnings, as ESLint', () => {
  /** A workspace of one logigramme with one warning (label-length, 99 characters) and, in strict, errors. */
  function workspace(config: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-exit-'));
    cpSync(path.join(BASE, 'base'), path.join(dir, 'base'), { recursive: true });
    writeFileSync(path.join(dir, 'logi.config.yaml'), config);
    return dir;
  }
  const long = 'Dosage de l\'HbA1c tous les trois mois, ou tous les six mois si l\'équilibre glycémique est stable';

  it('a logi.config.yaml with an unknown preset is a configuration error: exit 2', async () => {
    const dir = workspace('include: [base]\nextends: lenient\n');
    try {
      const result = await lint({ cwd: dir });
      expect(result.diagnostics.map((d) => `${d.file} ${d.range.start.line}`)).toEqual(['logi.config.yaml 2']);
      expect(result.configError).toBe(true);
      expect(result.exitCode).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a logi.config.yaml that is not YAML is a configuration error: exit 2', async () => {
    const dir = workspace('include: [base\n');
    try {
      const result = await lint({ cwd: dir });
      expect(result.diagnostics.some((d) => d.file === 'logi.config.yaml' && d.severity === 'error')).toBe(true);
      expect(result.exitCode).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a clean config with findings elsewhere is not a configuration error', async () => {
    const result = await lint({ cwd: BASE, paths: ['cases/broken-next.yaml'] });
    expect(result.configError).toBe(false);
    expect(result.exitCode).toBe(1);
  });

  it('--quiet: warnings are neither reported nor counted, and do not fail --max-warnings', async () => {
    const dir = workspace('include: [base]\n');
    try {
      const file = path.join(dir, 'base/logigramme.yaml');
      const { readFileSync } = await import('node:fs');
      const text = readFileSync(file, 'utf8');
      // One label made too long: label-length warns (recommended preset), nothing else changes.
      const first = /label: (.+)$/m.exec(text)!;
      writeFileSync(file, text.replace(first[0], `label: ${long}`));
      const loud = await lint({ cwd: dir, maxWarnings: 0 });
      expect(loud.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['label-length warning']);
      expect([loud.warningCount, loud.tooManyWarnings, loud.exitCode]).toEqual([1, true, 1]);
      const quiet = await lint({ cwd: dir, maxWarnings: 0, quiet: true });
      expect(quiet.diagnostics).toEqual([]);
      expect([quiet.warningCount, quiet.tooManyWarnings, quiet.exitCode]).toEqual([0, false, 0]);
      // -1: no limit, however many warnings.
      const unlimited = await lint({ cwd: dir, maxWarnings: -1 });
      expect([unlimited.warningCount, unlimited.tooManyWarnings, unlimited.exitCode]).toEqual([1, false, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--quiet: a warning\'s fix is neither counted nor offered, as if the rule were off', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-quiet-fix-'));
    try {
      const rules = path.join(REPO, 'test/fixtures/rules');
      writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [context]\n');
      cpSync(path.join(rules, 'context'), path.join(dir, 'context'), { recursive: true });
      // One source cited, one not (the rule's own fixture): no-unused-source warns (recommended) and can remove it.
      cpSync(path.join(rules, 'no-unused-source/invalid/forgotten.yaml'), path.join(dir, 'sources.yaml'));
      const loud = await lint({ cwd: dir, paths: ['sources.yaml'] });
      expect(loud.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['no-unused-source warning']);
      expect([loud.fixableCount, loud.fixes.length]).toEqual([1, 1]);
      const quiet = await lint({ cwd: dir, paths: ['sources.yaml'], quiet: true });
      expect([quiet.diagnostics.length, quiet.fixableCount, quiet.fixes.length]).toEqual([0, 0, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
