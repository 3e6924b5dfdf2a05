/**
 * Errors while writing outputs, in words a user can act on. They extend `UsageError`, so every
 * command reports them as `logi: …` with a hint and exit code 2, never as "internal error".
 */
import { UsageError } from '../language/workspace.js';

export class OutputError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'OutputError';
  }
}

const EXPLANATIONS: Readonly<Record<string, { message: string; hint: string }>> = {
  ENAMETOOLONG: { message: 'the path is too long for the file system', hint: 'choose a shorter path (for outputs: --out)' },
  EACCES: { message: 'permission denied', hint: 'choose a folder you can write to (for outputs: --out)' },
  EPERM: { message: 'operation not permitted', hint: 'choose a folder you can write to (for outputs: --out)' },
  EROFS: { message: 'the file system is read-only', hint: 'choose a folder on a writable disk (for outputs: --out)' },
  ENOSPC: { message: 'no space left on the disk', hint: 'free some space, or choose another disk (for outputs: --out)' },
  EDQUOT: { message: 'disk quota exceeded', hint: 'free some space, or choose another disk (for outputs: --out)' },
  ENOTDIR: { message: 'a part of the path is a file, not a folder', hint: 'choose another path (for outputs: --out)' },
  EISDIR: { message: 'a folder is in the way of the file', hint: 'choose another path (for outputs: --out), or move the folder' },
  EXDEV: { message: 'the folder is a mount point, so logi cannot replace it by renaming', hint: 'write into a folder inside it (--out)' },
  EBUSY: { message: 'the folder is busy (a mount point, or open in another program)', hint: 'write into a folder inside it (--out), or close the other program' },
};

/** `error` as an `OutputError` naming `target` when it is a file-system error a user can fix; else `error` itself. */
export function explainWriteError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : EXPLANATIONS[code];
  return known ? new OutputError(`cannot write ${target}: ${known.message} (${code})`, known.hint) : error;
}
