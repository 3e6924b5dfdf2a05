/**
 * Errors while writing outputs, in words a user can act on. They extend `UsageError`, so every
 * command reports them as `logi: …` with a hint and exit code 2, never as "internal error".
 */
import { type MessageId, t } from '../i18n/catalogue.js';
import { UsageError } from '../language/workspace.js';

export class OutputError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'OutputError';
  }
}

type Reason = Extract<MessageId, `io.reason.${string}`>;
type Hint = Extract<MessageId, `io.hint.${string}`>;

/** The file-system errors a user can fix: what went wrong, and what to do. */
const EXPLANATIONS: Readonly<Record<string, { reason: Reason; hint: Hint }>> = {
  ENAMETOOLONG: { reason: 'io.reason.ENAMETOOLONG', hint: 'io.hint.shorter-path' },
  EACCES: { reason: 'io.reason.EACCES', hint: 'io.hint.writable-folder' },
  EPERM: { reason: 'io.reason.EPERM', hint: 'io.hint.writable-folder' },
  EROFS: { reason: 'io.reason.EROFS', hint: 'io.hint.writable-disk' },
  ENOSPC: { reason: 'io.reason.ENOSPC', hint: 'io.hint.free-space' },
  EDQUOT: { reason: 'io.reason.EDQUOT', hint: 'io.hint.free-space' },
  ENOTDIR: { reason: 'io.reason.ENOTDIR', hint: 'io.hint.other-path' },
  EISDIR: { reason: 'io.reason.EISDIR', hint: 'io.hint.move-folder' },
  EXDEV: { reason: 'io.reason.EXDEV', hint: 'io.hint.folder-inside' },
  EBUSY: { reason: 'io.reason.EBUSY', hint: 'io.hint.folder-inside-or-close' },
};

/** `error` as an `OutputError` naming `target` when it is a file-system error a user can fix; else `error` itself. */
export function explainWriteError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined || !Object.hasOwn(EXPLANATIONS, code) ? undefined : EXPLANATIONS[code];
  return known ? new OutputError(t('io.cannot-write', { target, reason: t(known.reason), code: code! }), t(known.hint)) : error;
}
