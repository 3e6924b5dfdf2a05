/**
 * The workspace: the folder marked by `logi.config.yaml`. Finds it, loads every YAML document
 * in it, indexes documents by kind and id, and resolves references between them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { byCodePoint } from './order.js';
import type { Diagnostic, PathReport } from './diagnostic.js';
import { compareDiagnostics } from './diagnostic.js';
import { resolveReferences } from './references.js';
import { ConfigDocument, type DocumentByKind, type Kind } from './schemas/index.js';
import { locate, placeReport, readSource, type SourceDocument, type SourceFile } from './source.js';
import { schemaReports, validateDocument } from './validate.js';

export const CONFIG_FILE = 'logi.config.yaml';
const YAML_EXTENSIONS = ['.yaml', '.yml'];
const ALWAYS_SKIPPED = new Set(['node_modules']);

export interface LoadedDocument<K extends Kind = Kind> {
  kind: K;
  id: string;
  value: DocumentByKind[K];
  source: SourceFile;
  document: SourceDocument;
}

export interface Workspace {
  /** Absolute folder of the config, or of the first path when there is no config. */
  root: string;
  configFile?: string;
  config: ConfigDocument;
  files: SourceFile[];
  documents: LoadedDocument[];
  /** kind → id → document. */
  index: { [K in Kind]: Map<string, LoadedDocument<K>> };
  /** Files the caller asked about (absolute paths); diagnostics are reported for these only. */
  targets: Set<string>;
  diagnostics: Diagnostic[];
  /** The broken references of each document, by path (the lint rules of references re-issue them). */
  references: Map<LoadedDocument, PathReport[]>;
  /** True when some input could not be read at all (exit code 2). */
  hasUnreadableInput: boolean;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface LoadOptions {
  /** Files or folders; default: the workspace of the cwd. */
  paths?: readonly string[];
  cwd?: string;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder at or above `start` that holds `logi.config.yaml`. */
export async function findConfig(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (await exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Appends one by one: `push(...items)` overflows the stack for the 100,000 findings of a large file. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function isYamlName(name: string): boolean {
  return YAML_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Every YAML file below `dir` (sorted, so that results are deterministic). */
async function walk(dir: string, excluded: ReadonlySet<string>, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || ALWAYS_SKIPPED.has(entry.name) || excluded.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (isYamlName(entry.name)) {
      // A folder or a special file named *.yaml is listed so that it is reported, not skipped.
      if (entry.name !== CONFIG_FILE) out.push(full);
    } else if (entry.isDirectory()) await walk(full, excluded, out);
  }
}

function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  return relative.startsWith('..') ? absolute : relative;
}

function emptyIndex(): Workspace['index'] {
  return { Pyramid: new Map(), Logigramme: new Map(), Actors: new Map(), Territory: new Map(), Program: new Map(), Scenario: new Map() };
}

async function loadConfig(configFile: string, cwd: string): Promise<{ config: ConfigDocument; diagnostics: Diagnostic[]; unreadable: boolean }> {
  const read = await readSource(displayPath(cwd, configFile), configFile);
  if (!read.ok) return { config: {}, diagnostics: read.diagnostics, unreadable: true };
  const diagnostics = [...read.diagnostics];
  const document = read.source.documents[0];
  if (!document || document.hasSyntaxErrors || document.data === null || document.data === undefined) {
    return { config: {}, diagnostics, unreadable: false };
  }
  const reports = schemaReports(ConfigDocument, document.data);
  if (reports.length > 0) {
    for (const r of reports) diagnostics.push(placeReport(read.source, document, r));
    return { config: {}, diagnostics, unreadable: false };
  }
  return { config: ConfigDocument.parse(document.data), diagnostics, unreadable: false };
}

/** Loads the workspace that holds `paths` (or the cwd). Never throws for bad YAML. */
export async function loadWorkspace(options: LoadOptions = {}): Promise<Workspace> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const given = (options.paths ?? []).map((p) => path.resolve(cwd, p));

  const stats = new Map<string, import('node:fs').Stats | undefined>();
  for (const p of given) stats.set(p, await fs.stat(p).catch(() => undefined));
  for (const p of given) {
    const stat = stats.get(p);
    if (!stat) throw new UsageError(`no such file or folder: ${displayPath(cwd, p)}`, 'check the path; run `logi lint` with no argument to lint the whole workspace');
    if (stat.isFile() && !isYamlName(p)) {
      const isJson = path.extname(p).toLowerCase() === '.json';
      throw new UsageError(
        `${displayPath(cwd, p)} is not a YAML file: logi reads .yaml and .yml files`,
        isJson ? 'JSON is valid YAML: rename the file to .yaml to check it' : 'give a .yaml file or a folder',
      );
    }
  }

  const anchor = given[0] ? (stats.get(given[0])?.isDirectory() && !isYamlName(given[0]) ? given[0] : path.dirname(given[0])) : cwd;
  const configFile = await findConfig(anchor);
  const root = configFile ? path.dirname(configFile) : anchor;
  const diagnostics: Diagnostic[] = [];
  let hasUnreadableInput = false;
  let config: ConfigDocument = {};
  if (configFile) {
    const loaded = await loadConfig(configFile, cwd);
    config = loaded.config;
    append(diagnostics, loaded.diagnostics);
    hasUnreadableInput ||= loaded.unreadable;
  }

  const excluded = new Set(config.exclude ?? []);
  const workspaceFiles: string[] = [];
  for (const include of config.include ?? ['.']) {
    const full = path.resolve(root, include);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) continue;
    if (stat.isDirectory() && !isYamlName(full)) await walk(full, excluded, workspaceFiles);
    else workspaceFiles.push(full);
  }
  const targetFiles: string[] = [];
  for (const p of given) {
    if (stats.get(p)!.isDirectory() && !isYamlName(p)) await walk(p, excluded, targetFiles);
    else targetFiles.push(p);
  }
  const all = [...new Set([...workspaceFiles, ...targetFiles])];
  const targets = new Set(given.length > 0 ? targetFiles : all);
  if (configFile) targets.add(configFile);

  const workspace: Workspace = {
    root,
    config,
    files: [],
    documents: [],
    index: emptyIndex(),
    targets,
    diagnostics,
    references: new Map(),
    hasUnreadableInput,
  };
  if (configFile) workspace.configFile = configFile;

  const reads = await Promise.all(all.map((abs) => readSource(displayPath(cwd, abs), abs).then((r) => ({ abs, r }))));
  for (const { abs, r } of reads) {
    if (!r.ok) {
      if (targets.has(abs)) {
        append(diagnostics, r.diagnostics);
        workspace.hasUnreadableInput = true;
      }
      continue;
    }
    workspace.files.push(r.source);
    append(diagnostics, r.diagnostics);
    if (r.source.documents.length === 0 && r.diagnostics.length === 0) {
      diagnostics.push({
        ruleId: 'schema',
        severity: 'error',
        message: 'the file is empty',
        file: r.source.file,
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        hint: 'write a document starting with `kind:`, `version: 1` and `id:`, or delete the file',
      });
    }
    for (const document of r.source.documents) {
      if (document.hasSyntaxErrors) continue;
      const validation = validateDocument(document.data);
      if (!validation.ok) {
        for (const report of validation.reports) diagnostics.push(placeReport(r.source, document, report));
        continue;
      }
      const { kind, value } = validation.value;
      const id = (value as { id: string }).id;
      const byId = workspace.index[kind] as Map<string, LoadedDocument>;
      const previous = byId.get(id);
      const loaded = { kind, id, value, source: r.source, document } as LoadedDocument;
      if (previous) {
        diagnostics.push(
          placeReport(r.source, document, {
            ruleId: 'duplicate-id',
            message: `a ${kind} with id \`${id}\` already exists`,
            path: ['id'],
            hint: `the other one is in ${previous.source.file}:${locate(previous.source, previous.document, ['id']).start.line}; ids are unique per kind`,
          }),
        );
        continue;
      }
      byId.set(id, loaded);
      workspace.documents.push(loaded);
    }
  }
  for (const loaded of workspace.documents) {
    const reports: PathReport[] = resolveReferences(workspace, loaded);
    workspace.references.set(loaded, reports);
    for (const report of reports) diagnostics.push(placeReport(loaded.source, loaded.document, report));
  }
  workspace.diagnostics = filterToTargets(workspace, diagnostics, cwd);
  return workspace;
}

function filterToTargets(workspace: Workspace, diagnostics: Diagnostic[], cwd: string): Diagnostic[] {
  const shown = new Set([...workspace.targets].map((abs) => displayPath(cwd, abs)));
  return diagnostics.filter((d) => shown.has(d.file)).sort(compareDiagnostics);
}

/** Whether a loaded document is one the caller asked about. */
export function isTarget(workspace: Workspace, document: LoadedDocument): boolean {
  return workspace.targets.has(document.source.absolutePath);
}
