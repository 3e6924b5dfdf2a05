/**
 * Issue 12, items 10 and 11 and the bounded output: text from the user's files (titles, keys, lines,
 * file names, urls) reaches the terminal, the SVG and the Markdown as text, never as terminal
 * commands, ill-formed XML or live links; and a megabyte-long file does not print megabytes.
 * Each reproducer is rebuilt small from the description.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostic.js';
import type { PyramidDocument } from '../../src/language/schemas/pyramid.js';
import type { TerritoryDocument } from '../../src/language/schemas/territory.js';
import { formatStylish } from '../../src/lint/formatters/stylish.js';
import { logigrammeToMemo } from '../../src/render/memo.js';
import { pyramidToSvg } from '../../src/render/pyramid.js';
import { memoSheetHtml } from '../../src/render/sheet.js';
import { chartSvg } from '../../src/report/charts.js';
import type { ReportDocument } from '../../src/report/document.js';
import { reportHtml } from '../../src/report/html.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { hostileLogigramme } from '../helpers/hostile.js';
import { forbiddenXmlChars, xmlWellFormed } from '../helpers/xml.js';

const FIXED = path.join(REPO, 'test/fixtures/sim/fixed');
/** What a terminal would act on: C0 but newline, DEL, C1, bidi embeddings/overrides/isolates. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The OSC 8 hyperlink of the issue, in YAML double-quoted escapes, and as logi must print it. */
const OSC8_YAML = '\\e]8;;http://evil\\aclick\\e]8;;\\a';
const OSC8_SHOWN = '\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-inert-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the small simulation workspace, with `files` added or replaced. */
function workspace(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(work, name);
  cpSync(FIXED, dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  return dir;
}

/** A logigramme in a file named with a clear-screen, whose unknown key is an OSC 8 link and whose description line holds raw ESC, CSI (C1) and RLO bytes. */
function hostileLintWorkspace(): string {
  const text = [
    'kind: Logigramme',
    'version: 1',
    'id: hostile',
    `title: "${OSC8_YAML}"`,
    'pyramid: test-pyramid',
    'stratum: S1',
    'start: in',
    'description: "raw \u001b[31m red \u009b2J \u202eevil"',
    `"${OSC8_YAML}": 1`,
    'nodes:',
    '  in: { type: start, label: Enrolled, next: done }',
    '  done: { type: end, label: Done }',
    '',
  ].join('\n');
  return workspace('lint-hostile', { 'evil\u001b[2J.yaml': text });
}

describe('issue 12 #10: terminal injection', () => {
  it('issue 12 #10: an OSC 8 link in a key, raw escapes in a line and a clear-screen in a file name reach the stylish output escaped', () => {
    const run = runCli(['lint'], { cwd: hostileLintWorkspace() });
    expect(run.status, run.stderr).toBe(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stdout).not.toMatch(ACTIVE);
    expect(run.stdout).toContain('evil\\x1b[2J.yaml:9:1  error  ');
    expect(run.stdout).toContain(OSC8_SHOWN);
    expect(run.stdout).toContain('8 | description: "raw \\x1b[31m red \\u009b2J \\u202eevil"');
  });

  it('issue 12 #10: the same findings in --format github are escaped for the terminal and for the workflow command', () => {
    const run = runCli(['lint', '--format', 'github'], { cwd: hostileLintWorkspace() });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).not.toMatch(ACTIVE);
    const line = run.stdout.split('\n').find((l) => l.includes('line=9,'))!;
    expect(line).toMatch(/^::error file=evil\\x1b\[2J\.yaml,line=9,col=1,/);
    expect(line).toContain(OSC8_SHOWN);
  });

  it('issue 12 #10: titles with an OSC 8 link, a clear-screen, a C1 CSI and an RLO reach the simulate summary escaped', () => {
    const model = readFileSync(path.join(FIXED, 'model.yaml'), 'utf8')
      .replace('{ id: S0, title: Well }', '{ id: S0, title: "Well \\e[2J" }')
      .replace('gp: { title: GP,', 'gp: { title: "GP \\u009b31m \\u202eevil",')
      .replace('title: Enhanced', `title: "Enhanced ${OSC8_YAML}"`);
    const run = runCli(['simulate', 'fixed', '--iterations', '20', '--workers', '1'], { cwd: workspace('simulate-hostile', { 'model.yaml': model }) });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(ACTIVE);
    expect(run.stdout).toContain(`Program: Enhanced ${OSC8_SHOWN}.`);
    expect(run.stdout).toMatch(/^S0 Well \\x1b\[2J /m);
    expect(run.stdout).toMatch(/^GP \\u009b31m \\u202eevil /m);
  });

  it('issue 12 #10: an error naming a scenario id with a clear-screen prints it escaped', () => {
    const run = runCli(['simulate', 'nope\u001b[2J\u0007'], { cwd: FIXED });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(ACTIVE);
    expect(run.stderr).toContain('nope\\x1b[2J\\x07');
  });

  it('issue 12 #10: with colours on, the only escape sequences are logi\'s own colours', () => {
    const d: Diagnostic = { ruleId: 'schema', severity: 'error', message: `unknown key \u001b]8;;http://evil\u0007click`, hint: 'bell\u0007', file: 'a\u001b[2J.yaml', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } } };
    const text = formatStylish([d], { color: true, sources: new Map([['a\u001b[2J.yaml', 'key\u001b[5m: 1\n']]) });
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(ACTIVE);
    expect(text).toContain('a\\x1b[2J.yaml');
    expect(text).toContain('key\\x1b[5m: 1');
  });
});

describe('issue 12 #11: markup', () => {
  it('issue 12 #11: a pyramid title with \\u0001 and \\u000b gives a well-formed SVG', () => {
    const pyramid = {
      kind: 'Pyramid',
      version: 1,
      id: 'p',
      title: 'Pyramide\u0001 \u000bdiabète <b>&',
      strata: [{ id: 'S0', title: 'Population\u0002 générale' }, { id: 'S1', title: 'À risque\ud800' }],
      exits: [],
      transitions: [],
      sources: {},
    } as unknown as PyramidDocument;
    const territory = { kind: 'Territory', version: 1, id: 't', title: 'Territoire\u001b[2J', population: 1000, pyramids: { p: { counts: { S0: 600, S1: 100 } } }, sources: {} } as unknown as TerritoryDocument;
    const { svg } = pyramidToSvg(pyramid, territory);
    expect(xmlWellFormed(svg)).toBe(true);
    expect(svg).toContain('<text class="h" x="20" y="28">Pyramide diabète &lt;b&gt;&amp;</text>');
  });

  it('issue 12 #11: a chart of an actor titled with \\u0001 and \\u000b is inlined in the report page and written beside the Markdown as well-formed XML', async () => {
    const svg = await chartSvg({ data: { values: [{ actor: 'Infirmier\u0001 \u000bIDE', acts: 3 }] }, mark: 'bar', encoding: { x: { field: 'actor', type: 'nominal', title: 'Profession\u0002' }, y: { field: 'acts', type: 'quantitative' } } });
    expect(forbiddenXmlChars(svg)).not.toEqual([]); // vega keeps them: the writers must not
    const report: ReportDocument = { lang: 'fr', title: 'Rapport\u0001', subtitle: 's', footer: 'f', sections: [{ id: 'a', title: 'A', level: 2, blocks: [{ kind: 'figure', id: 'actes', title: 'Actes\u000b', alt: 'Actes', svg }, { kind: 'table', header: ['id'], rows: [[{ text: 'S1\u0001', code: true }]] }] }] };
    expect(forbiddenXmlChars(reportHtml(report))).toEqual([]);
    const { markdown, assets } = reportMarkdown(report, 'charts');
    expect(forbiddenXmlChars(markdown)).toEqual([]);
    expect(xmlWellFormed(assets[0]!.content)).toBe(true);
    expect(assets[0]!.content).toContain('Infirmier IDE');
  });

  it('issue 12 #11: url javascript:alert(1) is never written as a link in the memo Markdown or the sheet HTML', () => {
    const logigramme = hostileLogigramme();
    logigramme.sources.src = { title: 'Guide', url: 'javascript:alert(1)' } as (typeof logigramme.sources)[string];
    const memo = logigrammeToMemo(logigramme);
    expect(memo).not.toContain('<javascript:');
    expect(memo).not.toContain('](javascript:');
    expect(memo).toContain('1. Guide — javascript:alert(1)');
    const sheet = memoSheetHtml(logigramme, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(sheet).not.toContain('href');
    expect(sheet).toContain('Guide — javascript:alert(1)');
  });

  it('issue 12 #11: lint reports url javascript:alert(1) at the url value with source-url-scheme', () => {
    const text = [
      'kind: Actors',
      'version: 1',
      'id: more-actors',
      'actors:',
      '  nurse: { title: Nurse, minutes-per-act: 15, cost-per-act: 12, fte-minutes-per-year: 96000, source: guide }',
      'sources:',
      '  guide: { title: Guide, url: javascript:alert(1) }',
      '',
    ].join('\n');
    const run = runCli(['lint', 'more-actors.yaml', '--format', 'json'], { cwd: workspace('lint-url', { 'more-actors.yaml': text }) });
    const findings = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`);
    expect(findings).toEqual(['source-url-scheme 7:31']);
    expect(run.status).toBe(1);
  });
});

describe('issue 12: bounded output', () => {
  it('issue 12 #3: a 1 MB file with findings on long lines prints kilobytes, with cut lines and capped frames', () => {
    const longLines = Array.from({ length: 25 }, (_, i) => `extra-${i}: "${'y'.repeat(40_000)}"`);
    const text = ['kind: Logigramme', 'version: 1', 'id: big', 'title: Big', 'pyramid: test-pyramid', 'stratum: S1', 'start: in', ...longLines, 'nodes:', '  in: { type: start, label: Enrolled, next: done }', '  done: { type: end, label: Done }', ''].join('\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    const run = runCli(['lint', 'big.yaml'], { cwd: workspace('big', { 'big.yaml': text }) });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout.length).toBeLessThan(40_000);
    expect(Math.max(...run.stdout.split('\n').map((l) => l.length))).toBeLessThan(300);
    expect(run.stdout).toContain('> 8 | extra-0: "yyyyy');
    expect(run.stdout).toMatch(/> 8 \| extra-0: "y+…$/m);
    expect(run.stdout).toContain('(code frames stop here: the 5 more findings of this file are listed without one)');
  });

  it('cuts a long line around the finding\'s column, with the caret under it', () => {
    const line = `${'a'.repeat(500)}BAD${'b'.repeat(500)}`;
    const d: Diagnostic = { ruleId: 'schema', severity: 'error', message: 'bad', file: 'f.yaml', range: { start: { line: 1, column: 501 }, end: { line: 1, column: 504 } } };
    const frame = formatStylish([d], { color: false, sources: new Map([['f.yaml', line]]) }).split('\n');
    const shown = frame.find((l) => l.startsWith('    > 1 | '))!;
    expect(shown).toBe(`    > 1 | …${'a'.repeat(40)}BAD${'b'.repeat(77)}…`);
    const caret = frame[frame.indexOf(shown) + 1]!;
    expect(caret).toBe(`        | ${' '.repeat(41)}^^^`);
  });
});
