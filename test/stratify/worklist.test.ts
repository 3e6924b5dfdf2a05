/**
 * The worklist (docs/stratify.md, "Worklist"): the contract's tables written by hand in an
 * in-memory DuckDB, two small logigrammes, and every expected row worked out by hand below
 * (periods in days, due dates by calendar arithmetic, statuses against asOf = 2026-03-31 and the
 * 30-day `upcoming` window, which ends on 2026-04-30).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathConditions } from '../../src/graph/path-conditions.js';
import { doneAtoms, DoneWhen } from '../../src/language/schemas/done-when.js';
import { LogigrammeDocument } from '../../src/language/schemas/logigramme.js';
import { buildWorklist, chooseLogigrammes, periodDays, WORKLIST_COLUMNS, WorklistError, worklistActions, writeWorklist } from '../../src/stratify/worklist.js';

const AS_OF = '2026-03-31';

function logigramme(value: Record<string, unknown>): LogigrammeDocument {
  return LogigrammeDocument.parse({ kind: 'Logigramme', version: 1, pyramid: 'p', sources: {}, ...value });
}

/** S2: an HbA1c test, a decision, then one of two actions, then an action without `done-when`. */
const S2 = logigramme({
  id: 'wl-s2',
  title: 'S2',
  stratum: 'S2',
  start: 'debut',
  nodes: {
    debut: { type: 'start', label: 'Début', next: 'a1' },
    a1: { type: 'action', label: 'Dosage HbA1c', actor: 'mg', frequency: { times: 4, per: 'year' }, 'done-when': { lab: { test: 'hba1c' } }, next: 'd1' },
    d1: {
      type: 'decision',
      label: 'HbA1c ≤ 7 % ?',
      branches: [
        { label: 'HbA1c > objectif', p: 0.4, next: 'a2' },
        { label: 'À l’objectif', next: 'a3' },
      ],
    },
    a2: {
      type: 'action',
      label: 'Intensification',
      actor: 'mg',
      frequency: '2/year',
      'done-when': { any: [{ dispensation: { atc: ['A10BJ*'] } }, { stay: { 'main-diagnosis': 'E11*' } }] },
      next: 'a4',
    },
    a3: { type: 'action', label: 'Fond d’œil', actor: 'ophtalmo', frequency: { times: { gamma: { mean: 0.5, sd: 0.1 } }, per: 'year' }, 'done-when': { act: ['BGQP002'] }, next: 'a4' },
    a4: { type: 'action', label: '=Entretien', actor: 'ide', frequency: { times: 1, per: 'month' }, next: 'fin' },
    fin: { type: 'end', label: 'Fin' },
  },
});

/** S3: one action recorded by an ALD diagnosis. */
const S3 = logigramme({
  id: 'wl-s3',
  title: 'S3',
  stratum: 'S3',
  start: 'debut',
  nodes: {
    debut: { type: 'start', label: 'Début', next: 'ald' },
    ald: { type: 'action', label: 'Protocole ALD', actor: 'mg', 'done-when': { diagnosis: { codes: ['E11*'], ald: true } }, next: 'fin' },
    fin: { type: 'end', label: 'Fin' },
  },
});

const TITLES = new Map([
  ['mg', 'Médecin généraliste'],
  ['ophtalmo', 'Ophtalmologiste'],
]);

const TABLES = `
CREATE TABLE patients (patient_id VARCHAR, birth_date DATE, sex VARCHAR, territory VARCHAR, death_date DATE);
CREATE TABLE diagnoses (patient_id VARCHAR, code VARCHAR, date DATE, ald BOOLEAN);
CREATE TABLE dispensations (patient_id VARCHAR, atc VARCHAR, date DATE);
CREATE TABLE labs (patient_id VARCHAR, test VARCHAR, value DOUBLE, date DATE);
CREATE TABLE stays (patient_id VARCHAR, admission DATE, discharge DATE, main_diagnosis VARCHAR);
CREATE TABLE acts (patient_id VARCHAR, code VARCHAR, date DATE);
CREATE TABLE assignments (patient_id VARCHAR, territory VARCHAR, stratum VARCHAR, reason VARCHAR);
INSERT INTO assignments VALUES
  ('p1', 't1', 'S2', ''), ('p2', 't1', 'S2', ''), ('p3', 't0', 'S3', ''), ('p4', 't0', 'S3', ''), ('p5', 't0', 'S3', ''),
  ('p6', 't0', 'outside', ''), ('p7', 't0', 'S1', '');
INSERT INTO labs VALUES
  ('p1', 'hba1c', 7.4, DATE '2025-10-01'), ('p1', 'hba1c', 7.2, DATE '2026-01-10'), ('p1', 'hba1c', 6.9, DATE '2026-04-15'),
  ('p2', 'egfr', 80, DATE '2026-03-01');
INSERT INTO dispensations VALUES ('p1', 'A10BJ06', DATE '2025-06-01'), ('p2', 'A10BA02', DATE '2026-03-01');
INSERT INTO stays VALUES ('p1', DATE '2025-09-15', DATE '2025-09-20', 'E119'), ('p2', DATE '2026-02-01', NULL, 'I500');
INSERT INTO acts VALUES ('p1', 'BGQP002', DATE '2025-12-01'), ('p2', 'BGQP0020', DATE '2026-01-01');
INSERT INTO diagnoses VALUES
  ('p3', 'E119', DATE '2025-05-01', true), ('p3', 'E119', DATE '2026-01-01', false),
  ('p4', 'E110', DATE '2025-04-30', true),
  ('p5', 'E119', DATE '2025-03-31', true), ('p5', 'I10', DATE '2026-01-01', true);
`;

type Row = [string, string, string, string | null, string | null, string];

/**
 * Every row, by hand. Periods: a1 ⌊365.25 / 4⌋ = 91; a2 ⌊365.25 / 2⌋ = 182; a3 the gamma's mean
 * 0.5 → ⌊730.5⌋ = 730; a4 once a month ⌊365.25 / 12⌋ = 30 (no done-when: unknown); ald, no
 * frequency: once a year, 365.
 * - p3: ALD row 2025-05-01 (the 2026 row is not ALD) + 365 = 2026-05-01 > 2026-04-30: up-to-date.
 * - p4: 2025-04-30 + 365 = 2026-04-30 ≤ 2026-04-30: upcoming (the window's last day).
 * - p5: 2025-03-31 + 365 = 2026-03-31 ≤ asOf: due (I10 is no E11 code).
 * - p1: a1 the latest HbA1c on or before asOf, 2026-01-10 (the 2026-04-15 one is after asOf)
 *   + 91 = 2026-04-11 (21 days to January's end, 28 in February, 31 in March, 11): upcoming;
 *   a2 the latest of the GLP-1 dispensation 2025-06-01 and the E119 stay 2025-09-15
 *   + 182 = 2026-03-16 (16 to September's end, 31 + 30 + 31 + 31 + 28 = 151, 15 in March): due;
 *   a3 2025-12-01 + 730 = 2027-12-01 (no 29 February in between): up-to-date.
 * - p2: nothing matches (egfr is not hba1c, A10BA02 not A10BJ*, I500 not E11*, BGQP0020 not
 *   exactly BGQP002): every action with done-when due, never done.
 */
const EXPECTED: Row[] = [
  ['p3', 'ald', '', '2025-05-01', '2026-05-01', 'up-to-date'],
  ['p4', 'ald', '', '2025-04-30', '2026-04-30', 'upcoming'],
  ['p5', 'ald', '', '2025-03-31', '2026-03-31', 'due'],
  ['p1', 'a1', '', '2026-01-10', '2026-04-11', 'upcoming'],
  ['p1', 'a2', 'HbA1c ≤ 7 % ? → HbA1c > objectif', '2025-09-15', '2026-03-16', 'due'],
  ['p1', 'a3', 'HbA1c ≤ 7 % ? → À l’objectif', '2025-12-01', '2027-12-01', 'up-to-date'],
  ['p1', 'a4', '', null, null, 'unknown'],
  ['p2', 'a1', '', null, null, 'due'],
  ['p2', 'a2', 'HbA1c ≤ 7 % ? → HbA1c > objectif', null, null, 'due'],
  ['p2', 'a3', 'HbA1c ≤ 7 % ? → À l’objectif', null, null, 'due'],
  ['p2', 'a4', '', null, null, 'unknown'],
];

describe('the worklist on DuckDB', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let folder: string;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run(TABLES);
    folder = mkdtempSync(path.join(os.tmpdir(), 'logi-worklist-'));
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists each assigned patient’s actions in the logigramme’s order, with last done, due date and status', async () => {
    const count = await buildWorklist(connection, { logigrammes: [S2, S3], actorTitles: TITLES, asOf: AS_OF });
    expect(count).toBe(11);
    const reader = await connection.runAndReadAll(
      `SELECT patient_id, node, "condition", strftime(last_done, '%Y-%m-%d') AS last_done, strftime(due_date, '%Y-%m-%d') AS due_date, status FROM worklist ORDER BY territory, patient_id, position`,
    );
    expect(reader.getRows()).toEqual(EXPECTED);
  });

  it('carries the stratum, logigramme, label, actor and its title, and the period', async () => {
    await buildWorklist(connection, { logigrammes: [S2, S3], actorTitles: TITLES, asOf: AS_OF });
    const reader = await connection.runAndReadAll(`SELECT DISTINCT stratum, logigramme, node, label, actor, actor_title, period_days FROM worklist ORDER BY logigramme, node`);
    expect(reader.getRows()).toEqual([
      ['S2', 'wl-s2', 'a1', 'Dosage HbA1c', 'mg', 'Médecin généraliste', 91],
      ['S2', 'wl-s2', 'a2', 'Intensification', 'mg', 'Médecin généraliste', 182],
      ['S2', 'wl-s2', 'a3', 'Fond d’œil', 'ophtalmo', 'Ophtalmologiste', 730],
      // No title for `ide`: its id stands for it.
      ['S2', 'wl-s2', 'a4', '=Entretien', 'ide', 'ide', 30],
      ['S3', 'wl-s3', 'ald', 'Protocole ALD', 'mg', 'Médecin généraliste', 365],
    ]);
  });

  it('moves with asOf: on 2026-04-12 p1’s HbA1c (due 2026-04-11) is due, and p4’s ALD row (due 2026-04-30) is upcoming', async () => {
    await buildWorklist(connection, { logigrammes: [S2, S3], actorTitles: TITLES, asOf: '2026-04-12' });
    const reader = await connection.runAndReadAll(`SELECT patient_id, node, status FROM worklist WHERE (patient_id, node) IN (('p1', 'a1'), ('p4', 'ald'), ('p3', 'ald')) ORDER BY patient_id`);
    // p3: 2026-05-01 ≤ 2026-04-12 + 30 = 2026-05-12: now upcoming too.
    expect(reader.getRows()).toEqual([
      ['p1', 'a1', 'due'],
      ['p3', 'ald', 'upcoming'],
      ['p4', 'ald', 'upcoming'],
    ]);
  });

  it('writes worklist.csv (formulas guarded) and worklist.parquet (text as written), the same rows', async () => {
    const { rows, files } = await writeWorklist(connection, { logigrammes: [S2, S3], actorTitles: TITLES, asOf: AS_OF }, folder);
    expect(rows).toBe(11);
    expect(files.map((f) => path.basename(f))).toEqual(['worklist.csv', 'worklist.parquet']);
    const lines = readFileSync(path.join(folder, 'worklist.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('patient_id,territory,stratum,logigramme,node,label,actor,actor_title,condition,period_days,last_done,due_date,status');
    expect(lines[1]).toBe('p3,t0,S3,wl-s3,ald,Protocole ALD,mg,Médecin généraliste,,365,2025-05-01,2026-05-01,up-to-date');
    expect(lines[4]).toBe('p1,t1,S2,wl-s2,a1,Dosage HbA1c,mg,Médecin généraliste,,91,2026-01-10,2026-04-11,upcoming');
    expect(lines[7]).toBe("p1,t1,S2,wl-s2,a4,'=Entretien,ide,ide,,30,,,unknown");
    expect(lines).toHaveLength(12);
    const parquet = await connection.runAndReadAll(`SELECT node, label, status FROM read_parquet($file) WHERE patient_id = 'p2'`, { file: path.join(folder, 'worklist.parquet') });
    expect(parquet.getRows()).toEqual([
      ['a1', 'Dosage HbA1c', 'due'],
      ['a2', 'Intensification', 'due'],
      ['a3', 'Fond d’œil', 'due'],
      ['a4', '=Entretien', 'unknown'],
    ]);
  });

  it('has no rows, and the same columns, when no logigramme serves the pyramid', async () => {
    expect(await buildWorklist(connection, { logigrammes: [], actorTitles: TITLES, asOf: AS_OF })).toBe(0);
    const reader = await connection.runAndReadAll('SELECT * FROM worklist');
    expect(reader.columnNames()).toEqual([...WORKLIST_COLUMNS, 'position']);
    expect(reader.getRows()).toEqual([]);
  });

  it('refuses an asOf that is not a calendar date', async () => {
    await expect(buildWorklist(connection, { logigrammes: [S2], actorTitles: TITLES, asOf: '2026-02-30' })).rejects.toThrow(WorklistError);
  });
});

describe('the order of the files', () => {
  it('is territory, patient id (by code point), the logigramme’s order, even when DuckDB has several threads', async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '4' });
    const connection = await instance.connect();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'logi-worklist-order-'));
    try {
      await connection.run(TABLES.replace(/INSERT INTO assignments VALUES[^;]*;/, ''));
      // 100,000 patients in 3 territories, numbered so that text order differs from number order (p10 < p2).
      await connection.run(`INSERT INTO assignments SELECT 'p' || i, 't' || (i % 3), 'S2', '' FROM range(100000) r(i)`);
      await writeWorklist(connection, { logigrammes: [S2], actorTitles: TITLES, asOf: AS_OF }, folder);
      const lines = readFileSync(path.join(folder, 'worklist.csv'), 'utf8').trimEnd().split('\n').slice(1);
      expect(lines).toHaveLength(400_000); // 100,000 patients × 4 actions
      const keys = lines.map((line) => line.split(','));
      // (territory, patient, node) of each line against the line before; node ids a1 < a2 < a3 < a4 are also the logigramme's order.
      const key = (k: string[]) => [k[1]!, k[0]!, k[4]!];
      const before = (x: string[], y: string[]) => (x[0] !== y[0] ? x[0]! < y[0]! : x[1] !== y[1] ? x[1]! < y[1]! : x[2]! < y[2]!);
      const breaks = keys.slice(1).filter((k, i) => !before(key(keys[i]!), key(k))).length;
      expect(breaks).toBe(0);
      expect(keys[0]!.slice(0, 2)).toEqual(['p0', 't0']);
      const threads = await connection.runAndReadAll("SELECT current_setting('threads')::INTEGER");
      expect(threads.getRows()).toEqual([[4]]);
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('periods', () => {
  it('are ⌊365.25 / acts per year⌋ days, at least 1, once a year without a frequency', () => {
    expect(periodDays({ times: 4, per: 'year' })).toBe(91); // 91.3125
    expect(periodDays('2/year')).toBe(182); // 182.625
    expect(periodDays({ times: 0.2, per: 'year' })).toBe(1826); // 1826.25
    expect(periodDays({ times: 0.25, per: 'year' })).toBe(1461); // exactly 1461
    expect(periodDays({ times: 1, per: 'month' })).toBe(30); // 365.25 / 12 = 30.4375
    expect(periodDays({ times: 1, per: 'quarter' })).toBe(91); // 365.25 / 4
    expect(periodDays({ times: 1, per: 'week' })).toBe(7); // 365.25 / 52 = 7.02
    expect(periodDays({ times: 2, per: 'day' })).toBe(1); // 365.25 / 730 = 0.5, at least a day
    expect(periodDays(undefined)).toBe(365);
    expect(periodDays({ times: { triangular: [1, 2, 6] }, per: 'year' })).toBe(121); // mean 3: 121.75
    expect(periodDays({ times: 0, per: 'year' })).toBeUndefined();
  });

  it('have none for a one-off act: its due date counts from entering the node, which the data do not date', () => {
    expect(periodDays('once')).toBeUndefined();
    expect(periodDays({ once: true, 'within-days': 7 })).toBeUndefined();
  });
});

describe('path conditions', () => {
  it('keep the branches on every way to a node: none after two branches meet, both when nested', () => {
    const nodes = {
      s: { type: 'start', next: 'd1' },
      d1: { type: 'decision', branches: [{ next: 'x' }, { next: 'd2' }] },
      d2: { type: 'decision', branches: [{ next: 'y' }, { next: 'x' }] },
      y: { type: 'action', next: 'x' },
      x: { type: 'action', next: 'e' },
      e: { type: 'end' },
    };
    const conditions = pathConditions(nodes, 's');
    expect(conditions.get('y')).toEqual([
      { decision: 'd1', branch: 1 },
      { decision: 'd2', branch: 0 },
    ]);
    expect(conditions.get('d2')).toEqual([{ decision: 'd1', branch: 1 }]);
    expect(conditions.get('x')).toEqual([]);
  });

  it('are found through a loop', () => {
    const nodes = {
      s: { type: 'start', next: 'd' },
      d: { type: 'decision', branches: [{ next: 'a' }, { next: 'e' }] },
      a: { type: 'action', next: 'b' },
      b: { type: 'action', next: 'a' },
      e: { type: 'end' },
    };
    const conditions = pathConditions(nodes, 's');
    expect(conditions.get('a')).toEqual([{ decision: 'd', branch: 0 }]);
    expect(conditions.get('b')).toEqual([{ decision: 'd', branch: 0 }]);
  });

  it('name the decision and the branch in the worklist, in the order from start', () => {
    expect(worklistActions(S2, TITLES).map((a) => [a.position, a.node, a.condition])).toEqual([
      [0, 'a1', ''],
      [1, 'a2', 'HbA1c ≤ 7 % ? → HbA1c > objectif'],
      [2, 'a3', 'HbA1c ≤ 7 % ? → À l’objectif'],
      [3, 'a4', ''],
    ]);
  });
});

describe('choosing the logigramme of each stratum', () => {
  const other = logigramme({ ...S2, id: 'wl-s2-bis' });
  it('takes the only one, or the one chosen, and refuses an ambiguous or unknown choice', () => {
    expect(chooseLogigrammes([S3, S2], 'p').map((l) => l.id)).toEqual(['wl-s2', 'wl-s3']);
    expect(chooseLogigrammes([S3, S2], 'q')).toEqual([]);
    expect(() => chooseLogigrammes([S2, other, S3], 'p')).toThrow(/stratum S2 of pyramid p has several logigrammes: `wl-s2`, `wl-s2-bis`/);
    expect(chooseLogigrammes([S2, other, S3], 'p', ['wl-s2-bis']).map((l) => l.id)).toEqual(['wl-s2-bis', 'wl-s3']);
    expect(() => chooseLogigrammes([S2, other], 'p', ['wl-s9'])).toThrow(WorklistError);
    expect(() => chooseLogigrammes([S2, other], 'p', ['wl-s2', 'wl-s2-bis'])).toThrow(/both serve stratum S2/);
  });
});

describe('done-when', () => {
  it('reads each form of the dated atoms', () => {
    const read = (value: unknown) => doneAtoms(DoneWhen.parse(value));
    expect(read({ lab: { test: 'egfr' } })).toEqual([{ kind: 'lab', test: 'egfr' }]);
    expect(read({ diagnosis: 'E11*' })).toEqual([{ kind: 'diagnosis', codes: ['E11*'], ald: false }]);
    expect(read({ diagnosis: { codes: ['E11*'], ald: true } })).toEqual([{ kind: 'diagnosis', codes: ['E11*'], ald: true }]);
    expect(read({ dispensation: ['A10BA02'] })).toEqual([{ kind: 'dispensation', atc: ['A10BA02'] }]);
    expect(read({ stay: {} })).toEqual([{ kind: 'stay' }]);
    expect(read({ any: [{ act: { codes: ['DEQP003'] } }, { stay: { 'main-diagnosis': ['I50*'] } }] })).toEqual([
      { kind: 'act', codes: ['DEQP003'] },
      { kind: 'stay', mainDiagnosis: ['I50*'] },
    ]);
  });

  it('refuses two keys in one mapping, windows and counts, unknown tests, and codes of the wrong shape', () => {
    expect(DoneWhen.safeParse({ lab: { test: 'hba1c' }, act: ['X'] }).success).toBe(false);
    expect(DoneWhen.safeParse({ any: [{ lab: { test: 'hba1c' }, act: ['X'] }] }).success).toBe(false);
    expect(DoneWhen.safeParse({}).success).toBe(false);
    expect(DoneWhen.safeParse({ lab: { test: 'hba1c', within: 3 } }).success).toBe(false);
    expect(DoneWhen.safeParse({ act: { codes: ['X'], 'min-count': 2 } }).success).toBe(false);
    expect(DoneWhen.safeParse({ lab: { test: 'ldl' } }).success).toBe(false);
    expect(DoneWhen.safeParse({ diagnosis: ['11E'] }).success).toBe(false);
    expect(DoneWhen.safeParse({ dispensation: 'A1' }).success).toBe(false);
    expect(DoneWhen.safeParse({ dispensation: 'A10B*' }).success).toBe(true);
  });
});
