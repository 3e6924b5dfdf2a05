/**
 * The preview's file watcher: one `fs.watch` per folder, each watching its folder's entries, and
 * a debounce that turns an editor's save (often several events: write, rename, chmod) into one
 * refresh.
 *
 * Why folders and not files: an editor that saves by writing a new file and renaming it over the
 * old one (vim's default, VS Code's and JetBrains' "safe write") replaces the file's inode, and a
 * watch on the old inode never fires again; a watch on the folder sees the rename under the file's
 * name. A file deleted then created again is seen the same way.
 *
 * Why not `fs.watch(root, { recursive: true })`: on Linux, Node 20 builds the recursive watch in
 * JavaScript over an asynchronous walk of the tree, which misses events while it sets up
 * (nodejs/node#48437) and can throw from its event handler when a file disappears between the
 * event and its `stat` (nodejs/node#52018). Watching each folder ourselves costs one inotify watch
 * per folder, is the same on every Node version and platform, and new or removed folders are
 * handled here: an event naming a folder makes the watcher list the tree again.
 */
import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';

export interface WatchedFolder {
  folder: string;
  /** Its sub-folders too, at every depth (dot-folders, node_modules and excluded names aside). */
  deep: boolean;
}

export interface WatcherOptions {
  /** Quiet time after the last event before `onChange` fires: an editor's save is several events. */
  debounceMs?: number;
  /** Longest wait after the first event, so that a long stream of events (a `git checkout`) still refreshes. */
  maxWaitMs?: number;
  /** Called once per burst of events, with the files and folders that changed (absolute paths) and when the burst began (ms since the epoch). */
  onChange: (changed: ReadonlySet<string>, since: number) => void;
  /** A folder that cannot be watched (out of inotify watches, say); reported once per folder. */
  onError?: (folder: string, error: Error) => void;
}

export const DEFAULT_DEBOUNCE_MS = 100;
const DEFAULT_MAX_WAIT_MS = 1_000;
const YAML_NAME = /\.ya?ml$/i;
/** Folders the workspace loader never enters either (src/language/workspace.ts). */
const ALWAYS_SKIPPED = new Set(['node_modules']);

function isSkipped(name: string, excluded: ReadonlySet<string>): boolean {
  return name.startsWith('.') || ALWAYS_SKIPPED.has(name) || excluded.has(name);
}

function isFolder(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Adds `folder` (when it is one) and, when `deep`, every folder below it that the loader would enter. */
function collectFolders(folder: string, deep: boolean, excluded: ReadonlySet<string>, out: Set<string>, explored: Set<string>): void {
  if (explored.has(folder)) return;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // gone, or not a folder: nothing to watch there
  }
  out.add(folder);
  if (!deep) return;
  explored.add(folder);
  for (const entry of entries) {
    if (entry.isDirectory() && !isSkipped(entry.name, excluded)) collectFolders(path.join(folder, entry.name), true, excluded, out, explored);
  }
}

export class WorkspaceWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly failed = new Set<string>();
  private spec: WatchedFolder[] = [];
  private excluded: ReadonlySet<string> = new Set();
  private pending = new Set<string>();
  private rescan = false;
  private timer: NodeJS.Timeout | undefined;
  private firstEventAt: number | undefined;
  private closed = false;

  constructor(private readonly options: WatcherOptions) {}

  /** From now on, watches these folders (the deep ones with their sub-folders) and no others. */
  watch(spec: readonly WatchedFolder[], excluded: ReadonlySet<string> = this.excluded): void {
    if (this.closed) return;
    this.spec = spec.map((s) => ({ folder: path.resolve(s.folder), deep: s.deep }));
    this.excluded = excluded;
    this.sync();
  }

  /** The folders being watched, sorted. */
  get folders(): string[] {
    return [...this.watchers.keys()].sort();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Opens a watcher on every wanted folder that has none, closes those no longer wanted. */
  private sync(): void {
    const wanted = new Set<string>();
    const explored = new Set<string>();
    for (const { folder, deep } of this.spec) collectFolders(folder, deep, this.excluded, wanted, explored);
    for (const [folder, watcher] of this.watchers) {
      if (wanted.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of wanted) if (!this.watchers.has(folder)) this.open(folder);
  }

  private open(folder: string): void {
    try {
      const watcher = watch(folder, { persistent: true }, (_event, name) => this.noticed(folder, name));
      // A watched folder that is removed may end its watcher with an error: list the tree again.
      watcher.on('error', () => {
        watcher.close();
        if (this.watchers.get(folder) === watcher) this.watchers.delete(folder);
        this.noticed(folder, null);
      });
      this.watchers.set(folder, watcher);
      this.failed.delete(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: removed since it was listed, which the next event reports. Anything else (ENOSPC:
      // out of inotify watches, EACCES) means saves there go unseen: the user must know.
      if (code === 'ENOENT' || this.failed.has(folder)) return;
      this.failed.add(folder);
      this.options.onError?.(folder, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private noticed(folder: string, name: string | Buffer | null): void {
    if (this.closed) return;
    if (name === null) {
      this.pending.add(folder);
      this.rescan = true;
    } else {
      const changed = path.join(folder, name.toString());
      if (YAML_NAME.test(changed)) this.pending.add(changed);
      else if (this.watchers.has(changed) || isFolder(changed)) {
        // A folder created, removed or renamed: its YAML files changed with it, and the list of
        // folders to watch must be made again.
        this.pending.add(changed);
        this.rescan = true;
      } else return; // an editor's swap, backup or temporary file: not part of the workspace
    }
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    this.firstEventAt ??= now;
    const debounce = this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    const maxWait = this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), Math.max(0, Math.min(debounce, this.firstEventAt + maxWait - now)));
  }

  private flush(): void {
    const since = this.firstEventAt ?? Date.now();
    this.timer = undefined;
    this.firstEventAt = undefined;
    if (this.closed) return;
    const changed = this.pending;
    this.pending = new Set();
    if (this.rescan) {
      this.rescan = false;
      this.sync();
    }
    this.options.onChange(changed, since);
  }
}
