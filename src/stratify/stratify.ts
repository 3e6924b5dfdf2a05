/**
 * What `logi stratify` does, without oclif (src/commands/stratify.ts is its thin shell): find the
 * pyramid in the workspace, turn its criteria into a plan, then either print the SQL of a dialect
 * (`--emit-sql`) or run on DuckDB and write the output set (docs/stratify.md, "logi stratify").
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Document as YamlDocument } from 'yaml';
import { isIsoDate } from '../criteria/dates.js';
import { assignmentOrder, pyramidCriteria } from '../criteria/parse.js';
import { t } from '../i18n/catalogue.js';
import { OutputSet } from '../io/output-set.js';
import type { Workspace } from '../language/workspace.js';
import { lint } from '../lint/engine.js';
import { withDuckDb } from '../results/parquet.js';
import { InvalidInputError } from '../sim/simulate.js';
import { latestDate, loadTables, StratifyInputError, type Delimiter } from './load.js';
import { runStratify, writeStratifyOutputs, type StratifyOutcome, type StratifyPhase } from './run.js';
import { compileStratifySql, stratifyPlan, type DialectName, type StratifyPlan } from './sql.js';
import { tablesNeeded, type TableName } from './tables.js';
import { actorTitles, chooseLogigrammes, writeWorklist } from './worklist.js';

export interface PyramidPlan {
  workspace: Workspace;
  plan: StratifyPlan;
  tables: TableName[];
}

/** The workspace (refused with its lint errors, as `logi simulate` does) and the plan of pyramid `id`. */
export async function pyramidPlan(id: string, cwd: string): Promise<PyramidPlan> {
  const { workspace, diagnostics } = await lint({ cwd });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InvalidInputError(errors);
  const pyramid = workspace.index.Pyramid.get(id);
  if (!pyramid) throw new StratifyInputError(t('stratify.unknown-pyramid', { id, known: [...workspace.index.Pyramid.keys()].join(', ') }), t('stratify.unknown-pyramid.hint'));
  const criteria = pyramidCriteria(pyramid.value);
  if (criteria.strata.length === 0) throw new StratifyInputError(t('stratify.no-criteria', { id }), t('stratify.no-criteria.hint'));
  const plan = stratifyPlan(criteria, assignmentOrder(criteria));
  if (plan.order.length === 0) throw new StratifyInputError(t('stratify.no-criteria', { id }), t('stratify.no-criteria.hint'));
  return { workspace, plan, tables: tablesNeeded([plan.population, ...plan.order.map((s) => s.rule)]) };
}

export interface StratifyCommandOptions {
  pyramid: string;
  data?: string;
  cwd: string;
  out?: string;
  asOf?: string;
  territoryColumn?: string;
  delimiter: Delimiter;
  assignmentsCsv: boolean;
  /** Whether to write the worklist (default true: docs/stratify.md, "Worklist"). */
  worklist?: boolean;
  /** `--logigramme`: the logigramme followed where a stratum has several. */
  logigrammes?: readonly string[];
  /** `--counts-only`: counts and Territory documents, no assignments nor worklist (docs/stratify.md, "Counts only"). */
  countsOnly?: boolean;
  /** `--memory-limit`: DuckDB's memory_limit (default: COUNTS_ONLY_MEMORY with countsOnly, else DuckDB's own). */
  memoryLimit?: string;
  onProgress?: (phase: StratifyPhase | 'writing', done: number, total: number) => void;
}

function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new StratifyInputError(t('stratify.bad-as-of', { value: asOf }), t('stratify.bad.date.hint'));
}

/** The query in `dialect`, at --as-of or, without it, at the latest date of the data. */
export async function emitSql(options: StratifyCommandOptions, dialect: DialectName): Promise<string> {
  checkAsOf(options.asOf);
  const { plan, tables } = await pyramidPlan(options.pyramid, options.cwd);
  let asOf = options.asOf;
  if (asOf === undefined) {
    if (options.data === undefined) throw new StratifyInputError(t('stratify.emit-sql-needs-as-of'), t('stratify.emit-sql-needs-as-of.hint'));
    const dir = options.data;
    asOf = await withDuckDb(async (connection) => latestDate(connection, await loadTables(connection, { dir, tables, delimiter: options.delimiter, ...territory(options) })));
    if (asOf === undefined) throw new StratifyInputError(t('stratify.no-dates'), t('stratify.no-dates.hint'));
  }
  return `${compileStratifySql(plan, { asOf, dialect, reasons: !options.countsOnly })};\n`;
}

const territory = (options: StratifyCommandOptions): { territoryColumn?: string } => (options.territoryColumn ? { territoryColumn: options.territoryColumn } : {});

/** The Territory documents of the workspace by id, as parsed YAML (comments kept). */
function knownTerritories(workspace: Workspace): Map<string, YamlDocument> {
  return new Map([...workspace.index.Territory.values()].map((d) => [d.id, d.document.yaml as unknown as YamlDocument]));
}

export interface StratifyCommandResult {
  out: string;
  files: string[];
  outcome: StratifyOutcome;
  /** Territories of the data the workspace does not know: their documents are new (docs/stratify.md). */
  newTerritories: string[];
}

/** The default output folder: out/stratify-<pyramid>. */
export function defaultOut(pyramid: string): string {
  return path.join('out', `stratify-${pyramid}`);
}

/** Runs on DuckDB and writes the output set into --out (replaced whole, only when every file is written). */
export async function stratifyCommand(options: StratifyCommandOptions): Promise<StratifyCommandResult> {
  checkAsOf(options.asOf);
  if (options.data === undefined) throw new StratifyInputError(t('stratify.needs-data'), t('stratify.needs-data.hint'));
  const data = options.data;
  const { workspace, plan, tables } = await pyramidPlan(options.pyramid, options.cwd);
  const out = options.out ?? defaultOut(options.pyramid);
  const settings = engineSettings(options);
  const set = await OutputSet.prepare(out, { command: 'stratify', names: [] });
  const spill = await fs.mkdtemp(path.join(os.tmpdir(), 'logi-stratify-spill-'));
  try {
    return await withDuckDb(async (connection: DuckDBConnection) => {
      const countsOnly = options.countsOnly === true;
      const input = { dir: data, delimiter: options.delimiter, plan, tables, countsOnly, ...territory(options), ...(options.asOf ? { asOf: options.asOf } : {}) };
      const outcome = await runStratify(connection, input, options.onProgress).catch((error: unknown) => refuseOutOfMemory(error, settings.memory_limit, countsOnly));
      options.onProgress?.('writing', 0, 1);
      const known = knownTerritories(workspace);
      const files = await writeStratifyOutputs(connection, set, outcome, { pyramid: options.pyramid, known, plan, delimiter: options.delimiter, assignmentsCsv: options.assignmentsCsv, countsOnly });
      if (options.worklist !== false && !countsOnly) files.push(...(await stageWorklist(connection, set, workspace, options, outcome.asOf)));
      await set.commit();
      options.onProgress?.('writing', 1, 1);
      return { out, files, outcome, newTerritories: outcome.territories.map((c) => c.territory).filter((id) => !known.has(id)) };
    }, { ...settings, temp_directory: spill });
  } finally {
    await set.discard();
    await fs.rm(spill, { recursive: true, force: true });
  }
}

/** The memory DuckDB may use with --counts-only, where every operator of the query can spill to disk. */
export const COUNTS_ONLY_MEMORY = '1GB';

/** A size as DuckDB reads it: a number and a unit (500MB, 1GB, 2.5GiB). */
const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** DuckDB's settings of a run: its memory limit (docs/stratify.md, "Memory"). */
function engineSettings(options: StratifyCommandOptions): { memory_limit?: string } {
  const limit = options.memoryLimit ?? (options.countsOnly ? COUNTS_ONLY_MEMORY : undefined);
  if (limit === undefined) return {};
  if (!SIZE.test(limit.trim())) throw new StratifyInputError(t('stratify.bad-memory-limit', { value: limit }), t('stratify.bad-memory-limit.hint'));
  return { memory_limit: limit.trim() };
}

/** DuckDB's out-of-memory error as a refusal that says what to do; any other error unchanged. */
function refuseOutOfMemory(error: unknown, limit: string | undefined, countsOnly: boolean): never {
  const message = error instanceof Error ? error.message : String(error);
  if (!/out of memory/i.test(message)) throw error;
  const detail = message.split('\n')[0] ?? '';
  throw new StratifyInputError(t('stratify.out-of-memory', { limit: limit ?? '80 %', detail }), t(countsOnly ? 'stratify.out-of-memory.counts-only.hint' : 'stratify.out-of-memory.hint'));
}

/** Writes worklist.csv and worklist.parquet into the output set's staging folder; returns their final paths. */
async function stageWorklist(connection: DuckDBConnection, set: OutputSet, workspace: Workspace, options: StratifyCommandOptions, asOf: string): Promise<string[]> {
  const folder = path.dirname(await set.stagedPath('worklist.csv'));
  await set.stagedPath('worklist.parquet');
  const logigrammes = chooseLogigrammes([...workspace.index.Logigramme.values()].map((d) => d.value), options.pyramid, options.logigrammes ?? []);
  const titles = actorTitles([...workspace.index.Actors.values()].map((d) => d.value));
  await writeWorklist(connection, { logigrammes, actorTitles: titles, asOf }, folder, { delimiter: options.delimiter });
  return [set.finalPath('worklist.csv'), set.finalPath('worklist.parquet')];
}
