/**
 * The tables and optional parts of the decision section (src/report/decision.ts): the FTE needed
 * against the workforce, the costs by payer and category, the decision per territory, the tornado
 * of a one-way sensitivity analysis and the curves of a sweep.
 */
import { formatEuros, formatNumber, formatPercent } from '../i18n/numbers.js';
import { ownValue } from '../language/records.js';
import { sweepChart, type SweepRow, tornadoChart, type TornadoRow } from './decision-charts.js';
import type { Sensitivity, Sweep } from './decision-inputs.js';
import { activeActors, band, ENSEMBLE, last, type ReportContext, shorten, sub, type Summary, workforceOf } from './context.js';
import { economicsOf, icerText, type DecisionFigures } from './decision-figures.js';
import { type Block, cell, type Cell, type Section } from './document.js';
import { demandStatus } from './territory.js';

/** The tornado shows at most this many parameters, the widest; the table below it has them all. */
export const TORNADO_BARS = 15;

/** The decision shows at most this many professions: the ones to look at first (see `fteTable`). */
export const DECISION_PROFESSIONS = 8;

const SEVERITY: Readonly<Record<string, number>> = { bad: 0, warn: 1, ok: 2 };

/**
 * Per profession, the FTE the program needs in the last year and its extra over usual care, against
 * the workforce of all territories: the shortfalls first, then the possible shortfalls, then by
 * extra FTE, largest first; at most `DECISION_PROFESSIONS` (the section on FTE demand has them all).
 */
export function fteTable(ctx: ReportContext, base: Summary, prog: Summary, diff: Summary): { note: Block; table: Block } {
  const { w, num, results } = ctx;
  const lines = activeActors(results, base, prog).map((actor) => {
    const p = last(prog.measures.fte[actor.id]!);
    const d = last(diff.measures.fte[actor.id]!);
    const available = workforceOf(ctx, undefined, actor.id);
    return { actor, p, d, available, ...demandStatus(ctx, p, available) };
  });
  const rank = (flag: string | undefined) => (flag === undefined ? 3 : (SEVERITY[flag] ?? 3));
  lines.sort((a, b) => rank(a.flag) - rank(b.flag) || b.d.mean - a.d.mean);
  const shown = lines.slice(0, DECISION_PROFESSIONS);
  const rows: Cell[][] = shown.map(({ actor, p, d, available, status, flag }) => [
    cell(actor.title),
    ctx.withInterval({ mean: p.mean, ...band(p) }),
    ctx.withInterval({ mean: d.mean, ...band(d) }),
    cell(available === undefined ? '—' : num(available), { numeric: true }),
    cell(status, flag ? { flag } : {}),
  ]);
  return {
    note: { kind: 'paragraph', text: ctx.t('report.decision.fte-note', { shown: ctx.count(shown.length), total: ctx.count(lines.length) }), note: true },
    table: { kind: 'table', header: [w('report.profession'), w('report.decision.fte-needed'), w('report.decision.fte-extra'), w('report.workforce'), ''], rows },
  };
}

/** `Strata (yearly cost)` and the payer of a line key `states/assurance-maladie`; `Total cost` for `totalCost`. */
function lineLabel(ctx: ReportContext, key: string): [string, string] {
  if (key === 'totalCost') return [ctx.w('report.total-cost'), ''];
  const [category, payer] = key.split('/') as [string, string];
  const words: Record<string, string> = {
    acts: ctx.w('report.decision.category.acts'),
    states: ctx.w('report.decision.category.states'),
    events: ctx.w('report.decision.category.events'),
    program: ctx.w('report.decision.category.program'),
  };
  return [ownValue(words, category) ?? category, payer];
}

/** Each cost line (category and payer, then the total): usual care, program, and their difference with its interval, discounted then undiscounted. */
export function costsByPayerTable(ctx: ReportContext): Block {
  const { w, euros, results } = ctx;
  const [base, prog, diff] = (['baseline', 'program', 'difference'] as const).map((arm) => ctx.summaries.get(ENSEMBLE, arm));
  const keys = (results.economics?.lines ?? []).filter((key) => key !== 'lifeYears' && key !== 'qalys');
  const rows: Cell[][] = keys.map((key) => {
    const [label, payer] = lineLabel(ctx, key);
    const values = [true, false].flatMap((discounted) => {
      const [b, p, d] = [base, prog, diff].map((summary) => economicsOf(summary!, key, discounted));
      if (!b || !p || !d) return [cell('—'), cell('—'), cell('—')];
      return [cell(euros(b.mean), { numeric: true }), cell(euros(p.mean), { numeric: true }), ctx.withInterval({ mean: d.mean, ...band(d) }, formatEuros)];
    });
    return [cell(label), cell(payer, { code: payer !== '' }), ...values];
  });
  const [discounted, undiscounted] = [w('report.decision.discounted'), w('report.decision.undiscounted')];
  const columns = (valued: string) => [`${w('report.baseline')} (${valued})`, `${w('report.program')} (${valued})`, `${w('report.decision.difference-interval')} (${valued})`];
  return { kind: 'table', header: [w('report.item'), w('report.payer'), ...columns(discounted), ...columns(undiscounted)], rows };
}

/** The decision of each territory, then of all of them: net cost and health gained with their intervals, ICER, probability of being cost-effective. */
export function territoriesTable(ctx: ReportContext, outcome: DecisionFigures['outcome']): Block {
  const { w, results } = ctx;
  const effectKey = outcome === 'qalys' ? 'qalys' : 'lifeYears';
  const rows: Cell[][] = results.decision!.summaries.map((summary) => {
    const diff = ctx.summaries.get(summary.territory, 'difference');
    const estimate = (mean: number, key: string, format: (n: number, lang: ReportContext['lang']) => string) => {
      const line = economicsOf(diff, key, true);
      return line ? ctx.withInterval({ mean, ...band(line) }, format) : cell(format(mean, ctx.lang), { numeric: true });
    };
    return [
      cell(summary.territory === ENSEMBLE ? w('report.all-territories') : ctx.shortTerritory(summary.territory)),
      estimate(summary.incrementalCost, 'totalCost', formatEuros),
      estimate(summary.incrementalEffect, effectKey, formatNumber),
      cell(summary.icer === null ? w(`report.decision.verdict-short.${summary.verdict}`) : icerText(ctx, summary, outcome)),
      cell(formatPercent(summary.probabilityCostEffective, ctx.lang), { numeric: true }),
    ];
  });
  const gained = w(outcome === 'qalys' ? 'report.decision.qalys-gained' : 'report.decision.life-years-gained');
  return { kind: 'table', header: [w('report.decision.territory'), w('report.decision.net-cost'), gained, w('report.decision.icer'), w('report.decision.probability-short')], rows };
}

/** The territory an analysis is of, in words. */
function territoryWords(ctx: ReportContext, key: string): string {
  return key === ENSEMBLE ? ctx.w('report.all-territories') : ctx.territoryTitle(key);
}

/** Widest first; the bars without a width (an end without outcome) last, by name. */
function byWidth(a: Sensitivity['oneWay'][number], b: Sensitivity['oneWay'][number]): number {
  if (a.width === null || b.width === null) return a.width === b.width ? (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0) : a.width === null ? 1 : -1;
  return b.width - a.width;
}

/**
 * The tornado's bars: from the base case to the outcome at each end; without a base case (an ICER
 * in a dominance case there), one bar from one end's outcome to the other's.
 */
function tornadoRows(ctx: ReportContext, sensitivity: Sensitivity, bars: Sensitivity['oneWay'], labels: string[]): { rows: TornadoRow[]; ends: string[] } {
  const { w } = ctx;
  const base = sensitivity.base;
  if (base === null) {
    const range = w('report.decision.tornado-range');
    return { rows: bars.map((p, i) => ({ parameter: labels[i]!, end: range, from: p.low.outcome!, to: p.high.outcome! })), ends: [range] };
  }
  const ends = [w('report.decision.tornado-low'), w('report.decision.tornado-high')];
  const rows = bars.flatMap((p, i) => [
    { parameter: labels[i]!, end: ends[0]!, from: base, to: p.low.outcome! },
    { parameter: labels[i]!, end: ends[1]!, from: base, to: p.high.outcome! },
  ]);
  return { rows, ends };
}

/** One end of a bar in the table: `value → outcome`, or `value → —` with the reason when the model gave none. */
function endText(ctx: ReportContext, end: Sensitivity['oneWay'][number]['low']): string {
  return `${ctx.num(end.value)} → ${end.outcome === null ? `— ${end.note ? `(${end.note})` : ''}`.trim() : ctx.num(end.outcome)}`;
}

/** The tornado of a one-way sensitivity analysis, its table, and the regression metamodel's fit when there is one. */
export function sensitivitySection(ctx: ReportContext, sensitivity: Sensitivity): Section {
  const { w, num } = ctx;
  const oneWay = [...sensitivity.oneWay].sort(byWidth);
  const shown = oneWay.filter((p) => p.width !== null).slice(0, TORNADO_BARS);
  const parameters = shown.map((p) => shorten(p.parameter, 60));
  const { rows, ends } = tornadoRows(ctx, sensitivity, shown, parameters);
  const outcome = `${sensitivity.outcome.title} (${sensitivity.outcome.unit})`;
  const base = sensitivity.base === null ? '—' : num(sensitivity.base);
  const note = ctx.t('report.decision.tornado-note', { outcome, territory: territoryWords(ctx, sensitivity.territory), base, shown: ctx.count(shown.length), total: ctx.count(oneWay.length) });
  const blocks: Block[] = [
    { kind: 'paragraph', text: note, note: true },
    ctx.figure('decision-tornade', `${w('report.decision.tornado')} — ${outcome}`, tornadoChart(rows, sensitivity.base, { xTitle: outcome, ends, parameters, euros: sensitivity.outcome.unit === '€' })),
    {
      kind: 'table',
      header: [w('report.decision.parameter'), w('report.decision.place'), w('report.decision.tornado-low'), w('report.decision.tornado-high'), w('report.decision.width')],
      rows: oneWay.map((p) => [cell(p.parameter, { code: true }), cell(p.place, { code: true }), cell(endText(ctx, p.low), { numeric: true }), cell(endText(ctx, p.high), { numeric: true }), cell(p.width === null ? '—' : num(p.width), { numeric: true })]),
      collapsed: `${w('report.decision.one-way-table')} (${oneWay.length})`,
    },
  ];
  const regression = sensitivity.regression;
  if (regression) {
    const magnitude = (term: { coefficient: number }) => Math.abs(term.coefficient);
    const terms = [...regression.terms].sort((a, b) => magnitude(b) - magnitude(a));
    blocks.push(
      { kind: 'paragraph', text: ctx.t('report.decision.regression-note', { r2: regression.rSquared === null ? '—' : num(regression.rSquared), iterations: ctx.count(regression.iterations) }), note: true },
      { kind: 'table', header: [w('report.decision.parameter'), w('report.decision.coefficient')], rows: terms.map((term) => [cell(term.parameter, { code: true }), cell(num(term.coefficient), { numeric: true })]), collapsed: `${w('report.decision.regression')} (${terms.length})` },
    );
  }
  return sub('decision-tornade', w('report.decision.tornado'), blocks);
}

/** The outcomes of a sweep against the varied value, one panel each, and their table. */
export function sweepSection(ctx: ReportContext, sweep: Sweep): Section {
  const { w, num } = ctx;
  const panels = sweep.outcomes.map((o) => shorten(`${o.title} (${o.unit})`, 60));
  const rows: SweepRow[] = [];
  const table: Cell[][] = sweep.points.map((point) => [
    cell(num(point.value), { numeric: true }),
    ...sweep.outcomes.map((o, i) => {
      const value = ownValue(point.outcomes, o.id);
      // An ICER in a dominance case has no mean: its case in words.
      if (!value || value.mean === null) return cell(value?.verdict ? w(`report.decision.verdict-short.${value.verdict}`) : '—', { numeric: true });
      if (value.p025 === null || value.p975 === null) return cell(num(value.mean), { numeric: true });
      rows.push({ value: point.value, panel: panels[i]!, mean: value.mean, low: value.p025, high: value.p975 });
      return ctx.withInterval({ mean: value.mean, low: value.p025, high: value.p975 });
    }),
  ]);
  const varied = `${sweep.vary.title} (${sweep.vary.path})`;
  return sub('decision-balayage', w('report.decision.sweep'), [
    { kind: 'paragraph', text: ctx.t('report.decision.sweep-note', { varied, territory: territoryWords(ctx, sweep.territory), points: ctx.count(sweep.points.length) }), note: true },
    ctx.figure('decision-balayage', `${w('report.decision.sweep')} — ${sweep.vary.title}`, sweepChart(rows, { xTitle: varied, panels })),
    { kind: 'table', header: [sweep.vary.title, ...panels], rows: table, collapsed: `${w('report.decision.sweep-table')} (${sweep.points.length})` },
  ]);
}
