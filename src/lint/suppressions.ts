/**
 * Inline suppressions, written as YAML comments:
 *
 *   # logi-disable-next-line <rule>[, <rule>…] -- <reason>
 *   # logi-disable-file <rule>[, <rule>…] -- <reason>
 *
 * The first silences the named rules on the next line, the second in the whole file. A
 * suppression needs a reason (`suppression-needs-reason`), and one that silences nothing, names
 * an unknown rule or is misspelt is reported (`no-unused-suppression`, fixable when the whole
 * comment line can go).
 */
import { Lexer } from 'yaml';
import type { Diagnostic, Range } from '../language/diagnostic.js';
import type { SourceFile } from '../language/source.js';
import { t } from '../i18n/catalogue.js';
import { didYouMean } from '../language/suggest.js';
import type { TextEdit } from './rule.js';

export const SUPPRESSION_NEEDS_REASON = 'suppression-needs-reason';
export const NO_UNUSED_SUPPRESSION = 'no-unused-suppression';

/**
 * Findings that a comment cannot silence: the reserved checks (the document could not be read or
 * is not a valid document, so it is left out of the workspace whatever a comment says), and the
 * findings about suppression comments themselves.
 */
export const UNSUPPRESSIBLE: ReadonlySet<string> = new Set(['file-unreadable', 'yaml-syntax', 'schema', 'duplicate-id', 'rule-error', SUPPRESSION_NEEDS_REASON, NO_UNUSED_SUPPRESSION]);

export interface Directive {
  kind: 'next-line' | 'file' | 'unknown';
  /** The directive word as written (`logi-disable-next-line`, or a misspelling). */
  word: string;
  rules: string[];
  reason: string | undefined;
  /** Where the comment is. */
  range: Range;
  /** 1-based line of the comment. */
  line: number;
  /** Offsets of the comment in the file, and whether it is alone on its line. */
  start: number;
  end: number;
  alone: boolean;
  /** Rules of this directive that silenced at least one finding. */
  used: Set<string>;
}

const CONTROL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);
const DIRECTIVE = /^#\s*(logi-disable[\w-]*)(.*)$/;

/** The suppression comments of a file (only real comments: not `#` inside quoted or block text). */
export function parseDirectives(source: SourceFile): Directive[] {
  const text = source.text;
  if (!text.includes('logi-disable')) return [];
  const directives: Directive[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL_TOKENS.has(token)) continue;
    const start = offset;
    offset += token.length;
    if (token[0] !== '#') continue;
    const match = DIRECTIVE.exec(token);
    if (!match) continue;
    const word = match[1]!;
    const body = match[2]!;
    const separator = /(^|\s)--(\s|$)/.exec(body);
    const rulesPart = separator ? body.slice(0, separator.index) : body;
    const reason = separator ? body.slice(separator.index + separator[0].length).trim() : undefined;
    // Placed from the text's own line index, so that a syntax error above cannot shift it.
    const range = source.lines.range(start, offset);
    const lineBegin = text.lastIndexOf('\n', start - 1) + 1;
    directives.push({
      kind: word === 'logi-disable-next-line' ? 'next-line' : word === 'logi-disable-file' ? 'file' : 'unknown',
      word,
      rules: rulesPart.split(/[\s,]+/).filter(Boolean),
      reason: reason === '' ? undefined : reason,
      range,
      line: range.start.line,
      start,
      end: offset,
      alone: text.slice(lineBegin, start).trim() === '',
      used: new Set(),
    });
  }
  return directives;
}

export interface SuppressionFinding {
  ruleId: typeof SUPPRESSION_NEEDS_REASON | typeof NO_UNUSED_SUPPRESSION;
  file: string;
  range: Range;
  message: string;
  hint: string;
  /** Removes the comment (for a suppression that silences nothing at all). */
  fix?: TextEdit;
}

interface ApplicableDirectives {
  wholeFile: Directive[];
  /** `next-line` directives by the line they silence. */
  byTargetLine: Map<number, Directive[]>;
}

/** The directives of each file by the line they apply to: a large file may hold thousands of findings and comments. */
function indexDirectives(directivesByFile: ReadonlyMap<string, { directives: Directive[] }>): Map<string, ApplicableDirectives> {
  const index = new Map<string, ApplicableDirectives>();
  for (const [file, { directives }] of directivesByFile) {
    const entry: ApplicableDirectives = { wholeFile: [], byTargetLine: new Map() };
    for (const directive of directives) {
      if (directive.kind === 'file') entry.wholeFile.push(directive);
      else if (directive.kind === 'next-line') {
        const target = directive.line + 1;
        entry.byTargetLine.set(target, [...(entry.byTargetLine.get(target) ?? []), directive]);
      }
    }
    index.set(file, entry);
  }
  return index;
}

/**
 * Drops the findings silenced by a directive, then reports the directives that lack a reason,
 * silence nothing, name an unknown rule or are misspelt.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  directivesByFile: ReadonlyMap<string, { source: SourceFile; directives: Directive[] }>,
  knownRuleIds: ReadonlySet<string>,
): { kept: Diagnostic[]; findings: SuppressionFinding[] } {
  const kept = unsilenced(diagnostics, directivesByFile);
  const findings: SuppressionFinding[] = [];
  for (const { source, directives } of directivesByFile.values()) {
    for (const directive of directives) judgeDirective(directive, source, knownRuleIds, findings);
  }
  return { kept, findings };
}

/** The findings no directive silences; marks on each directive the rules it did silence. */
function unsilenced(diagnostics: readonly Diagnostic[], directivesByFile: ReadonlyMap<string, { source: SourceFile; directives: Directive[] }>): Diagnostic[] {
  const kept: Diagnostic[] = [];
  const applicable = indexDirectives(directivesByFile);
  for (const d of diagnostics) {
    const entry = applicable.get(d.file);
    if (!entry || UNSUPPRESSIBLE.has(d.ruleId)) {
      kept.push(d);
      continue;
    }
    let silenced = false;
    for (const directive of [...entry.wholeFile, ...(entry.byTargetLine.get(d.range.start.line) ?? [])]) {
      if (!directive.rules.includes(d.ruleId)) continue;
      directive.used.add(d.ruleId);
      silenced = true;
    }
    if (!silenced) kept.push(d);
  }

  return kept;
}

/** What is wrong with one directive (after `unsilenced` marked what it silenced), added to `findings`. */
function judgeDirective(directive: Directive, source: SourceFile, knownRuleIds: ReadonlySet<string>, findings: SuppressionFinding[]): void {
  const at = { file: source.file, range: directive.range };
  if (directive.kind === 'unknown') {
    findings.push({
      ruleId: NO_UNUSED_SUPPRESSION,
      ...at,
      message: t('lint.suppression.unknown-directive', { word: directive.word }),
      hint: t('lint.suppression.unknown-directive.hint'),
    });
    return;
  }
  if (directive.rules.length === 0) {
    findings.push({
      ruleId: NO_UNUSED_SUPPRESSION,
      ...at,
      message: t('lint.suppression.no-rule', { word: directive.word }),
      hint: t('lint.suppression.no-rule.hint', { word: directive.word }),
    });
  }
  if (directive.reason === undefined) {
    findings.push({
      ruleId: SUPPRESSION_NEEDS_REASON,
      ...at,
      message: t('lint.suppression.no-reason'),
      hint: t('lint.suppression.no-reason.hint', { word: directive.word, rules: directive.rules }),
    });
  }
  const unused = directive.rules.filter((rule) => !directive.used.has(rule));
  for (const rule of unused) {
    if (UNSUPPRESSIBLE.has(rule)) {
      findings.push({
        ruleId: NO_UNUSED_SUPPRESSION,
        ...at,
        message: t('lint.suppression.unsuppressible', { rule }),
        hint: rule === SUPPRESSION_NEEDS_REASON || rule === NO_UNUSED_SUPPRESSION ? t('lint.suppression.fix-comment.hint') : t('lint.suppression.fix-finding.hint'),
      });
      continue;
    }
    if (!knownRuleIds.has(rule)) {
      findings.push({
        ruleId: NO_UNUSED_SUPPRESSION,
        ...at,
        message: t('lint.suppression.unknown-rule', { rule }),
        hint: didYouMean(rule, knownRuleIds) ?? t('lint.suppression.see-rules.hint'),
      });
      continue;
    }
    const finding: SuppressionFinding = {
      ruleId: NO_UNUSED_SUPPRESSION,
      ...at,
      message: directive.kind === 'file' ? t('lint.suppression.unused-in-file', { rule }) : t('lint.suppression.unused-on-line', { rule, line: directive.line + 1 }),
      hint: directive.kind === 'next-line' ? t('lint.suppression.move.hint') : t('lint.suppression.remove.hint'),
    };
    if (unused.length === directive.rules.length && rule === unused[0] && directive.alone) {
      const text = source.text;
      const lineBegin = text.lastIndexOf('\n', directive.start - 1) + 1;
      const newline = text.indexOf('\n', directive.end);
      finding.fix = { start: lineBegin, end: newline === -1 ? text.length : newline + 1, text: '' };
    }
    findings.push(finding);
  }
}
