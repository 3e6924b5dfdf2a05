/**
 * The edges of the national example (src/national/workspace.ts): reading the bundled files it
 * starts from, writing the workspace it builds.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isNationalInput, type GeneratedFile } from './workspace.js';

/** The bundled files the national workspace starts from, by path relative to `repo` (`/` separators). */
export function readNationalInputs(repo: string): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const top of ['guidelines', 'simulations']) {
    for (const relative of listFiles(path.join(repo, top), top)) {
      if (isNationalInput(relative)) inputs.set(relative, readFileSync(path.join(repo, ...relative.split('/')), 'utf8'));
    }
  }
  return inputs;
}

function listFiles(dir: string, prefix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

/**
 * Writes the files into `out`, which must not exist or be empty: a generated workspace is never
 * mixed with the files of another (stale territories would join its workspace).
 */
export function writeNationalWorkspace(out: string, files: readonly GeneratedFile[]): void {
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty: give a new or empty folder`);
  for (const file of files) {
    const target = path.join(out, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}
