/**
 * The workspace: the folder marked by `logi.config.yaml`. Finds it, loads every YAML document
 * in it, indexes documents by kind and id, and resolves references between them.
 *
 * A document that fails its schema or has a syntax error is kept as *broken*, indexed by the kind
 * and id that can still be read from it: references to it resolve (its own error is the one to
 * fix: a second error in every file that names it would be a cascade), and no rule runs on it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import { t } from '../i18n/catalogue.js';
import { byCodePoint } from './order.js';
import type { Diagnostic, PathReport } from './diagnostic.js';
import { compareDiagnostics } from './diagnostic.js';
import { posteriorFile } from './posterior-csv.js';
import { resolveReferences } from './references.js';
import { ConfigDocument, type DocumentByKind, isKind, type Kind } from './schemas/index.js';
import { locate, placeReport, readSource, type SourceDocument, type SourceFile } from './source.js';
import { asciiId } from './suggest.js';
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

/** A document that failed its syntax or its schema, known by the kind and id that could be read. */
export interface BrokenDocument {
  kind: Kind;
  id: string;
  source: SourceFile;
  document: SourceDocument;
  /** Its data, when its syntax is sound (it failed its schema); undefined after a syntax error. */
  data: unknown;
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
  /**
   * kind → id → broken document, under the id as written and under its unaccented spelling (the
   * fix its error suggests): references to it are not reported. Rules never see these.
   */
  broken: { [K in Kind]: Map<string, BrokenDocument> };
  /** Files the caller asked about (absolute paths); diagnostics are reported for these only. */
  targets: Set<string>;
  diagnostics: Diagnostic[];
  /** The broken references of each document, by path (the lint rules of references re-issue them). */
  references: Map<LoadedDocument, PathReport[]>;
  /** True when some input could not be read at all (exit code 2). */
  hasUnreadableInput: boolean;
  /**
   * The posterior sample files that ParameterSets name (absolute path → text, or null when it
   * cannot be read), read with the workspace so that lint can check them (rule parameter-set-path).
   */
  posteriors: Map<string, string | null>;
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
  /**
   * Absolute file path → YAML text to use instead of reading that file from disk (`logi lint
   * --stdin --stdin-filename F`, an editor's unsaved buffer). Such a path is loaded even when it
   * does not exist on disk, and is a target when it is among `paths`.
   */
  texts?: ReadonlyMap<string, string>;
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
export async function findConfig(start: string, texts?: ReadonlyMap<string, string>): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (texts?.has(candidate) || (await exists(candidate))) return candidate;
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

function emptyIndex<T>(): { [K in Kind]: Map<string, T> } {
  return {
    Pyramid: new Map(),
    Logigramme: new Map(),
    Actors: new Map(),
    Territory: new Map(),
    Program: new Map(),
    Scenario: new Map(),
    Targets: new Map(),
    Calibration: new Map(),
    ParameterSet: new Map(),
    PathwayTest: new Map(),
  };
}

async function loadConfig(configFile: string, cwd: string, texts: ReadonlyMap<string, string>): Promise<{ config: ConfigDocument; diagnostics: Diagnostic[]; unreadable: boolean }> {
  const read = await readSource(displayPath(cwd, configFile), configFile, texts.get(configFile));
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

type GivenKind = 'file' | 'folder';

/** What each given path is; refuses a path that names nothing, and a file that is not YAML. */
async function classifyGiven(given: readonly string[], cwd: string, texts: ReadonlyMap<string, string>): Promise<Map<string, GivenKind>> {
  const kinds = new Map<string, GivenKind>();
  for (const p of given) {
    if (texts.has(p)) {
      if (!isYamlName(p)) throw notYaml(cwd, p);
      kinds.set(p, 'file');
      continue;
    }
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat) throw new UsageError(t('language.path.not-found', { path: displayPath(cwd, p) }), t('language.path.not-found.hint'));
    if (stat.isFile() && !isYamlName(p)) throw notYaml(cwd, p);
    kinds.set(p, stat.isDirectory() && !isYamlName(p) ? 'folder' : 'file');
  }
  return kinds;
}

function notYaml(cwd: string, p: string): UsageError {
  const isJson = path.extname(p).toLowerCase() === '.json';
  return new UsageError(t('language.path.not-yaml', { path: displayPath(cwd, p) }), isJson ? t('language.path.json.hint') : t('language.path.not-yaml.hint'));
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Every file of the workspace and the targets among them (texts not on disk included). */
async function listFiles(
  root: string,
  config: ConfigDocument,
  kinds: ReadonlyMap<string, GivenKind>,
  texts: ReadonlyMap<string, string>,
): Promise<{ all: string[]; targets: Set<string> }> {
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
  for (const [p, kind] of kinds) {
    if (kind === 'folder') await walk(p, excluded, targetFiles);
    else targetFiles.push(p);
  }
  const folders = [...kinds].filter(([, kind]) => kind === 'folder').map(([p]) => p);
  for (const file of texts.keys()) {
    if (path.basename(file) === CONFIG_FILE) continue;
    // A text not on disk is a target when a given folder holds it, as it would if it were saved.
    if (folders.some((folder) => isInside(folder, file))) targetFiles.push(file);
    else workspaceFiles.push(file);
  }
  const all = [...new Set([...workspaceFiles, ...targetFiles])];
  return { all, targets: new Set(kinds.size > 0 ? targetFiles : all) };
}

/** Loads the workspace that holds `paths` (or the cwd). Never throws for bad YAML. */
export async function loadWorkspace(options: LoadOptions = {}): Promise<Workspace> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const texts = options.texts ?? new Map<string, string>();
  const given = (options.paths ?? []).map((p) => path.resolve(cwd, p));
  const kinds = await classifyGiven(given, cwd, texts);
  const anchor = given[0] ? (kinds.get(given[0]) === 'folder' ? given[0] : path.dirname(given[0])) : cwd;
  const configFile = await findConfig(anchor, texts);
  const root = configFile ? path.dirname(configFile) : anchor;
  const diagnostics: Diagnostic[] = [];
  let hasUnreadableInput = false;
  let config: ConfigDocument = {};
  if (configFile) {
    const loaded = await loadConfig(configFile, cwd, texts);
    config = loaded.config;
    append(diagnostics, loaded.diagnostics);
    hasUnreadableInput ||= loaded.unreadable;
  }
  const { all, targets } = await listFiles(root, config, kinds, texts);
  if (configFile) targets.add(configFile);

  const workspace: Workspace = {
    root,
    config,
    files: [],
    documents: [],
    index: emptyIndex() as Workspace['index'],
    broken: emptyIndex<BrokenDocument>(),
    targets,
    diagnostics,
    references: new Map(),
    hasUnreadableInput,
    posteriors: new Map(),
  };
  if (configFile) workspace.configFile = configFile;
  const reads = await Promise.all(all.map((abs) => readSource(displayPath(cwd, abs), abs, texts.get(abs)).then((r) => ({ abs, r }))));
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
    if (r.source.documents.length === 0 && r.diagnostics.length === 0) diagnostics.push(emptyFile(r.source));
    indexFile(workspace, r.source, diagnostics);
  }
  resolveAll(workspace, diagnostics);
  await readPosteriors(workspace, texts);
  workspace.diagnostics = filterToTargets(workspace, diagnostics, cwd);
  return workspace;
}

/**
 * Reads the posterior file of every ParameterSet (relative to the set's own file). A set given as
 * text, not read from the disk (an editor's buffer, a document's example), has no folder to look
 * in: its file is not read, and lint skips the file's checks.
 */
async function readPosteriors(workspace: Workspace, texts: ReadonlyMap<string, string>): Promise<void> {
  for (const set of workspace.index.ParameterSet.values()) {
    if (set.value.posterior === undefined || texts.has(set.source.absolutePath)) continue;
    const absolute = posteriorFile(set, set.value.posterior);
    if (workspace.posteriors.has(absolute)) continue;
    const text = texts.get(absolute) ?? (await fs.readFile(absolute, 'utf8').catch(() => null));
    workspace.posteriors.set(absolute, text);
  }
}

function emptyFile(source: SourceFile): Diagnostic {
  return { ruleId: 'schema', severity: 'error', message: t('language.file.empty'), file: source.file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, hint: t('language.file.empty.hint') };
}

/** A top-level `key: text` of a document, read from its syntax tree (a document with syntax errors has no data). */
function topLevelText(document: SourceDocument, key: string): unknown {
  const root = document.yaml.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === key);
  return isScalar(pair?.value) ? pair.value.value : undefined;
}

/** Keeps a document that cannot be loaded as broken, when its kind and id can be read. */
function keepBroken(workspace: Workspace, source: SourceFile, document: SourceDocument): void {
  let kind: unknown;
  let id: unknown;
  if (document.hasSyntaxErrors) {
    kind = topLevelText(document, 'kind');
    id = topLevelText(document, 'id');
  } else if (document.data !== null && typeof document.data === 'object') ({ kind, id } = document.data as { kind?: unknown; id?: unknown });
  if (!isKind(kind) || typeof id !== 'string' || id === '') return;
  const broken: BrokenDocument = { kind, id, source, document, data: document.hasSyntaxErrors ? undefined : document.data };
  const byId = workspace.broken[kind];
  for (const name of [id, asciiId(id)]) if (name !== undefined && !byId.has(name)) byId.set(name, broken);
}

function indexFile(workspace: Workspace, source: SourceFile, diagnostics: Diagnostic[]): void {
  for (const document of source.documents) {
    if (document.hasSyntaxErrors) {
      keepBroken(workspace, source, document);
      continue;
    }
    const validation = validateDocument(document.data);
    if (!validation.ok) {
      for (const report of validation.reports) diagnostics.push(placeReport(source, document, report));
      keepBroken(workspace, source, document);
      continue;
    }
    const { kind, value } = validation.value;
    const id = (value as { id: string }).id;
    const byId = workspace.index[kind] as Map<string, LoadedDocument>;
    const previous = byId.get(id);
    const loaded = { kind, id, value, source, document } as LoadedDocument;
    if (previous) {
      const line = locate(previous.source, previous.document, ['id']).start.line;
      diagnostics.push(
        placeReport(source, document, {
          ruleId: 'duplicate-id',
          message: t('language.workspace.duplicate-id', { kind, id }),
          path: ['id'],
          hint: t('language.workspace.duplicate-id.hint', { file: previous.source.file, line }),
        }),
      );
      continue;
    }
    byId.set(id, loaded);
    workspace.documents.push(loaded);
  }
}

function resolveAll(workspace: Workspace, diagnostics: Diagnostic[]): void {
  for (const loaded of workspace.documents) {
    const reports: PathReport[] = resolveReferences(workspace, loaded);
    workspace.references.set(loaded, reports);
    for (const report of reports) diagnostics.push(placeReport(loaded.source, loaded.document, report));
  }
}

function filterToTargets(workspace: Workspace, diagnostics: Diagnostic[], cwd: string): Diagnostic[] {
  const shown = new Set([...workspace.targets].map((abs) => displayPath(cwd, abs)));
  return diagnostics.filter((d) => shown.has(d.file)).sort(compareDiagnostics);
}

/** Whether a loaded document is one the caller asked about. */
export function isTarget(workspace: Workspace, document: LoadedDocument): boolean {
  return workspace.targets.has(document.source.absolutePath);
}
