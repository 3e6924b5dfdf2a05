/**
 * `logi verify PACKAGE_OR_RESULTS` (docs/reproducibility.md): runs a package's recorded invocation
 * again from its packaged inputs, in a temporary workspace, and compares every output it makes
 * with the packaged one, byte for byte. Reproduced when all are identical; otherwise the first
 * differing figure and the likely reasons (src/archive/difference.ts). The temporary workspace is
 * removed at the end, on error and on interruption; nothing is written anywhere else.
 *
 * It takes a package file (`logi archive`'s ZIP), an unpacked package (a folder holding
 * `logi-package.json`), or an output folder of simulate, calibrate or sweep with its workspace
 * (gathered as `logi archive` would, src/archive/collect.ts).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import { onInterrupt } from '../io/cleanup.js';
import { CONFIG_FILE, UsageError } from '../language/workspace.js';
import { STREAM_DERIVATION } from '../sim/random.js';
import { packageRecord, type PackageRecord, PackageRecordSchema } from './archive.js';
import { collectRun, DRAWS_FOLDER, readRunManifest, RESULTS_FOLDER, sha256OfFile, WORKSPACE_FOLDER } from './collect.js';
import { PACKAGE_FILE } from './crate.js';
import { type FigureDifference, firstRowDifference, jsonDifference, likelyReasons, type Reason } from './difference.js';
import { RefusedRun, rerun } from './rerun.js';
import { toolRecord } from './tool.js';
import { extractZip, ZipError } from './zip.js';

export interface VerifyOptions {
  source: string;
  cwd?: string;
  /** For an output folder: its workspace (default: found above it, else above the current folder). */
  workspace?: string;
  toolRoot: string;
  version: string;
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FileComparison {
  name: string;
  identical: boolean;
}

export interface Verification {
  reproduced: boolean;
  command: string;
  target: string;
  recordedVersion: string;
  version: string;
  files: FileComparison[];
  /** Packaged files the invocation does not make (a report added later by `logi report`): not compared. */
  notRemade: string[];
  /** Inputs whose bytes are not those the manifest records. */
  changedInputs: { file: string; recorded: string; found: string | null }[];
  firstDifference?: FigureDifference;
  /** When the re-run itself was refused (a changed input that no longer lints, say). */
  refused?: string;
  reasons: Reason[];
}

/** Puts the package in `temp/package` (a ZIP unpacked, an output folder gathered) or returns an unpacked package's folder. */
async function packageFolder(options: VerifyOptions, temp: string): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  const source = path.resolve(cwd, options.source);
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat) throw new UsageError(t('verify.no-such-source', { source: options.source }), t('verify.not-a-package.hint'));
  const folder = path.join(temp, 'package');
  if (stat.isFile()) {
    await fs.mkdir(folder);
    await extractZip(source, folder).catch((error: unknown) => {
      // fflate's own messages are English: a person is told what it means, in their language.
      const reason = error instanceof ZipError && error.problem === 'unsafe-entry' ? t('verify.unsafe-entry', { entry: error.entry ?? '' }) : t('verify.not-zip-data');
      throw new UsageError(t('verify.not-a-zip', { source: options.source, reason }), t('verify.not-a-package.hint'));
    });
    return folder;
  }
  if (await fs.stat(path.join(source, PACKAGE_FILE)).then(() => true, () => false)) return source;
  const run = await collectRun(source, { ...(options.workspace !== undefined ? { workspace: options.workspace } : {}), cwd });
  for (const file of run.files) {
    await fs.mkdir(path.dirname(path.join(folder, file.name)), { recursive: true });
    await fs.copyFile(file.source, path.join(folder, file.name));
  }
  await fs.writeFile(path.join(folder, PACKAGE_FILE), `${JSON.stringify(packageRecord(run, await toolRecord(options.toolRoot)), null, 2)}\n`);
  return folder;
}

async function readPackageRecord(folder: string, source: string): Promise<PackageRecord> {
  const text = await fs.readFile(path.join(folder, PACKAGE_FILE), 'utf8').catch(() => undefined);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = PackageRecordSchema.safeParse(parsed);
  if (!record.success) throw new UsageError(t('verify.no-package-record', { source, file: PACKAGE_FILE }), t('verify.not-a-package.hint'));
  return record.data;
}

/** The inputs of the manifest whose packaged bytes are not the recorded ones (or are missing). */
async function changedInputs(folder: string, inputs: { file: string; sha256: string }[]): Promise<Verification['changedInputs']> {
  const changed: Verification['changedInputs'] = [];
  for (const input of inputs) {
    const found = await sha256OfFile(path.join(folder, WORKSPACE_FOLDER, ...input.file.split('/'))).catch(() => null);
    if (found !== input.sha256) changed.push({ file: input.file, recorded: input.sha256, found });
  }
  return changed;
}

/**
 * The packaged workspace, copied into the temporary one (the package is only read). Without a
 * packaged logi.config.yaml, an empty one marks the root: the loader would otherwise look for one
 * above it, and might find a workspace the package knows nothing of.
 */
async function workspaceCopy(folder: string, temp: string): Promise<string> {
  const workspace = path.join(temp, WORKSPACE_FOLDER);
  await fs.cp(path.join(folder, WORKSPACE_FOLDER), workspace, { recursive: true }).catch(() => fs.mkdir(workspace, { recursive: true }));
  const config = path.join(workspace, CONFIG_FILE);
  if (!(await fs.stat(config).then(() => true, () => false))) await fs.writeFile(config, '{}\n');
  return workspace;
}

/** Where the re-run wrote the counterpart of a packaged output, or undefined if it makes none. */
function remadePath(name: string, temp: string): string {
  if (name.startsWith(`${DRAWS_FOLDER}/`)) return path.join(temp, 'draws', name.slice(DRAWS_FOLDER.length + 1));
  return path.join(temp, 'out', ...name.slice(RESULTS_FOLDER.length + 1).split('/'));
}

async function compareOutputs(folder: string, record: PackageRecord, temp: string): Promise<{ files: FileComparison[]; notRemade: string[] }> {
  const files: FileComparison[] = [];
  const notRemade: string[] = [];
  for (const file of record.files.filter((f) => f.role === 'output' || f.role === 'draws')) {
    const remade = await sha256OfFile(remadePath(file.name, temp)).catch(() => undefined);
    if (remade === undefined) {
      notRemade.push(file.name);
      continue;
    }
    const packaged = await sha256OfFile(path.join(folder, ...file.name.split('/'))).catch(() => null);
    files.push({ name: file.name, identical: packaged === remade });
  }
  return { files, notRemade };
}

/** The first differing figure: summary.csv's rows first (a simulation), then the main JSON. */
async function firstDifference(folder: string, record: PackageRecord, temp: string, files: FileComparison[]): Promise<FigureDifference | undefined> {
  const differs = (name: string) => files.some((f) => f.name === name && !f.identical);
  const csv = `${RESULTS_FOLDER}/summary.csv`;
  const packaged = (name: string) => path.join(folder, ...name.split('/'));
  if (differs(csv)) {
    const row = await firstRowDifference(packaged(csv), remadePath(csv, temp), csv).catch(() => undefined);
    if (row) return row;
  }
  if (differs(record.mainOutput)) return jsonDifference(packaged(record.mainOutput), remadePath(record.mainOutput, temp), record.mainOutput).catch(() => undefined);
  const other = files.find((f) => !f.identical);
  return other ? { file: other.name, recorded: '', remade: '' } : undefined;
}

export async function verify(options: VerifyOptions): Promise<Verification> {
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'logi-verify-'));
  const forget = onInterrupt(() => fs.rm(temp, { recursive: true, force: true, maxRetries: 3 }));
  try {
    return await verifyIn(temp, options);
  } finally {
    await fs.rm(temp, { recursive: true, force: true, maxRetries: 3 });
    forget();
  }
}

async function verifyIn(temp: string, options: VerifyOptions): Promise<Verification> {
  const folder = await packageFolder(options, temp);
  const record = await readPackageRecord(folder, options.source);
  const manifest = await readRunManifest(path.join(folder, ...record.mainOutput.split('/')));
  const changed = await changedInputs(folder, manifest.inputs);
  const { invocation } = record;
  const base = { command: invocation.command, target: invocation.target, recordedVersion: manifest.version, version: options.version, changedInputs: changed };
  const drawsName = record.files.find((f) => f.role === 'draws')?.name;
  try {
    await rerun(invocation, {
      workspace: await workspaceCopy(folder, temp),
      out: path.join(temp, 'out'),
      drawsFile: path.join(temp, 'draws', drawsName ? drawsName.slice(DRAWS_FOLDER.length + 1) : 'draws.csv'),
      version: options.version,
      workers: options.workers,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    if (!(error instanceof RefusedRun)) throw error;
    // A refused re-run of unchanged inputs is unusable input; of changed inputs, the change is why.
    if (changed.length === 0) throw new UsageError(t('verify.rerun-refused', { reason: error.reason }), t('verify.rerun-refused.hint'));
    return { ...base, reproduced: false, files: [], notRemade: [], refused: error.reason, reasons: likelyReasons(manifest, { version: options.version, streams: STREAM_DERIVATION }, changed) };
  }
  const { files, notRemade } = await compareOutputs(folder, record, temp);
  const reproduced = files.length > 0 && files.every((f) => f.identical) && changed.length === 0;
  if (reproduced) return { ...base, reproduced, files, notRemade, reasons: [] };
  const remadeManifest = await readRunManifest(remadePath(record.mainOutput, temp)).catch(() => undefined);
  const firstDiff = await firstDifference(folder, record, temp, files);
  const current = { version: options.version, streams: remadeManifest?.streams ?? (manifest.streams !== undefined ? STREAM_DERIVATION : undefined) };
  return { ...base, reproduced, files, notRemade, ...(firstDiff ? { firstDifference: firstDiff } : {}), reasons: likelyReasons(manifest, current, changed) };
}
