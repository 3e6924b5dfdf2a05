/** Tidy long-format CSV of the summaries: one row per territory, scale, arm, measure, key and year. */
import { stringify } from 'csv-stringify/sync';
import type { Results } from './results.js';

export interface CsvOptions {
  /** `,` (default) or `;` for French spreadsheets, which then also get decimal commas. */
  delimiter: ',' | ';';
}

export const CSV_COLUMNS = ['territory', 'scale', 'arm', 'measure', 'key', 'year', 'mean', 'sd', 'median', 'p2_5', 'p97_5', 'mcse'] as const;

export function summariesCsv(results: Results, options: CsvOptions): string {
  const decimal = options.delimiter === ';' ? (x: number) => String(x).replace('.', ',') : (x: number) => String(x);
  const rows: string[][] = [];
  for (const block of results.summaries) {
    for (const [measure, byKey] of Object.entries(block.measures)) {
      for (const [key, series] of Object.entries(byKey)) {
        const firstYear = measure === 'counts' ? 0 : 1;
        series.forEach((s, i) => rows.push([block.territory, block.scale, block.arm, measure, key, String(firstYear + i), ...[s.mean, s.sd, s.median, s.p025, s.p975, s.mcse].map(decimal)]));
      }
    }
    block.totalCost.forEach((s, i) => rows.push([block.territory, block.scale, block.arm, 'totalCost', 'total', String(i + 1), ...[s.mean, s.sd, s.median, s.p025, s.p975, s.mcse].map(decimal)]));
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], delimiter: options.delimiter, record_delimiter: 'unix' });
}
