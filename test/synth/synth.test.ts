import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATC_SHAPE, ICD10_SHAPE } from '../../src/criteria/codes.js';
import { assign, type AssignablePyramid, type Patient } from '../../src/criteria/evaluate.js';
import { OutputSet } from '../../src/io/output-set.js';
import { synthesize, type SynthOptions } from '../../src/synth/generate.js';
import { SynthError, transport } from '../../src/synth/plan.js';
import { writePopulation, type SynthFormat } from '../../src/synth/write.js';
import { DIABETES, HEART_FAILURE } from './fixtures.js';

const AS_OF = '2026-03-31';
const DIABETES_COUNTS = { S0: 1500, S1: 600, S2: 200, S3: 80, S4: 20 };
const HF_COUNTS = { S0: 300, S1: 400, S2: 100, S3: 50, S4: 10 };
const options = (seed: number, small = false): SynthOptions => ({
  territory: 'petit',
  population: small ? 400 : 3000,
  seed,
  asOf: AS_OF,
  pyramids: [
    { id: 'diabete-t2', criteria: DIABETES, counts: small ? { S0: 200, S1: 80, S2: 30, S3: 10, S4: 5 } : DIABETES_COUNTS },
    { id: 'insuffisance-cardiaque', criteria: HEART_FAILURE, counts: small ? { S0: 40, S1: 50, S2: 15, S3: 8, S4: 2 } : HF_COUNTS },
  ],
});

let scratch: string;
beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'logi-synth-test-'));
});
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

async function write(dir: string, synth: SynthOptions, format: SynthFormat): Promise<string> {
  const out = path.join(scratch, dir);
  const set = await OutputSet.prepare(out, { command: 'synth', names: [] });
  await writePopulation(synthesize(synth), set, format);
  await set.commit();
  return out;
}

/** The CSV tables read back by hand (no quoting: the generator writes none) into patients. */
async function readPatients(dir: string): Promise<Patient[]> {
  const rows = async (table: string): Promise<string[][]> => {
    const [header, ...lines] = (await fs.readFile(path.join(dir, `${table}.csv`), 'utf8')).trimEnd().split('\n');
    expect(header!.length).toBeGreaterThan(0);
    return lines.filter((l) => l !== '').map((l) => l.split(','));
  };
  const byId = new Map<string, Patient>();
  for (const [id, birthDate, sex, territory, deathDate] of await rows('patients')) {
    byId.set(id!, { patientId: id!, birthDate: birthDate!, sex: sex as 'F' | 'M', territory: territory!, ...(deathDate ? { deathDate } : {}), diagnoses: [], dispensations: [], labs: [], stays: [], acts: [] });
  }
  for (const [id, code, date, ald] of await rows('diagnoses')) byId.get(id!)!.diagnoses.push({ code: code!, date: date!, ald: ald === 'true' });
  for (const [id, atc, date] of await rows('dispensations')) byId.get(id!)!.dispensations.push({ atc: atc!, date: date! });
  for (const [id, test, value, date] of await rows('labs')) byId.get(id!)!.labs.push({ test: test!, value: Number(value), date: date! });
  for (const [id, admission, discharge, main] of await rows('stays')) byId.get(id!)!.stays.push({ admission: admission!, ...(discharge ? { discharge } : {}), mainDiagnosis: main! });
  for (const [id, code, date] of await rows('acts')) byId.get(id!)!.acts.push({ code: code!, date: date! });
  return [...byId.values()];
}

function tally(pyramid: AssignablePyramid, patients: readonly Patient[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of patients) {
    const { stratum } = assign(pyramid, p, AS_OF);
    counts[stratum] = (counts[stratum] ?? 0) + 1;
  }
  return counts;
}

/** Age by hand: years between the dates, one less before the birthday. */
function age(birth: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = AS_OF.split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

describe('logi synth: the population read back', () => {
  let patients: Patient[];
  beforeAll(async () => {
    patients = await readPatients(await write('joint', options(7), 'csv'));
  });

  it('meets both pyramids\' counts exactly, the rest outside', () => {
    expect(patients).toHaveLength(3000);
    // 3000 − (1500 + 600 + 200 + 80 + 20) = 600 outside the diabetes pyramid.
    expect(tally(DIABETES, patients)).toEqual({ ...DIABETES_COUNTS, outside: 600 });
    // 3000 − (300 + 400 + 100 + 50 + 10) = 2140 outside the heart-failure pyramid.
    expect(tally(HEART_FAILURE, patients)).toEqual({ ...HF_COUNTS, outside: 2140 });
  });

  it('is plausible: one territory, unique ids, adults in the pyramids, dates before asOf, codes of the right shape', () => {
    expect(new Set(patients.map((p) => p.patientId)).size).toBe(3000);
    expect(patients.every((p) => p.territory === 'petit')).toBe(true);
    const inDiabetes = patients.filter((p) => assign(DIABETES, p, AS_OF).stratum !== 'outside');
    expect(inDiabetes.every((p) => age(p.birthDate) >= 18)).toBe(true);
    expect(patients.every((p) => age(p.birthDate) >= 0 && age(p.birthDate) <= 104)).toBe(true);
    const dates = patients.flatMap((p) => [...p.diagnoses.map((d) => d.date), ...p.dispensations.map((d) => d.date), ...p.labs.map((d) => d.date), ...p.stays.map((s) => s.admission), ...p.acts.map((a) => a.date)]);
    expect(dates.every((d) => d <= AS_OF && d > '2021-03-31')).toBe(true);
    // The latest date of the data is asOf (stratify's default).
    expect(dates.concat(patients.flatMap((p) => (p.deathDate ? [p.deathDate] : []))).reduce((a, b) => (a > b ? a : b))).toBe(AS_OF);
    expect(patients.every((p) => p.diagnoses.every((d) => ICD10_SHAPE.test(d.code)) && p.stays.every((s) => ICD10_SHAPE.test(s.mainDiagnosis)))).toBe(true);
    expect(patients.every((p) => p.dispensations.every((d) => ATC_SHAPE.test(d.atc)))).toBe(true);
    const hba1c = patients.flatMap((p) => p.labs.filter((l) => l.test === 'hba1c').map((l) => l.value));
    expect(hba1c.length).toBeGreaterThan(0);
    expect(hba1c.every((v) => v >= 4.5 && v <= 14 && Math.round(v * 10) === v * 10)).toBe(true);
    // Both sexes, and ages spread (not all the same).
    expect(new Set(patients.map((p) => p.sex))).toEqual(new Set(['F', 'M']));
    expect(new Set(patients.map((p) => age(p.birthDate))).size).toBeGreaterThan(50);
  });

  it('the heart-failure strata have their rows: every S2–S4 patient has an I50 diagnosis', () => {
    const failing = patients.filter((p) => ['S2', 'S3', 'S4'].includes(assign(HEART_FAILURE, p, AS_OF).stratum));
    expect(failing).toHaveLength(160);
    expect(failing.every((p) => p.diagnoses.some((d) => d.code.startsWith('I50')))).toBe(true);
  });
});

describe('logi synth: reproducibility and formats', () => {
  const bytes = async (dir: string, file: string) => fs.readFile(path.join(dir, file));
  it('gives the same bytes for the same seed, others for another seed', async () => {
    const a = await write('a', options(3, true), 'csv');
    const b = await write('b', options(3, true), 'csv');
    const c = await write('c', options(4, true), 'csv');
    for (const table of ['patients', 'diagnoses', 'dispensations', 'labs', 'stays', 'acts']) expect((await bytes(a, `${table}.csv`)).equals(await bytes(b, `${table}.csv`))).toBe(true);
    expect((await bytes(a, 'patients.csv')).equals(await bytes(c, 'patients.csv'))).toBe(false);
  });

  it('writes typed Parquet with the rows of the CSV, identical for the same seed', async () => {
    const csv = await write('pc', options(5, true), 'csv');
    const parquet = await write('pq', options(5, true), 'parquet');
    const again = await write('pq2', options(5, true), 'parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const table of ['patients', 'diagnoses', 'labs', 'stays']) {
        const lines = (await fs.readFile(path.join(csv, `${table}.csv`), 'utf8')).trimEnd().split('\n').length - 1;
        const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path.join(parquet, `${table}.parquet`)}')`);
        expect(reader.getRowObjects()[0]!.n).toBe(lines);
        expect((await bytes(parquet, `${table}.parquet`)).equals(await bytes(again, `${table}.parquet`))).toBe(true);
      }
      const types = await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${path.join(parquet, 'labs.parquet')}'))`);
      expect(types.getRowObjects().map((r) => `${String(r.column_name)} ${String(r.column_type)}`)).toEqual(['patient_id VARCHAR', 'test VARCHAR', 'value DOUBLE', 'date DATE']);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('logi synth: refusals', () => {
  it('refuses counts no patient can meet, and counts over the population', () => {
    const impossible: AssignablePyramid = { strata: [{ stratum: 'S0' }, { stratum: 'S1', rule: { kind: 'all', of: [{ kind: 'age', test: { lt: 18 } }, { kind: 'age', test: { gte: 18 } }] } }] };
    const run = (counts: Record<string, number>) => [...synthesize({ territory: 't', population: 10, seed: 1, asOf: AS_OF, pyramids: [{ id: 'p', criteria: impossible, counts }] })];
    expect(() => run({ S0: 5, S1: 1 })).toThrow(SynthError);
    expect(() => run({ S0: 11 })).toThrow(/more than the population \(10\)/);
    expect(() => run({ S9: 1 })).toThrow(/S9/);
    // Without population criterion and nobody reaching S1: all 10 are S0 or dead (outside).
    const people = run({ S0: 7 });
    expect(people.filter((p) => p.deathDate !== undefined && p.deathDate <= AS_OF)).toHaveLength(3);
  });
});

describe('pairing (transportation)', () => {
  it('moves patients off the cells the independent start filled when a later column needs them', () => {
    // Supplies [5, 5], demands [5, 5], cell (0, 0) impossible: the only solution is [[0, 5], [5, 0]].
    expect(transport([5, 5], [5, 5], (r, c) => !(r === 0 && c === 0))).toEqual([[0, 5], [5, 0]]);
    // Row 0 (6) may only go to column 1 (6), so row 1 (4) must fill column 0 (4). The independent start puts
    // floor(4 × 6 / 10) = 2 of row 1 on column 1: augmenting paths must take them back.
    expect(transport([6, 4], [4, 6], (r, c) => !(r === 0 && c === 0))).toEqual([[0, 6], [4, 0]]);
    // Impossible: row 0 may go nowhere; the flow stops short (5 of 10 placed).
    const flow = transport([5, 5], [5, 5], (r) => r !== 0);
    expect(flow.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });
});
