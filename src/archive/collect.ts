/**
 * What a package holds, gathered from an output folder of `simulate`, `calibrate` or `sweep` and
 * its workspace: every input the manifest names (checked against its SHA-256, so that a package
 * never pairs results with inputs that did not make them), the workspace's `logi.config.yaml`, the
 * outputs `.logi-output.json` lists, the draws file of `simulate --draws`, and the invocation that
 * `logi verify` re-runs (src/archive/invocation.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import { readManifest } from '../io/output-set.js';
import { byCodePoint } from '../language/order.js';
import { CONFIG_FILE, findConfig, loadWorkspace, UsageError, type Workspace } from '../language/workspace.js';
import { type ArchivableCommand, type Invocation, InvocationSchema } from './invocation.js';

/**
 * What a file is to the run: read by it; its workspace's settings; another document of its
 * workspace, which it did not read but which lint reads (a territory names every pyramid it counts,
 * and the re-run lints the workspace as the run did); written by it.
 */
export type FileRole = 'input' | 'configuration' | 'workspace' | 'output' | 'draws';

export interface PackageFile {
  /** Its path in the package, `/`-separated: `workspace/…`, `results/…`, `draws/…`. */
  name: string;
  /** Where its bytes are now. */
  source: string;
  role: FileRole;
  sha256: string;
  size: number;
}

/** The manifest fields every archivable result has (results.json, calibration.json, sweep.json). */
export interface RunManifest {
  version: string;
  seed: number;
  streams?: string;
  inputs: { file: string; sha256: string }[];
}

/** What the scenario says of itself, for the RO-Crate's root (docs/reproducibility.md). */
export interface ScenarioCredits {
  id: string;
  title?: string;
  description?: string;
  authors?: { name: string; orcid?: string; affiliation?: string }[];
  license?: string;
}

export interface CollectedRun {
  invocation: Invocation;
  manifest: RunManifest;
  /** The file of the outputs that holds the manifest: results.json, calibration.json or sweep.json. */
  mainOutput: string;
  files: PackageFile[];
  scenario: ScenarioCredits;
}

/** The file holding each command's manifest. */
export const MAIN_OUTPUT: Record<ArchivableCommand, string> = { simulate: 'results.json', calibrate: 'calibration.json', sweep: 'sweep.json' };

export const WORKSPACE_FOLDER = 'workspace';
export const RESULTS_FOLDER = 'results';
export const DRAWS_FOLDER = 'draws';

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function describeFile(name: string, source: string, role: FileRole): Promise<PackageFile> {
  const stat = await fs.stat(source);
  return { name, source, role, sha256: await sha256OfFile(source), size: stat.size };
}

/** The invocation a folder's `.logi-output.json` records; refused (exit 2) when it has none. */
export async function recordedInvocation(dir: string): Promise<Invocation> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new UsageError(t('archive.not-an-output-folder', { dir }), t('archive.not-an-output-folder.hint'));
  const parsed = InvocationSchema.safeParse(manifest.invocation);
  if (!parsed.success) throw new UsageError(t('archive.no-invocation', { dir, writtenBy: manifest.writtenBy }), t('archive.no-invocation.hint'));
  return parsed.data;
}

/** The manifest of the run's main output file. */
export async function readRunManifest(file: string): Promise<RunManifest> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  const manifest = text === undefined ? undefined : ((JSON.parse(text) as { manifest?: RunManifest }).manifest ?? undefined);
  if (!manifest || typeof manifest.version !== 'string' || !Array.isArray(manifest.inputs)) throw new UsageError(t('archive.no-manifest', { file }), t('archive.no-manifest.hint'));
  return manifest;
}

/** Every file below `dir` (relative, `/`-separated, code-point order), dot-files left out. */
async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesBelow(dir, relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort(byCodePoint);
}

/** The workspace root: `--workspace`, else the folder holding logi.config.yaml above the results, else above the current folder. */
async function workspaceRoot(resultsDir: string, given: string | undefined, cwd: string): Promise<string> {
  if (given !== undefined) return path.resolve(cwd, given);
  const config = (await findConfig(resultsDir)) ?? (await findConfig(cwd));
  if (!config) throw new UsageError(t('archive.no-workspace', { dir: resultsDir }), t('archive.no-workspace.hint'));
  return path.dirname(config);
}

/** The inputs as the manifest names them, each checked against its SHA-256. */
async function inputFiles(root: string, manifest: RunManifest): Promise<PackageFile[]> {
  const files: PackageFile[] = [];
  for (const input of manifest.inputs) {
    const source = path.join(root, ...input.file.split('/'));
    const found = await describeFile(`${WORKSPACE_FOLDER}/${input.file}`, source, 'input').catch(() => undefined);
    if (!found) throw new UsageError(t('archive.input-missing', { file: input.file, root }), t('archive.input-missing.hint'));
    if (found.sha256 !== input.sha256) throw new UsageError(t('archive.input-changed', { file: input.file, recorded: input.sha256, found: found.sha256 }), t('archive.input-changed.hint'));
    files.push(found);
  }
  const config = path.join(root, CONFIG_FILE);
  if (await fs.stat(config).then((s) => s.isFile(), () => false)) files.push(await describeFile(`${WORKSPACE_FOLDER}/${CONFIG_FILE}`, config, 'configuration'));
  return files;
}

async function outputFiles(dir: string, listed: readonly string[]): Promise<PackageFile[]> {
  const files: PackageFile[] = [];
  for (const entry of [...listed].sort(byCodePoint)) {
    const names = entry.endsWith('/') ? (await filesBelow(dir, entry.slice(0, -1)).catch(() => [])) : [entry];
    for (const name of names) {
      const source = path.join(dir, ...name.split('/'));
      if (await fs.stat(source).then((s) => s.isFile(), () => false)) files.push(await describeFile(`${RESULTS_FOLDER}/${name}`, source, 'output'));
    }
  }
  return files;
}

/** The draws file of `simulate --draws`, checked against the hash recorded when it was written. */
async function drawsFile(dir: string, invocation: Invocation): Promise<PackageFile[]> {
  if (invocation.command !== 'simulate' || !invocation.options.draws) return [];
  const { file, sha256 } = invocation.options.draws;
  const source = path.resolve(dir, ...file.split('/'));
  const found = await describeFile(`${DRAWS_FOLDER}/${path.basename(source)}`, source, 'draws').catch(() => undefined);
  if (!found) throw new UsageError(t('archive.draws-missing', { file: source }), t('archive.draws-missing.hint'));
  if (found.sha256 !== sha256) throw new UsageError(t('archive.draws-changed', { file: source }), t('archive.draws-missing.hint'));
  return [found];
}

/** The workspace's documents and posterior samples that are not inputs of the run, below its root. */
async function otherDocuments(workspace: Workspace, taken: readonly PackageFile[]): Promise<PackageFile[]> {
  const have = new Set(taken.map((f) => f.source));
  const readablePosteriors = [...workspace.posteriors].filter(([, text]) => text !== null).map(([file]) => file);
  const candidates = [...new Set([...workspace.files.map((f) => f.absolutePath), ...readablePosteriors])].filter((file) => !have.has(file) && isBelow(workspace.root, file));
  const files: PackageFile[] = [];
  for (const file of candidates.sort(byCodePoint)) {
    const relative = path.relative(workspace.root, file).split(path.sep).join('/');
    const found = await describeFile(`${WORKSPACE_FOLDER}/${relative}`, file, 'workspace').catch(() => undefined);
    if (found) files.push(found);
  }
  return files;
}

function isBelow(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The scenario's (or, for a calibration, its Calibration's scenario's) title, description, authors and licence. */
function scenarioCredits(workspace: Workspace, invocation: Invocation): ScenarioCredits {
  const scenarioId = invocation.command === 'calibrate' ? workspace.index.Calibration.get(invocation.target)?.value.scenario : invocation.target;
  const scenario = scenarioId === undefined ? undefined : workspace.index.Scenario.get(scenarioId)?.value;
  const calibration = invocation.command === 'calibrate' ? workspace.index.Calibration.get(invocation.target)?.value : undefined;
  return {
    id: scenarioId ?? invocation.target,
    ...(calibration?.title ?? scenario?.title ? { title: (calibration?.title ?? scenario?.title)! } : {}),
    ...(scenario?.description !== undefined ? { description: scenario.description } : {}),
    ...(scenario?.authors ? { authors: scenario.authors } : {}),
    ...(scenario?.license ? { license: scenario.license } : {}),
  };
}

/** Gathers the package of the output folder `dir`. */
export async function collectRun(dir: string, options: { workspace?: string; cwd?: string } = {}): Promise<CollectedRun> {
  const cwd = options.cwd ?? process.cwd();
  const resultsDir = path.resolve(cwd, dir);
  const invocation = await recordedInvocation(resultsDir);
  const mainOutput = MAIN_OUTPUT[invocation.command];
  const manifest = await readRunManifest(path.join(resultsDir, mainOutput));
  const root = await workspaceRoot(resultsDir, options.workspace, cwd);
  const listed = (await readManifest(resultsDir))!.files;
  const workspace = await loadWorkspace({ cwd: root });
  const inputs = await inputFiles(root, manifest);
  const files = [...inputs, ...(await otherDocuments(workspace, inputs)), ...(await outputFiles(resultsDir, listed)), ...(await drawsFile(resultsDir, invocation))];
  return { invocation, manifest, mainOutput, files, scenario: scenarioCredits(workspace, invocation) };
}
