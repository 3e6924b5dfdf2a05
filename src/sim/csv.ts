/**
 * Tidy long-format CSV of the summaries: one row per territory, scale, arm, measure, key and year;
 * the valuation lines (docs/economics.md) as measures `valuation` and `valuation-discounted`, with
 * no year (they are totals over the horizon).
 * Written by a small RFC 4180 writer: csv-stringify gives the same bytes (a test checks it) but
 * took about twice as long on the 144,000 rows of the bundled scenario (389 ms against 173 ms).
 *
 * Text fields (territory and key) go through `escapeCsvField`, which also neutralises formulas
 * (csv-stringify's `escape_formulas`): the ids the language allows cannot start with `=`, `+`, `-`
 * or `@`, but results.json can be written by hand, and a spreadsheet runs what looks like a formula.
 */
import { escapeCsvField } from '../text/escape.js';
import type { Results } from './results.js';
import type { Summary, SummaryBlock } from './summarize.js';

export interface CsvOptions {
  /** `,` (default) or `;` for French spreadsheets, which then also get decimal commas. */
  delimiter: ',' | ';';
}

export const CSV_COLUMNS = ['territory', 'scale', 'arm', 'measure', 'key', 'year', 'mean', 'sd', 'median', 'p2_5', 'p97_5', 'mcse'] as const;

export function summariesCsv(results: Results, options: CsvOptions): string {
  return `${csvHeader(options)}${blocksCsv(results.summaries, options)}`;
}

/** The header line, with its newline. */
export function csvHeader(options: CsvOptions): string {
  return `${CSV_COLUMNS.join(options.delimiter)}\n`;
}

/**
 * The rows of some summary blocks, each line ending with a newline: `simulate --out` writes the
 * territories' rows batch by batch as they are summarised, then the ensemble's (src/sim/batches.ts).
 */
export function blocksCsv(blocks: readonly (Omit<SummaryBlock, 'economics'> & { economics?: SummaryBlock['economics'] })[], options: CsvOptions): string {
  const d = options.delimiter;
  const number = d === ';' ? (x: number) => String(x).replace('.', ',') : (x: number) => String(x);
  const text = (field: string) => escapeCsvField(field, d);
  const lines: string[] = [];
  const row = (territory: string, scale: string, arm: string, measure: string, key: string, year: number | '', s: Summary) =>
    lines.push(`${territory}${d}${scale}${d}${arm}${d}${measure}${d}${key}${d}${year}${d}${number(s.mean)}${d}${number(s.sd)}${d}${number(s.median)}${d}${number(s.p025)}${d}${number(s.p975)}${d}${number(s.mcse)}\n`);
  for (const block of blocks) {
    const territory = text(block.territory);
    for (const [measure, byKey] of Object.entries(block.measures)) {
      const firstYear = measure === 'counts' ? 0 : 1;
      for (const [key, series] of Object.entries(byKey)) {
        const quotedKey = text(key);
        series.forEach((s, i) => row(territory, block.scale, block.arm, measure, quotedKey, firstYear + i, s));
      }
    }
    block.totalCost.forEach((s, i) => row(territory, block.scale, block.arm, 'totalCost', 'total', i + 1, s));
    // Totals over the horizon (docs/economics.md): no year.
    for (const [line, values] of Object.entries(block.economics ?? {})) {
      row(territory, block.scale, block.arm, 'valuation', text(line), '', values.undiscounted);
      row(territory, block.scale, block.arm, 'valuation-discounted', text(line), '', values.discounted);
    }
  }
  return lines.join('');
}
