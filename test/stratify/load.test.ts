/**
 * The loader (src/stratify/load.ts): the errors a user sees on bad data, naming the file, the row as
 * counted in the file (a CSV's header is row 1) and the column; and the normalised tables.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { latestDate, loadTables, type LoadOptions } from '../../src/stratify/load.js';

const PATIENTS = 'patient_id,birth_date,sex,territory\np1,1960-01-01,F,douaisis\np2,1970-05-05,M,douaisis\n';
let dirs: string[] = [];

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-load-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** Loads `files` and returns `query`'s rows, or the error message. */
async function load(files: Record<string, string>, options: Partial<LoadOptions> = {}, query?: string): Promise<unknown[][] | string> {
  const dir = folder(files);
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await loadTables(connection, { dir, tables: ['patients', 'diagnoses', 'labs'], delimiter: ',', ...options });
    return query ? (await connection.runAndReadAll(query)).getRowsJS() : [];
  } catch (error) {
    return (error as Error).message.replaceAll(dir + path.sep, '');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const DIAGNOSES = 'patient_id,code,date\np1,E11,2026-01-01\n';
const LABS = 'patient_id,test,value,date\np1,hba1c,8.4,2026-01-01\n';

describe('errors', () => {
  it('a missing required table names the files expected', async () => {
    expect(await load({ 'patients.csv': PATIENTS, 'labs.csv': LABS })).toMatch(/has no diagnoses table: diagnoses\.csv or diagnoses\.parquet expected$/);
  });

  it('a missing column names the file and the column', async () => {
    expect(await load({ 'patients.csv': PATIENTS, 'diagnoses.csv': 'patient_id,code,day\np1,E11,2026-01-01\n', 'labs.csv': LABS })).toBe('diagnoses.csv has no column date (its columns: patient_id, code, day)');
  });

  it('--territory-column names the column read, and the one missing', async () => {
    const files = { 'patients.csv': PATIENTS, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS };
    expect(await load(files, { territoryColumn: 'ght' })).toBe('patients.csv has no column ght (its columns: patient_id, birth_date, sex, territory)');
    const renamed = { ...files, 'patients.csv': PATIENTS.replace('territory', 'ght') };
    expect(await load(renamed, { territoryColumn: 'ght' }, 'SELECT territory FROM patients LIMIT 1')).toEqual([['douaisis']]);
  });

  it('a date that does not exist: file, row (header = row 1), column, value', async () => {
    // Rows: 1 header, 2 p1, 3 p2 with 30 February.
    const diagnoses = 'patient_id,code,date\np1,E11,2026-01-01\np2,E11,2026-02-30\n';
    expect(await load({ 'patients.csv': PATIENTS, 'diagnoses.csv': diagnoses, 'labs.csv': LABS })).toBe('diagnoses.csv, row 3, column date: "2026-02-30" is not a date');
  });

  it('a date in another format is refused too', async () => {
    const patients = PATIENTS.replace('1970-05-05', '05/05/1970');
    expect(await load({ 'patients.csv': patients, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS })).toBe('patients.csv, row 3, column birth_date: "05/05/1970" is not a date');
  });

  it('the first bad row over every column, whatever the column', async () => {
    // Row 3 has a bad value, row 4 a bad date: row 3 is reported.
    const labs = 'patient_id,test,value,date\np1,hba1c,8.4,2026-01-01\np1,hba1c,huit,2026-01-02\np1,hba1c,8.1,2026-13-01\n';
    expect(await load({ 'patients.csv': PATIENTS, 'diagnoses.csv': DIAGNOSES, 'labs.csv': labs })).toBe('labs.csv, row 3, column value: "huit" is not a number');
  });

  it('sex other than F or M', async () => {
    expect(await load({ 'patients.csv': PATIENTS.replace(',M,', ',X,'), 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS })).toBe('patients.csv, row 3, column sex: "X" is not a sex');
  });

  it('an empty required value, a repeated patient', async () => {
    expect(await load({ 'patients.csv': PATIENTS.replace(',douaisis\np2', ',\np2'), 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS })).toBe('patients.csv, row 2, column territory: a value is required here');
    const twice = `${PATIENTS}p1,1961-01-01,F,douaisis\n`;
    expect(await load({ 'patients.csv': twice, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS })).toBe('patients.csv, row 4, column patient_id: the patient "p1" is already on an earlier row');
  });

  it('on one row, the first column by name; a repeated patient before a later bad cell', async () => {
    // Row 3 has a bad sex and a bad birth date: birth_date comes first by name.
    const bothBad = PATIENTS.replace('1970-05-05,M', '1970-02-30,X');
    expect(await load({ 'patients.csv': bothBad, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS })).toBe('patients.csv, row 3, column birth_date: "1970-02-30" is not a date');
    // Row 4 repeats p1, row 5 has a bad sex: the repeated patient (row 4) is reported.
    const twiceThenBad = `${PATIENTS}p1,1961-01-01,F,douaisis\np3,1961-01-01,X,douaisis\n`;
    expect(await load({ 'patients.csv': twiceThenBad, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS })).toBe('patients.csv, row 4, column patient_id: the patient "p1" is already on an earlier row');
    // A bad sex and a bad death date on row 2: death_date comes first by name, though after sex in
    // the file and in the schema; the value shown is the death date's.
    const sexAndDeath = 'patient_id,birth_date,sex,territory,death_date\np1,1960-01-01,X,douaisis,2026-13-01\n';
    expect(await load({ 'patients.csv': sexAndDeath, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS })).toBe('patients.csv, row 2, column death_date: "2026-13-01" is not a date');
  });

  it("a large CSV read by DuckDB's parallel reader: the bad row is still named by its place in the file", async () => {
    // 1,200,000 diagnoses, about 75 MB: more than DuckDB's CSV buffer (32 MB), so that its threads
    // read parts of the file at once. One bad date on data row 1,087,654, row 1,087,655 as a user
    // counts them (the header is row 1). Rows of varied length, and a quoted value with a line
    // break every 997 rows, so that the parts do not fall on row boundaries.
    const id = 'patient-with-a-long-identifier-0000000';
    const rows = Array.from({ length: 1_200_000 }, (_, i) =>
      i === 1_087_653 ? `${id},E11,2026-02-30` : i % 997 === 0 ? `${id},"E11\n${i}",2026-01-01` : `${id},E${10 + (i % 89)}${'9'.repeat(i % 7)},2026-01-01`,
    );
    const dir = folder({ 'patients.csv': PATIENTS, 'diagnoses.csv': `patient_id,code,date\n${rows.join('\n')}\n`, 'labs.csv': LABS });
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await instance.connect();
    await expect(loadTables(connection, { dir, tables: ['patients', 'diagnoses', 'labs'], delimiter: ',' })).rejects.toThrow('diagnoses.csv, row 1087655, column date: "2026-02-30" is not a date');
    connection.closeSync();
    instance.closeSync();
  });

  it('a Parquet file counts rows from 1 (no header row)', async () => {
    const dir = folder({ 'src.csv': 'patient_id,birth_date,sex,territory\np1,1960-01-01,F,d\np2,1970-05-05,W,d\n' });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT * FROM read_csv('${path.join(dir, 'src.csv')}', all_varchar = true)) TO '${path.join(dir, 'patients.parquet')}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const other = await DuckDBInstance.create(':memory:');
    const c = await other.connect();
    await expect(loadTables(c, { dir, tables: ['patients'], delimiter: ',' })).rejects.toThrow(`${path.join(dir, 'patients.parquet')}, row 2, column sex: "W" is not a sex`);
    c.closeSync();
    other.closeSync();
  });
});

describe('normalised tables', () => {
  it('codes upper case without dots or spaces, sex upper case, test ids lower case, ALD flags', async () => {
    const diagnoses = 'patient_id,code,date,ald\np1, e11.9 ,2026-01-01,oui\np1,i50 0,2026-01-02,\np2,E10,2026-01-03,FALSE\n';
    const labs = 'patient_id,test,value,date\np1,HbA1c,8.40,2026-01-01\n';
    const files = { 'patients.csv': PATIENTS.replace(',F,', ',f,'), 'diagnoses.csv': diagnoses, 'labs.csv': labs };
    expect(await load(files, {}, 'SELECT code, CAST(date AS VARCHAR), ald FROM diagnoses')).toEqual([
      ['E119', '2026-01-01', true],
      ['I500', '2026-01-02', false],
      ['E10', '2026-01-03', false],
    ]);
    expect(await load(files, {}, 'SELECT sex FROM patients')).toEqual([['F'], ['M']]);
    // The value as a number, and as written (for the reason).
    expect(await load(files, {}, 'SELECT test, value, value_text FROM labs')).toEqual([['hba1c', 8.4, '8.40']]);
  });

  it('semicolons, and decimal commas with them', async () => {
    const semi = (text: string) => text.replaceAll(',', ';');
    const files = { 'patients.csv': semi(PATIENTS), 'diagnoses.csv': semi(DIAGNOSES), 'labs.csv': 'patient_id;test;value;date\np1;hba1c;8,4;2026-01-01\n' };
    expect(await load(files, { delimiter: ';' }, 'SELECT value, value_text FROM labs')).toEqual([[8.4, '8,4']]);
  });

  it('a decimal comma is refused with commas as delimiter', async () => {
    const labs = 'patient_id,test,value,date\np1,hba1c,"8,4",2026-01-01\n';
    expect(await load({ 'patients.csv': PATIENTS, 'diagnoses.csv': DIAGNOSES, 'labs.csv': labs })).toBe('labs.csv, row 2, column value: "8,4" is not a number');
  });

  it('tables not read, and a missing acts file, are empty tables', async () => {
    const files = { 'patients.csv': PATIENTS, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS, 'stays.csv': 'not even read' };
    const counts = 'SELECT (SELECT count(*) FROM stays), (SELECT count(*) FROM acts), (SELECT count(*) FROM dispensations)';
    expect(await load(files, { tables: ['patients', 'diagnoses', 'labs', 'acts'] }, counts)).toEqual([[0n, 0n, 0n]]);
  });

  it('the default as-of date: the latest date of the tables read', async () => {
    // Dates: births 1960-01-01, 1970-05-05; diagnosis 2026-01-01; lab 2026-02-15 (the latest).
    const dir = folder({ 'patients.csv': PATIENTS, 'diagnoses.csv': DIAGNOSES, 'labs.csv': LABS.replace('2026-01-01', '2026-02-15') });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const files = await loadTables(connection, { dir, tables: ['patients', 'diagnoses', 'labs'], delimiter: ',' });
    expect(await latestDate(connection, files)).toBe('2026-02-15');
    expect(await latestDate(connection, files.slice(0, 2))).toBe('2026-01-01');
    connection.closeSync();
    instance.closeSync();
  });
});

describe('Parquet files read through views', () => {
  /** Writes `csv` as `<table>.parquet` (text columns as text, dates as DATE) in a new folder. */
  async function parquetFolder(tables: Record<string, string>): Promise<string> {
    const dir = folder(Object.fromEntries(Object.entries(tables).map(([table, text]) => [`${table}.csv`, text])));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const table of Object.keys(tables)) {
      await connection.run(`COPY (SELECT * FROM read_csv('${path.join(dir, `${table}.csv`)}', types = {'patient_id': 'VARCHAR'})) TO '${path.join(dir, `${table}.parquet`)}' (FORMAT parquet)`);
      rmSync(path.join(dir, `${table}.csv`));
    }
    connection.closeSync();
    instance.closeSync();
    return dir;
  }

  it('a column with one value to normalise is normalised whole; a column already normal is read as it is', async () => {
    // Diagnoses: the codes of rows 1 and 3 are normal, row 2's is not ("e11.9 " → E119): the whole
    // column goes through the normalisation. The patient ids are all normal.
    const dir = await parquetFolder({ patients: PATIENTS, diagnoses: 'patient_id,code,date\np1,E10,2026-01-01\np1,"e11.9 ",2026-01-02\np2,I50,2026-01-03\n' });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await loadTables(connection, { dir, tables: ['patients', 'diagnoses'], delimiter: ',' });
    expect((await connection.runAndReadAll('SELECT patient_id, code FROM diagnoses')).getRowsJS()).toEqual([
      ['p1', 'E10'],
      ['p1', 'E119'],
      ['p2', 'I50'],
    ]);
    // The views' text: the codes normalised, the patient ids read as they are (no trim).
    const view = String((await connection.runAndReadAll(`SELECT sql FROM duckdb_views() WHERE view_name = 'diagnoses'`)).getRowsJS()[0]?.[0]);
    expect(view).toContain('regexp_replace');
    expect(view).not.toMatch(/trim\W*\(CAST\(\W*patient_id/);
    // Nothing copied: the relations are views over the files.
    expect((await connection.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('patients', 'diagnoses', 'raw_patients_data')`)).getRowsJS()).toEqual([[0n]]);
    connection.closeSync();
    instance.closeSync();
  });

  it('ids with spaces around them are trimmed, their case kept', async () => {
    const dir = await parquetFolder({ patients: PATIENTS.replace('p1,', 'P1,').replace('\np2,', '\n" P2 ",'), diagnoses: 'patient_id,code,date\n"P2 ",E11,2026-01-01\n' });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await loadTables(connection, { dir, tables: ['patients', 'diagnoses'], delimiter: ',' });
    expect((await connection.runAndReadAll('SELECT (SELECT list(patient_id ORDER BY patient_id) FROM patients), (SELECT list(patient_id) FROM diagnoses)')).getRowsJS()).toEqual([[['P1', 'P2'], ['P2']]]);
    connection.closeSync();
    instance.closeSync();
  });

  it('a lab test id in capitals is lowered, a sex in lower case raised, a typed ALD flag left empty is false', async () => {
    // HBA1C is upper-case letters and digits, as a code would be: it must still be lowered.
    const dir = await parquetFolder({
      patients: PATIENTS.replace(',F,', ',f,'),
      diagnoses: 'patient_id,code,date,ald\np1,E11,2026-01-01,true\np1,E10,2026-01-02,\n',
      // The labs' ids need trimming: trimmed, their case kept (only the test id is lowered).
      labs: 'patient_id,test,value,date\n" P1",HBA1C,8.4,2026-01-01\n',
    });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await loadTables(connection, { dir, tables: ['patients', 'diagnoses', 'labs'], delimiter: ',' });
    const rows = 'SELECT (SELECT list(sex ORDER BY patient_id) FROM patients), (SELECT list(test) FROM labs), (SELECT list(patient_id) FROM labs), (SELECT list(ald ORDER BY date) FROM diagnoses)';
    expect((await connection.runAndReadAll(rows)).getRowsJS()).toEqual([[['F', 'M'], ['hba1c'], ['P1'], [true, false]]]);
    connection.closeSync();
    instance.closeSync();
  });
});

describe('the normalised relations have the documented types (docs/stratify.md, "Normalised tables")', () => {
  // Written from the documentation's list, not from tables.ts.
  const DOCUMENTED = {
    patients: [['patient_id', 'VARCHAR'], ['birth_date', 'DATE'], ['sex', 'VARCHAR'], ['territory', 'VARCHAR'], ['death_date', 'DATE']],
    diagnoses: [['patient_id', 'VARCHAR'], ['code', 'VARCHAR'], ['date', 'DATE'], ['ald', 'BOOLEAN']],
    labs: [['patient_id', 'VARCHAR'], ['test', 'VARCHAR'], ['value', 'DOUBLE'], ['date', 'DATE'], ['value_text', 'VARCHAR']],
  };

  it('a Parquet column of numbers for a text column (integer ids) is read as text', async () => {
    const dir = folder({});
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 1001 AS patient_id, DATE '1960-01-01' AS birth_date, 'F' AS sex, 'douaisis' AS territory) TO '${path.join(dir, 'patients.parquet')}' (FORMAT parquet)`);
    await loadTables(connection, { dir, tables: ['patients'], delimiter: ',' });
    expect((await connection.runAndReadAll(`SELECT column_type, patient_id FROM (DESCRIBE patients), patients WHERE column_name = 'patient_id'`)).getRowsJS()).toEqual([['VARCHAR', '1001']]);
    connection.closeSync();
    instance.closeSync();
  });

  it.each(['csv', 'parquet'])('from %s files whose text columns are all normal (read as they are), an ALD column absent', async (format) => {
    const files = { patients: PATIENTS, diagnoses: DIAGNOSES, labs: LABS };
    const dir = folder(Object.fromEntries(Object.entries(files).map(([table, text]) => [`${table}.csv`, text])));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    if (format === 'parquet') {
      // Every column as text in the Parquet files: the text path, with its checks and parsing.
      for (const table of Object.keys(files)) {
        await connection.run(`COPY (SELECT * FROM read_csv('${path.join(dir, `${table}.csv`)}', all_varchar = true)) TO '${path.join(dir, `${table}.parquet`)}' (FORMAT parquet)`);
        rmSync(path.join(dir, `${table}.csv`));
      }
    }
    await loadTables(connection, { dir, tables: ['patients', 'diagnoses', 'labs'], delimiter: ',' });
    for (const [table, columns] of Object.entries(DOCUMENTED)) {
      const described = (await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE ${table})`)).getRowsJS();
      expect(described, table).toEqual(columns);
    }
    // No ALD column in the file: every row is not ALD.
    expect((await connection.runAndReadAll('SELECT list(ald) FROM diagnoses')).getRowsJS()).toEqual([[[false]]]);
    connection.closeSync();
    instance.closeSync();
  });
});

describe('Parquet lab values', () => {
  it('a whole number is quoted without ".0", a decimal as DuckDB prints it', async () => {
    const dir = folder({});
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 'p1' AS patient_id, 'egfr' AS test, CAST(v AS DOUBLE) AS value, DATE '2026-01-01' AS date FROM (VALUES (45), (8.4), (100.5)) t(v)) TO '${path.join(dir, 'labs.parquet')}' (FORMAT parquet)`);
    await connection.run(`COPY (SELECT 'p1' AS patient_id, DATE '1960-01-01' AS birth_date, 'F' AS sex, 'd' AS territory) TO '${path.join(dir, 'patients.parquet')}' (FORMAT parquet)`);
    await loadTables(connection, { dir, tables: ['patients', 'labs'], delimiter: ',' });
    expect((await connection.runAndReadAll('SELECT value_text FROM labs')).getRowsJS()).toEqual([['45'], ['8.4'], ['100.5']]);
    connection.closeSync();
    instance.closeSync();
  });
});
