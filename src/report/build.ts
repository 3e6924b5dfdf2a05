/**
 * Builds the report of a simulation from its `results.json` alone (no workspace needed): per
 * territory, the pyramid at the start and at the horizon, each stratum over time, the people
 * enrolled and the people moved by detection (when the results hold them: src/report/dynamics.ts),
 * events averted year by year, working time per profession, FTE demand against the workforce,
 * volumes per action and costs (the program's own costs by payer beside the acts');
 * the territories side by side per 100,000 inhabitants; each logigramme with its simulated counts;
 * and the manifest. Every figure comes from the summaries the simulation wrote: means and the
 * 2.5–97.5 % percentiles over iterations (docs/simulation.md).
 *
 * The report's own words come from the message catalogue (src/i18n/messages/report.ts) and its
 * numbers from src/i18n/numbers.ts, both in the language the report is written in: by default the
 * command's (`--lang`, LOGI_LANG, the locale).
 */
import { currentLanguage, type Lang } from '../i18n/language.js';
import { formatCount, formatEuros, formatInterval, formatNumber } from '../i18n/numbers.js';
import { ownValue } from '../language/records.js';
import { ACTOR_PALETTE } from '../render/mermaid.js';
import type { Results } from '../sim/results.js';
import { ARM_COLOURS, bandChart, type BandRow, chartSvg, demandChart, type DemandRow, dotIntervalChart, type DotRow, groupedBarChart, type BarRow } from './charts.js';
import { armColours, band, ENSEMBLE, eventTitle, last, negate, type PendingChart, reportContext, type ReportContext, type Series, shorten, sub, type Summary, sumMeans, type TerritoryPart } from './context.js';
import { type Block, cell, type Cell, type ReportDocument, type Section, slug } from './document.js';
import { costItemsTable, enrolledPart, eventsByYearTable, movesPart } from './dynamics.js';
import { overlaySvg } from './overlay.js';

export { ENSEMBLE, type ReportWord } from './context.js';

export interface ReportOptions {
  /** The report's language; by default the command's (src/i18n/language.ts). */
  lang?: Lang;
  /** Called after each chart, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export async function buildReport(results: Results, options: ReportOptions = {}): Promise<ReportDocument> {
  const lang = options.lang ?? currentLanguage();
  const pending: PendingChart[] = [];
  const ctx = reportContext(results, lang, pending);
  const { w, count } = ctx;
  const sections: Section[] = [summarySection(ctx)];
  for (const key of [ENSEMBLE, ...results.territories.map((t) => t.id)]) sections.push(...territorySections(ctx, key));
  sections.push(comparisonSection(ctx), overlaySection(ctx), manifestSection(ctx));

  let done = 0;
  for (const { block, spec } of pending) {
    block.svg = await chartSvg(spec, lang);
    options.onProgress?.(++done, pending.length);
  }
  const { manifest } = results;
  return {
    lang,
    title: `${w('report.report-title')} — ${manifest.scenario}`,
    subtitle: `${w('report.program')}${w('report.colon')}${results.arms.program.title} · ${w('report.baseline')}${w('report.colon')}${results.arms.baseline.title}`,
    sections,
    footer: `${w('report.generated-by')} ${manifest.tool} ${manifest.version} · ${w('report.seed')} ${manifest.seed} · ${count(manifest.iterations)} ${w('report.iterations').toLowerCase()}`,
  };
}

/** The facts of the run, how to read the figures, and the headline differences. */
function summarySection(ctx: ReportContext): Section {
  const { results, w, count } = ctx;
  return {
    id: 'synthese',
    title: w('report.summary'),
    level: 2,
    blocks: [
      {
        kind: 'facts',
        items: [
          { term: w('report.scenario'), value: results.manifest.scenario },
          { term: w('report.pyramid'), value: results.manifest.pyramid },
          { term: w('report.baseline'), value: results.arms.baseline.title },
          { term: w('report.program'), value: results.arms.program.title },
          { term: w('report.territories'), value: results.territories.map((t) => t.title).join(' · ') },
          { term: w('report.horizon'), value: `${results.manifest.horizon} ${w('report.years')}` },
          { term: w('report.iterations'), value: count(results.manifest.iterations) },
          { term: w('report.mode'), value: w(`report.mode.${results.manifest.mode}`) },
        ],
      },
      { kind: 'paragraph', text: w('report.reading-guide'), note: true },
      eventsTable(ctx, ctx.summaries.get(ENSEMBLE, 'difference')),
    ],
  };
}

/** A territory's (or all territories') heading and its parts: seven, and nine when the results hold enrolment and moves. */
function territorySections(ctx: ReportContext, key: string): Section[] {
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
  const activeActors = results.actors.filter((a) => Math.max(...part.prog.measures.fte[a.id]!.map((s) => s.mean), ...part.base.measures.fte[a.id]!.map((s) => s.mean)) > 0);
  return [
    { id: part.id, title: `${part.title} (${w('report.population').toLowerCase()} ${count(population)})`, level: 2, blocks: [] },
    pyramidPart(ctx, part),
    strataPart(ctx, part),
    ...(ctx.enrolledStrata.length > 0 ? [enrolledPart(ctx, part)] : []),
    ...(ctx.moves.length > 0 ? [movesPart(ctx, part)] : []),
    eventsPart(ctx, part),
    professionsPart(ctx, part, activeActors),
    demandPart(ctx, part, activeActors),
    actionsPart(ctx, part),
    costsPart(ctx, part),
  ];
}

/** 1. The pyramid at the start and at the horizon. */
function pyramidPart(ctx: ReportContext, { id, title, base, prog, diff }: TerritoryPart): Section {
  const { w, count, interval, stateLabel } = ctx;
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
    table.push([cell(label), cell(count(start.mean), { numeric: true }), ...[b, p, d].map((s) => cell(`${count(s.mean)} ${interval(band(s), formatCount)}`, { numeric: true }))]);
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

/** 2. Each stratum over time, both arms with their band. */
function strataPart(ctx: ReportContext, { id, title, base, prog }: TerritoryPart): Section {
  const { w, results, stateLabel } = ctx;
  const rows: BandRow[] = [];
  for (const state of results.states) {
    for (const [arm, block] of [[w('report.baseline'), base], [w('report.program'), prog]] as const) {
      block.measures.counts[state.id]!.forEach((s, year) => rows.push({ year, series: arm, panel: stateLabel(state.id), mean: s.mean, low: s.p025, high: s.p975 }));
    }
  }
  return sub(`${id}-strates`, w('report.strata-over-time'), [
    { kind: 'paragraph', text: w('report.strata-over-time-note'), note: true },
    ctx.figure(`${id}-strates`, `${w('report.strata-over-time')} — ${title}`, bandChart(rows, { yTitle: w('report.people'), xTitle: w('report.year'), seriesTitle: '', colours: armColours(ctx) })),
  ]);
}

/** 3. Events averted per year. */
function eventsPart(ctx: ReportContext, { id, title, diff }: TerritoryPart): Section {
  const { w, results } = ctx;
  const rows: BandRow[] = [];
  for (const event of results.events) {
    diff.measures.events[event.name]!.forEach((s, i) => rows.push({ year: i + 1, series: w('report.averted'), panel: eventTitle(event.name), ...negate(s) }));
  }
  return sub(`${id}-evenements`, w('report.events-averted'), [
    { kind: 'paragraph', text: w('report.events-averted-note'), note: true },
    ctx.figure(
      `${id}-evenements`,
      `${w('report.events-averted')} — ${title}`,
      bandChart(rows, { yTitle: w('report.averted'), xTitle: w('report.year'), seriesTitle: '', colours: { [w('report.averted')]: ARM_COLOURS.program }, zeroRule: true }),
    ),
    { kind: 'paragraph', text: w('report.events-by-year-note'), note: true },
    eventsByYearTable(ctx, diff),
  ]);
}

/** 4. Working time per profession per year. */
function professionsPart(ctx: ReportContext, { id, title, base, prog }: TerritoryPart, actors: Results['actors']): Section {
  const { w, num, interval } = ctx;
  const rows: BandRow[] = [];
  for (const actor of actors) {
    for (const [arm, block] of [[w('report.baseline'), base], [w('report.program'), prog]] as const) {
      block.measures.fte[actor.id]!.forEach((s, i) => rows.push({ year: i + 1, series: arm, panel: shorten(actor.title, 40), mean: s.mean, low: s.p025, high: s.p975 }));
    }
  }
  const withInterval = (s: Series[number]) => cell(`${num(s.mean)} ${interval(band(s))}`, { numeric: true });
  const table: Cell[][] = actors.map((actor) => {
    const p = prog.measures.fte[actor.id]!;
    const b = base.measures.fte[actor.id]!;
    return [cell(actor.title), withInterval(p[0]!), withInterval(last(p)), withInterval(last(b))];
  });
  const [fte, lastYear] = [w('report.fte'), w('report.last-year').toLowerCase()];
  return sub(`${id}-professions`, w('report.volumes-per-profession'), [
    { kind: 'paragraph', text: w('report.volumes-per-profession-note'), note: true },
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

/** 5. FTE demand against the workforce (a territory's own workforce; summed for all territories when every one gives it). */
function demandPart(ctx: ReportContext, { id, title, territory, prog }: TerritoryPart, actors: Results['actors']): Section {
  const { w, num, interval, results } = ctx;
  const workforceOf = (actor: string): number | undefined => {
    if (territory) return ownValue(territory.workforce, actor);
    const values = results.territories.map((t) => ownValue(t.workforce, actor));
    return values.every((v) => v !== undefined) ? values.reduce((a, b) => a! + b!, 0) : undefined;
  };
  const [shortfall, possible, within, none] = [w('report.shortfall'), w('report.possible-shortfall'), w('report.within-workforce'), w('report.no-workforce')];
  const rows: DemandRow[] = actors.map((actor) => {
    const s = last(prog.measures.fte[actor.id]!);
    const available = workforceOf(actor.id);
    const status = available === undefined ? none : s.mean > available ? shortfall : s.p975 > available ? possible : within;
    return { category: shorten(actor.title, 44), mean: s.mean, low: s.p025, high: s.p975, status, ...(available === undefined ? {} : { workforce: available }) };
  });
  const flagOf = (status: string) => (status === shortfall ? 'bad' : status === possible ? 'warn' : status === within ? 'ok' : undefined);
  return sub(`${id}-etp`, w('report.fte-demand'), [
    { kind: 'paragraph', text: w('report.fte-demand-note'), note: true },
    ctx.figure(
      `${id}-etp`,
      `${w('report.fte-demand')} — ${title}`,
      demandChart(rows, { xTitle: w('report.fte'), statusTitle: '', statuses: [shortfall, possible, within, none], statusColours: ['#b91c1c', '#d97706', '#0f766e', '#94a3b8'] }),
    ),
    {
      kind: 'table',
      header: [w('report.profession'), `${w('report.fte')} (${w('report.program')}, ${w('report.last-year').toLowerCase()})`, w('report.workforce'), ''],
      rows: rows.map((r, i) => {
        const flag = flagOf(r.status);
        return [cell(actors[i]!.title), cell(`${num(r.mean)} ${interval(r)}`, { numeric: true }), cell(r.workforce === undefined ? '—' : num(r.workforce), { numeric: true }), cell(r.status, flag ? { flag } : {})];
      }),
    },
  ]);
}

/** 6. Volumes per action. */
function actionsPart(ctx: ReportContext, { id, prog, diff }: TerritoryPart): Section {
  const { w, count, interval, results } = ctx;
  const actorTitle = new Map(results.actors.map((a) => [a.id, a.title]));
  const withInterval = (s: Series[number]) => cell(`${count(s.mean)} ${interval(band(s), formatCount)}`, { numeric: true });
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
  const { w, euros, interval } = ctx;
  const rows: BandRow[] = [];
  for (const [arm, block] of [[w('report.baseline'), base], [w('report.program'), prog]] as const) block.totalCost.forEach((s, i) => rows.push({ year: i + 1, series: arm, mean: s.mean, low: s.p025, high: s.p975 }));
  const costRow = (name: string, series: Series): Cell[] => [
    cell(name),
    cell(euros(series[0]!.mean), { numeric: true }),
    cell(`${euros(last(series).mean)} ${interval(band(last(series)), formatEuros)}`, { numeric: true }),
    cell(euros(sumMeans(series)), { numeric: true }),
  ];
  return sub(`${id}-couts`, w('report.costs'), [
    { kind: 'paragraph', text: w('report.costs-note'), note: true },
    ctx.figure(`${id}-couts`, `${w('report.costs')} — ${title}`, bandChart(rows, { yTitle: `${w('report.total-cost')} (€)`, xTitle: w('report.year'), seriesTitle: '', colours: armColours(ctx) })),
    {
      kind: 'table',
      header: ['', `${w('report.year')} 1`, w('report.last-year'), w('report.cumulative')],
      rows: [costRow(w('report.baseline'), base.totalCost), costRow(w('report.program'), prog.totalCost), costRow(w('report.cost-difference'), diff.totalCost)],
    },
    ...(ctx.programCosts.length > 0 ? [{ kind: 'paragraph' as const, text: w('report.cost-items-note'), note: true }, costItemsTable(ctx, base, prog, diff)] : []),
  ]);
}

/** Across territories, per 100,000 inhabitants, in the last year: the reproducibility view. */
function comparisonSection(ctx: ReportContext): Section {
  const { w, results, summaries, num, interval, shortTerritory } = ctx;
  const lastPer100k = (t: string) => summaries.get(t, 'difference', 'per100k');
  const spread = (s: Series[number]) => ({ mean: s.mean, ...band(s) });
  const indicators: { title: string; value: (territory: string) => { mean: number; low: number; high: number } }[] = [
    ...results.events.map((event) => ({ title: `${w('report.averted')}${w('report.colon')}${eventTitle(event.name)}`, value: (t: string) => negate(last(lastPer100k(t).measures.events[event.name]!)) })),
    ...ctx.strata.map((stratum) => ({ title: `${w('report.difference')}${w('report.colon')}${ctx.stateLabel(stratum.id)}`, value: (t: string) => spread(last(lastPer100k(t).measures.counts[stratum.id]!)) })),
    { title: `${w('report.cost-difference')} (€)`, value: (t: string) => spread(last(lastPer100k(t).totalCost)) },
  ];
  const territoryIds = results.territories.map((t) => t.id);
  const dotRows: DotRow[] = [];
  for (const indicator of indicators) for (const t of territoryIds) dotRows.push({ panel: indicator.title, category: shortTerritory(t), ...indicator.value(t) });
  return {
    id: 'comparaison',
    title: `${w('report.across-territories')} (${w('report.per-100k')})`,
    level: 2,
    blocks: [
      { kind: 'paragraph', text: w('report.across-territories-note'), note: true },
      ctx.figure(
        'comparaison',
        `${w('report.across-territories')} — ${w('report.per-100k')}, ${w('report.last-year').toLowerCase()}`,
        dotIntervalChart(dotRows, { categories: territoryIds.map(shortTerritory), panels: indicators.map((i) => i.title), xTitle: w('report.per-100k') }),
      ),
      {
        kind: 'table',
        header: [w('report.indicator'), ...territoryIds.map(shortTerritory)],
        rows: indicators.map((indicator) => [
          cell(indicator.title),
          ...territoryIds.map((t) => {
            const v = indicator.value(t);
            return cell(`${num(v.mean)} ${interval(v)}`, { numeric: true });
          }),
        ]),
      },
    ],
  };
}

/** Each logigramme with the mean people per node and edge, all territories, averaged over the horizon. */
function overlaySection(ctx: ReportContext): Section {
  const { w, results, count } = ctx;
  const blocks: Block[] = [{ kind: 'paragraph', text: w('report.overlay-note'), note: true }];
  const actorColours = Object.fromEntries(results.actors.map((a, i) => [a.id, ACTOR_PALETTE[i % ACTOR_PALETTE.length]!]));
  for (const logigramme of results.logigrammes) {
    const armCounts = (arm: 'baseline' | 'program') => {
      const entries = results.overlay.filter((o) => o.logigramme === logigramme.id && o.arm === arm);
      const nodes: Record<string, number> = {};
      for (const node of logigramme.nodes) nodes[node.id] = entries.reduce((sum, e) => sum + average(ownValue(e.nodes, node.id) ?? []), 0);
      const edges = logigramme.edges.map((edge) => entries.reduce((sum, e) => sum + average(e.edges.find((x) => x.from === edge.from && x.to === edge.to)?.mean ?? []), 0));
      return { nodes, edges };
    };
    const svg = overlaySvg(logigramme, armCounts('program'), armCounts('baseline'), {
      formatCount: count,
      words: { perYear: w('report.per-year'), baseline: w('report.baseline'), program: w('report.program'), colon: w('report.colon') },
      actorColours,
    });
    blocks.push({ kind: 'figure', id: `logigramme-${slug(logigramme.id)}`, title: `${logigramme.title} (${logigramme.stratum})`, svg, alt: `${w('report.logigramme')}${w('report.colon')}${logigramme.title}` });
  }
  return { id: 'logigrammes', title: w('report.overlay'), level: 2, blocks };
}

/** The manifest: what it takes to reproduce the report. */
function manifestSection(ctx: ReportContext): Section {
  const { w, results, count } = ctx;
  const { manifest } = results;
  return {
    id: 'manifeste',
    title: w('report.manifest'),
    level: 2,
    blocks: [
      { kind: 'paragraph', text: w('report.manifest-note'), note: true },
      {
        kind: 'facts',
        items: [
          { term: w('report.tool'), value: `${manifest.tool} ${manifest.version}` },
          { term: w('report.scenario'), value: manifest.scenario },
          { term: w('report.seed'), value: String(manifest.seed) },
          { term: w('report.iterations'), value: count(manifest.iterations) },
          { term: w('report.mode'), value: manifest.mode },
          { term: w('report.horizon'), value: `${manifest.horizon} ${w('report.years')}` },
        ],
      },
      // SHA-256 is the name of the hash in both languages.
      { kind: 'table', header: [w('report.file'), 'SHA-256'], rows: manifest.inputs.map((input) => [cell(input.file, { code: true }), cell(input.sha256, { code: true })]) },
    ],
  };
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function eventsTable(ctx: ReportContext, diff: Summary): Block {
  const { w, lang, results } = ctx;
  return {
    kind: 'table',
    header: [w('report.event'), w('report.cumulative'), `${w('report.last-year')} (${w('report.mean').toLowerCase()})`, w('report.interval')],
    rows: results.events.map((event) => {
      const series = diff.measures.events[event.name]!;
      const averted = negate(last(series));
      return [
        cell(eventTitle(event.name)),
        cell(formatNumber(-sumMeans(series), lang), { numeric: true }),
        cell(formatNumber(averted.mean, lang), { numeric: true }),
        cell(formatInterval(averted.low, averted.high, lang), { numeric: true }),
      ];
    }),
  };
}
