/**
 * The charts of the calibration fit report, in the style of the simulation report's (charts.ts:
 * same font, colours, sizes and number locale, drawn by `chartSvg`): the observed values against
 * the model, one panel per target, and each parameter's prior against its posterior.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ARM_COLOURS, panelRows } from './charts.js';

/** The colours of the report: what was observed (near black), the model before (grey), at the point estimate (green), its posterior (light green), the prior (light grey). */
export const CALIBRATION_COLOURS = { observed: '#0f172a', before: ARM_COLOURS.baseline, point: ARM_COLOURS.program, posterior: '#14b8a6', prior: '#94a3b8' } as const;

export interface TargetRow {
  /** The panel: one target. */
  panel: string;
  /** Observed, before calibration, point estimate, posterior. */
  series: string;
  value: number;
  low: number;
  high: number;
  /** The observed 95 % interval, shaded across the panel. */
  observedLow: number;
  observedHigh: number;
}

/**
 * One panel per target (independent x scales: targets have their own units), one row per series:
 * its value as a dot and its 95 % interval as a line, the observed interval shaded behind. A model
 * value whose dot lies in the shade is within the observed uncertainty.
 */
export function targetChart(rows: TargetRow[], options: { panels: string[]; series: string[]; colours: string[]; xTitle: string }): TopLevelSpec {
  const colour = { field: 'series', type: 'nominal', title: null, sort: options.series, scale: { domain: options.series, range: options.colours } };
  const shape = { field: 'series', type: 'nominal', title: null, sort: options.series, scale: { domain: options.series, range: ['circle', 'square', 'diamond', 'circle'] } };
  return {
    data: { values: rows },
    facet: panelRows(options.panels),
    spec: {
      width: 460,
      height: { step: 16 },
      encoding: { y: { field: 'series', type: 'nominal', title: null, sort: options.series, axis: { labelLimit: 220 } } },
      layer: [
        // One shade per panel: the observed row's interval, over the panel's whole height.
        { transform: [{ filter: `datum.series === ${JSON.stringify(options.series[0])}` }], mark: { type: 'rect', color: CALIBRATION_COLOURS.observed, opacity: 0.07 }, encoding: { y: null, x: { field: 'observedLow', type: 'quantitative' }, x2: { field: 'observedHigh' } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'low', type: 'quantitative', title: options.xTitle, scale: { zero: false } }, x2: { field: 'high' }, color: colour } },
        { mark: { type: 'point', filled: true, opacity: 1, size: 55 }, encoding: { x: { field: 'value', type: 'quantitative' }, color: colour, shape } },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}

export interface HistogramBar {
  series: string;
  start: number;
  end: number;
  /** Share of the sample in the bin divided by the bin's width: the bars' area is 1. */
  density: number;
}

/** The range the histograms of several samples share: their smallest and largest values, widened around a single value. */
export function sharedRange(samples: readonly (readonly number[])[]): [number, number] | undefined {
  const values = samples.flat().filter(Number.isFinite);
  if (values.length === 0) return undefined;
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (high > low) return [low, high];
  const half = low === 0 ? 0.5 : Math.abs(low) * 0.05;
  return [low - half, high + half];
}

/**
 * A histogram scaled as a density (bin count ÷ (sample size × bin width)), so that a prior of
 * 10,000 draws and a posterior of 1,000 compare on one axis. `bins` equal bins over `range`; the
 * top edge belongs to the last bin. Values that are not finite are left out.
 */
export function densityHistogram(series: string, sample: readonly number[], range: [number, number], bins: number): HistogramBar[] {
  const [low, high] = range;
  const width = (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  const finite = sample.filter(Number.isFinite);
  for (const x of finite) {
    if (x < low || x > high) continue;
    counts[Math.min(bins - 1, Math.floor((x - low) / width))]! += 1;
  }
  return counts.map((count, i) => ({ series, start: low + i * width, end: i === bins - 1 ? high : low + (i + 1) * width, density: finite.length === 0 ? 0 : count / (finite.length * width) }));
}

export interface ValueMark {
  series: string;
  value: number;
}

/** Prior and posterior histograms overlaid, with vertical lines at given values (before calibration, the point estimate). */
export function priorPosteriorChart(bars: HistogramBar[], marks: ValueMark[], options: { series: string[]; colours: string[]; dashed: string[]; xTitle: string; yTitle: string }): TopLevelSpec {
  const colour = { field: 'series', type: 'nominal', title: null, sort: options.series, scale: { domain: options.series, range: options.colours } };
  return {
    width: 460,
    height: 160,
    layer: [
      { data: { values: bars }, mark: { type: 'rect', opacity: 0.55 }, encoding: { x: { field: 'start', type: 'quantitative', title: options.xTitle, scale: { zero: false } }, x2: { field: 'end' }, y: { field: 'density', type: 'quantitative', title: options.yTitle }, y2: { datum: 0 }, color: colour } },
      { data: { values: marks }, mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'value', type: 'quantitative' }, color: colour, strokeDash: { condition: { test: `indexof(${JSON.stringify(options.dashed)}, datum.series) >= 0`, value: [5, 3] }, value: [1, 0] } } },
    ],
  } as TopLevelSpec;
}
