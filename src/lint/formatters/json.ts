import type { Diagnostic } from '../../language/diagnostic.js';
import { jsonForTerminal } from '../../text/escape.js';

/** The `--format json` / `--json` contract: documented in docs/commands.md. */
export interface LintJson {
  filesChecked: number;
  errorCount: number;
  warningCount: number;
  exitCode: number;
  diagnostics: Diagnostic[];
  /** With `--fix` only: the files rewritten and how many fixes each received. */
  fixed?: { file: string; fixes: number }[];
}

/** Printed to a terminal as often as read by a tool: the escapes of jsonForTerminal keep the values and disarm the text. */
export function formatJson(result: LintJson): string {
  return jsonForTerminal(JSON.stringify(result, null, 2));
}
