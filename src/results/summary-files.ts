/**
 * The summary files of `simulate --out` (docs/simulation.md, "Outputs"): summary.csv written batch
 * by batch of territories as they are summarised (src/sim/batches.ts), then the ensemble's rows,
 * and summary.parquet made from it; results.json holds the ensemble only and names these files.
 * Nothing is held for more than one batch.
 */
import type { OutputSet, SetFileWriter } from '../io/output-set.js';
import type { TerritoryBatchResult } from '../sim/batches.js';
import { blocksCsv, type CsvOptions, csvHeader } from '../sim/csv.js';
import type { Results } from '../sim/results.js';
import { writeSummaryParquet } from './parquet.js';

export const SUMMARY_CSV = 'summary.csv';
export const SUMMARY_PARQUET = 'summary.parquet';

export class SummaryFiles {
  private constructor(
    private readonly set: OutputSet,
    private readonly csv: SetFileWriter,
    private readonly options: CsvOptions,
  ) {}

  /** Opens summary.csv in the set and writes its header. */
  static async open(set: OutputSet, options: CsvOptions): Promise<SummaryFiles> {
    const csv = await set.open(SUMMARY_CSV);
    await csv.write(csvHeader(options));
    return new SummaryFiles(set, csv, options);
  }

  /** A batch's rows, as it comes. */
  async addBatch(batch: TerritoryBatchResult): Promise<void> {
    await this.csv.write(blocksCsv(batch.blocks, this.options));
  }

  /**
   * The rows of the blocks still in the results (the ensemble's, and any territory kept), then
   * summary.parquet; returns the files' final paths, and the results as results.json holds them.
   */
  async finish(results: Results): Promise<{ files: string[]; results: Results }> {
    await this.csv.write(blocksCsv(results.summaries, this.options));
    const csvPath = await this.csv.close();
    await writeSummaryParquet(this.csv.path, await this.set.stagedPath(SUMMARY_PARQUET), { delimiter: this.options.delimiter });
    return { files: [csvPath, this.set.finalPath(SUMMARY_PARQUET)], results: { ...results, territorySummaries: { files: [SUMMARY_PARQUET, SUMMARY_CSV] } } };
  }
}
