/**
 * The report of 131 territories (issue 17): a synthetic national `Results` built from a small run
 * of the bundled diabetes scenario — its five territories cloned under 131 ids, with populations
 * scaled from 0.2 to 4.2 times and figures perturbed by up to ±10 % — written as HTML: under 10 MB,
 * each territory's detail folded, and opened in headless Chromium without console error, request
 * or overflow, every comparison chart drawn with one point per territory. Its Markdown is written
 * too. Browser tests always run in CI (test/helpers/browser.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../src/render/browser.js';
import { buildReport } from '../../src/report/build.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { reportHtmlOf } from '../../src/report/write.js';
import type { Results } from '../../src/sim/results.js';
import { simulate } from '../../src/sim/simulate.js';
import { browserPath, RUN_BROWSER_TESTS, watchPage } from '../helpers/browser.js';
import { REPO } from '../helpers/cli.js';

const TERRITORIES = 131;
const LIMIT = 10 * 1024 * 1024;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-comparison-'));
const file = path.join(tmp, 'national.html');
let national: Results;
let html: string;

/** Every summary (mean, sd, percentiles, MCSE) of `value` multiplied by `factor` (> 0). */
function scaled<T>(value: T, factor: number): T {
  if (Array.isArray(value)) return value.map((v) => scaled(v, factor)) as T;
  if (value && typeof value === 'object') {
    if ('mean' in value && 'sd' in value) {
      const s = value as unknown as Record<'mean' | 'sd' | 'median' | 'p025' | 'p975' | 'mcse', number>;
      return { mean: s.mean * factor, sd: s.sd * factor, median: s.median * factor, p025: s.p025 * factor, p975: s.p975 * factor, mcse: s.mcse * factor } as T;
    }
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, scaled(v, factor)])) as T;
  }
  return value;
}

/** `count` territories cloned from `base`'s, cycling through them; the ensemble blocks kept as they are. */
function nationalOf(base: Results, count: number): Results {
  const territories: Results['territories'] = [];
  const summaries = base.summaries.filter((s) => s.territory === 'ensemble');
  const decisions = (base.decision?.summaries ?? []).filter((d) => d.territory === 'ensemble');
  const overlay: Results['overlay'] = [];
  for (let i = 0; i < count; i++) {
    const source = base.territories[i % base.territories.length]!;
    const size = 0.2 + ((i * 37) % 100) / 25;
    const perturbation = 1 + (((i * 53) % 21) - 10) / 100;
    const id = `t${String(i + 1).padStart(3, '0')}-${source.id}`;
    territories.push({ ...source, id, title: `Territoire ${i + 1} — ${source.title.replace(/\s*\(.*$/, '')}`, population: Math.round(source.population * size) });
    for (const block of base.summaries.filter((s) => s.territory === source.id)) summaries.push({ ...scaled(block, block.scale === 'count' ? size * perturbation : perturbation), territory: id, scale: block.scale, arm: block.arm });
    for (const d of base.decision?.summaries.filter((s) => s.territory === source.id) ?? []) decisions.push({ ...d, territory: id });
    for (const o of base.overlay.filter((e) => e.territory === source.id)) overlay.push({ ...o, territory: id });
  }
  return { ...base, territories, summaries, overlay, ...(base.decision ? { decision: { ...base.decision, summaries: decisions } } : {}) };
}

beforeAll(async () => {
  const { results } = await simulate({ scenario: 'pionniers-dt2-2026', cwd: REPO, version: 'test', workers: 1, iterations: 20 });
  national = nationalOf(results, TERRITORIES);
  html = await reportHtmlOf(national, { lang: 'fr' });
  writeFileSync(file, html);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the report of 131 territories', () => {
  it('weighs under 10 MB, every territory folded in its detail, tables only', () => {
    expect(national.territories).toHaveLength(TERRITORIES);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(LIMIT);
    expect([...html.matchAll(/<details class="folded" id="t-t\d{3}-/g)]).toHaveLength(TERRITORIES);
    // No per-territory chart: every chart is of all territories, the comparison, the decision or a logigramme.
    const charts = [...html.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1]!);
    expect(charts.filter((id) => id.startsWith('t-'))).toEqual([]);
    expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
  });

  it('its Markdown has every territory as a heading', async () => {
    const { markdown, assets } = reportMarkdown(await buildReport(national, { lang: 'en' }), 'charts');
    expect(markdown.match(/^### Territoire \d+ — /gm)).toHaveLength(TERRITORIES);
    expect(assets.every((a) => a.content.startsWith('<svg'))).toBe(true);
  }, 120_000);
});

describe.runIf(RUN_BROWSER_TESTS)('the report of 131 territories in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: browserPath(), headless: true, args: chromiumArgs() });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('opens without console error or request, each funnel and ranked chart with one point per territory', async () => {
    const page = await browser.newPage();
    const { problems, requests } = watchPage(page);
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 60_000 });
    expect(problems).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
    const charts = await page.$$eval('figure.chart[id$="-entonnoir"], figure.chart[id$="-rang"]', (figures) =>
      figures.map((f) => {
        const box = f.querySelector('svg')!.getBoundingClientRect();
        return { id: f.id, points: f.querySelectorAll('g.mark-symbol.role-mark path').length, drawn: box.width > 100 && box.height > 100 };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(2 * 5);
    for (const chart of charts) expect(chart, chart.id).toEqual({ id: chart.id, points: 131, drawn: true });
    // A folded territory opens on a click and shows its tables.
    await page.click('#t-t001-aube-sezannais > summary');
    expect(await page.$eval('#t-t001-aube-sezannais', (d) => (d as HTMLDetailsElement).open && d.querySelectorAll('table').length)).toBeGreaterThan(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 120_000);
});
