/**
 * The preview's watcher on a real folder, saved the ways editors save: in place, by rename (a new
 * inode), vim's backup dance, a delete then a create, a new sub-folder. Each burst of events must
 * give one `onChange` naming the file, and an editor's own temporary files none.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceWatcher } from '../../src/preview/watcher.js';
import { until } from '../helpers/poll.js';

const DEBOUNCE_MS = 60;

describe('the preview watcher', () => {
  let root: string;
  let watcher: WorkspaceWatcher;
  let bursts: Set<string>[];
  const seen = (file: string) => bursts.some((burst) => burst.has(file));

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'logi-watch-'));
    mkdirSync(path.join(root, 'logigrammes'));
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, 'node_modules'));
    mkdirSync(path.join(root, 'archives'));
    writeFileSync(path.join(root, 'logigrammes', 's1.yaml'), 'kind: Logigramme\n');
    bursts = [];
    watcher = new WorkspaceWatcher({ debounceMs: DEBOUNCE_MS, onChange: (changed) => bursts.push(new Set(changed)) });
    watcher.watch([{ folder: root, deep: true }], new Set(['archives']));
  });

  afterEach(() => {
    watcher.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('watches the folders the loader reads: not dot-folders, node_modules or excluded names', () => {
    expect(watcher.folders).toEqual([root, path.join(root, 'logigrammes')].sort());
  });

  it('turns a burst of writes into one change naming the file', async () => {
    const file = path.join(root, 'logigrammes', 's1.yaml');
    for (let i = 0; i < 5; i++) writeFileSync(file, `kind: Logigramme\n# ${i}\n`);
    expect(await until(() => bursts.length > 0, 2_000)).toBe(true);
    // Quiet for several debounce periods: no second burst comes.
    await new Promise((resolve) => setTimeout(resolve, 4 * DEBOUNCE_MS));
    expect(bursts).toEqual([new Set([file])]);
  });

  it('sees a save by rename over the file (atomic save: a new inode)', async () => {
    const file = path.join(root, 'logigrammes', 's1.yaml');
    const temporary = path.join(root, 'logigrammes', '.s1.yaml.tmp');
    writeFileSync(temporary, 'kind: Logigramme\n# new\n');
    renameSync(temporary, file);
    expect(await until(() => seen(file), 2_000)).toBe(true);
    // And the file's next save too: the watch is on the folder, not on the replaced inode.
    bursts = [];
    writeFileSync(file, 'kind: Logigramme\n# again\n');
    expect(await until(() => seen(file), 2_000)).toBe(true);
  });

  it("sees vim's save (file moved to a backup, written anew, backup removed)", async () => {
    const file = path.join(root, 'logigrammes', 's1.yaml');
    renameSync(file, `${file}~`);
    writeFileSync(file, 'kind: Logigramme\n# vim\n');
    unlinkSync(`${file}~`);
    expect(await until(() => seen(file), 2_000)).toBe(true);
  });

  it('sees a file deleted, then created again', async () => {
    const file = path.join(root, 'logigrammes', 's1.yaml');
    unlinkSync(file);
    expect(await until(() => seen(file), 2_000)).toBe(true);
    bursts = [];
    writeFileSync(file, 'kind: Logigramme\n');
    expect(await until(() => seen(file), 2_000)).toBe(true);
  });

  it('sees a new folder, then watches it: a later save inside it is seen', async () => {
    const folder = path.join(root, 'logigrammes', 'cardio');
    mkdirSync(folder);
    expect(await until(() => seen(folder), 2_000)).toBe(true);
    expect(watcher.folders).toContain(folder);
    bursts = [];
    const file = path.join(folder, 's2.yaml');
    writeFileSync(file, 'kind: Logigramme\n');
    expect(await until(() => seen(file), 2_000)).toBe(true);
  });

  it('stops watching a removed folder', async () => {
    const folder = path.join(root, 'logigrammes');
    rmSync(folder, { recursive: true });
    expect(await until(() => seen(folder) && !watcher.folders.includes(folder), 2_000)).toBe(true);
    expect(watcher.folders).toEqual([root]);
  });

  it("ignores an editor's swap, backup and probe files, and files that are not YAML", async () => {
    const folder = path.join(root, 'logigrammes');
    for (const name of ['.s1.yaml.swp', 's1.yaml~', '4913', 'notes.txt']) writeFileSync(path.join(folder, name), 'x');
    writeFileSync(path.join(root, 'archives', 'old.yaml'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 6 * DEBOUNCE_MS));
    expect(bursts).toEqual([]);
  });

  it('is silent once closed', async () => {
    watcher.close();
    writeFileSync(path.join(root, 'logigrammes', 's1.yaml'), 'kind: Logigramme\n# closed\n');
    await new Promise((resolve) => setTimeout(resolve, 4 * DEBOUNCE_MS));
    expect(bursts).toEqual([]);
    expect(watcher.folders).toEqual([]);
  });
});
