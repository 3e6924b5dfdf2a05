/** The output formats of `logi lint --format`. */
import type { Diagnostic } from '../../language/diagnostic.js';
import type { CatalogueEntry } from '../catalogue.js';
import { formatGithub } from './github.js';
import { formatJson, type LintJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatInput {
  json: LintJson;
  /** The findings to print (errors only with `--quiet`). */
  diagnostics: readonly Diagnostic[];
  sources: ReadonlyMap<string, string>;
  color: boolean;
  fixableCount: number;
  rules: readonly CatalogueEntry[];
  version: string;
  cwd: string;
}

/** The text to print for a format; empty when there is nothing to say (github, stylish when clean). */
export function formatResult(format: Format, input: FormatInput): string {
  switch (format) {
    case 'json':
      return formatJson(input.json);
    case 'sarif':
      return formatSarif(input.diagnostics, { version: input.version, rules: input.rules, cwd: input.cwd });
    case 'github':
      return formatGithub(input.diagnostics);
    case 'stylish':
      return formatStylish(input.diagnostics, {
        color: input.color,
        sources: input.sources,
        fixableCount: input.fixableCount,
        totals: { errors: input.json.errorCount, warnings: input.json.warningCount },
      });
  }
}

export { formatGithub, formatJson, formatSarif, formatStylish };
export type { LintJson };
