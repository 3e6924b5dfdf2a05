/**
 * The targets of the calibration fit report: the fitting targets, then the validation targets in a
 * section of their own (held out of the likelihood, shown fitted or not). Each: a sentence that
 * counts the targets within their observed uncertainty, a chart of the observed value against the
 * model, and a table.
 */
import type { CalibrationTarget } from '../analysis/result.js';
import type { CalibrationContext } from './calibration-context.js';
import { CALIBRATION_COLOURS, targetChart, type TargetRow } from './calibration-charts.js';
import { shorten } from './context.js';
import { type Block, cell, type Cell, type Section } from './document.js';

export type TargetUse = CalibrationTarget['use'];

/** The section's id and words, by use. */
const SECTIONS = {
  fit: { id: 'cibles-ajustement', title: 'report.calibration.fit-targets', note: 'report.calibration.fit-targets-note', none: 'report.calibration.no-fit-targets' },
  validation: { id: 'cibles-validation', title: 'report.calibration.validation-targets', note: 'report.calibration.validation-targets-note', none: 'report.calibration.no-validation-targets' },
} as const;

export function targetsOf(ctx: CalibrationContext, use: TargetUse): CalibrationTarget[] {
  return ctx.result.targets.filter((target) => target.use === use);
}

export function targetsSection(ctx: CalibrationContext, use: TargetUse): Section {
  const { w, say, count } = ctx;
  const words = SECTIONS[use];
  const targets = targetsOf(ctx, use);
  const blocks: Block[] = [{ kind: 'paragraph', text: w(words.note), note: true }];
  if (targets.length === 0) {
    blocks.push({ kind: 'paragraph', text: w(words.none) });
  } else {
    const within = targets.filter((target) => target.withinUncertainty).length;
    blocks.push(
      { kind: 'paragraph', text: say('report.calibration.within-sentence', { within: count(within), total: count(targets.length) }) },
      ctx.figure(words.id, `${w(words.title)} — ${w('report.calibration.observed-vs-model')}`, targetsChart(ctx, targets)),
      targetsTable(ctx, targets, use),
    );
  }
  return { id: words.id, title: w(words.title), level: 2, blocks };
}

function targetsTable(ctx: CalibrationContext, targets: CalibrationTarget[], use: TargetUse): Block {
  const { w, num, interval, meanInterval, shown } = ctx;
  // A validation target outside its interval is information about the model, not a failed fit.
  const outside = use === 'fit' ? 'bad' : 'warn';
  const rows: Cell[][] = targets.map((target) => [
    cell(shown(target.title)),
    cell(target.territory === null ? w('report.all-territories') : shown(target.territory)),
    cell(shown(target.description)),
    cell(w(`report.calibration.likelihood.${target.likelihood}`)),
    cell(`${num(target.observed.value)} ${interval(target.observed.low, target.observed.high)}`, { numeric: true }),
    cell(num(target.model.before), { numeric: true }),
    cell(num(target.model.point), { numeric: true }),
    cell(meanInterval(target.model.posterior), { numeric: true }),
    cell(w(target.withinUncertainty ? 'report.calibration.yes' : 'report.calibration.no'), { flag: target.withinUncertainty ? 'ok' : outside }),
    cell(target.source.map(shown).join(', ')),
  ]);
  return {
    kind: 'table',
    header: [
      w('report.calibration.target'),
      w('report.calibration.territory'),
      w('report.calibration.measure'),
      w('report.calibration.likelihood'),
      w('report.calibration.observed-interval'),
      w('report.calibration.before'),
      w('report.calibration.point'),
      w('report.calibration.posterior-interval'),
      w('report.calibration.within'),
      w('report.calibration.source'),
    ],
    rows,
  };
}

/** A panel label per target: its title (and territory), with its id when two would read the same. */
function panelLabels(ctx: CalibrationContext, targets: CalibrationTarget[]): string[] {
  const labels = targets.map((target) => `${shorten(ctx.shown(target.title), 60)}${target.territory === null ? '' : ` · ${ctx.shown(target.territory)}`}`);
  return labels.map((label, i) => (labels.indexOf(label) === labels.lastIndexOf(label) ? label : `${label} (${ctx.shown(targets[i]!.id)})`));
}

function targetsChart(ctx: CalibrationContext, targets: CalibrationTarget[]): ReturnType<typeof targetChart> {
  const { w } = ctx;
  const series = [w('report.calibration.observed'), w('report.calibration.before'), w('report.calibration.point'), w('report.calibration.posterior')];
  const panels = panelLabels(ctx, targets);
  const rows: TargetRow[] = targets.flatMap((target, i) => {
    const { observed, model } = target;
    const shade = { panel: panels[i]!, observedLow: observed.low, observedHigh: observed.high };
    return [
      { ...shade, series: series[0]!, value: observed.value, low: observed.low, high: observed.high },
      { ...shade, series: series[1]!, value: model.before, low: model.before, high: model.before },
      { ...shade, series: series[2]!, value: model.point, low: model.point, high: model.point },
      { ...shade, series: series[3]!, value: model.posterior.mean, low: model.posterior.p2_5, high: model.posterior.p97_5 },
    ];
  });
  const { observed, before, point, posterior } = CALIBRATION_COLOURS;
  return targetChart(rows, { panels, series, colours: [observed, before, point, posterior], xTitle: w('report.calibration.target-value') });
}
