/**
 * Reading a results folder back (docs/simulation.md, "Outputs"): the summary rows of
 * `summary.parquet` (through DuckDB, the filter pushed into its SQL) or of `summary.csv` (either
 * delimiter, told by the header), checked row by row; the summary blocks rebuilt from them (the
 * inverse of the flattening in src/sim/csv.ts); and `results.json` completed with those blocks.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { emptyRecord } from '../language/records.js';
import { CSV_COLUMNS } from '../sim/csv.js';
import { ResultsSchema, type Results } from '../sim/results.js';
import { type ArmName, MEASURES, type Measure, type Series, type Summary, type SummaryBlock } from '../sim/summarize.js';
import { csvFieldAsWritten } from '../text/escape.js';
import { ResultsError } from './errors.js';
import { sqlString, withDuckDb } from './parquet.js';

/** One row of the summary files: the CSV's columns, with the percentiles named as in `Summary`. */
export interface SummaryRow extends Summary {
  territory: string;
  scale: 'count' | 'per100k';
  arm: ArmName;
  measure: string;
  key: string;
  /** Null for the valuation rows (totals over the horizon). */
  year: number | null;
}

/** Which rows to read (all when a field is absent). */
export interface SummaryFilter {
  territories?: readonly string[];
  measures?: readonly string[];
  scale?: 'count' | 'per100k';
}

const SCALES = ['count', 'per100k'] as const;
const ARMS = ['baseline', 'program', 'difference'] as const;
const VALUATION = { valuation: 'undiscounted', 'valuation-discounted': 'discounted' } as const;
const ROW_MEASURES: readonly string[] = [...MEASURES, 'totalCost', ...Object.keys(VALUATION)];
const FIGURES = ['mean', 'sd', 'median', 'p2_5', 'p97_5', 'mcse'] as const;

const isValuation = (measure: string): measure is keyof typeof VALUATION => Object.hasOwn(VALUATION, measure);

/** Where a row is, for messages: `file:line` in a CSV, `file, row n` in a Parquet file; and what to do about it. */
interface Place {
  at(): string;
  hint(): string;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, column: string, place: Place): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw rowError(t('results.row.value', { where: place.at(), column, value, allowed: allowed.join(', ') }), place);
}

function rowError(message: string, place: Place): ResultsError {
  return new ResultsError(message, place.hint());
}

/** Checks the columns that are not free text and that the year is there exactly when it must be. */
function checkedRow(row: Omit<SummaryRow, 'scale' | 'arm'> & { scale: string; arm: string }, place: Place): SummaryRow {
  oneOf(SCALES, row.scale, 'scale', place);
  oneOf(ARMS, row.arm, 'arm', place);
  oneOf(ROW_MEASURES, row.measure, 'measure', place);
  if (row.year === null && !isValuation(row.measure)) throw rowError(t('results.row.year-missing', { where: place.at(), measure: row.measure }), place);
  if (row.year !== null && isValuation(row.measure)) throw rowError(t('results.row.year-extra', { where: place.at(), measure: row.measure }), place);
  return row as SummaryRow;
}

function matches(row: SummaryRow, filter: SummaryFilter): boolean {
  return (!filter.territories || filter.territories.includes(row.territory)) && (!filter.measures || filter.measures.includes(row.measure)) && (!filter.scale || filter.scale === row.scale);
}

/** The file's first bytes: Parquet files start with `PAR1`. */
async function isParquet(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.toString('latin1') === 'PAR1';
  } finally {
    await handle.close();
  }
}

/**
 * Calls `visit` on every row of `file` (Parquet, or CSV with `,` or `;`) that `filter` keeps, in
 * the file's order, after checking it. Rows are never all held: a reader can fold them.
 */
export async function forEachSummaryRow(file: string, filter: SummaryFilter, visit: (row: SummaryRow) => void): Promise<void> {
  let parquet: boolean;
  try {
    parquet = await isParquet(file);
  } catch (error) {
    throw unreadable(error, file);
  }
  if (parquet) await parquetRows(file, filter, visit);
  else
    await csvRows(file, (row) => {
      if (matches(row, filter)) visit(row);
    });
}

/** The rows of a summary file (see `forEachSummaryRow`), in the file's order. */
export async function readSummaryRows(file: string, filter: SummaryFilter = {}): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  await forEachSummaryRow(file, filter, (row) => rows.push(row));
  return rows;
}

function unreadable(error: unknown, file: string): ResultsError {
  const code = String((error as NodeJS.ErrnoException).code);
  return new ResultsError(code === 'ENOENT' ? t('results.input.no-such-file', { file }) : t('results.input.unreadable', { file, code }), t('results.input.hint'));
}

// ---------------------------------------------------------------------------------------------
// Parquet

const TEXT_COLUMNS = ['territory', 'scale', 'arm', 'measure', 'key'] as const;

/**
 * The text columns cast to ENUMs of their values: the rows then carry small codes that the
 * client maps to strings decoded once, instead of decoding a string per row and column (7.1 s
 * against 3.2 s for 1.6 M rows). `values` holds each column's distinct values.
 */
function enumColumns(values: readonly (readonly string[])[]): string {
  return TEXT_COLUMNS.map((column, c) => `${column}::ENUM(${values[c]!.map(sqlString).join(', ')}) AS ${column}`).join(', ');
}

/** The SQL that reads a summary Parquet file (`$file`), keeping only the rows `filter` names. */
function parquetSql(filter: SummaryFilter, textValues: readonly (readonly string[])[]): { sql: string; values: Record<string, ReturnType<typeof listValue> | string> } {
  const where: string[] = [];
  const values: Record<string, ReturnType<typeof listValue> | string> = {};
  if (filter.territories) {
    where.push('list_contains($territories, territory)');
    values.territories = listValue([...filter.territories]);
  }
  if (filter.measures) {
    where.push('list_contains($measures, measure)');
    values.measures = listValue([...filter.measures]);
  }
  if (filter.scale) {
    where.push('scale = $scale');
    values.scale = filter.scale;
  }
  const figures = CSV_COLUMNS.slice(TEXT_COLUMNS.length).join(', ');
  const sql = `SELECT ${enumColumns(textValues)}, ${figures}, file_row_number::INTEGER FROM read_parquet($file, file_row_number = true)${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, values };
}

async function parquetRows(file: string, filter: SummaryFilter, visit: (row: SummaryRow) => void): Promise<void> {
  await withDuckDb(async (connection) => {
    let result: Awaited<ReturnType<typeof connection.stream>>;
    try {
      const distinct = TEXT_COLUMNS.map((c) => `list(DISTINCT ${c}) FILTER (WHERE ${c} IS NOT NULL)`).join(', ');
      const textValues = (await connection.runAndReadAll(`SELECT ${distinct} FROM read_parquet($file)`, { file })).getRowsJS()[0] as string[][];
      const { sql, values } = parquetSql(filter, textValues);
      result = await connection.stream(sql, { ...values, file });
    } catch (error) {
      throw new ResultsError(t('results.parquet.unreadable', { file, detail: (error as Error).message }), t('results.series.hint'));
    }
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const columns = chunk.getColumns();
      const count = chunk.rowCount;
      for (let i = 0; i < count; i++) visit(parquetRow(file, columns, i));
    }
  });
}

/** Where a Parquet row is: built for each row, so a class (no closures), its text only made for an error. */
class ParquetPlace implements Place {
  constructor(
    private readonly file: string,
    private readonly rowNumbers: unknown[],
    private readonly i: number,
  ) {}
  at(): string {
    return t('results.where.row', { file: this.file, row: Number(this.rowNumbers[this.i]) + 1 });
  }
  hint(): string {
    return t('results.series.hint');
  }
}

/** Row `i` of a chunk, checked. Written for speed (1.6 M rows): no closure or array per row. */
function parquetRow(file: string, columns: unknown[][], i: number): SummaryRow {
  const row = { territory: columns[0]![i], scale: columns[1]![i], arm: columns[2]![i], measure: columns[3]![i], key: columns[4]![i], year: columns[5]![i], mean: columns[6]![i], sd: columns[7]![i], median: columns[8]![i], p025: columns[9]![i], p975: columns[10]![i], mcse: columns[11]![i] };
  const place = new ParquetPlace(file, columns[12]!, i);
  const typed =
    typeof row.territory === 'string' && typeof row.scale === 'string' && typeof row.arm === 'string' && typeof row.measure === 'string' && typeof row.key === 'string' && (row.year === null || typeof row.year === 'number') &&
    typeof row.mean === 'number' && typeof row.sd === 'number' && typeof row.median === 'number' && typeof row.p025 === 'number' && typeof row.p975 === 'number' && typeof row.mcse === 'number';
  if (!typed) throw mistypedColumn(Object.values(row), place);
  return checkedRow(row as SummaryRow, place);
}

/** The error for the first column of a Parquet row that has not the type of the summary's schema. */
function mistypedColumn(values: unknown[], place: Place): ResultsError {
  const c = values.findIndex((value, c) => !(typeof value === (c < TEXT_COLUMNS.length ? 'string' : 'number') || (c === 5 && value === null)));
  const column = CSV_COLUMNS[c]!;
  const value = String(values[c]);
  if (c === 5) return rowError(t('results.row.year', { where: place.at(), value }), place);
  return rowError(c < TEXT_COLUMNS.length ? t('results.row.value', { where: place.at(), column, value, allowed: 'text' }) : t('results.row.number', { where: place.at(), column, value }), place);
}

// ---------------------------------------------------------------------------------------------
// CSV

/** A JavaScript number as `String(x)` writes it (and NaN, ±Infinity). */
const NUMBER = /^(?:-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|NaN|-?Infinity)$/;
const YEAR = /^\d+$/;

function csvRow(fields: string[], delimiter: ',' | ';', place: Place): SummaryRow {
  if (fields.length !== CSV_COLUMNS.length) throw rowError(t('results.csv.fields', { where: place.at(), found: fields.length, expected: CSV_COLUMNS.length }), place);
  const figure = (c: number) => {
    const written = fields[c]!;
    const text = delimiter === ';' ? written.replace(',', '.') : written;
    if (!NUMBER.test(text)) throw rowError(t('results.row.number', { where: place.at(), column: CSV_COLUMNS[c]!, value: written }), place);
    return Number(text);
  };
  const yearText = fields[5]!;
  if (yearText !== '' && !YEAR.test(yearText)) throw rowError(t('results.row.year', { where: place.at(), value: yearText }), place);
  const [mean, sd, median, p025, p975, mcse] = FIGURES.map((_, k) => figure(6 + k)) as [number, number, number, number, number, number];
  const [territory, scale, arm, measure, key] = fields as [string, string, string, string, string];
  return checkedRow({ territory: csvFieldAsWritten(territory), scale, arm, measure, key: csvFieldAsWritten(key), year: yearText === '' ? null : Number(yearText), mean, sd, median, p025, p975, mcse }, place);
}

/** The fields of one CSV record (RFC 4180: quoted fields, `""` for a quote inside), or null when a quote is still open. */
function splitRecord(text: string, delimiter: string): string[] | null {
  if (!text.includes('"')) return text.split(delimiter);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** The delimiter the header line uses, or an error naming the header expected. */
function delimiterOf(header: string, file: string): ',' | ';' {
  for (const delimiter of [',', ';'] as const) if (header.replace(/\r$/, '') === CSV_COLUMNS.join(delimiter)) return delimiter;
  throw new ResultsError(t('results.csv.header', { file, expected: CSV_COLUMNS.join(',') }), t('results.csv.hint'));
}

/** How many `"` a line holds. */
function quotesIn(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count;
}

/**
 * Reads a summary CSV line by line (never whole): a record whose quotes are still open (an odd
 * number of `"` so far) goes on to the next line; a record's number is the line it starts on,
 * the header being line 1.
 */
async function csvRows(file: string, visit: (row: SummaryRow) => void): Promise<void> {
  let delimiter: ',' | ';' | undefined;
  let record = '';
  let recordLine = 0;
  let quotes = 0;
  let line = 0;
  const take = (text: string) => {
    line++;
    if (delimiter === undefined) return void (delimiter = delimiterOf(text, file));
    if (record === '') recordLine = line;
    record = record === '' ? text : `${record}\n${text}`;
    quotes += quotesIn(text);
    if (quotes % 2 === 1) return;
    const fields = splitRecord(record.endsWith('\r') ? record.slice(0, -1) : record, delimiter);
    if (fields === null) return;
    quotes = 0;
    const startLine = recordLine;
    visit(csvRow(fields, delimiter, { at: () => `${file}:${startLine}`, hint: () => t('results.csv.hint') }));
    record = '';
  };
  let rest = '';
  try {
    for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + (piece as string)).split('\n');
      rest = lines.pop()!;
      for (const text of lines) take(text);
    }
  } catch (error) {
    throw typeof (error as NodeJS.ErrnoException).code === 'string' ? unreadable(error, file) : error;
  }
  if (rest !== '') take(rest);
  if (delimiter === undefined) throw new ResultsError(t('results.csv.header', { file, expected: CSV_COLUMNS.join(',') }), t('results.csv.hint'));
  if (record !== '') throw new ResultsError(t('results.csv.unclosed-quote', { where: `${file}:${recordLine}` }), t('results.csv.hint'));
}

// ---------------------------------------------------------------------------------------------
// Blocks

/**
 * Rebuilds summary blocks from rows, the inverse of `summariesCsv` (src/sim/csv.ts): a block per
 * (territory, scale, arm) in the order of their first row; `counts` series hold years 0…horizon,
 * the other measures and `totalCost` years 1…horizon (horizon: the last of `results.years`); a
 * `valuation` / `valuation-discounted` row is the undiscounted / discounted total of its line.
 */
export class SummaryBlockBuilder {
  private readonly blocks = new Map<string, SummaryBlock>();
  private readonly horizon: number;
  private last: SummaryBlock | undefined;

  constructor(results: Pick<Results, 'years'>) {
    this.horizon = Math.max(...results.years);
  }

  add(row: SummaryRow): void {
    if (!ROW_MEASURES.includes(row.measure)) throw new ResultsError(t('results.row.value', { where: seriesName(row), column: 'measure', value: row.measure, allowed: ROW_MEASURES.join(', ') }), t('results.series.hint'));
    // A block's rows come together: the last block is almost always the one.
    const last = this.last;
    let block = last && last.territory === row.territory && last.scale === row.scale && last.arm === row.arm ? last : this.blocks.get(`${row.territory}\u0000${row.scale}\u0000${row.arm}`);
    if (!block) {
      const id = `${row.territory}\u0000${row.scale}\u0000${row.arm}`;
      const measures = Object.fromEntries(MEASURES.map((m) => [m, emptyRecord<Series>()])) as Record<Measure, Record<string, Series>>;
      this.blocks.set(id, (block = { territory: row.territory, scale: row.scale, arm: row.arm, measures, totalCost: [], economics: emptyRecord() }));
    }
    this.last = block;
    const summary: Summary = { mean: row.mean, sd: row.sd, median: row.median, p025: row.p025, p975: row.p975, mcse: row.mcse };
    if (isValuation(row.measure)) {
      const totals = (block.economics[row.key] ??= {} as SummaryBlock['economics'][string]);
      if (totals[VALUATION[row.measure]]) throw seriesError('results.series.repeated', row, t('results.series.valuation'));
      totals[VALUATION[row.measure]] = summary;
      return;
    }
    const series = row.measure === 'totalCost' ? block.totalCost : (block.measures[row.measure as Measure][row.key] ??= []);
    const first = row.measure === 'counts' ? 0 : 1;
    const year = row.year!;
    if (year < first || year > this.horizon) throw new ResultsError(t('results.series.year-outside', { series: seriesName(row), year, first, last: this.horizon }), t('results.series.hint'));
    if (series[year - first]) throw seriesError('results.series.repeated', row, String(year));
    series[year - first] = summary;
  }

  /** The blocks, after checking that every series has all its years and every valuation line both totals. */
  build(): SummaryBlock[] {
    for (const block of this.blocks.values()) {
      const row = (measure: string, key: string) => ({ territory: block.territory, scale: block.scale, arm: block.arm, measure, key });
      for (const [measure, byKey] of Object.entries(block.measures)) {
        for (const [key, series] of Object.entries(byKey)) this.checkComplete(series, measure === 'counts' ? 0 : 1, row(measure, key));
      }
      if (block.totalCost.length > 0) this.checkComplete(block.totalCost, 1, row('totalCost', 'total'));
      for (const [line, totals] of Object.entries(block.economics)) {
        if (!totals.undiscounted) throw seriesError('results.series.missing', row('valuation', line), t('results.series.valuation'));
        if (!totals.discounted) throw seriesError('results.series.missing', row('valuation-discounted', line), t('results.series.valuation'));
      }
    }
    return [...this.blocks.values()];
  }

  private checkComplete(series: Series, first: number, row: Pick<SummaryRow, 'territory' | 'scale' | 'arm' | 'measure' | 'key'>): void {
    for (let year = first; year <= this.horizon; year++) if (!series[year - first]) throw seriesError('results.series.missing', row, String(year));
  }
}

function seriesName(row: Pick<SummaryRow, 'territory' | 'scale' | 'arm' | 'measure' | 'key'>): string {
  return [row.territory, row.scale, row.arm, row.measure, row.key].join(' / ');
}

function seriesError(id: 'results.series.repeated' | 'results.series.missing', row: Pick<SummaryRow, 'territory' | 'scale' | 'arm' | 'measure' | 'key'>, year: string): ResultsError {
  return new ResultsError(t(id, { series: seriesName(row), year }), t('results.series.hint'));
}

/** The summary blocks that `rows` flatten (see `SummaryBlockBuilder`). */
export function blocksFromRows(rows: Iterable<SummaryRow>, results: Pick<Results, 'years'>): SummaryBlock[] {
  const builder = new SummaryBlockBuilder(results);
  for (const row of rows) builder.add(row);
  return builder.build();
}

// ---------------------------------------------------------------------------------------------
// The results folder

async function readResultsJson(file: string): Promise<Results> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(error, file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ResultsError(t('results.json.not-json', { file, detail: (error as Error).message }), t('results.json.hint'));
  }
  const parsed = ResultsSchema.safeParse(json, currentLanguage() === 'fr' ? { error: z.locales.fr().localeError } : undefined);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ResultsError(t('results.json.not-results', { file, path: issue.path.join('.') || '/', problem: issue.message }), t('results.json.hint'));
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

/**
 * The results of the folder `dir` as one `Results`: `results.json`, with `summaries` completed from
 * `summary.parquet` (else `summary.csv`; neither: results.json as it is). The blocks come in the
 * summary file's order; a block that results.json holds too (the `ensemble` ones) is taken from
 * results.json; blocks only in results.json follow.
 */
export async function readResults(dir: string): Promise<Results> {
  return withTerritorySummaries(await readResultsJson(path.join(dir, 'results.json')), dir);
}

/**
 * The results with the territories' blocks read from `dir`'s summary.parquet, or summary.csv when
 * there is no Parquet file (neither: the results as they are), in the file's order; a block the
 * results already hold (the ensemble's) is kept from them.
 */
export async function withTerritorySummaries(results: Results, dir: string, filter: SummaryFilter = {}): Promise<Results> {
  const parquet = path.join(dir, 'summary.parquet');
  const csv = path.join(dir, 'summary.csv');
  const file = (await exists(parquet)) ? parquet : (await exists(csv)) ? csv : undefined;
  if (!file) return results;
  const builder = new SummaryBlockBuilder(results);
  await forEachSummaryRow(file, filter, (row) => builder.add(row));
  const id = (b: Pick<SummaryBlock, 'territory' | 'scale' | 'arm'>) => `${b.territory}\u0000${b.scale}\u0000${b.arm}`;
  const inJson = new Map(results.summaries.map((b) => [id(b), b]));
  const fromFile = builder.build().map((b) => inJson.get(id(b)) ?? b);
  const seen = new Set(fromFile.map(id));
  return { ...results, summaries: [...fromFile, ...results.summaries.filter((b) => !seen.has(id(b)))] };
}
