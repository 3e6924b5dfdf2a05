/**
 * The charts of the decision section (src/report/decision.ts), as vega-lite specifications drawn by
 * `chartSvg` (src/report/charts.ts): the cost-effectiveness plane, the acceptability curve, the
 * tornado of a one-way sensitivity analysis and the outcome curves of a sweep.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ARM_COLOURS } from './charts.js';

const THRESHOLD_COLOUR = '#b91c1c';
const POINT_COLOUR = '#0f766e';
const MEAN_COLOUR = '#0f172a';

/** [min, max] of values and 0, widened by 5 % on each side so that no point sits on the frame. */
export function paddedDomain(values: readonly number[]): [number, number] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const pad = (high - low) * 0.05 || Math.max(Math.abs(high), 1) * 0.05;
  return [low - pad, high + pad];
}

/**
 * A d3 format for an axis of euros, whose title says "€": SI prefixes for large amounts (`250M`,
 * `50k`), whole euros below, cents under 10 €. (With the currency, d3 would write `50 €k` in French.)
 */
export function euroFormat(domain: readonly number[]): string {
  const largest = Math.max(...domain.map(Math.abs));
  return largest >= 100_000 ? '~s' : largest >= 10 ? ',.0f' : ',.2~f';
}

export interface PlaneOptions {
  xTitle: string;
  yTitle: string;
  /** The legend's words: the iterations, their mean, the threshold line. */
  iterations: string;
  mean: string;
  threshold: string;
}

/**
 * The cost-effectiveness plane: one point per iteration at (ΔE, ΔC), their mean, the axes through
 * 0 and the threshold line ΔC = λΔE. Below the line the program is cost-effective at λ (NMB > 0).
 * The scales are the cloud's (with 0): the line is clipped to them rather than stretching them.
 */
export function planeChart(points: { effect: number; cost: number }[], mean: { effect: number; cost: number }, threshold: number, options: PlaneOptions): TopLevelSpec {
  const x = paddedDomain([...points.map((p) => p.effect), mean.effect]);
  const y = paddedDomain([...points.map((p) => p.cost), mean.cost]);
  const kinds = [options.iterations, options.mean, options.threshold];
  const colour = { field: 'kind', type: 'nominal', title: null, sort: kinds, scale: { domain: kinds, range: [POINT_COLOUR, MEAN_COLOUR, THRESHOLD_COLOUR] } };
  const xEnc = { field: 'effect', type: 'quantitative', title: options.xTitle, scale: { domain: x, nice: false } };
  const yEnc = { field: 'cost', type: 'quantitative', title: options.yTitle, scale: { domain: y, nice: false }, axis: { format: euroFormat(y) } };
  return {
    width: 330,
    height: 200,
    layer: [
      { mark: { type: 'rule', color: '#94a3b8' }, encoding: { x: { datum: 0, type: 'quantitative', scale: { domain: x } } } },
      { mark: { type: 'rule', color: '#94a3b8' }, encoding: { y: { datum: 0, type: 'quantitative', scale: { domain: y } } } },
      {
        data: { values: x.map((effect) => ({ effect, cost: threshold * effect, kind: options.threshold })) },
        mark: { type: 'line', clip: true, strokeDash: [6, 3], strokeWidth: 1.5 },
        encoding: { x: xEnc, y: yEnc, color: colour },
      },
      { data: { values: points.map((p) => ({ ...p, kind: options.iterations })) }, mark: { type: 'point', filled: true, size: 14, opacity: 0.45 }, encoding: { x: xEnc, y: yEnc, color: colour } },
      { data: { values: [{ ...mean, kind: options.mean }] }, mark: { type: 'point', shape: 'diamond', filled: true, size: 110 }, encoding: { x: xEnc, y: yEnc, color: colour } },
    ],
  } as TopLevelSpec;
}

/**
 * The cost-effectiveness acceptability curve: at each willingness to pay, the share of iterations
 * in which the program is cost-effective; the chosen threshold marked by a vertical line.
 */
export function acceptabilityChart(points: { wtp: number; probability: number }[], threshold: number, options: { xTitle: string; yTitle: string; threshold: string }): TopLevelSpec {
  return {
    width: 330,
    height: 200,
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', color: POINT_COLOUR, strokeWidth: 2, point: { size: 16, filled: true, color: POINT_COLOUR } },
        encoding: {
          x: { field: 'wtp', type: 'quantitative', title: options.xTitle, axis: { format: euroFormat(points.map((p) => p.wtp)) } },
          y: { field: 'probability', type: 'quantitative', title: options.yTitle, scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        },
      },
      { data: { values: [{ wtp: threshold, label: options.threshold }] }, mark: { type: 'rule', color: THRESHOLD_COLOUR, strokeDash: [6, 3] }, encoding: { x: { field: 'wtp', type: 'quantitative' } } },
      {
        data: { values: [{ wtp: threshold, label: options.threshold }] },
        mark: { type: 'text', color: THRESHOLD_COLOUR, align: 'left', dx: 4, dy: 8, fontSize: 10, baseline: 'top' },
        encoding: { x: { field: 'wtp', type: 'quantitative' }, y: { datum: 1, type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

export interface TornadoRow {
  /** The bar's label: the parameter. */
  parameter: string;
  /** Which end of the parameter's interval: the legend's word. */
  end: string;
  /** The outcome at the base case and at this end. */
  from: number;
  to: number;
}

/**
 * The tornado: per parameter, from the base case to the outcome at the parameter's 2.5 % quantile
 * and to the outcome at its 97.5 % quantile, the widest at the top (the order given), the base case
 * as a vertical line; without a base case (`null`), one bar per parameter between its two outcomes.
 */
export function tornadoChart(rows: TornadoRow[], base: number | null, options: { xTitle: string; ends: string[]; parameters: string[]; euros?: boolean }): TopLevelSpec {
  const values = [...rows.flatMap((r) => [r.from, r.to]), ...(base === null ? [] : [base])];
  const layers: object[] = [
    {
      data: { values: rows },
      mark: { type: 'bar', height: 11 },
      encoding: {
        // On the bars' layer only: the base line has no parameter, and spans the whole height. vega
        // measures text in Node by an estimate wider than the drawn text: 480 lets ~55 characters through.
        y: { field: 'parameter', type: 'nominal', title: null, sort: options.parameters, axis: { labelLimit: 480 } },
        x: { field: 'from', type: 'quantitative', title: options.xTitle, scale: { zero: false }, ...(options.euros ? { axis: { format: euroFormat(values) } } : {}) },
        x2: { field: 'to' },
        color: { field: 'end', type: 'nominal', title: null, sort: options.ends, scale: { domain: options.ends, range: [ARM_COLOURS.baseline, ARM_COLOURS.program].slice(0, options.ends.length) } },
      },
    },
  ];
  if (base !== null) layers.push({ data: { values: [{ base }] }, mark: { type: 'rule', color: MEAN_COLOUR, strokeWidth: 1.5 }, encoding: { x: { field: 'base', type: 'quantitative' } } });
  return {
    width: 420,
    height: { step: 16 },
    layer: layers,
  } as TopLevelSpec;
}

export interface SweepRow {
  value: number;
  panel: string;
  mean: number;
  low: number;
  high: number;
}

/** Each outcome against the varied value, its mean as a line with points and its 95 % band, one panel per outcome (independent y scales). */
export function sweepChart(rows: SweepRow[], options: { xTitle: string; panels: string[] }): TopLevelSpec {
  return {
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', title: null, sort: options.panels, header: { labelFontWeight: 'bold' } },
    columns: 3,
    spec: {
      width: 230,
      height: 140,
      encoding: { x: { field: 'value', type: 'quantitative', title: options.xTitle } },
      layer: [
        { mark: { type: 'area', opacity: 0.18, color: POINT_COLOUR }, encoding: { y: { field: 'low', type: 'quantitative', title: null }, y2: { field: 'high' } } },
        { mark: { type: 'line', color: POINT_COLOUR, strokeWidth: 2, point: { size: 18, filled: true, color: POINT_COLOUR } }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
