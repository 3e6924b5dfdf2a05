/**
 * Writes files so that a reader never sees half of one: write a temporary file beside it, then
 * rename. The temporary file is removed on failure and on SIGINT/SIGTERM (cleanup.ts); one left by
 * a killed run (`.NAME.PID.tmp`, PID dead) is removed by the next write of the same file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { haltIfInterrupted, onInterrupt, processIsAlive } from './cleanup.js';
import { explainWriteError } from './errors.js';
import { fitFileName } from './file-names.js';

/** `.NAME.PID.tmp`, within the file-name limit however long NAME is. */
function temporaryName(base: string, pid: number): string {
  return `.${fitFileName(base, '', 200)}.${pid}.tmp`;
}

/** Temporary files of this file left by runs that were killed. */
async function removeStaleTemporaries(folder: string, base: string): Promise<void> {
  const prefix = `.${fitFileName(base, '', 200)}.`;
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(entry.slice(prefix.length, -'.tmp'.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processIsAlive(pid)) await fs.rm(path.join(folder, entry), { force: true });
  }
}

export interface StagedFile {
  /** Renames the temporary file over the target (no signal check: safe inside an uninterruptible section). */
  commit(): Promise<void>;
  /** Removes the temporary file (nothing once committed). */
  discard(): Promise<void>;
}

/** Writes `content` beside `file` under a temporary name; `commit` puts it in place. */
/** `content` may be an iterable of strings (written piece by piece, never held whole). */
export async function stageFile(file: string, content: string | Uint8Array | Iterable<string>): Promise<StagedFile> {
  return stage(file, (temporary) => fs.writeFile(temporary, content));
}

/**
 * The same for a file another writer makes (DuckDB's `COPY … TO`): `write` is given the temporary
 * path. It is first created empty here, so that a folder one cannot write to fails with its
 * file-system code (explained by src/io/errors.ts) before the writer runs.
 */
export async function stageFileWith(file: string, write: (temporary: string) => Promise<void>): Promise<StagedFile> {
  return stage(file, async (temporary) => {
    await fs.writeFile(temporary, '');
    await write(temporary);
  });
}

async function stage(file: string, write: (temporary: string) => Promise<void>): Promise<StagedFile> {
  await haltIfInterrupted();
  const folder = path.dirname(file);
  const temporary = path.join(folder, temporaryName(path.basename(file), process.pid));
  const forget = onInterrupt(() => fs.rm(temporary, { force: true }));
  const discard = async () => {
    await fs.rm(temporary, { force: true });
    forget();
  };
  try {
    await fs.mkdir(folder, { recursive: true });
    await removeStaleTemporaries(folder, path.basename(file));
    await write(temporary);
  } catch (error) {
    await discard();
    throw explainWriteError(error, file);
  }
  return {
    commit: async () => {
      try {
        await fs.rename(temporary, file);
        forget();
      } catch (error) {
        await discard();
        throw explainWriteError(error, file);
      }
    },
    discard,
  };
}

export async function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>): Promise<void> {
  const staged = await stageFile(file, content);
  await haltIfInterrupted();
  await staged.commit();
}
