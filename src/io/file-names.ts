/**
 * File names that every file system accepts in length. Ids are unbounded in the language, but a
 * file name is at most 255 bytes on Linux, macOS and Windows (NAME_MAX): a longer id gave
 * "ENAMETOOLONG" half-way through a batch. A name that would be too long keeps its first bytes
 * and ends with a hash of the whole stem, so it stays recognisable, stays unique, and is the
 * same on every run.
 */
import { createHash } from 'node:crypto';

/** The longest file name, in UTF-8 bytes, that Linux, macOS and Windows all accept. */
export const MAX_FILE_NAME_BYTES = 255;

/** Eight hex digits of the SHA-256 of a text: short, stable, and unlikely to collide in one folder. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes, never cutting a character in two. */
export function truncateToBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}

/**
 * `stem` + `suffix` (e.g. `.svg`, `-charts`) within `maxBytes` (255 by default): unchanged when it
 * fits, else the stem's first bytes, `-`, and the hash of the whole stem.
 */
export function fitFileName(stem: string, suffix = '', maxBytes = MAX_FILE_NAME_BYTES): string {
  if (Buffer.byteLength(stem + suffix) <= maxBytes) return stem + suffix;
  const tag = `-${shortHash(stem)}`;
  return `${truncateToBytes(stem, maxBytes - Buffer.byteLength(tag + suffix))}${tag}${suffix}`;
}
