/**
 * The calibrated parameters in the fit report: a table of all of them, then one part each with
 * where it is written, its prior, bounds, value before calibration, point estimate and posterior,
 * and a chart of its prior draws against its posterior sample.
 */
import type { CalibratedParameter } from '../analysis/result.js';
import type { CalibrationContext } from './calibration-context.js';
import { CALIBRATION_COLOURS, densityHistogram, priorPosteriorChart, sharedRange } from './calibration-charts.js';
import { sub } from './context.js';
import { type Block, cell, type Section } from './document.js';

/** Square-root rule (one bin per √n values of the larger sample), kept between 5 and 40 bins: enough shape for 1,000 values, no comb for 20. */
export function binCount(sizes: readonly number[]): number {
  return Math.max(5, Math.min(40, Math.ceil(Math.sqrt(Math.max(0, ...sizes)))));
}

const location = (p: CalibratedParameter) => `${p.file}:${p.line}:${p.column}`;

export function parametersSections(ctx: CalibrationContext): Section[] {
  const { w, num, interval, meanInterval, shown, result } = ctx;
  const table: Block = {
    kind: 'table',
    header: [w('report.calibration.parameter'), w('report.calibration.path'), w('report.calibration.prior'), w('report.calibration.bounds'), w('report.calibration.before'), w('report.calibration.point'), w('report.calibration.posterior-interval')],
    rows: result.parameters.map((p) => [
      cell(shown(p.name)),
      cell(shown(p.path), { code: true }),
      cell(shown(p.prior.form), { code: true }),
      cell(interval(p.bounds[0], p.bounds[1]), { numeric: true }),
      cell(num(p.before), { numeric: true }),
      cell(num(p.point), { numeric: true }),
      cell(meanInterval(p.posterior), { numeric: true }),
    ]),
  };
  return [
    { id: 'parametres', title: w('report.calibration.parameters'), level: 2, blocks: [{ kind: 'paragraph', text: w('report.calibration.parameters-note'), note: true }, table] },
    ...result.parameters.map((p, i) => parameterPart(ctx, p, i)),
  ];
}

/** One parameter: its facts and its prior-versus-posterior chart. */
function parameterPart(ctx: CalibrationContext, p: CalibratedParameter, index: number): Section {
  const { w, num, interval, meanInterval, shown } = ctx;
  // Paths and names are not unique once made into ids: the position keeps them apart.
  const id = `parametre-${index + 1}`;
  const facts: Block = {
    kind: 'facts',
    items: [
      { term: w('report.calibration.path'), value: shown(p.path) },
      { term: w('report.calibration.written-at'), value: shown(location(p)) },
      { term: w('report.calibration.prior'), value: shown(p.prior.form) },
      { term: w('report.calibration.prior-summary'), value: meanInterval(p.prior.summary) },
      { term: w('report.calibration.bounds'), value: interval(p.bounds[0], p.bounds[1]) },
      { term: w('report.calibration.before'), value: num(p.before) },
      { term: w('report.calibration.point'), value: num(p.point) },
      { term: w('report.calibration.posterior-interval'), value: meanInterval(p.posterior) },
    ],
  };
  return sub(id, shown(p.name), [facts, ctx.figure(id, `${shown(p.name)} — ${w('report.calibration.prior-vs-posterior')}`, parameterChart(ctx, p))]);
}

function parameterChart(ctx: CalibrationContext, p: CalibratedParameter): ReturnType<typeof priorPosteriorChart> {
  const { w } = ctx;
  const [prior, posterior, before, point] = [w('report.calibration.prior-draws'), w('report.calibration.posterior-sample'), w('report.calibration.before'), w('report.calibration.point')];
  const range = sharedRange([p.priorSample, p.posteriorSample]);
  const bins = binCount([p.priorSample.length, p.posteriorSample.length]);
  const bars = range ? [...densityHistogram(prior, p.priorSample, range, bins), ...densityHistogram(posterior, p.posteriorSample, range, bins)] : [];
  const marks = [
    { series: before, value: p.before },
    { series: point, value: p.point },
  ].filter((mark) => Number.isFinite(mark.value));
  const colours = CALIBRATION_COLOURS;
  return priorPosteriorChart(bars, marks, {
    series: [prior, posterior, before, point],
    colours: [colours.prior, colours.posterior, colours.before, colours.point],
    dashed: [before],
    xTitle: w('report.calibration.parameter-value'),
    yTitle: w('report.calibration.density'),
  });
}
