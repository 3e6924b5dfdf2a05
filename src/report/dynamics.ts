/**
 * The parts of the report that show a program's dynamics (issue 14, docs/simulation.md "Program
 * dynamics"): the people enrolled per stratum and year, the people moved by detection (`move-to`),
 * the events averted year by year with their running sum, and the program's own costs by payer
 * beside the acts' costs. Results written before issue 14 have no enrolment, move or program cost:
 * build.ts then leaves these parts out, and the events table still shows its years.
 */
import { ownValue } from '../language/records.js';
import { bandChart } from './charts.js';
import { armBandRows, armColours, band, eventEffect, overlapNotes, eventTitle, last, type ReportContext, type ReportMove, seriesOf, type Series, shorten, sub, type Summary, sumMeans, type TerritoryPart, yearHeaders } from './context.js';
import { type Block, cell, type Cell, type Section } from './document.js';

type Point = Series[number];

const ZERO: Point = { mean: 0, sd: 0, median: 0, p025: 0, p975: 0, mcse: 0 };

/** A measure's series under `key`, years 1…H; zero every year when the summary has none. */
function yearly(ctx: ReportContext, summary: Summary, measure: string, key: string): Series {
  return seriesOf(summary, measure, key) ?? Array.from({ length: ctx.results.manifest.horizon }, () => ZERO);
}

/** One line of a table by year: what it is about, and its three series. */
interface ByYearItem {
  label: string;
  base: Series;
  prog: Series;
  diff: Series;
}

/**
 * Items by year: for each item, usual care and the program (means), then their difference (mean
 * with its 95 % interval, paired by iteration), each with its sum over the horizon (the sum of the
 * yearly means: the results hold no summary of the sum, hence no interval for it).
 */
function byYearTable(ctx: ReportContext, itemHeader: string, items: ByYearItem[]): Block {
  const { w, num } = ctx;
  const figure = (s: Point) => cell(num(s.mean), { numeric: true });
  const withInterval = (s: Point) => ctx.withInterval({ mean: s.mean, ...band(s) });
  const line = (label: string, arm: string, series: Series, format: (s: Point) => Cell): Cell[] => [cell(label), cell(arm), ...series.map(format), cell(num(sumMeans(series)), { numeric: true })];
  return {
    kind: 'table',
    wide: true,
    header: [itemHeader, w('report.arm'), ...yearHeaders(ctx), w('report.cumulative')],
    rows: items.flatMap((item) => [
      line(item.label, w('report.baseline'), item.base, figure),
      line(item.label, w('report.program'), item.prog, figure),
      line(item.label, w('report.difference'), item.diff, withInterval),
    ]),
  };
}

/** Band chart rows of both arms (or of their difference, where their lines would overlap), one panel per item. */
function armRows(ctx: ReportContext, items: ByYearItem[]) {
  return armBandRows(ctx, items.map((item) => ({ panel: shorten(item.label, 60), base: item.base, prog: item.prog, diff: item.diff })), 1);
}

/** People enrolled per stratum and year (enrolled person-years), both arms and their difference. */
export function enrolledPart(ctx: ReportContext, { id, title, base, prog, diff }: TerritoryPart): Section {
  const { w } = ctx;
  const items = ctx.enrolledStrata.map((stratum) => ({
    label: ctx.stateLabel(stratum.id),
    base: yearly(ctx, base, 'enrolled', stratum.id),
    prog: yearly(ctx, prog, 'enrolled', stratum.id),
    diff: yearly(ctx, diff, 'enrolled', stratum.id),
  }));
  const { rows, differences } = armRows(ctx, items);
  return sub(`${id}-inscrits`, w('report.enrolled'), [
    ...overlapNotes(ctx, w('report.enrolled-note'), differences),
    ctx.figure(`${id}-inscrits`, `${w('report.enrolled')} — ${title}`, bandChart(rows, { yTitle: w('report.enrolled-unit'), xTitle: w('report.year'), seriesTitle: '', colours: armColours(ctx) })),
    byYearTable(ctx, w('report.stratum'), items),
  ]);
}

/** `S1 → S2 — Dépistage HbA1c`; the logigramme's id is added when two moves would read the same. */
function moveLabels(ctx: ReportContext): string[] {
  const nodeLabel = (move: ReportMove) => ctx.results.logigrammes.find((l) => l.id === move.logigramme)?.nodes.find((n) => n.id === move.node)?.label ?? move.node;
  const plain = ctx.moves.map((move) => `${move.from} → ${move.to} — ${nodeLabel(move)}`);
  return plain.map((label, i) => (plain.indexOf(label) !== plain.lastIndexOf(label) ? `${label} (${ctx.moves[i]!.logigramme})` : label));
}

/** People moved by detection, per move and year, both arms and their difference. */
export function movesPart(ctx: ReportContext, { id, title, base, prog, diff }: TerritoryPart): Section {
  const { w } = ctx;
  const labels = moveLabels(ctx);
  const items = ctx.moves.map((move, i) => ({
    label: labels[i]!,
    base: yearly(ctx, base, 'flows', move.key),
    prog: yearly(ctx, prog, 'flows', move.key),
    diff: yearly(ctx, diff, 'flows', move.key),
  }));
  const { rows, differences } = armRows(ctx, items);
  return sub(`${id}-mouvements`, w('report.moves'), [
    ...overlapNotes(ctx, w('report.moves-note'), differences),
    ctx.figure(`${id}-mouvements`, `${w('report.moves')} — ${title}`, bandChart(rows, { yTitle: w('report.people'), xTitle: w('report.year'), seriesTitle: '', colours: armColours(ctx) })),
    byYearTable(ctx, w('report.move'), items),
  ]);
}

/**
 * Events averted (usual care − program; for a desirable event, gained: program − usual care) each
 * year with their 95 % interval, and their running sum from year 1: the mean only, since the
 * interval of a sum is not the sum of the intervals and the results summarise each year alone.
 */
export function eventsByYearTable(ctx: ReportContext, diff: Summary): Block {
  const { w, num, results } = ctx;
  return {
    kind: 'table',
    wide: true,
    header: [w('report.event'), '', ...yearHeaders(ctx)],
    rows: results.events.flatMap((event) => {
      const effects = (ownValue(diff.measures.events, event.name) ?? []).map((s) => eventEffect(event, s));
      // A running sum that returns to zero shows 0, not the float residue of its additions (−0.000001).
      const scale = Math.max(0, ...effects.map((s) => Math.abs(s.mean)));
      let running = 0;
      const sums = effects.map((s) => (running += s.mean)).map((sum) => (Math.abs(sum) < 1e-9 * scale ? 0 : sum));
      const name = eventTitle(event);
      const inYear = w(event.desirable === true ? 'report.gained-in-year' : 'report.averted-in-year');
      return [
        [cell(name), cell(inYear), ...effects.map((s) => ctx.withInterval(s))],
        [cell(name), cell(w('report.averted-since-start')), ...sums.map((sum) => cell(num(sum), { numeric: true }))],
      ];
    }),
  };
}

/** Yearly means of the three arms of one cost line; `undefined` for an arm whose program has not got it. */
interface CostLine {
  label: string;
  payer: string;
  base: number[] | undefined;
  prog: number[] | undefined;
  diff: number[];
}

function costLines(ctx: ReportContext, base: Summary, prog: Summary, diff: Summary): CostLine[] {
  const means = (summary: Summary, id: string) => yearly(ctx, summary, 'programCost', id).map((s) => s.mean);
  const acts = (summary: Summary) => yearHeaders(ctx).map((_, y) => ctx.results.actors.reduce((sum, actor) => sum + (seriesOf(summary, 'cost', actor.id)?.[y]?.mean ?? 0), 0));
  const lines: CostLine[] = [{ label: ctx.w('report.acts-cost'), payer: '—', base: acts(base), prog: acts(prog), diff: acts(diff) }];
  for (const cost of ctx.programCosts) {
    lines.push({
      label: cost.title || cost.id,
      payer: cost.payer,
      base: cost.arms.includes('baseline') ? means(base, cost.id) : undefined,
      prog: cost.arms.includes('program') ? means(prog, cost.id) : undefined,
      diff: means(diff, cost.id),
    });
  }
  return lines;
}

/**
 * Per payer with several program costs, in the order of the costs, the sum of its costs (an arm's
 * sum is absent when none of them is in that arm); a payer's only cost is its own subtotal.
 */
function payerSubtotals(ctx: ReportContext, programLines: CostLine[]): CostLine[] {
  const add = (a: number[] | undefined, b: number[] | undefined) => (a === undefined ? b : b === undefined ? a : a.map((x, i) => x + b[i]!));
  const payers = programLines.map((l) => l.payer);
  const shared = [...new Set(payers)].filter((payer) => payers.indexOf(payer) !== payers.lastIndexOf(payer));
  return shared.map((payer) => {
    const subtotal: CostLine = { label: ctx.w('report.payer-subtotal'), payer, base: undefined, prog: undefined, diff: yearHeaders(ctx).map(() => 0) };
    for (const l of programLines.filter((x) => x.payer === payer)) {
      subtotal.base = add(subtotal.base, l.base);
      subtotal.prog = add(subtotal.prog, l.prog);
      subtotal.diff = add(subtotal.diff, l.diff)!;
    }
    return subtotal;
  });
}

/**
 * The acts' cost (Σ over the actors) and each program cost with its payer, then a subtotal per payer
 * that has several costs, and the total cost: the means over the horizon per arm, and the program's in the last year.
 */
export function costItemsTable(ctx: ReportContext, base: Summary, prog: Summary, diff: Summary): Block {
  const { w, euros } = ctx;
  const lines = costLines(ctx, base, prog, diff);
  const total = (summary: Summary) => summary.totalCost.map((s) => s.mean);
  const all = [...lines, ...payerSubtotals(ctx, lines.slice(1)), { label: w('report.total-cost'), payer: '', base: total(base), prog: total(prog), diff: total(diff) }];
  const sum = (values: number[] | undefined) => cell(values === undefined ? '—' : euros(values.reduce((a, b) => a + b, 0)), { numeric: true });
  const cumulative = w('report.cumulative').toLowerCase();
  return {
    kind: 'table',
    header: [w('report.item'), w('report.payer'), `${w('report.baseline')}, ${cumulative}`, `${w('report.program')}, ${cumulative}`, `${w('report.difference')}, ${cumulative}`, `${w('report.program')}, ${w('report.last-year').toLowerCase()}`],
    rows: all.map((l) => [cell(l.label), cell(l.payer, { code: l.payer !== '' && l.payer !== '—' }), sum(l.base), sum(l.prog), sum(l.diff), cell(l.prog === undefined ? '—' : euros(last(l.prog)), { numeric: true })]),
  };
}
