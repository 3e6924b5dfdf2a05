/** The one diagnostic type shared by the loader, the linter and every formatter. */
import { byCodePoint } from './order.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units as editors do. */
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path of the file as given or found (relative to the cwd when possible). */
  file: string;
  range: Range;
  hint?: string;
}

/** A diagnostic before it is placed in a file: what rules and validators report. */
export interface PathReport {
  ruleId: string;
  severity?: Severity;
  message: string;
  hint?: string;
  /** Path inside the YAML document, e.g. ['nodes', 'hba1c', 'next']. */
  path: ReadonlyArray<string | number>;
  /** Point at the key rather than its value (unknown keys, duplicate ids). */
  atKey?: boolean;
}

/** Longest user text quoted in a message: a value or a key may be a megabyte long. */
const MAX_QUOTED = 40;

/** User text as a message quotes it: exactly as written, cut after 40 characters. */
export function shorten(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Rule ids that the language itself reserves: rules may not use them. */
export const RESERVED_RULE_IDS = ['yaml-syntax', 'schema', 'rule-error', 'file-unreadable'] as const;

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    byCodePoint(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    byCodePoint(a.ruleId, b.ruleId) ||
    byCodePoint(a.message, b.message)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
