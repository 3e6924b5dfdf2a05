/**
 * Reading YAML files safely and placing document paths in their source.
 * This is one of the few modules that touches the file system (DESIGN §1.2).
 */
import { promises as fs } from 'node:fs';
import { type Alias, type Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, PathReport, Position, Range } from './diagnostic.js';
import { LineIndex } from './lines.js';
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatTenths } from '../i18n/numbers.js';
import { type DocumentScan, MAX_NESTING_DEPTH, parseDocuments, scanDocument, type SyntaxProblem } from './parse.js';
import { collapseProblems, explainProblem, findUnclosedOpener } from './syntax.js';

export { findUnclosedOpener } from './syntax.js';

export { MAX_NESTING_DEPTH } from './parse.js';

/** Files larger than this are refused: logigrammes are small, a huge file is a mistake or an attack. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Alias expansions allowed per document (yaml's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export interface SourceFile {
  /** Path as shown to the user. */
  file: string;
  /** Absolute path. */
  absolutePath: string;
  text: string;
  /** Where each line starts: every position of every diagnostic comes from it. */
  lines: LineIndex;
  documents: SourceDocument[];
}

export interface SourceDocument {
  /** 0-based index of the document in its file (files may hold several `---` documents). */
  index: number;
  yaml: Document.Parsed;
  /** Plain data, or undefined when the document could not be turned into data. */
  data: unknown;
  /** True when yaml reported errors for this document: schema checks are then skipped. */
  hasSyntaxErrors: boolean;
  /** The node each alias stands for, resolved once when the document is read. */
  aliasTargets: ReadonlyMap<Alias, YamlNode>;
}

export type ReadResult =
  | { ok: true; source: SourceFile; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const FIRST: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

function unreadable(file: string, message: string, hint: string, range: Range = FIRST): Diagnostic {
  return { ruleId: 'file-unreadable', severity: 'error', message, hint, file, range };
}

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let needed: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      needed = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      min = 0x10000;
    } else return i;
    let codePoint = b & (0x3f >> needed);
    for (let k = 1; k <= needed; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += needed + 1;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // Column in characters of the valid prefix of the line.
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** A file that cannot be read: its stat or read error in the user's words. */
function cannotRead(file: string, code: string | undefined): ReadResult {
  if (code === 'ENOENT') return { ok: false, diagnostics: [unreadable(file, t('language.file.not-found', { file }), t('language.file.not-found.hint'))] };
  const message = code === undefined ? t('language.file.cannot-read-unknown', { file }) : t('language.file.cannot-read', { file, code });
  return { ok: false, diagnostics: [unreadable(file, message, t('language.file.permissions.hint'))] };
}

function tooLarge(file: string, bytes: number): ReadResult {
  const mb = formatTenths(bytes / 1024 / 1024, currentLanguage());
  return { ok: false, diagnostics: [unreadable(file, t('language.file.too-large', { file, mb }), t('language.file.too-large.hint'))] };
}

/**
 * Reads and parses one YAML file. Never throws for bad input: problems become diagnostics.
 * `text`, when given, is used instead of the file's content (standard input, an editor's unsaved
 * buffer): the file need not exist on disk.
 */
export async function readSource(file: string, absolutePath: string, text?: string): Promise<ReadResult> {
  if (text !== undefined) return readGivenText(file, absolutePath, text);
  let stat;
  try {
    stat = await fs.stat(absolutePath);
  } catch (error) {
    return cannotRead(file, (error as NodeJS.ErrnoException).code);
  }
  if (stat.isDirectory()) return { ok: false, diagnostics: [unreadable(file, t('language.file.directory', { file }), t('language.file.directory.hint'))] };
  if (!stat.isFile()) return { ok: false, diagnostics: [unreadable(file, t('language.file.not-regular', { file }), t('language.file.not-regular.hint'))] };
  if (stat.size > MAX_FILE_BYTES) return tooLarge(file, stat.size);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(absolutePath);
  } catch (error) {
    return cannotRead(file, (error as NodeJS.ErrnoException).code);
  }
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad >= 0) {
    const at = positionOfByte(bytes, bad);
    const byte = bytes[bad]!.toString(16).padStart(2, '0');
    return {
      ok: false,
      diagnostics: [unreadable(file, t('language.file.not-utf8', { file, byte, offset: bad }), t('language.file.not-utf8.hint'), { start: at, end: { line: at.line, column: at.column + 1 } })],
    };
  }
  const decoded = new TextDecoder('utf-8').decode(bytes);
  return parseSource(file, absolutePath, decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded);
}

/** Text handed over instead of the file (already decoded): the size limit holds as for a file on disk. */
function readGivenText(file: string, absolutePath: string, text: string): ReadResult {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_FILE_BYTES) return tooLarge(file, size);
  return parseSource(file, absolutePath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** yaml's errors and logi's own syntax problems of one document, in the order of the text. */
function syntaxProblems(doc: Document.Parsed, own: readonly SyntaxProblem[]): SyntaxProblem[] {
  const fromYaml = doc.errors.map((e) => ({ code: e.code, message: e.message, start: e.pos[0], end: e.pos[1] }));
  return [...fromYaml, ...own].sort((a, b) => a.start - b.start);
}

function syntaxDiagnostics(file: string, lines: LineIndex, problems: readonly SyntaxProblem[], unclosedOpener: () => number | undefined): Diagnostic[] {
  return collapseProblems(problems, lines).map((problem) => {
    const { message, hint, range } = explainProblem(problem, lines, unclosedOpener);
    return { ruleId: 'yaml-syntax', severity: 'error', message, file, range, hint };
  });
}

/** The plain data of a document whose syntax is sound, or the diagnostic saying why there is none. */
function toData(file: string, lines: LineIndex, doc: Document.Parsed, scan: DocumentScan): { data: unknown } | { diagnostic: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const firstAlias = scan.aliasTargets.keys().next().value;
    const tooManyAliases = /alias/i.test(String((error as Error).message));
    return {
      diagnostic: {
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: tooManyAliases ? t('language.syntax.alias-bomb', { max: MAX_ALIAS_COUNT }) : t('language.syntax.unreadable-document'),
        file,
        range: firstAlias?.range ? lines.range(firstAlias.range[0], firstAlias.range[1]) : lines.range(0, 0),
        hint: t('language.syntax.alias-bomb.hint'),
      },
    };
  }
}

/** The problem of a document cut where it nests too deep. */
function tooDeep(offset: number): SyntaxProblem {
  return { code: 'TOO_DEEP', message: t('language.syntax.too-deep', { max: MAX_NESTING_DEPTH }), hint: t('language.syntax.too-deep.hint'), start: offset, end: offset + 1, own: true };
}

/** Parses YAML text (already decoded) into documents and syntax diagnostics. Never throws for bad input. */
export function parseSource(file: string, absolutePath: string, text: string): ReadResult {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const parsed = parseDocuments(text);
  let opener: { offset: number | undefined } | undefined;
  const unclosedOpener = () => (opener ??= { offset: findUnclosedOpener(text) }).offset;
  const last = parsed.documents.length - 1;
  const documents = parsed.documents.map((doc, index): SourceDocument => {
    const scan = scanDocument(doc);
    if (index === last && parsed.tooDeepAt !== undefined) scan.problems.push(tooDeep(parsed.tooDeepAt));
    const problems = syntaxProblems(doc, scan.problems);
    for (const d of syntaxDiagnostics(file, lines, problems, unclosedOpener)) diagnostics.push(d);
    const document = { index, yaml: doc, data: undefined as unknown, hasSyntaxErrors: true, aliasTargets: scan.aliasTargets };
    if (problems.length > 0) return document;
    const read = toData(file, lines, doc, scan);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      return document;
    }
    return { ...document, data: read.data, hasSyntaxErrors: false };
  });
  // The cut document always holds the too-deep point; this only guards against losing it.
  if (last < 0 && parsed.tooDeepAt !== undefined) for (const d of syntaxDiagnostics(file, lines, [tooDeep(parsed.tooDeepAt)], unclosedOpener)) diagnostics.push(d);
  return { ok: true, source: { file, absolutePath, text, lines, documents }, diagnostics };
}

/**
 * Finds the source range of a path inside a document. When the path goes deeper than the
 * document (a missing key), the deepest existing node is used, pointing at its key.
 */
export function locate(source: SourceFile, document: SourceDocument, path: ReadonlyArray<string | number>, atKey = false): Range {
  const lines = source.lines;
  let node: unknown = document.yaml.contents;
  let keyNode: YamlNode | undefined;
  let complete = true;
  for (const segment of path) {
    if (isAlias(node)) node = document.aliasTargets.get(node);
    if (isMap(node)) {
      const pair = pairByKey(node, segment);
      if (!pair) {
        complete = false;
        break;
      }
      keyNode = isScalar(pair.key) ? (pair.key as YamlNode) : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      complete = false;
      break;
    }
  }
  const target = node as YamlNode | null | undefined;
  if (path.length === 0) {
    const offset = (document.yaml.contents as YamlNode | null)?.range?.[0] ?? 0;
    return lines.range(offset, offset);
  }
  // Point at the key for unknown keys, for missing keys below a collection, and for
  // multi-line collections (a one-line range reads better than a whole block).
  const preferKey = keyNode?.range && (atKey || !complete || (isCollection(target) && !target.flow) || !target?.range);
  if (preferKey && keyNode?.range) return lines.range(keyNode.range[0], keyNode.range[1]);
  if (target?.range) {
    if (isCollection(target) && !target.flow) {
      // The first line of a block collection.
      const first = target.items[0];
      const firstNode = isPair(first) ? (first.key as YamlNode | null) : (first as YamlNode | null);
      if (firstNode?.range) return lines.range(firstNode.range[0], firstNode.range[1]);
    }
    return lines.range(target.range[0], target.range[1]);
  }
  const contents = document.yaml.contents as YamlNode | null;
  const offset = contents?.range?.[0] ?? 0;
  return lines.range(offset, offset);
}

/** Each mapping's pairs by key text, built on first use: a file may hold thousands of findings in one mapping. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairByKey(map: YAMLMap, segment: string | number): Pair | undefined {
  let byKey = pairsByKey.get(map);
  if (!byKey) {
    byKey = new Map();
    for (const item of map.items) {
      // The first of equal keys, as a search from the start would find.
      if (isPair(item) && isScalar(item.key) && !byKey.has(String(item.key.value))) byKey.set(String(item.key.value), item as Pair);
    }
    pairsByKey.set(map, byKey);
  }
  return byKey.get(String(segment));
}

/** Places a path report in its file. */
export function placeReport(source: SourceFile, document: SourceDocument, report: PathReport): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId: report.ruleId,
    severity: report.severity ?? 'error',
    message: report.message,
    file: source.file,
    range: locate(source, document, report.path, report.atKey ?? false),
  };
  if (report.hint !== undefined) diagnostic.hint = report.hint;
  return diagnostic;
}
