/**
 * summary.parquet (src/results/parquet.ts) and reading a results folder back (src/results/read.ts),
 * on the bundled diabetes scenario (60 stochastic iterations). Oracles: the CSV that
 * `summariesCsv` writes, parsed by the small parser below (not the one under test) and read by
 * DuckDB with SQL written here (and by pyarrow when it is installed); and the summaries held in
 * memory by `simulate`, which every read must give back exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSummaryParquet } from '../../src/results/parquet.js';
import { blocksFromRows, readResults, readSummaryRows } from '../../src/results/read.js';
import { CSV_COLUMNS, summariesCsv } from '../../src/sim/csv.js';
import { type Results, serializeResults } from '../../src/sim/results.js';
import { simulate } from '../../src/sim/simulate.js';
import { REPO } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let results: Results;
const files = { csv: path.join(dir, 'summary.csv'), csvFr: path.join(dir, 'summary-fr.csv'), parquet: path.join(dir, 'summary.parquet'), parquetFr: path.join(dir, 'summary-fr.parquet') };

beforeAll(async () => {
  ({ results } = await simulate({ scenario: 'pionniers-dt2-2026', cwd: REPO, version: 'test', workers: 1, iterations: 60, mode: 'stochastic' }));
  writeFileSync(files.csv, summariesCsv(results, { delimiter: ',' }));
  writeFileSync(files.csvFr, summariesCsv(results, { delimiter: ';' }));
  await writeSummaryParquet(files.csv, files.parquet, { delimiter: ',' });
  await writeSummaryParquet(files.csvFr, files.parquetFr, { delimiter: ';' });
}, 120_000);

/** The test's own reading of a summary CSV: RFC 4180 fields; numbers with `.` or, under `;`, `,`; an empty year is null. */
function parseCsvByHand(text: string, delimiter: ',' | ';'): (string | number | null)[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') field += text[i++];
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === delimiter || c === '\n')) {
      fields.push(field);
      field = '';
      if (c === '\n') {
        records.push(fields);
        fields = [];
      }
    } else field += c;
  }
  expect(records[0]).toEqual([...CSV_COLUMNS]);
  return records.slice(1).map((r) => r.map((value, c) => (c < 5 ? value : c === 5 ? (value === '' ? null : Number(value)) : Number(delimiter === ';' ? value.replace(',', '.') : value))));
}

async function duckDbRows(file: string): Promise<{ rows: unknown[][]; types: string[]; codecs: string[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const read = await connection.runAndReadAll('SELECT * FROM read_parquet($file)', { file });
    const types = (await connection.runAndReadAll('SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet($file))', { file })).getRowsJS().map((r) => String(r[0]));
    const codecs = (await connection.runAndReadAll('SELECT DISTINCT compression FROM parquet_metadata($file)', { file })).getRowsJS().map((r) => String(r[0]));
    expect(read.columnNames()).toEqual([...CSV_COLUMNS]);
    return { rows: read.getRowsJS(), types, codecs };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('summary.parquet', () => {
  for (const [label, csv, parquet, delimiter] of [
    ['`,`', files.csv, files.parquet, ','],
    ['`;` and decimal commas', files.csvFr, files.parquetFr, ';'],
  ] as const) {
    it(`holds, row by row and in order, the numbers of the summary CSV (${label}), typed and ZSTD-compressed (read with DuckDB)`, async () => {
      const expected = parseCsvByHand(readFileSync(csv, 'utf8'), delimiter);
      const { rows, types, codecs } = await duckDbRows(parquet);
      expect(types).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE']);
      expect(codecs).toEqual(['ZSTD']);
      // 5 territories + ensemble, 3 arms, 2 scales: 36 blocks of some 2,000 rows, some of them valuation rows (no year).
      expect(expected.length).toBeGreaterThan(50_000);
      expect(expected.some((r) => r[5] === null)).toBe(true);
      expect(rows.length).toBe(expected.length);
      // toEqual on numbers is Object.is: the doubles must be the very ones the CSV writes.
      for (let i = 0; i < rows.length; i++) if (JSON.stringify(rows[i]) !== JSON.stringify(expected[i])) expect([i, rows[i]]).toEqual([i, expected[i]]);
    });
  }

  const pyarrow = spawnSync('python3', ['-c', 'import pyarrow'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!pyarrow)(`gives the same numbers read with pyarrow${pyarrow ? '' : ' (skipped: python3 cannot import pyarrow here; CI does not depend on it)'}`, () => {
    const script = 'import json, sys, pyarrow.parquet as pq\nt = pq.read_table(sys.argv[1])\nprint(json.dumps([t.column(c).to_pylist() for c in t.column_names]))';
    const out = spawnSync('python3', ['-c', script, files.parquet], { encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(out.status).toBe(0);
    const columns = JSON.parse(out.stdout) as unknown[][];
    const expected = parseCsvByHand(readFileSync(files.csv, 'utf8'), ',');
    expect(columns[0]!.length).toBe(expected.length);
    expected.forEach((row, i) => expect(columns.map((c) => c[i])).toEqual(row));
  });

  it('replaces the file as a whole: no temporary file left, and a failed conversion leaves the previous file as it was', async () => {
    const folder = mkdtempSync(path.join(dir, 'atomic-'));
    const target = path.join(folder, 'summary.parquet');
    await writeSummaryParquet(files.csv, target, { delimiter: ',' });
    const before = readFileSync(target);
    expect(readdirSync(folder)).toEqual(['summary.parquet']);
    writeFileSync(path.join(folder, 'broken.csv'), `${CSV_COLUMNS.join(',')}\nt,count,baseline,counts,S0,0,not-a-number,1,1,1,1,1\n`);
    await expect(writeSummaryParquet(path.join(folder, 'broken.csv'), target, { delimiter: ',' })).rejects.toThrow(/cannot write .*summary\.parquet: DuckDB stopped with: .*not-a-number/s);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['broken.csv', 'summary.parquet']);
  });
});

describe('reading the summaries back', () => {
  for (const [label, file] of [
    ['summary.csv (`,`)', files.csv],
    ['summary.csv (`;`)', files.csvFr],
    ['summary.parquet', files.parquet],
    ['summary.parquet (from the `;` CSV)', files.parquetFr],
  ] as const) {
    it(`gives back exactly the summary blocks simulated, from ${label}`, async () => {
      expect(blocksFromRows(await readSummaryRows(file), results)).toEqual(results.summaries);
    });
  }

  it('keeps only the rows a filter names, the same from Parquet (in SQL) and from CSV', async () => {
    const filter = { territories: [results.territories[1]!.id, 'ensemble'], measures: ['counts', 'valuation'], scale: 'per100k' as const };
    const fromParquet = await readSummaryRows(files.parquet, filter);
    const blocks = results.summaries.filter((b) => filter.territories.includes(b.territory) && b.scale === 'per100k');
    // Hand count: per block, every counts series (horizon + 1 years) and one row per valuation line.
    const expectedCount = blocks.reduce((n, b) => n + Object.values(b.measures.counts).length * results.years.length + Object.keys(b.economics).length, 0);
    expect(fromParquet.length).toBe(expectedCount);
    expect(new Set(fromParquet.map((r) => `${r.territory} ${r.measure} ${r.scale}`))).toEqual(new Set(filter.territories.flatMap((t) => filter.measures.map((m) => `${t} ${m} per100k`))));
    expect(await readSummaryRows(files.csvFr, filter)).toEqual(fromParquet);
  });

  it('reads ids that a spreadsheet would take for formulas, and fields holding the delimiter or quotes, as they were', async () => {
    const odd = { ...results, summaries: structuredClone(results.summaries.filter((b) => b.territory === results.summaries[0]!.territory)) };
    const block = odd.summaries[0]!;
    const [firstKey, series] = Object.entries(block.measures.counts)[0]!;
    delete block.measures.counts[firstKey];
    block.measures.counts['=SUM(A1)'] = series;
    block.measures.counts['a;b,"c"'] = series;
    for (const b of odd.summaries.filter((b) => b.territory === block.territory)) b.territory = '+33 "x"';
    for (const delimiter of [',', ';'] as const) {
      const csv = path.join(dir, `odd${delimiter === ';' ? '-fr' : ''}.csv`);
      writeFileSync(csv, summariesCsv(odd, { delimiter }));
      await writeSummaryParquet(csv, `${csv}.parquet`, { delimiter });
      expect(blocksFromRows(await readSummaryRows(csv), odd)).toEqual(odd.summaries);
      expect(blocksFromRows(await readSummaryRows(`${csv}.parquet`), odd)).toEqual(odd.summaries);
    }
  });

  it('completes results.json (ensemble only) from summary.parquet, else from summary.csv, into the results simulated', async () => {
    const small = serializeResults({ ...results, summaries: results.summaries.filter((b) => b.territory === 'ensemble') });
    const withParquet = mkdtempSync(path.join(dir, 'out-'));
    writeFileSync(path.join(withParquet, 'results.json'), small);
    writeFileSync(path.join(withParquet, 'summary.parquet'), readFileSync(files.parquet));
    writeFileSync(path.join(withParquet, 'summary.csv'), 'not read: the Parquet file is preferred\n');
    expect(await readResults(withParquet)).toEqual(JSON.parse(serializeResults(results)));
    const withCsv = mkdtempSync(path.join(dir, 'out-'));
    writeFileSync(path.join(withCsv, 'results.json'), small);
    writeFileSync(path.join(withCsv, 'summary.csv'), readFileSync(files.csvFr));
    expect(await readResults(withCsv)).toEqual(JSON.parse(serializeResults(results)));
  });
});

describe('a summary file that is not right', () => {
  const lines = () => readFileSync(files.csv, 'utf8').split('\n');
  const broken = (name: string, edit: (lines: string[]) => void): string => {
    const all = lines();
    edit(all);
    const file = path.join(dir, name);
    writeFileSync(file, all.join('\n'));
    return file;
  };

  it('a number that is not one: file:line, the column, and a hint', async () => {
    // Line 7 of the file (the header is line 1) is all[6].
    const file = broken('bad-number.csv', (all) => (all[6] = all[6]!.replace(/,[^,]*$/, ',1.2.3')));
    const error = await readSummaryRows(file).catch((e: unknown) => e as Error & { hint?: string });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(`${file}:7: column mcse holds "1.2.3", which is not a number`);
    expect(error.hint).toMatch(/logi simulate --out/);
  });

  it('a row with a field missing, and a quote never closed, at the line where the record starts', async () => {
    const missing = broken('missing-field.csv', (all) => (all[3] = all[3]!.replace(/,[^,]*$/, '')));
    await expect(readSummaryRows(missing)).rejects.toThrow(`${missing}:4: 11 fields, where a summary row has 12`);
    const unclosed = broken('unclosed.csv', (all) => (all[9] = all[9]!.replace(/^[^,]*/, '"open')));
    await expect(readSummaryRows(unclosed)).rejects.toThrow(`${unclosed}:10: a quoted field is never closed`);
  });

  it('a header that is not the summary header, and a year missing from a series', async () => {
    const header = broken('header.csv', (all) => (all[0] = all[0]!.replace('mcse', 'se')));
    await expect(readSummaryRows(header)).rejects.toThrow(`${header}:1: not a summary CSV`);
    const gap = broken('gap.csv', (all) => all.splice(3, 1));
    const [territory, scale, arm, measure, key, year] = lines()[3]!.split(',');
    await expect(readSummaryRows(gap).then((rows) => blocksFromRows(rows, results))).rejects.toThrow(`${[territory, scale, arm, measure, key].join(' / ')}: the row of year ${year} is missing`);
  });

  it('a Parquet file without the summary columns, and a missing file', async () => {
    const other = path.join(dir, 'other.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('COPY (SELECT 1 AS a) TO $file (FORMAT parquet)', { file: other });
    connection.closeSync();
    instance.closeSync();
    await expect(readSummaryRows(other)).rejects.toThrow(`${other} is not a summary Parquet file that logi can read`);
    await expect(readSummaryRows(path.join(dir, 'none.csv'))).rejects.toThrow(`${path.join(dir, 'none.csv')} does not exist`);
  });

  it('says it in French under French', async () => {
    const file = broken('bad-arm.csv', (all) => (all[4] = all[4]!.replace(',baseline,', ',témoin,')));
    const { setLanguage } = await import('../../src/i18n/language.js');
    setLanguage('fr');
    try {
      await expect(readSummaryRows(file)).rejects.toThrow(`${file}:5 : la colonne arm contient « témoin » ; attendu : baseline, program, difference`);
    } finally {
      setLanguage('en');
    }
  });
});
