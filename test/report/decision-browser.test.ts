/**
 * The report of the bundled diabetes scenario in headless Chromium (issue 16): it opens with the
 * decision section, whose charts are drawn (the CE plane has one symbol per iteration kept plus
 * their mean, and its threshold line; the acceptability curve one point per willingness to pay; the
 * tornado two bars per parameter; the sweep one line per outcome), and whose headline figures, as
 * the page shows them, equal those of results.json: each shown text is parsed back with the number
 * conventions of src/i18n/numbers.ts (separators, minus sign) and compared with the value in
 * results.json within half a unit of its last shown digit (the rounding of the display). The
 * oracle for the derived figures (costs averted, events over the horizon) is computed here from
 * results.json by their definition in docs/report.md.
 *
 * Also: no table overflows a 1,400-pixel window; no value label of the pyramid chart touches a
 * whisker; printed to A4 (the report's print stylesheet), the decision section takes at most two
 * pages. Browser tests always run in CI (test/helpers/browser.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUMBER_LOCALES } from '../../src/i18n/numbers.js';
import { chromiumArgs } from '../../src/render/browser.js';
import type { Results } from '../../src/sim/results.js';
import { browserPath, RUN_BROWSER_TESTS } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';

const SCENARIO = 'pionniers-dt2-2026';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-decision-browser-'));
const out = path.join(tmp, 'dt2');
let results: Results;

/** A one-way sensitivity and a sweep of the same scenario, written by hand (their shapes: docs/report.md). */
const SENSITIVITY = {
  manifest: { tool: 'logi', version: '0.1.0', scenario: SCENARIO, seed: 1, mode: 'expected', inputs: [] },
  outcome: { id: 'net-cost', title: 'Coût net', unit: '€' },
  territory: 'ensemble',
  base: 270_000_000,
  oneWay: [
    { parameter: 'efficacite', place: 'programs/p.yaml:3:5', low: { value: 0.1, outcome: 300_000_000 }, high: { value: 0.4, outcome: 240_000_000 }, width: 60_000_000 },
    { parameter: 'couverture', place: 'programs/p.yaml:9:5', low: { value: 0.2, outcome: 260_000_000 }, high: { value: 0.6, outcome: 290_000_000 }, width: 30_000_000 },
  ],
  regression: null,
};
const SWEEP = {
  manifest: { tool: 'logi', version: '0.1.0', scenario: SCENARIO, seed: 1, mode: 'psa', inputs: [] },
  vary: { path: 'coverage.S1', title: 'Couverture S1', values: [0.2, 0.5, 0.8] },
  territory: 'douaisis',
  outcomes: [
    { id: 'net-cost', title: 'Coût net', unit: '€' },
    { id: 'events:nouveaux-diabetes', title: 'Nouveaux diabètes', unit: 'événements' },
  ],
  points: [0.2, 0.5, 0.8].map((value) => ({ value, outcomes: { 'net-cost': { mean: value * 1e6, p025: value * 0.8e6, p975: value * 1.2e6 }, 'events:nouveaux-diabetes': { mean: -value * 100, p025: -value * 130, p975: -value * 70 } } })),
};

function cli(args: string[]): void {
  const run = runCli(args, { env: { LOGI_LANG: 'fr' } });
  if (run.status !== 0) throw new Error(`logi ${args.join(' ')}: ${run.stderr}`);
}

beforeAll(() => {
  cli(['simulate', SCENARIO, '--iterations', '40', '--out', out, '--report', '--lang', 'fr']);
  results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
  writeFileSync(path.join(tmp, 'sensitivity.json'), JSON.stringify(SENSITIVITY));
  writeFileSync(path.join(tmp, 'sweep.json'), JSON.stringify(SWEEP));
  cli(['report', path.join(out, 'results.json'), '--sensitivity', path.join(tmp, 'sensitivity.json'), '--sweep', path.join(tmp, 'sweep.json'), '--out', path.join(tmp, 'extras.html'), '--lang', 'fr']);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A number as the French report writes it, read back with src/i18n/numbers.ts's conventions: the
 * thousands separator, the decimal comma, the minus sign U+2212, `M` for millions, `€` and `%`.
 * `ulp`: one unit of its last shown digit.
 */
function parseFrench(text: string): { value: number; ulp: number } {
  const locale = NUMBER_LOCALES.fr;
  const match = new RegExp(`^(${locale.minus}?[0-9]{1,3}(?:${locale.thousands}[0-9]{3})*(?:${locale.decimal}[0-9]+)?)(${locale.thousands}M)?`).exec(text.trim());
  if (!match) throw new Error(`not a French number: ${JSON.stringify(text)}`);
  const digits = match[1]!.replace(locale.minus, '-').split(locale.thousands).join('').replace(locale.decimal, '.');
  const scale = (match[2] ? 1e6 : 1) * (/%$/.test(text.trim()) ? 0.01 : 1);
  const decimals = digits.split('.')[1]?.length ?? 0;
  return { value: Number(digits) * scale, ulp: 10 ** -decimals * scale };
}

/** The shown text equals `expected` to its display: within half a unit of the last digit shown. */
function expectShown(text: string, expected: number, what: string): void {
  const { value, ulp } = parseFrench(text);
  expect(Math.abs(value - expected), `${what}: shown ${text}, results.json ${expected}`).toBeLessThanOrEqual(ulp / 2 + Math.abs(expected) * 1e-12);
}

describe.runIf(RUN_BROWSER_TESTS)('the decision section in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: browserPath(), headless: true, args: chromiumArgs() });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return page;
  }

  const decision = () => results.decision!.summaries.find((s) => s.territory === 'ensemble')!;
  const ensembleDifference = () => results.summaries.find((s) => s.territory === 'ensemble' && s.arm === 'difference' && s.scale === 'count')!;

  it('opens with the decision, whose headline figures are those of results.json', async () => {
    const page = await open(path.join(out, 'report.html'));
    expect(await page.$eval('main > section', (s) => s.id)).toBe('decision');
    const shown = Object.fromEntries(await page.$$eval('[data-figure]', (cards) => cards.map((c) => [c.getAttribute('data-figure'), c.querySelector('.value')!.textContent!] as const)));
    const d = decision();
    expectShown(shown['net-cost']!, d.incrementalCost, 'net cost');
    expectShown(shown['effect']!, d.incrementalEffect, 'QALYs gained');
    expectShown(shown['probability']!, d.probabilityCostEffective, 'probability of being cost-effective');
    expectShown(shown['nmb']!, d.netMonetaryBenefit, 'net monetary benefit');
    expectShown(shown['evpi']!, d.evpi.population, 'EVPI');
    // Costs averted: usual care − program of the strata's and events' cost lines, discounted.
    const economics = ensembleDifference().economics!;
    const averted = -Object.entries(economics)
      .filter(([key]) => key.startsWith('states/') || key.startsWith('events/'))
      .reduce((sum, [, line]) => sum + line.discounted.mean, 0);
    expectShown(shown['costs-averted']!, averted, 'costs averted');
    // The ICER: its ratio, or its dominance case in words (never a negative ratio).
    const words: Record<string, string> = { dominant: 'Programme dominant', dominated: 'Programme dominé', equivalent: 'Équivalent' };
    if (d.icer === null) expect(shown['icer']).toBe(words[d.verdict]);
    else expectShown(shown['icer']!, d.icer, 'ICER');
    await page.close();
  }, 60_000);

  it('the events over the horizon, each read the right way, and the FTE of the last year', async () => {
    const page = await open(path.join(out, 'report.html'));
    const tables = await page.$$eval('#decision > .table-scroll table', (ts) => ts.map((t) => [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.firstChild?.textContent ?? ''))));
    const [events, fte] = tables as [string[][], string[][]];
    const diff = ensembleDifference();
    // Each event's title; an event without one (or titled with its own name) by its name made readable, never the raw id.
    const readable = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
    expect(events.map((r) => r[0])).toEqual(results.events.map((e) => (e.title && e.title !== e.name ? e.title : readable(e.name))));
    results.events.forEach((event, i) => {
      const sign = event.desirable ? 1 : -1;
      const overHorizon = sign * diff.measures.events[event.name]!.reduce((sum, s) => sum + s.mean, 0);
      expect(events[i]![1]).toBe(event.desirable ? 'En plus' : 'Évités');
      expectShown(events[i]![2]!, overHorizon, `${event.name} over the horizon`);
      expectShown(events[i]![3]!, sign * diff.measures.events[event.name]!.at(-1)!.mean, `${event.name} in the last year`);
    });
    const program = results.summaries.find((s) => s.territory === 'ensemble' && s.arm === 'program' && s.scale === 'count')!;
    expect(fte.length).toBeGreaterThan(0);
    for (const row of fte) {
      const actor = results.actors.find((a) => a.title === row[0])!;
      expectShown(row[1]!, program.measures.fte[actor.id]!.at(-1)!.mean, `FTE of ${actor.id}`);
      expectShown(row[2]!, diff.measures.fte[actor.id]!.at(-1)!.mean, `extra FTE of ${actor.id}`);
    }
    await page.close();
  }, 60_000);

  it('the plane, the acceptability curve, the tornado and the sweep are drawn', async () => {
    const page = await open(path.join(tmp, 'extras.html'));
    const chart = (id: string) =>
      page.$eval(`#${id} svg`, (svg) => {
        const box = svg.getBoundingClientRect();
        return {
          width: box.width,
          height: box.height,
          symbols: [...svg.querySelectorAll('g.mark-symbol.role-mark path')].length,
          lines: [...svg.querySelectorAll('g.mark-line.role-mark path')].filter((p) => (p.getAttribute('d') ?? '').length > 10).length,
          bars: [...svg.querySelectorAll('g.mark-rect.role-mark path')].length,
        };
      });
    const d = decision();
    const plane = await chart('decision-plan');
    expect(plane.width).toBeGreaterThan(200);
    // One symbol per iteration kept, and the mean; the threshold line.
    expect(plane.symbols).toBe(d.plane!.cost.length + 1);
    expect(plane.lines).toBe(1);
    const curve = await chart('decision-acceptabilite');
    expect(curve.symbols).toBe(d.acceptability.length);
    expect(curve.lines).toBe(1);
    const tornado = await chart('decision-tornade');
    expect(tornado.bars).toBe(2 * SENSITIVITY.oneWay.length);
    const sweep = await chart('decision-balayage');
    expect(sweep.lines).toBe(SWEEP.outcomes.length);
    expect(sweep.symbols).toBe(SWEEP.outcomes.length * SWEEP.points.length);
    await page.close();
  }, 60_000);

  it('no table overflows a 1,400-pixel window, and no value label touches a whisker', async () => {
    const page = await open(path.join(tmp, 'extras.html'));
    const widths = await page.evaluate(() => ({
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      tables: [...document.querySelectorAll('table')].map((t) => ({ id: t.closest('section')?.id, width: t.scrollWidth, room: t.parentElement!.clientWidth })).filter((t) => t.width > t.room),
    }));
    expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!);
    expect(widths.tables).toEqual([]);
    const touching = await page.$$eval('figure[id$="-pyramide"] svg', (svgs) =>
      svgs.flatMap((svg) => {
        const rules = [...svg.querySelectorAll('g.mark-rule.role-mark line')].map((l) => l.getBoundingClientRect());
        const labels = [...svg.querySelectorAll('g.mark-text.role-mark text')].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
        return labels.filter(({ box }) => rules.some((r) => r.left < box.right - 0.5 && box.left + 0.5 < r.right && r.top < box.bottom && box.top < r.bottom)).map((l) => l.text);
      }),
    );
    expect(await page.$$eval('figure[id$="-pyramide"] svg g.mark-text.role-mark text', (t) => t.length)).toBeGreaterThan(10);
    expect(touching).toEqual([]);
    await page.close();
  }, 60_000);

  it('printed to A4, the decision section takes at most two pages', async () => {
    const page = await open(path.join(out, 'report.html'));
    // The decision alone: the other top-level sections hidden, as if the document stopped there.
    await page.addStyleTag({ content: 'main > section:not(#decision), footer { display: none !important; }' });
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.close();
  }, 60_000);
});

// The report's HTML is written without a browser: its order is checked in Node too.
describe('the bundled diabetes report, without a browser', () => {
  it('starts with the decision section', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html.indexOf('<section id="decision">')).toBeGreaterThan(0);
    expect(html.indexOf('<section id="decision">')).toBeLessThan(html.indexOf('<section id="synthese">'));
  });
});
