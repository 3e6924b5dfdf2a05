/**
 * What every part of the report reads (src/report/build.ts, src/report/dynamics.ts): the results,
 * the language's words and number formats, the summaries by territory and arm, the charts to draw,
 * and the few helpers the parts share.
 */
import { type MessageArgs, type MessageId, translate } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/language.js';
import { formatCount, formatEuros, formatInterval, formatNumber } from '../i18n/numbers.js';
import { ownValue } from '../language/records.js';
import type { Results } from '../sim/results.js';
import { ARM_COLOURS, type chartSvg } from './charts.js';
import type { Block, Section } from './document.js';

export type Summary = Results['summaries'][number];
export type Series = Summary['totalCost'];
export type Arm = Summary['arm'];
export type Format = (n: number, lang: Lang) => string;
export type Interval = { low: number; high: number };

/** A word of the report: a message of the report area that takes no parameter. */
export type ReportWord = { [K in MessageId]: K extends `report.${string}` ? (MessageArgs<K> extends [] ? K : never) : never }[MessageId];

export const ENSEMBLE = 'ensemble';

/** A detection move (`move-to` on an action node): its flow is `flows[key]` (docs/simulation.md, "Detection moves people"). */
export type ReportMove = NonNullable<Results['moves']>[number];

/** A program's own cost (coordination, per enrolled person-year…), recorded under `programCost[id]`. */
export type ReportProgramCost = NonNullable<Results['programCosts']>[number];

/** Summaries by (territory, arm, scale). */
export class Summaries {
  private readonly index = new Map<string, Summary>();
  constructor(
    results: Results,
    private readonly lang: Lang,
  ) {
    for (const s of results.summaries) this.index.set(`${s.territory}|${s.arm}|${s.scale}`, s);
  }
  get(territory: string, arm: Arm, scale: 'count' | 'per100k' = 'count'): Summary {
    const found = this.index.get(`${territory}|${arm}|${scale}`);
    if (!found) throw new Error(translate(this.lang, 'report.input.missing-summary', { territory, arm, scale }));
    return found;
  }
}

/** What every part of the report reads: the results, the language's words and number formats, and the charts to draw. */
export interface ReportContext {
  results: Results;
  lang: Lang;
  w: (id: ReportWord) => string;
  summaries: Summaries;
  strata: Results['states'];
  /** The strata where someone is enrolled in either arm, over all territories (none in results written before issue 14). */
  enrolledStrata: Results['states'];
  moves: readonly ReportMove[];
  programCosts: readonly ReportProgramCost[];
  stateLabel: (id: string) => string;
  territoryTitle: (key: string) => string;
  shortTerritory: (key: string) => string;
  count: (n: number) => string;
  num: (n: number) => string;
  euros: (n: number) => string;
  interval: (s: Interval, format?: Format) => string;
  /** A chart, drawn at the end with the others (so that progress can be reported). */
  figure: (id: string, title: string, spec: Parameters<typeof chartSvg>[0]) => Block;
}

/** One territory (or all of them) and its three summaries. */
export interface TerritoryPart {
  key: string;
  /** The section id: `ensemble` or `t-<slug>`. */
  id: string;
  territory: Results['territories'][number] | undefined;
  title: string;
  base: Summary;
  prog: Summary;
  diff: Summary;
}

export type PendingChart = { block: Extract<Block, { kind: 'figure' }>; spec: Parameters<typeof chartSvg>[0] };

export const last = <T>(values: readonly T[]): T => values[values.length - 1]!;
export const negate = (s: Series[number]) => ({ mean: -s.mean, low: -s.p975, high: -s.p025 });
export const sumMeans = (series: Series) => series.reduce((sum, s) => sum + s.mean, 0);
export const band = (s: Series[number]): Interval => ({ low: s.p025, high: s.p975 });

export function shorten(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function eventTitle(name: string): string {
  const text = name.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sub(id: string, title: string, blocks: Block[]): Section {
  return { id, title, level: 3, blocks };
}

/** The colours of the two arms, keyed by their names in the report's language. */
export function armColours(ctx: ReportContext): Record<string, string> {
  return { [ctx.w('report.baseline')]: ARM_COLOURS.baseline, [ctx.w('report.program')]: ARM_COLOURS.program };
}

/**
 * One measure of a summary, by key. `enrolled` and `programCost` are absent from the results of
 * logi before issue 14, which the report still reads: an absent measure has no key.
 */
export function measureOf(summary: Summary, measure: string): Readonly<Record<string, Series>> {
  return ownValue(summary.measures as Readonly<Record<string, Record<string, Series>>>, measure) ?? {};
}

/** A measure's series under `key`, or undefined when the summary has none (an older results file, a cost of the other arm). */
export function seriesOf(summary: Summary, measure: string, key: string): Series | undefined {
  return ownValue(measureOf(summary, measure), key);
}

/** `Year 1`, `Year 2`… `Year H`: the columns of a table by year. */
export function yearHeaders(ctx: ReportContext): string[] {
  return Array.from({ length: ctx.results.manifest.horizon }, (_, i) => `${ctx.w('report.year')} ${i + 1}`);
}

function enrolledStrataOf(results: Results, summaries: Summaries): Results['states'] {
  const somebody = (arm: Arm, stratum: string) => (seriesOf(summaries.get(ENSEMBLE, arm), 'enrolled', stratum) ?? []).some((s) => s.mean > 0);
  return results.states.filter((s) => !s.exit && (somebody('baseline', s.id) || somebody('program', s.id)));
}

export function reportContext(results: Results, lang: Lang, pending: PendingChart[]): ReportContext {
  const w = (id: ReportWord) => translate(lang, id);
  const territoryTitle = (key: string) => (key === ENSEMBLE ? w('report.all-territories') : (results.territories.find((t) => t.id === key)?.title ?? key));
  const summaries = new Summaries(results, lang);
  return {
    results,
    lang,
    w,
    summaries,
    strata: results.states.filter((s) => !s.exit),
    enrolledStrata: enrolledStrataOf(results, summaries),
    // Results written before issue 14 have neither.
    moves: results.moves ?? [],
    programCosts: results.programCosts ?? [],
    stateLabel: (id) => {
      const state = results.states.find((s) => s.id === id);
      return state ? shorten(`${state.id} — ${state.title}`) : id;
    },
    territoryTitle,
    // "Douaisis (GHT du Douaisis, Nord)" → "Douaisis": for chart axes and table headers side by side.
    shortTerritory: (key) => territoryTitle(key).replace(/\s*\([^)]*\)\s*$/, '') || territoryTitle(key),
    count: (n) => formatCount(n, lang),
    num: (n) => formatNumber(n, lang),
    euros: (n) => formatEuros(n, lang),
    interval: (s, format = formatNumber) => formatInterval(s.low, s.high, lang, format),
    figure: (id, title, spec) => {
      const block = { kind: 'figure' as const, id, title, svg: '', alt: `${w('report.chart-alt')}${w('report.colon')}${title}` };
      pending.push({ block, spec });
      return block;
    },
  };
}
