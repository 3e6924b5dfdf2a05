/**
 * `logi stratify` on DuckDB (docs/stratify.md, "Outputs"): loads the data (load.ts), runs the
 * compiled query (sql.ts) into the table `assignments`, counts each territory's pyramid, and
 * writes the output set: counts.csv, assignments.parquet (and .csv on demand), and one Territory
 * document per territory of the data with the counts, for `logi simulate`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { Document, type Document as YamlDocument } from 'yaml';
import { t } from '../i18n/catalogue.js';
import { ID_PATTERN } from '../language/schemas/common.js';
import type { OutputSet } from '../io/output-set.js';
import { escapeCsvField } from '../text/escape.js';
import { datasetSha256, latestDate, loadTables, StratifyInputError, TERRITORY_ROWS, type Delimiter, type InputFile } from './load.js';
import { compileStratifySql, OUTSIDE, type StratifyPlan } from './sql.js';
import type { TableName } from './tables.js';

export interface StratifyInput {
  dir: string;
  delimiter: Delimiter;
  territoryColumn?: string;
  /** The reference date; by default the latest date of the data read. */
  asOf?: string;
  plan: StratifyPlan;
  tables: readonly TableName[];
  /** Counts only (docs/stratify.md, "Counts only"): no table of assignments, a leaner query without reasons. */
  countsOnly?: boolean;
}

export interface TerritoryCounts {
  territory: string;
  /** Patients per stratum, every stratum of the pyramid present (0 when none). */
  counts: Record<string, number>;
  outside: number;
  /** Every patient of the territory in the data, outside included. */
  patients: number;
  /** A row of the patients file where the territory appears (the first), for messages. */
  firstRow: number;
}

export interface StratifyOutcome {
  asOf: string;
  files: InputFile[];
  sha256: string;
  territories: TerritoryCounts[];
  patients: number;
}

export type StratifyPhase = 'loading' | 'assigning';

/** Loads the data, assigns every patient (table `assignments`), and counts each territory's pyramid. */
export async function runStratify(connection: DuckDBConnection, input: StratifyInput, onProgress?: (phase: StratifyPhase, done: number, total: number) => void): Promise<StratifyOutcome> {
  const files = await loadTables(connection, { dir: input.dir, tables: input.tables, delimiter: input.delimiter, ...(input.territoryColumn ? { territoryColumn: input.territoryColumn } : {}) }, (done, total) =>
    onProgress?.('loading', done, total),
  );
  const asOf = input.asOf ?? (await latestDate(connection, files));
  if (asOf === undefined) throw new StratifyInputError(t('stratify.no-dates'), t('stratify.no-dates.hint'));
  onProgress?.('assigning', 0, 1);
  let assigned = 'assignments';
  if (input.countsOnly) assigned = `(${compileStratifySql(input.plan, { asOf, dialect: 'duckdb', reasons: false })}) q`;
  else await connection.run(`CREATE TABLE assignments AS ${compileStratifySql(input.plan, { asOf, dialect: 'duckdb' })}`);
  const territories = await countTerritories(connection, input.plan, assigned);
  onProgress?.('assigning', 1, 1);
  const patients = territories.reduce((sum, c) => sum + c.patients, 0);
  return { asOf, files, sha256: await datasetSha256(files), territories, patients };
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The counts per territory and stratum of the relation `assigned` (a table, or a subquery with its alias). */
async function countTerritories(connection: DuckDBConnection, plan: StratifyPlan, assigned: string): Promise<TerritoryCounts[]> {
  const rows = (await connection.runAndReadAll(`SELECT territory, stratum, CAST(count(*) AS INTEGER) FROM ${assigned} GROUP BY territory, stratum`)).getRowsJS();
  const firstRows = (await connection.runAndReadAll(`SELECT territory, CAST(row AS INTEGER) FROM ${TERRITORY_ROWS}`)).getRowsJS();
  const first = new Map(firstRows.map((r) => [String(r[0]), Number(r[1])]));
  const byTerritory = new Map<string, TerritoryCounts>();
  for (const [territory, stratum, count] of rows.map((r) => [String(r[0]), String(r[1]), Number(r[2])] as const)) {
    let entry = byTerritory.get(territory);
    if (!entry) {
      entry = { territory, counts: Object.fromEntries(plan.strata.map((s) => [s, 0])), outside: 0, patients: 0, firstRow: first.get(territory) ?? 0 };
      byTerritory.set(territory, entry);
    }
    if (stratum === OUTSIDE) entry.outside += count;
    else entry.counts[stratum] = (entry.counts[stratum] ?? 0) + count;
    entry.patients += count;
  }
  return [...byTerritory.values()].sort((a, b) => byCodePoint(a.territory, b.territory));
}

/** counts.csv: `territory,stratum,count`, territories by code point, strata in pyramid order then `outside`. */
export function countsCsv(outcome: StratifyOutcome, plan: StratifyPlan, delimiter: Delimiter): string {
  const lines = [['territory', 'stratum', 'count'].join(delimiter)];
  for (const entry of outcome.territories) {
    const field = escapeCsvField(entry.territory, delimiter);
    for (const stratum of plan.strata) lines.push([field, escapeCsvField(stratum, delimiter), String(entry.counts[stratum] ?? 0)].join(delimiter));
    lines.push([field, OUTSIDE, String(entry.outside)].join(delimiter));
  }
  return `${lines.join('\n')}\n`;
}

export interface TerritoryDocumentsOptions {
  pyramid: string;
  /** The workspace's Territory documents by id (their parsed YAML, comments kept). */
  known: ReadonlyMap<string, YamlDocument>;
}

/** A territory id that cannot name a Territory document: the error names the row where it first appears. */
function refuseTerritoryId(outcome: StratifyOutcome, entry: TerritoryCounts): never {
  const patients = outcome.files.find((f) => f.table === 'patients');
  // A user counts a CSV's rows with the header as row 1.
  const row = patients?.format === 'csv' ? entry.firstRow + 1 : entry.firstRow;
  throw new StratifyInputError(t('stratify.bad-territory-id', { file: patients?.path ?? 'patients', row, value: entry.territory }), t('stratify.bad-territory-id.hint'));
}

/** The source entry the counts cite: the dataset's SHA-256 and the as-of date. */
export const STRATIFY_SOURCE_ID = 'logi-stratify';

/**
 * One Territory document per territory of the data (docs/stratify.md, "Territory documents"): the
 * workspace's document when it knows the territory, with `pyramids.<pyramid>` replaced (counts,
 * source, note; its multipliers kept) and the source added; else a new document whose population
 * is the number of patients in the data. Returns file name → YAML text.
 */
export function territoryDocuments(outcome: StratifyOutcome, options: TerritoryDocumentsOptions): Map<string, string> {
  const out = new Map<string, string>();
  const source = { title: t('stratify.source-title', { pyramid: options.pyramid, asOf: outcome.asOf, sha: outcome.sha256 }), type: 'dataset', note: `as-of ${outcome.asOf}; sha256 ${outcome.sha256}` };
  for (const entry of outcome.territories) {
    if (!ID_PATTERN.test(entry.territory)) refuseTerritoryId(outcome, entry);
    const known = options.known.get(entry.territory);
    const document = known ? known.clone() : new Document({ kind: 'Territory', version: 1, id: entry.territory, title: t('stratify.territory-title', { id: entry.territory }), population: Math.max(1, entry.patients), pyramids: {} });
    const population = t(known ? 'stratify.population.workspace' : 'stratify.population.patients');
    const previous = document.getIn(['pyramids', options.pyramid, 'multipliers']);
    const pyramid = {
      counts: entry.counts,
      source: STRATIFY_SOURCE_ID,
      note: t('stratify.counts-note', { patients: entry.patients, outside: entry.outside, population }),
      ...(previous !== undefined ? { multipliers: previous } : {}),
    };
    document.setIn(['pyramids', options.pyramid], document.createNode(pyramid));
    document.setIn(['sources', STRATIFY_SOURCE_ID], document.createNode(source));
    out.set(`territories/${entry.territory}.yaml`, document.toString({ lineWidth: 0 }));
  }
  return out;
}

export interface WriteOptions extends TerritoryDocumentsOptions {
  plan: StratifyPlan;
  delimiter: Delimiter;
  assignmentsCsv: boolean;
  /** Counts only: no assignments to write (the run made none). */
  countsOnly?: boolean;
}

/** Writes the output set (not committed: the caller commits). Returns the files' final paths. */
export async function writeStratifyOutputs(connection: DuckDBConnection, set: OutputSet, outcome: StratifyOutcome, options: WriteOptions): Promise<string[]> {
  const files = [await set.write('counts.csv', countsCsv(outcome, options.plan, options.delimiter))];
  if (!options.countsOnly) files.push(...(await writeAssignments(connection, set, options)));
  for (const [name, text] of territoryDocuments(outcome, options)) files.push(await set.write(name, text));
  return files;
}

/** assignments.parquet, and assignments.csv on demand, from the table `assignments`. */
async function writeAssignments(connection: DuckDBConnection, set: OutputSet, options: WriteOptions): Promise<string[]> {
  const ordered = 'SELECT patient_id, territory, stratum, reason FROM assignments ORDER BY patient_id';
  const parquet = await set.stagedPath('assignments.parquet');
  await connection.run(`COPY (${ordered}) TO $file (FORMAT parquet, COMPRESSION zstd)`, { file: parquet });
  const files = [set.finalPath('assignments.parquet')];
  if (options.assignmentsCsv) {
    const csv = await set.stagedPath('assignments.csv');
    await connection.run(`COPY (${ordered}) TO $file (FORMAT csv, HEADER true, DELIMITER '${options.delimiter}')`, { file: csv });
    files.push(set.finalPath('assignments.csv'));
  }
  return files;
}
