/**
 * Compares logi's `results.json` (expected mode) with the oracle, figure by figure. results.json
 * keeps 7 significant digits (docs "Differences and precision"), so the tolerance is 1e-6
 * relative, or 1e-6 absolute for figures near 0.
 */
import type { ArmSeries, ExpectedResult } from './expected.js';

export interface Discrepancy {
  territory: string;
  arm: string;
  measure: string;
  key: string;
  year: number;
  logi: number;
  oracle: number;
}

export const MEASURES = ['counts', 'flows', 'events', 'inflows', 'persons', 'volumes', 'minutes', 'fte', 'cost', 'enrolled', 'programCost'] as const;

interface SummaryBlock {
  territory: string;
  scale: string;
  arm: string;
  measures: Record<string, Record<string, { mean: number }[]>>;
  totalCost: { mean: number }[];
}

export function close(a: number, b: number, relative = 1e-6, absolute = 1e-6): boolean {
  return Math.abs(a - b) <= Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * Every figure of the measures asked for, for every territory, arm and year: a key that one side
 * has and the other does not counts as 0 there (an action nobody reaches, a cost an arm lacks).
 */
export function compareResults(results: { summaries: SummaryBlock[] }, oracle: ExpectedResult, measures: readonly string[] = MEASURES, tolerance = 1e-6): { discrepancies: Discrepancy[]; compared: number; missing: string[] } {
  const discrepancies: Discrepancy[] = [];
  const missing: string[] = [];
  let compared = 0;
  for (const territory of oracle.territories) {
    for (const arm of ['baseline', 'program'] as const) {
      const block = results.summaries.find((b) => b.territory === territory && b.scale === 'count' && b.arm === arm);
      if (!block) throw new Error(`no summary for ${territory}/${arm}`);
      const mine = oracle.arms[territory]![arm];
      for (const measure of measures) {
        const theirs = block.measures[measure];
        if (!theirs) {
          missing.push(`${measure} (absent from results.json)`);
          continue;
        }
        const ours = (mine as unknown as Record<string, Record<string, number[]>>)[measure] as ArmSeries['counts'];
        const keys = new Set([...Object.keys(theirs), ...Object.keys(ours)]);
        for (const key of keys) {
          const length = measure === 'counts' ? oracle.horizon + 1 : oracle.horizon;
          for (let i = 0; i < length; i++) {
            const logi = theirs[key]?.[theirs[key]!.length === length ? i : i + 1]?.mean ?? 0;
            const value = ours[key]?.[i] ?? 0;
            compared++;
            if (!close(logi, value, tolerance, tolerance)) discrepancies.push({ territory, arm, measure, key, year: measure === 'counts' ? i : i + 1, logi, oracle: value });
          }
        }
      }
      for (let i = 0; i < oracle.horizon; i++) {
        compared++;
        const logi = block.totalCost[block.totalCost.length === oracle.horizon ? i : i + 1]!.mean;
        if (!close(logi, mine.totalCost[i]!, tolerance, tolerance)) discrepancies.push({ territory, arm, measure: 'totalCost', key: '', year: i + 1, logi, oracle: mine.totalCost[i]! });
      }
    }
  }
  return { discrepancies, compared, missing: [...new Set(missing)] };
}
