/**
 * The library entry point, `simulate()` (src/sim/simulate.ts), in process: which scenario it runs
 * (an id, or a YAML file holding one scenario), what it refuses and how it says so, that the whole
 * workspace must lint clean, and the progress it reports. The CLI tests cover the same through
 * `logi simulate`; these run the current source, so that mutation testing sees them too.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { UsageError } from '../../src/language/workspace.js';
import { phaseLabel } from '../../src/sim/runner.js';
import { InvalidInputError, simulate } from '../../src/sim/simulate.js';
import { FIXED } from './helpers.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixed test workspace (scenarios `fixed` and `zero-coverage`), with extra files. */
function workspace(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-simulate-'));
  temporary.push(dir);
  cpSync(FIXED, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const SOLO = 'kind: Scenario\nversion: 1\nid: solo\npyramid: test-pyramid\nterritories: [test-territory]\nbaseline: nothing\nprogram: zero\nhorizon: 2\niterations: 3\nseed: 11\n';

async function refusal(promise: Promise<unknown>): Promise<Error & { hint?: string; diagnostics?: unknown[] }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('simulate() — the scenario it runs', () => {
  it('runs a scenario given by id, with the options given, and names the tool version in the manifest', async () => {
    const { model, results } = await simulate({ scenario: 'zero-coverage', cwd: FIXED, version: '9.8.7', workers: 1, iterations: 4 });
    // zero-coverage: one territory, horizon 6, 50 iterations in the YAML; --iterations 4 wins.
    expect([model.iterations, model.horizon, model.territories.map((t) => t.id)]).toEqual([4, 6, ['test-territory']]);
    expect(results.manifest).toMatchObject({ tool: 'logi', version: '9.8.7', scenario: 'zero-coverage', iterations: 4, horizon: 6 });
  });

  it('runs the one scenario of a YAML file given by path (relative to cwd), whatever the case of its extension', async () => {
    const dir = workspace({ 'solo.yaml': SOLO });
    const { results } = await simulate({ scenario: 'solo.yaml', cwd: dir, version: '1', workers: 1 });
    expect(results.manifest).toMatchObject({ scenario: 'solo', iterations: 3, horizon: 2, seed: 11 });
    const upper = workspace({ 'SOLO.YML': SOLO });
    expect((await simulate({ scenario: 'SOLO.YML', cwd: upper, version: '1', workers: 1 })).results.manifest.scenario).toBe('solo');
  });
});

describe('simulate() — what it refuses', () => {
  it('a folder, with a hint to give an id or a file', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'scenarios'));
    const error = await refusal(simulate({ scenario: 'scenarios', cwd: dir, version: '1', workers: 1 }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('scenarios is a folder; give a scenario id or the YAML file of a scenario');
  });

  it('a YAML file that does not exist (.yaml or .yml, any case)', async () => {
    for (const name of ['missing.yaml', 'missing.yml', 'Missing.YAML']) {
      const error = await refusal(simulate({ scenario: name, cwd: FIXED, version: '1', workers: 1 }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(`no such file: ${name}`);
    }
  });

  it('a file with two scenarios, or none, naming the ids it holds', async () => {
    const two = await refusal(simulate({ scenario: 'model.yaml', cwd: FIXED, version: '1', workers: 1 }));
    expect(two).toBeInstanceOf(UsageError);
    expect(two.message).toBe('model.yaml holds 2 scenarios; give its id instead');
    expect(two.hint).toBe('fixed, zero-coverage');
    const dir = workspace({ 'extra.yaml': 'kind: Program\nversion: 1\nid: extra\ntitle: Extra\npyramid: test-pyramid\nstrata: {}\n' });
    const none = await refusal(simulate({ scenario: 'extra.yaml', cwd: dir, version: '1', workers: 1 }));
    expect(none.message).toBe('extra.yaml holds 0 scenarios; give its id instead');
    expect(none.hint).toBe('a Scenario document starts with `kind: Scenario`');
  });

  it('an unknown id, listing the scenarios of the workspace', async () => {
    const error = await refusal(simulate({ scenario: 'nope', cwd: FIXED, version: '1', workers: 1 }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`no scenario \`nope\` in the workspace ${FIXED}`);
    expect(error.hint).toBe('scenarios here: fixed, zero-coverage');
  });

  it('a workspace with lint errors, even outside the scenario file given, counting them', async () => {
    // One error: an actor's minutes per act below 0 (the schema's).
    const bad = (id: string) => `kind: Actors\nversion: 1\nid: ${id}\nactors:\n  nurse-${id}: { title: Nurse, minutes-per-act: -1, cost-per-act: 0 }\n`;
    const one = workspace({ 'solo.yaml': SOLO, 'bad.yaml': bad('more') });
    const error = await refusal(simulate({ scenario: 'solo.yaml', cwd: one, version: '1', workers: 1 }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.diagnostics).toHaveLength(1);
    expect(error.message).toBe('the workspace has 1 error: run `logi lint`');
    // Two: the same mistake in two files.
    const two = workspace({ 'bad.yaml': bad('more'), 'bad-too.yaml': bad('again') });
    const twice = await refusal(simulate({ scenario: 'zero-coverage', cwd: two, version: '1', workers: 1 }));
    expect(twice.diagnostics).toHaveLength(2);
    expect(twice.message).toBe('the workspace has 2 errors: run `logi lint`');
  });
});

describe('simulate() — pathway tests are no input of a simulation', () => {
  it('runs despite errors in a *.test.yaml file, or in a file holding only PathwayTest documents; not despite one beside them', async () => {
    // An unknown logigramme: an error of the test file (known-reference), which `logi test` reports.
    const test = (id: string) => `kind: PathwayTest\nversion: 1\nid: ${id}\ntitle: T\nlogigramme: nowhere\npaths:\n  - { name: a, reaches: [in] }\n`;
    const broken = workspace({ 'cases.test.yaml': test('a'), 'cases-too.yaml': test('b'), 'syntax.test.yaml': 'kind: [unclosed\n' });
    const ran = await simulate({ scenario: 'zero-coverage', cwd: broken, version: '1', workers: 1, mode: 'expected' });
    expect(ran.results.manifest.scenario).toBe('zero-coverage');
    // The same test document beside an Actors document with an error: that file stops the run.
    const bad = `${test('c')}---\nkind: Actors\nversion: 1\nid: more\nactors:\n  nurse: { title: Nurse, minutes-per-act: -1, cost-per-act: 0 }\n`;
    const refused = await refusal(simulate({ scenario: 'zero-coverage', cwd: workspace({ 'mixed.yaml': bad }), version: '1', workers: 1, mode: 'expected' }));
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(refused.diagnostics.length).toBeGreaterThanOrEqual(1);
    expect(refused.diagnostics.every((d) => d.file.endsWith('mixed.yaml'))).toBe(true);
  });
});

describe('simulate() — what it refuses, in French', () => {
  it('says so in the command\'s language: a folder, an unknown id, a workspace with an error', async () => {
    const dir = workspace({ 'bad.yaml': 'kind: Actors\nversion: 1\nid: more\nactors:\n  nurse-more: { title: Nurse, minutes-per-act: -1, cost-per-act: 0 }\n' });
    mkdirSync(path.join(dir, 'scenarios'));
    setLanguage('fr');
    try {
      const folder = await refusal(simulate({ scenario: 'scenarios', cwd: dir, version: '1', workers: 1 }));
      expect(folder.message).toBe("scenarios est un dossier ; donnez l'identifiant d'un scénario ou le fichier YAML d'un scénario");
      const unknown = await refusal(simulate({ scenario: 'nope', cwd: FIXED, version: '1', workers: 1 }));
      expect(unknown.message).toBe(`aucun scénario \`nope\` dans l'espace de travail ${FIXED}`);
      expect(unknown.hint).toBe('scénarios ici : fixed, zero-coverage');
      const invalid = await refusal(simulate({ scenario: 'fixed', cwd: dir, version: '1', workers: 1 }));
      expect(invalid.message).toBe("l'espace de travail compte 1 erreur : lancez `logi lint`");
    } finally {
      setLanguage('en');
    }
  });
});

describe('simulate() — progress', () => {
  it('reports the iterations simulated, block by block, then the summary tasks, one by one', async () => {
    const calls: [number, number, string][] = [];
    await simulate({ scenario: 'zero-coverage', cwd: FIXED, version: '1', workers: 1, iterations: 120, onProgress: (done, total, phase) => calls.push([done, total, phase]) });
    // 120 iterations are three blocks of 50, 50 and 20.
    expect(calls.filter(([, , phase]) => phase === 'simulating')).toEqual([
      [0, 120, 'simulating'],
      [50, 120, 'simulating'],
      [100, 120, 'simulating'],
      [120, 120, 'simulating'],
    ]);
    const summarising = calls.filter(([, , phase]) => phase === 'summarising');
    const total = summarising[0]![1];
    expect(total).toBeGreaterThan(0);
    expect(summarising.map(([done]) => done)).toEqual(Array.from({ length: total + 1 }, (_, k) => k));
    expect(summarising.every(([, t]) => t === total)).toBe(true);
    // Simulating comes first, then summarising.
    expect(calls.findIndex(([, , phase]) => phase === 'summarising')).toBe(4);
  });

  it('names its phases for a progress bar in the command\'s language', () => {
    expect([phaseLabel('simulating'), phaseLabel('summarising')]).toEqual(['simulating', 'summarising']);
    setLanguage('fr');
    try {
      expect([phaseLabel('simulating'), phaseLabel('summarising')]).toEqual(['simulation', 'synthèse']);
    } finally {
      setLanguage('en');
    }
  });
});
