import { describe, expect, it } from 'vitest';
import { findUnclosedOpener, firstInvalidUtf8Byte, locate, parseSource } from '../../src/language/source.js';
import { closest } from '../../src/language/suggest.js';

function parsed(text: string) {
  const result = parseSource('t.yaml', '/t.yaml', text);
  if (!result.ok) throw new Error('unexpected');
  return result;
}

describe('firstInvalidUtf8Byte', () => {
  it('accepts UTF-8 with accents, emoji and 4-byte characters', () => {
    expect(firstInvalidUtf8Byte(new TextEncoder().encode('Diabète — œil 👁 𝔸'))).toBe(-1);
  });
  it.each([
    ['latin-1 è', Uint8Array.from([0x61, 0xe8, 0x62]), 1],
    ['truncated sequence at the end', Uint8Array.from([0x61, 0xc3]), 1],
    ['overlong encoding', Uint8Array.from([0xc0, 0xaf]), 0],
    ['UTF-16 surrogate', Uint8Array.from([0xed, 0xa0, 0x80]), 0],
    ['beyond U+10FFFF', Uint8Array.from([0xf4, 0x90, 0x80, 0x80]), 0],
  ])('finds %s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8Byte(bytes)).toBe(offset);
  });
  it('agrees with a strict TextDecoder on every 2-byte sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b += 7) {
        const bytes = Uint8Array.from([a, b]);
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Byte(bytes) === -1, `${a},${b}`).toBe(valid);
      }
    }
  });
});

describe('locate', () => {
  const text = 'kind: Logigramme\nnodes:\n  a:\n    type: start\n    next: b\n  b: { type: end, label: "Fin" }\nlist:\n  - x\n  - { y: 1 }\n';
  const { source } = parsed(text);
  const doc = source.documents[0]!;
  it('finds a block value', () => {
    expect(locate(source, doc, ['nodes', 'a', 'next'])).toEqual({ start: { line: 5, column: 11 }, end: { line: 5, column: 12 } });
  });
  it('finds a flow value and a key', () => {
    expect(locate(source, doc, ['nodes', 'b', 'label']).start).toEqual({ line: 6, column: 26 });
    expect(locate(source, doc, ['nodes', 'b', 'type'], true).start).toEqual({ line: 6, column: 8 });
  });
  it('finds sequence items', () => {
    expect(locate(source, doc, ['list', 1, 'y']).start).toEqual({ line: 9, column: 10 });
  });
  it('falls back to the deepest existing key for a missing one', () => {
    expect(locate(source, doc, ['nodes', 'a', 'label']).start).toEqual({ line: 3, column: 3 });
  });
  it('counts columns in characters, not bytes', () => {
    const r = parsed('title: "éèà"\nx: é\n');
    expect(locate(r.source, r.source.documents[0]!, ['x']).start).toEqual({ line: 2, column: 4 });
  });
});

describe('parseSource', () => {
  it('reads several documents in one file', () => {
    const r = parsed('kind: A\n---\nkind: B\n');
    expect(r.source.documents.map((d) => (d.data as { kind: string }).kind)).toEqual(['A', 'B']);
  });
  it('reports a duplicate key at the second key', () => {
    const r = parsed('a: 1\nb: 2\na: 3\n');
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', range: { start: { line: 3, column: 1 } } });
  });
  it('bounds alias expansion', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const r = parsed(`${levels.join('\n')}\n`);
    expect(r.diagnostics[0]?.message).toMatch(/too many alias expansions/);
    expect(r.source.documents[0]!.data).toBeUndefined();
  });
});

describe('findUnclosedOpener', () => {
  it('ignores closed quotes, escaped quotes and comments', () => {
    expect(findUnclosedOpener('a: "x \\" y"\nb: \'it\'\'s\'\n# "\nc: [1, 2]\n')).toBeUndefined();
  });
  it('finds the opening quote or bracket', () => {
    expect(findUnclosedOpener('a: 1\nb: "open\n')).toBe(8);
    expect(findUnclosedOpener('a: [1, {b: 2}\n')).toBe(3);
  });
  it("does not take an apostrophe inside a word for a quote", () => {
    expect(findUnclosedOpener("label: Fond d'œil\n")).toBeUndefined();
  });
});

describe('closest', () => {
  it.each([
    ['titel', ['title', 'id'], 'title'],
    ['nxt', ['next', 'label'], 'next'],
    ['medecin-generalist', ['medecin-generaliste', 'infirmier'], 'medecin-generaliste'],
    ['s2', ['S1', 'S2'], 'S2'],
    ['zzzzzz', ['title', 'next'], undefined],
  ])('%s → %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
