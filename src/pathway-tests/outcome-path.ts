/**
 * Outcome paths (docs/testing.md, "Outcome paths"): how an outcome case names a value of a
 * scenario's results.json, in words separated by spaces, as parameter paths are written —
 *   `<measure> <key>`: a summary of `summaries[].measures` (`events nouveaux-diabetes`, `fte
 *   infirmier`, `counts S2`, `volumes dt2-s2-suivi/etp`);
 *   `totalCost`: `summaries[].totalCost`;
 *   `economics <line> [discounted|undiscounted]`: `summaries[].economics` (default discounted);
 *   `decision <field>`: `decision.summaries[]` (icer, netMonetaryBenefit, …);
 *   `workforce <actor>`: the territories' FTE of a profession (`territories[].workforce`).
 * Pure: read by `logi test` and by the lint rule test-outcome-path.
 */
import { MEASURES, type Measure } from '../sim/summarize.js';

export const DECISION_FIELDS = ['incrementalCost', 'incrementalEffect', 'icer', 'netMonetaryBenefit', 'probabilityCostEffective'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export type OutcomePath =
  | { kind: 'measure'; measure: Measure; key: string }
  | { kind: 'totalCost' }
  | { kind: 'economics'; line: string; discounting: 'discounted' | 'undiscounted' }
  | { kind: 'decision'; field: DecisionField }
  | { kind: 'workforce'; actor: string };

/** The first words an outcome path may start with, for "did you mean". */
export const OUTCOME_HEADS: readonly string[] = [...MEASURES, 'totalCost', 'economics', 'decision', 'workforce'];

/** An outcome path read, or undefined when it is none of the forms above. */
export function parseOutcomePath(text: string): OutcomePath | undefined {
  const words = text.trim().split(/\s+/);
  const [head, second, third] = words;
  if (head === 'totalCost') return words.length === 1 ? { kind: 'totalCost' } : undefined;
  if (head === 'economics' && second !== undefined && words.length <= 3) {
    if (third !== undefined && third !== 'discounted' && third !== 'undiscounted') return undefined;
    return { kind: 'economics', line: second, discounting: third ?? 'discounted' };
  }
  if (words.length !== 2 || second === undefined) return undefined;
  if (head === 'decision') return (DECISION_FIELDS as readonly string[]).includes(second) ? { kind: 'decision', field: second as DecisionField } : undefined;
  if (head === 'workforce') return { kind: 'workforce', actor: second };
  if ((MEASURES as readonly string[]).includes(head!)) return { kind: 'measure', measure: head as Measure, key: second };
  return undefined;
}

/** Whether the path names one value per year (a series), so that `year` applies to it. */
export function isSeries(path: OutcomePath): path is Extract<OutcomePath, { kind: 'measure' | 'totalCost' }> {
  return path.kind === 'measure' || path.kind === 'totalCost';
}

/** The year a series is read at when the case does not say: the horizon for stocks, every year summed for the rest. */
export function defaultYear(path: OutcomePath): 'total' | 'last' {
  return path.kind === 'measure' && (path.measure === 'counts' || path.measure === 'fte') ? 'last' : 'total';
}
