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

/** Kinds whose values a parameter path may name (docs/language.md, "Parameter paths"). */
const PARAMETER_KINDS = ['Pyramid', 'Logigramme', 'Program', 'Territory', 'Actors'];

/**
 * The scenario's `parameter-sets` applied (docs/calibration.md, "Using the result"): a copy of the
 * workspace in which each value of each set, in order, replaces the value at its parameter path.
 */
export function withParameterSets(workspace: Workspace, scenarioId: string): Workspace {
  const sets: string[] = documentOf(workspace, 'Scenario', scenarioId)['parameter-sets'] ?? [];
  if (sets.length === 0) return workspace;
  const byKind = new Map([...workspace.byKind].map(([kind, docs]) => [kind, new Map([...docs].map(([id, doc]) => [id, structuredClone(doc)]))]));
  const copy = { root: workspace.root, byKind };
  for (const id of sets) {
    for (const entry of documentOf(copy, 'ParameterSet', id).values ?? []) {
      const { parent, key } = locatePath(copy, entry.path as string);
      parent[key] = entry.value;
    }
  }
  return copy;
}

/** The object and key a parameter path ends on: `<id> <segment>…`, `Kind:id` when ids repeat across kinds. */
function locatePath(workspace: Workspace, text: string): { parent: Doc; key: string | number } {
  const segments = text.trim().split(/\s+/);
  const head = segments[0]!;
  const [kind, id] = head.includes(':') ? head.split(':') : [undefined, head];
  const owners = PARAMETER_KINDS.filter((k) => (kind === undefined || k === kind) && workspace.byKind.get(k)?.has(id!));
  if (owners.length !== 1) throw new Error(`oracle: path ${text}: ${owners.length} documents named ${head}`);
  let parent: Doc = documentOf(workspace, owners[0]!, id!);
  let key: string | number = '';
  const rest = segments.slice(1);
  rest.forEach((segment, k) => {
    if (k > 0) parent = parent[key];
    if (Array.isArray(parent)) {
      const at = parent.findIndex((e: Doc) => e?.id === segment || (e?.from !== undefined && `${e.from}->${e.to}` === segment.replace(/\s*->\s*/, '->')));
      key = at >= 0 ? at : Number(segment);
    } else key = segment;
    if (parent[key] === undefined) throw new Error(`oracle: path ${text}: no ${segment}`);
  });
  return { parent, key };
}
