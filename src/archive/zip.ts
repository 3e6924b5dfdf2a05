/**
 * The package file: a ZIP archive (APPNOTE 6.3: deflate, data descriptors), written and read
 * piece by piece with fflate, so that neither a large summary.csv nor a large package is ever held
 * whole. ZIP rather than tar: it opens with a double click on every desktop that clinicians and
 * ARS teams use, and research repositories show its contents (docs/decisions.md, issue 21).
 *
 * The bytes depend only on the entries and the date given: every entry gets that date at 00:00,
 * written so that the time zone changes nothing (ZIP stores local time: fflate reads the local
 * fields of the Date, so the Date is built from local fields).
 */
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';

export interface ZipEntry {
  /** Its path in the archive, `/`-separated. */
  name: string;
  /** Its bytes: a file to read, or the bytes themselves. */
  source: { file: string } | { bytes: Uint8Array };
}

/** Writes `entries`, in their order, to the file `target` (the caller stages it: src/io/atomic.ts). */
export async function writeZip(target: string, entries: readonly ZipEntry[], date: string): Promise<void> {
  const handle = await fs.open(target, 'w');
  const pending: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of pending.splice(0)) await handle.write(chunk);
  };
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day);
  try {
    for (const entry of entries) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      // Before `add`, which writes the header: without it, fflate takes the current time.
      file.mtime = mtime;
      zip.add(file);
      if ('bytes' in entry.source) file.push(entry.source.bytes, true);
      else {
        for await (const chunk of createReadStream(entry.source.file)) {
          file.push(chunk as Buffer, false);
          await flush();
        }
        file.push(new Uint8Array(0), true);
      }
      await flush();
    }
    zip.end();
    await flush();
  } finally {
    await handle.close();
  }
}

/** Why an archive cannot be unpacked: not a ZIP, or an entry that would land outside the folder. */
export class ZipError extends Error {
  constructor(
    /** What is wrong: an entry whose name would write outside the folder, or no entry at all. */
    readonly problem: 'unsafe-entry' | 'empty',
    readonly entry?: string,
  ) {
    super(entry === undefined ? problem : `${problem}: ${entry}`);
    this.name = 'ZipError';
  }
}

/**
 * A safe entry name: relative, `/`-separated, no `..` or empty segment, no drive letter, no
 * backslash (which some unpackers read as a separator): nothing can be written outside `folder`.
 */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.includes('\0')) return false;
  const segments = name.replace(/\/$/, '').split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

/** Unpacks the ZIP file `archive` into `folder` (which exists); returns the names of the files written. */
export async function extractZip(archive: string, folder: string): Promise<string[]> {
  const written: string[] = [];
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (!isSafeEntryName(file.name)) {
      failure = new ZipError('unsafe-entry', file.name);
      return;
    }
    const target = path.join(folder, ...file.name.split('/'));
    if (file.name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      return;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const descriptor = openSync(target, 'wx');
    written.push(file.name);
    file.ondata = (error, data, final) => {
      if (error) failure ??= error;
      else writeSync(descriptor, data);
      if (final || error) closeSync(descriptor);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let sawBytes = false;
  for await (const chunk of createReadStream(archive)) {
    sawBytes ||= (chunk as Buffer).length > 0;
    unzip.push(chunk as Buffer, false);
    if (failure) throw failure;
  }
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  if (!sawBytes || written.length === 0) throw new ZipError('empty');
  return written;
}
