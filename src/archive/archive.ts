/**
 * `logi archive RESULTS_DIR --out FILE` (docs/reproducibility.md): one ZIP holding the run's inputs
 * under `workspace/` (paths relative to the workspace root), its outputs under `results/`, the
 * draws under `draws/`, `logi-package.json` (the invocation, the tool's and its dependencies'
 * versions, the platform) and `ro-crate-metadata.json`. The file is staged beside FILE and renamed
 * over it when whole (src/io/atomic.ts): an interrupted archive leaves nothing half-written.
 */
import { z } from 'zod';
import { t } from '../i18n/catalogue.js';
import { stageFileWith } from '../io/atomic.js';
import { UsageError } from '../language/workspace.js';
import { collectRun, type CollectedRun, type FileRole, RESULTS_FOLDER } from './collect.js';
import { buildCrate, CRATE_FILE, PACKAGE_FILE } from './crate.js';
import { InvocationSchema } from './invocation.js';
import { toolRecord, type ToolRecord } from './tool.js';
import { writeZip, type ZipEntry } from './zip.js';

/** `logi-package.json`: what `logi verify` reads first. */
export const PackageRecordSchema = z.object({
  format: z.literal('logi-package/1'),
  invocation: InvocationSchema,
  mainOutput: z.string().describe('The output holding the manifest, e.g. results/results.json'),
  tool: z.object({ name: z.string(), version: z.string(), dependencies: z.object({ source: z.string(), packages: z.record(z.string(), z.string()) }) }),
  files: z.array(z.object({ name: z.string(), role: z.enum(['input', 'configuration', 'workspace', 'output', 'draws']), sha256: z.string(), size: z.number() })),
});
export type PackageRecord = z.infer<typeof PackageRecordSchema>;

export interface ArchiveOptions {
  results: string;
  out: string;
  workspace?: string;
  cwd?: string;
  /** The folder of logi's package.json, for its lockfile. */
  toolRoot: string;
  /** The publication date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's day, else today, UTC). */
  date?: string;
}

export interface ArchiveSummary {
  out: string;
  command: string;
  target: string;
  files: { name: string; role: FileRole; sha256: string }[];
  /** What the RO-Crate lacks that a repository will ask for. */
  missing: ('authors' | 'license')[];
}

/** The day of SOURCE_DATE_EPOCH (the reproducible-builds convention), else today; UTC. */
export function publicationDate(env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
  return now.toISOString().slice(0, 10);
}

export function packageRecord(run: CollectedRun, tool: ToolRecord): PackageRecord {
  return {
    format: 'logi-package/1',
    invocation: run.invocation,
    mainOutput: `${RESULTS_FOLDER}/${run.mainOutput}`,
    tool,
    files: run.files.map((f) => ({ name: f.name, role: f.role, sha256: f.sha256, size: f.size })),
  };
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export async function archive(options: ArchiveOptions): Promise<ArchiveSummary> {
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new UsageError(t('archive.bad-date', { value: options.date }), t('archive.bad-date.hint'));
  const run = await collectRun(options.results, { ...(options.workspace !== undefined ? { workspace: options.workspace } : {}), ...(options.cwd ? { cwd: options.cwd } : {}) });
  const tool = await toolRecord(options.toolRoot);
  const date = options.date ?? publicationDate();
  const entries: ZipEntry[] = [
    { name: CRATE_FILE, source: { bytes: json(buildCrate(run, tool, date)) } },
    { name: PACKAGE_FILE, source: { bytes: json(packageRecord(run, tool)) } },
    ...run.files.map((f) => ({ name: f.name, source: { file: f.source } })),
  ];
  const staged = await stageFileWith(options.out, (temporary) => writeZip(temporary, entries, date));
  await staged.commit();
  return {
    out: options.out,
    command: run.invocation.command,
    target: run.invocation.target,
    files: run.files.map((f) => ({ name: f.name, role: f.role, sha256: f.sha256 })),
    missing: [...(run.scenario.authors ? [] : (['authors'] as const)), ...(run.scenario.license ? [] : (['license'] as const))],
  };
}
