/**
 * Builds the report of a simulation from its `results.json` alone (no workspace needed): first the
 * decision a director reads — net cost, costs and events averted, health gained, FTE needed, ICER,
 * the CE plane and the acceptability curve, and the tornado and sweep when given
 * (src/report/decision.ts; results written before issue 16 have no decision and no such section);
 * then the facts of the run; per territory, the pyramid at the start and at the horizon, each
 * stratum over time, the people enrolled and moved by detection, events averted year by year,
 * working time per profession, FTE demand against the workforce, volumes per action and costs
 * (src/report/territory.ts, src/report/dynamics.ts; above 12 territories folded, tables only); the
 * territories compared per 100,000 inhabitants by funnel plot, ranked dots and table
 * (src/report/comparison.ts); each logigramme with its simulated counts; and the manifest. Every figure comes from
 * the summaries the simulation wrote: means and the 2.5–97.5 % percentiles over iterations
 * (docs/simulation.md).
 *
 * The report's own words come from the message catalogue (src/i18n/messages/report.ts) and its
 * numbers from src/i18n/numbers.ts, both in the language the report is written in: by default the
 * command's (`--lang`, LOGI_LANG, the locale).
 */
import { currentLanguage, type Lang } from '../i18n/language.js';
import { ownValue } from '../language/records.js';
import { ACTOR_PALETTE } from '../render/mermaid.js';
import type { Results } from '../sim/results.js';
import { chartSvg } from './charts.js';
import { comparisonSections } from './comparison.js';
import { ENSEMBLE, type PendingChart, reportContext, type ReportContext } from './context.js';
import { decisionSections, eventsEffectTable, hasDecision } from './decision.js';
import type { Sensitivity, Sweep } from './decision-inputs.js';
import { type Block, cell, type ReportDocument, type Section, slug } from './document.js';
import { overlaySvg } from './overlay.js';
import { foldedTerritoriesSection, foldsTerritories, territorySections } from './territory.js';
import { overlapWarnings } from './overlap.js';

export { ENSEMBLE, type ReportWord } from './context.js';

export interface ReportOptions {
  /** The report's language; by default the command's (src/i18n/language.ts). */
  lang?: Lang;
  /** Called after each chart, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** A one-way sensitivity analysis (sensitivity.json): its tornado joins the decision section. */
  sensitivity?: Sensitivity;
  /** A sweep over a varied value (sweep.json): its chart joins the decision section. */
  sweep?: Sweep;
}

/** The report's sections, in order, their charts still to draw. */
function reportSections(ctx: ReportContext, options: ReportOptions): Section[] {
  const { results } = ctx;
  const sections: Section[] = [...(hasDecision(results) ? decisionSections(ctx, options) : []), summarySection(ctx)];
  sections.push(...territorySections(ctx, ENSEMBLE));
  // Many territories: the comparison first, then each territory folded, tables only.
  if (foldsTerritories(ctx)) sections.push(...comparisonSections(ctx), foldedTerritoriesSection(ctx));
  else sections.push(...results.territories.flatMap((t) => territorySections(ctx, t.id)), ...comparisonSections(ctx));
  sections.push(overlaySection(ctx), manifestSection(ctx));
  return sections;
}

export async function buildReport(results: Results, options: ReportOptions = {}): Promise<ReportDocument> {
  const lang = options.lang ?? currentLanguage();
  const pending: PendingChart[] = [];
  const ctx = reportContext(results, lang, pending);
  const { w, count } = ctx;
  const sections = reportSections(ctx, options);
  let done = 0;
  for (const { block, spec } of pending) {
    block.svg = await chartSvg(spec, lang);
    options.onProgress?.(++done, pending.length);
  }
  const { manifest } = results;
  return {
    lang,
    title: `${w('report.report-title')} — ${manifest.scenario}`,
    subtitle: `${w('report.program')}${w('report.colon')}${results.arms.program.title} · ${w('report.baseline')}${w('report.colon')}${results.arms.baseline.title}`,
    sections,
    footer: `${w('report.generated-by')} ${manifest.tool} ${manifest.version} · ${w('report.seed')} ${manifest.seed} · ${count(manifest.iterations)} ${w('report.iterations').toLowerCase()}`,
  };
}

/** The facts of the run, how to read the figures, and the headline differences. */
function summarySection(ctx: ReportContext): Section {
  const { results, w, count } = ctx;
  return {
    id: 'synthese',
    title: w('report.summary'),
    level: 2,
    blocks: [
      {
        kind: 'facts',
        items: [
          { term: w('report.scenario'), value: results.manifest.scenario },
          { term: w('report.pyramid'), value: results.manifest.pyramid },
          { term: w('report.baseline'), value: results.arms.baseline.title },
          { term: w('report.program'), value: results.arms.program.title },
          { term: w('report.territories'), value: results.territories.map((t) => t.title).join(' · ') },
          { term: w('report.horizon'), value: `${results.manifest.horizon} ${w('report.years')}` },
          { term: w('report.iterations'), value: count(results.manifest.iterations) },
          { term: w('report.mode'), value: w(`report.mode.${results.manifest.mode}`) },
        ],
      },
      { kind: 'paragraph', text: w('report.reading-guide'), note: true },
      ...overlapWarnings(ctx),
      // With a decision section, the events are there, first thing.
      ...(hasDecision(results) ? [] : [eventsEffectTable(ctx, ctx.summaries.get(ENSEMBLE, 'difference'))]),
    ],
  };
}

/** Each logigramme with the mean people per node and edge, all territories, averaged over the horizon. */
function overlaySection(ctx: ReportContext): Section {
  const { w, results, count } = ctx;
  const blocks: Block[] = [{ kind: 'paragraph', text: w('report.overlay-note'), note: true }];
  const actorColours = Object.fromEntries(results.actors.map((a, i) => [a.id, ACTOR_PALETTE[i % ACTOR_PALETTE.length]!]));
  for (const logigramme of results.logigrammes) {
    const armCounts = (arm: 'baseline' | 'program') => {
      const entries = overlayEntries(results).filter((o) => o.logigramme === logigramme.id && o.arm === arm);
      const nodes: Record<string, number> = {};
      for (const node of logigramme.nodes) nodes[node.id] = entries.reduce((sum, e) => sum + average(ownValue(e.nodes, node.id) ?? []), 0);
      const edges = logigramme.edges.map((edge) => entries.reduce((sum, e) => sum + average(e.edges.find((x) => x.from === edge.from && x.to === edge.to)?.mean ?? []), 0));
      return { nodes, edges };
    };
    const svg = overlaySvg(logigramme, armCounts('program'), armCounts('baseline'), {
      formatCount: count,
      words: { perYear: w('report.per-year'), baseline: w('report.baseline'), program: w('report.program'), colon: w('report.colon') },
      actorColours,
    });
    blocks.push({ kind: 'figure', id: `logigramme-${slug(logigramme.id)}`, title: `${logigramme.title} (${logigramme.stratum})`, svg, alt: `${w('report.logigramme')}${w('report.colon')}${logigramme.title}` });
  }
  return { id: 'logigrammes', title: w('report.overlay'), level: 2, blocks };
}

/**
 * The overlay entries to sum for all territories: the `ensemble` ones when the results hold them
 * (written since issue 17: the sum over the territories, which would otherwise count twice), else
 * every territory's.
 */
export function overlayEntries(results: Results): Results['overlay'] {
  const ensemble = results.overlay.filter((o) => o.territory === ENSEMBLE);
  return ensemble.length > 0 ? ensemble : results.overlay;
}

/** The manifest: what it takes to reproduce the report. */
function manifestSection(ctx: ReportContext): Section {
  const { w, results, count } = ctx;
  const { manifest } = results;
  return {
    id: 'manifeste',
    title: w('report.manifest'),
    level: 2,
    blocks: [
      { kind: 'paragraph', text: w('report.manifest-note'), note: true },
      {
        kind: 'facts',
        items: [
          { term: w('report.tool'), value: `${manifest.tool} ${manifest.version}` },
          { term: w('report.scenario'), value: manifest.scenario },
          { term: w('report.seed'), value: String(manifest.seed) },
          { term: w('report.iterations'), value: count(manifest.iterations) },
          { term: w('report.mode'), value: manifest.mode },
          { term: w('report.horizon'), value: `${manifest.horizon} ${w('report.years')}` },
        ],
      },
      // SHA-256 is the name of the hash in both languages.
      { kind: 'table', header: [w('report.file'), 'SHA-256'], rows: manifest.inputs.map((input) => [cell(input.file, { code: true }), cell(input.sha256, { code: true })]) },
    ],
  };
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
