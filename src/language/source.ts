/**
 * Reading YAML files safely and placing document paths in their source.
 * This is one of the few modules that touches the file system (DESIGN §1.2).
 */
import { promises as fs } from 'node:fs';
import { type Alias, type Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, PathReport, Position, Range } from './diagnostic.js';
import { LineIndex } from './lines.js';
import { type DocumentScan, MAX_NESTING_DEPTH, parseDocuments, scanDocument, type SyntaxProblem } from './parse.js';

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
  SELF_ALIAS: 'an alias cannot stand inside the value it names: write the value out, or anchor a smaller value',
  COLLECTION_KEY: 'write each key as plain text (`name: value`); `?` keys holding lists or mappings are not used in logi files',
  TOO_DEEP: 'a document needs only a few levels of mappings and lists: look for a run of unclosed brackets or ever-deeper indentation',
};

/** Longest syntax message shown: yaml quotes source text in some messages, and a line may be 1 MB long. */
const MAX_MESSAGE_LENGTH = 200;
/** What a JavaScript engine says when a resource runs out: never shown as such to an author. */
const ENGINE_MESSAGE = /^(?:RangeError: )?(?:Maximum call stack size exceeded|Invalid string length|Invalid array length|Array buffer allocation failed|Out of memory)/;

/** A syntax message fit for an author: one line, no position (the range says it), bounded. */
export function plainSyntaxMessage(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION' || ENGINE_MESSAGE.test(message)) return 'this part of the file is too deeply nested or too large to read';
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return line.length > MAX_MESSAGE_LENGTH ? `${line.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : line;
}

/** yaml's errors and logi's own syntax problems of one document, in the order of the text. */
function syntaxProblems(doc: Document.Parsed, own: readonly SyntaxProblem[]): SyntaxProblem[] {
  const fromYaml = doc.errors.map((e) => ({ code: e.code, message: e.message, start: e.pos[0], end: e.pos[1] }));
  return [...fromYaml, ...own].sort((a, b) => a.start - b.start);
}

function syntaxDiagnostics(file: string, lines: LineIndex, problems: readonly SyntaxProblem[], unclosedOpener: () => number | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seenLines = new Set<number>();
  for (const problem of problems) {
    // yaml often reports one mistake several times at one place: keep the first per line (and
    // always the point where the file is cut for nesting too deep).
    const errorLine = lines.lineOf(problem.start);
    if (seenLines.has(errorLine) && problem.code !== 'TOO_DEEP') continue;
    seenLines.add(errorLine);
    const message = plainSyntaxMessage(problem.code, problem.message);
    const opener = /quote|end with a [\]}]|MISSING_CHAR/.test(`${problem.message} ${problem.code}`) ? unclosedOpener() : undefined;
    const hasTab = problem.code !== 'DUPLICATE_KEY' && lines.lineText(errorLine).includes('\t');
    diagnostics.push({
      ruleId: 'yaml-syntax',
      severity: 'error',
      message: hasTab ? `${message} (the line contains a tab)` : message,
      file,
      range: opener === undefined ? lines.range(problem.start, problem.end) : lines.range(opener, opener + 1),
      hint: opener !== undefined ? `this ${describeOpener(lines.text[opener]!)} is never closed` : hasTab ? YAML_HINTS.TAB_AS_INDENT : (YAML_HINTS[problem.code] ?? 'check the YAML syntax on this line'),
    });
  }
  return diagnostics;
}

/** The plain data of a document whose syntax is sound, or the diagnostic saying why there is none. */
function toData(file: string, lines: LineIndex, doc: Document.Parsed, scan: DocumentScan): { data: unknown } | { diagnostic: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const firstAlias = scan.aliasTargets.keys().next().value;
    const message = String((error as Error).message);
    return {
      diagnostic: {
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: /alias/i.test(message)
          ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refused to protect against exponential growth`
          : `cannot read this document: ${plainSyntaxMessage('', message)}`,
        file,
        range: firstAlias?.range ? lines.range(firstAlias.range[0], firstAlias.range[1]) : lines.range(0, 0),
        hint: 'write the repeated content out, or use fewer nested aliases',
      },
    };
  }
}

/** The problem of a document cut where it nests too deep. */
function tooDeep(offset: number): SyntaxProblem {
  return { code: 'TOO_DEEP', message: `nested more than ${MAX_NESTING_DEPTH} levels deep: logi reads no further in this file`, start: offset, end: offset + 1 };
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
