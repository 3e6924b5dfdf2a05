/**
 * Whole output sets (issue 12 #9), in process: what DIR holds after a commit, a discard, a refusal;
 * what the next run does with the folders a killed run left beside DIR. The oracle is the file
 * system itself, read back with plain `fs` calls.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { explainWriteError, OutputError } from '../../src/io/errors.js';
import { foreignEntries, MANIFEST_FILE, OutputSet, recordInOutputSet } from '../../src/io/output-set.js';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function parentFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-output-set-'));
  scratch.push(dir);
  return dir;
}

/** Every entry of a folder (hidden ones too) with its text, sorted by name. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

/** The PID of a process that has exited (and been reaped): no process has it now. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

const SIMULATE = { command: 'simulate', names: ['results.json', 'summary.csv', 'report.html'] };

describe('OutputSet', () => {
  it('writes a new DIR with its files and a manifest listing exactly them', async () => {
    const out = path.join(parentFolder(), 'out');
    const set = await OutputSet.prepare(out, SIMULATE);
    expect(await set.write('results.json', '{"a":1}')).toBe(path.join(out, 'results.json'));
    await set.write('summary.csv', 'x\n1\n');
    // Nothing is in DIR before the commit.
    expect(() => statSync(out)).toThrow();
    await set.commit();
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'results.json', 'summary.csv']);
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8'))).toEqual({ writtenBy: 'logi simulate', files: ['results.json', 'summary.csv'] });
    expect(readdirSync(path.dirname(out))).toEqual(['out']);
  });

  it('replaces the previous set whole: a file the new set does not write goes with the old set', async () => {
    const out = path.join(parentFolder(), 'out');
    const first = await OutputSet.prepare(out, SIMULATE);
    await first.write('results.json', 'old');
    await first.write('report.html', 'old report');
    await first.commit();
    const second = await OutputSet.prepare(out, SIMULATE);
    await second.write('results.json', 'new');
    await second.commit();
    expect(contents(out)).toEqual({ [MANIFEST_FILE]: `${JSON.stringify({ writtenBy: 'logi simulate', files: ['results.json'] }, null, 2)}\n`, 'results.json': 'new' });
    expect(readdirSync(path.dirname(out))).toEqual(['out']);
  });

  it('leaves the previous set untouched until the commit, and after a discard', async () => {
    const out = path.join(parentFolder(), 'out');
    const first = await OutputSet.prepare(out, SIMULATE);
    await first.write('results.json', 'old');
    await first.commit();
    const before = contents(out);
    const second = await OutputSet.prepare(out, SIMULATE);
    await second.write('results.json', 'new');
    await second.write('summary.csv', 'new');
    expect(contents(out)).toEqual(before);
    // The new set is being written beside DIR, under a name the next run recognises.
    expect(readdirSync(path.dirname(out)).filter((e) => e !== 'out')).toEqual([expect.stringMatching(new RegExp(`^\\.out\\.logi-new-${process.pid}-[0-9a-f]+$`))]);
    await second.discard();
    expect(contents(out)).toEqual(before);
    expect(readdirSync(path.dirname(out))).toEqual(['out']);
  });

  it('refuses, before writing anything, a DIR that holds a file logi did not write, and names it', async () => {
    const out = path.join(parentFolder(), 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    mkdirSync(path.join(out, 'photos'));
    const refusal = await OutputSet.prepare(out, SIMULATE).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OutputError);
    expect((refusal as Error).message).toMatch(/holds 2 entries that logi did not write there \(notes\.txt, photos\/\)/);
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'photos']);
    expect(readdirSync(path.dirname(out))).toEqual(['out']);
  });

  it('refuses at the commit a file put into DIR while the set was being written', async () => {
    const out = path.join(parentFolder(), 'out');
    const set = await OutputSet.prepare(out, SIMULATE);
    await set.write('results.json', 'new');
    mkdirSync(out);
    writeFileSync(path.join(out, 'late.txt'), 'mine');
    await expect(set.commit()).rejects.toThrow(/late\.txt/);
    await set.discard();
    expect(contents(out)).toEqual({ 'late.txt': 'mine' });
  });

  it('accepts a DIR an older logi wrote without a manifest, when it holds only the command’s own names', async () => {
    const out = path.join(parentFolder(), 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'results.json'), 'legacy');
    writeFileSync(path.join(out, 'report.html'), 'legacy');
    // What an older logi left when interrupted while writing results.json.
    writeFileSync(path.join(out, '.results.json.4242.tmp'), 'half');
    expect(await foreignEntries(out, SIMULATE.names)).toEqual([]);
    writeFileSync(path.join(out, '.notes.txt.4242.tmp'), 'not a name of the command');
    expect(await foreignEntries(out, SIMULATE.names)).toEqual(['.notes.txt.4242.tmp']);
    rmSync(path.join(out, '.notes.txt.4242.tmp'));
    const set = await OutputSet.prepare(out, SIMULATE);
    await set.write('results.json', 'new');
    await set.commit();
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'results.json']);
  });

  it('refuses to replace the current folder, or a file', async () => {
    await expect(OutputSet.prepare(process.cwd(), SIMULATE)).rejects.toThrow(/current folder/);
    const file = path.join(parentFolder(), 'file');
    writeFileSync(file, '');
    await expect(OutputSet.prepare(file, SIMULATE)).rejects.toThrow(/is a file, not a folder/);
  });

  it('keeps the permissions of the folder it replaces', async () => {
    const out = path.join(parentFolder(), 'out');
    mkdirSync(out);
    // Not the mode a new folder gets under the usual umask (022).
    chmodSync(out, 0o775);
    const set = await OutputSet.prepare(out, SIMULATE);
    await set.write('results.json', 'new');
    await set.commit();
    expect(statSync(out).mode & 0o777).toBe(0o775);
  });
});

describe('refusals and write errors in French (--lang fr), worked out by hand', () => {
  it('a folder holding seven entries logi did not write, a file as DIR, and a folder one cannot write to', async () => {
    const out = path.join(parentFolder(), 'out');
    mkdirSync(out);
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt']) writeFileSync(path.join(out, name), 'mine');
    const file = path.join(parentFolder(), 'fichier');
    writeFileSync(file, '');
    setLanguage('fr');
    try {
      const foreign = (await OutputSet.prepare(out, SIMULATE).catch((error: unknown) => error)) as OutputError;
      expect(foreign.message).toBe(
        `--out ${out} contient 7 entrées que logi n'y a pas écrites (a.txt, b.txt, c.txt, d.txt, e.txt et 2 autres) ; logi remplace son dossier de sortie en entier et ne supprime jamais ce qu'il n'a pas écrit`,
      );
      expect(foreign.hint).toBe('choisissez un dossier nouveau ou vide avec --out, ou sortez-en ces entrées');
      const notFolder = (await OutputSet.prepare(file, SIMULATE).catch((error: unknown) => error)) as OutputError;
      expect([notFolder.message, notFolder.hint]).toEqual([`--out ${file} est un fichier, pas un dossier`, 'choisissez un dossier, nouveau ou écrit par logi']);
      const denied = explainWriteError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'out/results.json') as OutputError;
      expect(denied).toBeInstanceOf(OutputError);
      expect([denied.message, denied.hint]).toEqual(["impossible d'écrire out/results.json : permission refusée (EACCES)", 'choisissez un dossier où vous pouvez écrire (pour les sorties : --out)']);
    } finally {
      setLanguage('en');
    }
    // The same in English, as before; an error that is not the file system's passes through.
    const denied = explainWriteError(Object.assign(new Error('x'), { code: 'EACCES' }), 'out/results.json') as OutputError;
    expect([denied.message, denied.hint]).toEqual(['cannot write out/results.json: permission denied (EACCES)', 'choose a folder you can write to (for outputs: --out)']);
    const other = new Error('not a file-system error');
    expect(explainWriteError(Object.assign(other, { code: 'constructor' }), 'x')).toBe(other);
  });
});

describe('what killed runs leave beside DIR', () => {
  it('a new set and an old set of dead runs are removed by the next run into DIR; a live run’s are kept', async () => {
    const parent = parentFolder();
    const out = path.join(parent, 'out');
    mkdirSync(out);
    const dead = deadPid();
    for (const name of [`.out.logi-new-${dead}-aaaaaa`, `.out.logi-old-${dead}-bbbbbb`, `.out.logi-new-${process.pid}-cccccc`, '.other.logi-new-1-dddddd']) {
      mkdirSync(path.join(parent, name));
      writeFileSync(path.join(parent, name, 'results.json'), name);
    }
    await OutputSet.prepare(out, SIMULATE);
    expect(readdirSync(parent).sort()).toEqual(['.other.logi-new-1-dddddd', `.out.logi-new-${process.pid}-cccccc`, 'out']);
  });

  it('the old set of a run killed between its two renames is put back when DIR is missing', async () => {
    const parent = parentFolder();
    const dead = deadPid();
    const old = path.join(parent, `.out.logi-old-${dead}-abcdef`);
    mkdirSync(old);
    writeFileSync(path.join(old, 'results.json'), 'the old set');
    writeFileSync(path.join(old, MANIFEST_FILE), JSON.stringify({ writtenBy: 'logi simulate', files: ['results.json'] }));
    const complete = path.join(parent, `.out.logi-new-${dead}-fedcba`);
    mkdirSync(complete);
    const set = await OutputSet.prepare(path.join(parent, 'out'), SIMULATE);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(path.join(parent, 'out', 'results.json'), 'utf8')).toBe('the old set');
    await set.discard();
  });

  it('a DIR whose name is too long for a sibling’s name still gets a recognisable, shortened one', async () => {
    const parent = parentFolder();
    const out = path.join(parent, 'r'.repeat(250));
    const set = await OutputSet.prepare(out, SIMULATE);
    await set.write('results.json', 'x');
    const [sibling] = readdirSync(parent);
    expect(Buffer.byteLength(sibling!)).toBeLessThanOrEqual(255);
    await set.commit();
    expect(readdirSync(parent)).toEqual(['r'.repeat(250)]);
  });
});

describe('recordInOutputSet', () => {
  it('adds a report written beside results.json to the set’s manifest, and leaves a plain folder alone', async () => {
    const out = path.join(parentFolder(), 'out');
    const set = await OutputSet.prepare(out, SIMULATE);
    await set.write('results.json', '{}');
    await set.commit();
    writeFileSync(path.join(out, 'report.md'), '# report');
    await recordInOutputSet(out, ['report.md', 'report-charts/']);
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).files).toEqual(['report-charts/', 'report.md', 'results.json']);
    // The next run may now replace the folder: the report describes the old results.
    expect(await foreignEntries(out, SIMULATE.names)).toEqual([]);
    const plain = parentFolder();
    await recordInOutputSet(plain, ['report.md']);
    expect(readdirSync(plain)).toEqual([]);
  });
});
