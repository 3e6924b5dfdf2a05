/**
 * Reads a logi workspace for the independent oracle (test/sim/oracle/expected.ts): every YAML
 * document under the folders that `logi.config.yaml` includes (docs/language.md, "The
 * workspace"), indexed by kind and id. Written from the docs alone; it never imports src/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/** A YAML document as plain data (keys as written in the files). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

export interface Workspace {
  root: string;
  byKind: Map<string, Map<string, Doc>>;
}

const CONFIG = 'logi.config.yaml';

export function readWorkspace(root: string): Workspace {
  const config = existsSync(path.join(root, CONFIG)) ? ((parse(readFileSync(path.join(root, CONFIG), 'utf8')) as Doc | null) ?? {}) : {};
  const include: string[] = config.include ?? ['.'];
  const exclude = new Set<string>(config.exclude ?? []);
  const byKind = new Map<string, Map<string, Doc>>();
  const files = include.flatMap((entry) => yamlFiles(path.join(root, entry), exclude));
  for (const file of files) {
    if (path.basename(file) === CONFIG) continue;
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const data = document.toJS({ maxAliasCount: 100 }) as Doc | null;
      if (!data || typeof data !== 'object' || typeof data.kind !== 'string') continue;
      if (!byKind.has(data.kind)) byKind.set(data.kind, new Map());
      byKind.get(data.kind)!.set(String(data.id), data);
    }
  }
  return { root, byKind };
}

function yamlFiles(entry: string, exclude: Set<string>): string[] {
  if (!existsSync(entry)) return [];
  if (statSync(entry).isFile()) return /\.ya?ml$/.test(entry) ? [entry] : [];
  const found: string[] = [];
  for (const name of readdirSync(entry).sort()) {
    if (name.startsWith('.') || name === 'node_modules' || exclude.has(name)) continue;
    found.push(...yamlFiles(path.join(entry, name), exclude));
  }
  return found;
}

export function documentOf(workspace: Workspace, kind: string, id: string): Doc {
  const document = workspace.byKind.get(kind)?.get(id);
  if (!document) throw new Error(`oracle: no ${kind} ${id} in ${workspace.root}`);
  return document;
}

export function documentsOf(workspace: Workspace, kind: string): Doc[] {
  return [...(workspace.byKind.get(kind)?.values() ?? [])];
}
