#!/usr/bin/env node
/**
 * A large patient dataset for `logi stratify`'s benchmark, made from a synthetic territory
 * (`logi synth`'s Parquet files) copied K times: copy k's patient ids get the suffix `-k` and its
 * territory becomes `<territory>-k` (k = 01, 02…), every other value unchanged. Each copy is
 * stratified exactly as the source, so the expected counts are K times the source's, per copy
 * (the benchmark checks them). Generating 10 million patients with `logi synth` would take about
 * two hours on this machine; this takes well under a minute.
 *
 *   node bench/replicate-population.js SOURCE_DIR COPIES OUT_DIR [CSV_OUT_DIR]
 *
 * With CSV_OUT_DIR, the same rows are also written there as CSV (for the pandas peer).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const TABLES = ['patients', 'diagnoses', 'dispensations', 'labs', 'stays', 'acts'];

export async function replicatePopulation(source, copies, out, csvOut) {
  if (!Number.isInteger(copies) || copies < 1 || copies > 999) throw new Error(`COPIES must be an integer from 1 to 999, got ${copies}`);
  await fs.mkdir(out, { recursive: true });
  if (csvOut) await fs.mkdir(csvOut, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const width = String(copies).length < 2 ? 2 : String(copies).length;
    const suffix = (column) => `${column} || '-' || lpad(CAST(k AS VARCHAR), ${width}, '0')`;
    for (const table of TABLES) {
      const file = path.join(source, `${table}.parquet`);
      const exists = await fs.stat(file).then(() => true, () => false);
      if (!exists) continue;
      const columns = (await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($file))`, { file })).getRowsJS().map((r) => String(r[0]));
      const select = columns.map((c) => (c === 'patient_id' || (table === 'patients' && c === 'territory') ? `${suffix(`"${c}"`)} AS "${c}"` : `"${c}"`));
      // Copy by copy, so that each copy's rows stay together in the file's order.
      await connection.run(
        `COPY (SELECT ${select.join(', ')} FROM range(1, ${copies + 1}) r(k), read_parquet($file) ORDER BY k) TO $target (FORMAT parquet, COMPRESSION zstd)`,
        { file, target: path.join(out, `${table}.parquet`) },
      );
      if (csvOut) await connection.run(`COPY (SELECT * FROM read_parquet($file)) TO $target (FORMAT csv, HEADER true)`, { file: path.join(out, `${table}.parquet`), target: path.join(csvOut, `${table}.csv`) });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [source, copies, out, csvOut] = process.argv.slice(2);
  if (!source || !copies || !out) {
    console.error('usage: node bench/replicate-population.js SOURCE_DIR COPIES OUT_DIR');
    process.exit(2);
  }
  await replicatePopulation(source, Number(copies), out, csvOut);
}
