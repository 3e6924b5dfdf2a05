/**
 * Fixes as text edits. A fix finds its node through yaml's Document API (the parsed document keeps
 * every node's source range) and changes only those characters, so comments, quoting, folded
 * text and flow/block style elsewhere in the file stay byte for byte as the author wrote them.
 * (Re-serialising the whole Document with `toString()` would re-fold long lines and re-space flow
 * collections: every bundled file would change.) The edited text is parsed again before it is
 * written, and written atomically.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { SourceDocument, SourceFile } from '../language/source.js';
import { isKind } from '../language/schemas/index.js';
import type { DocPath, Fixer, TextEdit } from './rule.js';

interface Found {
  node: unknown;
  /** The mapping holding the last segment, and the pair, when the path ends at a mapping entry. */
  parent?: YAMLMap;
  pair?: Pair;
}

function find(document: SourceDocument, path: DocPath): Found | undefined {
  let node: unknown = document.yaml.contents;
  let parent: YAMLMap | undefined;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const item = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!item) return undefined;
      parent = node;
      pair = item;
      node = item.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      parent = undefined;
      pair = undefined;
      node = node.items[segment];
    } else return undefined;
  }
  return { node, ...(parent ? { parent } : {}), ...(pair ? { pair } : {}) };
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** The offset just after the end of the line holding `offset - 1` (after its newline). */
function afterLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as YamlNode | null | undefined)?.range ?? undefined;
}

export function createFixer(source: SourceFile, document: SourceDocument): Fixer {
  const text = source.text;
  const fixer: Fixer = {
    replaceValue(path, replacement) {
      const found = find(document, path);
      const node = found?.node;
      const range = rangeOf(node);
      if (!range) return undefined;
      if (isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) return undefined;
      if ((isMap(node) || isSeq(node)) && !node.flow) return undefined;
      return { start: range[0], end: range[1], text: replacement };
    },
    renameKey(path, key) {
      const found = find(document, path);
      const range = rangeOf(found?.pair?.key);
      if (!range || !isScalar(found!.pair!.key) || found!.pair!.key.type !== 'PLAIN') return undefined;
      return { start: range[0], end: range[1], text: key };
    },
    removeEntry(path) {
      if (path.length === 0) return undefined;
      const found = find(document, path);
      if (!found?.parent || !found.pair) return undefined;
      const { parent, pair } = found;
      if (parent.items.length === 1) return path.length > 1 ? fixer.removeEntry(path.slice(0, -1)) : undefined;
      const index = parent.items.indexOf(pair);
      const keyRange = rangeOf(pair.key);
      if (!keyRange) return undefined;
      const valueEnd = rangeOf(pair.value)?.[1] ?? keyRange[1];
      if (parent.flow) {
        const next = parent.items[index + 1];
        if (next) {
          const nextKey = rangeOf(next.key);
          return nextKey ? { start: keyRange[0], end: nextKey[0], text: '' } : undefined;
        }
        const previous = parent.items[index - 1]!;
        const previousEnd = rangeOf(previous.value)?.[1] ?? rangeOf(previous.key)?.[1];
        return previousEnd === undefined ? undefined : { start: previousEnd, end: valueEnd, text: '' };
      }
      // A block mapping entry: whole lines, only when the key starts its line.
      const start = lineStart(text, keyRange[0]);
      if (text.slice(start, keyRange[0]).trim() !== '') return undefined;
      return { start, end: afterLine(text, valueEnd), text: '' };
    },
  };
  return fixer;
}

/**
 * Adds `version: 1` after `kind:` to a document that has a known kind and no version (the schema
 * reports it; this is its fix). Undefined when the document is not a mapping of that shape.
 */
export function missingVersionEdit(source: SourceFile, document: SourceDocument): TextEdit | undefined {
  const data = document.data as Record<string, unknown> | undefined;
  if (document.hasSyntaxErrors || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (!isKind(data.kind) || 'version' in data) return undefined;
  const root = document.yaml.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'kind');
  const keyRange = rangeOf(pair?.key);
  const valueRange = rangeOf(pair?.value);
  if (!pair || !keyRange || !valueRange) return undefined;
  const text = source.text;
  if (root.flow) return { start: valueRange[1], end: valueRange[1], text: ', version: 1' };
  const start = lineStart(text, keyRange[0]);
  const indent = text.slice(start, keyRange[0]);
  if (indent.trim() !== '') return undefined;
  const end = afterLine(text, valueRange[1]);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return end === text.length && !text.endsWith('\n')
    ? { start: end, end, text: `${newline}${indent}version: 1` }
    : { start: end, end, text: `${indent}version: 1${newline}` };
}

/**
 * Applies edits to a text: sorted by position, an edit that overlaps one already taken is left
 * for the next pass. Returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.start < lastEnd) continue;
    const previous = taken[taken.length - 1];
    if (previous && previous.start === edit.start && previous.end === edit.end && previous.text === edit.text) continue;
    taken.push(edit);
    lastEnd = Math.max(lastEnd, edit.end);
  }
  let out = text;
  for (let i = taken.length - 1; i >= 0; i--) {
    const edit = taken[i]!;
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return { text: out, applied: taken.length };
}

/** Whether a fixed text still parses as YAML without errors (a fix must never break a file). */
export function parsesCleanly(text: string): boolean {
  return parseAllDocuments(text, { uniqueKeys: true, strict: true }).every((doc) => doc.errors.length === 0);
}
