/**
 * Reading YAML files safely and placing document paths in their source.
 * This is one of the few modules that touches the file system (DESIGN §1.2).
 */
import { promises as fs } from 'node:fs';
import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node as YamlNode,
  parseAllDocuments,
  visit,
} from 'yaml';
import type { Diagnostic, PathReport, Position, Range } from './diagnostic.js';

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
  lineCounter: LineCounter;
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

/** Reads and parses one YAML file. Never throws for bad input: problems become diagnostics. */
export async function readSource(file: string, absolutePath: string): Promise<ReadResult> {
  let stat;
  try {
    stat = await fs.stat(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      diagnostics: [
        unreadable(
          file,
          code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? 'unknown error'})`,
          code === 'ENOENT' ? 'check the path, or run `logi lint` without arguments in the workspace' : 'check the file permissions',
        ),
      ],
    };
  }
  if (stat.isDirectory()) {
    return {
      ok: false,
      diagnostics: [unreadable(file, `${file} is a directory, not a YAML file`, 'rename the directory so that its name does not end in .yaml or .yml')],
    };
  }
  if (!stat.isFile()) {
    return { ok: false, diagnostics: [unreadable(file, `${file} is not a regular file`, 'logi reads regular .yaml files only')] };
  }
  if (stat.size > MAX_FILE_BYTES) {
    const mb = (stat.size / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      diagnostics: [unreadable(file, `${file} is ${mb} MB; logi refuses files over 5 MB`, 'split the content into several documents, one logigramme per file')],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(absolutePath);
  } catch (error) {
    return { ok: false, diagnostics: [unreadable(file, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the file permissions')] };
  }
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad >= 0) {
    const at = positionOfByte(bytes, bad);
    return {
      ok: false,
      diagnostics: [
        unreadable(
          file,
          `${file} is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`,
          'save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`); accents must be UTF-8',
          { start: at, end: { line: at.line, column: at.column + 1 } },
        ),
      ],
    };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseSource(file, absolutePath, text);
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once per mapping: remove or rename one of them',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'align the key with its siblings (spaces only)',
  MISSING_CHAR: 'a closing quote, bracket or brace is missing',
  UNEXPECTED_TOKEN: 'check the punctuation on this line (quotes, colons, brackets)',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span several lines: check the indentation above',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines: is a colon or a quote missing?',
  BAD_SCALAR_START: 'quote values that start with special characters such as @ ` % or |',
  UNEXPECTED_SCALAR: 'check the indentation: this value does not belong to the key above',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) defined earlier',
  IMPOSSIBLE: 'check the structure around this line',
};

function rangeOf(lineCounter: LineCounter, start: number, end: number): Range {
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(Math.max(start, end));
  return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
}

/** Parses YAML text (already decoded) into documents and syntax diagnostics. */
export function parseSource(file: string, absolutePath: string, text: string): ReadResult {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents: SourceDocument[] = [];
  docs.forEach((doc, index) => {
    const seenLines = new Set<number>();
    for (const error of doc.errors) {
      // yaml often reports one mistake several times at one place: keep the first per line.
      const errorLine = lineCounter.linePos(error.pos[0]).line;
      if (seenLines.has(errorLine)) continue;
      seenLines.add(errorLine);
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const opener = /quote|end with a [\]}]|MISSING_CHAR/.test(`${error.message} ${error.code}`) ? findUnclosedOpener(text) : undefined;
      const hasTab = error.code !== 'DUPLICATE_KEY' && /\t/.test(lineText(text, lineCounter, error.pos[0]));
      diagnostics.push({
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: hasTab ? `${message} (the line contains a tab)` : message,
        file,
        range: opener === undefined ? rangeOf(lineCounter, error.pos[0], error.pos[1]) : rangeOf(lineCounter, opener, opener + 1),
        hint: opener !== undefined ? `this ${describeOpener(text[opener]!)} is never closed` : hasTab ? YAML_HINTS.TAB_AS_INDENT : (YAML_HINTS[error.code] ?? 'check the YAML syntax on this line'),
      });
    }
    let data: unknown = undefined;
    const hasSyntaxErrors = doc.errors.length > 0;
    if (!hasSyntaxErrors) {
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        const firstAlias = findFirstAlias(doc);
        const range = firstAlias?.range ? rangeOf(lineCounter, firstAlias.range[0], firstAlias.range[1]) : rangeOf(lineCounter, 0, 0);
        diagnostics.push({
          ruleId: 'yaml-syntax',
          severity: 'error',
          message: /alias/i.test(String((error as Error).message))
            ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refused to protect against exponential growth`
            : `cannot read this document: ${(error as Error).message}`,
          file,
          range,
          hint: 'write the repeated content out, or use fewer nested aliases',
        });
        documents.push({ index, yaml: doc, data: undefined, hasSyntaxErrors: true });
        return;
      }
    }
    documents.push({ index, yaml: doc, data, hasSyntaxErrors });
  });
  return { ok: true, source: { file, absolutePath, text, lineCounter, documents }, diagnostics };
}

function describeOpener(char: string): string {
  return char === '"' || char === "'" ? `quote ${char}` : `bracket ${char}`;
}

/**
 * Offset of the first quote or bracket that is never closed, found by a simple scan that
 * knows YAML's quoting rules ('' inside single quotes, \" inside double quotes) and comments.
 * yaml reports such errors at the end of the file; the opener is where the author must look.
 */
export function findUnclosedOpener(text: string): number | undefined {
  const stack: { char: string; offset: number }[] = [];
  let quote: { char: string; offset: number } | undefined;
  const pairs: Record<string, string> = { '[': ']', '{': '}' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (quote.char === '"' && c === '\\') i += 1;
      else if (c === quote.char) {
        if (quote.char === "'" && text[i + 1] === "'") i += 1;
        else quote = undefined;
      }
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    const previous = i === 0 ? '\n' : text[i - 1]!;
    if ((c === '"' || c === "'") && /[\s:[{,-]/.test(previous)) quote = { char: c, offset: i };
    else if (c === '[' || c === '{') stack.push({ char: c, offset: i });
    else if ((c === ']' || c === '}') && stack.length > 0 && pairs[stack[stack.length - 1]!.char] === c) stack.pop();
  }
  return quote?.offset ?? stack[0]?.offset;
}

function lineText(text: string, lineCounter: LineCounter, offset: number): string {
  const { line } = lineCounter.linePos(offset);
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = lineCounter.lineStarts[line] ?? text.length;
  return text.slice(start, end);
}

function findFirstAlias(doc: Document.Parsed): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Finds the source range of a path inside a document. When the path goes deeper than the
 * document (a missing key), the deepest existing node is used, pointing at its key.
 */
export function locate(source: SourceFile, document: SourceDocument, path: ReadonlyArray<string | number>, atKey = false): Range {
  const lc = source.lineCounter;
  let node: unknown = document.yaml.contents;
  let keyNode: YamlNode | undefined;
  let complete = true;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(document.yaml);
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
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
    return rangeOf(lc, offset, offset);
  }
  // Point at the key for unknown keys, for missing keys below a collection, and for
  // multi-line collections (a one-line range reads better than a whole block).
  const preferKey = keyNode?.range && (atKey || !complete || (isCollection(target) && !target.flow) || !target?.range);
  if (preferKey && keyNode?.range) return rangeOf(lc, keyNode.range[0], keyNode.range[1]);
  if (target?.range) {
    if (isCollection(target) && !target.flow) {
      // The first line of a block collection.
      const first = target.items[0];
      const firstNode = isPair(first) ? (first.key as YamlNode | null) : (first as YamlNode | null);
      if (firstNode?.range) return rangeOf(lc, firstNode.range[0], firstNode.range[1]);
    }
    return rangeOf(lc, target.range[0], target.range[1]);
  }
  const contents = document.yaml.contents as YamlNode | null;
  const offset = contents?.range?.[0] ?? 0;
  return rangeOf(lc, offset, offset);
}

function keyMatches(key: unknown, segment: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
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
