/**
 * `stratifyCommand` and `emitSql` in process (src/stratify/stratify.ts; the CLI tests run dist/ in
 * a child process, where a mutant of src/ is not seen): --counts-only, the memory limit and its
 * refusals, the query without reasons.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitSql, stratifyCommand, type StratifyCommandOptions } from '../../src/stratify/stratify.js';
import { AS_OF } from './dataset.js';
import { stratifyWorkspace } from './workspace.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function options(extra: Partial<StratifyCommandOptions> = {}): StratifyCommandOptions {
  const { root, data } = stratifyWorkspace();
  temporary.push(root);
  return { pyramid: 'test-pyramid', data, cwd: root, out: path.join(root, 'out'), asOf: AS_OF, delimiter: ',', assignmentsCsv: false, ...extra };
}

describe('stratifyCommand', () => {
  it('--counts-only: the counts summed by hand from dataset.ts, and only counts.csv and the Territory documents', async () => {
    const run = options({ countsOnly: true });
    const result = await stratifyCommand(run);
    // douaisis S0 p01 p03 p06, S1 p02 p10, P p07, S2 p04, S3 p05, outside p08 p09; cambresis S0
    // p14 p15 p16, S1 p13, S3 p11 p12.
    expect(result.outcome.territories.map(({ territory, counts, outside }) => ({ territory, counts, outside }))).toEqual([
      { territory: 'cambresis', counts: { S0: 3, S1: 1, P: 0, S2: 0, S3: 2 }, outside: 0 },
      { territory: 'douaisis', counts: { S0: 3, S1: 2, P: 1, S2: 1, S3: 1 }, outside: 2 },
    ]);
    expect(readdirSync(run.out!).sort()).toEqual(['.logi-output.json', 'counts.csv', 'territories']);
  });

  it('the full run writes the assignments and the worklist beside them; without the worklist, the assignments only', async () => {
    const run = options();
    await stratifyCommand(run);
    expect(readdirSync(run.out!).sort()).toEqual(['.logi-output.json', 'assignments.parquet', 'counts.csv', 'territories', 'worklist.csv', 'worklist.parquet']);
    const without = options({ worklist: false });
    await stratifyCommand(without);
    expect(readdirSync(without.out!).sort()).toEqual(['.logi-output.json', 'assignments.parquet', 'counts.csv', 'territories']);
  });

  it('an error of the data is not taken for a lack of memory', async () => {
    const run = options({ countsOnly: true });
    writeFileSync(path.join(run.data!, 'labs.csv'), 'patient_id,test,value,date\np01,hba1c,8.4,2026-02-30\n');
    const error = (await stratifyCommand(run).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`${path.join(run.data!, 'labs.csv')}, row 2, column date: "2026-02-30" is not a date`);
  });

  it('a territory that cannot name a document: the patients file, the row where it first appears (header = row 1)', async () => {
    const run = options({ countsOnly: true });
    const file = path.join(run.data!, 'patients.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    // Data rows 2 and 4 (file rows 3 and 5) move to the territory "Hauts de France".
    const moved = rows.map((row, i) => (i === 1 || i === 3 ? row.replace(/,(douaisis|cambresis)(,|$)/, ',Hauts de France$2') : row));
    writeFileSync(file, `${[header, ...moved].join('\n')}\n`);
    const error = (await stratifyCommand(run).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`${file}, row 3: the territory "Hauts de France" is not an id logi can name a Territory document with`);
    expect(existsSync(run.out!)).toBe(false);
  });

  it('the files written, as the JSON lists them', async () => {
    const run = options({ worklist: false, assignmentsCsv: true });
    const { files } = await stratifyCommand(run);
    expect(files.map((f) => path.relative(run.out!, f))).toEqual(['counts.csv', 'assignments.parquet', 'assignments.csv', path.join('territories', 'cambresis.yaml'), path.join('territories', 'douaisis.yaml')]);
  });

  it('a memory limit that is not a size is refused before anything is read', async () => {
    for (const memoryLimit of ['lots', '1 G', 'GB', '-1GB', '1GB2']) {
      const run = options({ memoryLimit });
      await expect(stratifyCommand(run)).rejects.toThrow(`--memory-limit ${memoryLimit} is not a size`);
      expect(existsSync(run.out!)).toBe(false);
    }
  });

  it('sizes DuckDB reads are taken (a decimal, a space, binary units)', async () => {
    for (const memoryLimit of ['2.5GB', '512 MB', '1GiB', '4096mb', ' 2GB ']) {
      const run = options({ memoryLimit, countsOnly: true });
      await expect(stratifyCommand(run)).resolves.toMatchObject({ outcome: { patients: 16 } });
    }
  });

  it('out of memory: the limit named, and a hint fit for the mode', async () => {
    const full = options({ memoryLimit: '1MB' });
    const error = (await stratifyCommand(full).catch((e: unknown) => e)) as Error & { hint?: string };
    // Reading the CSV file already needs more: the detail is that step's.
    expect(error.message).toMatch(/^the database engine ran out of memory \(limit 1MB\): .*Out of Memory Error/);
    expect(error.hint).toContain('--counts-only');
    const counts = options({ memoryLimit: '1MB', countsOnly: true });
    const countsError = (await stratifyCommand(counts).catch((e: unknown) => e)) as Error & { hint?: string };
    expect(countsError.message).toMatch(/^the database engine ran out of memory \(limit 1MB\)/);
    expect(countsError.hint).not.toContain('--counts-only');
    expect(countsError.hint).toContain('--memory-limit');
    expect(existsSync(full.out!) || existsSync(counts.out!)).toBe(false);
  });
});

describe('emitSql', () => {
  it('with --counts-only, the query without reasons, in every dialect', async () => {
    for (const dialect of ['duckdb', 'postgres', 'spark'] as const) {
      const lean = await emitSql(options({ countsOnly: true }), dialect);
      const full = await emitSql(options(), dialect);
      expect(lean).not.toMatch(/AS reason/);
      expect(full).toMatch(/AS reason/);
      expect(lean).toMatch(/AS stratum/);
    }
  });
});
