/**
 * `logi calibrate` as a library (docs/calibration.md): a Calibration document → its scenario's
 * model in `expected` mode → a maximum-likelihood point (Nelder–Mead) and a posterior sample
 * (sampling-importance-resampling from the priors, IMIS when its effective sample size is too
 * small) → a `CalibrationResult`, the posterior sample and the point estimate.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import { lint } from '../lint/engine.js';
import { byCodePoint } from '../language/order.js';
import { UsageError, type LoadedDocument, type Workspace } from '../language/workspace.js';
import { compileModel, hashInputs, type Model } from '../sim/model.js';
import { centralParameters } from '../sim/parameters.js';
import { InvalidInputError } from '../sim/simulate.js';
import { compileFreeParameters, compileTargets, type FreeParameter, type TargetInfo } from './compile.js';
import { Evaluations } from './evaluations.js';
import { runSearch, type SearchOutcome } from './search.js';
import { buildResult } from './summary.js';
import type { CalibrationResult } from './result.js';

export interface CalibrateOptions {
  /** A Calibration id, or the path of a YAML file holding one. */
  calibration: string;
  cwd?: string;
  version: string;
  workers?: number;
  /** Overrides of the document's `draws`, `seed`. */
  draws?: number;
  seed?: number;
  onProgress?: (phase: 'point' | 'prior' | 'imis' | 'posterior', done: number, total: number) => void;
}

export interface Calibration {
  model: Model;
  document: LoadedDocument<'Calibration'>;
  free: FreeParameter[];
  targets: TargetInfo[];
  result: CalibrationResult;
  /** The posterior sample, [set][free parameter], in the order resampled. */
  posterior: Float64Array[];
}

/** The Calibration document named by id or by its file. */
async function findCalibration(workspace: Workspace, name: string, cwd: string): Promise<LoadedDocument<'Calibration'>> {
  const candidate = path.resolve(cwd, name);
  const stat = await fs.stat(candidate).catch(() => undefined);
  if (stat?.isFile()) {
    const inFile = [...workspace.index.Calibration.values()].filter((c) => c.source.absolutePath === candidate);
    if (inFile.length !== 1) throw new UsageError(t('analysis.file-calibrations', { file: name, count: inFile.length }));
    return inFile[0]!;
  }
  const found = workspace.index.Calibration.get(name);
  if (!found) throw new UsageError(t('analysis.unknown-calibration', { calibration: name, root: workspace.root }), t('analysis.unknown-calibration.hint', { calibrations: [...workspace.index.Calibration.keys()] }));
  return found;
}

export async function calibrate(options: CalibrateOptions): Promise<Calibration> {
  const cwd = options.cwd ?? process.cwd();
  const checked = await lint({ cwd });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InvalidInputError(errors);
  const workspace = checked.workspace;
  const document = await findCalibration(workspace, options.calibration, cwd);
  // The values as written, without the scenario's parameter sets: a calibration does not start from
  // (nor hash) a previous calibration's output, so that running it again gives the same bytes.
  const model = await compileModel(workspace, document.value.scenario, { mode: 'expected', withoutParameterSets: true }, (file) => fs.readFile(file));
  const free = compileFreeParameters(workspace, document, model);
  const targets = compileTargets(workspace, document, model);
  const settings = {
    draws: options.draws ?? document.value.draws,
    sample: document.value.sample,
    minEss: document.value['min-ess'],
    seed: options.seed ?? document.value.seed ?? model.seed,
  };
  const evaluations = await Evaluations.start(model, targets, free, centralParameters(model.parameters), options.workers);
  try {
    const outcome: SearchOutcome = await runSearch({ model, free, targets, evaluations, settings, onProgress: options.onProgress });
    const inputs = await hashCalibrationInputs(workspace, model, document, targets);
    const result = buildResult({ model, document, free, targets, outcome, settings, version: options.version, inputs, runs: evaluations.runs });
    return { model, document, free, targets, result, posterior: outcome.posterior };
  } finally {
    await evaluations.close();
  }
}

/** The model's inputs, the Calibration's and the Targets' files, hashed, in code-point order (src/sim/model.ts, hashInputs). */
async function hashCalibrationInputs(workspace: Workspace, model: Model, document: LoadedDocument<'Calibration'>, targets: TargetInfo[]): Promise<{ file: string; sha256: string }[]> {
  const extra = new Set<string>([document.source.absolutePath]);
  for (const target of targets) {
    const doc = [...workspace.index.Targets.values()].find((d) => d.source.file === target.place.file);
    if (doc) extra.add(doc.source.absolutePath);
  }
  const known = new Map(model.inputs.map((input) => [input.file, input.sha256]));
  for (const input of await hashInputs(workspace, extra, (file) => fs.readFile(file))) known.set(input.file, input.sha256);
  return [...known].map(([file, sha256]) => ({ file, sha256 })).sort((a, b) => byCodePoint(a.file, b.file));
}
