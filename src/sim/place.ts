/** Where a value is written: its document's file, line and column, and its path in the document. */
import { locate } from '../language/source.js';
import type { LoadedDocument } from '../language/workspace.js';
import type { Place } from './parameters.js';

export function placeOf(doc: LoadedDocument, docPath: (string | number)[], name: string): Place {
  const range = locate(doc.source, doc.document, docPath);
  return { name, file: doc.source.file, line: range.start.line, column: range.start.column, document: `${doc.kind}:${doc.id}`, path: docPath };
}
