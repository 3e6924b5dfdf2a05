/**
 * `runStratify` and its outputs (src/stratify/run.ts) on the agreement dataset: the counts per
 * territory × stratum summed by hand from dataset.ts's EXPECTED, the files of the output set, and
 * the Territory documents (a known one overlaid, an unknown one new) valid for the language.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse, parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputSet } from '../../src/io/output-set.js';
import { TerritoryDocument } from '../../src/language/schemas/territory.js';
import { runStratify, writeStratifyOutputs, type StratifyOutcome } from '../../src/stratify/run.js';
import { TABLE_NAMES } from '../../src/stratify/tables.js';
import { AS_OF, FILES } from './dataset.js';
import { PLAN } from './plan.js';

let dir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let outcome: StratifyOutcome;

const KNOWN = `kind: Territory
version: 1
id: douaisis
title: Douaisis
# a comment kept
population: 245007
pyramids:
  test:
    counts: { S0: 1 }
    multipliers: { S1->S2: 1.2 }
  other:
    counts: { A: 5 }
sources:
  insee: { title: INSEE }
`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logi-run-'));
  for (const [table, text] of Object.entries(FILES)) writeFileSync(path.join(dir, `${table}.csv`), text);
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  connection = await instance.connect();
  outcome = await runStratify(connection, { dir, delimiter: ',', asOf: AS_OF, plan: PLAN, tables: [...TABLE_NAMES] });
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('runStratify', () => {
  it('counts each territory by stratum, in pyramid order, outside apart', () => {
    // From EXPECTED: douaisis S0 p01 p03 p06, S1 p02 p10, P p07, S2 p04, S3 p05, outside p08 p09;
    // cambresis S0 p14 p15 p16, S1 p13, S3 p11 p12.
    expect(outcome.territories.map(({ territory, counts, outside, patients }) => ({ territory, counts, outside, patients }))).toEqual([
      { territory: 'cambresis', counts: { S0: 3, S1: 1, P: 0, S2: 0, S3: 2 }, outside: 0, patients: 6 },
      { territory: 'douaisis', counts: { S0: 3, S1: 2, P: 1, S2: 1, S3: 1 }, outside: 2, patients: 10 },
    ]);
    expect(outcome.patients).toBe(16);
  });

  it("the dataset's SHA-256 is sha256sum's lines of the files read, in table order, hashed", () => {
    const names = TABLE_NAMES.map((table) => `${table}.csv`).join(' ');
    expect(outcome.sha256).toBe(execSync(`sha256sum ${names} | sha256sum`, { cwd: dir, encoding: 'utf8' }).slice(0, 64));
  });

  it('the default as-of is the latest date of the data read', async () => {
    const other = await DuckDBInstance.create(':memory:', { threads: '1' });
    const c = await other.connect();
    // The latest date of dataset.ts: p03's E11 of 2026-04-15.
    expect((await runStratify(c, { dir, delimiter: ',', plan: PLAN, tables: [...TABLE_NAMES] })).asOf).toBe('2026-04-15');
    c.closeSync();
    other.closeSync();
  });
});

describe('outputs', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(dir, 'out');
    const set = await OutputSet.prepare(out, { command: 'stratify', names: [] });
    await writeStratifyOutputs(connection, set, outcome, { pyramid: 'test', known: new Map([['douaisis', parseDocument(KNOWN)]]), plan: PLAN, delimiter: ',', assignmentsCsv: true });
    await set.commit();
  });

  it('counts.csv', () => {
    expect(readFileSync(path.join(out, 'counts.csv'), 'utf8')).toBe(
      ['territory,stratum,count', 'cambresis,S0,3', 'cambresis,S1,1', 'cambresis,P,0', 'cambresis,S2,0', 'cambresis,S3,2', 'cambresis,outside,0'].join('\n') +
        '\n' +
        ['douaisis,S0,3', 'douaisis,S1,2', 'douaisis,P,1', 'douaisis,S2,1', 'douaisis,S3,1', 'douaisis,outside,2'].join('\n') +
        '\n',
    );
  });

  it('assignments.csv, by patient id, and assignments.parquet with the same rows', async () => {
    const csv = readFileSync(path.join(out, 'assignments.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('patient_id,territory,stratum,reason');
    expect(csv[4]).toBe('p04,douaisis,S2,HbA1c 8.4 % (2026-03) + territory douaisis');
    expect(csv.length).toBe(18); // header, 16 patients, the final empty line
    const rows = (await connection.runAndReadAll(`SELECT count(*), count(DISTINCT patient_id) FROM read_parquet('${path.join(out, 'assignments.parquet')}') WHERE stratum = 'S1'`)).getRowsJS();
    expect(rows).toEqual([[3n, 3n]]); // p02, p10, p13
  });

  it('a known territory: its document with the pyramid replaced, its multipliers, comments and other pyramids kept', () => {
    const text = readFileSync(path.join(out, 'territories', 'douaisis.yaml'), 'utf8');
    expect(text).toContain('# a comment kept');
    const value = TerritoryDocument.parse(parse(text));
    expect(value.population).toBe(245007);
    expect(value.pyramids.test).toMatchObject({ counts: { S0: 3, S1: 2, P: 1, S2: 1, S3: 1 }, source: 'logi-stratify', multipliers: { 'S1->S2': 1.2 } });
    expect(value.pyramids.other?.counts).toEqual({ A: 5 });
    expect(value.sources['logi-stratify']?.title).toBe(`logi stratify test, as of 2026-03-31, data SHA-256 ${outcome.sha256}`);
    expect(value.sources.insee?.title).toBe('INSEE');
  });

  it('an unknown territory: a new document, its population the patients of the data', () => {
    const value = TerritoryDocument.parse(parse(readFileSync(path.join(out, 'territories', 'cambresis.yaml'), 'utf8')));
    expect(value).toMatchObject({ kind: 'Territory', id: 'cambresis', population: 6, pyramids: { test: { counts: { S0: 3, S1: 1, P: 0, S2: 0, S3: 2 } } } });
  });
});

/** The dataset as Parquet files, each column typed as DuckDB's CSV reader detects it (dates as DATE). */
async function asParquet(from: string): Promise<string> {
  const to = path.join(from, 'parquet');
  mkdirSync(to);
  for (const table of TABLE_NAMES) await connection.run(`COPY (SELECT * FROM read_csv('${path.join(from, `${table}.csv`)}')) TO '${path.join(to, `${table}.parquet`)}' (FORMAT parquet)`);
  return to;
}

describe('counts only (--counts-only)', () => {
  // The counts summed by hand from EXPECTED (see 'counts each territory…' above).
  const HAND = [
    { territory: 'cambresis', counts: { S0: 3, S1: 1, P: 0, S2: 0, S3: 2 }, outside: 0, patients: 6 },
    { territory: 'douaisis', counts: { S0: 3, S1: 2, P: 1, S2: 1, S3: 1 }, outside: 2, patients: 10 },
  ];

  it('from CSV and from typed Parquet: the counts summed by hand, without a table of assignments', async () => {
    const parquet = await asParquet(dir);
    for (const data of [dir, parquet]) {
      const other = await DuckDBInstance.create(':memory:', { threads: '2' });
      const c = await other.connect();
      const counted = await runStratify(c, { dir: data, delimiter: ',', asOf: AS_OF, plan: PLAN, tables: [...TABLE_NAMES], countsOnly: true });
      expect(counted.territories.map(({ territory, counts, outside, patients }) => ({ territory, counts, outside, patients }))).toEqual(HAND);
      expect((await c.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'assignments'`)).getRowsJS()).toEqual([[0n]]);
      c.closeSync();
      other.closeSync();
    }
  });

  it('writes counts.csv and the Territory documents, and no assignments', async () => {
    const out = path.join(dir, 'out-counts');
    const set = await OutputSet.prepare(out, { command: 'stratify', names: [] });
    const files = await writeStratifyOutputs(connection, set, outcome, { pyramid: 'test', known: new Map(), plan: PLAN, delimiter: ',', assignmentsCsv: false, countsOnly: true });
    await set.commit();
    expect(files.map((f) => path.relative(out, f)).sort()).toEqual(['counts.csv', path.join('territories', 'cambresis.yaml'), path.join('territories', 'douaisis.yaml')]);
    expect(readdirSync(out).sort()).toEqual(['.logi-output.json', 'counts.csv', 'territories']);
  });
});
