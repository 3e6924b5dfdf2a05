/**
 * The territories compared (issue 17, docs/report.md "Territories compared"): the funnel plot's
 * limits, the ranking and the flags, the measures chosen, the folding of the detail of many
 * territories, and the overlay of all territories read from its `ensemble` entries.
 *
 * Oracles: the funnel's limits are computed by hand here from Spiegelhalter (2005), "Funnel plots
 * for comparing institutional performance", Stat Med 24:1185–1202 — target θ₀ ± z·σ(n) with
 * z = Φ⁻¹(0.975) and Φ⁻¹(0.999), the quantiles typed from a normal table — and from the variance
 * written in docs/report.md; the expected ranks and flags of the synthetic results are worked out
 * by hand in the comments. No figure is compared with the code's own helpers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { overlayEntries } from '../../src/report/build.js';
import { comparisonMeasures, comparisonSections } from '../../src/report/comparison.js';
import { funnelOf, limitsAt, positionOf, ranked } from '../../src/report/comparison-funnel.js';
import { type PendingChart, reportContext } from '../../src/report/context.js';
import type { Block, Section } from '../../src/report/document.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { foldedTerritoriesSection, FOLD_ABOVE } from '../../src/report/territory.js';
import type { Results } from '../../src/sim/results.js';
import { simulate } from '../../src/sim/simulate.js';
import { REPO } from '../helpers/cli.js';

/** Φ⁻¹(0.975) and Φ⁻¹(0.999), from a table of the standard normal distribution (6 decimals). */
const Z95 = 1.959964;
const Z998 = 3.090232;
/** The quantiles above are rounded to 6 decimals: limits agree to |z error| · σ ≤ 5e-7 · 40. */
const CLOSE = 1e-4;

describe('funnel limits (Spiegelhalter 2005), by hand', () => {
  // Three territories, figures per 100,000: population, mean, sd over iterations.
  const figures = [
    { id: 'a', population: 100_000, mean: 50, sd: 20, low: 0, high: 0 },
    { id: 'b', population: 400_000, mean: 30, sd: 10, low: 0, high: 0 },
    { id: 'c', population: 25_000, mean: 80, sd: 40, low: 0, high: 0 },
  ];
  // θ₀ = (100,000·50 + 400,000·30 + 25,000·80) / 525,000 = 19,000,000 / 525,000.
  const target = 19_000_000 / 525_000;
  // Count-scale sds: sd·n/100,000 = 20, 40, 10; their squares 400 + 1,600 + 100 = 2,100;
  // per person v = 2,100 / 525,000 = 0.004; σ(n) = 100,000·√(0.004/n): 20 at 100,000, 10 at 400,000, 40 at 25,000.
  const sigma: Record<string, number> = { a: 20, b: 10, c: 40 };

  it('the target is the population-weighted rate and the limits θ₀ ± z·σ(n)', () => {
    const funnel = funnelOf(figures);
    expect(funnel.target).toBeCloseTo(target, 10);
    expect(funnel.perPersonVariance).toBeCloseTo(0.004, 12);
    for (const f of figures) {
      const limits = limitsAt(funnel, f.population);
      expect(Math.abs(limits.low95 - (target - Z95 * sigma[f.id]!))).toBeLessThan(CLOSE);
      expect(Math.abs(limits.high95 - (target + Z95 * sigma[f.id]!))).toBeLessThan(CLOSE);
      expect(Math.abs(limits.low998 - (target - Z998 * sigma[f.id]!))).toBeLessThan(CLOSE);
      expect(Math.abs(limits.high998 - (target + Z998 * sigma[f.id]!))).toBeLessThan(CLOSE);
    }
    // b: 30 against [36.19 − 19.60; 36.19 + 19.60] = [16.59; 55.79]: within.
    expect(positionOf(funnel, figures[1]!)).toBe('within');
  });

  it('without spread over the iterations there are no limits and no flag', () => {
    const flat = figures.map((f) => ({ ...f, sd: 0 }));
    expect(flat.map((f) => positionOf(funnelOf(flat), f))).toEqual(['within', 'within', 'within']);
  });

  it('ranks from the highest mean, ties by id', () => {
    expect(ranked([...figures, { id: 'd', population: 1, mean: 50, sd: 0, low: 0, high: 0 }]).map((f) => f.id)).toEqual(['c', 'a', 'd', 'b']);
  });
});

let base: Results;
beforeAll(async () => {
  ({ results: base } = await simulate({ scenario: 'pionniers-dt2-2026', cwd: REPO, version: 'test', workers: 1, iterations: 8 }));
}, 120_000);

/** `count` copies of the first territory, titled T1…, with the given populations. */
function copies(populations: number[]): Results {
  const source = base.territories[0]!;
  const territories = populations.map((population, i) => ({ ...source, id: `t${i + 1}`, title: `T${i + 1}`, population }));
  const summaries = [...base.summaries.filter((s) => s.territory === 'ensemble'), ...territories.flatMap((t) => base.summaries.filter((s) => s.territory === source.id).map((s) => structuredClone({ ...s, territory: t.id })))];
  const decision = base.decision && { ...base.decision, summaries: [...base.decision.summaries.filter((d) => d.territory === 'ensemble'), ...territories.map((t) => ({ ...base.decision!.summaries.find((d) => d.territory === source.id)!, territory: t.id }))] };
  return { ...base, territories, summaries, ...(decision ? { decision } : {}) };
}

function sectionsOf(results: Results): { sections: Section[]; pending: PendingChart[] } {
  const pending: PendingChart[] = [];
  return { sections: comparisonSections(reportContext(results, 'en', pending)), pending };
}

function tableOf(section: Section): Extract<Block, { kind: 'table' }> {
  return section.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!;
}

describe('the comparison section of a synthetic Results', () => {
  it('ranks the territories and flags those outside the limits', () => {
    // Four territories of 100,000 people; new diabetes averted per 100,000 in the last year: 8, 12, 30, 11, sd 2.
    const results = copies([100_000, 100_000, 100_000, 100_000]);
    const averted = [8, 12, 30, 11];
    results.territories.forEach((t, i) => {
      const block = results.summaries.find((s) => s.territory === t.id && s.arm === 'difference' && s.scale === 'per100k')!;
      const series = block.measures.events['nouveaux-diabetes']!;
      // The difference is program − usual care: events averted are its opposite.
      series[series.length - 1] = { mean: -averted[i]!, sd: 2, median: -averted[i]!, p025: -averted[i]! - 4, p975: -averted[i]! + 4, mcse: 1 };
    });
    // θ₀ = 61/4 = 15.25; v = 4·(2·1)² / 400,000 = 4e-5; σ(100,000) = 100,000·√(4e-10) = 2.
    // 95 %: 15.25 ± 3.92 = [11.33; 19.17]; 99.8 %: 15.25 ± 6.18 = [9.07; 21.43].
    // 30 above 99.8 %; 12 within; 11 below 95 %; 8 below 99.8 %.
    const { sections } = sectionsOf(results);
    const section = sections.find((s) => s.id === 'comparaison-evenement-nouveaux-diabetes')!;
    const rows = tableOf(section).rows;
    expect(rows.map((r) => [r[0]!.text, r[1]!.text, r[4]!.text, r[4]!.flag])).toEqual([
      ['1', 'T3', 'Above the 99.8\u00a0% limit', 'bad'],
      ['2', 'T2', 'Within the 95\u00a0% limits', undefined],
      ['3', 'T4', 'Below the 95\u00a0% limit', 'warn'],
      ['4', 'T1', 'Below the 99.8\u00a0% limit', 'bad'],
    ]);
    expect(section.blocks[0]).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('15.3 per 100,000') });
    expect(section.blocks[0]).toMatchObject({ text: expect.stringContaining('Outside the 99.8\u00a0% limits: 2 of 4 territories; outside the 95\u00a0% limits: 3.') });
  });

  it('compares the events to avoid, the enrolled strata, the extra cost, the net cost and the health gained', () => {
    const pending: PendingChart[] = [];
    const ids = comparisonMeasures(reportContext(copies([1000, 2000]), 'en', pending)).map((m) => m.id);
    const avoided = base.events.filter((e) => e.desirable !== true).map((e) => `evenement-${e.name}`);
    expect(ids.slice(0, avoided.length)).toEqual(avoided);
    expect(ids.slice(-3)).toEqual(['surcout', 'cout-net', 'qalys']);
    // Each measure: a funnel and a ranked dot chart, and the health gained has the ICER beside it.
    const { sections, pending: charts } = sectionsOf(copies([1000, 2000]));
    expect(charts.map((c) => c.block.id).filter((id) => /-(entonnoir|rang)$/.test(id))).toHaveLength(2 * ids.length);
    expect(tableOf(sections.find((s) => s.id === 'comparaison-qalys')!).header.at(-1)).toBe('ICER (incremental cost-effectiveness ratio)');
  });

  it('a single territory has no funnel', () => {
    expect(sectionsOf(copies([1000])).sections.map((s) => s.id)).toEqual(['comparaison']);
  });
});

describe('many territories', () => {
  it(`up to ${FOLD_ABOVE} territories keep the overview chart; above, the detail is folded, tables only, no chart queued`, () => {
    const few = sectionsOf(copies(Array.from({ length: FOLD_ABOVE }, () => 1000)));
    expect(few.pending.map((c) => c.block.id)).toContain('comparaison');
    const many = copies(Array.from({ length: FOLD_ABOVE + 1 }, (_, i) => 1000 + i));
    expect(sectionsOf(many).pending.map((c) => c.block.id)).not.toContain('comparaison');
    const pending: PendingChart[] = [];
    const detail = foldedTerritoriesSection(reportContext(many, 'en', pending));
    expect(pending).toEqual([]);
    const folded = detail.blocks.filter((b) => b.kind === 'folded');
    expect(folded.map((b) => b.id)).toEqual(many.territories.map((t) => `t-${t.id}`));
    for (const block of folded) for (const part of block.parts) expect(part.blocks.every((b) => b.kind === 'table')).toBe(true);
    // Markdown: the territory's heading, then its parts' headings and tables.
    const { markdown } = reportMarkdown({ lang: 'en', title: 't', subtitle: 's', sections: [detail], footer: 'f' }, 'charts');
    expect(markdown).toMatch(/^### T13 \(population 1,012\)$/m);
    expect(markdown).toMatch(/^#### The pyramid at the start and at the horizon$/m);
  });
});

describe('the overlay of all territories', () => {
  it('sums the ensemble entries when there are some, else every territory', () => {
    const entry = (territory: string) => ({ territory, arm: 'program' as const, logigramme: 'l', nodes: {}, edges: [] });
    expect(overlayEntries({ ...base, overlay: [entry('a'), entry('b'), entry('ensemble')] }).map((e) => e.territory)).toEqual(['ensemble']);
    expect(overlayEntries({ ...base, overlay: [entry('a'), entry('b')] }).map((e) => e.territory)).toEqual(['a', 'b']);
  });
});
