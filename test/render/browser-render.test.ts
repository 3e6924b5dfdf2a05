/**
 * Rendering through Chromium: mermaid's own parser on every diagram logi writes, the hostile-label
 * corpus through the whole SVG path, and `logi render` to SVG, PNG and PDF end to end. These run in
 * CI always (a missing browser fails them, see test/helpers/browser.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/language/workspace.js';
import { logigrammeToMermaid } from '../../src/render/mermaid.js';
import { RenderSession } from '../../src/render/session.js';
import { browserPath, RUN_BROWSER_TESTS } from '../helpers/browser.js';
import { BIN, hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { pngInk, svgVisibleText } from '../helpers/images.js';
import { HOSTILE_CORPUS, hostileLogigramme, logigrammeWithLabel } from '../helpers/hostile.js';

/** What an SVG shows, whitespace removed (mermaid splits labels into lines and words). */
function visibleText(svg: string): string {
  return svgVisibleText(svg).replace(/\s+/g, '');
}

/** Markup that would execute or load something if user text reached the SVG as markup. */
function executableMarkup(svg: string): string[] {
  const found: string[] = [];
  for (const pattern of [/<script/i, /<iframe/i, /<img/i, /<object/i, /<embed/i, /<foreignObject/i, /<[^>]*\son\w+\s*=/i, /<[^>]*href\s*=\s*["']?\s*javascript:/i]) {
    const match = pattern.exec(svg);
    if (match) found.push(match[0]);
  }
  // Mermaid writes one style element of its own; a second would be user CSS.
  if ((svg.match(/<style/g) ?? []).length !== 1) found.push('<style> other than mermaid’s');
  return found;
}

describe.runIf(RUN_BROWSER_TESTS)('rendering in Chromium', () => {
  let session: RenderSession;
  const out = mkdtempSync(path.join(os.tmpdir(), 'logi-browser-render-'));

  beforeAll(async () => {
    session = await RenderSession.open({ executablePath: browserPath() });
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('mermaid’s own parser accepts the text of every bundled logigramme', async () => {
    const workspace = await loadWorkspace({ cwd: REPO });
    const logigrammes = [...workspace.index.Logigramme.values()];
    expect(logigrammes.length).toBeGreaterThanOrEqual(10);
    for (const l of logigrammes) {
      for (const legend of [true, false]) {
        const result = await session.parse(logigrammeToMermaid(l.value, { legend }));
        expect(result, `${l.id}: ${result.message}`).toEqual({ ok: true });
      }
    }
  });

  it('mermaid’s parser rejects broken text (the check above can fail)', async () => {
    const result = await session.parse('flowchart TD\n  a["unclosed]\n');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Parse error|Lexical error/);
  });

  it('every hostile label parses, renders, shows as text and never as markup', async () => {
    for (const [i, label] of HOSTILE_CORPUS.entries()) {
      const text = logigrammeToMermaid(logigrammeWithLabel(label, `hostile-${i}`));
      const parsed = await session.parse(text);
      expect(parsed, `label ${JSON.stringify(label)}: ${parsed.message}`).toEqual({ ok: true });
      const svg = await session.svg(text);
      expect(XMLValidator.validate(svg), JSON.stringify(label)).toBe(true);
      expect(executableMarkup(svg), JSON.stringify(label)).toEqual([]);
      // Line breaks become spaces; other whitespace is dropped before comparing.
      expect(visibleText(svg), JSON.stringify(label)).toContain(label.replace(/\s+/g, ''));
    }
  });

  it('the combined hostile logigramme renders with no markup from its labels', async () => {
    const svg = await session.svg(logigrammeToMermaid(hostileLogigramme()));
    expect(executableMarkup(svg)).toEqual([]);
    expect(visibleText(svg)).toContain('<script>alert(1)</script>');
    expect(visibleText(svg)).toContain('<imgsrc=xonerror=alert(1)>');
  });

  it('logi render guidelines --format svg writes one well-formed SVG per logigramme with all its labels', async () => {
    const dir = path.join(out, 'svg');
    const run = runCli(['render', 'guidelines', '--format', 'svg', '--out', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/wrote 10 SVG diagrams to /);
    const workspace = await loadWorkspace({ cwd: REPO });
    // Beside the diagrams, the record of what logi wrote there (io/output-set.ts).
    const files = readdirSync(dir).filter((f) => f !== '.logi-output.json').sort();
    expect(files).toEqual([...workspace.index.Logigramme.keys()].map((id) => `${id}.svg`).sort());
    expect(JSON.parse(readFileSync(path.join(dir, '.logi-output.json'), 'utf8')).files).toEqual(files);
    for (const file of files) {
      const svg = readFileSync(path.join(dir, file), 'utf8');
      expect(XMLValidator.validate(svg), file).toBe(true);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(executableMarkup(svg), file).toEqual([]);
      const logigramme = workspace.index.Logigramme.get(file.replace(/\.svg$/, ''))!.value;
      const text = visibleText(svg);
      for (const node of Object.values(logigramme.nodes)) {
        expect(text, `${file}: node ${node.label}`).toContain(node.label.replace(/\s+/g, ''));
        if (node.type === 'decision') for (const b of node.branches) expect(text, `${file}: branch ${b.label}`).toContain(b.label.replace(/\s+/g, ''));
      }
      // The legend and the numbered sources that logi draws under the diagram.
      for (const source of Object.values(logigramme.sources ?? {})) expect(text, `${file}: source ${source.title}`).toContain(source.title.replace(/\s+/g, ''));
      const actors = workspace.index.Actors.get('acteurs')?.value.actors ?? {};
      for (const node of Object.values(logigramme.nodes)) if (node.type === 'action') expect(text, `${file}: actor ${node.actor}`).toContain((actors[node.actor]?.title ?? node.actor).replace(/\s+/g, ''));
    }
  }, 60_000);

  it('every bundled PDF memo sheet is on A4 pages (portrait or landscape), titled after its logigramme', async () => {
    const dir = path.join(out, 'pdf');
    // Ten sheets, each measured before it is printed, several pages for most: more than runCli's
    // 60 s on a loaded machine, hence a longer bound.
    const run = spawnSync(process.execPath, [BIN, 'render', 'guidelines', '--format', 'pdf', '--out', dir, '--json'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    const { files } = JSON.parse(run.stdout) as { files: string[] };
    expect(files).toHaveLength(10);
    const workspace = await loadWorkspace({ cwd: REPO });
    for (const file of files) {
      const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
      // One page, or several when the diagram is split to stay legible (test/render/legibility.test.ts).
      expect(pdf.getPageCount(), file).toBeGreaterThanOrEqual(1);
      for (const page of pdf.getPages()) {
        const { width, height } = page.getSize();
        // A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds to 595.92 × 841.92.
        expect(Math.abs(Math.min(width, height) - 595.28), file).toBeLessThan(1);
        expect(Math.abs(Math.max(width, height) - 841.89), file).toBeLessThan(1);
      }
      expect(pdf.getTitle()).toBe(workspace.index.Logigramme.get(path.basename(file, '.pdf'))!.value.title);
    }
  }, 300_000);

  it('--paper a3 prints on A3 pages (297 × 420 mm) and says so', async () => {
    const dir = path.join(out, 'pdf-a3');
    const run = runCli(['render', 'guidelines/insuffisance-cardiaque/s0-facteurs-risque.yaml', '--format', 'pdf', '--paper', 'a3', '--out', dir], { env: { LOGI_LANG: 'en' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote 1 A3 PDF memo sheet to ${dir}`);
    const pdf = await PDFDocument.load(readFileSync(path.join(dir, 'ic-s0-facteurs-risque.pdf')), { updateMetadata: false });
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize();
      // A3 is 297 × 420 mm = 841.89 × 1190.55 pt (Chromium rounds to the nearest 0.96 pt).
      expect(Math.abs(Math.min(width, height) - 841.89)).toBeLessThan(1);
      expect(Math.abs(Math.max(width, height) - 1190.55)).toBeLessThan(1);
    }
  }, 60_000);

  it('a PNG is not blank: it has ink in several colours', () => {
    const dir = path.join(out, 'png');
    const run = runCli(['render', 'guidelines/diabete-t2/s2-suivi.yaml', '--format', 'png', '--out', dir]);
    expect(run.status, run.stderr).toBe(0);
    const png = pngInk(readFileSync(path.join(dir, 'dt2-s2-suivi.png')));
    expect(png.width).toBeGreaterThan(400);
    // The actor fills alone cover far more than 2 % of the picture; a blank or failed render has none.
    expect(png.inkShare).toBeGreaterThan(0.02);
    expect(png.colours).toBeGreaterThan(10);
  }, 60_000);

  it('a broken --browser is a clear error, not a stack trace', () => {
    const run = runCli(['render', 'guidelines', '--format', 'png', '--out', path.join(out, 'none'), '--browser', '/bin/false']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not start the browser at \/bin\/false/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  }, 60_000);
});
