import type { Diagnostic } from '../../language/diagnostic.js';

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

export function formatJson(result: LintJson): string {
  return JSON.stringify(result, null, 2);
}
