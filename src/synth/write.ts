/**
 * Writes a synthetic population as the tables of docs/stratify.md "Input data": one CSV per table
 * written piece by piece as the patients come (never all held), or Parquet converted from those
 * CSVs by embedded DuckDB with the column types given (rows keep their order: one reader thread).
 * Every file goes into an output set (src/io/output-set.ts): DIR gets the whole set or nothing.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Patient } from '../criteria/evaluate.js';
import { onInterrupt } from '../io/cleanup.js';
import type { OutputSet } from '../io/output-set.js';
import { sqlString, withDuckDb } from '../results/parquet.js';

export type SynthFormat = 'csv' | 'parquet';

/** The tables and their columns, with their types in Parquet. */
export const SYNTH_TABLES = {
  patients: { patient_id: 'VARCHAR', birth_date: 'DATE', sex: 'VARCHAR', territory: 'VARCHAR', death_date: 'DATE' },
  diagnoses: { patient_id: 'VARCHAR', code: 'VARCHAR', date: 'DATE', ald: 'BOOLEAN' },
  dispensations: { patient_id: 'VARCHAR', atc: 'VARCHAR', date: 'DATE' },
  labs: { patient_id: 'VARCHAR', test: 'VARCHAR', value: 'DOUBLE', date: 'DATE' },
  stays: { patient_id: 'VARCHAR', admission: 'DATE', discharge: 'DATE', main_diagnosis: 'VARCHAR' },
  acts: { patient_id: 'VARCHAR', code: 'VARCHAR', date: 'DATE' },
} as const;
export type SynthTable = keyof typeof SYNTH_TABLES;
export const SYNTH_TABLE_NAMES = Object.keys(SYNTH_TABLES) as SynthTable[];

/** The file names a format writes (the output set's names). */
export function synthFileNames(format: SynthFormat): string[] {
  return SYNTH_TABLE_NAMES.map((table) => `${table}.${format}`);
}

/** The CSV lines of one patient, per table (ids, codes and test ids hold no comma, quote or newline). */
export function patientLines(p: Patient): Record<SynthTable, string> {
  const id = p.patientId;
  return {
    patients: `${id},${p.birthDate},${p.sex},${p.territory},${p.deathDate ?? ''}\n`,
    diagnoses: p.diagnoses.map((d) => `${id},${d.code},${d.date},${d.ald}\n`).join(''),
    dispensations: p.dispensations.map((d) => `${id},${d.atc},${d.date}\n`).join(''),
    labs: p.labs.map((l) => `${id},${l.test},${String(l.value)},${l.date}\n`).join(''),
    stays: p.stays.map((s) => `${id},${s.admission},${s.discharge ?? ''},${s.mainDiagnosis}\n`).join(''),
    acts: p.acts.map((a) => `${id},${a.code},${a.date}\n`).join(''),
  };
}

interface TableSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

const FLUSH_AT = 1 << 20;

/** Writes each patient's rows into the sinks, in chunks of about a megabyte per table. */
async function streamInto(patients: Iterable<Patient>, sinks: Record<SynthTable, TableSink>, onProgress?: (done: number) => void): Promise<number> {
  const pending = Object.fromEntries(SYNTH_TABLE_NAMES.map((t) => [t, [] as string[]])) as Record<SynthTable, string[]>;
  const sizes = Object.fromEntries(SYNTH_TABLE_NAMES.map((t) => [t, 0])) as Record<SynthTable, number>;
  const flush = async (table: SynthTable): Promise<void> => {
    if (pending[table].length === 0) return;
    await sinks[table].write(pending[table].join(''));
    pending[table] = [];
    sizes[table] = 0;
  };
  for (const table of SYNTH_TABLE_NAMES) await sinks[table].write(`${Object.keys(SYNTH_TABLES[table]).join(',')}\n`);
  let count = 0;
  for (const patient of patients) {
    const lines = patientLines(patient);
    for (const table of SYNTH_TABLE_NAMES) {
      if (lines[table] === '') continue;
      pending[table].push(lines[table]);
      sizes[table] += lines[table].length;
      if (sizes[table] >= FLUSH_AT) await flush(table);
    }
    if (++count % 10000 === 0) onProgress?.(count);
  }
  for (const table of SYNTH_TABLE_NAMES) {
    await flush(table);
    await sinks[table].close();
  }
  return count;
}

/** DuckDB's read of one table's CSV with `$csv` as its path: types given, nothing sniffed, one reader. */
export function tableCsvSql(table: SynthTable): string {
  const columns = Object.entries(SYNTH_TABLES[table]).map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`);
  return `SELECT * FROM read_csv($csv, header = true, auto_detect = false, parallel = false, delim = ',', quote = '"', nullstr = '', columns = {${columns.join(', ')}})`;
}

/** Writes the population into `set` (not committed); returns the number of patients. */
export async function writePopulation(patients: Iterable<Patient>, set: OutputSet, format: SynthFormat, onProgress?: (done: number) => void): Promise<number> {
  if (format === 'csv') {
    const sinks = {} as Record<SynthTable, TableSink>;
    for (const table of SYNTH_TABLE_NAMES) {
      const writer = await set.open(`${table}.csv`);
      sinks[table] = { write: (text) => writer.write(text), close: async () => void (await writer.close()) };
    }
    return streamInto(patients, sinks, onProgress);
  }
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'logi-synth-'));
  const forget = onInterrupt(() => fs.rm(scratch, { recursive: true, force: true }));
  try {
    const sinks = {} as Record<SynthTable, TableSink>;
    for (const table of SYNTH_TABLE_NAMES) {
      const handle = await fs.open(path.join(scratch, `${table}.csv`), 'w');
      sinks[table] = { write: async (text) => void (await handle.write(text)), close: () => handle.close() };
    }
    const count = await streamInto(patients, sinks, onProgress);
    await withDuckDb(
      async (connection) => {
        for (const table of SYNTH_TABLE_NAMES) {
          const target = await set.stagedPath(`${table}.parquet`);
          await connection.run(`COPY (${tableCsvSql(table)}) TO $parquet (FORMAT parquet, COMPRESSION zstd)`, { csv: path.join(scratch, `${table}.csv`), parquet: target });
        }
      },
      { threads: '1', memory_limit: '512MB' },
    );
    return count;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
    forget();
  }
}
