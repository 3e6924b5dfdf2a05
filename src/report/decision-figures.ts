/**
 * The numbers of the decision section (src/report/decision.ts), read from results.json before any
 * layout: `decision` (src/econ/decision-results.ts) and the economic totals of
 * `summaries[].economics` (src/econ/valuation.ts), and the ICER in words.
 */
import { formatEuros } from '../i18n/numbers.js';
import { ownValue } from '../language/records.js';
import type { Results } from '../sim/results.js';
import { ENSEMBLE, type Interval, type ReportContext, type Summary } from './context.js';

export type DecisionSummary = NonNullable<Results['decision']>['summaries'][number];

/** A figure with its 95 % interval when the results hold one for it. */
export interface Estimate {
  mean: number;
  interval?: Interval;
}

/** The headline numbers of the decision, for all territories, before any formatting. */
export interface DecisionFigures {
  outcome: 'qalys' | 'life-years';
  threshold: number;
  summary: DecisionSummary;
  /** ΔC, discounted: the `totalCost` line's difference. */
  netCost: Estimate;
  /** ΔE, discounted: the `qalys` or `lifeYears` line's difference. */
  effect: Estimate;
  /** −(Σ differences of the `states/…` and `events/…` lines), discounted; an interval only when there is one such line. */
  costsAverted: Estimate & { lines: string[] };
}

/** The line `key` of a summary's economics, discounted or not; undefined when absent. */
export function economicsOf(summary: Summary, key: string, discounted: boolean): Summary['totalCost'][number] | undefined {
  const line = ownValue(summary.economics ?? {}, key);
  return line === undefined ? undefined : discounted ? line.discounted : line.undiscounted;
}

/** Whether the results hold a decision to show: `decision` with its `ensemble` summary, and the economic totals. */
export function hasDecision(results: Results): boolean {
  const diff = results.summaries.find((s) => s.territory === ENSEMBLE && s.arm === 'difference' && s.scale === 'count');
  return results.decision !== undefined && results.economics !== undefined && results.decision.summaries.some((s) => s.territory === ENSEMBLE) && diff?.economics !== undefined;
}

/** The lines whose decrease the program's averted costs are: the strata's and the events' costs, every payer. */
export function avertedLines(results: Results): string[] {
  return (results.economics?.lines ?? []).filter((key) => key.startsWith('states/') || key.startsWith('events/'));
}

export function decisionFigures(results: Results, diff: Summary): DecisionFigures {
  const decision = results.decision!;
  const summary = decision.summaries.find((s) => s.territory === ENSEMBLE)!;
  const withBand = (mean: number, key: string): Estimate => {
    const line = economicsOf(diff, key, true);
    return { mean, ...(line ? { interval: { low: line.p025, high: line.p975 } } : {}) };
  };
  const lines = avertedLines(results);
  const averted = lines.map((key) => economicsOf(diff, key, true)!);
  const only = averted.length === 1 ? averted[0]! : undefined;
  return {
    outcome: decision.outcome,
    threshold: decision.threshold,
    summary,
    netCost: withBand(summary.incrementalCost, 'totalCost'),
    effect: withBand(summary.incrementalEffect, decision.outcome === 'qalys' ? 'qalys' : 'lifeYears'),
    costsAverted: { mean: -averted.reduce((sum, s) => sum + s.mean, 0), lines, ...(only ? { interval: { low: -only.p975, high: -only.p025 } } : {}) },
  };
}

/** `50 000 € par QALY`, `€50,000 per life-year`: a threshold with its unit. */
export function perOutcome(ctx: ReportContext, euros: number, outcome: DecisionFigures['outcome']): string {
  const value = formatEuros(euros, ctx.lang);
  return outcome === 'qalys' ? ctx.t('report.decision.per-qaly', { value }) : ctx.t('report.decision.per-life-year', { value });
}

/** The ICER in words: the ratio and what it buys, or the dominance case; never a negative ratio. */
export function icerText(ctx: ReportContext, summary: DecisionSummary, outcome: DecisionFigures['outcome']): string {
  if (summary.icer === null) return ctx.w(`report.decision.verdict.${summary.verdict}`);
  const value = formatEuros(summary.icer, ctx.lang);
  const qalys = outcome === 'qalys';
  if (summary.verdict === 'less-costly-less-effective') return qalys ? ctx.t('report.decision.icer-saving-qaly', { value }) : ctx.t('report.decision.icer-saving-life-year', { value });
  return qalys ? ctx.t('report.decision.icer-cost-qaly', { value }) : ctx.t('report.decision.icer-cost-life-year', { value });
}
