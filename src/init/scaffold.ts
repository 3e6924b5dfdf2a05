/**
 * `logi init`: the files of a small workspace that lints clean, from templates/init/, and the
 * JSON Schemas its modelines point at — those of this workspace (`logi schema --workspace`), so
 * that the editor completes its actors, strata and sources from the first keystroke.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../i18n/catalogue.js';
import { writeFileAtomic } from '../io/atomic.js';
import { generateJsonSchemas, generateWorkspaceSchemas, serializeSchema } from '../language/jsonschema.js';
import { byCodePoint } from '../language/order.js';
import { loadWorkspace, UsageError } from '../language/workspace.js';

const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/init/', import.meta.url));
export const SCHEMA_DIR_NAME = 'schemas';

export interface ScaffoldFile {
  /** Path relative to the workspace folder, with `/` separators. */
  path: string;
  content: string;
}

async function listTemplates(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listTemplates(path.join(dir, entry.name), relative)));
    else out.push(relative);
  }
  return out;
}

/** The files `logi init` writes: templates with their schema modeline pointing at ./schemas, and the generic schemas. */
export async function scaffoldFiles(): Promise<ScaffoldFile[]> {
  const files: ScaffoldFile[] = [];
  for (const relative of await listTemplates(TEMPLATE_DIR)) {
    const text = await fs.readFile(path.join(TEMPLATE_DIR, relative), 'utf8');
    const depth = relative.split('/').length - 1;
    const schemas = depth === 0 ? `./${SCHEMA_DIR_NAME}` : `${'../'.repeat(depth)}${SCHEMA_DIR_NAME}`;
    files.push({ path: relative, content: text.replaceAll('{{schemas}}', schemas) });
  }
  for (const schema of generateJsonSchemas()) files.push({ path: `${SCHEMA_DIR_NAME}/${schema.fileName}`, content: serializeSchema(schema) });
  return files;
}

export interface InitResult {
  directory: string;
  files: string[];
}

/** Writes the scaffold into `directory`; refuses to overwrite anything unless `force`. */
export async function initWorkspace(directory: string, force = false): Promise<InitResult> {
  const stat = await fs.stat(directory).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new UsageError(t('editor.init.not-a-folder', { directory }), t('editor.init.not-a-folder.hint'));
  const files = await scaffoldFiles();
  if (!force) {
    const existing: string[] = [];
    for (const file of files) if (await fs.stat(path.join(directory, file.path)).catch(() => undefined)) existing.push(file.path);
    if (existing.length > 0) {
      throw new UsageError(t('editor.init.exists', { directory, files: existing }), t('editor.init.exists.hint'));
    }
  }
  for (const file of files) await writeFileAtomic(path.join(directory, file.path), file.content);
  await writeWorkspaceSchemas(directory);
  return { directory: path.resolve(directory), files: files.map((f) => f.path) };
}

/** Replaces the generic schemas just written by the workspace's own, which offer its ids. */
async function writeWorkspaceSchemas(directory: string): Promise<void> {
  const workspace = await loadWorkspace({ cwd: directory });
  for (const schema of generateWorkspaceSchemas(workspace).schemas) {
    await writeFileAtomic(path.join(directory, SCHEMA_DIR_NAME, schema.fileName), serializeSchema(schema));
  }
}
