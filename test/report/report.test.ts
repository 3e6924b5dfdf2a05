/**
 * The report end to end: simulate small runs of the bundled scenarios and of a model with hostile
 * labels, write the reports, check their content in Node, and open them in headless Chromium (no
 * console error, no request but the page, every chart drawn, a screenshot that is not blank, no
 * user text as markup). Browser tests always run in CI (test/helpers/browser.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../src/render/browser.js';
import { browserPath, RUN_BROWSER_TESTS } from '../helpers/browser.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { pngInk } from '../helpers/images.js';

const HOSTILE_LABEL = '<img src=x onerror=alert(1)>';
const HOSTILE_TITLE = '<script>alert("titre")</script> & « programme »';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-report-'));
const dt2 = path.join(tmp, 'dt2');
const ic = path.join(tmp, 'ic');
const hostile = path.join(tmp, 'hostile');

function simulate(args: string[], cwd = REPO): void {
  const run = runCli(['simulate', ...args], { cwd });
  if (run.status !== 0) throw new Error(`logi simulate ${args.join(' ')}: ${run.stderr}`);
}

beforeAll(() => {
  // In French, as logi speaks by default (vitest sets LOGI_LANG=en for the other tests).
  simulate(['pionniers-dt2-2026', '--iterations', '60', '--out', dt2, '--report', '--lang', 'fr']);
  simulate(['pionniers-ic-2026', '--iterations', '60', '--out', ic]);
  // The statistical tests' small model, with a hostile action label and program title.
  const workspace = path.join(tmp, 'hostile-workspace');
  cpSync(path.join(REPO, 'test/fixtures/sim/fixed'), workspace, { recursive: true });
  const model = path.join(workspace, 'model.yaml');
  const text = readFileSync(model, 'utf8');
  const edited = text.replace('label: Glucose test', `label: ${JSON.stringify(HOSTILE_LABEL)}`).replace('title: Enhanced', `title: ${JSON.stringify(HOSTILE_TITLE)}`);
  expect(edited).not.toBe(text);
  writeFileSync(model, edited);
  simulate(['fixed', '--iterations', '50', '--out', hostile, '--report', '--lang', 'en'], workspace);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `<figure … data-chart="id">` ids in a report. */
function chartIds(html: string): string[] {
  return [...html.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1]!);
}

describe('logi report', () => {
  it('simulate --report writes a self-contained HTML report with every chart as inline SVG', () => {
    const html = readFileSync(path.join(dt2, 'report.html'), 'utf8');
    const results = JSON.parse(readFileSync(path.join(dt2, 'results.json'), 'utf8')) as {
      territories: unknown[];
      logigrammes: { id: string }[];
      moves: unknown[];
      summaries: { territory: string; arm: string; measures: { enrolled: Record<string, { mean: number }[]> } }[];
    };
    // The bundled diabetes program enrols people and screens S1, moving the diabetes it detects to S2 (issue 14).
    const enrolled = results.summaries.some((s) => s.territory === 'ensemble' && s.arm === 'program' && Object.values(s.measures.enrolled).some((series) => series.some((y) => y.mean > 0)));
    expect(enrolled).toBe(true);
    expect(results.moves.length).toBeGreaterThan(0);
    // The decision's plane and acceptability curve (2, issue 16); per territory and for all of them: pyramid, strata, enrolled, moves, events, professions, FTE, costs (8); the comparison; one overlay per logigramme.
    const ids = chartIds(html);
    expect(ids.slice(0, 2)).toEqual(['decision-plan', 'decision-acceptabilite']);
    // Issue 17: per key measure of the comparison, a funnel and a ranked dot plot (test/report/comparison.test.ts).
    const measureCharts = ids.filter((id) => /^comparaison-.*-(entonnoir|rang)$/.test(id));
    expect(measureCharts.length).toBeGreaterThan(0);
    expect(ids.length - measureCharts.length).toBe(2 + 8 * (results.territories.length + 1) + 1 + results.logigrammes.length);
    for (const part of ['inscrits', 'mouvements']) expect(ids).toContain(`ensemble-${part}`);
    for (const id of ids) {
      const figure = html.slice(html.indexOf(`id="${id}"`), html.indexOf('</figure>', html.indexOf(`id="${id}"`)));
      expect(figure, id).toMatch(/<svg[^>]*>[\s\S]*<\/svg>/);
    }
    // Nothing to fetch: no script, no external URL in src/href, a CSP that forbids requests.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/\s(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
    // The manifest at the foot, with the inputs' hashes.
    expect(html).toMatch(/id="manifeste"[\s\S]*pionniers-dt2-2026[\s\S]*[0-9a-f]{64}/);
    // The five territories side by side.
    expect(html).toMatch(/id="comparaison"[\s\S]*Douaisis[\s\S]*Haute-Saône/);
  });

  it('writes the report in French or English: the report’s own words change, user text does not', () => {
    const fr = readFileSync(path.join(dt2, 'report.html'), 'utf8');
    const run = runCli(['report', path.join(dt2, 'results.json'), '--lang', 'en', '--out', path.join(dt2, 'report-en.html')]);
    expect(run.status, run.stderr).toBe(0);
    const en = readFileSync(path.join(dt2, 'report-en.html'), 'utf8');
    expect(fr).toContain('<html lang="fr">');
    expect(en).toContain('<html lang="en">');
    for (const [french, english] of [['Synthèse', 'Summary'], ['Événements évités', 'Events averted'], ['Comparaison des territoires', 'Territories compared'], ['Manifeste', 'Manifest']]) {
      expect(fr).toContain(french);
      expect(en).toContain(english);
      expect(en).not.toContain(`>${french}<`);
    }
    // A logigramme title is user text: the same in both.
    expect(en).toContain('Diabète de type 2 sans complication');
    // Deterministic: the same results give the same bytes (simulate --report wrote the first). No
    // --lang: the report is in the command's language, here LOGI_LANG's.
    const again = runCli(['report', path.join(dt2, 'results.json'), '--out', path.join(dt2, 'again.html')], { env: { LOGI_LANG: 'fr' } });
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(path.join(dt2, 'again.html'), 'utf8')).toBe(fr);
    // Two reports of five territories: tens of seconds on a busy machine.
  }, 180_000);

  it('the report is in the command\'s language: --lang (or -l) first, then LOGI_LANG', () => {
    // The small model's results (written in English by beforeAll), reported again in each language.
    const results = path.join(hostile, 'results.json');
    const english = runCli(['report', results, '-l', 'en', '--out', path.join(hostile, 'short-flag.html')], { env: { LOGI_LANG: 'fr' } });
    expect(english.status, english.stderr).toBe(0);
    const en = readFileSync(path.join(hostile, 'short-flag.html'), 'utf8');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<nav class="toc" aria-label="Contents"><h2>Contents</h2>');
    expect(en).toContain('<h2>Summary</h2>');
    const french = runCli(['report', results, '--format', 'md', '--out', path.join(hostile, 'rapport.md')], { env: { LOGI_LANG: 'fr' } });
    expect(french.status, french.stderr).toBe(0);
    const markdown = readFileSync(path.join(hostile, 'rapport.md'), 'utf8');
    expect(markdown).toMatch(/^# Rapport de simulation — fixed$/m);
    expect(markdown).toContain('## Synthèse');
    // The French colon: a no-break space before it.
    expect(markdown).toContain('- **Scénario**\u00a0: fixed');
    expect(markdown).toContain('- **Mode**\u00a0: stochastique (individus et paramètres tirés au sort)');
    expect(markdown).toContain('- **Horizon**\u00a0: 6 ans');
  }, 120_000);

  it('the Markdown variant has the same sections and links every chart it writes', () => {
    const out = path.join(ic, 'md', 'rapport.md');
    const run = runCli(['report', path.join(ic, 'results.json'), '--format', 'md', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const files = (JSON.parse(run.stdout) as { files: string[] }).files;
    const markdown = readFileSync(out, 'utf8');
    const html = runCli(['report', path.join(ic, 'results.json'), '--out', path.join(ic, 'report.html')]);
    expect(html.status).toBe(0);
    const htmlText = readFileSync(path.join(ic, 'report.html'), 'utf8');
    const decode = (t: string) => t.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const htmlHeadings = [...htmlText.matchAll(/<h([23])>([^<]*)<\/h\1>/g)].map((m) => `${m[1]} ${decode(m[2]!)}`).filter((h) => h !== '2 Contents');
    const mdHeadings = [...markdown.matchAll(/^(#{2,3}) (.*)$/gm)].map((m) => `${m[1]!.length} ${m[2]!.replace(/\\(.)/g, '$1')}`);
    // Non-empty, so that equal lists mean the same sections (two empty lists would be equal too).
    expect(htmlHeadings.length).toBeGreaterThan(10);
    expect(mdHeadings).toEqual(htmlHeadings);
    const images = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]!));
    expect(images.length).toBeGreaterThan(0);
    expect(images).toHaveLength(chartIds(htmlText).length);
    for (const image of images) expect(existsSync(path.join(path.dirname(out), image)), image).toBe(true);
    expect(files).toHaveLength(images.length + 1);
  }, 120_000);

  it('escapes hostile labels and titles in HTML and Markdown', () => {
    const html = readFileSync(path.join(hostile, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const md = runCli(['report', path.join(hostile, 'results.json'), '--format', 'md']);
    expect(md.status, md.stderr).toBe(0);
    const markdown = readFileSync(path.join(hostile, 'report.md'), 'utf8');
    expect(markdown).not.toMatch(/<img|<script/i);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses what is not a results file, with file:line:col or the JSON path, and no stack trace', () => {
    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, '{\n  "manifest": {\n    "tool": "logi",,\n');
    const notJson = runCli(['report', broken]);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/broken\.json:3:\d+: not valid JSON/);
    const other = path.join(tmp, 'other.json');
    writeFileSync(other, JSON.stringify({ manifest: { tool: 'logi' } }));
    const wrong = runCli(['report', other]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/not a logi results file: at `manifest\.version`/);
    const missing = runCli(['report', path.join(tmp, 'nowhere.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.json: no such file/);
    for (const run of [notJson, wrong, missing]) {
      expect(run.stderr).toMatch(/hint:/);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
    expect(existsSync(path.join(tmp, 'report.html'))).toBe(false);
  });

  it('refuses them in French under --lang fr, the schema\'s complaint in zod\'s French', () => {
    const broken = path.join(tmp, 'cassé.json');
    writeFileSync(broken, '{\n  "manifest": {\n    "tool": "logi",,\n');
    const other = path.join(tmp, 'autre.json');
    writeFileSync(other, JSON.stringify({ manifest: { tool: 'logi' } }));
    const notJson = runCli(['report', broken, '--lang', 'fr']);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^logi: .*cassé\.json:3:\d+ : ce n'est pas du JSON valide\n/);
    expect(notJson.stderr).toContain("donnez le results.json tel que `logi simulate … --out DIR` l'a écrit, sans le modifier");
    const wrong = runCli(['report', other, '--lang', 'fr']);
    expect(wrong.stderr).toContain("autre.json : ce n'est pas un fichier de résultats de logi : en `manifest.version`, Entrée invalide : chaîne de caractères attendu, indéfini reçu\n");
    const missing = runCli(['report', path.join(tmp, 'nowhere.json'), '--lang', 'fr']);
    expect(missing.stderr).toContain('nowhere.json : fichier introuvable\n');
    expect(missing.stderr).toContain('donnez le results.json écrit par `logi simulate … --out DIR`');
  });
});

describe.runIf(RUN_BROWSER_TESTS)('the report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: browserPath(), headless: true, args: chromiumArgs() });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(file: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, problems, requests, dialogs };
  }

  for (const [name, folder] of [
    ['diabetes', dt2],
    ['heart failure', ic],
  ] as const) {
    it(`the ${name} report: no console error, no request but the page, every chart drawn, not blank`, async () => {
      const file = path.join(folder, 'report.html');
      const { page, problems, requests } = await open(file);
      expect(problems).toEqual([]);
      expect(requests).toEqual([`file://${file}`]);
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return { id: f.id, drawn: Boolean(svg && box && box.width > 50 && box.height > 50 && svg.querySelectorAll('path, rect, text').length > 5) };
        }),
      );
      expect(charts.length).toBeGreaterThan(30);
      expect(charts.filter((c) => !c.drawn)).toEqual([]);
      const screenshot = pngInk(await page.screenshot({ type: 'png', fullPage: false }), 235);
      // The header band alone is more than 5 % of the first screen; a blank page has no ink.
      expect(screenshot.inkShare).toBeGreaterThan(0.05);
      expect(screenshot.colours).toBeGreaterThan(10);
      await page.close();
    }, 60_000);
  }

  it('a hostile label shows as text: no element, no script run, no dialog', async () => {
    const { page, problems, dialogs } = await open(path.join(hostile, 'report.html'));
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('img, script, iframe, object, embed', (elements) => elements.length)).toBe(0);
    const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('svg text')].map((t) => t.textContent).join(' '));
    expect(text).toContain(HOSTILE_LABEL);
    expect(text).toContain('<script>alert("titre")</script>');
    await page.close();
  }, 60_000);
});
