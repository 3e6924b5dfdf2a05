/**
 * Legible memo sheets (issue 13): every bundled logigramme's PDF memo sheet is rendered in one
 * Chromium session, read back with poppler's `pdftotext -bbox`, and every word of its diagram —
 * and of the whole sheet — must print at 7 pt or more.
 *
 * The oracle, worked out by hand: pdftotext gives each word the box of its font's line, from the
 * ascent to the descent. Every font of the sheet is DejaVu (Sans, Bold, Oblique, Mono; checked
 * below with pdffonts), whose hhea ascent and descent are 1901 and 483 units of a 2048-unit em,
 * so a word's box is 2384/2048 = 1.1640625 times its font size: 7 pt text has an 8.1484 pt box.
 * The calibration tests check that rule on two known sizes (7 pt text, and a one-node diagram
 * whose 16 px label prints at its natural size, 12 pt). Tolerance 0.01 pt: pdftotext prints six
 * decimals and Chromium writes sizes in single precision; the boxes measured differ from the rule
 * by less than 0.001 pt, and 0.01 pt is far below the 0.12 pt between 7 pt and the next size a
 * sheet prints (7.125 pt).
 *
 * Runs in CI always: a missing Chromium or pdftotext there is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLanguage, setLanguage } from '../../src/i18n/language.js';
import type { LogigrammeDocument } from '../../src/language/schemas/logigramme.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { renderBrowserTarget, type RenderTarget, renderTargets } from '../../src/render/batch.js';
import { actionRows } from '../../src/render/memo.js';
import { logigrammeToMermaid } from '../../src/render/mermaid.js';
import { RenderSession } from '../../src/render/session.js';
import { memoSheetPdf } from '../../src/render/sheet-pdf.js';
import { BROWSER_PATH, browserPath } from '../helpers/browser.js';
import { REPO } from '../helpers/cli.js';

/** Box height of DejaVu text of `pt` points: (ascent 1901 + descent 483) / 2048 units per em. */
const DEJAVU_BOX_PER_PT = (1901 + 483) / 2048;
const MIN_TEXT_PT = 7;
const TOLERANCE_PT = 0.01;
const MIN_BOX_PT = MIN_TEXT_PT * DEJAVU_BOX_PER_PT - TOLERANCE_PT;
/** A4 as Chromium writes it, in points. */
const A4_PT = { short: 595.92, long: 841.92 };

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
const RUN = (BROWSER_PATH !== undefined && HAS_PDFTOTEXT) || Boolean(process.env.CI);

interface Word {
  text: string;
  height: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The pages of a PDF and their words with their box heights, from `pdftotext -bbox`. */
function pdfWords(file: string): Page[] {
  const run = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('<page ').slice(1).map((chunk) => ({
    width: Number(/width="([\d.]+)"/.exec(chunk)![1]),
    height: Number(/height="([\d.]+)"/.exec(chunk)![1]),
    words: [...chunk.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[3]!.replace(/&(\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity),
      height: Number(m[2]) - Number(m[1]),
    })),
  }));
}

function wordsOf(...texts: (string | number | undefined)[]): string[] {
  return texts.flatMap((text) => (text === undefined ? [] : String(text).split(/\s+/).filter(Boolean)));
}

/**
 * Words printed only in the diagram: those of decision, start, end and refer labels, branch labels
 * and phase labels that appear nowhere else on the sheet (not in the title, description, table of
 * actions, legend or sources, nor among the sheet's own words), and that hold at least two letters.
 */
function diagramOnlyWords(logigramme: LogigrammeDocument, target: RenderTarget): Set<string> {
  const diagram: string[] = [];
  for (const node of Object.values(logigramme.nodes)) {
    if (node.type !== 'action') diagram.push(...wordsOf(node.label));
    if (node.type === 'decision') for (const branch of node.branches) diagram.push(...wordsOf(branch.label));
  }
  for (const phase of Object.values(logigramme.phases ?? {})) diagram.push(...wordsOf(phase.label));
  const elsewhere = new Set([
    ...wordsOf(logigramme.title, logigramme.description, target.stratumTitle, logigramme.stratum, logigramme.pyramid, logigramme.id),
    ...actionRows(logigramme, target.actorTitles).flatMap((row) => wordsOf(row.label, row.profession, row.frequency, row.grades, row.sources)),
    ...Object.values(logigramme.sources ?? {}).flatMap((s) => wordsOf(s.title, s.authors, s.year, s.url, s.type)),
    ...Object.values(target.actorTitles).flatMap((title) => wordsOf(title)),
    ...wordsOf('Strate pyramide logigramme Acteurs Actions à réaliser Sources Action Profession Fréquence Grade Source suite page de la sur ↓ ↑ → ←'),
  ]);
  // Numbers and punctuation alone are left out: page numbers ("page 1 sur 3") print them too.
  return new Set(diagram.filter((word) => !elsewhere.has(word) && /\p{L}{2}/u.test(word)));
}

interface RenderedSheet {
  id: string;
  pages: Page[];
  diagramWords: Set<string>;
}

describe.runIf(RUN)('legible memo sheets (pdftotext -bbox)', () => {
  let session: RenderSession;
  const sheets: RenderedSheet[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'logi-legibility-'));
  const language = currentLanguage();

  beforeAll(async () => {
    expect(HAS_PDFTOTEXT, 'pdftotext (poppler-utils) is needed to read the PDFs').toBe(true);
    session = await RenderSession.open({ executablePath: browserPath() });
    // The memo sheet is read by French GPs: French, the default language.
    setLanguage('fr');
    const workspace = await loadWorkspace({ cwd: REPO, paths: ['guidelines'] });
    for (const target of renderTargets(workspace)) {
      const file = await renderBrowserTarget(session, target, 'pdf', 'logi test');
      const pdf = path.join(scratch, file.name);
      writeFileSync(pdf, file.content);
      sheets.push({ id: target.document.id, pages: pdfWords(pdf), diagramWords: diagramOnlyWords(target.document.value, target) });
    }
  }, 300_000);

  afterAll(async () => {
    setLanguage(language);
    await session?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('calibration: 7 pt DejaVu text has an 8.148 pt box (7 × 2384/2048)', async () => {
    const pdf = path.join(scratch, 'seven-points.pdf');
    writeFileSync(pdf, await session.pdf('<p style="font:7pt \'DejaVu Sans\';margin:0">Sept points</p>', 'calibration'));
    const words = pdfWords(pdf)[0]!.words;
    expect(words.map((w) => w.text)).toEqual(['Sept', 'points']);
    for (const word of words) expect(Math.abs(word.height - 7 * DEJAVU_BOX_PER_PT)).toBeLessThan(TOLERANCE_PT);
  });

  it('calibration: a one-node diagram prints its 16 px label at its natural size, 12 pt (box 13.969 pt)', async () => {
    const oneNode = { kind: 'Logigramme', version: 1, id: 'calibrage', title: 'Fiche', pyramid: 'p', stratum: 'S1', start: 'a', nodes: { a: { type: 'start', label: 'Calibrage' } } } as unknown as LogigrammeDocument;
    const sheet = await memoSheetPdf(session, oneNode, logigrammeToMermaid(oneNode, { legend: false }));
    const pdf = path.join(scratch, 'one-node.pdf');
    writeFileSync(pdf, sheet.pdf);
    const label = pdfWords(pdf)[0]!.words.filter((w) => w.text === 'Calibrage');
    expect(label).toHaveLength(1);
    // 16 px × 0.75 pt/px = 12 pt; × 2384/2048 = 13.969 pt.
    expect(Math.abs(label[0]!.height - 12 * DEJAVU_BOX_PER_PT)).toBeLessThan(TOLERANCE_PT);
  });

  it('every font of the sheets is DejaVu, for which the box rule above holds', () => {
    for (const { id } of sheets) {
      const run = spawnSync('pdffonts', [path.join(scratch, `${id}.pdf`)], { encoding: 'utf8' });
      const fonts = run.stdout.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      expect(fonts.length, id).toBeGreaterThan(0);
      for (const font of fonts) expect(font, `${id}: ${font}`).toMatch(/^DejaVuSans(-Bold|-Oblique|Mono)?$/);
    }
  });

  it('renders the memo sheet of every bundled logigramme, on A4 pages', () => {
    expect(sheets.map((s) => s.id)).toContain('dt2-s2-suivi');
    expect(sheets.map((s) => s.id)).toContain('dt2-s3-complications');
    expect(sheets.length).toBeGreaterThanOrEqual(10);
    for (const sheet of sheets) {
      for (const page of sheet.pages) {
        const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)];
        expect(Math.abs(short - A4_PT.short), sheet.id).toBeLessThan(1);
        expect(Math.abs(long - A4_PT.long), sheet.id).toBeLessThan(1);
      }
    }
  });

  it('every word of every diagram is printed at 7 pt or more', () => {
    const table: string[] = [];
    for (const sheet of sheets) {
      expect(sheet.diagramWords.size, `${sheet.id}: words only its diagram prints`).toBeGreaterThanOrEqual(3);
      const printed = sheet.pages.flatMap((page) => page.words).filter((word) => sheet.diagramWords.has(word.text));
      // Each of them is on the sheet (the diagram was drawn, as text), and none is small.
      expect(new Set(printed.map((w) => w.text)), sheet.id).toEqual(sheet.diagramWords);
      const smallest = Math.min(...printed.map((w) => w.height));
      expect(smallest, `${sheet.id}: smallest diagram word box`).toBeGreaterThanOrEqual(MIN_BOX_PT);
      const first = sheet.pages[0]!;
      table.push(`${sheet.id}: ${first.width > first.height ? 'A4 landscape' : 'A4 portrait'}, ${sheet.pages.length} page(s), smallest diagram text ${(smallest / DEJAVU_BOX_PER_PT).toFixed(2)} pt (box ${smallest.toFixed(2)} pt)`);
    }
    console.log(table.join('\n'));
  });

  it('every word of every sheet — title, table, sources, page numbers — is printed at 7 pt or more', () => {
    for (const sheet of sheets) {
      for (const [p, page] of sheet.pages.entries()) {
        const small = page.words.filter((w) => w.height < MIN_BOX_PT).map((w) => `${w.text} (${w.height.toFixed(2)} pt)`);
        expect(small, `${sheet.id}, page ${p + 1}`).toEqual([]);
      }
    }
  });

  it('a split diagram says on each side of a cut where it continues: "suite page 2 ↓" and "↓ suite de la page 1"', () => {
    let cuts = 0;
    for (const sheet of sheets) {
      const texts = sheet.pages.map((page) => page.words.map((w) => w.text).join(' '));
      texts.forEach((text, p) => {
        for (const match of text.matchAll(/suite page (\d+) ([↓↑→←])/g)) {
          cuts += 1;
          const other = texts[Number(match[1]) - 1];
          expect(other, `${sheet.id}: page ${match[1]}`).toBeDefined();
          expect(other, `${sheet.id}: page ${match[1]} says it continues page ${p + 1}`).toContain(`${match[2]} suite de la page ${p + 1}`);
        }
      });
      expect(texts.join(' '), sheet.id).toContain(`page 1 sur ${sheet.pages.length}`);
    }
    expect(cuts, 'no bundled sheet is split: the check above would be vacuous').toBeGreaterThan(0);
  });

  it('the sheet speaks English when asked, and leaves user text as written', async () => {
    setLanguage('en');
    try {
      const workspace = await loadWorkspace({ cwd: REPO, paths: ['guidelines/diabete-t2/s2-suivi.yaml'] });
      const target = renderTargets(workspace)[0]!;
      const file = await renderBrowserTarget(session, target, 'pdf');
      const pdf = path.join(scratch, 'english.pdf');
      writeFileSync(pdf, file.content);
      const text = pdfWords(pdf).map((page) => page.words.map((w) => w.text).join(' ')).join('\n');
      for (const words of ['Actors', 'Actions to carry out', 'References', 'Frequency', 'continued on page 2 ↓', '↓ continued from page 1', 'page 1 of']) expect(text).toContain(words);
      expect(text).not.toMatch(/Acteurs|suite page/);
      // The title and the labels are the author's, in French.
      expect(text).toContain(target.document.value.title);
    } finally {
      setLanguage('fr');
    }
  });
});
