/**
 * The parts of the report for one territory, or for all of them (src/report/build.ts): the pyramid
 * at the start and at the horizon, each stratum over time, the people enrolled and moved (when the
 * results hold them: src/report/dynamics.ts), the events averted year by year, working time per
 * profession, FTE demand against the workforce, volumes per action and costs.
 */
import { formatCount, formatEuros } from '../i18n/numbers.js';
import { ARM_COLOURS, bandChart, type BandRow, demandChart, type DemandRow, groupedBarChart, type BarRow } from './charts.js';
import {
  activeActors,
  armBandRows,
  armColours,
  band,
  effectWord,
  ENSEMBLE,
  eventEffect,
  eventTitle,
  last,
  overlapNotes,
  type ReportContext,
  type Series,
  shorten,
  sub,
  sumMeans,
  type TerritoryPart,
  workforceOf,
} from './context.js';
import { type Block, cell, type Cell, type FoldedBlock, type Section, slug } from './document.js';
import { costItemsTable, enrolledPart, eventsByYearTable, movesPart } from './dynamics.js';

/** A territory's (or all territories') heading and its parts: seven, and nine when the results hold enrolment and moves. */
export function territorySections(ctx: ReportContext, key: string, folded = false): Section[] {
  const { results, summaries, w, count } = ctx;
  const territory = results.territories.find((t) => t.id === key);
  const part: TerritoryPart = {
    key,
    id: key === ENSEMBLE ? 'ensemble' : `t-${slug(key)}`,
    territory,
    title: ctx.territoryTitle(key),
    base: summaries.get(key, 'baseline'),
    prog: summaries.get(key, 'program'),
    diff: summaries.get(key, 'difference'),
  };
  const population = key === ENSEMBLE ? results.territories.reduce((sum, t) => sum + t.population, 0) : territory!.population;
  const actors = activeActors(results, part.base, part.prog);
  return [
    { id: part.id, title: `${part.title} (${w('report.population').toLowerCase()} ${count(population)})`, level: 2, blocks: [] },
    pyramidPart(ctx, part),
    strataPart(ctx, part),
    ...(ctx.enrolledStrata.length > 0 ? [enrolledPart(ctx, part)] : []),
    ...(ctx.moves.length > 0 ? [movesPart(ctx, part)] : []),
    eventsPart(ctx, part),
    professionsPart(ctx, part, actors),
    demandPart(ctx, part, actors),
    // Left out of the folded detail (and not read from the files then: src/report/write.ts, reportedMeasures).
    ...(folded ? [] : [actionsPart(ctx, part)]),
    costsPart(ctx, part),
  ];
}

/**
 * Above this many territories, each territory's detail is folded and holds its tables only (no
 * chart): 131 territories of full sections would weigh some 60 MB of SVG (docs/report.md, "Many
 * territories"). Twelve is where the full sections stop being readable one after another.
 */
export const FOLD_ABOVE = 12;

/** Whether the results have more territories than `FOLD_ABOVE`. */
export function foldsTerritories(ctx: Pick<ReportContext, 'results'>): boolean {
  return ctx.results.territories.length > FOLD_ABOVE;
}

/**
 * Every territory's detail, folded, tables only: one level-2 section holding one folded block
 * per territory, whose parts are the parts of `territorySections` without their charts and notes
 * and without the volumes per action: a table of every action (58 in the bundled diabetes
 * scenario) that is 40 % of a territory's tables; they are in the all-territory section, and per
 * territory in summary.csv and summary.parquet. The charts are never drawn: the context given to
 * the parts queues none.
 */
export function foldedTerritoriesSection(ctx: ReportContext): Section {
  const { w, results } = ctx;
  const tablesOnly: ReportContext = { ...ctx, figure: (id, title) => ({ kind: 'figure', id, title, svg: '', alt: '' }) };
  const folded: FoldedBlock[] = results.territories.map((territory) => {
    const [heading, ...parts] = territorySections(tablesOnly, territory.id, true);
    return {
      kind: 'folded',
      id: heading!.id,
      title: heading!.title,
      parts: parts
        .map((part) => ({ title: part.title, blocks: part.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table') }))
        .filter((part) => part.blocks.length > 0),
    };
  });
  return { id: 'territoires', title: w('report.territory-detail'), level: 2, blocks: [{ kind: 'paragraph', text: w('report.territory-detail-note'), note: true }, ...folded] };
}

/** 1. The pyramid at the start and at the horizon. */
function pyramidPart(ctx: ReportContext, { id, title, base, prog, diff }: TerritoryPart): Section {
  const { w, count, stateLabel } = ctx;
  const atHorizon = w('report.at-horizon').toLowerCase();
  const groups = [`${w('report.start')} (${w('report.year').toLowerCase()} 0)`, `${w('report.baseline')}, ${atHorizon}`, `${w('report.program')}, ${atHorizon}`];
  const rows: BarRow[] = [];
  const table: Cell[][] = [];
  const strata = [...ctx.strata].reverse();
  for (const stratum of strata) {
    const start = base.measures.counts[stratum.id]![0]!;
    const b = last(base.measures.counts[stratum.id]!);
    const p = last(prog.measures.counts[stratum.id]!);
    const d = last(diff.measures.counts[stratum.id]!);
    const label = stateLabel(stratum.id);
    rows.push(
      { category: label, group: groups[0]!, mean: start.mean, label: count(start.mean) },
      { category: label, group: groups[1]!, mean: b.mean, low: b.p025, high: b.p975, label: count(b.mean) },
      { category: label, group: groups[2]!, mean: p.mean, low: p.p025, high: p.p975, label: count(p.mean) },
    );
    table.push([cell(label), cell(count(start.mean), { numeric: true }), ...[b, p, d].map((s) => ctx.withInterval({ mean: s.mean, ...band(s) }, formatCount))]);
  }
  return sub(`${id}-pyramide`, w('report.pyramid-start-horizon'), [
    { kind: 'paragraph', text: w('report.pyramid-start-horizon-note'), note: true },
    ctx.figure(
      `${id}-pyramide`,
      `${w('report.pyramid-start-horizon')} — ${title}`,
      groupedBarChart(rows, { xTitle: w('report.people'), groupTitle: '', categories: strata.map((s) => stateLabel(s.id)), groups, colours: [ARM_COLOURS.start, ARM_COLOURS.baseline, ARM_COLOURS.program] }),
    ),
    { kind: 'table', header: [w('report.stratum'), w('report.start'), `${w('report.baseline')} (${atHorizon})`, `${w('report.program')} (${atHorizon})`, w('report.difference')], rows: table },
  ]);
}

/** 2. Each stratum over time: both arms with their band, or their difference where the lines would overlap. */
function strataPart(ctx: ReportContext, { id, title, base, prog, diff }: TerritoryPart): Section {
  const { w, results, stateLabel } = ctx;
  const items = results.states.map((state) => ({ panel: stateLabel(state.id), base: base.measures.counts[state.id]!, prog: prog.measures.counts[state.id]!, diff: diff.measures.counts[state.id]! }));
  const { rows, differences } = armBandRows(ctx, items, 0);
  return sub(`${id}-strates`, w('report.strata-over-time'), [
    ...overlapNotes(ctx, w('report.strata-over-time-note'), differences),
    ctx.figure(`${id}-strates`, `${w('report.strata-over-time')} — ${title}`, bandChart(rows, { yTitle: w('report.people'), xTitle: w('report.year'), seriesTitle: '', colours: armColours(ctx) })),
  ]);
}

/** 3. Events averted (or gained, for a desirable event) per year. */
function eventsPart(ctx: ReportContext, { id, title, diff }: TerritoryPart): Section {
  const { w, results } = ctx;
  const rows: BandRow[] = [];
  const colours: Record<string, string> = {};
  for (const event of results.events) {
    const series = effectWord(ctx, event);
    colours[series] = ARM_COLOURS.program;
    const panel = `${shorten(eventTitle(event), 60)} (${series.toLowerCase()})`;
    diff.measures.events[event.name]!.forEach((s, i) => rows.push({ year: i + 1, series, panel, ...eventEffect(event, s) }));
  }
  return sub(`${id}-evenements`, w('report.events-averted'), [
    { kind: 'paragraph', text: w('report.events-averted-note'), note: true },
    ctx.figure(`${id}-evenements`, `${w('report.events-averted')} — ${title}`, bandChart(rows, { yTitle: w('report.events-per-year'), xTitle: w('report.year'), seriesTitle: '', colours, zeroRule: true })),
    { kind: 'paragraph', text: w('report.events-by-year-note'), note: true },
    eventsByYearTable(ctx, diff),
  ]);
}

/** 4. Working time per profession per year. */
function professionsPart(ctx: ReportContext, { id, title, base, prog, diff }: TerritoryPart, actors: ReportContext['results']['actors']): Section {
  const { w } = ctx;
  const items = actors.map((actor) => ({ panel: shorten(actor.title, 40), base: base.measures.fte[actor.id]!, prog: prog.measures.fte[actor.id]!, diff: diff.measures.fte[actor.id]! }));
  const { rows, differences } = armBandRows(ctx, items, 1);
  const withInterval = (s: Series[number]) => ctx.withInterval({ mean: s.mean, ...band(s) });
  const table: Cell[][] = actors.map((actor) => {
    const p = prog.measures.fte[actor.id]!;
    const b = base.measures.fte[actor.id]!;
    return [cell(actor.title), withInterval(p[0]!), withInterval(last(p)), withInterval(last(b))];
  });
  const [fte, lastYear] = [w('report.fte'), w('report.last-year').toLowerCase()];
  return sub(`${id}-professions`, w('report.volumes-per-profession'), [
    ...overlapNotes(ctx, w('report.volumes-per-profession-note'), differences),
    ctx.figure(
      `${id}-professions`,
      `${w('report.volumes-per-profession')} — ${title}`,
      bandChart(rows, { yTitle: fte, xTitle: w('report.year'), seriesTitle: '', colours: armColours(ctx), columns: 4, width: 190, height: 110 }),
    ),
    {
      kind: 'table',
      header: [w('report.profession'), `${w('report.program')}, ${w('report.year').toLowerCase()} 1 (${fte})`, `${w('report.program')}, ${lastYear} (${fte})`, `${w('report.baseline')}, ${lastYear} (${fte})`],
      rows: table,
    },
  ]);
}

/** The status of a profession's demand against its workforce, and its flag. */
export function demandStatus(ctx: ReportContext, demand: Series[number], available: number | undefined): { status: string; flag?: 'bad' | 'warn' | 'ok' } {
  const { w } = ctx;
  if (available === undefined) return { status: w('report.no-workforce') };
  if (demand.mean > available) return { status: w('report.shortfall'), flag: 'bad' };
  if (demand.p975 > available) return { status: w('report.possible-shortfall'), flag: 'warn' };
  return { status: w('report.within-workforce'), flag: 'ok' };
}

/** 5. FTE demand against the workforce (a territory's own workforce; summed for all territories when every one gives it). */
function demandPart(ctx: ReportContext, { id, title, territory, prog }: TerritoryPart, actors: ReportContext['results']['actors']): Section {
  const { w, num } = ctx;
  const statuses = [w('report.shortfall'), w('report.possible-shortfall'), w('report.within-workforce'), w('report.no-workforce')];
  const table: Cell[][] = [];
  const rows: DemandRow[] = actors.map((actor) => {
    const s = last(prog.measures.fte[actor.id]!);
    const available = workforceOf(ctx, territory, actor.id);
    const { status, flag } = demandStatus(ctx, s, available);
    table.push([cell(actor.title), ctx.withInterval({ mean: s.mean, ...band(s) }), cell(available === undefined ? '—' : num(available), { numeric: true }), cell(status, flag ? { flag } : {})]);
    return { category: shorten(actor.title, 44), mean: s.mean, low: s.p025, high: s.p975, status, ...(available === undefined ? {} : { workforce: available }) };
  });
  return sub(`${id}-etp`, w('report.fte-demand'), [
    { kind: 'paragraph', text: w('report.fte-demand-note'), note: true },
    ctx.figure(`${id}-etp`, `${w('report.fte-demand')} — ${title}`, demandChart(rows, { xTitle: w('report.fte'), statusTitle: '', statuses, statusColours: ['#b91c1c', '#d97706', '#0f766e', '#94a3b8'] })),
    { kind: 'table', header: [w('report.profession'), `${w('report.fte')} (${w('report.program')}, ${w('report.last-year').toLowerCase()})`, w('report.workforce'), ''], rows: table },
  ]);
}

/** 6. Volumes per action. */
function actionsPart(ctx: ReportContext, { id, prog, diff }: TerritoryPart): Section {
  const { w, results } = ctx;
  const actorTitle = new Map(results.actors.map((a) => [a.id, a.title]));
  const withInterval = (s: Series[number]) => ctx.withInterval({ mean: s.mean, ...band(s) }, formatCount);
  const rows: Cell[][] = results.actions.map((action) => {
    const p = prog.measures.volumes[action.id]!;
    const d = diff.measures.volumes[action.id]!;
    return [cell(action.label), cell(action.logigramme, { code: true }), cell(actorTitle.get(action.actor) ?? action.actor), withInterval(p[0]!), withInterval(last(p)), withInterval(last(d))];
  });
  const lastYear = w('report.last-year').toLowerCase();
  return sub(`${id}-actions`, w('report.volumes-per-action'), [
    { kind: 'paragraph', text: w('report.volumes-per-action-note'), note: true },
    {
      kind: 'table',
      header: [w('report.action'), w('report.logigramme'), w('report.profession'), `${w('report.program')}, ${w('report.year').toLowerCase()} 1`, `${w('report.program')}, ${lastYear}`, `${w('report.difference')}, ${lastYear}`],
      rows,
      collapsed: `${w('report.volumes-per-action')} (${results.actions.length})`,
    },
  ]);
}

/** 7. Costs. */
function costsPart(ctx: ReportContext, { id, title, base, prog, diff }: TerritoryPart): Section {
  const { w, euros } = ctx;
  const { rows, differences } = armBandRows(ctx, [{ base: base.totalCost, prog: prog.totalCost, diff: diff.totalCost }], 1);
  // The last year's figure with its interval; the sum over the horizon is the sum of the yearly means, which has none.
  const costRow = (name: string, series: Series): Cell[] => [
    cell(name),
    cell(euros(series[0]!.mean), { numeric: true }),
    ctx.withInterval({ mean: last(series).mean, ...band(last(series)) }, formatEuros),
    cell(euros(sumMeans(series)), { numeric: true }),
  ];
  return sub(`${id}-couts`, w('report.costs'), [
    ...overlapNotes(ctx, w('report.costs-note'), differences),
    ctx.figure(`${id}-couts`, `${w('report.costs')} — ${title}`, bandChart(rows, { yTitle: `${w('report.total-cost')} (€)`, xTitle: w('report.year'), seriesTitle: '', colours: armColours(ctx) })),
    {
      kind: 'table',
      header: ['', `${w('report.year')} 1`, w('report.last-year'), w('report.cumulative')],
      rows: [costRow(w('report.baseline'), base.totalCost), costRow(w('report.program'), prog.totalCost), costRow(w('report.cost-difference'), diff.totalCost)],
    },
    ...(ctx.programCosts.length > 0 ? [{ kind: 'paragraph' as const, text: w('report.cost-items-note'), note: true }, costItemsTable(ctx, base, prog, diff)] : []),
  ]);
}
