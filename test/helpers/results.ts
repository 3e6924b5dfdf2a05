/**
 * A run's results as `simulate --out DIR` leaves them, whole: results.json holds the `ensemble`
 * only (docs/simulation.md, "Outputs"), the territories' summaries are read back here from
 * summary.csv by a reader of the tests' own (not src/results/read.ts, which the tests check).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Results } from '../../src/sim/results.js';

type Block = Results['summaries'][number];
type Summary = Block['totalCost'][number];

/** results.json with every territory's blocks (from summary.csv) before the ensemble's, as the library's `simulate` returns them. */
export function readRunResults(out: string): Results {
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
  const csv = path.join(out, 'summary.csv');
  if (!results.territorySummaries || !existsSync(csv)) return results;
  return { ...results, summaries: [...territoryBlocksOfCsv(readFileSync(csv, 'utf8')), ...results.summaries] };
}

/** The blocks of every territory but `ensemble` in a summary.csv written with `,` (ids in the tests need no quoting). */
export function territoryBlocksOfCsv(text: string): Block[] {
  const blocks = new Map<string, Block>();
  for (const line of text.trimEnd().split('\n').slice(1)) {
    const [territory, scale, arm, measure, key, , ...figures] = line.split(',') as string[];
    if (territory === 'ensemble') continue;
    const [mean, sd, median, p025, p975, mcse] = figures.map(Number) as number[];
    const summary: Summary = { mean: mean!, sd: sd!, median: median!, p025: p025!, p975: p975!, mcse: mcse! };
    const id = `${territory}|${scale}|${arm}`;
    let block = blocks.get(id);
    if (!block) {
      const measures = Object.fromEntries(['counts', 'flows', 'events', 'inflows', 'persons', 'volumes', 'enrolled', 'minutes', 'fte', 'cost', 'programCost'].map((m) => [m, {}]));
      block = { territory: territory!, scale: scale as Block['scale'], arm: arm as Block['arm'], measures: measures as Block['measures'], totalCost: [], economics: {} };
      blocks.set(id, block);
    }
    if (measure === 'totalCost') block.totalCost.push(summary);
    else if (measure === 'valuation' || measure === 'valuation-discounted') {
      const line = (block.economics![key!] ??= {} as NonNullable<Block['economics']>[string]);
      line[measure === 'valuation' ? 'undiscounted' : 'discounted'] = summary;
    } else ((block.measures as Record<string, Record<string, Summary[]>>)[measure!]![key!] ??= []).push(summary);
  }
  return [...blocks.values()];
}
