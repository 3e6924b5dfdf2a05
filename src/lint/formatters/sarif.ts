/**
 * SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), for code-scanning services.
 * One run, the catalogue as the tool's rules, one result per finding. Columns are UTF-16 code
 * units, SARIF's default `columnKind`, as in every logi diagnostic.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '../../i18n/catalogue.js';
import type { Diagnostic, Severity } from '../../language/diagnostic.js';
import { jsonForTerminal } from '../../text/escape.js';
import type { CatalogueEntry } from '../catalogue.js';

export interface SarifOptions {
  /** The tool version, e.g. from package.json. */
  version: string;
  /** Every check that can be reported (`catalogue()`). */
  rules: readonly CatalogueEntry[];
  /** The folder that relative file paths start from (the cwd of the run). */
  cwd: string;
}

const LEVEL: Record<Severity | 'off', 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** A relative path as a URI reference (segments percent-encoded), or a file: URI for an absolute one. */
function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const index = new Map(options.rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'logi',
            semanticVersion: options.version,
            version: options.version,
            rules: options.rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              help: { text: t('cli.lint.sarif.help', { description: rule.description, docs: rule.docs }), markdown: t('cli.lint.sarif.help-markdown', { description: rule.description, docs: rule.docs }) },
              defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.severity !== 'off' },
              properties: { fixable: rule.fixable, origin: rule.origin },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : `${options.cwd}${path.sep}`).href } },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.hint ? `${d.message}\n${t('cli.lint.hint-label')} ${d.hint}` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactUri(d.file),
                region: {
                  startLine: d.range.start.line,
                  startColumn: d.range.start.column,
                  endLine: Math.max(d.range.end.line, d.range.start.line),
                  endColumn: Math.max(d.range.end.line > d.range.start.line ? 1 : d.range.start.column, d.range.end.column),
                },
              },
            },
          ],
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  // The same JSON values, with the characters a terminal would act on written as \u escapes.
  return jsonForTerminal(JSON.stringify(log, null, 2));
}
