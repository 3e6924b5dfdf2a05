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
import { ARM_COLOURS, type BandRow, type chartSvg } from './charts.js';
import { type Block, type Cell, type FigureBlock, figureCell, type Section } from './document.js';

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
  /** A message of the catalogue that takes parameters, in the report's language. */
  t: <K extends MessageId>(id: K, ...args: MessageArgs<K>) => string;
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
  /** A numeric cell: the mean of `s` with its 95 % interval (`format`: the language's `formatNumber` by default). */
  withInterval: (s: { mean: number } & Interval, format?: Format) => Cell;
  /** A chart, drawn at the end with the others (so that progress can be reported). */
  figure: (id: string, title: string, spec: Parameters<typeof chartSvg>[0]) => FigureBlock;
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

export type PendingChart = { block: FigureBlock; spec: Parameters<typeof chartSvg>[0] };

export const last = <T>(values: readonly T[]): T => values[values.length - 1]!;
export const negate = (s: Series[number]) => ({ mean: -s.mean, low: -s.p975, high: -s.p025 });
export const sumMeans = (series: Series) => series.reduce((sum, s) => sum + s.mean, 0);
export const band = (s: Series[number]): Interval => ({ low: s.p025, high: s.p975 });

export function shorten(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export type ReportEvent = Results['events'][number];

/**
 * An event as the report names it: the title the pyramid gives it; for an event without one (a
 * results.json written before issue 16, whose events have no `title`, or an event whose title is
 * its name), its name made readable (`deces-diabetiques` → `Deces diabetiques`).
 */
export function eventTitle(event: ReportEvent): string {
  if (event.title !== undefined && event.title !== event.name) return event.title;
  const text = event.name.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The program's effect on an event, read the way the event is good news: for an undesirable event
 * (a death, a new diabetes), the events averted, usual care − program; for a desirable one (a
 * return to the general population), the events gained, program − usual care. Positive means the
 * program did good. Events of results written before issue 16 have no `desirable`: undesirable.
 */
export function eventEffect(event: ReportEvent, difference: Series[number]): { mean: number } & Interval {
  return event.desirable === true ? { mean: difference.mean, low: difference.p025, high: difference.p975 } : negate(difference);
}

/** `Averted` or `More`, for the event's direction (see `eventEffect`). */
export function effectWord(ctx: Pick<ReportContext, 'w'>, event: ReportEvent): string {
  return ctx.w(event.desirable === true ? 'report.gained' : 'report.averted');
}

/** One panel of lines by year: both arms and their paired difference. */
export interface ArmItem {
  panel?: string;
  base: Series;
  prog: Series;
  diff: Series;
}

/**
 * A panel's two lines overlap when the largest gap between the arms' means is under this share of
 * the panel's height (vega's y scale spans 0 to the largest value, bands included): 3 % of a
 * 150-pixel panel is 4.5 pixels, about the width of a 2-pixel line with its points.
 */
export const OVERLAP_SHARE = 0.03;

export function linesOverlap(item: ArmItem): boolean {
  const all = [...item.base, ...item.prog];
  const span = Math.max(0, ...all.map((s) => s.p975), ...all.map((s) => s.mean)) - Math.min(0, ...all.map((s) => s.p025), ...all.map((s) => s.mean));
  const gap = Math.max(0, ...item.base.map((s, i) => Math.abs(item.prog[i]!.mean - s.mean)));
  return span > 0 && gap < OVERLAP_SHARE * span;
}

/**
 * Band chart rows of both arms per panel, where they can be told apart; where their lines would
 * overlap (`linesOverlap`), the panel shows their paired difference instead, titled so. `firstYear`:
 * 0 for counts (years 0…H), 1 for the rest.
 */
export function armBandRows(ctx: ReportContext, items: ArmItem[], firstYear: 0 | 1): { rows: BandRow[]; differences: number } {
  const rows: BandRow[] = [];
  let differences = 0;
  const [baseline, program, difference] = [ctx.w('report.baseline'), ctx.w('report.program'), ctx.w('report.difference-series')];
  for (const item of items) {
    const push = (series: string, values: Series, panel: string | undefined) =>
      values.forEach((s, i) => rows.push({ year: i + firstYear, series, ...(panel === undefined ? {} : { panel }), mean: s.mean, low: s.p025, high: s.p975 }));
    if (linesOverlap(item)) {
      differences++;
      push(difference, item.diff, item.panel === undefined ? undefined : `${item.panel} (${ctx.w('report.difference').toLowerCase()})`);
    } else {
      push(baseline, item.base, item.panel);
      push(program, item.prog, item.panel);
    }
  }
  return { rows, differences };
}

export function sub(id: string, title: string, blocks: Block[]): Section {
  return { id, title, level: 3, blocks };
}

/** The note under a chart of both arms, and the note on the panels that show their difference instead. */
export function overlapNotes(ctx: ReportContext, note: string, differences: number): Block[] {
  const blocks: Block[] = [{ kind: 'paragraph', text: note, note: true }];
  if (differences > 0) blocks.push({ kind: 'paragraph', text: ctx.w('report.overlap-note'), note: true });
  return blocks;
}

/** The colours of the two arms and of their difference, keyed by their names in the report's language. */
export function armColours(ctx: ReportContext): Record<string, string> {
  return { [ctx.w('report.baseline')]: ARM_COLOURS.baseline, [ctx.w('report.program')]: ARM_COLOURS.program, [ctx.w('report.difference-series')]: ARM_COLOURS.difference };
}

/** The FTE available for a profession: the territory's, or for all territories their sum when every one gives it. */
export function workforceOf(ctx: ReportContext, territory: Results['territories'][number] | undefined, actor: string): number | undefined {
  if (territory) return ownValue(territory.workforce, actor);
  const values = ctx.results.territories.map((t) => ownValue(t.workforce, actor));
  return values.every((v) => v !== undefined) ? values.reduce((a, b) => a! + b!, 0) : undefined;
}

/** The professions some action calls on, in either arm, some year. */
export function activeActors(results: Results, base: Summary, prog: Summary): Results['actors'] {
  return results.actors.filter((a) => Math.max(...(prog.measures.fte[a.id] ?? []).map((s) => s.mean), ...(base.measures.fte[a.id] ?? []).map((s) => s.mean), 0) > 0);
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
    t: (id, ...args) => translate(lang, id, ...args),
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
    withInterval: (s, format = formatNumber) => figureCell(format(s.mean, lang), formatInterval(s.low, s.high, lang, format)),
    figure: (id, title, spec) => {
      const block = { kind: 'figure' as const, id, title, svg: '', alt: `${w('report.chart-alt')}${w('report.colon')}${title}` };
      pending.push({ block, spec });
      return block;
    },
  };
}
