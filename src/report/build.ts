/**
 * Builds the report of a simulation from its `results.json` alone (no workspace needed): per
 * territory, the pyramid at the start and at the horizon, each stratum over time, events averted,
 * working time per profession, FTE demand against the workforce, volumes per action and costs;
 * the territories side by side per 100,000 inhabitants; each logigramme with its simulated counts;
 * and the manifest. Every figure comes from the summaries the simulation wrote: means and the
 * 2.5–97.5 % percentiles over iterations (docs/simulation.md).
 */
import { ownValue } from '../language/records.js';
import { ACTOR_PALETTE } from '../render/mermaid.js';
import type { Results } from '../sim/results.js';
import { ARM_COLOURS, bandChart, type BandRow, chartSvg, demandChart, type DemandRow, dotIntervalChart, type DotRow, groupedBarChart, type BarRow } from './charts.js';
import { type Block, cell, type Cell, type ReportDocument, type Section, slug } from './document.js';
import { formatCount, formatEuros, formatInterval, formatNumber, type Lang, WORDS, type Words } from './i18n.js';
import { overlaySvg } from './overlay.js';

type Summary = Results['summaries'][number];
type Series = Summary['totalCost'];
type Arm = Summary['arm'];

export const ENSEMBLE = 'ensemble';


export interface ReportOptions {
  lang?: Lang;
  /** Called after each chart, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Summaries by (territory, arm, scale). */
class Summaries {
  private readonly index = new Map<string, Summary>();
  constructor(results: Results) {
    for (const s of results.summaries) this.index.set(`${s.territory}|${s.arm}|${s.scale}`, s);
  }
  get(territory: string, arm: Arm, scale: 'count' | 'per100k' = 'count'): Summary {
    const found = this.index.get(`${territory}|${arm}|${scale}`);
    if (!found) throw new Error(`results.json has no summary for ${territory}, ${arm}, ${scale}`);
    return found;
  }
}

const last = <T>(values: readonly T[]): T => values[values.length - 1]!;
const negate = (s: Series[number]) => ({ mean: -s.mean, low: -s.p975, high: -s.p025 });
const sumMeans = (series: Series) => series.reduce((sum, s) => sum + s.mean, 0);

function shorten(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function eventTitle(name: string): string {
  const text = name.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function buildReport(results: Results, options: ReportOptions = {}): Promise<ReportDocument> {
  const lang = options.lang ?? 'fr';
  const w = WORDS[lang];
  const summaries = new Summaries(results);
  const horizon = results.manifest.horizon;
  const strata = results.states.filter((s) => !s.exit);
  const stateLabel = (id: string) => {
    const state = results.states.find((s) => s.id === id);
    return state ? shorten(`${state.id} — ${state.title}`) : id;
  };
  const actorTitle = new Map(results.actors.map((a) => [a.id, a.title]));
  const territoryKeys = [ENSEMBLE, ...results.territories.map((t) => t.id)];
  const territoryTitle = (key: string) => (key === ENSEMBLE ? w.allTerritories : (results.territories.find((t) => t.id === key)?.title ?? key));
  // "Douaisis (GHT du Douaisis, Nord)" → "Douaisis": for chart axes and table headers side by side.
  const shortTerritory = (key: string) => territoryTitle(key).replace(/\s*\([^)]*\)\s*$/, '') || territoryTitle(key);
  const count = (n: number) => formatCount(n, lang);
  const num = (n: number) => formatNumber(n, lang);
  const euros = (n: number) => formatEuros(n, lang);
  const interval = (s: { low: number; high: number }, format: (n: number, l: Lang) => string = formatNumber) => formatInterval(s.low, s.high, lang, format);

  // Charts are drawn at the end, all together, so that progress can be reported.
  const pending: { block: Extract<Block, { kind: 'figure' }>; spec: Parameters<typeof chartSvg>[0] }[] = [];
  const figure = (id: string, title: string, spec: Parameters<typeof chartSvg>[0]): Block => {
    const block = { kind: 'figure' as const, id, title, svg: '', alt: `${w.chartAlt}${w.colon}${title}` };
    pending.push({ block, spec });
    return block;
  };

  const sections: Section[] = [];

  // Summary: the facts of the run, how to read the figures, and the headline differences.
  const ensembleDiff = summaries.get(ENSEMBLE, 'difference');
  sections.push({
    id: 'synthese',
    title: w.summary,
    level: 2,
    blocks: [
      {
        kind: 'facts',
        items: [
          { term: w.scenario, value: results.manifest.scenario },
          { term: w.pyramid, value: results.manifest.pyramid },
          { term: w.baseline, value: results.arms.baseline.title },
          { term: w.program, value: results.arms.program.title },
          { term: w.territories, value: results.territories.map((t) => t.title).join(' · ') },
          { term: w.horizon, value: `${horizon} ${w.years}` },
          { term: w.iterations, value: count(results.manifest.iterations) },
          { term: w.mode, value: w.modes[results.manifest.mode] },
        ],
      },
      { kind: 'paragraph', text: w.readingGuide, note: true },
      eventsTable(results, ensembleDiff, w, lang),
    ],
  });

  for (const key of territoryKeys) {
    const territory = results.territories.find((t) => t.id === key);
    const base = summaries.get(key, 'baseline');
    const prog = summaries.get(key, 'program');
    const diff = summaries.get(key, 'difference');
    const id = key === ENSEMBLE ? 'ensemble' : `t-${slug(key)}`;
    const population = key === ENSEMBLE ? results.territories.reduce((sum, t) => sum + t.population, 0) : territory!.population;
    sections.push({ id, title: `${territoryTitle(key)} (${w.population.toLowerCase()} ${count(population)})`, level: 2, blocks: [] });

    // 1. The pyramid at the start and at the horizon.
    const groups = [`${w.start} (${w.year.toLowerCase()} 0)`, `${w.baseline}, ${w.atHorizon.toLowerCase()}`, `${w.program}, ${w.atHorizon.toLowerCase()}`];
    const pyramidRows: BarRow[] = [];
    const pyramidTable: Cell[][] = [];
    for (const stratum of [...strata].reverse()) {
      const start = base.measures.counts[stratum.id]![0]!;
      const b = last(base.measures.counts[stratum.id]!);
      const p = last(prog.measures.counts[stratum.id]!);
      const d = last(diff.measures.counts[stratum.id]!);
      pyramidRows.push(
        { category: stateLabel(stratum.id), group: groups[0]!, mean: start.mean, label: count(start.mean) },
        { category: stateLabel(stratum.id), group: groups[1]!, mean: b.mean, low: b.p025, high: b.p975, label: count(b.mean) },
        { category: stateLabel(stratum.id), group: groups[2]!, mean: p.mean, low: p.p025, high: p.p975, label: count(p.mean) },
      );
      pyramidTable.push([
        cell(stateLabel(stratum.id)),
        cell(count(start.mean), { numeric: true }),
        cell(`${count(b.mean)} ${interval({ low: b.p025, high: b.p975 }, formatCount)}`, { numeric: true }),
        cell(`${count(p.mean)} ${interval({ low: p.p025, high: p.p975 }, formatCount)}`, { numeric: true }),
        cell(`${count(d.mean)} ${interval({ low: d.p025, high: d.p975 }, formatCount)}`, { numeric: true }),
      ]);
    }
    sub(sections, `${id}-pyramide`, w.pyramidStartHorizon, [
      { kind: 'paragraph', text: w.pyramidStartHorizonNote, note: true },
      figure(`${id}-pyramide`, `${w.pyramidStartHorizon} — ${territoryTitle(key)}`, groupedBarChart(pyramidRows, {
        xTitle: w.people,
        groupTitle: '',
        categories: [...strata].reverse().map((s) => stateLabel(s.id)),
        groups,
        colours: [ARM_COLOURS.start, ARM_COLOURS.baseline, ARM_COLOURS.program],
      })),
      { kind: 'table', header: [w.stratum, w.start, `${w.baseline} (${w.atHorizon.toLowerCase()})`, `${w.program} (${w.atHorizon.toLowerCase()})`, w.difference], rows: pyramidTable },
    ]);

    // 2. Each stratum over time, both arms with their band.
    const strataRows: BandRow[] = [];
    for (const state of results.states) {
      for (const [arm, block] of [[w.baseline, base], [w.program, prog]] as const) {
        block.measures.counts[state.id]!.forEach((s, year) => strataRows.push({ year, series: arm, panel: stateLabel(state.id), mean: s.mean, low: s.p025, high: s.p975 }));
      }
    }
    sub(sections, `${id}-strates`, w.strataOverTime, [
      { kind: 'paragraph', text: w.strataOverTimeNote, note: true },
      figure(`${id}-strates`, `${w.strataOverTime} — ${territoryTitle(key)}`, bandChart(strataRows, { yTitle: w.people, xTitle: w.year, seriesTitle: '', colours: { [w.baseline]: ARM_COLOURS.baseline, [w.program]: ARM_COLOURS.program } })),
    ]);

    // 3. Events averted per year.
    const eventRows: BandRow[] = [];
    for (const event of results.events) {
      diff.measures.events[event.name]!.forEach((s, i) => {
        const averted = negate(s);
        eventRows.push({ year: i + 1, series: w.averted, panel: eventTitle(event.name), ...averted });
      });
    }
    sub(sections, `${id}-evenements`, w.eventsAverted, [
      { kind: 'paragraph', text: w.eventsAvertedNote, note: true },
      figure(`${id}-evenements`, `${w.eventsAverted} — ${territoryTitle(key)}`, bandChart(eventRows, { yTitle: w.averted, xTitle: w.year, seriesTitle: '', colours: { [w.averted]: ARM_COLOURS.program }, zeroRule: true })),
      eventsTable(results, diff, w, lang),
    ]);

    // 4. Working time per profession per year.
    const activeActors = results.actors.filter((a) => Math.max(...prog.measures.fte[a.id]!.map((s) => s.mean), ...base.measures.fte[a.id]!.map((s) => s.mean)) > 0);
    const fteRows: BandRow[] = [];
    for (const actor of activeActors) {
      for (const [arm, block] of [[w.baseline, base], [w.program, prog]] as const) {
        block.measures.fte[actor.id]!.forEach((s, i) => fteRows.push({ year: i + 1, series: arm, panel: shorten(actor.title, 40), mean: s.mean, low: s.p025, high: s.p975 }));
      }
    }
    const professionTable: Cell[][] = activeActors.map((actor) => {
      const p = prog.measures.fte[actor.id]!;
      const b = base.measures.fte[actor.id]!;
      return [
        cell(actor.title),
        cell(`${num(p[0]!.mean)} ${interval({ low: p[0]!.p025, high: p[0]!.p975 })}`, { numeric: true }),
        cell(`${num(last(p).mean)} ${interval({ low: last(p).p025, high: last(p).p975 })}`, { numeric: true }),
        cell(`${num(last(b).mean)} ${interval({ low: last(b).p025, high: last(b).p975 })}`, { numeric: true }),
      ];
    });
    sub(sections, `${id}-professions`, w.volumesPerProfession, [
      { kind: 'paragraph', text: w.volumesPerProfessionNote, note: true },
      figure(`${id}-professions`, `${w.volumesPerProfession} — ${territoryTitle(key)}`, bandChart(fteRows, { yTitle: w.fte, xTitle: w.year, seriesTitle: '', colours: { [w.baseline]: ARM_COLOURS.baseline, [w.program]: ARM_COLOURS.program }, columns: 4, width: 190, height: 110 })),
      { kind: 'table', header: [w.profession, `${w.program}, ${w.year.toLowerCase()} 1 (${w.fte})`, `${w.program}, ${w.lastYear.toLowerCase()} (${w.fte})`, `${w.baseline}, ${w.lastYear.toLowerCase()} (${w.fte})`], rows: professionTable },
    ]);

    // 5. FTE demand against the workforce (a territory's own workforce; summed for all territories when every one gives it).
    const workforceOf = (actor: string): number | undefined => {
      if (territory) return ownValue(territory.workforce, actor);
      const values = results.territories.map((t) => ownValue(t.workforce, actor));
      return values.every((v) => v !== undefined) ? values.reduce((a, b) => a! + b!, 0) : undefined;
    };
    const statuses = [w.shortfall, w.possibleShortfall, w.withinWorkforce, w.noWorkforce];
    const demandRows: DemandRow[] = activeActors.map((actor) => {
      const s = last(prog.measures.fte[actor.id]!);
      const available = workforceOf(actor.id);
      const status = available === undefined ? w.noWorkforce : s.mean > available ? w.shortfall : s.p975 > available ? w.possibleShortfall : w.withinWorkforce;
      return { category: shorten(actor.title, 44), mean: s.mean, low: s.p025, high: s.p975, status, ...(available === undefined ? {} : { workforce: available }) };
    });
    const flagOf = (status: string) => (status === w.shortfall ? 'bad' : status === w.possibleShortfall ? 'warn' : status === w.withinWorkforce ? 'ok' : undefined);
    sub(sections, `${id}-etp`, w.fteDemand, [
      { kind: 'paragraph', text: w.fteDemandNote, note: true },
      figure(`${id}-etp`, `${w.fteDemand} — ${territoryTitle(key)}`, demandChart(demandRows, { xTitle: w.fte, statusTitle: '', statuses, statusColours: ['#b91c1c', '#d97706', '#0f766e', '#94a3b8'] })),
      {
        kind: 'table',
        header: [w.profession, `${w.fte} (${w.program}, ${w.lastYear.toLowerCase()})`, w.workforce, ''],
        rows: demandRows.map((r, i) => {
          const flag = flagOf(r.status);
          return [cell(activeActors[i]!.title), cell(`${num(r.mean)} ${interval(r)}`, { numeric: true }), cell(r.workforce === undefined ? '—' : num(r.workforce), { numeric: true }), cell(r.status, flag ? { flag } : {})];
        }),
      },
    ]);

    // 6. Volumes per action.
    const actionRows: Cell[][] = results.actions.map((action) => {
      const p = prog.measures.volumes[action.id]!;
      const d = diff.measures.volumes[action.id]!;
      return [
        cell(action.label),
        cell(action.logigramme, { code: true }),
        cell(actorTitle.get(action.actor) ?? action.actor),
        cell(`${count(p[0]!.mean)} ${interval({ low: p[0]!.p025, high: p[0]!.p975 }, formatCount)}`, { numeric: true }),
        cell(`${count(last(p).mean)} ${interval({ low: last(p).p025, high: last(p).p975 }, formatCount)}`, { numeric: true }),
        cell(`${count(last(d).mean)} ${interval({ low: last(d).p025, high: last(d).p975 }, formatCount)}`, { numeric: true }),
      ];
    });
    sub(sections, `${id}-actions`, w.volumesPerAction, [
      { kind: 'paragraph', text: w.volumesPerActionNote, note: true },
      {
        kind: 'table',
        header: [w.action, w.logigramme, w.profession, `${w.program}, ${w.year.toLowerCase()} 1`, `${w.program}, ${w.lastYear.toLowerCase()}`, `${w.difference}, ${w.lastYear.toLowerCase()}`],
        rows: actionRows,
        collapsed: `${w.volumesPerAction} (${results.actions.length})`,
      },
    ]);

    // 7. Costs.
    const costRows: BandRow[] = [];
    for (const [arm, block] of [[w.baseline, base], [w.program, prog]] as const) block.totalCost.forEach((s, i) => costRows.push({ year: i + 1, series: arm, mean: s.mean, low: s.p025, high: s.p975 }));
    const costTable: Cell[][] = [
      [cell(w.baseline), cell(euros(base.totalCost[0]!.mean), { numeric: true }), cell(`${euros(last(base.totalCost).mean)} ${interval({ low: last(base.totalCost).p025, high: last(base.totalCost).p975 }, formatEuros)}`, { numeric: true }), cell(euros(sumMeans(base.totalCost)), { numeric: true })],
      [cell(w.program), cell(euros(prog.totalCost[0]!.mean), { numeric: true }), cell(`${euros(last(prog.totalCost).mean)} ${interval({ low: last(prog.totalCost).p025, high: last(prog.totalCost).p975 }, formatEuros)}`, { numeric: true }), cell(euros(sumMeans(prog.totalCost)), { numeric: true })],
      [cell(w.costDifference), cell(euros(diff.totalCost[0]!.mean), { numeric: true }), cell(`${euros(last(diff.totalCost).mean)} ${interval({ low: last(diff.totalCost).p025, high: last(diff.totalCost).p975 }, formatEuros)}`, { numeric: true }), cell(euros(sumMeans(diff.totalCost)), { numeric: true })],
    ];
    sub(sections, `${id}-couts`, w.costs, [
      { kind: 'paragraph', text: w.costsNote, note: true },
      figure(`${id}-couts`, `${w.costs} — ${territoryTitle(key)}`, bandChart(costRows, { yTitle: `${w.totalCost} (€)`, xTitle: w.year, seriesTitle: '', colours: { [w.baseline]: ARM_COLOURS.baseline, [w.program]: ARM_COLOURS.program } })),
      { kind: 'table', header: ['', `${w.year} 1`, w.lastYear, w.cumulative], rows: costTable },
    ]);
  }

  // Across territories, per 100,000 inhabitants, in the last year: the reproducibility view.
  const indicators: { title: string; value: (territory: string) => { mean: number; low: number; high: number } }[] = [
    ...results.events.map((event) => ({ title: `${w.averted}${w.colon}${eventTitle(event.name)}`, value: (t: string) => negate(last(summaries.get(t, 'difference', 'per100k').measures.events[event.name]!)) })),
    ...strata.map((stratum) => ({
      title: `${w.difference}${w.colon}${stateLabel(stratum.id)}`,
      value: (t: string) => {
        const s = last(summaries.get(t, 'difference', 'per100k').measures.counts[stratum.id]!);
        return { mean: s.mean, low: s.p025, high: s.p975 };
      },
    })),
    {
      title: `${w.costDifference} (€)`,
      value: (t: string) => {
        const s = last(summaries.get(t, 'difference', 'per100k').totalCost);
        return { mean: s.mean, low: s.p025, high: s.p975 };
      },
    },
  ];
  const territoryIds = results.territories.map((t) => t.id);
  const dotRows: DotRow[] = [];
  for (const indicator of indicators) for (const t of territoryIds) dotRows.push({ panel: indicator.title, category: shortTerritory(t), ...indicator.value(t) });
  sections.push({
    id: 'comparaison',
    title: `${w.acrossTerritories} (${w.per100k})`,
    level: 2,
    blocks: [
      { kind: 'paragraph', text: w.acrossTerritoriesNote, note: true },
      figure('comparaison', `${w.acrossTerritories} — ${w.per100k}, ${w.lastYear.toLowerCase()}`, dotIntervalChart(dotRows, { categories: territoryIds.map(shortTerritory), panels: indicators.map((i) => i.title), xTitle: w.per100k })),
      {
        kind: 'table',
        header: [w.indicator, ...territoryIds.map(shortTerritory)],
        rows: indicators.map((indicator) => [cell(indicator.title), ...territoryIds.map((t) => {
          const v = indicator.value(t);
          return cell(`${num(v.mean)} ${interval(v)}`, { numeric: true });
        })]),
      },
    ],
  });

  // Each logigramme with the mean people per node and edge, all territories, averaged over the horizon.
  const overlayBlocks: Block[] = [{ kind: 'paragraph', text: w.overlayNote, note: true }];
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
      words: { perYear: w.perYear, baseline: w.baseline, program: w.program, colon: w.colon },
      actorColours,
    });
    overlayBlocks.push({ kind: 'figure', id: `logigramme-${slug(logigramme.id)}`, title: `${logigramme.title} (${logigramme.stratum})`, svg, alt: `${w.logigramme}${w.colon}${logigramme.title}` });
  }
  sections.push({ id: 'logigrammes', title: w.overlay, level: 2, blocks: overlayBlocks });

  // The manifest.
  sections.push({
    id: 'manifeste',
    title: w.manifest,
    level: 2,
    blocks: [
      { kind: 'paragraph', text: w.manifestNote, note: true },
      {
        kind: 'facts',
        items: [
          { term: w.tool, value: `${results.manifest.tool} ${results.manifest.version}` },
          { term: w.scenario, value: results.manifest.scenario },
          { term: w.seed, value: String(results.manifest.seed) },
          { term: w.iterations, value: count(results.manifest.iterations) },
          { term: w.mode, value: results.manifest.mode },
          { term: w.horizon, value: `${horizon} ${w.years}` },
        ],
      },
      { kind: 'table', header: [w.file, w.sha256], rows: results.manifest.inputs.map((input) => [cell(input.file, { code: true }), cell(input.sha256, { code: true })]) },
    ],
  });

  let done = 0;
  for (const { block, spec } of pending) {
    block.svg = await chartSvg(spec, lang);
    options.onProgress?.(++done, pending.length);
  }
  return {
    lang,
    title: `${w.reportTitle} — ${results.manifest.scenario}`,
    subtitle: `${w.program}${w.colon}${results.arms.program.title} · ${w.baseline}${w.colon}${results.arms.baseline.title}`,
    sections,
    footer: `${w.generatedBy} ${results.manifest.tool} ${results.manifest.version} · ${w.seed} ${results.manifest.seed} · ${count(results.manifest.iterations)} ${w.iterations.toLowerCase()}`,
  };
}

function sub(sections: Section[], id: string, title: string, blocks: Block[]): void {
  sections.push({ id, title, level: 3, blocks });
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function eventsTable(results: Results, diff: Summary, w: Words, lang: Lang): Block {
  return {
    kind: 'table',
    header: [w.event, w.cumulative, `${w.lastYear} (${w.mean.toLowerCase()})`, w.interval],
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
