/**
 * `logi test --update` (the golden-path workflow, docs/testing.md): writes the path found into
 * each `path: auto` case. The `auto` scalar is found through yaml's Document API and replaced by
 * the path as a flow list (also made by the Document API); nothing else of the file changes —
 * comments, quoting and layout stay byte for byte (the edits of src/lint/fix.ts). The new text
 * must parse cleanly, and is written atomically (src/io/atomic.ts).
 */
import { Document, isSeq } from 'yaml';
import { t } from '../i18n/catalogue.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { SourceDocument, SourceFile } from '../language/source.js';
import { UsageError } from '../language/workspace.js';
import { applyEdits, createFixer, parsesCleanly } from '../lint/fix.js';
import type { TextEdit } from '../lint/rule.js';

export interface PathUpdate {
  source: SourceFile;
  document: SourceDocument;
  /** Where `auto` is in the document: ['paths', i, 'path']. */
  path: (string | number)[];
  nodes: string[];
}

/** A list of node ids in YAML flow style, on one line: `[inclusion, consultation, fin]`. */
export function flowList(nodes: readonly string[]): string {
  const document = new Document();
  const node = document.createNode([...nodes]);
  if (isSeq(node)) node.flow = true;
  document.contents = node;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** Applies the updates file by file; returns the files written and how many cases each. */
export async function writePathUpdates(updates: readonly PathUpdate[]): Promise<{ file: string; cases: number }[]> {
  const byFile = new Map<SourceFile, TextEdit[]>();
  for (const update of updates) {
    const edit = createFixer(update.source, update.document).replaceValue(update.path, flowList(update.nodes));
    if (!edit) throw new UsageError(t('pathway-tests.update.cannot', { file: update.source.file }), t('pathway-tests.update.cannot.hint'));
    byFile.set(update.source, [...(byFile.get(update.source) ?? []), edit]);
  }
  const written: { file: string; cases: number }[] = [];
  for (const [source, edits] of byFile) {
    const { text, applied } = applyEdits(source.text, edits);
    if (!parsesCleanly(text)) throw new UsageError(t('pathway-tests.update.cannot', { file: source.file }), t('pathway-tests.update.cannot.hint'));
    await writeFileAtomic(source.absolutePath, text);
    written.push({ file: source.file, cases: applied });
  }
  return written;
}
