/**
 * YAML syntax problems as an author reads them: one error per region, in plain words, in the
 * user's language. yaml reports one mistake many times (a tab gave ten errors, each line below it
 * "not aligned"); its messages are a parser's ("Nested mappings are not allowed in compact
 * mappings"). Here a document's first parser error stands for everything the parser says after it
 * in that document, and each code is explained by logi's own message, never yaml's text.
 */
import { t } from '../i18n/catalogue.js';
import type { Range } from './diagnostic.js';
import { shorten } from './diagnostic.js';
import type { LineIndex } from './lines.js';
import type { SyntaxProblem } from './parse.js';

/**
 * The problems of one document worth reporting, in text order: logi's own problems (a duplicate
 * key, a bad alias) up to the first parser error, that error, and the point where reading stopped
 * for nesting too deep. What the parser reports after its first error is a consequence of it, and
 * yaml often reports one mistake several times on one line: the first per line is kept.
 */
export function collapseProblems(problems: readonly SyntaxProblem[], lines: LineIndex): SyntaxProblem[] {
  const firstParserError = problems.find((p) => !p.own);
  const kept: SyntaxProblem[] = [];
  const seenLines = new Set<number>();
  for (const problem of problems) {
    const line = lines.lineOf(problem.start);
    const tooDeep = problem.code === 'TOO_DEEP';
    if (!tooDeep && firstParserError && problem !== firstParserError && (!problem.own || problem.start > firstParserError.start)) continue;
    if (seenLines.has(line) && !tooDeep) continue;
    seenLines.add(line);
    kept.push(problem);
  }
  return kept;
}

/** What a JavaScript engine says when a resource runs out: never shown as such to an author. */
const ENGINE_MESSAGE = /^(?:RangeError: )?(?:Maximum call stack size exceeded|Invalid string length|Invalid array length|Array buffer allocation failed|Out of memory)/;

export interface ExplainedProblem {
  message: string;
  hint: string;
  range: Range;
}

/** The leading spaces and tabs of a line. */
function indentation(text: string): string {
  return /^[ \t]*/.exec(text)![0];
}

/** What a parser error means, with the place the author must look at (an unclosed quote's opening, an over-indented line). */
export function explainProblem(problem: SyntaxProblem, lines: LineIndex, unclosedOpener: () => number | undefined): ExplainedProblem {
  const at = lines.range(problem.start, problem.end);
  if (problem.own) return { message: problem.message, hint: problem.hint ?? ownHint(problem, lines), range: at };
  const line = lines.lineOf(problem.start);
  const tab = tabIndentedLine(lines, line);
  if (tab !== undefined) {
    const offset = lines.lineStarts[tab - 1]! + lines.lineText(tab).indexOf('\t');
    return { message: t('language.syntax.tab'), hint: t('language.syntax.tab.hint'), range: lines.range(offset, offset + 1) };
  }
  if (problem.code === 'MISSING_CHAR' || /quote|end with a [\]}]/.test(problem.message)) {
    const opener = quoteOnLine(lines, line, problem.start) ?? unclosedOpener();
    if (opener !== undefined) return unclosed(lines, opener);
  }
  if (problem.code === 'MULTILINE_IMPLICIT_KEY' || problem.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const explained = implicitKey(lines, line);
    if (explained) return explained;
  }
  return { ...byCode(ENGINE_MESSAGE.test(problem.message) ? 'RESOURCE_EXHAUSTION' : problem.code), range: at };
}

function ownHint(problem: SyntaxProblem, lines: LineIndex): string {
  if (problem.code === 'DUPLICATE_KEY' && problem.firstAt !== undefined) return t('language.syntax.duplicate-key.hint', { line: lines.lineOf(problem.firstAt) });
  return t('language.syntax.generic.hint');
}

/** The error's line, or the line above it, when a tab stands in its indentation. */
function tabIndentedLine(lines: LineIndex, line: number): number | undefined {
  for (const candidate of [line, line - 1]) {
    if (candidate >= 1 && indentation(lines.lineText(candidate)).includes('\t')) return candidate;
  }
  return undefined;
}

/**
 * The quote left open on the error's own line (yaml reports a quote opened inside `{ … }` at the
 * end of its line, where a scan of the whole file would pair it with a quote of a later line).
 */
function quoteOnLine(lines: LineIndex, line: number, offset: number): number | undefined {
  const start = lines.lineStarts[line - 1]!;
  const opener = findUnclosedOpener(lines.text.slice(start, Math.max(start, offset)));
  return opener !== undefined && /["']/.test(lines.text[start + opener]!) ? start + opener : undefined;
}

function unclosed(lines: LineIndex, opener: number): ExplainedProblem {
  const char = lines.text[opener]!;
  const range = lines.range(opener, opener + 1);
  if (char === '[') return { message: t('language.syntax.unclosed-bracket'), hint: t('language.syntax.unclosed-bracket.hint'), range };
  if (char === '{') return { message: t('language.syntax.unclosed-brace'), hint: t('language.syntax.unclosed-brace.hint'), range };
  return { message: t('language.syntax.unclosed-quote', { quote: char }), hint: t('language.syntax.unclosed-quote.hint', { quote: char }), range };
}

/** A key yaml could not read on one line: a missing space after `:`, a missing `:`, an over-indented line below a value. */
function implicitKey(lines: LineIndex, line: number): ExplainedProblem | undefined {
  const text = lines.lineText(line);
  const start = lines.lineStarts[line - 1]!;
  const content = text.replace(/^\s*(-\s+)?/, '');
  const contentStart = start + text.length - content.length;
  const whole = lines.range(contentStart, start + text.trimEnd().length);
  const glued = /^([^\s:#'"{}[\],]+):([^\s:].*)$/.exec(content.trimEnd());
  if (glued) return { message: t('language.syntax.colon-space'), hint: t('language.syntax.write-key-value', { key: shorten(glued[1]!), value: shorten(glued[2]!) }), range: whole };
  const bare = /^([^\s:#'"{}[\],]+)(?:\s+([^:#]+))?$/.exec(content.trimEnd());
  if (bare) {
    // `actor` alone, or `actor laboratoire`: the first word is the key, what follows its value.
    const key = shorten(bare[1]!);
    const hint = bare[2] === undefined ? t('language.syntax.missing-colon.hint', { key }) : t('language.syntax.write-key-value', { key, value: shorten(bare[2]) });
    return { message: t('language.syntax.missing-colon', { key: shorten(content.trimEnd()) }), hint, range: whole };
  }
  const next = line + 1 <= lines.lineCount ? lines.lineText(line + 1) : '';
  if (/:\s+\S/.test(content) && next.trim() !== '' && indentation(next).length > indentation(text).length && !content.trimEnd().endsWith(':')) {
    const nextStart = lines.lineStarts[line]! + indentation(next).length;
    return { message: t('language.syntax.over-indented'), hint: t('language.syntax.bad-indent.hint'), range: lines.range(nextStart, nextStart + next.trim().length) };
  }
  if (/:\s.*:\s/.test(content)) return { message: t('language.syntax.colon-in-value'), hint: t('language.syntax.colon-in-value.hint'), range: whole };
  return undefined;
}

/** yaml's error codes in logi's words. */
function byCode(code: string): { message: string; hint: string } {
  switch (code) {
    case 'BAD_INDENT':
      return { message: t('language.syntax.bad-indent'), hint: t('language.syntax.bad-indent.hint') };
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: t('language.syntax.multiline-key'), hint: t('language.syntax.multiline-key.hint') };
    case 'MISSING_CHAR':
      return { message: t('language.syntax.missing-char'), hint: t('language.syntax.missing-char.hint') };
    case 'BAD_DQ_ESCAPE':
      return { message: t('language.syntax.bad-escape'), hint: t('language.syntax.bad-escape.hint') };
    case 'BAD_SCALAR_START':
      return { message: t('language.syntax.bad-scalar-start'), hint: t('language.syntax.bad-scalar-start.hint') };
    case 'BLOCK_IN_FLOW':
      return { message: t('language.syntax.block-in-flow'), hint: t('language.syntax.block-in-flow.hint') };
    case 'KEY_OVER_1024_CHARS':
      return { message: t('language.syntax.long-key'), hint: t('language.syntax.long-key.hint') };
    case 'RESOURCE_EXHAUSTION':
      return { message: t('language.syntax.too-large'), hint: t('language.syntax.too-deep.hint') };
    default:
      // UNEXPECTED_TOKEN and the rare ones (tags, directives, anchors): one plain message.
      return { message: t('language.syntax.generic'), hint: t('language.syntax.generic.hint') };
  }
}

/**
 * Offset of the first quote or bracket that is never closed, found by a simple scan that
 * knows YAML's quoting rules ('' inside single quotes, \" inside double quotes) and comments.
 * yaml reports such errors at the end of the file; the opener is where the author must look.
 */
export function findUnclosedOpener(text: string): number | undefined {
  const stack: { char: string; offset: number }[] = [];
  let quote: { char: string; offset: number } | undefined;
  const pairs: Record<string, string> = { '[': ']', '{': '}' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (quote.char === '"' && c === '\\') i += 1;
      else if (c === quote.char) {
        if (quote.char === "'" && text[i + 1] === "'") i += 1;
        else quote = undefined;
      }
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    const previous = i === 0 ? '\n' : text[i - 1]!;
    if ((c === '"' || c === "'") && /[\s:[{,-]/.test(previous)) quote = { char: c, offset: i };
    else if (c === '[' || c === '{') stack.push({ char: c, offset: i });
    else if ((c === ']' || c === '}') && stack.length > 0 && pairs[stack[stack.length - 1]!.char] === c) stack.pop();
  }
  return quote?.offset ?? stack[0]?.offset;
}
