/**
 * oclif.manifest.json (scripts/oclif-manifest.js) and the guard against a stale one
 * (src/cli/startup.ts): a manifest older than the last build is left aside, so that a command
 * added since is never "unknown". Checked on a small package of its own, built in a temporary
 * folder: one command, `hello`, then a second, `added`, compiled after the manifest was written.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_INFO_FILE, loadOptions, MANIFEST_FILE, manifestIsStale } from '../../src/cli/startup.js';
import { REPO } from '../helpers/cli.js';

const MANIFEST_SCRIPT = path.join(REPO, 'scripts/oclif-manifest.js');
let root: string;

function command(name: string): string {
  return `import { Command } from '@oclif/core';\nexport default class ${name} extends Command {\n  static summary = '${name} summary';\n  async run() { this.log('${name} ran'); }\n}\n`;
}

/** Sets a file's modification time, in seconds since the epoch. */
const touch = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'logi-manifest-'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'manifest-test', version: '1.0.0', type: 'module', oclif: { bin: 'mt', commands: './dist/commands' } }));
  mkdirSync(path.join(root, 'dist/commands'), { recursive: true });
  writeFileSync(path.join(root, 'dist/commands/hello.js'), command('Hello'));
  writeFileSync(path.join(root, BUILD_INFO_FILE), '{}');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the oclif manifest', () => {
  it('lists every command of dist/commands, as the repository\'s own build does', () => {
    const out = path.join(root, 'repo-manifest.json');
    const run = spawnSync(process.execPath, [MANIFEST_SCRIPT, '--out', out], { cwd: REPO, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(out, 'utf8')) as { version: string; commands: Record<string, { summary?: string; flags: Record<string, unknown> }> };
    // A command in a folder (a topic) has the id `topic:name`: dist/commands/export/fhir.js is `export:fhir`.
    const files = readdirSync(path.join(REPO, 'dist/commands'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => f.replace(/\.js$/, '').split(path.sep).join(':'));
    expect(Object.keys(manifest.commands).sort()).toEqual(files.sort());
    expect(manifest.version).toBe((JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
    // The static English of the help, and every flag, global ones included.
    expect(manifest.commands.lint!.summary).toBe('Check logigrammes, pyramids, territories, programs and scenarios.');
    expect(Object.keys(manifest.commands.lint!.flags).sort()).toEqual(['color', 'fix', 'format', 'json', 'lang', 'max-warnings', 'output-file', 'preset', 'quiet', 'stdin', 'stdin-filename']);
  });

  it('is fresh after it is written, stale once a later build rewrites dist/.tsbuildinfo', () => {
    // A manifest that knows `hello` only, as the script would have written it before `added` existed.
    const manifest = path.join(root, MANIFEST_FILE);
    writeFileSync(manifest, JSON.stringify({ version: '1.0.0', commands: { hello: { id: 'hello', aliases: [], args: {}, flags: {}, hidden: false, hiddenAliases: [], isESM: true, relativePath: ['dist', 'commands', 'hello.js'] } } }));
    touch(path.join(root, BUILD_INFO_FILE), 1_000_000);
    touch(manifest, 2_000_000);
    expect(manifestIsStale(root)).toBe(false);
    touch(path.join(root, BUILD_INFO_FILE), 3_000_000);
    expect(manifestIsStale(root)).toBe(true);
  });

  it('a command added after the manifest is found, because the stale manifest is left aside', async () => {
    writeFileSync(path.join(root, 'dist/commands/added.js'), command('Added'));
    touch(path.join(root, MANIFEST_FILE), 2_000_000);
    touch(path.join(root, BUILD_INFO_FILE), 3_000_000);
    const stale = await loadOptions(root);
    expect(stale?.commandIDs.sort()).toEqual(['added', 'hello']);
    // Fresh again (a manifest written after the build): oclif reads it, and loadOptions leaves the loading to oclif.
    touch(path.join(root, MANIFEST_FILE), 4_000_000);
    expect(await loadOptions(root)).toBeUndefined();
    // The development entry point never trusts the manifest.
    expect((await loadOptions(root, { development: true }))?.commandIDs.sort()).toEqual(['added', 'hello']);
  });

  it('a package without dist/.tsbuildinfo (as published) trusts its manifest', () => {
    const published = mkdtempSync(path.join(os.tmpdir(), 'logi-published-'));
    try {
      writeFileSync(path.join(published, MANIFEST_FILE), '{}');
      expect(manifestIsStale(published)).toBe(false);
    } finally {
      rmSync(published, { recursive: true, force: true });
    }
  });
});
