/**
 * The tool that made a package: logi's name and version, and the exact versions of the packages it
 * runs on — from its lockfile (package-lock.json beside its package.json, as in a clone of the
 * repository), else, for an installed logi that ships no lockfile, from the package.json of each
 * dependency as installed. Every list is in code-point order (src/language/order.ts).
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { byCodePoint } from '../language/order.js';

export interface ToolRecord {
  name: string;
  version: string;
  /** Where the versions come from: the lockfile, or the installed packages' own package.json. */
  dependencies: { source: 'package-lock.json' | 'installed'; packages: Record<string, string> };
}

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
}

interface Lockfile {
  packages?: Record<string, { version?: string; dev?: boolean }>;
}

/** The tool installed at `root` (the folder of its package.json). */
export async function toolRecord(root: string): Promise<ToolRecord> {
  const own = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  const lock = await fs.readFile(path.join(root, 'package-lock.json'), 'utf8').then(
    (text) => JSON.parse(text) as Lockfile,
    () => undefined,
  );
  const packages = lock?.packages ? fromLockfile(lock.packages) : await installedVersions(root, Object.keys(own.dependencies ?? {}));
  return { name: own.name ?? 'logi', version: own.version ?? '0.0.0', dependencies: { source: lock?.packages ? 'package-lock.json' : 'installed', packages } };
}

/** The packages a run loads (not the development ones), by name: `node_modules/a/node_modules/b` is `a > b`. */
function fromLockfile(entries: NonNullable<Lockfile['packages']>): Record<string, string> {
  const rows = Object.entries(entries)
    .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev && entry.version)
    .map(([key, entry]) => [key.slice('node_modules/'.length).split('/node_modules/').join(' > '), entry.version!] as const);
  return Object.fromEntries(rows.sort((a, b) => byCodePoint(a[0], b[0])));
}

async function installedVersions(root: string, names: string[]): Promise<Record<string, string>> {
  const require = createRequire(path.join(root, 'package.json'));
  const rows: [string, string][] = [];
  for (const name of [...names].sort(byCodePoint)) {
    const version = await findPackageJson(require, name).then((file) => (file ? fs.readFile(file, 'utf8').then((text) => (JSON.parse(text) as PackageJson).version) : undefined));
    rows.push([name, version ?? 'unknown']);
  }
  return Object.fromEntries(rows);
}

/** A dependency's package.json: resolved directly, else found above its entry point (a package may not export it). */
async function findPackageJson(require: NodeJS.Require, name: string): Promise<string | undefined> {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    try {
      let dir = path.dirname(require.resolve(name));
      while (path.basename(dir) !== name.split('/').at(-1) && path.dirname(dir) !== dir) dir = path.dirname(dir);
      return path.join(dir, 'package.json');
    } catch {
      return undefined;
    }
  }
}
