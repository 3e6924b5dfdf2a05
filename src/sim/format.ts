/**
 * The terminal summary of a simulation: strata by year, events averted, volumes and FTE by
 * profession. Every id and title comes from the user's files, so each goes through the terminal
 * escaper (one line: a newline in a title would break the table) before it is cut to its column.
 */
import { escapeTerminal } from '../text/escape.js';
import type { Results } from './results.js';
import type { Summary } from './summarize.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
// Rounded first, then `+ 0`: a small negative value rounds to −0, which would print as "-0".
const n0 = (x: number) => integer.format(Math.round(x) + 0).replace(/,/g, ' ');
const n1 = (x: number) => oneDecimal.format(Math.round(x * 10) / 10 + 0).replace(/,/g, ' ');
const signed = (x: number, f = n0) => (x > 0 && f(x) !== f(0) ? `+${f(x)}` : f(x));
const interval = (s: Summary, f = n0) => `[${signed(s.p025, f)} ; ${signed(s.p975, f)}]`;
/** User text, inert and on one line; `max` cuts it by code points (a cut escape stays visible text). */
const shown = (text: string, max = Infinity) => {
  const inert = escapeTerminal(text, { keep: '' });
  return inert.length <= max ? inert : [...inert].slice(0, max).join('');
};

function table(rows: string[][], alignRight: boolean[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

export function formatSummary(results: Results): string {
  const m = results.manifest;
  const H = m.horizon;
  const block = (arm: 'baseline' | 'program' | 'difference') => results.summaries.find((b) => b.territory === 'ensemble' && b.scale === 'count' && b.arm === arm)!;
  const base = block('baseline');
  const program = block('program');
  const diff = block('difference');
  const out: string[] = [];
  out.push(
    `Scenario ${shown(m.scenario)} — pyramid ${shown(m.pyramid)}, ${results.territories.length} territor${results.territories.length === 1 ? 'y' : 'ies'}, ${m.iterations} iteration${m.iterations === 1 ? '' : 's'} (${m.mode}), seed ${m.seed}, ${H} years`,
  );
  out.push(`Baseline: ${shown(results.arms.baseline.title)}.  Program: ${shown(results.arms.program.title)}.`);
  out.push('');
  const years = [...new Set([0, Math.ceil(H / 2), H])];
  out.push('People per stratum, all territories (mean; program − baseline with its 95 % interval at the horizon)');
  const header = ['', ...years.map((y) => (y === 0 ? 'start' : `year ${y} baseline`)), ...years.filter((y) => y > 0).map((y) => `year ${y} program`), `difference, year ${H}`];
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
    out.push(`Events over ${H} years, all territories (program − baseline; negative = averted)`);
    const eventRows = [['event', 'baseline', 'program', 'difference [95 % interval]']];
    for (const event of results.events) {
      const sum = (series: Summary[]) => series.reduce((s, x) => s + x.mean, 0);
      // Intervals of a sum over years are not sums of intervals: show the horizon-year interval.
      const d = diff.measures.events[event.name]!;
      eventRows.push([shown(event.name), n0(sum(base.measures.events[event.name]!)), n0(sum(program.measures.events[event.name]!)), `${signed(sum(d))} (year ${H}: ${signed(d[H - 1]!.mean)} ${interval(d[H - 1]!)})`]);
    }
    out.push(table(eventRows, [false, true, true, false]));
  }
  out.push('');
  out.push(`Workload by profession, year ${H}, all territories (mean)`);
  const actorRows = [['profession', 'acts (program)', 'FTE baseline', 'FTE program', 'FTE difference [95 %]', 'cost program (€)']];
  const actsOf = (actor: string) => results.actions.filter((a) => a.actor === actor).reduce((s, a) => s + (program.measures.volumes[a.id]?.[H - 1]?.mean ?? 0), 0);
  const actors = [...results.actors].sort((a, b) => (program.measures.fte[b.id]?.[H - 1]?.mean ?? 0) - (program.measures.fte[a.id]?.[H - 1]?.mean ?? 0));
  for (const actor of actors.slice(0, 10)) {
    const f = (block: typeof base) => block.measures.fte[actor.id]![H - 1]!;
    if (f(program).mean === 0 && f(base).mean === 0) continue;
    actorRows.push([shown(actor.title, 48), n0(actsOf(actor.id)), n1(f(base).mean), n1(f(program).mean), `${signed(f(diff).mean, n1)} ${interval(f(diff), n1)}`, n0(program.measures.cost[actor.id]![H - 1]!.mean)]);
  }
  out.push(table(actorRows, [false, true, true, true, false, true]));
  const totalDiff = diff.totalCost[H - 1]!;
  out.push('');
  out.push(`Total cost of the acts, year ${H}: baseline ${n0(base.totalCost[H - 1]!.mean)} €, program ${n0(program.totalCost[H - 1]!.mean)} €, difference ${signed(totalDiff.mean)} € ${interval(totalDiff)}`);
  return out.join('\n');
}
