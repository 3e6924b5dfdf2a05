/**
 * Issue 12 #4, as a property: whatever the text, every diagnostic lint gives lies inside one line
 * of that text, and a suppression comment is placed on its `#`.
 *
 * Inputs are the bundled documents (guidelines/, simulations/) mutated the way authors and
 * attackers break YAML: characters and lines deleted, duplicated, inserted, lines re-indented,
 * YAML indicators (`: `, `- `, `&a`, `*a`, `#`, quotes, brackets) and suppression comments added.
 * Each case is linted in process in a one-file workspace. The oracle splits the text itself.
 *
 * Bounded for `npm test` (fixed seed); LOGI_FUZZ_RUNS and LOGI_FUZZ_SEED run more or replay
 * (test/fuzz/support.ts). fast-check's failure message gives the seed and the shrunk input.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostic.js';
import { lint } from '../../src/lint/engine.js';
import { REPO } from '../helpers/cli.js';
import { fuzzParameters } from '../fuzz/support.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return entry.name.endsWith('.yaml') ? [full] : [];
  });
}

const CORPUS = ['guidelines', 'simulations'].flatMap((dir) => yamlFiles(path.join(REPO, dir))).sort().map((file) => readFileSync(file, 'utf8'));

/** Pieces that break YAML structure or test the positions: indicators, anchors, line breaks, wide characters. */
const PIECES = [
  ': ', '- ', '&a ', '*a', '&a [*a]', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '? ', '|', '>', '\t', '  ', '\n', '\r\n', '\r', '---\n',
  '👁', 'é', '\u0000', '\u202e', '\ufeff', '[[[[[[[[[[', 'x'.repeat(300),
  '# logi-disable-next-line label-length -- on purpose\n', '# logi-disable-file evidence-required\n', '# logi-disable-next-line\n', '# logi-disabel-line x\n',
];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-line' | 'delete-line'; line: number }
  | { kind: 'indent'; line: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ kind: fc.constantFrom('duplicate-line' as const, 'delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function applyToLine(text: string, line: number, change: (lines: string[], index: number) => void): string {
  const lines = text.split('\n');
  change(lines, line % lines.length);
  return lines.join('\n');
}

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.kind === 'delete' || m.kind === 'insert' ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicate-line':
      return applyToLine(text, m.line, (lines, i) => lines.splice(i, 0, lines[i]!));
    case 'delete-line':
      return applyToLine(text, m.line, (lines, i) => lines.splice(i, 1));
    case 'indent':
      return applyToLine(text, m.line, (lines, i) => {
        lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      });
  }
}

/** Why a diagnostic is not inside one line of `text`, or undefined when it is. The oracle splits the text itself. */
function outsideItsLine(d: Diagnostic, text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = d.range;
  const numbers = [start.line, start.column, end.line, end.column];
  if (!numbers.every(Number.isInteger)) return `not whole numbers: ${numbers.join(', ')}`;
  if (start.line < 1 || start.line > lines.length) return `line ${start.line} outside 1..${lines.length}`;
  if (end.line !== start.line) return `spans lines ${start.line}..${end.line}`;
  const width = lines[start.line - 1]!.length + 1;
  if (start.column < 1 || end.column < start.column || end.column > width) return `columns ${start.column}..${end.column} outside 1..${width}`;
  return undefined;
}

const ENGINE_MESSAGE = /Maximum call stack|Invalid string length|allocation failed|heap out of memory/;

const work = mkdtempSync(path.join(os.tmpdir(), 'logi-positions-'));
writeFileSync(path.join(work, 'logi.config.yaml'), 'include: [.]\n');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function check(text: string): Promise<void> {
  writeFileSync(path.join(work, 'doc.yaml'), text);
  const result = await lint({ cwd: work });
  expect([0, 1, 2]).toContain(result.exitCode);
  const texts = new Map(result.workspace.files.map((f) => [f.file, f.text]));
  for (const d of result.diagnostics) {
    const source = texts.get(d.file);
    if (source === undefined) continue; // an unreadable file: no text to place it in
    const where = `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`;
    expect(outsideItsLine(d, source), where).toBeUndefined();
    expect(d.message, where).not.toMatch(ENGINE_MESSAGE);
    if (d.ruleId === 'no-unused-suppression' || d.ruleId === 'suppression-needs-reason') {
      const line = source.split(/\r\n|\r|\n/)[d.range.start.line - 1]!;
      expect(line.slice(d.range.start.column - 1).startsWith('#'), where).toBe(true);
    }
  }
}

describe('issue 12 #4: every diagnostic lies inside its line, for arbitrary mutated documents', () => {
  it('holds for the bundled documents as they are', async () => {
    for (const text of CORPUS) await check(text);
  });

  it('holds for mutated bundled documents', async () => {
    const input = fc.tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }));
    await fc.assert(
      fc.asyncProperty(input, async ([index, mutations]) => {
        await check(mutations.reduce(mutate, CORPUS[index]!));
      }),
      fuzzParameters(600),
    );
  }, 600_000);
});
