/**
 * Parameter sets (docs/language.md, "ParameterSet"; docs/calibration.md): the values a scenario's
 * `parameter-sets` put in place of the YAML's, and the posterior sample of a calibration, whose
 * sets the iterations take in turn (iteration i takes set i mod the number of sets).
 */
import { t } from '../i18n/catalogue.js';
import { explainPathProblem, resolveParameterPath } from '../language/parameter-path.js';
import { posteriorFile, readPosteriorCsv } from '../language/posterior-csv.js';
import type { ParameterSetDocument, ScenarioDocument } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import type { RawParameter } from './distributions/index.js';
import { allowedRange, withinMagnitude } from './distributions/index.js';
import type { ParameterSpec, Place } from './parameters.js';
import { ModelError } from './model-error.js';
import { placeOf } from './place.js';

/** The key of a parameter's place: its file, its document (`Kind:id`) and its path in the document. */
export function placeKey(file: string, document: string | undefined, path: readonly (string | number)[] | undefined): string {
  return `${file}\u0000${document ?? ''}\u0000${JSON.stringify(path ?? [])}`;
}

/** The key of the place a parameter path resolved to. */
const resolvedKey = (resolved: { file: string; document: string; docPath: (string | number)[] }): string => placeKey(resolved.file, resolved.document, resolved.docPath);

export interface ParameterOverrides {
  /** By place key: the value that replaces the YAML's for this scenario. */
  values: Map<string, RawParameter>;
  /** By place key: the path as written and the set that wrote it (for messages). */
  written: Map<string, { path: string; set: string }>;
  /** The parameter set that carries a posterior sample, if any. */
  posterior: { set: LoadedDocument<'ParameterSet'>; absolutePath: string } | null;
  /** Absolute paths of the ParameterSet files used (inputs of the manifest). */
  files: string[];
}


/** Resolves a path written in `doc` at `at`, or stops with the resolver's problem at that place. */
export function resolveOrStop(workspace: Workspace, text: string, doc: LoadedDocument, at: (string | number)[]): { file: string; document: string; docPath: (string | number)[] } {
  const resolved = resolveParameterPath(workspace, text);
  if (!resolved.ok) {
    const explained = explainPathProblem(resolved);
    throw new ModelError(t('sim.sets.bad-path', { path: text, problem: explained.message }), placeOf(doc, at, 'path'), explained.hint ?? t('sim.model.run-lint'));
  }
  return { file: resolved.doc.source.file, document: `${resolved.doc.kind}:${resolved.doc.id}`, docPath: resolved.docPath };
}

/** The overrides of a scenario's `parameter-sets`, applied in order (a later set wins). */
export function parameterOverrides(workspace: Workspace, scenario: ScenarioDocument): ParameterOverrides {
  const overrides: ParameterOverrides = { values: new Map(), written: new Map(), posterior: null, files: [] };
  for (const id of scenario['parameter-sets'] ?? []) {
    const set = workspace.index.ParameterSet.get(id);
    if (!set) throw new ModelError(t('sim.sets.unknown', { set: id }), undefined, t('sim.model.run-lint'));
    overrides.files.push(set.source.absolutePath);
    set.value.values.forEach((entry: ParameterSetDocument['values'][number], k: number) => {
      const key = resolvedKey(resolveOrStop(workspace, entry.path, set, ['values', k, 'path']));
      overrides.values.set(key, entry.value as RawParameter);
      overrides.written.set(key, { path: entry.path, set: id });
    });
    if (set.value.posterior !== undefined) overrides.posterior = { set, absolutePath: posteriorFile(set, set.value.posterior) };
  }
  return overrides;
}

export interface Posterior {
  /** The CSV file, relative to the workspace root (for messages). */
  file: string;
  /** θ slots of its columns, in column order. */
  slots: number[];
  sets: number;
  /** [set][column]. */
  values: Float64Array;
}

/**
 * A posterior sample (src/language/posterior-csv.ts) against the model: every path must name a
 * parameter of the model, every value be in its parameter's range.
 */
export function parsePosterior(text: string, file: string, setDoc: LoadedDocument<'ParameterSet'>, workspace: Workspace, specs: ParameterSpec[]): Posterior {
  const where = (line: number, column: number): Place => ({ name: 'posterior', file, line, column });
  const read = readPosteriorCsv(text);
  if (!read.ok) {
    const problem = read.problem;
    if (problem.kind === 'empty') throw new ModelError(t('sim.sets.posterior-empty', { file }), where(1, 1));
    if (problem.kind === 'width') throw new ModelError(t('sim.sets.posterior-width', { file, line: problem.line, found: problem.found, expected: problem.expected }), where(problem.line, 1));
    throw new ModelError(t('sim.sets.posterior-number', { file, line: problem.line, column: problem.column, value: problem.text }), where(problem.line, problem.column));
  }
  const { paths, rows } = read.table;
  const bySlotKey = new Map(specs.map((spec, i) => [placeKey(spec.file, spec.document, spec.path), i]));
  const slots = paths.map((text, column) => {
    const slot = bySlotKey.get(resolvedKey(resolveOrStop(workspace, text, setDoc, ['posterior'])));
    if (slot === undefined) throw new ModelError(t('sim.sets.posterior-not-used', { path: text, file }), where(1, column + 1));
    return slot;
  });
  const values = new Float64Array(rows.length * slots.length);
  rows.forEach((row, r) => {
    row.forEach((value, k) => {
      const spec = specs[slots[k]!]!;
      if (!allowedRange(spec.constraint).test(value) || !withinMagnitude(value)) {
        throw new ModelError(t('sim.sets.posterior-value', { file, line: r + 2, value: String(value), name: spec.name, expected: allowedRange(spec.constraint).words }), where(r + 2, 1));
      }
      values[r * slots.length + k] = value;
    });
  });
  return { file, slots, sets: rows.length, values };
}

/** Iteration i takes set i mod the number of sets: its values replace those just drawn. */
export function applyPosterior(posterior: Posterior, iteration: number, theta: Float64Array): void {
  const row = iteration % posterior.sets;
  const K = posterior.slots.length;
  for (let k = 0; k < K; k++) theta[posterior.slots[k]!] = posterior.values[row * K + k]!;
}
