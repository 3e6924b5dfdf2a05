/**
 * `logi export fhir` and `logi import fhir`, without the command line: what they read, what they
 * write (a whole output set: every file or none, src/io/output-set.ts) and what they report.
 */
import { promises as fs } from 'node:fs';
import { stringify } from 'yaml';
import { t } from '../i18n/catalogue.js';
import { fitFileName } from '../io/file-names.js';
import { OutputSet } from '../io/output-set.js';
import type { Diagnostic } from '../language/diagnostic.js';
import { byCodePoint } from '../language/order.js';
import { isTarget, UsageError, type Workspace } from '../language/workspace.js';
import { lint } from '../lint/engine.js';
import { exportLogigramme, type ExportWarning } from './export.js';
import { ImportError, importBundle } from './import.js';
import type { Bundle } from './types.js';

/** The workspace does not lint clean: nothing is exported. */
export class FhirInputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(t('fhir.export.input-errors', { count: diagnostics.length }));
  }
}

export interface ExportResult {
  out: string;
  files: string[];
  bundles: Array<{ logigramme: string; file: string; resources: number }>;
  warnings: ExportWarning[];
}

function actorTitles(workspace: Workspace): Record<string, string> {
  const titles: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const doc of workspace.index.Actors.values()) for (const [id, actor] of Object.entries(doc.value.actors)) titles[id] ??= actor.title;
  return titles;
}

/** Exports every logigramme of `paths` (id order) into `out`, one bundle `<id>.json` each. */
export async function exportFhir(options: { paths: string[]; out: string }): Promise<ExportResult> {
  const result = await lint({ paths: options.paths });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || result.exitCode === 2) throw new FhirInputError(errors);
  const workspace = result.workspace;
  const logigrammes = [...workspace.index.Logigramme.values()].filter((l) => isTarget(workspace, l)).sort((a, b) => byCodePoint(a.id, b.id));
  if (logigrammes.length === 0) throw new UsageError(t('fhir.export.no-logigramme'), t('fhir.export.no-logigramme.hint'));
  const titles = actorTitles(workspace);
  const exported = logigrammes.map((document) => ({
    id: document.id,
    name: fitFileName(document.id, '.json'),
    ...exportLogigramme({ logigramme: document.value, pyramid: workspace.index.Pyramid.get(document.value.pyramid)?.value, actorTitles: titles }),
  }));
  const set = await OutputSet.prepare(options.out, { command: 'export fhir', names: exported.map((e) => e.name) });
  try {
    const files: string[] = [];
    for (const bundle of exported) files.push(await set.write(bundle.name, `${JSON.stringify(bundle.bundle, null, 2)}\n`));
    await set.commit();
    return {
      out: options.out,
      files,
      bundles: exported.map((e, i) => ({ logigramme: e.id, file: files[i]!, resources: e.bundle.entry?.length ?? 0 })),
      warnings: exported.flatMap((e) => e.warnings),
    };
  } finally {
    await set.discard();
  }
}

/** The text of a bundle file as JSON, or a usage error naming the file. */
async function readBundle(file: string): Promise<Bundle> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(t('fhir.import.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), t('fhir.import.unreadable.hint'));
  }
  try {
    return JSON.parse(text) as Bundle;
  } catch {
    throw new UsageError(t('fhir.import.not-json', { file }), t('fhir.import.not-json.hint'));
  }
}

export interface ImportResult {
  out: string;
  files: string[];
  logigrammes: Array<{ logigramme: string; bundle: string; file: string }>;
}

/** Imports each bundle file as a logigramme `<id>.yaml` in `out`; one refused bundle writes nothing. */
export async function importFhir(options: { bundles: string[]; out: string }): Promise<ImportResult> {
  const documents: Array<{ bundle: string; id: string; name: string; yaml: string }> = [];
  for (const file of options.bundles) {
    const bundle = await readBundle(file);
    try {
      const document = importBundle(bundle);
      const name = fitFileName(document.id, '.yaml');
      if (documents.some((d) => d.name === name)) throw new UsageError(t('fhir.import.same-id', { id: document.id }), t('fhir.import.same-id.hint'));
      documents.push({ bundle: file, id: document.id, name, yaml: stringify(document, { lineWidth: 0 }) });
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if (error instanceof ImportError) throw new UsageError(t('fhir.import.refused', { file, element: error.element, reason: error.reason }), t('fhir.import.refused.hint'));
      throw error;
    }
  }
  const set = await OutputSet.prepare(options.out, { command: 'import fhir', names: documents.map((d) => d.name) });
  try {
    const files: string[] = [];
    for (const document of documents) files.push(await set.write(document.name, document.yaml));
    await set.commit();
    return { out: options.out, files, logigrammes: documents.map((d, i) => ({ logigramme: d.id, bundle: d.bundle, file: files[i]! })) };
  } finally {
    await set.discard();
  }
}
