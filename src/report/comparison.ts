/**
 * The territories compared (docs/report.md, "Territories compared"): for each key measure, the
 * program's effect per 100,000 inhabitants in each territory as a funnel plot against population
 * with 95 % and 99.8 % limits (src/report/comparison-funnel.ts), a ranked dot plot with 95 %
 * intervals, and a static sorted table. With few territories (src/report/territory.ts,
 * `FOLD_ABOVE`), every indicator at a glance comes first, one panel per indicator.
 */
import { formatCount, formatEuros, formatNumber } from '../i18n/numbers.js';
import { dotIntervalChart, type DotRow, funnelChart, type FunnelCurve, rankedDotChart } from './charts.js';
import { type Funnel, funnelOf, hasLimits, limitCurves, type Position, positionOf, ranked, type TerritoryFigure } from './comparison-funnel.js';
import { band, effectWord, eventEffect, eventTitle, type Format, last, type ReportContext, seriesOf, type Series, type Summary } from './context.js';
import { icerText } from './decision-figures.js';
import { type Block, cell, type Cell, type Section, slug } from './document.js';
import { foldsTerritories } from './territory.js';

/** A key measure: the program's effect per 100,000 inhabitants, read from a territory's `difference` summary on the per-100,000 scale. */
export interface ComparisonMeasure {
  id: string;
  title: string;
  format: Format;
  /** Mean, sd and 95 % interval per 100,000; undefined when the results do not hold it. */
  figure: (perHundredThousand: Summary) => Omit<TerritoryFigure, 'id' | 'population'> | undefined;
  /** One more column of the table (the ICER beside the health gained). */
  extra?: { header: string; cell: (territory: string) => Cell };
}

const POSITIONS: readonly Position[] = ['above-998', 'above-95', 'within', 'below-95', 'below-998'];
const POSITION_COLOURS = ['#b91c1c', '#d97706', '#0f766e', '#d97706', '#b91c1c'];
const POSITION_FLAGS: Record<Position, Cell['flag']> = {
  'above-998': 'bad',
  'above-95': 'warn',
  within: undefined,
  'below-95': 'warn',
  'below-998': 'bad',
};

/** A yearly series' last year, as it is. */
const lastYear = (series: Series | undefined) => {
  const s = series && series.length > 0 ? last(series) : undefined;
  return s && { mean: s.mean, sd: s.sd, ...band(s) };
};

/**
 * The key measures, in order: each event to avoid, averted in the last year; the extra enrolled
 * person-years of each stratum where someone is enrolled, in the last year; the program's extra
 * cost in the last year; and, when the results hold the economics (issue 16), the net cost and the
 * health gained over the horizon, discounted, the ICER beside the latter.
 */
export function comparisonMeasures(ctx: ReportContext): ComparisonMeasure[] {
  const { w, results } = ctx;
  const year = w('report.last-year').toLowerCase();
  const measures: ComparisonMeasure[] = results.events
    .filter((event) => event.desirable !== true)
    .map((event) => ({
      id: `evenement-${event.name}`,
      title: `${effectWord(ctx, event)}${w('report.colon')}${eventTitle(event)} (${year})`,
      format: formatNumber,
      figure: (s) => {
        const series = s.measures.events[event.name];
        if (!series || series.length === 0) return undefined;
        return { ...eventEffect(event, last(series)), sd: last(series).sd };
      },
    }));
  for (const stratum of ctx.enrolledStrata) {
    measures.push({
      id: `inscrits-${stratum.id}`,
      title: `${w('report.comparison.enrolled')}${w('report.colon')}${ctx.stateLabel(stratum.id)} (${year})`,
      format: formatNumber,
      figure: (s) => lastYear(seriesOf(s, 'enrolled', stratum.id)),
    });
  }
  measures.push({
    id: 'surcout',
    title: `${w('report.cost-difference')} (€, ${year})`,
    format: formatEuros,
    figure: (s) => lastYear(s.totalCost),
  });
  const horizonLine = (line: string) => (s: Summary) => {
    const value = s.economics?.[line]?.discounted;
    return value && { mean: value.mean, sd: value.sd, ...band(value) };
  };
  if (results.economics) {
    measures.push({
      id: 'cout-net',
      title: w('report.comparison.net-cost'),
      format: formatEuros,
      figure: horizonLine('totalCost'),
    });
    const outcome = results.decision?.outcome ?? results.economics.outcome;
    const decisionOf = (territory: string) => results.decision?.summaries.find((d) => d.territory === territory);
    measures.push({
      id: outcome,
      title: w(outcome === 'qalys' ? 'report.comparison.qalys' : 'report.comparison.life-years'),
      format: formatNumber,
      figure: horizonLine(outcome === 'qalys' ? 'qalys' : 'lifeYears'),
      ...(results.decision
        ? {
            extra: {
              header: w('report.decision.icer'),
              cell: (territory: string) => {
                const decision = decisionOf(territory);
                if (!decision) return cell('—');
                return cell(decision.icer === null ? w(`report.decision.verdict-short.${decision.verdict}`) : icerText(ctx, decision, outcome));
              },
            },
          }
        : {}),
    });
  }
  return measures;
}

/** Each territory's figure for a measure, or undefined when some territory lacks it. */
function figuresOf(ctx: ReportContext, measure: ComparisonMeasure): TerritoryFigure[] | undefined {
  const figures: TerritoryFigure[] = [];
  for (const territory of ctx.results.territories) {
    const figure = measure.figure(ctx.summaries.get(territory.id, 'difference', 'per100k'));
    if (!figure) return undefined;
    figures.push({
      id: territory.id,
      population: territory.population,
      ...figure,
    });
  }
  return figures;
}

/** The section: the overview with few territories, then one part per key measure when there are two territories or more. */
export function comparisonSections(ctx: ReportContext): Section[] {
  const { w, results } = ctx;
  const head: Section = {
    id: 'comparaison',
    title: `${w('report.across-territories')} (${w('report.per-100k')})`,
    level: 2,
    blocks: results.territories.length > 1 ? [{ kind: 'paragraph', text: w('report.comparison.note'), note: true }] : [],
  };
  if (!foldsTerritories(ctx)) head.blocks.push(...overviewBlocks(ctx));
  if (results.territories.length < 2) return [head];
  const parts: Section[] = [];
  for (const measure of comparisonMeasures(ctx)) {
    const figures = figuresOf(ctx, measure);
    if (figures) parts.push(measurePart(ctx, measure, figures));
  }
  return [head, ...parts];
}

/** One measure: what the funnel says in a sentence, the funnel and the ranked dots side by side, and the ranked table. */
function measurePart(ctx: ReportContext, measure: ComparisonMeasure, figures: TerritoryFigure[]): Section {
  const { w, t, lang, shortTerritory } = ctx;
  const funnel = funnelOf(figures);
  const order = ranked(figures).map((figure) => ({
    figure,
    position: positionOf(funnel, figure),
  }));
  const positionWord = (position: Position) => w(`report.comparison.position.${position}`);
  const outside = (level: '95' | '998') => order.filter(({ position }) => position === `above-${level}` || position === `below-${level}` || (level === '95' && position.endsWith('998'))).length;
  const id = `comparaison-${slug(measure.id)}`;
  const summary = hasLimits(funnel)
    ? t('report.comparison.target', {
        target: measure.format(funnel.target, lang),
        outside998: formatCount(outside('998'), lang),
        outside95: formatCount(outside('95'), lang),
        total: formatCount(figures.length, lang),
      })
    : w('report.comparison.no-limits');
  const colours = {
    positions: POSITIONS.map(positionWord),
    positionColours: POSITION_COLOURS,
  };
  const table: Block = {
    kind: 'table',
    header: [w('report.comparison.rank'), w('report.comparison.territory'), w('report.population'), w('report.comparison.mean-per-100k'), w('report.comparison.position'), ...(measure.extra ? [measure.extra.header] : [])],
    rows: order.map(({ figure, position }, i) => [
      cell(formatCount(i + 1, lang), { numeric: true }),
      cell(ctx.territoryTitle(figure.id)),
      cell(formatCount(figure.population, lang), { numeric: true }),
      ctx.withInterval(figure, measure.format),
      cell(positionWord(position), POSITION_FLAGS[position] ? { flag: POSITION_FLAGS[position] } : {}),
      ...(measure.extra ? [measure.extra.cell(figure.id)] : []),
    ]),
    ...(foldsTerritories(ctx)
      ? {
          collapsed: `${w('report.comparison.table')} (${formatCount(figures.length, lang)})`,
        }
      : {}),
  };
  return {
    id,
    title: measure.title,
    level: 3,
    blocks: [
      { kind: 'paragraph', text: summary, note: true },
      {
        kind: 'group',
        blocks: [
          ctx.figure(`${id}-entonnoir`, `${w('report.comparison.funnel')} — ${measure.title}`, funnelSpec(ctx, funnel, order, colours)),
          ctx.figure(
            `${id}-rang`,
            `${w('report.comparison.ranked')} — ${measure.title}`,
            rankedDotChart(
              order.map(({ figure, position }) => ({
                category: shortTerritory(figure.id),
                mean: figure.mean,
                low: figure.low,
                high: figure.high,
                position: positionWord(position),
              })),
              {
                target: funnel.target,
                xTitle: w('report.per-100k'),
                ...colours,
              },
            ),
          ),
        ],
      },
      table,
    ],
  };
}

function funnelSpec(ctx: ReportContext, funnel: Funnel, order: { figure: TerritoryFigure; position: Position }[], colours: { positions: string[]; positionColours: string[] }) {
  const { w, shortTerritory } = ctx;
  const [limit95, limit998] = [w('report.comparison.limit-95'), w('report.comparison.limit-998')];
  const curves: FunnelCurve[] = limitCurves(
    funnel,
    order.map(({ figure }) => figure.population),
  ).flatMap((c) => [
    {
      population: c.population,
      value: c.low95,
      limit: limit95,
      side: 'low' as const,
    },
    {
      population: c.population,
      value: c.high95,
      limit: limit95,
      side: 'high' as const,
    },
    {
      population: c.population,
      value: c.low998,
      limit: limit998,
      side: 'low' as const,
    },
    {
      population: c.population,
      value: c.high998,
      limit: limit998,
      side: 'high' as const,
    },
  ]);
  const points = order.map(({ figure, position }) => ({
    category: shortTerritory(figure.id),
    population: figure.population,
    mean: figure.mean,
    position: w(`report.comparison.position.${position}`),
    label: position.endsWith('998') ? shortTerritory(figure.id) : '',
  }));
  return funnelChart(points, curves, {
    target: funnel.target,
    xTitle: w('report.population'),
    yTitle: w('report.per-100k'),
    limits: [limit95, limit998],
    ...colours,
  });
}

/** Every indicator at a glance, in the last year, one panel each (the report before issue 17): for a few territories only. */
function overviewBlocks(ctx: ReportContext): Block[] {
  const { w, results, summaries, shortTerritory } = ctx;
  const lastPer100k = (t: string) => summaries.get(t, 'difference', 'per100k');
  const spread = (s: Series[number]) => ({ mean: s.mean, ...band(s) });
  const indicators: {
    title: string;
    value: (territory: string) => { mean: number; low: number; high: number };
  }[] = [
    ...results.events.map((event) => ({
      title: `${effectWord(ctx, event)}${w('report.colon')}${eventTitle(event)}`,
      value: (t: string) => eventEffect(event, last(lastPer100k(t).measures.events[event.name]!)),
    })),
    ...ctx.strata.map((stratum) => ({
      title: `${w('report.difference')}${w('report.colon')}${ctx.stateLabel(stratum.id)}`,
      value: (t: string) => spread(last(lastPer100k(t).measures.counts[stratum.id]!)),
    })),
    {
      title: `${w('report.cost-difference')} (€)`,
      value: (t: string) => spread(last(lastPer100k(t).totalCost)),
    },
  ];
  const territoryIds = results.territories.map((t) => t.id);
  const dotRows: DotRow[] = [];
  for (const indicator of indicators)
    for (const t of territoryIds)
      dotRows.push({
        panel: indicator.title,
        category: shortTerritory(t),
        ...indicator.value(t),
      });
  return [
    {
      kind: 'paragraph',
      text: w('report.across-territories-note'),
      note: true,
    },
    ctx.figure(
      'comparaison',
      `${w('report.across-territories')} — ${w('report.per-100k')}, ${w('report.last-year').toLowerCase()}`,
      dotIntervalChart(dotRows, {
        categories: territoryIds.map(shortTerritory),
        panels: indicators.map((i) => i.title),
        xTitle: w('report.per-100k'),
      }),
    ),
    {
      kind: 'table',
      header: [w('report.indicator'), ...territoryIds.map(shortTerritory)],
      rows: indicators.map((indicator) => [cell(indicator.title), ...territoryIds.map((t) => ctx.withInterval(indicator.value(t)))]),
    },
  ];
}
