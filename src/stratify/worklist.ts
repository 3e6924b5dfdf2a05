/**
 * The worklist (docs/stratify.md, "Worklist"): for each patient assigned to a stratum, the action
 * nodes of that stratum's logigramme, when each was last done according to the data (`done-when`)
 * and whether it is due. Computed in DuckDB on the tables of `logi stratify` (patients, diagnoses,
 * dispensations, labs, stays, acts, assignments): one aggregate query per distinct `done-when`,
 * then one join, so that 250,000 patients take seconds. The plan (which actions, their period and
 * path condition) is pure and computed here from the logigrammes.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { pathConditions } from '../graph/path-conditions.js';
import { t } from '../i18n/catalogue.js';
import { stageFileWith, type StagedFile } from '../io/atomic.js';
import { haltIfInterrupted } from '../io/cleanup.js';
import { byCodePoint } from '../language/order.js';
import { PERIODS_PER_YEAR } from '../language/schemas/common.js';
import { doneAtoms, type DoneAtom } from '../language/schemas/done-when.js';
import { isOnce, parseFrequency, type LogigrammeDocument } from '../language/schemas/logigramme.js';
import type { ActorsDocument } from '../language/schemas/actors.js';
import { UsageError } from '../language/workspace.js';
import { sqlString } from '../results/parquet.js';
import { toDistribution, type RawParameter } from '../sim/distributions/forms.js';
import { FORMULA_START } from '../text/escape.js';
import { codePatternsSql } from './sql.js';

/** A worklist that cannot be made from these inputs (exit 2, with a hint). */
export class WorklistError extends UsageError {
  constructor(message: string, hint: string) {
    super(message, hint);
    this.name = 'WorklistError';
  }
}

/** Days in a year, for periods: a frequency of n acts a year means one every 365.25 / n days. */
export const DAYS_PER_YEAR = 365.25;
/** An action falls due within this many days of asOf: `upcoming`. */
export const UPCOMING_DAYS = 30;

/** One action node of a logigramme, as the worklist lists it. */
export interface WorklistAction {
  stratum: string;
  logigramme: string;
  /** Its rank in the logigramme's order from `start` (0 first). */
  position: number;
  node: string;
  label: string;
  actor: string;
  /** The actor's title in the Actors documents (its id when none has it). */
  actorTitle: string;
  /** The branch choices on every way to the node: `decision label → branch label`, joined by ` + `; empty when none. */
  condition: string;
  /** Days between two acts; undefined when the frequency has no positive central value. */
  periodDays: number | undefined;
  /** The atoms of `done-when`; undefined without it. */
  done: DoneAtom[] | undefined;
}

/** The columns of worklist.csv and worklist.parquet, in order. */
export const WORKLIST_COLUMNS = ['patient_id', 'territory', 'stratum', 'logigramme', 'node', 'label', 'actor', 'actor_title', 'condition', 'period_days', 'last_done', 'due_date', 'status'] as const;

/**
 * Days between two acts of a frequency: ⌊365.25 / (times × periods per year)⌋, at least 1, with
 * `times` a distribution's central value and the periods per year of the simulation (day 365,
 * week 52, month 12, quarter 4, year 1). Absent: once a year. No positive central value, or a one-off
 * act (`once`): undefined.
 */
export function periodDays(frequency: Parameters<typeof parseFrequency>[0]): number | undefined {
  const parsed = parseFrequency(frequency) ?? { times: 1, per: 'year' as const };
  // A one-off act has no period: its due date counts from entering the node, which the data do not date.
  if (isOnce(parsed)) return undefined;
  const { times, per } = parsed;
  const conversion = toDistribution(times as RawParameter);
  if (!conversion.ok) return undefined;
  const actsPerYear = conversion.distribution.central * PERIODS_PER_YEAR[per];
  if (!Number.isFinite(actsPerYear) || actsPerYear <= 0) return undefined;
  // The small margin keeps a quotient that is whole on paper (365.25 / 0.25 = 1461) from flooring below it.
  return Math.max(1, Math.floor(DAYS_PER_YEAR / actsPerYear + 1e-9));
}

/** Actor id → title, from the workspace's Actors documents (the first document that defines the id). */
export function actorTitles(documents: readonly ActorsDocument[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const document of documents) for (const [id, actor] of Object.entries(document.actors)) if (!titles.has(id)) titles.set(id, actor.title);
  return titles;
}

/** The action nodes of a logigramme reachable from `start`, in its order (topological, loops after), with their path conditions. */
export function worklistActions(logigramme: LogigrammeDocument, titles: ReadonlyMap<string, string>): WorklistAction[] {
  const nodes = logigramme.nodes;
  const conditions = pathConditions(nodes, logigramme.start);
  const actions: WorklistAction[] = [];
  for (const [id, steps] of conditions) {
    const node = nodes[id]!;
    if (node.type !== 'action') continue;
    const condition = steps
      .map(({ decision, branch }) => {
        const choice = nodes[decision]!;
        return choice.type === 'decision' ? `${choice.label} → ${choice.branches[branch]!.label}` : choice.label;
      })
      .join(' + ');
    actions.push({
      stratum: logigramme.stratum,
      logigramme: logigramme.id,
      position: actions.length,
      node: id,
      label: node.label,
      actor: node.actor,
      actorTitle: titles.get(node.actor) ?? node.actor,
      condition,
      periodDays: periodDays(node.frequency),
      done: node['done-when'] === undefined ? undefined : doneAtoms(node['done-when']),
    });
  }
  return actions;
}

/**
 * The logigramme the worklist follows for each stratum of `pyramid`: the one that declares the
 * stratum, or, when several do, the one named in `chosen` (`--logigramme`, repeatable). Ordered
 * by stratum id. Several for a stratum and none chosen, an unknown id, or two chosen for one
 * stratum: a WorklistError.
 */
export function chooseLogigrammes(logigrammes: readonly LogigrammeDocument[], pyramid: string, chosen: readonly string[] = []): LogigrammeDocument[] {
  const own = logigrammes.filter((l) => l.pyramid === pyramid);
  const ids = own.map((l) => l.id).sort(byCodePoint);
  for (const id of chosen) if (!ids.includes(id)) throw new WorklistError(t('worklist.logigramme.unknown', { id, pyramid }), t('worklist.logigramme.unknown.hint', { ids }));
  const byStratum = new Map<string, LogigrammeDocument[]>();
  for (const logigramme of own) byStratum.set(logigramme.stratum, [...(byStratum.get(logigramme.stratum) ?? []), logigramme]);
  return [...byStratum.keys()].sort(byCodePoint).map((stratum) => {
    const candidates = byStratum.get(stratum)!;
    const picked = candidates.filter((l) => chosen.includes(l.id));
    if (picked.length > 1) throw new WorklistError(t('worklist.logigramme.same-stratum', { stratum, ids: picked.map((l) => l.id) }), t('worklist.logigramme.same-stratum.hint'));
    if (picked.length === 1) return picked[0]!;
    if (candidates.length === 1) return candidates[0]!;
    const names = candidates.map((l) => l.id).sort(byCodePoint);
    throw new WorklistError(t('worklist.logigramme.several', { pyramid, stratum, ids: names }), t('worklist.logigramme.several.hint', { id: names[0]! }));
  });
}

/** `YYYY-MM-DD` naming a real calendar day, or a WorklistError. */
function checkAsOf(asOf: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== asOf) throw new WorklistError(t('worklist.as-of', { asOf }), t('worklist.as-of.hint'));
  return asOf;
}

const patternsSql = (column: string, patterns: readonly string[]): string => codePatternsSql(column, patterns, sqlString);

/** The rows one atom selects, as (patient_id, done): the date that records the act. */
export function atomSql(atom: DoneAtom): string {
  switch (atom.kind) {
    case 'diagnosis':
      return `SELECT patient_id, date AS done FROM diagnoses WHERE ${patternsSql('code', atom.codes)}${atom.ald ? ' AND ald' : ''}`;
    case 'dispensation':
      return `SELECT patient_id, date AS done FROM dispensations WHERE ${patternsSql('atc', atom.atc)}`;
    case 'lab':
      return `SELECT patient_id, date AS done FROM labs WHERE test = ${sqlString(atom.test)}`;
    case 'stay':
      return `SELECT patient_id, admission AS done FROM stays${atom.mainDiagnosis ? ` WHERE ${patternsSql('main_diagnosis', atom.mainDiagnosis)}` : ''}`;
    case 'act':
      return `SELECT patient_id, date AS done FROM acts WHERE ${patternsSql('code', atom.codes)}`;
  }
}

export interface WorklistInput {
  /** The logigrammes followed, at most one per stratum (chooseLogigrammes). */
  logigrammes: readonly LogigrammeDocument[];
  /** Actor id → title (actorTitles). */
  actorTitles: ReadonlyMap<string, string>;
  /** The reference date, `YYYY-MM-DD`. */
  asOf: string;
  /** `upcoming` window in days (default UPCOMING_DAYS). */
  upcomingDays?: number;
}

const nullable = (value: number | undefined) => (value === undefined ? 'NULL' : String(value));

/** A constant SQL list, indexed by action (`list[action + 1]`: DuckDB's lists count from 1). */
const listSql = (values: readonly string[], type = 'VARCHAR') => `([${values.join(', ')}]::${type}[])`;

/**
 * The actions as a temporary table worklist_actions(action, stratum, done_key): `action` is the
 * index of the action in `actions` (so that ordering by it is the logigramme's order within a
 * stratum); actions with the same `done-when` share a key. Returns the distinct `done-when`s by key.
 */
async function createActions(connection: DuckDBConnection, actions: readonly WorklistAction[]): Promise<Map<number, DoneAtom[]>> {
  const keys = new Map<string, number>();
  const byKey = new Map<number, DoneAtom[]>();
  const rows = actions.map((a, index) => {
    let key: number | undefined;
    if (a.done) {
      const text = JSON.stringify(a.done);
      if (!keys.has(text)) {
        keys.set(text, keys.size);
        byKey.set(keys.size - 1, a.done);
      }
      key = keys.get(text);
    }
    return `(${index}, ${sqlString(a.stratum)}, ${nullable(key)})`;
  });
  await connection.run('CREATE OR REPLACE TEMP TABLE worklist_actions (action INTEGER, stratum VARCHAR, done_key INTEGER)');
  if (rows.length > 0) await connection.run(`INSERT INTO worklist_actions VALUES ${rows.join(', ')}`);
  return byKey;
}

/** In the CSV, a `'` before a text a spreadsheet would run as a formula (src/text/escape.ts), and no `""` for an empty text. */
function csvText(text: string): string {
  if (text === '') return 'NULL';
  return sqlString(FORMULA_START.has(text.charAt(0)) ? `'${text}` : text);
}

/** The same guard on a column of the data (patient, territory and stratum ids). */
function csvColumn(name: string): string {
  const starts = [...FORMULA_START].map(sqlString).join(', ');
  return `CASE WHEN left(${name}, 1) IN (${starts}) THEN '''' || ${name} ELSE NULLIF(${name}, '') END`;
}

/**
 * The worklist's rows from the narrow table worklist_rows, sorted when built: the action's texts
 * and period picked from constant lists by its index, the due date and status computed, by
 * projection only (no join, no sort of wide rows: measured, sorting the wide rows took three times
 * the memory). Read by one thread (writeWorklist), the rows keep the table's order. For the CSV,
 * texts are guarded (csvText, csvColumn) and `position` left out.
 */
function worklistSelect(actions: readonly WorklistAction[], asOf: string, upcoming: number, csv: boolean): string {
  const text = (get: (a: WorklistAction) => string) => `${listSql(actions.map((a) => (csv ? csvText(get(a)) : sqlString(get(a)))))}[action + 1]`;
  const data = (name: string) => (csv ? `${csvColumn(name)} AS ${name}` : name);
  const period = `${listSql(actions.map((a) => nullable(a.periodDays)), 'INTEGER')}[action + 1]`;
  const known = `${listSql(actions.map((a) => (a.done && a.periodDays !== undefined ? 'true' : 'false')), 'BOOLEAN')}[action + 1]`;
  const due = `last_done + ${period}`;
  const position = csv ? '' : `, ${listSql(actions.map((a) => String(a.position)), 'INTEGER')}[action + 1] AS position`;
  return `SELECT ${data('patient_id')}, ${data('territory')}, ${data('stratum')}, ${text((a) => a.logigramme)} AS logigramme, ${text((a) => a.node)} AS node,
      ${text((a) => a.label)} AS label, ${text((a) => a.actor)} AS actor, ${text((a) => a.actorTitle)} AS actor_title, ${text((a) => a.condition)} AS "condition",
      ${period} AS period_days, last_done, ${due} AS due_date,
      CASE WHEN NOT ${known} THEN 'unknown'
           WHEN last_done IS NULL OR ${due} <= ${asOf} THEN 'due'
           WHEN ${due} <= ${asOf} + ${upcoming} THEN 'upcoming'
           ELSE 'up-to-date' END AS status${position}
    FROM worklist_rows`;
}

interface Prepared {
  rows: number;
  /** The worklist's rows as the CSV writes them. */
  csvSelect: string;
}

async function prepareWorklist(connection: DuckDBConnection, input: WorklistInput): Promise<Prepared> {
  const asOf = `DATE ${sqlString(checkAsOf(input.asOf))}`;
  const upcoming = Math.max(0, Math.floor(input.upcomingDays ?? UPCOMING_DAYS));
  const actions = input.logigrammes.flatMap((l) => worklistActions(l, input.actorTitles));
  const doneWhens = await createActions(connection, actions);
  await connection.run('CREATE OR REPLACE TEMP TABLE worklist_done (done_key INTEGER, patient_id VARCHAR, last_done DATE)');
  for (const [key, atoms] of doneWhens) {
    const rows = atoms.map(atomSql).join(' UNION ALL ');
    await connection.run(`INSERT INTO worklist_done SELECT ${key}, patient_id, max(done) FROM (${rows}) WHERE done <= ${asOf} GROUP BY patient_id`);
  }
  await connection.run(`CREATE OR REPLACE TEMP TABLE worklist_rows AS
    SELECT a.patient_id, a.territory, a.stratum, n.action, d.last_done
    FROM assignments a
    JOIN worklist_actions n ON n.stratum = a.stratum
    LEFT JOIN worklist_done d ON d.done_key = n.done_key AND d.patient_id = a.patient_id
    WHERE a.stratum <> 'outside'
    ORDER BY a.territory, a.patient_id, n.action`);
  await connection.run('DROP TABLE worklist_done');
  await connection.run('DROP TABLE worklist_actions');
  // An empty list literal has no type: without actions, the view and the CSV are empty selects of the same columns.
  const none = actions.length === 0;
  await connection.run(`CREATE OR REPLACE TEMP VIEW worklist AS ${none ? EMPTY_SELECT : worklistSelect(actions, asOf, upcoming, false)}`);
  const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM worklist_rows');
  const csvSelect = none ? `SELECT ${COLUMN_LIST} FROM worklist` : worklistSelect(actions, asOf, upcoming, true);
  return { rows: reader.getRowObjects()[0]!.n as number, csvSelect };
}

/**
 * Builds the temporary view `worklist` (the columns of WORKLIST_COLUMNS, and `position`, the
 * action's rank in its logigramme) on `connection`, which holds the tables of `logi stratify`;
 * returns its number of rows. Patients `outside`, and patients of a stratum without a logigramme,
 * have no rows. Read it with `ORDER BY territory, patient_id, position` for the files' order
 * (several threads may interleave it otherwise).
 */
export async function buildWorklist(connection: DuckDBConnection, input: WorklistInput): Promise<number> {
  return (await prepareWorklist(connection, input)).rows;
}

const COLUMN_LIST = WORKLIST_COLUMNS.map((c) => `"${c}"`).join(', ');
const EMPTY_SELECT = `SELECT patient_id, territory, stratum, NULL::VARCHAR AS logigramme, NULL::VARCHAR AS node,
  NULL::VARCHAR AS label, NULL::VARCHAR AS actor, NULL::VARCHAR AS actor_title, NULL::VARCHAR AS "condition", NULL::INTEGER AS period_days,
  last_done, NULL::DATE AS due_date, NULL::VARCHAR AS status, NULL::INTEGER AS position FROM worklist_rows`;

async function stageCopy(connection: DuckDBConnection, file: string, query: string, options: string): Promise<StagedFile> {
  return stageFileWith(file, async (temporary) => {
    try {
      await connection.run(`COPY (${query}) TO $file (${options})`, { file: temporary });
    } catch (error) {
      throw new WorklistError(t('worklist.cannot-write', { file, detail: (error as Error).message }), t('worklist.cannot-write.hint'));
    }
  });
}

/**
 * Builds the worklist and writes `worklist.csv` (UTF-8, a header row, `delimiter`-separated,
 * dates YYYY-MM-DD, empty cells for none) and `worklist.parquet` (the same rows, typed, text as
 * written) into `folder`; both appear together or neither. Returns the number of rows and the files.
 */
export async function writeWorklist(connection: DuckDBConnection, input: WorklistInput, folder: string, options: { delimiter?: ',' | ';' } = {}): Promise<{ rows: number; files: string[] }> {
  const { rows, csvSelect } = await prepareWorklist(connection, input);
  const csv = path.join(folder, 'worklist.csv');
  const parquet = path.join(folder, 'worklist.parquet');
  const staged: StagedFile[] = [];
  // DuckDB's writers interleave the chunks of several threads (measured: 500 order breaks in
  // 2.9 M rows with 2 threads): one thread reads the sorted table in order. The caller's setting is put back.
  const threads = (await connection.runAndReadAll("SELECT current_setting('threads')::INTEGER AS n")).getRowObjects()[0]!.n as number;
  await connection.run('SET threads = 1');
  try {
    staged.push(await stageCopy(connection, csv, csvSelect, `FORMAT csv, HEADER true, DELIMITER ${sqlString(options.delimiter ?? ',')}`));
    staged.push(await stageCopy(connection, parquet, `SELECT ${COLUMN_LIST} FROM worklist`, 'FORMAT parquet, COMPRESSION zstd'));
    await haltIfInterrupted();
  } catch (error) {
    for (const file of staged) await file.discard();
    throw error;
  } finally {
    await connection.run(`SET threads = ${threads}`);
  }
  for (const file of staged) await file.commit();
  return { rows, files: [csv, parquet] };
}
