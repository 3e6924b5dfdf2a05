/**
 * File names within the file system's limit (issue 12 #7: ENAMETOOLONG), atomic writes and what
 * they leave, and the clean-up on SIGINT/SIGTERM (issue 12 #9), observed from outside in a child
 * process that really receives the signal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic.js';
import { OutputError } from '../../src/io/errors.js';
import { fitFileName, MAX_FILE_NAME_BYTES, truncateToBytes } from '../../src/io/file-names.js';
import { REPO } from '../helpers/cli.js';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-io-'));
  scratch.push(dir);
  return dir;
}

describe('fitFileName', () => {
  it('leaves a name that fits as it is', () => {
    expect(fitFileName('dt2-s2-suivi', '.svg')).toBe('dt2-s2-suivi.svg');
    expect(fitFileName('a'.repeat(251), '.svg')).toBe(`${'a'.repeat(251)}.svg`);
  });

  it('shortens a longer one to 255 bytes, keeping its start and suffix, stable and distinct per stem', () => {
    const long = 'a'.repeat(300);
    const fitted = fitFileName(long, '.svg');
    expect(Buffer.byteLength(fitted)).toBe(MAX_FILE_NAME_BYTES);
    expect(fitted).toMatch(/^a+-[0-9a-f]{8}\.svg$/);
    expect(fitFileName(long, '.svg')).toBe(fitted);
    expect(fitFileName(`${long}b`, '.svg')).not.toBe(fitted);
    // A name the file system really accepts.
    const dir = folder();
    writeFileSync(path.join(dir, fitted), 'x');
    expect(readdirSync(dir)).toEqual([fitted]);
  });

  it('never cuts a multi-byte character in two', () => {
    expect(truncateToBytes('éé', 3)).toBe('é');
    const fitted = fitFileName('é'.repeat(200), '-charts');
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(fitted).not.toContain('\uFFFD');
    expect(Buffer.from(fitted).toString('utf8')).toBe(fitted);
  });
});

describe('writeFileAtomic', () => {
  it('removes the temporary file a killed run left for the same file', async () => {
    const dir = folder();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(path.join(dir, `.results.json.${dead}.tmp`), 'half');
    writeFileSync(path.join(dir, '.other.json.1.tmp'), 'not ours to judge');
    await writeFileAtomic(path.join(dir, 'results.json'), 'whole');
    expect(readdirSync(dir).sort()).toEqual(['.other.json.1.tmp', 'results.json']);
    expect(readFileSync(path.join(dir, 'results.json'), 'utf8')).toBe('whole');
  });

  it('writes a file whose name is just under the limit (its temporary name is shortened), and says so in words above it', async () => {
    const dir = folder();
    const name = `${'r'.repeat(250)}.json`;
    await writeFileAtomic(path.join(dir, name), 'x');
    expect(readdirSync(dir)).toEqual([name]);
    const error = await writeFileAtomic(path.join(dir, `${'r'.repeat(300)}.json`), 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(/too long for the file system \(ENAMETOOLONG\)/);
    expect(readdirSync(dir)).toEqual([name]);
  });
});

/**
 * A child that registers a clean-up, enters an uninterruptible section of `criticalMs`, and
 * reports each step on stdout; the test signals it once it is inside the section.
 */
const CHILD = `
import { appendFileSync } from 'node:fs';
import { onInterrupt, uninterruptible } from ${JSON.stringify(path.join(REPO, 'dist/io/cleanup.js'))};
const log = process.argv[1];
onInterrupt(async () => { await new Promise((r) => setTimeout(r, 50)); appendFileSync(log, 'cleaned\\n'); });
await uninterruptible(async () => {
  process.stdout.write('inside\\n');
  await new Promise((r) => setTimeout(r, 600));
  appendFileSync(log, 'critical done\\n');
});
appendFileSync(log, 'went on\\n');
setTimeout(() => appendFileSync(log, 'not interrupted\\n'), 5000);
`;

function runChild(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string[] }> {
  const log = path.join(folder(), 'log');
  writeFileSync(log, '');
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, log], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('inside')) child.kill(signal);
    });
    child.on('exit', (code, killedBy) => resolve({ code, signal: killedBy, log: readFileSync(log, 'utf8').split('\n').filter(Boolean) }));
  });
}

describe('interruption (cleanup.ts)', () => {
  it('issue 12 #9: SIGINT waits for the uninterruptible section, runs the clean-ups, stops the rest and dies of SIGINT', async () => {
    const { code, signal, log } = await runChild('SIGINT');
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(log).toEqual(['critical done', 'cleaned']);
  });

  it('SIGTERM does the same', async () => {
    const { code, signal, log } = await runChild('SIGTERM');
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(log).toEqual(['critical done', 'cleaned']);
  });

  it('the child goes on to the end when no signal comes (the check above can fail)', () => {
    const log = path.join(folder(), 'log');
    writeFileSync(log, '');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD.replace('5000', '10'), log], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toEqual(['critical done', 'went on', 'not interrupted']);
  });
});
