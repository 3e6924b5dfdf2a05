/**
 * `summary.parquet`: the rows and columns of `summary.csv` (src/sim/csv.ts), typed, written by
 * embedded DuckDB (docs/decisions.md: DuckDB against a pure-JS writer, measured). The CSV is read
 * with the column types given, never sniffed, so a column of whole numbers stays DOUBLE and an
 * empty year is NULL; rows keep their order (the CSV is read by one thread). Text fields are
 * stored as written in the results, without the `'` that the CSV puts before a formula start.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { t } from '../i18n/catalogue.js';
import { stageFileWith } from '../io/atomic.js';
import { haltIfInterrupted } from '../io/cleanup.js';
import { CSV_COLUMNS } from '../sim/csv.js';
import { FORMULA_START } from '../text/escape.js';
import { ResultsError } from './errors.js';

/** The Parquet type of each column of the summary, in the CSV's order. */
export const SUMMARY_COLUMN_TYPES: Readonly<Record<(typeof CSV_COLUMNS)[number], 'VARCHAR' | 'INTEGER' | 'DOUBLE'>> = {
  territory: 'VARCHAR',
  scale: 'VARCHAR',
  arm: 'VARCHAR',
  measure: 'VARCHAR',
  key: 'VARCHAR',
  year: 'INTEGER',
  mean: 'DOUBLE',
  sd: 'DOUBLE',
  median: 'DOUBLE',
  p2_5: 'DOUBLE',
  p97_5: 'DOUBLE',
  mcse: 'DOUBLE',
};

const TEXT_COLUMNS = CSV_COLUMNS.filter((c) => SUMMARY_COLUMN_TYPES[c] === 'VARCHAR');

/** A SQL string literal (quotes doubled: DuckDB's strings have no other escape). Paths go as parameters. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `field` without the leading `'` escapeCsvField (src/text/escape.ts) puts before a formula start. */
function asWrittenSql(field: string): string {
  const starts = [...FORMULA_START].map(sqlString).join(', ');
  return `CASE WHEN starts_with(${field}, '''') AND substr(${field}, 2, 1) IN (${starts}) THEN substr(${field}, 2) ELSE ${field} END AS ${field}`;
}

/**
 * DuckDB's `read_csv` of a summary CSV with `$csv` as its path: header, delimiter and decimal
 * separator given, types given, no detection; an empty field is NULL except in text columns.
 */
export function summaryCsvSql(delimiter: ',' | ';'): string {
  const columns = CSV_COLUMNS.map((c) => `${sqlString(c)}: ${sqlString(SUMMARY_COLUMN_TYPES[c])}`).join(', ');
  const options = [
    `delim = ${sqlString(delimiter)}`,
    'header = true',
    'auto_detect = false',
    // DuckDB 1.5's parallel CSV reader was measured to reorder rows (about 300 breaks in 1.6 M
    // rows, whatever preserve_insertion_order says): one reader keeps the CSV's order.
    'parallel = false',
    `quote = '"'`,
    `escape = '"'`,
    `decimal_separator = ${sqlString(delimiter === ';' ? ',' : '.')}`,
    `nullstr = ''`,
    `force_not_null = [${TEXT_COLUMNS.map(sqlString).join(', ')}]`,
    `columns = {${columns}}`,
  ];
  const select = CSV_COLUMNS.map((c) => (c === 'territory' || c === 'key' ? asWrittenSql(c) : c)).join(', ');
  return `SELECT ${select} FROM read_csv($csv, ${options.join(', ')})`;
}

/** Runs `use` on a connection to a fresh in-memory DuckDB, closed afterwards whatever happens. */
export async function withDuckDb<T>(use: (connection: DuckDBConnection) => Promise<T>, options?: Record<string, string>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', options);
  try {
    const connection = await instance.connect();
    try {
      return await use(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * DuckDB's settings for the conversion: by default it takes threads and memory as the file grows
 * (measured: 862 MB of peak memory to convert the 741 MB CSV of 524 territories); the CSV is read
 * in one stream anyway (`parallel = false`), and with one thread and 256 MB the same conversion
 * peaked at 284 MB and took 22 s instead of 32 s (docs/performance.md, "National scale").
 */
const CONVERSION_SETTINGS = { threads: '1', memory_limit: '256MB' };

/**
 * Converts the summary CSV at `csvPath` (written by `summariesCsv` with `options.delimiter`) into
 * a ZSTD-compressed Parquet file at exactly `parquetPath`, written under a temporary name beside it
 * and then renamed, so that a reader never sees half a file.
 */
export async function writeSummaryParquet(csvPath: string, parquetPath: string, options: { delimiter: ',' | ';' }): Promise<void> {
  const staged = await stageFileWith(parquetPath, (temporary) =>
    withDuckDb(async (connection) => {
      try {
        await connection.run(`COPY (${summaryCsvSql(options.delimiter)}) TO $parquet (FORMAT parquet, COMPRESSION zstd)`, { csv: csvPath, parquet: temporary });
      } catch (error) {
        throw new ResultsError(t('results.parquet.cannot-write', { file: parquetPath, detail: (error as Error).message }), t('results.parquet.cannot-write.hint'));
      }
    }, CONVERSION_SETTINGS),
  );
  await haltIfInterrupted();
  await staged.commit();
}
