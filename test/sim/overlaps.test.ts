/**
 * A pyramid's `overlaps` in process (the CLI test is test/report/overlap.test.ts): compileModel
 * carries them with the other pyramid's title, buildResults writes them only when there are some,
 * and the report's two warnings say what the catalogue says, each expected sentence written here by
 * hand.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/catalogue.js';
import type { ReportContext } from '../../src/report/context.js';
import { overlapWarnings, withOverlapFteWarning } from '../../src/report/overlap.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { compileModel, type Model } from '../../src/sim/model.js';
import { buildResults, type Results } from '../../src/sim/results.js';
import { REPO } from '../helpers/cli.js';
import { FIXED, modelOf, run } from './helpers.js';


let dir: string;
/** Compiled inside each test, not in a hook: Stryker's per-test coverage sees only what a test runs. */
const compile = async (cwd: string): Promise<Model> => compileModel(await loadWorkspace({ cwd }), 'fixed', { mode: 'expected', horizon: 1 });
/** The workspace without its third overlap (the one naming an absent pyramid), checked clean. */
async function withoutAbsent(): Promise<Model> {
  const file = path.join(dir, 'model.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('  - { pyramid: absent-pyramid, strata: [S1], note: Third. }\n', ''));
  try {
    return await modelOf(dir, 'fixed', { mode: 'expected', horizon: 1 });
  } finally {
    writeFileSync(file, text);
  }
}
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logi-overlaps-'));
  cpSync(FIXED, dir, { recursive: true });
  const file = path.join(dir, 'model.yaml');
  const overlaps = [
    'overlaps:',
    '  - { pyramid: other-pyramid, strata: [S2], other-strata: [A1], note: First assumption. }',
    '  - { pyramid: other-pyramid, strata: [S1, S2], note: Second assumption. }',
    '  - { pyramid: absent-pyramid, strata: [S1], note: Third. }',
    'sources:',
  ].join('\n');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^sources:/m, overlaps));
  cpSync(path.join(REPO, 'test/fixtures/sim/overlap/other-pyramid.yaml'), path.join(dir, 'other.yaml'));
  // The third overlap names a pyramid the workspace has not: lint reports it (known-reference); the
  // compiler, called without that check, takes the id as the title (the first test).
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('overlaps in the model and results.json', () => {
  it('are carried in the pyramid order, with the other pyramid title and other-strata only where written', async () => {
    const model = await withoutAbsent();
    expect(model.overlaps).toEqual([
      { pyramid: 'other-pyramid', pyramidTitle: 'Other disease', strata: ['S2'], otherStrata: ['A1'], note: 'First assumption.' },
      { pyramid: 'other-pyramid', pyramidTitle: 'Other disease', strata: ['S1', 'S2'], note: 'Second assumption.' },
    ]);
    expect('otherStrata' in model.overlaps[1]!).toBe(false);
    expect((await modelOf(FIXED, 'fixed', { mode: 'expected', horizon: 1 })).overlaps).toEqual([]);
    expect((await compile(dir)).overlaps.map((o) => o.pyramidTitle)).toEqual(['Other disease', 'Other disease', 'absent-pyramid']);
  }, 60_000);

  it('reach results.json when there are some, and only then', async () => {
    const model = await withoutAbsent();
    const plain = await modelOf(FIXED, 'fixed', { mode: 'expected', horizon: 1 });
    const withOverlaps = buildResults(model, (await run(model)).summaries, 'test');
    expect(withOverlaps.overlaps).toEqual(model.overlaps);
    const without = buildResults(plain, (await run(plain)).summaries, 'test');
    expect('overlaps' in without).toBe(false);
  }, 60_000);
});

describe('the report warnings', () => {
  const context = (overlaps: Results['overlaps']): ReportContext =>
    ({
      results: { overlaps } as Results,
      t: (id: string, ...args: unknown[]) => (translate as (lang: string, id: string, ...rest: unknown[]) => string)('en', id, ...args),
      stateLabel: (id: string) => `${id} — label`,
    }) as unknown as ReportContext;
  const overlaps: Results['overlaps'] = [
    { pyramid: 'p', pyramidTitle: 'Heart failure', strata: ['S2', 'S3'], otherStrata: ['C', 'D'], note: 'Note one.' },
    { pyramid: 'p', pyramidTitle: 'Heart failure', strata: ['S3', 'S4'], note: 'Note two.' },
    { pyramid: 'q', pyramidTitle: 'Kidney', strata: ['S1'], note: 'Note three.' },
  ];

  it('one flagged box per overlap in the summary, with both sides and the note', () => {
    expect(overlapWarnings(context(overlaps))).toEqual([
      {
        kind: 'paragraph',
        flag: 'warn',
        text:
          'People counted twice: the people of S2 — label, S3 — label in this pyramid are also counted by the pyramid “Heart failure” (C, D). ' +
          'The volumes, FTE and costs of this scenario do not add up with a scenario of that pyramid: subtract the people both count before summing. ' +
          'Assumption stated by the pyramid: Note one.',
      },
      {
        kind: 'paragraph',
        flag: 'warn',
        text:
          'People counted twice: the people of S3 — label, S4 — label in this pyramid are also counted by the pyramid “Heart failure”. ' +
          'The volumes, FTE and costs of this scenario do not add up with a scenario of that pyramid: subtract the people both count before summing. ' +
          'Assumption stated by the pyramid: Note two.',
      },
      {
        kind: 'paragraph',
        flag: 'warn',
        text:
          'People counted twice: the people of S1 — label in this pyramid are also counted by the pyramid “Kidney”. ' +
          'The volumes, FTE and costs of this scenario do not add up with a scenario of that pyramid: subtract the people both count before summing. ' +
          'Assumption stated by the pyramid: Note three.',
      },
    ]);
    expect(overlapWarnings(context(undefined))).toEqual([]);
  });

  it('the FTE note flagged once per other pyramid, its strata merged without repeats', () => {
    const note = { kind: 'paragraph' as const, text: 'FTE note.', note: true };
    expect(withOverlapFteWarning(context(overlaps), note)).toEqual({
      kind: 'paragraph',
      flag: 'warn',
      text:
        'FTE note. S2, S3, S4 are also counted by “Heart failure”: do not add these FTE to its own (see the summary). ' +
        'S1 are also counted by “Kidney”: do not add these FTE to its own (see the summary).',
    });
    expect(withOverlapFteWarning(context(undefined), note)).toBe(note);
    expect(withOverlapFteWarning(context([]), note)).toBe(note);
    // Only a paragraph takes the warning: another block is returned as it is.
    const table = { kind: 'table' as const, header: [], rows: [] };
    expect(withOverlapFteWarning(context(overlaps), table)).toBe(table);
  });
});
