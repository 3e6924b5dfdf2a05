/**
 * People counted by two pyramids (issue 22, item 15; docs/language.md "Overlaps between
 * pyramids"): a pyramid's `overlaps` reaches results.json unchanged, the simulate summary warns
 * beside the FTE, and the report flags it in its summary with the pyramid's own assumption, in
 * HTML and Markdown. Without `overlaps`, none of it appears. The expected sentences are written
 * here by hand from the message catalogue's wording.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const NOTE = 'About a third of the ill are also in the other pyramid (illustrative).';

let tmp: string;
let withOverlap: string;
let without: string;

function run(args: string[], cwd: string): string {
  const result = runCli(args, { cwd, env: { LOGI_LANG: 'en' } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-overlap-'));
  withOverlap = path.join(tmp, 'with');
  without = path.join(tmp, 'without');
  cpSync(path.join(REPO, 'test/fixtures/sim/fixed'), withOverlap, { recursive: true });
  cpSync(path.join(REPO, 'test/fixtures/sim/fixed'), without, { recursive: true });
  const model = path.join(withOverlap, 'model.yaml');
  const text = readFileSync(model, 'utf8');
  const overlaps = `overlaps:\n  - pyramid: other-pyramid\n    strata: [S1, S2]\n    other-strata: [A1]\n    note: ${NOTE}\nsources:`;
  const edited = text.replace(/^sources:/m, overlaps);
  expect(edited).not.toBe(text);
  writeFileSync(model, edited);
  cpSync(path.join(REPO, 'test/fixtures/sim/overlap/other-pyramid.yaml'), path.join(withOverlap, 'other.yaml'));
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a pyramid that overlaps another', () => {
  it('lints without error, and its overlap reaches results.json as written', () => {
    run(['lint'], withOverlap);
    run(['simulate', 'fixed', '--mode', 'expected', '--horizon', '2', '--out', 'out', '--report'], withOverlap);
    const results = JSON.parse(readFileSync(path.join(withOverlap, 'out/results.json'), 'utf8'));
    expect(results.overlaps).toEqual([{ pyramid: 'other-pyramid', pyramidTitle: 'Other disease', strata: ['S1', 'S2'], otherStrata: ['A1'], note: NOTE }]);
  }, 60_000);

  it('is flagged in the report, in HTML and Markdown, with its assumption', () => {
    const html = readFileSync(path.join(withOverlap, 'out/report.html'), 'utf8');
    const sentence =
      'People counted twice: the people of S1 — At risk, S2 — Ill in this pyramid are also counted by the pyramid “Other disease” (A1). ' +
      'The volumes, FTE and costs of this scenario do not add up with a scenario of that pyramid: subtract the people both count before summing. ' +
      `Assumption stated by the pyramid: ${NOTE}`;
    const flagged = [...html.matchAll(/<p class="flag-warn" role="note">([^<]*)<\/p>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    // The summary's box, and the decision's FTE note flagged with its short sentence.
    expect(flagged.filter((text) => text === sentence)).toHaveLength(1);
    const fteNote = flagged.filter((text) => text.startsWith('FTE needed in the last year'));
    expect(fteNote).toHaveLength(1);
    expect(fteNote[0]!.endsWith(' S1, S2 are also counted by “Other disease”: do not add these FTE to its own (see the summary).')).toBe(true);
    expect(flagged).toHaveLength(2);
    run(['report', 'out/results.json', '--format', 'md', '--out', 'out/report.md'], withOverlap);
    const md = readFileSync(path.join(withOverlap, 'out/report.md'), 'utf8');
    expect(md).toContain('> **⚠** People counted twice: the people of S1 — At risk, S2 — Ill in this pyramid');
  }, 60_000);

  it('warns in the summary that simulate prints', () => {
    const stdout = run(['simulate', 'fixed', '--mode', 'expected', '--horizon', '2', '--out', 'out2'], withOverlap);
    expect(stdout).toContain('⚠ The people of S1, S2 are also counted by the pyramid “Other disease”: do not add these FTE to a scenario of that pyramid without removing them');
  }, 60_000);
});

describe('a pyramid without overlaps', () => {
  it('writes no overlaps key and flags nothing', () => {
    const stdout = run(['simulate', 'fixed', '--mode', 'expected', '--horizon', '2', '--out', 'out', '--report'], without);
    const results = JSON.parse(readFileSync(path.join(without, 'out/results.json'), 'utf8'));
    expect('overlaps' in results).toBe(false);
    expect(readFileSync(path.join(without, 'out/report.html'), 'utf8')).not.toContain('flag-warn" role="note"');
    expect(stdout).not.toContain('⚠');
  }, 60_000);
});
