import type { Diagnostic } from '../../language/diagnostic.js';

/** The `--format json` contract: documented in docs/commands.md. */
export interface LintJson {
  filesChecked: number;
  errorCount: number;
  warningCount: number;
  exitCode: number;
  diagnostics: Diagnostic[];
}

export function formatJson(result: LintJson): string {
  return JSON.stringify(result, null, 2);
}
