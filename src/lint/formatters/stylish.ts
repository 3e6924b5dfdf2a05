/** Human output: one block per file, each finding with a code frame (colours unless NO_COLOR). */
import type { Diagnostic } from '../../language/diagnostic.js';

export interface StylishOptions {
  color: boolean;
  /** Source text per file, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Findings that `logi lint --fix` can fix (a line says so when there are any). */
  fixableCount?: number;
  /** Counts over every finding, when `diagnostics` leaves some out (`--quiet`). */
  totals?: { errors: number; warnings: number };
}

const paint = (on: boolean, code: string) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions): string {
  const red = paint(options.color, '31');
  const yellow = paint(options.color, '33');
  const dim = paint(options.color, '2');
  const bold = paint(options.color, '1');
  const cyan = paint(options.color, '36');
  const out: string[] = [];
  let currentFile: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      out.push(bold(d.file));
      currentFile = d.file;
    }
    const severity = d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : cyan('info');
    out.push(`  ${d.file}:${d.range.start.line}:${d.range.start.column}  ${severity}  ${d.message}  ${dim(d.ruleId)}`);
    const text = options.sources.get(d.file);
    if (text !== undefined) out.push(...codeFrame(text, d, dim, red));
    if (d.hint) out.push(`    ${cyan('hint:')} ${d.hint}`);
  }
  const errors = options.totals?.errors ?? diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = options.totals?.warnings ?? diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0) {
    if (out.length > 0) out.push('');
    const summary = `✖ ${errors + warnings} problem${errors + warnings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out.push(errors > 0 ? red(bold(summary)) : yellow(bold(summary)));
    const fixable = options.fixableCount ?? 0;
    if (fixable > 0) out.push(dim(`  ${fixable} of them ${fixable === 1 ? 'is' : 'are'} fixable with \`logi lint --fix\`.`));
  }
  return out.join('\n');
}

function codeFrame(text: string, d: Diagnostic, dim: (s: string) => string, mark: (s: string) => string): string[] {
  const lines = text.split(/\r?\n/);
  const line = d.range.start.line;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const frame: string[] = [];
  for (let n = first; n <= last; n++) {
    const content = (lines[n - 1] ?? '').replace(/\t/g, '→');
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} |`;
    frame.push(`    ${n === line ? gutter : dim(gutter)} ${content}`);
    if (n === line) {
      const start = d.range.start.column;
      const end = d.range.end.line === line ? Math.max(d.range.end.column, start + 1) : Math.max(content.length + 1, start + 1);
      frame.push(`    ${' '.repeat(width + 2)} ${dim('|')} ${' '.repeat(start - 1)}${mark('^'.repeat(Math.min(end - start, 80)))}`);
    }
  }
  return frame;
}
