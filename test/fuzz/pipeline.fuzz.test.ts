/**
 * The fuzz suite (issue 12): mutated documents and hostile strings through lint and its formats,
 * simulate, the Mermaid text and the report. Properties: no exception escapes but the refusals
 * the commands turn into exit 2 (so exit codes stay 0, 1, 2); every range lies inside its line;
 * JSON outputs parse; SVG is well-formed XML; no control character reaches the terminal; results
 * hold no null or NaN. `npm test` runs a fixed seed and a few hundred cases; `npm run fuzz` more.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/lint/catalogue.js';
import { lint } from '../../src/lint/engine.js';
import { FORMATS, formatResult } from '../../src/lint/formatters/index.js';
import { UsageError } from '../../src/language/workspace.js';
import { logigrammeToMermaid } from '../../src/render/mermaid.js';
import { buildReport } from '../../src/report/build.js';
import { reportHtml } from '../../src/report/html.js';
import { ModelError } from '../../src/sim/model.js';
import { ParameterError } from '../../src/sim/parameters.js';
import { type Results, serializeResults } from '../../src/sim/results.js';
import { InvalidInputError, simulate } from '../../src/sim/simulate.js';
import { hostileLogigramme } from '../helpers/hostile.js';
import { forbiddenXmlChars, xmlWellFormed } from '../helpers/xml.js';
import { FIXED } from '../sim/helpers.js';
import { fuzzParameters, fuzzTimeout, hostileString, terminalUnsafe } from './support.js';

const BASE = readFileSync(path.join(FIXED, 'model.yaml'), 'utf8');
const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function workspaceWith(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-fuzz-'));
  directories.push(dir);
  cpSync(FIXED, dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.yaml'), text);
  return dir;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g;
const EXTREMES = ['1e308', '-1e308', '1e-320', '0', '-0', '.nan', '.inf', '-.inf', '1e300', '1e9', '1e10', '0.5', '-5', '2', '1e12', '1e13', '9007199254740993', '0.999999', '1.0000001'];
const YAML_TOKENS = [': ', '- ', '&a ', '*a', '# ', '"', "'", '{', '}', '[', ']', '\t', '\n  ', '\n', '<<: *a', '!!binary ', '? ', '|', '>', '%', '@', '`', ',', 'kind: &a [*a]'];

/** One edit of a document's text, as fast-check generates it: positions are fractions of the text. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), value: fc.constantFrom(...EXTREMES) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...YAML_TOKENS), hostileString) }),
  fc.record({ op: fc.constant('line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), twice: fc.boolean() }),
  fc.record({ op: fc.constant('string' as const), at: fc.nat(), value: hostileString }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, edits: Edit[]): string {
  for (const e of edits) {
    if (e.op === 'number' || e.op === 'string') {
      const matches = [...text.matchAll(e.op === 'number' ? NUMBER : /title: [^,}\n]+/g)];
      if (matches.length === 0) continue;
      const m = matches[e.at % matches.length]!;
      const replacement = e.op === 'number' ? e.value : `title: ${JSON.stringify(e.value)}`;
      text = text.slice(0, m.index) + replacement + text.slice(m.index! + m[0].length);
    } else if (e.op === 'line') {
      const lines = text.split('\n');
      const i = Math.floor(e.at * (lines.length - 1));
      lines.splice(i, e.twice ? 0 : 1, ...(e.twice ? [lines[i]!] : []));
      text = lines.join('\n');
    } else {
      const at = Math.floor(e.at * text.length);
      text = e.op === 'delete' ? text.slice(0, at) + text.slice(at + e.length) : text.slice(0, at) + e.text + text.slice(at);
    }
  }
  return text;
}

/** Every diagnostic's range inside the file's lines: 1-based, end after start, columns within the line (or just past its end). */
function rangeProblems(text: string, diagnostics: readonly { range: { start: { line: number; column: number }; end: { line: number; column: number } }; ruleId: string }[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  for (const d of diagnostics) {
    for (const [name, p] of [['start', d.range.start], ['end', d.range.end]] as const) {
      const line = lines[p.line - 1];
      if (line === undefined || p.column < 1 || p.column > line.length + 1) problems.push(`${d.ruleId} ${name} ${p.line}:${p.column} (file has ${lines.length} lines${line === undefined ? '' : `, this one ${line.length} characters`})`);
    }
    if (d.range.end.line < d.range.start.line || (d.range.end.line === d.range.start.line && d.range.end.column < d.range.start.column)) problems.push(`${d.ruleId} ends before it starts`);
  }
  return problems;
}

describe('fuzz: mutated documents through lint and every output format', () => {
  it('never throws; every range lies inside its line; json and sarif parse; stylish and github print no control character', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const text = apply(BASE, edits);
        const dir = workspaceWith(text);
        const result = await lint({ cwd: dir });
        expect([0, 1, 2]).toContain(result.exitCode);
        const mine = result.diagnostics.filter((d) => d.file.endsWith('model.yaml'));
        expect(rangeProblems(text, mine)).toEqual([]);
        const input = { json: { filesChecked: result.filesChecked, errorCount: result.errorCount, warningCount: result.warningCount, exitCode: result.exitCode, diagnostics: result.diagnostics }, diagnostics: result.diagnostics, sources: new Map(result.workspace.files.map((f) => [f.file, f.text])), fixableCount: result.fixableCount, rules: catalogue(), version: '0.0.0', cwd: dir };
        for (const format of FORMATS) {
          for (const color of [false, true]) {
            const out = formatResult(format, { ...input, color });
            if (format === 'json' || format === 'sarif') expect(() => JSON.parse(out)).not.toThrow();
            else expect(terminalUnsafe(out), `${format}${color ? ' (colour)' : ''}`).toEqual([]);
          }
        }
      }),
      fuzzParameters(600),
    );
  }, fuzzTimeout(300_000));
});

/** The errors `simulate` turns into exit 2 with a message and a hint; anything else would be an internal error. */
const REFUSALS = [InvalidInputError, ParameterError, ModelError, UsageError];

describe('fuzz: mutated numbers through simulate', () => {
  it('either refuses with an error the command prints (exit 2) or writes results with no null, NaN or infinity', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), value: fc.constantFrom(...EXTREMES) }), { minLength: 1, maxLength: 3 }), async (changes) => {
        const dir = workspaceWith(apply(BASE, changes.map((c) => ({ op: 'number' as const, ...c }))));
        try {
          const { results } = await simulate({ scenario: 'fixed', cwd: dir, version: '0.0.0', iterations: 4, workers: 1 });
          // An ICER that does not exist (a dominance case) is written as null: the only null allowed.
          expect(serializeResults(results).replaceAll('"icer":null', '')).not.toMatch(/null|NaN|Infinity/);
        } catch (error) {
          expect(REFUSALS.some((kind) => error instanceof kind), `${(error as Error).name}: ${(error as Error).message}`).toBe(true);
        }
      }),
      fuzzParameters(100, 0.3),
    );
  }, fuzzTimeout(300_000));
});

describe('fuzz: hostile labels through the Mermaid text', () => {
  it('never throws, and the text holds no control character, no markup and nothing XML forbids', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 6, maxLength: 6 }), (labels) => {
        const logigramme = hostileLogigramme();
        logigramme.title = labels[0]!;
        const nodes = Object.values(logigramme.nodes);
        nodes.forEach((node, i) => (node.label = labels[(i + 1) % labels.length]!));
        const text = logigrammeToMermaid(logigramme, { legend: true, actorTitles: { end: labels[5]! } });
        // Mermaid text is a file, not terminal output: bidi controls may stay (a label may be
        // right-to-left); C0 controls and DEL may not, nor anything XML forbids (it becomes SVG).
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(text.match(/[\u0000-\u0009\u000b-\u001f\u007f]/g) ?? []).toEqual([]);
        expect(forbiddenXmlChars(text)).toEqual([]);
        expect(text, 'a label becomes markup').not.toMatch(/<script|<img/i);
      }),
      fuzzParameters(1000),
    );
  });
});

describe('fuzz: hostile titles through the report', () => {
  let results: Results;
  beforeAll(async () => {
    results = (await simulate({ scenario: 'fixed', cwd: FIXED, version: '0.0.0', iterations: 10, workers: 1 })).results;
  }, 120_000);

  /** Every string under a key named title or label, as [object, key] pairs. */
  function textSlots(value: unknown, out: [Record<string, unknown>, string][] = []): [Record<string, unknown>, string][] {
    if (Array.isArray(value)) value.forEach((v) => textSlots(v, out));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'title' || key === 'label') && typeof v === 'string') out.push([value as Record<string, unknown>, key]);
        else textSlots(v, out);
      }
    }
    return out;
  }

  it('every chart is well-formed XML and the page holds no markup from the titles and nothing XML forbids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileString, { minLength: 8, maxLength: 8 }), fc.constantFrom('fr' as const, 'en' as const), async (titles, lang) => {
        const copy = JSON.parse(JSON.stringify(results)) as Results;
        textSlots(copy).forEach(([object, key], i) => (object[key] = titles[i % titles.length]));
        const html = reportHtml(await buildReport(copy, { lang }));
        expect(forbiddenXmlChars(html)).toEqual([]);
        expect(html, 'a title becomes markup').not.toMatch(/<script|<img|href="javascript:/i);
        for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(xmlWellFormed(svg)).toBe(true);
      }),
      fuzzParameters(5, 0.002),
    );
  }, fuzzTimeout(600_000));
});
