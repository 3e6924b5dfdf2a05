/**
 * The charts of `logi sensitivity` and `logi sweep` (docs/sensitivity.md, "Charts"), in the style
 * of the simulation report's (src/report/charts.ts: same font, colours and number locale, drawn to
 * SVG by `chartSvg` without a browser): the tornado of the one-way analysis, the standardised
 * coefficients of the regression metamodel, and each swept outcome with its 95 % interval against
 * the varied value. The specifications are exported so that the report can draw them too.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translate } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { fitFileName, shortHash } from '../io/file-names.js';
import { ARM_COLOURS, chartSvg } from '../report/charts.js';
import type { SensitivityResult } from './sensitivity.js';
import type { SweepResult } from './sweep.js';

/** Bars a chart draws at most (the JSON has them all): beyond, a tornado is too long to read. */
export const CHART_BARS = 20;

/** Parameter at its low end (light), at its high end (dark); a negative coefficient (orange), a positive one (teal). */
const LOW_COLOUR = '#93c5fd';
const HIGH_COLOUR = '#1d4ed8';
const SIGN_COLOURS = { negative: '#c2410c', positive: ARM_COLOURS.program } as const;

const withUnit = (title: string, unit: string): string => `${title} (${unit})`;

/** Parameter names are long ("share of branch … of dt2-s1-risque/resultat"): room for most of them (vega, without a canvas, estimates a text's width above its drawn width), the rest cut with an ellipsis. */
const LABELS = { axisY: { labelLimit: 600 } };

/**
 * The tornado: for each of the widest bars, a bar from the base outcome (every parameter central)
 * to the outcome with the parameter at its 2.5 % quantile, and one to the outcome at its 97.5 %
 * quantile; a rule at the base. Without a base (an ICER in a dominance case), one bar from end to end.
 */
export function tornadoSpec(result: SensitivityResult, lang: Lang = currentLanguage()): TopLevelSpec {
  const bars = result.oneWay.filter((bar) => bar.width !== null).slice(0, CHART_BARS);
  const order = bars.map((bar) => bar.parameter);
  const low = translate(lang, 'sensitivity.chart.at-low');
  const high = translate(lang, 'sensitivity.chart.at-high');
  const base = result.base;
  const rows = bars.flatMap((bar) =>
    base === null
      ? [{ parameter: bar.parameter, end: low, from: bar.low.outcome!, to: bar.high.outcome! }]
      : [
          { parameter: bar.parameter, end: low, from: base, to: bar.low.outcome! },
          { parameter: bar.parameter, end: high, from: base, to: bar.high.outcome! },
        ],
  );
  const layers: object[] = [
    {
      mark: { type: 'bar', height: 12 },
      encoding: {
        x: { field: 'from', type: 'quantitative', title: withUnit(result.outcome.title, result.outcome.unit), scale: { zero: false } },
        x2: { field: 'to' },
        color: { field: 'end', type: 'nominal', title: null, sort: [low, high], scale: { domain: [low, high], range: [LOW_COLOUR, HIGH_COLOUR] } },
      },
    },
  ];
  // `y: null`: one vertical rule across the chart, not one per row.
  if (base !== null) layers.push({ mark: { type: 'rule', color: '#0f172a', strokeWidth: 1.5 }, encoding: { x: { datum: base }, y: null } });
  return {
    title: translate(lang, 'sensitivity.chart.tornado-title', { shown: bars.length, count: result.oneWay.length }),
    data: { values: rows },
    width: 480,
    height: { step: 18 },
    encoding: { y: { field: 'parameter', type: 'nominal', title: null, sort: order } },
    layer: layers,
    config: LABELS,
  } as TopLevelSpec;
}

/** The regression's standardised coefficients, largest |β| on top, coloured by sign; R² in the title. */
export function importanceSpec(result: SensitivityResult, lang: Lang = currentLanguage()): TopLevelSpec | null {
  const fit = result.regression;
  if (!fit) return null;
  const terms = fit.terms.slice(0, CHART_BARS);
  const negative = translate(lang, 'sensitivity.chart.negative');
  const positive = translate(lang, 'sensitivity.chart.positive');
  const rows = terms.map((term) => ({ parameter: term.parameter, coefficient: term.coefficient, sign: term.coefficient < 0 ? negative : positive }));
  const rSquared = fit.rSquared === null ? '—' : fit.rSquared.toFixed(3);
  return {
    title: translate(lang, 'sensitivity.chart.importance-title', { rSquared, iterations: fit.iterations, shown: terms.length, count: fit.terms.length }),
    data: { values: rows },
    width: 480,
    height: { step: 18 },
    encoding: { y: { field: 'parameter', type: 'nominal', title: null, sort: terms.map((term) => term.parameter) } },
    layer: [
      {
        mark: { type: 'bar', height: 12 },
        encoding: {
          x: { field: 'coefficient', type: 'quantitative', title: translate(lang, 'sensitivity.chart.coefficient', { unit: result.outcome.unit }) },
          color: { field: 'sign', type: 'nominal', title: null, sort: [negative, positive], scale: { domain: [negative, positive], range: [SIGN_COLOURS.negative, SIGN_COLOURS.positive] } },
        },
      },
      { mark: { type: 'rule', color: '#94a3b8' }, encoding: { x: { datum: 0 }, y: null } },
    ],
    config: LABELS,
  } as TopLevelSpec;
}

/**
 * One swept outcome: its mean (line and points) and 95 % interval (band) against the varied value,
 * a rule at 0 when the values reach it (the sign of a difference matters), a dashed rule at each target.
 */
export function sweepSpec(result: SweepResult, outcomeId: string, lang: Lang = currentLanguage()): TopLevelSpec {
  const outcome = result.outcomes.find((o) => o.id === outcomeId)!;
  const rows = result.points.flatMap((point) => {
    const s = point.outcomes[outcomeId]!;
    return s.mean === null ? [] : [{ value: point.value, mean: s.mean, low: s.p025 ?? s.mean, high: s.p975 ?? s.mean }];
  });
  const x = { field: 'value', type: 'quantitative', title: result.vary.path, scale: { zero: false } };
  const y = { type: 'quantitative', title: outcome.unit, scale: { zero: false } };
  const layers: object[] = [
    { mark: { type: 'area', opacity: 0.18, color: ARM_COLOURS.program }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } } },
    { mark: { type: 'line', strokeWidth: 2, color: ARM_COLOURS.program, point: { size: 24, filled: true, color: ARM_COLOURS.program } }, encoding: { x, y: { ...y, field: 'mean' } } },
  ];
  // Only where 0 is among the values: elsewhere it would flatten the curve far from it.
  if (rows.some((r) => r.low <= 0) && rows.some((r) => r.high >= 0)) layers.push({ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#94a3b8' }, encoding: { y: { field: 'zero', type: 'quantitative' } } });
  for (const target of result.targets.filter((tg) => tg.outcome === outcomeId)) {
    layers.push({ data: { values: [{ target: target.value }] }, mark: { type: 'rule', color: '#0f172a', strokeDash: [5, 3] }, encoding: { y: { field: 'target', type: 'quantitative' } } });
  }
  return {
    title: {
      text: withUnit(outcome.title, outcome.unit),
      subtitle: [result.vary.title, translate(lang, 'sensitivity.chart.sweep-title', { territory: result.territory, iterations: result.manifest.iterations, mode: result.manifest.mode })],
    },
    data: { values: rows },
    width: 520,
    height: 260,
    layer: layers,
  } as TopLevelSpec;
}

/** `sweep-<outcome>.svg`: the id with every character but letters, digits, `.`, `_` and `-` made `-`; a short hash when that makes two names alike or changes an id. */
export function sweepChartName(outcomeId: string): string {
  const slug = outcomeId.replace(/[^A-Za-z0-9._-]+/g, '-');
  const changed = slug !== outcomeId.replace(':', '-');
  return `${fitFileName(`sweep-${slug}${changed ? `-${shortHash(outcomeId)}` : ''}`, '.svg')}`;
}

export interface ChartFile {
  path: string;
  content: string;
}

/** tornado.svg and, when there is a regression, importance.svg. */
export async function sensitivityChartFiles(result: SensitivityResult, lang: Lang = currentLanguage()): Promise<ChartFile[]> {
  const files = [{ path: 'tornado.svg', content: await chartSvg(tornadoSpec(result, lang), lang) }];
  const importance = importanceSpec(result, lang);
  if (importance) files.push({ path: 'importance.svg', content: await chartSvg(importance, lang) });
  return files;
}

/** One chart per outcome of the sweep. */
export async function sweepChartFiles(result: SweepResult, lang: Lang = currentLanguage()): Promise<ChartFile[]> {
  const files: ChartFile[] = [];
  for (const outcome of result.outcomes) files.push({ path: sweepChartName(outcome.id), content: await chartSvg(sweepSpec(result, outcome.id, lang), lang) });
  return files;
}
