/**
 * The line index of a source text: the one place where offsets become line:column.
 *
 * It is built from the text itself, never from the YAML parser's newline callbacks: after some
 * syntax errors (an unclosed flow collection, for one) the parser skips newlines, and every later
 * position would be placed lines too high.
 *
 * Lines end at `\r\n`, `\n` or a lone `\r`: the line breaks of the YAML specification, of the
 * Language Server Protocol and of editors. Lines and columns are 1-based; columns count UTF-16
 * code units, as editors and the Language Server Protocol do.
 */
import type { Position, Range } from './diagnostic.js';

export class LineIndex {
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  readonly lineStarts: readonly number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (const lineBreak of text.matchAll(/\r\n?|\n/g)) starts.push(lineBreak.index + lineBreak[0].length);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 1-based line holding `offset` (offsets outside the text are clamped to it). */
  lineOf(offset: number): number {
    const target = this.clamp(offset);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= target) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** Offset just after the last character of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    return this.text[next - 1] === '\n' && this.text[next - 2] === '\r' ? next - 2 : next - 1;
  }

  /** The content of a 1-based line, without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line - 1] ?? this.text.length, this.lineEnd(line));
  }

  /** The position of an offset; an offset inside a line break is placed just after the line's content. */
  position(offset: number): Position {
    const line = this.lineOf(offset);
    const column = Math.min(this.clamp(offset), this.lineEnd(line)) - this.lineStarts[line - 1]! + 1;
    return { line, column };
  }

  /**
   * The range of the characters [start, end), cut at the end of the start's line: a diagnostic
   * always lies within one line, so that a code frame can underline it.
   */
  range(start: number, end: number): Range {
    const from = this.position(start);
    const lineEndColumn = this.lineEnd(from.line) - this.lineStarts[from.line - 1]! + 1;
    const length = Math.max(0, this.clamp(end) - this.clamp(start));
    return { start: from, end: { line: from.line, column: Math.min(from.column + length, lineEndColumn) } };
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
  }
}
