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
