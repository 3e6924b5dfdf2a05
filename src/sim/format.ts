/**
 * The terminal summary of a simulation: strata by year, events averted, volumes and FTE by
 * profession, in the command's language (src/i18n/messages/sim.ts). Every id and title comes from
 * the user's files, so each goes through the terminal escaper (one line: a newline in a title
 * would break the table) before it is cut to its column.
 */
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatPercent, formatTenths, formatWhole } from '../i18n/numbers.js';
import { escapeTerminal } from '../text/escape.js';
import type { Results } from './results.js';
import type { Summary } from './summarize.js';

type Format = (x: number) => string;

/** User text, inert and on one line; `max` cuts it by code points (a cut escape stays visible text). */
const shown = (text: string, max = Infinity) => {
  const inert = escapeTerminal(text, { keep: '' });
  return inert.length <= max ? inert : [...inert].slice(0, max).join('');
};

/** Rows of cells in columns padded to their widest cell (right-aligned where asked), two spaces apart. */
export function table(rows: string[][], alignRight: boolean[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

/** The summary in the current language; numbers from src/i18n/numbers.ts (a decimal comma in French). */
export function formatSummary(results: Results): string {
  const lang = currentLanguage();
  const n0: Format = (x) => formatWhole(x, lang);
  const n1: Format = (x) => formatTenths(x, lang);
  const signed = (x: number, f = n0) => (x > 0 && f(x) !== f(0) ? `+${f(x)}` : f(x));
  const interval = (s: Summary, f = n0) => `[${signed(s.p025, f)} ; ${signed(s.p975, f)}]`;
  const m = results.manifest;
  const H = m.horizon;
  const block = (arm: 'baseline' | 'program' | 'difference') => results.summaries.find((b) => b.territory === 'ensemble' && b.scale === 'count' && b.arm === arm)!;
  const base = block('baseline');
  const program = block('program');
  const diff = block('difference');
  const out: string[] = [];
  out.push(t('sim.summary.heading', { scenario: shown(m.scenario), pyramid: shown(m.pyramid), territories: results.territories.length, iterations: m.iterations, mode: m.mode, seed: m.seed, horizon: H }));
  out.push(t('sim.summary.arms', { baseline: shown(results.arms.baseline.title), program: shown(results.arms.program.title) }));
  out.push('');
  const years = [...new Set([0, Math.ceil(H / 2), H])];
  out.push(t('sim.summary.strata'));
  const header = [
    '',
    ...years.map((y) => (y === 0 ? t('sim.summary.column.start') : t('sim.summary.column.year-baseline', { year: y }))),
    ...years.filter((y) => y > 0).map((y) => t('sim.summary.column.year-program', { year: y })),
    t('sim.summary.column.difference-year', { year: H }),
  ];
  const rows = [header];
  for (const state of results.states) {
    const b = base.measures.counts[state.id]!;
    const p = program.measures.counts[state.id]!;
    const d = diff.measures.counts[state.id]![H]!;
    rows.push([shown(`${state.id} ${state.title}`, 48), ...years.map((y) => n0(b[y]!.mean)), ...years.filter((y) => y > 0).map((y) => n0(p[y]!.mean)), `${signed(d.mean)} ${interval(d)}`]);
  }
  out.push(table(rows, rows[0]!.map((_, i) => i > 0)));
  if (results.events.length > 0) {
    out.push('');
    out.push(t('sim.summary.events', { horizon: H }));
    const eventRows = [[t('sim.summary.column.event'), t('sim.summary.column.baseline'), t('sim.summary.column.program'), t('sim.summary.column.difference-interval')]];
    for (const event of results.events) {
      const sum = (series: Summary[]) => series.reduce((s, x) => s + x.mean, 0);
      // Intervals of a sum over years are not sums of intervals: show the horizon-year interval.
      const d = diff.measures.events[event.name]!;
      const difference = t('sim.summary.event-difference', { total: signed(sum(d)), year: H, last: signed(d[H - 1]!.mean), interval: interval(d[H - 1]!) });
      eventRows.push([shown(event.title ?? event.name, 48), n0(sum(base.measures.events[event.name]!)), n0(sum(program.measures.events[event.name]!)), difference]);
    }
    out.push(table(eventRows, [false, true, true, false]));
  }
  out.push('');
  out.push(t('sim.summary.workload', { year: H }));
  const actorRows = [
    [
      t('sim.summary.column.profession'),
      t('sim.summary.column.acts-program'),
      t('sim.summary.column.fte-baseline'),
      t('sim.summary.column.fte-program'),
      t('sim.summary.column.fte-difference'),
      t('sim.summary.column.cost-program'),
    ],
  ];
  const actsOf = (actor: string) => results.actions.filter((a) => a.actor === actor).reduce((s, a) => s + (program.measures.volumes[a.id]?.[H - 1]?.mean ?? 0), 0);
  const actors = [...results.actors].sort((a, b) => (program.measures.fte[b.id]?.[H - 1]?.mean ?? 0) - (program.measures.fte[a.id]?.[H - 1]?.mean ?? 0));
  for (const actor of actors.slice(0, 10)) {
    const f = (block: typeof base) => block.measures.fte[actor.id]![H - 1]!;
    if (f(program).mean === 0 && f(base).mean === 0) continue;
    actorRows.push([shown(actor.title, 48), n0(actsOf(actor.id)), n1(f(base).mean), n1(f(program).mean), `${signed(f(diff).mean, n1)} ${interval(f(diff), n1)}`, n0(program.measures.cost[actor.id]![H - 1]!.mean)]);
  }
  out.push(table(actorRows, [false, true, true, true, false, true]));
  for (const overlap of results.overlaps ?? []) out.push(t('sim.summary.overlap', { pyramid: shown(overlap.pyramidTitle, 60), strata: overlap.strata.join(', ') }));
  const totalDiff = diff.totalCost[H - 1]!;
  out.push('');
  // totalCost holds the program costs too (docs/simulation.md, "Program costs"): say so when there are some.
  const programCosts = (results.programCosts ?? []).length > 0;
  out.push(t('sim.summary.total-cost', { year: H, baseline: n0(base.totalCost[H - 1]!.mean), program: n0(program.totalCost[H - 1]!.mean), difference: signed(totalDiff.mean), interval: interval(totalDiff), programCosts }));
  // A results.json written before issue 16 has no valuation.
  if (results.economics && results.decision && diff.economics) out.push('', ...formatEconomics(results));
  return out.join('\n');
}

/**
 * The valuation over the horizon (docs/economics.md), all territories: each line discounted for
 * both arms and their difference, then the decision (ICER or dominance, probability of being
 * cost-effective at the threshold, EVPI).
 */
function formatEconomics(results: Results): string[] {
  const lang = currentLanguage();
  const economics = results.economics!;
  const decision = results.decision!;
  const n0: Format = (x) => formatWhole(x, lang);
  const n1: Format = (x) => formatTenths(x, lang);
  const signed = (x: number, f: Format) => (x > 0 && f(x) !== f(0) ? `+${f(x)}` : f(x));
  const block = (arm: 'baseline' | 'program' | 'difference') => results.summaries.find((b) => b.territory === 'ensemble' && b.scale === 'count' && b.arm === arm)!.economics!;
  const out = [t('sim.summary.economics', { horizon: results.manifest.horizon, costs: formatPercent(economics.discount.costs, lang), outcomes: formatPercent(economics.discount.outcomes, lang), stateTime: economics.stateTime })];
  const rows = [[t('sim.summary.column.line'), t('sim.summary.column.baseline'), t('sim.summary.column.program'), t('sim.summary.column.difference-interval')]];
  for (const line of economics.lines) {
    const f = line === 'lifeYears' || line === 'qalys' ? n1 : n0;
    const d = block('difference')[line]!.discounted;
    rows.push([lineTitle(line), f(block('baseline')[line]!.discounted.mean), f(block('program')[line]!.discounted.mean), `${signed(d.mean, f)} [${signed(d.p025, f)} ; ${signed(d.p975, f)}]`]);
  }
  out.push(table(rows, [false, true, true, false]));
  const ensemble = decision.summaries.at(-1)!;
  const outcome = t(decision.outcome === 'qalys' ? 'sim.summary.outcome.qalys' : 'sim.summary.outcome.life-years');
  out.push(
    t('sim.summary.decision', {
      verdict: ensemble.verdict,
      icer: ensemble.icer === null ? '' : n0(ensemble.icer),
      outcome,
      threshold: n0(decision.threshold),
      probability: formatPercent(ensemble.probabilityCostEffective, lang),
      evpi: n0(ensemble.evpi.population),
      perPerson: n1(ensemble.evpi.perPerson),
    }),
  );
  return out;
}

/** `acts/assurance-maladie` → "Actes (assurance-maladie)"; totals, life-years and QALYs by name. */
function lineTitle(line: string): string {
  const [category, payer] = line.split('/');
  if (payer === undefined) return t(line === 'totalCost' ? 'sim.summary.line.total' : line === 'qalys' ? 'sim.summary.outcome.qalys' : 'sim.summary.outcome.life-years');
  return t('sim.summary.line.cost', { category: t(`sim.summary.category.${category as 'acts' | 'states' | 'events' | 'program'}`), payer: shown(payer, 32) });
}
