/**
 * Issue 12, items 3 and 4: hostile and extreme YAML is reported, at the right place, and never
 * aborts lint. Each reproducer is rebuilt small from the issue; expected positions are counted by
 * hand (1-based lines, columns in UTF-16 code units).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostic.js';
import { LineIndex } from '../../src/language/lines.js';
import { MAX_FILE_BYTES, MAX_NESTING_DEPTH, parseSource } from '../../src/language/source.js';
import { explainProblem } from '../../src/language/syntax.js';
import { lint } from '../../src/lint/engine.js';

/** What a JavaScript engine says when it runs out of stack or memory: never shown to an author. */
const ENGINE_MESSAGE = /Maximum call stack|Invalid string length|allocation failed|heap out of memory/;

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-hostile-'));
  writeFileSync(path.join(work, 'logi.config.yaml'), 'include: [.]\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function lintText(text: string) {
  writeFileSync(path.join(work, 't.yaml'), text);
  return lint({ cwd: work });
}

const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`;

function syntaxOf(text: string): Diagnostic[] {
  const read = parseSource('t.yaml', '/t.yaml', text);
  if (!read.ok) throw new Error('parseSource refused the text');
  return read.diagnostics;
}

describe('issue 12 #3: lint reports hostile YAML instead of aborting', () => {
  it('issue 12 #3: a self-referencing alias is a diagnostic at 1:11, not an abort', async () => {
    const result = await lintText('kind: &a [*a]\n');
    expect(result.diagnostics.map((d) => `${d.file}:${at(d)} ${d.ruleId}`)).toEqual(['t.yaml:1:11-1:13 yaml-syntax']);
    expect(result.diagnostics[0]!.message).toBe('the alias `*a` is inside the value it names (`&a`): a value cannot contain itself');
    expect(result.exitCode).toBe(1);
  });

  it('issue 12 (found by the fuzz suite): an alias used as a key is a syntax error at it (5:1), and Node prints no warning', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      const result = await lintText('kind: Pyramid\nversion: 1\nid: p\na: &x [1]\n*x : 2\n');
      expect(result.diagnostics.filter((d) => d.ruleId === 'yaml-syntax').map((d) => `${at(d)} ${d.message}`)).toEqual(['5:1-5:3 a key must be written out, not an alias (*name)']);
      // Node emits warnings on the next tick: let it.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.includes('Keys with collection values'))).toEqual([]);
    } finally {
      process.off('warning', listen);
    }
  });

  it('a self-referencing alias deeper in a document is placed at the alias (6:10)', () => {
    const text = 'kind: Pyramid\nversion: 1\nid: p\nstrata: &s\n  - id: a\n    sub: *s\n';
    expect(syntaxOf(text).map((d) => `${at(d)} ${d.message}`)).toEqual(['6:10-6:12 the alias `*s` is inside the value it names (`&s`): a value cannot contain itself']);
  });

  it('an alias that names no earlier anchor is a diagnostic at the alias (2:4), not "cannot read this document"', () => {
    expect(syntaxOf('a: 1\nb: *c\nd: &c 2\n').map((d) => `${at(d)} ${d.message}`)).toEqual(['2:4-2:6 the alias `*c` names no anchor `&c` set before it']);
  });

  it('a list used as a key is a diagnostic at the key (1:3)', () => {
    expect(syntaxOf('? [x]\n: 1\n').map((d) => `${at(d)} ${d.message}`)).toEqual(['1:3-1:4 a key must be a text or a number, not a list or a mapping']);
  });

  it('issue 12 #3: 1,000 nested brackets are a diagnostic at the 101st level (1:106), not "Maximum call stack size exceeded"', async () => {
    // `kind:` opens the first level; its value's brackets the next ones: the 100th bracket, at
    // column 6 + 100, opens level 101.
    const result = await lintText(`kind: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    const tooDeep = result.diagnostics.filter((d) => d.message.includes('levels deep'));
    expect(tooDeep.map((d) => `${at(d)} ${d.message}`)).toEqual([`1:106-1:107 nested more than ${MAX_NESTING_DEPTH} levels deep: logi reads no further in this file`]);
    expect(result.diagnostics.filter((d) => ENGINE_MESSAGE.test(d.message))).toEqual([]);
  });

  it('issue 12 #3: 1,000 ever-deeper block mappings are a diagnostic at the 101st key (101:101)', async () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
    const result = await lintText(text);
    expect(result.diagnostics.map((d) => `${at(d)} ${d.ruleId}`)).toEqual(['101:101-101:102 yaml-syntax']);
  });

  it('repeated syntax errors that nest the parser deeper and deeper collapse to the first, then the cut at the limit', () => {
    // `a: b: c` leaves the compact mapping `b: c` open on every line: line n's, at column 4,
    // opens level n (the top mapping, line 1, is level 1). The 499 errors after the first are its
    // consequences: one is reported, at the whole of line 2, and the point where reading stops.
    const diagnostics = syntaxOf(`kind: Logigramme\n${'a: b: c\n'.repeat(500)}`);
    expect(diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual([
      '2:1-2:8 a value holding `: ` must be quoted',
      `101:4-101:5 nested more than ${MAX_NESTING_DEPTH} levels deep: logi reads no further in this file`,
    ]);
    expect(diagnostics[0]!.hint).toBe('put the value in double quotes: `label: "Glycémie : contrôle"`');
  });

  it('documents before a too-deep one are still read', () => {
    const read = parseSource('t.yaml', '/t.yaml', `kind: Actors\n---\nkind: ${'['.repeat(200)}\n`);
    if (!read.ok) throw new Error('refused');
    expect(read.source.documents.map((d) => [d.index, d.hasSyntaxErrors])).toEqual([
      [0, false],
      [1, true],
    ]);
  });

  it('issue 12 #3: 150,000 duplicate keys lint without overflowing the stack (push(...all) did)', async () => {
    const result = await lintText(`kind: Logigramme\n${'a: 1\n'.repeat(150_000)}`);
    expect(result.diagnostics).toHaveLength(149_999);
    // Each duplicate is a mistake of its own (not a parser error's consequence): each is reported.
    expect(result.diagnostics.slice(0, 2).map((d) => `${at(d)} ${d.message}`)).toEqual(['3:1-3:2 the key `a` is written twice here', '4:1-4:2 the key `a` is written twice here']);
    expect(result.diagnostics[0]!.hint).toBe('each key may appear once per mapping: remove or rename one of them (the first is on line 2)');
    expect(at(result.diagnostics.at(-1)!)).toBe('150001:1-150001:2');
  });

  it('issue 12 #3: a 1 MB one-line value and 10,000 incomplete entries lint without an internal error', async () => {
    const actors = Array.from({ length: 10_000 }, (_, i) => `  k${i}: { title: A }\n`).join('');
    const text = `kind: "${'x'.repeat(1_000_000)}"\n---\nkind: Actors\nversion: 1\nid: a\nactors:\n${actors}`;
    const result = await lintText(text);
    expect(result.diagnostics.filter((d) => ENGINE_MESSAGE.test(d.message) || d.ruleId === 'rule-error')).toEqual([]);
    // The unknown kind is quoted, cut after 40 characters: the message stays short.
    expect(result.diagnostics[0]!.message).toBe(`unknown kind \`${'x'.repeat(40)}…\``);
    expect(at(result.diagnostics[0]!)).toBe('1:7-1:1000009');
    // Each actor lacks its three figures, reported at its key: k0 on line 7, k9999 on line 10006.
    expect(result.diagnostics).toHaveLength(1 + 3 * 10_000);
    expect(at(result.diagnostics[1]!)).toBe('7:3-7:5');
    expect(at(result.diagnostics.at(-1)!)).toBe('10006:3-10006:8');
  }, 120_000);

  it('issue 12 #3: a 10 MB file is refused with a plain diagnostic at 1:1 (exit 2)', async () => {
    const result = await lintText(`kind: Actors\n${'#'.repeat(10 * 1024 * 1024)}\n`);
    expect(MAX_FILE_BYTES).toBe(5 * 1024 * 1024);
    expect(result.diagnostics.map((d) => `${at(d)} ${d.ruleId} ${d.message}`)).toEqual(['1:1-1:1 file-unreadable t.yaml is 10.0 MB; logi refuses files over 5 MB']);
    expect(result.exitCode).toBe(2);
  });
});

describe('syntax messages are plain', () => {
  const lines = new LineIndex('a: 1\nb: 2\n');
  const explain = (code: string, message: string) => explainProblem({ code, message, start: 0, end: 1 }, lines, () => undefined);

  it('an engine message (yaml reports a caught stack overflow as RESOURCE_EXHAUSTION) becomes a plain one', () => {
    expect(explain('RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded').message).toBe('this part of the file is too deeply nested or too large to read');
    expect(explain('', 'Invalid string length').message).toBe('this part of the file is too deeply nested or too large to read');
  });

  it("yaml's text is never shown, not even its first line: each code has logi's own words", () => {
    const quoted = explain('UNEXPECTED_TOKEN', 'Unexpected scalar token in YAML stream: "heap out of memory"');
    expect(quoted).toMatchObject({ message: 'the YAML syntax is broken here', hint: 'check the punctuation on this line (quotes, colons, brackets)' });
    expect(explain('BAD_INDENT', 'All mapping items must start at the same column at line 3, column 1:\n\nframe').message).toBe('this line is not aligned with the keys around it');
    expect(explain('BAD_DQ_ESCAPE', 'Invalid escape sequence \\d').message).toBe('a backslash \\ in double quotes starts an escape that YAML does not know');
    expect(explain('UNEXPECTED_TOKEN', `Unexpected scalar token in YAML stream: "${'y'.repeat(5000)}"`).message).toBe('the YAML syntax is broken here');
  });
});

describe('issue 12 #4: positions come from the text', () => {
  // Line 5's flow mapping is broken (`1{.2`); yaml's own newline count then misses line 7, and
  // every later position was one line too high (the comment was reported at 11:1).
  const text = [
    'kind: Pyramid', //                                      1
    'version: 1', //                                         2
    'id: p', //                                              3
    'strata:', //                                            4
    '  s: { title: 1{.2 }', //                              5
    '  t: 1', //                                             6
    '  u: 2', //                                             7
    '---', //                                                8
    'kind: Pyramid', //                                      9
    'version: 1', //                                        10
    'id: q', //                                             11
    '# logi-disable-next-line no-such-rule -- testing', //  12
    'colour: red', //                                       13
    '',
  ].join('\n');

  it('issue 12 #4: after an unclosed flow mapping, a suppression comment on line 12 is reported at 12:1, not at 11:1', async () => {
    const result = await lintText(text);
    const suppression = result.diagnostics.find((d) => d.ruleId === 'no-unused-suppression');
    expect(suppression && at(suppression)).toBe('12:1-12:49');
    expect(suppression!.message).toBe('unknown rule `no-such-rule` in a suppression');
  });

  it('issue 12 #4: after an unclosed flow mapping, a finding of the next document is at its own line (13:1)', async () => {
    const result = await lintText(text);
    const unknownKey = result.diagnostics.find((d) => d.message.includes('colour'));
    expect(unknownKey && at(unknownKey)).toBe('13:1-13:7');
    expect(result.diagnostics.find((d) => d.ruleId === 'yaml-syntax' && d.range.start.line === 5)?.range.start.column).toBe(16);
  });

  it('issue 12 #4: a range never ends past the end of its line (a value over two lines ends at 3:9)', async () => {
    const result = await lintText('kind: Actors\nversion: 1\nid: "two\n  words"\nactors: []\n');
    const id = result.diagnostics.find((d) => d.range.start.line === 3);
    expect(id && `${at(id)} ${id.ruleId}`).toBe('3:5-3:9 schema');
  });

  it('columns count UTF-16 code units and a CRLF file has the same lines as an LF one', () => {
    const diagnostics = syntaxOf('kind: Actors\r\ntitle: "👁 é"\r\ntitle: x\r\n');
    expect(diagnostics.map(at)).toEqual(['3:1-3:6']);
    expect(syntaxOf('a: "👁" 1\n').map(at)).toEqual(['1:9-1:10']);
  });
});
