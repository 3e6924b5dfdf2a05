/**
 * The decision section at the top of the report (issue 16; docs/report.md, "Decision"): the
 * figures a director reads first — the program's net cost, the costs and events it averts, the
 * health it buys, the FTE it needs against the workforce, its ICER with the verdict in words and
 * the probability that it is cost-effective at the chosen threshold — then the uncertainty (the
 * cost-effectiveness plane and the acceptability curve), the tornado and the sweep when their
 * files are given, the costs by payer and category, and the decision per territory.
 *
 * Every figure is read from results.json: `decision` (src/econ/decision-results.ts) and
 * `summaries[].economics` (src/econ/valuation.ts), both absent from results written before issue
 * 16 — then there is no decision section.
 */
import { formatPercent } from '../i18n/numbers.js';
import { ownValue } from '../language/records.js';
import { acceptabilityChart, planeChart } from './decision-charts.js';
import { type DecisionFigures, decisionFigures, type Estimate, icerText, perOutcome } from './decision-figures.js';
import { costsByPayerTable, fteTable, sensitivitySection, sweepSection, territoriesTable } from './decision-parts.js';
import type { Sensitivity, Sweep } from './decision-inputs.js';
import { effectWord, ENSEMBLE, eventEffect, eventTitle, last, type ReportContext, sub, type Summary } from './context.js';
import { type Block, cell, type KeyFigure, type Section } from './document.js';
import { withOverlapFteWarning } from './overlap.js';

export { hasDecision } from './decision-figures.js';

function estimateFigure(ctx: ReportContext, id: string, term: string, estimate: Estimate, format: (n: number) => string, note: string): KeyFigure {
  return { id, term, value: format(estimate.mean), ...(estimate.interval ? { interval: ctx.interval(estimate.interval, (n) => format(n)) } : {}), note };
}

/** The headline figures, in the order a director reads them. */
export function keyFigures(ctx: ReportContext, figures: DecisionFigures): KeyFigure[] {
  const { w, euros, num } = ctx;
  const { summary, outcome, threshold } = figures;
  const at = perOutcome(ctx, threshold, outcome);
  const averted = figures.costsAverted;
  const avertedNote =
    averted.lines.length === 0
      ? w('report.decision.no-averted-lines')
      : ctx.t('report.decision.costs-averted-note', { lines: averted.lines.join(' + ') }) + (averted.lines.length > 1 ? ` ${w('report.decision.sum-no-interval')}` : '');
  const verdict = summary.netMonetaryBenefit > 0 ? ctx.t('report.decision.cost-effective', { threshold: at }) : ctx.t('report.decision.not-cost-effective', { threshold: at });
  return [
    estimateFigure(ctx, 'net-cost', w('report.decision.net-cost'), figures.netCost, euros, w('report.decision.net-cost-note')),
    averted.lines.length === 0 ? { id: 'costs-averted', term: w('report.decision.costs-averted'), value: '—', note: avertedNote } : estimateFigure(ctx, 'costs-averted', w('report.decision.costs-averted'), averted, euros, avertedNote),
    estimateFigure(ctx, 'effect', w(outcome === 'qalys' ? 'report.decision.qalys-gained' : 'report.decision.life-years-gained'), figures.effect, num, w('report.decision.effect-note')),
    {
      id: 'icer',
      term: w('report.decision.icer'),
      value: summary.icer === null ? w(`report.decision.verdict-short.${summary.verdict}`) : icerText(ctx, summary, outcome),
      note: ctx.t('report.decision.icer-note', { verdict: w(`report.decision.verdict.${summary.verdict}`), decision: verdict }),
    },
    { id: 'probability', term: ctx.t('report.decision.probability', { threshold: at }), value: formatPercent(summary.probabilityCostEffective, ctx.lang), note: w('report.decision.probability-note') },
    { id: 'nmb', term: ctx.t('report.decision.nmb', { threshold: at }), value: euros(summary.netMonetaryBenefit), note: w('report.decision.nmb-note') },
    { id: 'evpi', term: w('report.decision.evpi'), value: euros(summary.evpi.population), note: ctx.t('report.decision.evpi-note', { perPerson: euros(summary.evpi.perPerson) }) },
  ];
}

/**
 * Per event, the program's effect over the horizon (the sum of the yearly means: the results
 * summarise each year alone, so this sum has no interval) and in the last year with its interval:
 * each interval beside its own figure.
 */
export function eventsEffectTable(ctx: ReportContext, diff: Summary): Block {
  const { w, num, results } = ctx;
  return {
    kind: 'table',
    header: [w('report.event'), w('report.decision.effect'), w('report.cumulative'), w('report.decision.last-year-interval')],
    rows: results.events.map((event) => {
      const effects = (ownValue(diff.measures.events, event.name) ?? []).map((s) => eventEffect(event, s));
      const overHorizon = effects.reduce((sum, e) => sum + e.mean, 0);
      return [cell(eventTitle(event)), cell(effectWord(ctx, event)), cell(num(overHorizon), { numeric: true }), effects.length > 0 ? ctx.withInterval(last(effects)) : cell('—')];
    }),
  };
}

/** The plane and the acceptability curve, side by side. */
function uncertaintySection(ctx: ReportContext, figures: DecisionFigures): Section {
  const { w } = ctx;
  const { summary, outcome, threshold } = figures;
  const unit = w(outcome === 'qalys' ? 'report.decision.qalys' : 'report.decision.life-years');
  const at = perOutcome(ctx, threshold, outcome);
  const plane = summary.plane ?? { cost: [], effect: [] };
  const points = plane.cost.map((cost, i) => ({ cost, effect: plane.effect[i]! }));
  const planeSpec = planeChart(points, { cost: summary.incrementalCost, effect: summary.incrementalEffect }, threshold, {
    xTitle: ctx.t('report.decision.plane-x', { unit }),
    yTitle: w('report.decision.plane-y'),
    iterations: w('report.decision.iterations'),
    mean: w('report.decision.mean'),
    threshold: ctx.t('report.decision.threshold-line', { threshold: at }),
  });
  const curve = summary.acceptability.map((p) => ({ wtp: p.wtp, probability: p.probabilityCostEffective }));
  const ceacSpec = acceptabilityChart(curve, threshold, { xTitle: ctx.t('report.decision.wtp', { unit }), yTitle: w('report.decision.probability-axis'), threshold: at });
  return sub('decision-incertitude', w('report.decision.uncertainty'), [
    { kind: 'paragraph', text: ctx.t('report.decision.uncertainty-note', { shown: ctx.count(points.length), iterations: ctx.count(ctx.results.manifest.iterations) }), note: true },
    { kind: 'group', blocks: [ctx.figure('decision-plan', w('report.decision.plane'), planeSpec), ctx.figure('decision-acceptabilite', w('report.decision.ceac'), ceacSpec)] },
  ]);
}

/** The decision: its heading with the headline figures, then its parts. */
export function decisionSections(ctx: ReportContext, extras: { sensitivity?: Sensitivity; sweep?: Sweep }): Section[] {
  const { w, results } = ctx;
  const diff = ctx.summaries.get(ENSEMBLE, 'difference');
  const figures = decisionFigures(results, diff);
  const economics = results.economics!;
  const percent = (rate: number) => formatPercent(rate, ctx.lang);
  const fte = fteTable(ctx, ctx.summaries.get(ENSEMBLE, 'baseline'), ctx.summaries.get(ENSEMBLE, 'program'), diff);
  const reading = ctx.t('report.decision.note', { horizon: ctx.count(results.manifest.horizon), costs: percent(economics.discount.costs), outcomes: percent(economics.discount.outcomes) });
  return [
    {
      id: 'decision',
      title: w('report.decision'),
      level: 2,
      blocks: [
        { kind: 'paragraph', text: reading, note: true },
        { kind: 'figures', items: keyFigures(ctx, figures) },
        eventsEffectTable(ctx, diff),
        withOverlapFteWarning(ctx, fte.note),
        fte.table,
      ],
    },
    uncertaintySection(ctx, figures),
    ...(extras.sensitivity ? [sensitivitySection(ctx, extras.sensitivity)] : []),
    ...(extras.sweep ? [sweepSection(ctx, extras.sweep)] : []),
    sub('decision-couts', w('report.decision.costs-by-payer'), [{ kind: 'paragraph', text: w('report.decision.costs-by-payer-note'), note: true }, costsByPayerTable(ctx)]),
    sub('decision-territoires', w('report.decision.by-territory'), [{ kind: 'paragraph', text: w('report.decision.by-territory-note'), note: true }, territoriesTable(ctx, figures.outcome)]),
  ];
}
