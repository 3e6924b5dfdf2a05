/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` line per finding,
 * shown as annotations on the pull request. Escaping follows the runner's rules: `%`, CR and LF
 * everywhere, and also `:` and `,` in property values.
 */
import type { Diagnostic } from '../../language/diagnostic.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(d.file.split('\\').join('/'))}`,
        `line=${d.range.start.line}`,
        `col=${d.range.start.column}`,
        `endLine=${d.range.end.line}`,
        `endColumn=${d.range.end.column}`,
        `title=${escapeProperty(`logi ${d.ruleId}`)}`,
      ].join(',');
      const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`;
    })
    .join('\n');
}
