/**
 * Diagrams and ids at the limits (issue 12 #7). Above mermaid's maximum text size, mermaid draws a
 * placeholder ("Maximum text size in diagram exceeded") and reports no error, so logi wrote it as
 * the diagram and exited 0; a logigramme id longer than a file name gave "internal error:
 * ENAMETOOLONG". The reproducers are the small test model with one label of 56,000 characters
 * (it lints clean: label-length is a warning) and with a logigramme id of 300 characters.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitFileName } from '../../src/io/file-names.js';
import { DiagramTooLargeError, MAX_DIAGRAM_TEXT } from '../../src/render/mermaid.js';
import { RenderSession } from '../../src/render/session.js';
import { browserPath, RUN_BROWSER_TESTS } from '../helpers/browser.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const FIXED = path.join(REPO, 'test/fixtures/sim/fixed');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'logi-render-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the small test model, with `edit` applied to its text. */
function workspace(name: string, edit: (text: string) => string): string {
  const dir = path.join(scratch, name);
  cpSync(FIXED, dir, { recursive: true });
  const model = path.join(dir, 'model.yaml');
  writeFileSync(model, edit(readFileSync(model, 'utf8')));
  return dir;
}

const LONG_LABEL = Array.from({ length: 7000 }, () => 'glucose').join(' ');
const LONG_ID = `s1-${'x'.repeat(297)}`;

describe.runIf(RUN_BROWSER_TESTS)('issue 12 #7: diagrams above mermaid’s maximum text size, ids above a file name', () => {
  it('issue 12 #7: render --format svg and pdf stop with exit 2 naming the logigramme, never write mermaid’s placeholder, and leave DIR as it was', () => {
    const dir = workspace('too-large', (text) => text.replace('label: Glucose test', `label: ${LONG_LABEL}`));
    expect(runCli(['lint'], { cwd: dir }).status).toBe(0);
    // The previous set in DIR: the Mermaid text, which has no size limit.
    expect(runCli(['render', '--format', 'mmd', '--out', 'out'], { cwd: dir }).status).toBe(0);
    const mermaidText = readFileSync(path.join(dir, 'out', 'test-s1.mmd'), 'utf8');
    expect(mermaidText.length).toBeGreaterThan(MAX_DIAGRAM_TEXT);
    const before = readdirSync(path.join(dir, 'out')).sort();
    for (const format of ['svg', 'pdf']) {
      const run = runCli(['render', '--format', format, '--out', 'out'], { cwd: dir });
      expect(run.status, run.stderr).toBe(2);
      // The diagram drawn has no legend (logi draws it under the SVG): a little shorter than the .mmd.
      const stated = /model\.yaml: test-s1: its Mermaid text is ([\d,]+) characters, above the 50,000 that logi draws/.exec(run.stderr);
      expect(stated, run.stderr).not.toBeNull();
      expect(Number(stated![1]!.replace(/,/g, ''))).toBeGreaterThan(MAX_DIAGRAM_TEXT);
      expect(Number(stated![1]!.replace(/,/g, ''))).toBeLessThanOrEqual(mermaidText.length);
      expect(run.stderr).toMatch(/hint: shorten its labels/);
      expect(run.stderr).not.toMatch(/Maximum text size/);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(before);
    }
    expect(readdirSync(dir).filter((e) => e.includes('.logi-'))).toEqual([]);
  }, 120_000);

  it('the session refuses such a text before mermaid sees it', async () => {
    const session = await RenderSession.open({ executablePath: browserPath() });
    try {
      const text = `flowchart TD\n  a["${'x'.repeat(MAX_DIAGRAM_TEXT)}"]\n`;
      await expect(session.svg(text)).rejects.toBeInstanceOf(DiagramTooLargeError);
      // The session still draws a diagram within the bound: the refusal is the bound, not a broken session.
      expect(await session.svg('flowchart TD\n  a["small"]\n')).toMatch(/^<svg/);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('issue 12 #7: a logigramme id of 300 characters renders to a shortened, stable file name instead of ENAMETOOLONG', () => {
    const dir = workspace('long-id', (text) => text.replaceAll('test-s1', LONG_ID));
    expect(runCli(['lint'], { cwd: dir }).status).toBe(0);
    const expected = (format: string) => fitFileName(LONG_ID, `.${format}`);
    for (const format of ['mmd', 'svg']) {
      const run = runCli(['render', '--format', format, '--out', format, '--json'], { cwd: dir });
      expect(run.status, run.stderr).toBe(0);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(readdirSync(path.join(dir, format)).filter((f) => !f.startsWith('.'))).toEqual([expected(format)]);
      expect(Buffer.byteLength(expected(format))).toBe(255);
      expect(expected(format).startsWith(LONG_ID.slice(0, 200))).toBe(true);
      expect((JSON.parse(run.stdout) as { files: string[] }).files).toEqual([path.join(format, expected(format))]);
    }
    expect(readFileSync(path.join(dir, 'mmd', expected('mmd')), 'utf8')).toMatch(/^flowchart TD\n/);
    expect(existsSync(path.join(dir, 'svg', expected('svg')))).toBe(true);
  }, 120_000);
});
