/**
 * Loading the input data of `logi stratify` into DuckDB (docs/stratify.md, "Input data"): each
 * table's file is read raw (with its row number), checked by SQL — one scan per file finds the
 * first bad row and which columns need normalising, never by reading rows in JS — and then
 * normalised into the relations the SQL compiler reads (tables.ts): codes upper case without dots
 * or spaces, dates as DATE. A CSV file is copied into a table (read once, parsed once); a Parquet
 * file stays where it is, read through views, so that millions of rows cost no memory until the
 * query reads them. A column whose values are all normal already is read as it is. A table the
 * run does not read is created empty.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { t } from '../i18n/catalogue.js';
import { UsageError } from '../language/workspace.js';
import { INPUT_TABLES, LABS_VALUE_TEXT, NORMALISED_TYPES, TABLE_NAMES, tableIsOptional, type ColumnSpec, type TableName } from './tables.js';

export class StratifyInputError extends UsageError {
  constructor(message: string, hint: string) {
    super(message, hint);
    this.name = 'StratifyInputError';
  }
}

export type Delimiter = ',' | ';';

export interface LoadOptions {
  /** The data folder. */
  dir: string;
  /** The tables the run reads: a missing file is an error (acts aside). The others are created empty. */
  tables: readonly TableName[];
  delimiter: Delimiter;
  /** The column of the patients file that holds the territory (default `territory`). */
  territoryColumn?: string;
}

export interface InputFile {
  table: TableName;
  /** The path as found in the data folder. */
  path: string;
  format: 'csv' | 'parquet';
}

const TRUE_WORDS = ['true', '1', 'yes', 'oui'];
const BOOLEAN_WORDS = [...TRUE_WORDS, 'false', '0', 'no', 'non'];

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const list = (words: readonly string[]): string => words.map(sqlText).join(', ');

/** The file of `table` in `dir`, CSV or Parquet; undefined when neither is there. */
async function findFile(dir: string, table: TableName): Promise<InputFile | undefined> {
  const candidates = (['csv', 'parquet'] as const).map((format) => ({ table, format, path: path.join(dir, `${table}.${format}`) }));
  const present = [];
  for (const candidate of candidates) {
    const stat = await fs.stat(candidate.path).catch(() => undefined);
    if (stat?.isFile()) present.push(candidate);
  }
  if (present.length === 2) throw new StratifyInputError(t('stratify.two-files', { csv: present[0]!.path, parquet: present[1]!.path }), t('stratify.two-files.hint'));
  return present[0];
}

/**
 * The raw relation `raw_<table>` of a file: its row number `logi_row` (1 for the first data row)
 * and its columns as read. A CSV file is copied into a table (its rowid is the insertion order);
 * a Parquet file is a view, its row number Parquet's own `file_row_number`.
 */
async function readRaw(connection: DuckDBConnection, file: InputFile, delimiter: Delimiter): Promise<Map<string, string>> {
  const raw = `raw_${file.table}`;
  try {
    if (file.format === 'csv') {
      // DuckDB's parallel reader keeps the file's order when insertion order is preserved (its
      // default, never changed here), so that rowid is the row in the file.
      const reader = `read_csv($file, delim = ${sqlText(delimiter)}, header = true, all_varchar = true, quote = '"', escape = '"')`;
      await connection.run(`CREATE TEMP TABLE ${raw}_data AS SELECT * FROM ${reader}`, { file: file.path });
      // rowid is the insertion order (0 first): the row number without a window over the whole file.
      await connection.run(`CREATE TEMP VIEW ${raw} AS SELECT rowid + 1 AS logi_row, * FROM ${raw}_data`);
    } else {
      // A view cannot hold a parameter: the path is a literal.
      await connection.run(`CREATE TEMP VIEW ${raw} AS SELECT file_row_number + 1 AS logi_row, * EXCLUDE (file_row_number) FROM read_parquet(${sqlText(file.path)}, file_row_number = true)`);
    }
  } catch (error) {
    throw new StratifyInputError(t('stratify.unreadable', { file: file.path, detail: (error as Error).message.split('\n')[0] ?? '' }), t('stratify.unreadable.hint'));
  }
  const columns = (await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE ${raw})`)).getRowsJS().map((r) => [String(r[0]), String(r[1])] as const);
  return new Map(columns.filter(([name]) => name !== 'logi_row'));
}

/** The trimmed text of a raw column. */
const textOf = (column: string): string => `trim(CAST(${quote(column)} AS VARCHAR))`;

/** The SQL condition that a raw value is bad, by the column's type (NULL and '' are checked apart). */
function badValue(spec: ColumnSpec, v: string, decimalComma: boolean): string | undefined {
  const number = decimalComma ? `replace(${v}, ',', '.')` : v;
  switch (spec.type) {
    case 'date':
      return `NOT (regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND TRY_CAST(${v} AS DATE) IS NOT NULL)`;
    case 'double':
      return `coalesce(NOT isfinite(TRY_CAST(${number} AS DOUBLE)), TRUE)`;
    case 'boolean':
      return `lower(${v}) NOT IN (${list(BOOLEAN_WORDS)})`;
    case 'sex':
      return `upper(${v}) NOT IN ('F', 'M')`;
    default:
      return undefined;
  }
}

/** A column of the schema found in the file; `typed` when a Parquet column has the type already (docs/stratify.md, "Reading the files"). */
interface CheckedColumn {
  spec: ColumnSpec;
  source: string;
  typed: boolean;
  /** The column's type in the file (VARCHAR for every column of a CSV file). */
  rawType: string;
}

const TYPED_KINDS: ReadonlySet<ColumnSpec['type']> = new Set(['date', 'double', 'boolean']);

/**
 * Whether a column can be read as it is: a Parquet DATE, DOUBLE or BOOLEAN column for a column of
 * that type. Its values need no parsing, only the checks of typedChecks; the text path (every
 * value read as text, then parsed) is several times slower on millions of rows.
 */
function isTyped(file: InputFile, spec: ColumnSpec, rawType: string | undefined): boolean {
  return file.format === 'parquet' && TYPED_KINDS.has(spec.type) && rawType === NORMALISED_TYPES[spec.type];
}

/** One check of a column: the condition of a bad row and the value shown for it. */
interface Check {
  column: string;
  kind: keyof typeof BAD_MESSAGES;
  bad: string;
  value: string;
}

/** The checks of a typed column: empty when required, and for numbers a finite value. */
function typedChecks(spec: ColumnSpec, source: string): Check[] {
  const column = quote(source);
  const value = `coalesce(CAST(${column} AS VARCHAR), '')`;
  const checks: Check[] = spec.required ? [{ column: source, kind: 'empty', bad: `${column} IS NULL`, value }] : [];
  if (spec.type === 'double') checks.push({ column: source, kind: 'double', bad: `${column} IS NOT NULL AND NOT isfinite(${column})`, value });
  return checks;
}

/** The trimmed text of a raw column as an SQL expression: textOf, or a column holding it already (scanFile). */
type TextOf = (column: string) => string;

/** The checks of one table's columns (the duplicate patient ids apart: see duplicateQuery). */
function checks(file: InputFile, specs: readonly CheckedColumn[], delimiter: Delimiter, text: TextOf = textOf): Check[] {
  const found: Check[] = [];
  for (const { spec, source, typed } of specs) {
    if (typed) {
      found.push(...typedChecks(spec, source));
      continue;
    }
    const v = text(source);
    const value = `coalesce(${v}, '')`;
    if (spec.required) found.push({ column: source, kind: 'empty', bad: `${value} = ''`, value });
    // A decimal comma only in a CSV read with --delimiter ';' (a French spreadsheet's export).
    const bad = badValue(spec, v, delimiter === ';' && file.format === 'csv');
    if (bad) found.push({ column: source, kind: spec.type as Check['kind'], bad: `${value} <> '' AND ${bad}`, value });
  }
  return found;
}

/** Whether some patient id is on two rows: a grouping, cheaper than the window that finds the first (10 M patients: 2.7 s against 11.7 s). */
async function hasDuplicateIds(connection: DuckDBConnection, raw: string): Promise<boolean> {
  const id = textOf('patient_id');
  return (await connection.runAndReadAll(`SELECT 1 FROM ${raw} GROUP BY ${id} HAVING count(*) > 1 LIMIT 1`)).getRowsJS().length > 0;
}

/** The first row of the patients file whose id appeared on an earlier row. */
function duplicateQuery(raw: string): string {
  const id = textOf('patient_id');
  return `SELECT logi_row, 'patient_id' AS col, ${id} AS val, 'duplicate' AS kind FROM (SELECT logi_row, patient_id, row_number() OVER (PARTITION BY ${id} ORDER BY logi_row) AS k FROM ${raw}) d WHERE k = 2 ORDER BY logi_row LIMIT 1`;
}

const BAD_MESSAGES = {
  empty: ['stratify.bad.empty', 'stratify.bad.empty.hint'],
  date: ['stratify.bad.date', 'stratify.bad.date.hint'],
  double: ['stratify.bad.double', 'stratify.bad.double.hint'],
  boolean: ['stratify.bad.boolean', 'stratify.bad.boolean.hint'],
  sex: ['stratify.bad.sex', 'stratify.bad.sex.hint'],
  duplicate: ['stratify.duplicate-patient', 'stratify.duplicate-patient.hint'],
} as const;

type BadCell = { row: number; column: string; value: string; kind: keyof typeof BAD_MESSAGES };

/** What one scan of a file tells: its first bad cell, and the columns whose values are all normal already. */
interface FileScan {
  first: BadCell | undefined;
  /** Source columns read as they are: normalising them would change no value. */
  normal: Set<string>;
}

/** A text column (text, code, sex) of type VARCHAR in the file: read as it is when normalising changes no value. */
const mayBeNormal = (c: CheckedColumn): boolean => !c.typed && c.rawType === 'VARCHAR' && ['text', 'code', 'sex'].includes(c.spec.type);

/**
 * A condition under which a raw value is surely normal already, cheaper than normalising it: a
 * code of upper-case letters and digits only; a sex F or M; a lab test id in lower case, digits and
 * `.`, `_`, `-`; other text printable ASCII without spaces (which trimming cannot change).
 */
function surelyNormal(c: CheckedColumn, file: InputFile): string {
  const x = quote(c.source);
  if (c.spec.type === 'code') return `regexp_full_match(${x}, '[A-Z0-9]+')`;
  if (c.spec.type === 'sex') return `${x} IN ('F', 'M')`;
  if (file.table === 'labs' && c.spec.name === 'test') return `regexp_full_match(${x}, '[a-z0-9._-]+')`;
  return `regexp_full_match(${x}, '[!-~]+')`;
}

/** Whether normalising the value of a candidate column changes it: checked exactly unless surely normal. */
function changedByNormalising(c: CheckedColumn, file: InputFile, delimiter: Delimiter, text: TextOf): string {
  // CASE evaluates the exact check only on the rows the cheap one leaves open.
  return `CASE WHEN ${surelyNormal(c, file)} THEN FALSE ELSE ${quote(c.source)} IS DISTINCT FROM ${normalisedValue(c, file, delimiter, text)} END`;
}

/** The checks that fail on row `row` of the file, one bad cell per check. */
async function badCellsOfRow(connection: DuckDBConnection, relation: string, all: readonly Check[], row: number): Promise<BadCell[]> {
  const flags = all.map((c, i) => `(${c.bad}) AS bad${i}, ${c.value} AS value${i}`);
  const found = (await connection.runAndReadAll(`SELECT ${flags.join(', ')} FROM ${relation} WHERE logi_row = ${row}`)).getRowsJS()[0];
  const cells: BadCell[] = [];
  if (found) all.forEach((c, i) => found[2 * i] === true && cells.push({ row, column: c.column, value: String(found[2 * i + 1]), kind: c.kind }));
  return cells;
}

/**
 * One scan of the file: the lowest row failing any check, and for each text column whether
 * normalising it would change a value. Each text column is trimmed once, in a projection the
 * checks read (DuckDB would trim it again in every expression that names it). The checks of the
 * lowest bad row are then read on it alone; the first bad cell is the check of the column first by
 * code point. The duplicate ids are a second query.
 */
async function scanFile(connection: DuckDBConnection, file: InputFile, specs: readonly CheckedColumn[], delimiter: Delimiter): Promise<FileScan> {
  const raw = `raw_${file.table}`;
  const texts = specs.filter((c) => !c.typed);
  const trimmed = (source: string): string => quote(`logi_text_${texts.findIndex((c) => c.source === source)}`);
  const relation = `(SELECT *, ${[...texts.map((c) => `${textOf(c.source)} AS ${trimmed(c.source)}`), 'NULL AS logi_none'].join(', ')} FROM ${raw}) r`;
  const all = checks(file, specs, delimiter, trimmed);
  const candidates = specs.filter(mayBeNormal);
  // Every table has a required column (patient_id), so there is always a check.
  const firstBad = `min(logi_row) FILTER (WHERE ${all.map((c) => `(${c.bad})`).join(' OR ')})`;
  const changes = candidates.map((c) => `bool_or(${changedByNormalising(c, file, delimiter, trimmed)})`);
  const summary = (await connection.runAndReadAll(`SELECT ${[firstBad, ...changes].join(', ')} FROM ${relation}`)).getRowsJS()[0] ?? [];
  const normal = new Set(candidates.filter((_, i) => summary[1 + i] !== true).map((c) => c.source));
  const cells = summary[0] === null ? [] : await badCellsOfRow(connection, relation, all, Number(summary[0]));
  if (file.table === 'patients' && (await hasDuplicateIds(connection, raw))) {
    const duplicate = (await connection.runAndReadAll(duplicateQuery(raw))).getRowsJS()[0];
    if (duplicate) cells.push({ row: Number(duplicate[0]), column: String(duplicate[1]), value: String(duplicate[2]), kind: 'duplicate' });
  }
  return { first: cells.sort((a, b) => a.row - b.row || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0))[0], normal };
}

/** Throws on the first bad row of the file (the lowest row number over every check); returns the columns already normal. */
async function validate(connection: DuckDBConnection, file: InputFile, specs: readonly CheckedColumn[], delimiter: Delimiter): Promise<Set<string>> {
  const { first, normal } = await scanFile(connection, file, specs, delimiter);
  if (!first) return normal;
  // A user counts a CSV's rows with the header as row 1; a Parquet file has no header row.
  const cell = { file: file.path, row: file.format === 'csv' ? first.row + 1 : first.row, column: first.column, value: first.value };
  const [message, hint] = BAD_MESSAGES[first.kind];
  throw new StratifyInputError(t(message, cell), t(hint));
}

/** The normalised value of a checked raw column, by type (an SQL expression). */
function normalisedValue({ spec, source, typed }: { spec: ColumnSpec; source: string; typed: boolean }, file: InputFile, delimiter: Delimiter, text: TextOf = textOf): string {
  if (typed) return spec.type === 'boolean' ? `coalesce(${quote(source)}, FALSE)` : quote(source);
  const v = `NULLIF(${text(source)}, '')`;
  switch (spec.type) {
    case 'code':
      return `upper(regexp_replace(${v}, '[.\\s]', '', 'g'))`;
    case 'sex':
      return `upper(${v})`;
    case 'date':
      return `CAST(${v} AS DATE)`;
    case 'double':
      return `CAST(${delimiter === ';' && file.format === 'csv' ? `replace(${v}, ',', '.')` : v} AS DOUBLE)`;
    case 'boolean':
      return `coalesce(lower(${v}) IN (${list(TRUE_WORDS)}), FALSE)`;
    default:
      return file.table === 'labs' && spec.name === 'test' ? `lower(${v})` : v;
  }
}

/** A column of the normalised relation (an SQL expression): absent, read as it is (already normal), or normalised. */
function normalised(column: { spec: ColumnSpec; source: string | undefined; typed: boolean }, file: InputFile, delimiter: Delimiter, normal: ReadonlySet<string>): string {
  const { spec, source } = column;
  if (source === undefined) return spec.type === 'boolean' ? 'FALSE' : `CAST(NULL AS ${NORMALISED_TYPES[spec.type]})`;
  if (normal.has(source)) return quote(source);
  return normalisedValue({ ...column, source }, file, delimiter);
}

/**
 * The lab value as written: a CSV's text; a Parquet number in its shortest form, without the `.0`
 * DuckDB gives a whole DOUBLE (45, as JavaScript and the reference evaluator print it).
 */
async function valueText(connection: DuckDBConnection, file: InputFile): Promise<string> {
  const type = (await connection.runAndReadAll(`SELECT column_type FROM (DESCRIBE raw_${file.table}) WHERE column_name = 'value'`)).getRowsJS()[0]?.[0];
  return type === 'VARCHAR' ? textOf('value') : `regexp_replace(${textOf('value')}, '\\.0$', '')`;
}

function emptyTable(table: TableName): string {
  const columns = INPUT_TABLES[table].map((c) => `${c.name} ${NORMALISED_TYPES[c.type]}`);
  if (table === 'labs') columns.push(`${LABS_VALUE_TEXT} VARCHAR`);
  return `CREATE TABLE ${table} (${columns.join(', ')})`;
}

/** Reads, checks and normalises one table's file. */
async function loadFile(connection: DuckDBConnection, file: InputFile, options: LoadOptions): Promise<void> {
  const present = await readRaw(connection, file, options.delimiter);
  const specs = INPUT_TABLES[file.table].map((spec) => {
    const source = file.table === 'patients' && spec.name === 'territory' ? (options.territoryColumn ?? 'territory') : spec.name;
    const rawType = present.get(source);
    return { spec, source: rawType === undefined ? undefined : source, typed: isTyped(file, spec, rawType), rawType: rawType ?? '' };
  });
  const missing = specs.find((s) => s.spec.required && s.source === undefined);
  if (missing) {
    const column = file.table === 'patients' && missing.spec.name === 'territory' ? (options.territoryColumn ?? 'territory') : missing.spec.name;
    throw new StratifyInputError(t('stratify.missing-column', { file: file.path, column, found: [...present.keys()].join(', ') }), t('stratify.missing-column.hint'));
  }
  const checked = specs.filter((s): s is CheckedColumn => s.source !== undefined);
  const normal = await validate(connection, file, checked, options.delimiter);
  const columns = specs.map((s) => `${normalised(s, file, options.delimiter, normal)} AS ${s.spec.name}`);
  if (file.table === 'labs') columns.push(`${await valueText(connection, file)} AS ${LABS_VALUE_TEXT}`);
  if (file.table === 'patients') {
    // Each territory's first row, that messages name (run.ts): a grouping of one column.
    const territory = normalised(specs.find((s) => s.spec.name === 'territory')!, file, options.delimiter, normal);
    await connection.run(`CREATE TEMP TABLE ${TERRITORY_ROWS} AS SELECT ${territory} AS territory, min(logi_row) AS row FROM raw_patients GROUP BY 1`);
  }
  if (file.format === 'parquet') {
    await connection.run(`CREATE TEMP VIEW ${file.table} AS SELECT ${columns.join(', ')} FROM raw_${file.table}`);
    return;
  }
  // A scan keeps the insertion order: the normalised rows are in the file's order, without a sort.
  await connection.run(`CREATE TABLE ${file.table} AS SELECT ${columns.join(', ')} FROM raw_${file.table}`);
  await connection.run(`DROP VIEW raw_${file.table}`);
  await connection.run(`DROP TABLE raw_${file.table}_data`);
}

/** The table of each territory's first row in the patients file (`territory`, `row`: 1 for the first data row). */
export const TERRITORY_ROWS = 'logi_territory_rows';

/**
 * Creates the six normalised tables in `connection` from the files of `options.dir`: the tables in
 * `options.tables` from their file (an error names a missing one, `acts` aside), the others empty.
 * Returns the files read, in TABLE_NAMES' order.
 */
export async function loadTables(connection: DuckDBConnection, options: LoadOptions, onTable?: (done: number, total: number) => void): Promise<InputFile[]> {
  const stat = await fs.stat(options.dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new StratifyInputError(t('stratify.no-data-folder', { dir: options.dir }), t('stratify.no-data-folder.hint'));
  const read: InputFile[] = [];
  for (const [index, table] of TABLE_NAMES.entries()) {
    const file = options.tables.includes(table) ? await findFile(options.dir, table) : undefined;
    if (file) {
      await loadFile(connection, file, options);
      read.push(file);
    } else if (options.tables.includes(table) && !tableIsOptional(table)) {
      throw new StratifyInputError(t('stratify.missing-table', { table, dir: options.dir }), t('stratify.missing-table.hint', { table }));
    } else {
      await connection.run(emptyTable(table));
    }
    onTable?.(index + 1, TABLE_NAMES.length);
  }
  return read;
}

/** The dated columns of each table, for the default as-of date. */
const DATED_COLUMNS: Readonly<Record<TableName, readonly string[]>> = Object.fromEntries(
  TABLE_NAMES.map((table) => [table, INPUT_TABLES[table].filter((c) => c.type === 'date').map((c) => c.name)]),
) as Record<TableName, string[]>;

/** The latest date in the dated columns of the tables read (docs/stratify.md: the default as-of date). */
export async function latestDate(connection: DuckDBConnection, files: readonly InputFile[]): Promise<string | undefined> {
  const parts = files.flatMap((f) => DATED_COLUMNS[f.table].map((c) => `SELECT max(${c}) AS d FROM ${f.table}`));
  if (parts.length === 0) return undefined;
  const rows = (await connection.runAndReadAll(`SELECT CAST(max(d) AS VARCHAR) FROM (${parts.join(' UNION ALL ')})`)).getRowsJS();
  const value = rows[0]?.[0];
  return value === null || value === undefined ? undefined : String(value);
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The dataset's SHA-256: of the text `<SHA-256 of its bytes>  <file name>\n` for each file read, in
 * TABLE_NAMES' order (patients, diagnoses, dispensations, labs, stays, acts) — `sha256sum`'s lines.
 */
export async function datasetSha256(files: readonly InputFile[]): Promise<string> {
  const lines: string[] = [];
  for (const file of files) lines.push(`${await fileSha256(file.path)}  ${path.basename(file.path)}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}
