/**
 * Every check of the catalogue has its documentation (docs/rules/<id>.md) and its fixtures
 * (test/fixtures/rules/<id>/valid/*.yaml and invalid/*.yaml). Each fixture is linted alone against
 * the documents of test/fixtures/rules/context/, with the strict preset: an invalid fixture
 * produces exactly the findings listed on its first lines (`# expect: <rule> <line>:<column>`), a
 * valid one produces none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/lint/catalogue.js';
import { lint } from '../../src/lint/engine.js';
import { BUILTIN_RULES } from '../../src/lint/rules/index.js';
import { REPO } from '../helpers/cli.js';
import { FIXTURES, THROWING_RULE } from './helpers.js';

const ENTRIES = catalogue();

function fixturesOf(id: string, kind: 'valid' | 'invalid'): string[] {
  const dir = path.join(FIXTURES, id, kind);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f)) : [];
}

function expectationsOf(file: string): string[] {
  const lines = readFileSync(file, 'latin1').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const m = /^# expect: (\S+) (\d+:\d+)$/.exec(line);
    if (!m) break;
    out.push(`${m[1]} ${m[2]}`);
  }
  return out;
}

async function findings(file: string, id: string): Promise<string[]> {
  const rules = id === 'rule-error' ? [...BUILTIN_RULES, THROWING_RULE] : BUILTIN_RULES;
  const result = await lint({ cwd: FIXTURES, paths: [file], rules });
  return result.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`);
}

describe('the rule catalogue', () => {
  it('has unique ids, descriptions and the docs path of each check', () => {
    const ids = ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of ENTRIES) {
      expect(entry.description.length, entry.id).toBeGreaterThan(20);
      expect(entry.docs).toBe(`docs/rules/${entry.id}.md`);
    }
  });

  it('lists the rules of DESIGN §3, the reserved checks and at least three fixable rules', () => {
    const ids = ENTRIES.map((e) => e.id);
    for (const id of [
      'start-required', 'no-unknown-target', 'no-unreachable-node', 'no-dead-end', 'no-cycle', 'decision-needs-two-branches',
      'branch-probabilities-sum', 'condition-coverage', 'consistent-units', 'action-frequency-required', 'known-actor',
      'evidence-required', 'known-source', 'no-unused-source', 'label-length', 'effect-targets-transition', 'stratum-exists',
      'transition-row-sum', 'territory-counts', 'pyramid-coverage', 'known-reference',
      'yaml-syntax', 'schema', 'rule-error', 'file-unreadable', 'duplicate-id',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(ENTRIES.filter((e) => e.origin === 'rule' && e.fixable).length).toBeGreaterThanOrEqual(3);
  });

  it.each(ENTRIES.map((e) => [e.id] as const))('%s has its documentation and valid and invalid fixtures', (id) => {
    expect(existsSync(path.join(REPO, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md`).toBe(true);
    expect(fixturesOf(id, 'valid').length, `test/fixtures/rules/${id}/valid/*.yaml`).toBeGreaterThan(0);
    expect(fixturesOf(id, 'invalid').length, `test/fixtures/rules/${id}/invalid/*.yaml`).toBeGreaterThan(0);
  });

  it('has no fixture folder for a check that does not exist', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'context').map((d) => d.name);
    expect(folders.filter((f) => !ENTRIES.some((e) => e.id === f))).toEqual([]);
  });
});

const cases = ENTRIES.flatMap((e) => [
  ...fixturesOf(e.id, 'invalid').map((file) => [e.id, 'invalid', file] as const),
  ...fixturesOf(e.id, 'valid').map((file) => [e.id, 'valid', file] as const),
]);

describe('rule fixtures', () => {
  it.each(cases.map(([id, kind, file]) => [`${id}/${kind}/${path.basename(file)}`, id, kind, file] as const))('%s', async (_name, id, kind, file) => {
    const got = await findings(file, id);
    if (kind === 'valid') {
      expect(got).toEqual([]);
      return;
    }
    const expected = expectationsOf(file);
    expect(expected.length, 'an invalid fixture starts with `# expect: <rule> <line>:<column>`').toBeGreaterThan(0);
    expect(expected.some((e) => e.startsWith(`${id} `)), `an invalid fixture of ${id} expects a ${id} finding`).toBe(true);
    expect([...got].sort()).toEqual([...expected].sort());
  });
});
