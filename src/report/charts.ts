/**
 * The report's charts: vega-lite specifications compiled and drawn to SVG in Node by vega's
 * headless view (`renderer: 'none'`, then `toSVG()`), so a report needs no browser and makes no
 * request. Vega escapes every text it writes; the SVG is inlined in the HTML page as is.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { NUMBER_LOCALES } from '../i18n/numbers.js';

export const CHART_FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';

export const ARM_COLOURS = { baseline: '#64748b', program: '#0f766e', start: '#cbd5e1', difference: '#b45309' } as const;

const CONFIG = {
  font: CHART_FONT,
  background: '#ffffff',
  view: { stroke: '#e2e8f0' },
  axis: { labelFontSize: 11, titleFontSize: 11, gridColor: '#eef2f7' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', direction: 'horizontal', labelLimit: 360, columns: 3 },
  header: { labelFontSize: 11, titleFontSize: 11, labelLimit: 520 },
  title: { fontSize: 13, anchor: 'start' },
};

/** U+2060 WORD JOINER: invisible, no width, no line break; see `shieldPrototypeNames`. */
const WORD_JOINER = '\u2060';

/**
 * vega fails ("Operator not defined: undefined") when a category it is given as an explicit list —
 * a sort order, a scale domain — is the name of an Object.prototype member: an actor or a territory
 * titled `constructor` stopped the whole report (issue 12, found by the fuzz suite). Every string of
 * the specification equal to such a name gets an invisible word joiner in front, in the data and in
 * the lists alike, so they still match each other and read the same.
 */
export function shieldPrototypeNames<T>(value: T): T {
  if (typeof value === 'string') return (value in Object.prototype ? WORD_JOINER + value : value) as T;
  if (Array.isArray(value)) return value.map((v) => shieldPrototypeNames(v)) as T;
  // fromEntries defines every key as an own property, `__proto__` included.
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, shieldPrototypeNames(v)])) as T;
  return value;
}

/** Draws a vega-lite specification as a standalone SVG string, its axes' numbers in `lang`'s format (src/i18n/numbers.ts). */
export async function chartSvg(spec: TopLevelSpec, lang: Lang = currentLanguage()): Promise<string> {
  const config = { ...CONFIG, locale: { number: NUMBER_LOCALES[lang] }, ...(spec as { config?: object }).config };
  const { spec: vegaSpec } = compile(shieldPrototypeNames({ ...spec, config }) as TopLevelSpec);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // `role` and a visible title for screen readers; vega writes neither on the root.
    return svg.replace(/^<svg /, '<svg role="img" ');
  } finally {
    view.finalize();
  }
}

export interface BandRow {
  /** x: a year. */
  year: number;
  /** Colour / series name. */
  series: string;
  /** Facet panel, when the chart has several. */
  panel?: string;
  mean: number;
  low: number;
  high: number;
}

/** Lines with their 95 % band, one colour per series, one panel per `panel` (independent y scales). */
export function bandChart(rows: BandRow[], options: { yTitle: string; xTitle: string; seriesTitle: string; colours?: Record<string, string>; columns?: number; dashed?: string[]; zeroRule?: boolean; width?: number; height?: number }): TopLevelSpec {
  const series = [...new Set(rows.map((r) => r.series))];
  // The same legend on both layers (vega-lite merges them; `legend: null` on one would drop both).
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    title: options.seriesTitle,
    sort: series,
    legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
    ...(options.colours ? { scale: { domain: series, range: series.map((s) => options.colours![s] ?? '#334155') } } : {}),
  };
  const layers: object[] = [
    { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'low', type: 'quantitative', title: options.yTitle }, y2: { field: 'high' }, color: colour } },
    {
      mark: { type: 'line', strokeWidth: 2, point: { size: 18 } },
      encoding: {
        y: { field: 'mean', type: 'quantitative', title: options.yTitle },
        color: colour,
        ...(options.dashed?.length ? { strokeDash: { condition: { test: `indexof(${JSON.stringify(options.dashed)}, datum.series) >= 0`, value: [5, 3] }, value: [1, 0] } } : {}),
      },
    },
  ];
  if (options.zeroRule) layers.push({ mark: { type: 'rule', color: '#94a3b8' }, encoding: { y: { datum: 0 } } });
  const inner = {
    width: options.width ?? 250,
    height: options.height ?? 150,
    encoding: { x: { field: 'year', type: 'quantitative' as const, title: options.xTitle, axis: { tickMinStep: 1, format: 'd' } } },
    layer: layers,
  };
  if (rows.some((r) => r.panel !== undefined)) {
    const panels = [...new Set(rows.map((r) => r.panel))];
    return {
      data: { values: rows },
      facet: { field: 'panel', type: 'nominal', title: null, sort: panels },
      columns: options.columns ?? 3,
      spec: inner,
      resolve: { scale: { y: 'independent' } },
    } as TopLevelSpec;
  }
  return { data: { values: rows }, ...inner, width: options.width ?? 560, height: options.height ?? 220 } as TopLevelSpec;
}

export interface BarRow {
  category: string;
  group: string;
  mean: number;
  low?: number;
  high?: number;
  label: string;
}

/** Horizontal grouped bars with optional 95 % whiskers and a value label past the end of each bar and of its whisker. */
export function groupedBarChart(rows: BarRow[], options: { xTitle: string; groupTitle: string; categories: string[]; groups: string[]; colours: string[]; width?: number }): TopLevelSpec {
  const colour = { field: 'group', type: 'nominal', title: options.groupTitle, sort: options.groups, scale: { domain: options.groups, range: options.colours } };
  const y = { field: 'category', type: 'nominal', title: null, sort: options.categories, axis: { labelLimit: 260 } };
  const yOffset = { field: 'group', type: 'nominal', sort: options.groups };
  return {
    data: { values: rows },
    width: options.width ?? 460,
    height: { step: 14 },
    encoding: { y, yOffset },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { field: 'mean', type: 'quantitative', title: options.xTitle }, color: colour } },
      { transform: [{ filter: 'isValid(datum.low)' }], mark: { type: 'rule', color: '#0f172a' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      // The label sits past the whisker's end, never on it: at the larger of the mean and the interval's top.
      {
        transform: [{ calculate: 'isValid(datum.high) ? max(datum.mean, datum.high) : datum.mean', as: 'labelAt' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#0f172a' },
        encoding: { x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

export interface DotRow {
  panel: string;
  category: string;
  mean: number;
  low: number;
  high: number;
}

/** One row of panels per value of `panel`, in the given order, each titled at its top left in bold. */
export function panelRows(panels: string[]) {
  return { row: { field: 'panel', type: 'nominal' as const, title: null, sort: panels, header: { labelAngle: 0, labelAlign: 'left' as const, labelAnchor: 'start' as const, labelOrient: 'top' as const, labelFontWeight: 'bold' as const } } };
}

/** Points with 95 % intervals, one row per category, one panel per indicator (independent x scales): the territory comparison. */
export function dotIntervalChart(rows: DotRow[], options: { categories: string[]; panels: string[]; xTitle: string }): TopLevelSpec {
  return {
    data: { values: rows },
    facet: panelRows(options.panels),
    spec: {
      width: 460,
      height: { step: 16 },
      encoding: { y: { field: 'category', type: 'nominal', title: null, sort: options.categories, axis: { labelLimit: 220 } } },
      layer: [
        { mark: { type: 'rule', color: '#94a3b8' }, encoding: { x: { datum: 0 } } },
        { mark: { type: 'rule', color: ARM_COLOURS.program, strokeWidth: 2 }, encoding: { x: { field: 'low', type: 'quantitative', title: options.xTitle }, x2: { field: 'high' } } },
        { mark: { type: 'point', filled: true, color: ARM_COLOURS.program, size: 50 }, encoding: { x: { field: 'mean', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}

export interface DemandRow {
  category: string;
  mean: number;
  low: number;
  high: number;
  /** Available FTE, when known. */
  workforce?: number;
  status: string;
}

/** FTE demand (bar and whisker) against the workforce (a black tick), coloured by status. */
export function demandChart(rows: DemandRow[], options: { xTitle: string; statusTitle: string; statuses: string[]; statusColours: string[] }): TopLevelSpec {
  return {
    data: { values: rows },
    width: 460,
    height: { step: 18 },
    encoding: { y: { field: 'category', type: 'nominal', title: null, sort: rows.map((r) => r.category), axis: { labelLimit: 260 } } },
    layer: [
      {
        mark: { type: 'bar', height: 10 },
        encoding: {
          x: { field: 'mean', type: 'quantitative', title: options.xTitle },
          color: { field: 'status', type: 'nominal', title: options.statusTitle, sort: options.statuses, scale: { domain: options.statuses, range: options.statusColours } },
        },
      },
      { mark: { type: 'rule', color: '#0f172a' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      { transform: [{ filter: 'isValid(datum.workforce)' }], mark: { type: 'tick', color: '#0f172a', thickness: 3, size: 16 }, encoding: { x: { field: 'workforce', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

/** The comparison's charts: no ARIA label per mark (the figure has its own; 131 of them would outweigh the drawing), a legend on the right, one entry per line. */
const COMPARISON_CONFIG = { aria: false, legend: { ...CONFIG.legend, labelFontSize: 10, labelLimit: 400, orient: 'right', direction: 'vertical', columns: 1 } };

export interface FunnelPoint {
  category: string;
  population: number;
  mean: number;
  /** The territory's position against the limits, in the report's words: the colour's legend. */
  position: string;
  /** Its name written beside it (the territories outside the 99.8 % limits), or empty. */
  label: string;
}

export interface FunnelCurve {
  population: number;
  value: number;
  /** `95 %` or `99.8 %`, in the report's words: the line's legend. */
  limit: string;
  /** `low` or `high`: two lines per limit. */
  side: 'low' | 'high';
}

/**
 * A funnel plot (Spiegelhalter 2005): one point per territory, its figure against its population,
 * the target as a horizontal line, and the 95 % (dashed) and 99.8 % (solid) limits as curves.
 */
export function funnelChart(points: FunnelPoint[], curves: FunnelCurve[], options: { target: number; xTitle: string; yTitle: string; positions: string[]; positionColours: string[]; limits: string[] }): TopLevelSpec {
  const x = { field: 'population', type: 'quantitative', title: options.xTitle, scale: { zero: false, nice: false }, axis: { format: '~s' } };
  const y = { field: 'mean', type: 'quantitative', title: options.yTitle, scale: { zero: false } };
  return {
    width: 420,
    height: 260,
    config: COMPARISON_CONFIG,
    layer: [
      { mark: { type: 'rule', color: '#0f172a', strokeWidth: 1 }, encoding: { y: { datum: options.target, type: 'quantitative' } } },
      {
        data: { values: curves },
        mark: { type: 'line', color: '#64748b', strokeWidth: 1.2 },
        encoding: {
          x,
          y: { ...y, field: 'value' },
          detail: [{ field: 'limit' }, { field: 'side' }],
          strokeDash: { field: 'limit', type: 'nominal', title: null, sort: options.limits, scale: { domain: options.limits, range: [[5, 3], [1, 0]] } },
        },
      },
      {
        data: { values: points },
        mark: { type: 'square', size: 30, opacity: 0.9 },
        encoding: { x, y, color: { field: 'position', type: 'nominal', title: null, sort: options.positions, scale: { domain: options.positions, range: options.positionColours } } },
      },
      { data: { values: points }, transform: [{ filter: 'datum.label !== ""' }], mark: { type: 'text', align: 'left', dx: 5, fontSize: 9, color: '#0f172a' }, encoding: { x, y, text: { field: 'label' } } },
    ],
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
  } as TopLevelSpec;
}

export interface RankedRow {
  category: string;
  mean: number;
  low: number;
  high: number;
  position: string;
}

/**
 * A ranked dot plot: one row per territory in the given order, its mean as a dot coloured by
 * position, its 95 % interval as a line, the target as a vertical rule.
 */
export function rankedDotChart(rows: RankedRow[], options: { target: number; xTitle: string; positions: string[]; positionColours: string[] }): TopLevelSpec {
  // Many territories: thinner rows, so that 131 of them stay within a screen or two.
  const many = rows.length > 30;
  const y = { field: 'category', type: 'nominal', title: null, sort: rows.map((r) => r.category), axis: { labelLimit: 200, labelFontSize: many ? 8 : 11, ticks: !many } };
  return {
    width: 360,
    height: { step: many ? 10 : 16 },
    config: COMPARISON_CONFIG,
    layer: [
      { data: { values: [{ target: options.target }] }, mark: { type: 'rule', color: '#0f172a' }, encoding: { x: { field: 'target', type: 'quantitative' } } },
      { data: { values: rows }, mark: { type: 'rule', color: '#94a3b8', strokeWidth: 1.5 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: options.xTitle, scale: { zero: false } }, x2: { field: 'high' } } },
      {
        data: { values: rows },
        mark: { type: 'square', size: many ? 16 : 36, opacity: 1 },
        encoding: { y, x: { field: 'mean', type: 'quantitative' }, color: { field: 'position', type: 'nominal', title: null, sort: options.positions, scale: { domain: options.positions, range: options.positionColours } } },
      },
    ],
  } as TopLevelSpec;
}
