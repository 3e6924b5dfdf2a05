/**
 * The matched-rows form of the DuckDB query (src/stratify/sql-atoms.ts) where it differs from the
 * one-CTE-per-atom form: patterns of one atom that overlap (a row must count once), atoms without
 * patterns (every stay of the window), more than 64 atoms (the second mask column), and a stay
 * stratum with a min-count; and the leaner query without reasons (`--counts-only`), whose counted
 * atoms and lab values follow other paths. Expected assignments are written by hand from the rows
 * below.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Criterion } from '../../src/criteria/types.js';
import { loadTables } from '../../src/stratify/load.js';
import { disjointPatterns } from '../../src/stratify/sql-atoms.js';
import { compileStratifySql, type StratifyPlan } from '../../src/stratify/sql.js';
import { TABLE_NAMES } from '../../src/stratify/tables.js';

describe('disjointPatterns', () => {
  it('drops the patterns another one covers, and a code given twice', () => {
    // E112* and E112 lie inside E11*; I50 is given twice; Z95 and Z951* do not overlap E11*.
    expect(disjointPatterns(['E112*', 'E11*', 'E112', 'I50', 'I50', 'Z951*', 'Z95'])).toEqual([
      { code: 'E11', prefix: true },
      { code: 'I50', prefix: false },
      { code: 'Z951', prefix: true },
      { code: 'Z95', prefix: false },
    ]);
  });

  it('keeps one of two equal prefixes, the first', () => {
    expect(disjointPatterns(['E11*', 'E11*'])).toEqual([{ code: 'E11', prefix: true }]);
  });
});

const diagnosis = (codes: string[], minCount = 1): Criterion => ({ kind: 'diagnosis', codes, minCount, ald: false });
/** 70 distinct atoms C00…C69: the stratum F holds with any of them (bit 64 and above in mask1). */
const MANY: Criterion = { kind: 'any', of: Array.from({ length: 70 }, (_, i) => diagnosis([`C${String(i).padStart(2, '0')}`])) };
const PLAN: StratifyPlan = {
  order: [
    // Two rows of E11*: a patient whose one row E112 matches both E11* and E112 holds only one row.
    { stratum: 'TWICE', rule: diagnosis(['E11*', 'E112'], 2) },
    // The worst eGFR of 24 months (lower is worse) below 30.
    { stratum: 'LAB', rule: { kind: 'lab', lab: 'egfr', value: 'worst', withinMonths: 24, test: { lt: 30 } } },
    // At least two stays of any main diagnosis in the 12 months.
    { stratum: 'STAYS', rule: { kind: 'stay', withinMonths: 12, minCount: 2 } },
    { stratum: 'MANY', rule: MANY },
    // The latest HbA1c of 12 months (higher is worse: on one date the higher value) at least 8.
    { stratum: 'HBA', rule: { kind: 'lab', lab: 'hba1c', value: 'latest', withinMonths: 12, test: { gte: 8 } } },
    // At least three A10 dispensations in 12 months: an atom counted after the 64th (mask1).
    { stratum: 'DISP', rule: { kind: 'dispensation', atc: ['A10*'], withinMonths: 12, minCount: 3 } },
  ],
  bottom: 'REST',
  strata: ['REST', 'DISP', 'HBA', 'MANY', 'STAYS', 'LAB', 'TWICE'],
};

const AS_OF = '2026-03-31';
const FILES: Record<string, string> = {
  patients: ['patient_id,territory,sex,birth_date,death_date', ...['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'qa', 'qb', 'qc', 'qd', 'qe'].map((id) => `${id},t,F,1950-01-01,`)].join('\n'),
  diagnoses: [
    'patient_id,code,date,ald',
    // q1: one row E112 (matches E11* and E112: one row) → not TWICE; C69 → MANY (atom 70, mask1).
    'q1,E112,2026-01-10,false',
    'q1,C69,2026-01-10,false',
    // q2: two rows E11 and E112 → TWICE, its reason the latest row (E112, 2026-02).
    'q2,E11,2025-05-01,false',
    'q2,E112,2026-02-03,false',
    // q3: C00 only → MANY (atom 4, mask0).
    'q3,C00,2020-01-01,false',
    // q8: C05 after the as-of date only: no atom holds → REST.
    'q8,C05,2026-04-15,false',
  ].join('\n'),
  stays: [
    'patient_id,admission,main_diagnosis',
    // q4: two stays in the 12 months (and a third without a main diagnosis, added in beforeAll)
    // → STAYS (its reason the latest, I50 2026-03).
    'q4,2025-06-01,J18',
    'q4,2026-03-02,I50',
    // q5: two stays, one before the window (2025-03-31 is not after asOf − 12 months): one only, but
    // see the stay without a main diagnosis added in beforeAll.
    'q5,2025-03-31,J18',
    'q5,2026-01-01,J18',
  ].join('\n'),
  labs: [
    'patient_id,test,value,date',
    // q6: eGFR 9 then 25: the worst is 9 (as text, "25" would sort first) → LAB, eGFR 9 (2025-01).
    'q6,egfr,9,2025-01-10',
    'q6,egfr,25,2026-03-01',
    // q7: eGFR 25 twice: on the same worst value, the latest date → LAB, eGFR 25 (2025-06); 20
    // after the as-of date is not read.
    'q7,egfr,25,2025-01-10',
    'q7,egfr,25,2025-06-20',
    'q7,egfr,20,2026-05-01',
    // q9: HbA1c 9.1 then 7.5, the latest → 7.5 < 8 → REST.
    'q9,hba1c,9.1,2025-10-01',
    'q9,hba1c,7.5,2026-02-01',
    // qa: two HbA1c on the latest date, 7.2 and 8.3: the worse (higher) → 8.3 → HBA; 6.0 earlier.
    'qa,hba1c,6.0,2025-12-01',
    'qa,hba1c,7.2,2026-03-01',
    'qa,hba1c,8.3,2026-03-01',
    // qb: HbA1c 8.8 before the 12 months (2025-03-31 is not after asOf − 12 months) → REST.
    'qb,hba1c,8.8,2025-03-31',
    // qc: eGFR 60 then 45: the worst is 45, not below 30 → REST.
    'qc,egfr,60,2025-02-01',
    'qc,egfr,45,2025-08-01',
  ].join('\n'),
  dispensations: [
    'patient_id,atc,date',
    // qd: three A10 dispensations in the 12 months → DISP (its reason the latest, A10BA02 ×3).
    'qd,A10BA02,2025-05-01',
    'qd,A10BA02,2025-09-01',
    'qd,A10BJ06,2026-02-01',
    // qe: two in the 12 months and one before → REST.
    'qe,A10BA02,2025-01-15',
    'qe,A10BA02,2025-09-01',
    'qe,A10BA02,2026-02-01',
  ].join('\n'),
};

let dir: string;
let instance: DuckDBInstance;
let duck: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logi-matched-'));
  for (const [table, text] of Object.entries(FILES)) writeFileSync(path.join(dir, `${table}.csv`), `${text}\n`);
  instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  duck = await instance.connect();
  await loadTables(duck, { dir, tables: [...TABLE_NAMES].filter((t) => t in FILES), delimiter: ',' });
  // A stay without a main diagnosis, which the loader refuses but a warehouse's table may hold:
  // an atom without patterns takes every stay of its window, this one too (the emitted SQL's
  // semantics). q5 then has two stays in the window (2026-01-01, 2025-09-09) → STAYS.
  await duck.run(`INSERT INTO stays (patient_id, admission, main_diagnosis) VALUES ('q5', DATE '2025-09-09', NULL)`);
});

afterAll(() => {
  duck?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('the matched-rows query on DuckDB', () => {
  it('counts a row once per atom, reads every stay without patterns, and the atoms after the 64th', async () => {
    const sql = compileStratifySql(PLAN, { asOf: AS_OF, dialect: 'duckdb' });
    expect(sql).toContain('mask1');
    const rows = (await duck.runAndReadAll(`SELECT * FROM (${sql}) q ORDER BY patient_id`)).getRowsJS().map((r) => r.map(String));
    expect(rows).toEqual([
      ['q1', 't', 'MANY', 'C69 (2026-01)'],
      ['q2', 't', 'TWICE', 'E112 (2026-02)'],
      ['q3', 't', 'MANY', 'C00 (2020-01)'],
      ['q4', 't', 'STAYS', 'stay I50 (2026-03)'],
      ['q5', 't', 'STAYS', 'stay J18 (2026-01)'],
      ['q6', 't', 'LAB', 'eGFR 9 mL/min/1.73 m² (2025-01)'],
      ['q7', 't', 'LAB', 'eGFR 25 mL/min/1.73 m² (2025-06)'],
      ['q8', 't', 'REST', 'rest'],
      ['q9', 't', 'REST', 'rest'],
      ['qa', 't', 'HBA', 'HbA1c 8.3 % (2026-03)'],
      ['qb', 't', 'REST', 'rest'],
      ['qc', 't', 'REST', 'rest'],
      ['qd', 't', 'DISP', 'A10BJ06 ×3 (2026-02)'],
      ['qe', 't', 'REST', 'rest'],
    ]);
  });

  it('without reasons (--counts-only): the same strata, by the counted atoms and the lab keys', async () => {
    const sql = compileStratifySql(PLAN, { asOf: AS_OF, dialect: 'duckdb', reasons: false });
    // No kept row per atom: the atoms of minimum count 2 are counted per patient (n0 for TWICE).
    expect(sql).not.toContain('map_from_entries');
    expect(sql).toContain('AS n0');
    const rows = (await duck.runAndReadAll(`SELECT * FROM (${sql}) q ORDER BY patient_id`)).getRowsJS().map((r) => r.map(String));
    const strata = ['MANY', 'TWICE', 'MANY', 'STAYS', 'STAYS', 'LAB', 'LAB', 'REST', 'REST', 'HBA', 'REST', 'REST', 'DISP', 'REST'];
    const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'qa', 'qb', 'qc', 'qd', 'qe'];
    expect(rows).toEqual(strata.map((stratum, i) => [ids[i], 't', stratum]));
  });

  it('without reasons, a plan whose every event atom is counted (no atom of minimum count 1)', async () => {
    const counted: StratifyPlan = { order: [{ stratum: 'TWICE', rule: diagnosis(['E11*', 'E112'], 2) }], bottom: 'REST', strata: ['REST', 'TWICE'] };
    const sql = compileStratifySql(counted, { asOf: AS_OF, dialect: 'duckdb', reasons: false });
    const rows = (await duck.runAndReadAll(`SELECT patient_id, stratum FROM (${sql}) q WHERE stratum <> 'REST' ORDER BY patient_id`)).getRowsJS();
    // q2 alone has two rows of E11* (q1's one row E112 counts once).
    expect(rows).toEqual([['q2', 'TWICE']]);
  });

  it('gives the same rows as the one-CTE-per-atom form run on DuckDB', async () => {
    // The PostgreSQL dialect's form differs only by COLLATE "C", which DuckDB does not need: its
    // text is run here with that clause removed, as a second, independent formulation.
    const windowSql = compileStratifySql(PLAN, { asOf: AS_OF, dialect: 'postgres' }).replace(/ COLLATE "C"/g, '').replace(/to_char\(([^,]+), 'YYYY-MM'\)/g, "strftime($1, '%Y-%m')");
    const matched = (await duck.runAndReadAll(`SELECT * FROM (${compileStratifySql(PLAN, { asOf: AS_OF, dialect: 'duckdb' })}) q ORDER BY patient_id`)).getRowsJS();
    const windowed = (await duck.runAndReadAll(`SELECT * FROM (${windowSql}) q ORDER BY patient_id`)).getRowsJS();
    expect(windowed.map((r) => r.map(String))).toEqual(matched.map((r) => r.map(String)));
  });
});
