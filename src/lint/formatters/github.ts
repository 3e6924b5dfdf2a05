/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` line per finding,
 * shown as annotations on the pull request. Escaping follows the runner's rules: `%`, CR and LF
 * everywhere, and also `:` and `,` in property values. The log viewer and a local terminal both act
 * on escape sequences, so user text is made inert for a terminal first (CR and LF are kept there:
 * the command escaping encodes them).
 */
import { t } from '../../i18n/catalogue.js';
import type { Diagnostic } from '../../language/diagnostic.js';
import { escapeGithubData, escapeGithubProperty, escapeTerminal } from '../../text/escape.js';

const escapeData = (s: string) => escapeGithubData(escapeTerminal(s, { keep: '\r\n\t' }));
const escapeProperty = (s: string) => escapeGithubProperty(escapeTerminal(s, { keep: '' }));

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
      const message = d.hint ? `${d.message}\n${t('cli.lint.hint-label')} ${d.hint}` : d.message;
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`;
    })
    .join('\n');
}
