import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/language/lines.js';

describe('LineIndex', () => {
  const text = 'ab\r\ncd\n\n👁x';
  const lines = new LineIndex(text);

  it('ends lines at \\r\\n, \\n and a lone \\r, as YAML, the Language Server Protocol and editors do', () => {
    expect(lines.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((n) => lines.lineText(n))).toEqual(['ab', 'cd', '', '👁x']);
    const mixed = new LineIndex('a\rb\r\n\rc');
    expect([1, 2, 3, 4].map((n) => mixed.lineText(n))).toEqual(['a', 'b', '', 'c']);
    expect(mixed.position(2)).toEqual({ line: 2, column: 1 });
  });

  it('places offsets 1-based, columns in UTF-16 code units', () => {
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 1 });
    // The emoji is two code units: `x` is column 3.
    expect(lines.position(text.indexOf('x'))).toEqual({ line: 4, column: 3 });
  });

  it('places an offset inside a line break just after the line content', () => {
    expect(lines.position(2)).toEqual({ line: 1, column: 3 });
    expect(lines.position(3)).toEqual({ line: 1, column: 3 });
  });

  it('clamps offsets outside the text', () => {
    expect(lines.position(-5)).toEqual({ line: 1, column: 1 });
    expect(lines.position(10_000)).toEqual({ line: 4, column: 4 });
    expect(lines.position(Number.NaN)).toEqual({ line: 1, column: 1 });
  });

  it('cuts a range at the end of its first line', () => {
    expect(lines.range(0, 6)).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 3 } });
    expect(lines.range(4, 5)).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 2 } });
    // A reversed range collapses onto its start.
    expect(lines.range(5, 4)).toEqual({ start: { line: 2, column: 2 }, end: { line: 2, column: 2 } });
  });

  it('gives an empty text one empty line', () => {
    const empty = new LineIndex('');
    expect(empty.lineCount).toBe(1);
    expect(empty.range(0, 3)).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
  });

  it('ends with an empty line after a final line break', () => {
    const index = new LineIndex('a\n');
    expect(index.lineCount).toBe(2);
    expect(index.position(2)).toEqual({ line: 2, column: 1 });
  });
});
