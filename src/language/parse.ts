/**
 * YAML text to documents, with the guards that hostile input needs and the `yaml` library leaves
 * to its caller:
 *
 * - a nesting limit, checked while the text is parsed: the composer and every later pass recurse,
 *   and a deep enough document would overflow the stack (`[[[[…` 800 levels deep did);
 * - duplicate keys found in linear time (yaml's own `uniqueKeys` check compares every key of a
 *   mapping with every earlier one, minutes for a mapping of 40,000 keys);
 * - aliases resolved once, in document order: an alias inside the value it names (`&a [*a]`)
 *   would make cyclic data, and one that names no earlier anchor cannot be read.
 */
import {
  type Alias,
  Composer,
  type CST,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  Lexer,
  type Node as YamlNode,
  Parser,
  type YAMLMap,
} from 'yaml';
import { t } from '../i18n/catalogue.js';
import { shorten } from './diagnostic.js';

/** Nested mappings and lists (block or flow) allowed in a document; real documents use fewer than 15. */
export const MAX_NESTING_DEPTH = 100;

/**
 * A syntax problem, in the shape of yaml's errors: a code, a message, offsets. yaml's own messages
 * are never shown (src/language/syntax.ts explains each code); logi's own problems carry their
 * message and hint, written in the user's language.
 */
export interface SyntaxProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  hint?: string;
  /** True for the problems logi finds itself (duplicate keys, aliases, depth), false for yaml's. */
  own?: boolean;
  /** Offset of the first occurrence, for a key written twice. */
  firstAt?: number;
}

export interface ParsedText {
  documents: Document.Parsed[];
  /** Offset of the token that opens one nesting level too many: the text is read no further, and the last document is cut there. */
  tooDeepAt?: number;
}

const COLLECTION_TOKENS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** The open collections of the parser's stack, outermost first. */
function openCollections(stack: readonly CST.Token[]): CST.Token[] {
  return stack.filter((token) => COLLECTION_TOKENS.has(token.type));
}

/**
 * Parses every document of the text, stopping at the first point nested deeper than
 * MAX_NESTING_DEPTH. The documents before that point are kept, and so is the document cut there
 * (closed where it was cut, one level too deep at most), so that its syntax errors are reported.
 */
export function parseDocuments(text: string): ParsedText {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let tooDeepAt: number | undefined;
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the document, the open collections and at most one scalar.
    if (parser.stack.length <= MAX_NESTING_DEPTH + 1) continue;
    const open = openCollections(parser.stack);
    if (open.length > MAX_NESTING_DEPTH) {
      // Where the collection one level too deep starts: its bracket, or its first key or dash.
      tooDeepAt = open[MAX_NESTING_DEPTH]!.offset;
      break;
    }
  }
  for (const token of parser.end()) tokens.push(token);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true });
  const documents = Array.from(composer.compose(tokens)) as Document.Parsed[];
  return tooDeepAt === undefined ? { documents } : { documents, tooDeepAt };
}

export interface DocumentScan {
  problems: SyntaxProblem[];
  /** The node each alias stands for (absent for an alias that names no earlier anchor). */
  aliasTargets: Map<Alias, YamlNode>;
}

function startOf(node: unknown, fallback: number): number {
  return isNode(node) && node.range ? node.range[0] : fallback;
}

function endOf(node: unknown, fallback: number): number {
  return isNode(node) && node.range ? node.range[1] : fallback;
}

/** Keys equal as yaml compares them: the same scalar value, or the very same node. */
function findDuplicateKeys(map: YAMLMap, problems: SyntaxProblem[]): void {
  /** Each key's first occurrence (its offset), by identity. */
  const seen = new Map<unknown, number>();
  const mapStart = startOf(map, 0);
  for (const pair of map.items) {
    const identity = isScalar(pair.key) ? pair.key.value : pair.key;
    const start = startOf(pair.key, startOf(pair.value, mapStart));
    const first = seen.get(identity);
    if (first !== undefined) {
      const key = shorten(isScalar(pair.key) ? String(pair.key.value) : '?');
      problems.push({ code: 'DUPLICATE_KEY', message: t('language.syntax.duplicate-key', { key }), firstAt: first, start, end: endOf(pair.key, start + 1), own: true });
    } else seen.set(identity, start);
    if (isCollection(pair.key)) {
      const at = startOf(pair.key, mapStart);
      problems.push({ code: 'COLLECTION_KEY', message: t('language.syntax.collection-key'), hint: t('language.syntax.collection-key.hint'), start: at, end: at + 1, own: true });
    } else if (isAlias(pair.key)) {
      // `*x: 1` where &x is a list would reach yaml's toJS as a collection key (a Node warning on
      // stderr, found by the fuzz suite); ids are written out, so an alias is never a key here.
      const at = startOf(pair.key, mapStart);
      problems.push({ code: 'COLLECTION_KEY', message: t('language.syntax.alias-key'), hint: t('language.syntax.collection-key.hint'), start: at, end: endOf(pair.key, at + 1), own: true });
    }
  }
}

/**
 * Walks a composed document in yaml's order (a node before its children, a key before its value)
 * to check its keys and resolve its aliases. Recursion is bounded by MAX_NESTING_DEPTH.
 */
export function scanDocument(doc: Document.Parsed): DocumentScan {
  const scan: DocumentScan = { problems: [], aliasTargets: new Map() };
  const anchors = new Map<string, YamlNode>();
  const open = new Set<YamlNode>();
  const visitAlias = (alias: Alias): void => {
    const target = anchors.get(alias.source);
    const start = startOf(alias, 0);
    const end = endOf(alias, start + 1);
    const name = shorten(alias.source);
    if (!target) {
      scan.problems.push({ code: 'BAD_ALIAS', message: t('language.syntax.bad-alias', { name }), hint: t('language.syntax.bad-alias.hint'), start, end, own: true });
      return;
    }
    scan.aliasTargets.set(alias, target);
    if (open.has(target)) {
      scan.problems.push({ code: 'SELF_ALIAS', message: t('language.syntax.self-alias', { name }), hint: t('language.syntax.self-alias.hint'), start, end, own: true });
    }
  };
  const visit = (node: unknown): void => {
    if (isAlias(node)) return visitAlias(node);
    if (!isNode(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isCollection(node)) return;
    open.add(node);
    if (isMap(node)) findDuplicateKeys(node, scan.problems);
    for (const item of node.items) {
      if (isPair(item)) {
        visit(item.key);
        visit(item.value);
      } else visit(item);
    }
    open.delete(node);
  };
  visit(doc.contents);
  return scan;
}
