/**
 * Human output: one block per file, each finding with a code frame, coloured when the command says
 * so (src/cli/colour.ts), in the user's language (logi's own words; messages come translated).
 *
 * Everything taken from the user's files (file names, messages and hints that quote ids and
 * values, the lines of the frames) goes through the terminal escaper before it is coloured, so
 * only logi's own colour codes reach the terminal. The output is bounded whatever the input: a
 * frame shows at most `FRAME_WIDTH` characters of a line, around the finding's column, with "…"
 * where it is cut; a file gets at most `MAX_FRAMES_PER_FILE` frames; a message or hint at most
 * `MAX_MESSAGE` characters.
 */
import type { Diagnostic } from '../../language/diagnostic.js';
import { t } from '../../i18n/catalogue.js';
import { escapeTerminal } from '../../text/escape.js';

export interface StylishOptions {
  color: boolean;
  /** Source text per file, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Findings that `logi lint --fix` can fix (a line says so when there are any). */
  fixableCount?: number;
  /** Counts over every finding, when `diagnostics` leaves some out (`--quiet`). */
  totals?: { errors: number; warnings: number };
}

/** Characters of a source line shown in a frame (before escaping): a terminal's width and a half. */
export const FRAME_WIDTH = 120;
/** Code frames per file; the findings after them are listed without one. */
export const MAX_FRAMES_PER_FILE = 20;
/** Characters of a message or a hint (one that quotes a megabyte-long value stays readable). */
export const MAX_MESSAGE = 1000;
/** Longest caret underline, in characters. */
const MAX_UNDERLINE = 80;

type Paint = (text: string) => string;
const paint = (on: boolean, code: string): Paint => (text) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** User text for the terminal: inert, and cut with "…" past `max` characters. */
function inert(text: string, max = MAX_MESSAGE): string {
  if (text.length <= max) return escapeTerminal(text);
  // Cut before a high surrogate rather than between the two halves of a pair.
  const at = /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max;
  return `${escapeTerminal(text.slice(0, at))}…`;
}

export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions): string {
  const red = paint(options.color, '31');
  const yellow = paint(options.color, '33');
  const dim = paint(options.color, '2');
  const bold = paint(options.color, '1');
  const cyan = paint(options.color, '36');
  const out: string[] = [];
  const perFile = new Map<string, number>();
  for (const d of diagnostics) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
  // Split once per file: a frame for each finding of a large file would split it again and again.
  const lines = new Map<string, string[]>();
  let currentFile: string | undefined;
  let framed = 0;
  for (const d of diagnostics) {
    const file = inert(d.file, Infinity);
    if (d.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      out.push(bold(file));
      currentFile = d.file;
      framed = 0;
    }
    const severity = d.severity === 'error' ? red(t('cli.lint.severity.error')) : d.severity === 'warning' ? yellow(t('cli.lint.severity.warning')) : cyan(t('cli.lint.severity.info'));
    out.push(`  ${file}:${d.range.start.line}:${d.range.start.column}  ${severity}  ${inert(d.message)}  ${dim(inert(d.ruleId))}`);
    const text = options.sources.get(d.file);
    const framedHere = text !== undefined && framed < MAX_FRAMES_PER_FILE;
    if (framedHere) {
      // Line ends as src/language/lines.ts reads them (YAML: CRLF, LF or a lone CR), so a frame shows the line its position names.
      if (!lines.has(d.file)) lines.set(d.file, text.split(/\r\n|\r|\n/));
      out.push(...codeFrame(lines.get(d.file)!, d, dim, red));
      framed += 1;
    }
    if (d.hint) out.push(`    ${cyan(t('cli.lint.hint-label'))} ${inert(d.hint)}`);
    // Every finding of a file with source text is framed until the cap: the rest is the file's count less the cap.
    const rest = perFile.get(d.file)! - framed;
    if (framedHere && framed === MAX_FRAMES_PER_FILE && rest > 0) {
      out.push(dim(`    ${t('cli.lint.frames-stop', { rest })}`));
    }
  }
  const errors = options.totals?.errors ?? diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = options.totals?.warnings ?? diagnostics.filter((d) => d.severity === 'warning').length;
  const summary = formatProblemSummary({ errors, warnings, fixable: options.fixableCount ?? 0, color: options.color });
  if (summary !== '') {
    if (out.length > 0) out.push('');
    out.push(summary);
  }
  return out.join('\n');
}

/**
 * The closing lines of the stylish output — "✖ 3 problems (2 errors, 1 warning)" and how many
 * `--fix` can fix — or nothing when there is no problem. `logi lint -o FILE` prints only these.
 */
export function formatProblemSummary(counts: { errors: number; warnings: number; fixable: number; color: boolean }): string {
  const { errors, warnings, fixable } = counts;
  if (errors + warnings === 0) return '';
  const red = paint(counts.color, '31');
  const yellow = paint(counts.color, '33');
  const bold = paint(counts.color, '1');
  const dim = paint(counts.color, '2');
  const summary = t('cli.lint.problems', { total: errors + warnings, errors, warnings });
  const lines = [errors > 0 ? red(bold(summary)) : yellow(bold(summary))];
  if (fixable > 0) lines.push(dim(`  ${t('cli.lint.fixable', { count: fixable })}`));
  return lines.join('\n');
}

/**
 * The columns [start, end) a frame shows, for the finding's line and the lines around it: the first
 * `FRAME_WIDTH` when the finding's line fits, else `FRAME_WIDTH` characters around `column`.
 */
export function frameWindow(length: number, column: number): { start: number; end: number } {
  if (length <= FRAME_WIDTH) return { start: 0, end: FRAME_WIDTH };
  // A third of the width before the finding, so its start and most of what follows show.
  const start = Math.max(0, Math.min(column - 1 - Math.floor(FRAME_WIDTH / 3), length - FRAME_WIDTH));
  return { start, end: start + FRAME_WIDTH };
}

/** `line.slice(start, end)`, widened or narrowed by one so that no surrogate pair is cut in two. */
function sliceWhole(line: string, start: number, end: number): string {
  const low = (i: number) => i > 0 && i < line.length && /[\udc00-\udfff]/.test(line[i]!) && /[\ud800-\udbff]/.test(line[i - 1]!);
  return line.slice(low(start) ? start + 1 : start, low(end) ? end + 1 : end);
}

/** One line of a frame: the window of the line, tabs shown as arrows, inert, with "…" where it is cut. */
function shownLine(line: string, window: { start: number; end: number }): string {
  const body = escapeTerminal(sliceWhole(line, window.start, window.end).replace(/\t/g, '→'), { keep: '' });
  return `${window.start > 0 ? '…' : ''}${body}${window.end < line.length ? '…' : ''}`;
}

function codeFrame(lines: readonly string[], d: Diagnostic, dim: Paint, mark: Paint): string[] {
  const line = d.range.start.line;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const current = lines[line - 1] ?? '';
  const window = frameWindow(current.length, d.range.start.column);
  const frame: string[] = [];
  for (let n = first; n <= last; n++) {
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} |`;
    frame.push(`    ${n === line ? gutter : dim(gutter)} ${shownLine(lines[n - 1] ?? '', window)}`);
    if (n === line) frame.push(`    ${' '.repeat(width + 2)} ${dim('|')} ${underline(current, d, window, mark)}`);
  }
  return frame;
}

/** The carets under the finding, placed by the width of the escaped text before it in the window. */
function underline(line: string, d: Diagnostic, window: { start: number; end: number }, mark: Paint): string {
  const start = Math.min(Math.max(d.range.start.column - 1, window.start), window.end);
  const end = d.range.end.line === d.range.start.line ? Math.max(d.range.end.column - 1, start + 1) : Math.max(line.length, start + 1);
  const shownWidth = (from: number, to: number) => escapeTerminal(sliceWhole(line, from, to).replace(/\t/g, '→'), { keep: '' }).length;
  const offset = (window.start > 0 ? 1 : 0) + shownWidth(window.start, start);
  const length = Math.max(1, shownWidth(start, Math.min(end, window.end)));
  return `${' '.repeat(offset)}${mark('^'.repeat(Math.min(length, MAX_UNDERLINE)))}`;
}
