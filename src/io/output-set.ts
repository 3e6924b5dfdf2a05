/**
 * Whole output sets (issue 12 #9). A command that writes several files into `--out DIR` writes them
 * into a temporary sibling folder, `.DIR.logi-new-PID-XXXXXX`, and only when every file is there
 * swaps it for DIR: DIR is renamed to `.DIR.logi-old-PID-XXXXXX`, the new folder to DIR, then the
 * old one is removed. Until the swap, DIR holds the previous set untouched; after it, the new set
 * whole. The two renames run back to back in an uninterruptible section (cleanup.ts), so SIGINT or
 * SIGTERM never splits them; SIGKILL between them (a window of two system calls) leaves DIR
 * missing and the old set beside it, which the next run into DIR puts back before anything else.
 * Folders left by killed runs (their PID dead) are removed by the next run into the same DIR.
 *
 * DIR is replaced as a whole, so logi refuses to replace a folder that holds files it did not
 * write: it records what it wrote in `DIR/.logi-output.json`, and any other entry stops the run
 * before any work (exit 2, listing them). Deleting a user's file silently would be worse than
 * asking for another folder (docs/decisions.md).
 */
import { randomBytes } from 'node:crypto';
import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import { writeFileAtomic } from './atomic.js';
import { haltIfInterrupted, onInterrupt, processIsAlive, uninterruptible } from './cleanup.js';
import { explainWriteError, OutputError } from './errors.js';
import { fitFileName, shortHash } from './file-names.js';

/** The record, in an output folder, of the entries logi wrote there. */
export const MANIFEST_FILE = '.logi-output.json';

export interface OutputManifest {
  /** `logi simulate`, `logi render`…: what wrote the folder. */
  writtenBy: string;
  /** Top-level entries of the folder that logi wrote (a folder's name ends with `/`). */
  files: string[];
  /**
   * How the set was made, for `logi archive` and `logi verify` (src/archive/invocation.ts): the
   * options that change its bytes and the platform. Absent from sets of other commands, and of
   * sets written before issue 21.
   */
  invocation?: unknown;
}

/** A file of an output set written piece by piece (OutputSet.open). */
export interface SetFileWriter {
  /** Its path while the set is being written. */
  readonly path: string;
  write(text: string): Promise<void>;
  /** Closes it; returns its final path. */
  close(): Promise<string>;
}

export interface OutputSetOptions {
  /** The command, for the manifest: `simulate`, `render`, `report`. */
  command: string;
  /**
   * Names this command writes in DIR. Besides the entries DIR's manifest lists, these are the only
   * ones that may already be there: a folder written before manifests existed holds them alone.
   */
  names: readonly string[];
}

type SiblingKind = 'new' | 'old';

/** The part of a sibling's name that identifies DIR: its name, shortened with a hash when long. */
function siblingStem(base: string): string {
  return Buffer.byteLength(base) <= 80 ? base : `${fitFileName(base, '', 64)}-${shortHash(base)}`;
}

function siblingPrefix(base: string): string {
  return `.${siblingStem(base)}.logi-`;
}

function siblingName(base: string, kind: SiblingKind): string {
  return `${siblingPrefix(base)}${kind}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** DIR's `.logi-output.json`, or undefined when it has none or it is not one. Other fields are kept as they are. */
export async function readManifest(dir: string): Promise<OutputManifest | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Partial<OutputManifest>;
    return Array.isArray(parsed.files) && parsed.files.every((f) => typeof f === 'string') ? { ...parsed, writtenBy: String(parsed.writtenBy), files: parsed.files } : undefined;
  } catch {
    return undefined;
  }
}

/** The entries of `dir` that logi did not write there (none when `dir` does not exist). */
export async function foreignEntries(dir: string, names: readonly string[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw explainWriteError(error, dir);
  }
  const manifest = await readManifest(dir);
  const allowed = new Set([MANIFEST_FILE, ...names, ...(manifest?.files ?? [])].map((n) => n.replace(/\/$/, '')));
  // `.NAME.PID.tmp`: a temporary file of one of those, left by an older logi that was killed.
  const temporaryOf = (entry: string) => /^\.(.+)\.\d+\.tmp$/.exec(entry)?.[1];
  return entries
    .filter((e) => !allowed.has(e.name) && !allowed.has(temporaryOf(e.name) ?? '\0'))
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
}

/**
 * Removes what killed runs left beside `target` (their PID dead). If `target` is missing and a
 * killed run left the old set beside it (killed between the two renames), the old set goes back.
 */
async function sweepSiblings(target: string): Promise<void> {
  const parent = path.dirname(target);
  const prefix = siblingPrefix(path.basename(target));
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  const stale = entries
    .filter((e) => e.startsWith(prefix))
    .map((e) => ({ entry: e, match: /^(new|old)-(\d+)-[0-9a-zA-Z]+$/.exec(e.slice(prefix.length)) }))
    .filter(({ match }) => match && Number(match[2]) !== process.pid && !processIsAlive(Number(match[2])));
  for (const { entry, match } of stale) {
    const folder = path.join(parent, entry);
    const targetMissing = await fs.stat(target).then(() => false, () => true);
    if (match![1] === 'old' && targetMissing) await fs.rename(folder, target).catch(() => undefined);
    else await fs.rm(folder, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** The folder a set replaces: DIR resolved, through a symbolic link if DIR is one. */
async function resolveTarget(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const real = await fs.realpath(absolute).catch(() => absolute);
  if (path.dirname(real) === real) throw new OutputError(t('io.out.root', { dir }), t('io.out.root.hint'));
  const cwd = await fs.realpath(process.cwd()).catch(() => process.cwd());
  if (cwd === real || cwd.startsWith(real + path.sep)) {
    throw new OutputError(t('io.out.holds-cwd', { dir }), t('io.out.holds-cwd.hint'));
  }
  const stat = await fs.stat(real).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new OutputError(t('io.out.is-file', { dir }), t('io.out.is-file.hint'));
  return real;
}

/** Lists the entries written so far, top level only (`charts/` for files under `charts`). */
function topLevelEntries(written: ReadonlySet<string>): string[] {
  return [...new Set([...written].map((name) => (name.includes('/') ? `${name.split('/')[0]}/` : name)))].sort();
}

export class OutputSet {
  private temporary: string | undefined;
  private forgetTemporary: (() => void) | undefined;
  private readonly written = new Set<string>();

  private constructor(
    /** The folder as the user gave it, for the paths reported. */
    readonly dir: string,
    private readonly target: string,
    private readonly options: OutputSetOptions,
  ) {}

  /**
   * Checks that `dir` may be replaced (refusing, before any work, a folder that holds files logi
   * did not write) and clears what killed runs left beside it. Nothing is written yet.
   */
  static async prepare(dir: string, options: OutputSetOptions): Promise<OutputSet> {
    const target = await resolveTarget(dir);
    await sweepSiblings(target);
    await refuseForeign(dir, target, options.names);
    return new OutputSet(dir, target, options);
  }

  /** Where `name` will be once the set is committed, as the user would write it. */
  finalPath(name: string): string {
    return path.join(this.dir, name);
  }

  /** Writes `name` (a path relative to DIR, `/`-separated) into the new set; returns its final path. */
  async write(name: string, content: string | Uint8Array): Promise<string> {
    await haltIfInterrupted();
    const folder = await this.temporaryFolder();
    const file = path.join(folder, ...name.split('/'));
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);
    } catch (error) {
      throw explainWriteError(error, this.finalPath(name));
    }
    this.written.add(name);
    return this.finalPath(name);
  }

  /**
   * Opens `name` in the new set for writing piece by piece (a file too large to hold whole): the
   * pieces are appended in order; `close` returns its final path.
   */
  async open(name: string): Promise<SetFileWriter> {
    await haltIfInterrupted();
    const folder = await this.temporaryFolder();
    const file = path.join(folder, ...name.split('/'));
    const finalPath = this.finalPath(name);
    const handle = await fs.mkdir(path.dirname(file), { recursive: true }).then(() => fs.open(file, 'w')).catch((error: unknown) => {
      throw explainWriteError(error, finalPath);
    });
    this.written.add(name);
    return {
      path: file,
      write: async (text: string) => {
        await handle.write(text).catch((error: unknown) => {
          throw explainWriteError(error, finalPath);
        });
      },
      close: async () => {
        await handle.close().catch((error: unknown) => {
          throw explainWriteError(error, finalPath);
        });
        return finalPath;
      },
    };
  }

  /** Where `name` is while the set is being written (for a tool that writes it itself); it joins the set. */
  async stagedPath(name: string): Promise<string> {
    const folder = await this.temporaryFolder();
    this.written.add(name);
    return path.join(folder, ...name.split('/'));
  }

  /**
   * Puts the new set in place of DIR. `alongside` (e.g. renaming a staged file that links into
   * the set) runs in the same uninterruptible section, right after the swap. `invocation`, when
   * given, is recorded in DIR's `.logi-output.json` (what `logi verify` re-runs).
   */
  async commit(alongside?: () => Promise<void>, invocation?: unknown): Promise<void> {
    await refuseForeign(this.dir, this.target, [...this.options.names, ...this.written]);
    const folder = await this.temporaryFolder();
    const manifest: OutputManifest = { writtenBy: `logi ${this.options.command}`, files: topLevelEntries(this.written), ...(invocation === undefined ? {} : { invocation }) };
    await fs.writeFile(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`).catch((error: unknown) => {
      throw explainWriteError(error, this.finalPath(MANIFEST_FILE));
    });
    let forgetOld: () => void = () => undefined;
    const old = await uninterruptible(async () => {
      const previous = await this.swap(folder);
      // Registered inside the section: a signal that waited for it removes the old set before exiting.
      if (previous) forgetOld = onInterrupt(() => fs.rm(previous, { recursive: true, force: true, maxRetries: 3 }));
      await alongside?.();
      return previous;
    });
    if (old) await fs.rm(old, { recursive: true, force: true, maxRetries: 3 });
    forgetOld();
  }

  /** Removes the new set, if it was not committed; DIR keeps its previous set. */
  async discard(): Promise<void> {
    if (!this.temporary) return;
    await fs.rm(this.temporary, { recursive: true, force: true, maxRetries: 3 });
    this.temporary = undefined;
    this.forgetTemporary?.();
  }

  /** The two renames; returns where the previous set went, if there was one. */
  private async swap(folder: string): Promise<string | undefined> {
    const parent = path.dirname(this.target);
    const old = path.join(parent, siblingName(path.basename(this.target), 'old'));
    // DIR keeps its permissions (a shared, group-writable folder stays so).
    const previous = await fs.stat(this.target).catch(() => undefined);
    if (previous) await fs.chmod(folder, previous.mode & 0o7777).catch(() => undefined);
    const hadPrevious = await fs.rename(this.target, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw explainWriteError(error, this.dir);
      },
    );
    try {
      await fs.rename(folder, this.target);
    } catch (error) {
      if (hadPrevious) await fs.rename(old, this.target).catch(() => undefined);
      throw explainWriteError(error, this.dir);
    }
    this.temporary = undefined;
    this.forgetTemporary?.();
    return hadPrevious ? old : undefined;
  }

  private async temporaryFolder(): Promise<string> {
    if (this.temporary) return this.temporary;
    const parent = path.dirname(this.target);
    try {
      await fs.mkdir(parent, { recursive: true });
      // Not mkdtemp: its folder is private (0700), and DIR would keep that mode after the swap; a
      // plain mkdir gives the mode any new folder gets (the umask's). The random part avoids clashes.
      const folder = path.join(parent, siblingName(path.basename(this.target), 'new'));
      await fs.mkdir(folder);
      this.temporary = folder;
    } catch (error) {
      throw explainWriteError(error, this.dir);
    }
    const folder = this.temporary;
    this.forgetTemporary = onInterrupt(() => fs.rm(folder, { recursive: true, force: true, maxRetries: 3 }));
    return folder;
  }
}

async function refuseForeign(dir: string, target: string, names: readonly string[]): Promise<void> {
  const foreign = await foreignEntries(target, names);
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(', ');
  const entries = foreign.length > 5 ? t('io.out.foreign.more', { shown, more: foreign.length - 5 }) : shown;
  throw new OutputError(t('io.out.foreign', { dir, count: foreign.length, entries }), t('io.out.foreign.hint'));
}

/**
 * Adds `names` (entries of `folder`) to the folder's manifest, if the folder is an output set: a
 * report written beside `results.json` then belongs to the set, and goes with it when the set is
 * replaced (it describes the old results). A folder without a manifest is left as it is.
 */
export async function recordInOutputSet(folder: string, names: readonly string[]): Promise<void> {
  const manifest = await readManifest(folder);
  if (!manifest) return;
  const files = [...new Set([...manifest.files, ...names])].sort();
  if (files.length === manifest.files.length) return;
  await writeFileAtomic(path.join(folder, MANIFEST_FILE), `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
}
