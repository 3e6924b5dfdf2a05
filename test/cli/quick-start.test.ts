/**
 * Help and the version without oclif (src/cli/quick-start.ts): the texts rendered at build must be
 * exactly what oclif prints, for every command and both languages — oclif itself is the oracle,
 * reached by setting OCLIF_COLUMNS, which the quick path declines. A stale file, other arguments or
 * a narrow terminal go to oclif.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_INFO_FILE, HELP_CACHE_FILE, quickAnswer, quickRequest, type HelpCache } from '../../src/cli/quick-start.js';
import { BIN, REPO } from '../helpers/cli.js';

const cache = JSON.parse(readFileSync(path.join(REPO, HELP_CACHE_FILE), 'utf8')) as HelpCache;
const ids = Object.keys(cache.help.en);

function run(args: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const { FORCE_COLOR: _colour, OCLIF_COLUMNS: _columns, ...inherited } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', ...env } });
}

const notATerminal = { isTTY: false } as NodeJS.WriteStream;
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('the arguments the quick path answers', () => {
  it('knows help and the version in every spelling, and nothing else', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['--lang', 'en', '--help'], ['-l', 'fr']]) expect(quickRequest(argv), argv.join(' ')).toEqual({ help: '' });
    for (const argv of [['help', 'lint'], ['lint', '--help'], ['lint', '-h'], ['lint', '-h', '--lang=en']]) expect(quickRequest(argv), argv.join(' ')).toEqual({ help: 'lint' });
    for (const argv of [['--version'], ['-v'], ['version'], ['-v', '--lang', 'fr']]) expect(quickRequest(argv), argv.join(' ')).toEqual({ version: true });
    for (const argv of [['lint'], ['lint', 'guidelines', '--help'], ['help', 'lint', 'extra'], ['version', '--json'], ['--help', 'lint'], ['help', '--json'], ['lint', '--formt']]) expect(quickRequest(argv), argv.join(' ')).toBeUndefined();
  });
});

describe('help without oclif', () => {
  it('holds the root help and every command, in both languages', () => {
    expect(ids).toEqual(expect.arrayContaining(['', 'help', 'init', 'lint', 'preview', 'render', 'report', 'rules', 'schema', 'simulate', 'version']));
    expect(Object.keys(cache.help.fr).sort()).toEqual([...ids].sort());
  });

  it.each(ids.flatMap((id) => (['fr', 'en'] as const).map((lang) => [id || '(root)', lang] as const)))('%s in %s is what oclif prints', (shown, lang) => {
    const args = shown === '(root)' ? ['--help', '--lang', lang] : ['help', shown, '--lang', lang];
    const quick = run(args);
    const oclif = run(args, { OCLIF_COLUMNS: '80' });
    expect(quick.status).toBe(0);
    expect(oclif.status).toBe(0);
    expect(quick.stdout.length).toBeGreaterThan(100);
    expect(quick.stdout).toBe(oclif.stdout);
  });

  it('prints the version line oclif prints', () => {
    const quick = run(['--version']);
    expect(quick.stdout).toBe(run(['--version'], { OCLIF_COLUMNS: '80' }).stdout);
    expect(quick.stdout).toBe(`${cache.nameAndVersion} ${process.platform}-${process.arch} node-${process.version}\n`);
  });

  it('leaves a stale file, a narrow terminal and OCLIF_COLUMNS to oclif', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'logi-quick-'));
    temporary.push(root);
    mkdirSync(path.join(root, 'dist'));
    const file: HelpCache = { nameAndVersion: 'x/1.0.0', userAgent: 'x/1.0.0 build-machine node-v0', help: { fr: { '': 'aide x/1.0.0 build-machine node-v0\n' }, en: { '': 'help\n' } } };
    writeFileSync(path.join(root, HELP_CACHE_FILE), JSON.stringify(file));
    writeFileSync(path.join(root, BUILD_INFO_FILE), '{}');
    utimesSync(path.join(root, BUILD_INFO_FILE), 1_000, 1_000);
    utimesSync(path.join(root, HELP_CACHE_FILE), 2_000, 2_000);
    // Fresh: the texts, with this machine's user agent in place of the build machine's.
    expect(quickAnswer(root, ['--help'], { LOGI_LANG: 'fr' }, notATerminal)).toBe(`aide x/1.0.0 ${process.platform}-${process.arch} node-${process.version}\n`);
    expect(quickAnswer(root, ['--help'], { LOGI_LANG: 'en' }, notATerminal)).toBe('help\n');
    expect(quickAnswer(root, ['help', 'lint'], {}, notATerminal)).toBeUndefined();
    expect(quickAnswer(root, ['--help'], { OCLIF_COLUMNS: '120' }, notATerminal)).toBeUndefined();
    expect(quickAnswer(root, ['--help'], {}, { isTTY: true, columns: 60 } as NodeJS.WriteStream)).toBeUndefined();
    expect(quickAnswer(root, ['--help'], { LOGI_LANG: 'en' }, { isTTY: true, columns: 200 } as NodeJS.WriteStream)).toBe('help\n');
    // A build after the texts were rendered: they may be out of date.
    utimesSync(path.join(root, BUILD_INFO_FILE), 3_000, 3_000);
    expect(quickAnswer(root, ['--help'], {}, notATerminal)).toBeUndefined();
    expect(quickAnswer(root, ['--version'], {}, notATerminal)).toBeUndefined();
  });
});
