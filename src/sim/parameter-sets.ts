/**
 * Parameter sets (docs/language.md, "ParameterSet"; docs/calibration.md): the values a scenario's
 * `parameter-sets` put in place of the YAML's, and the posterior sample of a calibration, whose
 * sets the iterations take in turn (iteration i takes set i mod the number of sets).
 */
import { t } from '../i18n/catalogue.js';
import { explainPathProblem, resolveParameterPath } from '../language/parameter-path.js';
import type { ParameterSetDocument, ScenarioDocument } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import type { RawParameter } from './distributions/index.js';
import { allowedRange, withinMagnitude } from './distributions/index.js';
import type { ParameterSpec, Place } from './parameters.js';
import { ModelError } from './model-error.js';
import { locate } from '../language/source.js';

/** The key of a parameter's place: its file and its path in the document. */
export function placeKey(file: string, path: readonly (string | number)[] | undefined): string {
  return `${file}\u0000${JSON.stringify(path ?? [])}`;
}

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

function placeIn(doc: LoadedDocument, docPath: (string | number)[], name: string): Place {
  const range = locate(doc.source, doc.document, docPath);
  return { name, file: doc.source.file, line: range.start.line, column: range.start.column, path: docPath };
}

/** Resolves a path written in `doc` at `at`, or stops with the resolver's problem at that place. */
export function resolveOrStop(workspace: Workspace, text: string, doc: LoadedDocument, at: (string | number)[]): { file: string; docPath: (string | number)[] } {
  const resolved = resolveParameterPath(workspace, text);
  if (!resolved.ok) {
    const explained = explainPathProblem(resolved);
    throw new ModelError(t('sim.sets.bad-path', { path: text, problem: explained.message }), placeIn(doc, at, 'path'), explained.hint ?? t('sim.model.run-lint'));
  }
  return { file: resolved.doc.source.file, docPath: resolved.docPath };
}

/** The overrides of a scenario's `parameter-sets`, applied in order (a later set wins). */
export function parameterOverrides(workspace: Workspace, scenario: ScenarioDocument): ParameterOverrides {
  const overrides: ParameterOverrides = { values: new Map(), written: new Map(), posterior: null, files: [] };
  for (const id of scenario['parameter-sets'] ?? []) {
    const set = workspace.index.ParameterSet.get(id);
    if (!set) throw new ModelError(t('sim.sets.unknown', { set: id }), undefined, t('sim.model.run-lint'));
    overrides.files.push(set.source.absolutePath);
    set.value.values.forEach((entry: ParameterSetDocument['values'][number], k: number) => {
      const { file, docPath } = resolveOrStop(workspace, entry.path, set, ['values', k, 'path']);
      overrides.values.set(placeKey(file, docPath), entry.value as RawParameter);
      overrides.written.set(placeKey(file, docPath), { path: entry.path, set: id });
    });
    if (set.value.posterior !== undefined) {
      const directory = set.source.absolutePath.slice(0, set.source.absolutePath.length - set.source.file.split('/').pop()!.length);
      overrides.posterior = { set, absolutePath: directory + set.value.posterior };
    }
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
 * Reads a posterior sample: a header line of parameter paths, then one line per set of numbers
 * (`.` as decimal separator, `,` between fields). Every path must name a parameter of the model,
 * every value be finite and in its parameter's range.
 */
export function parsePosterior(text: string, file: string, setDoc: LoadedDocument<'ParameterSet'>, workspace: Workspace, specs: ParameterSpec[]): Posterior {
  const lines = text.split(/\r?\n/).filter((line, k, all) => line.length > 0 || k < all.length - 1);
  const where = (line: number, column: number, name: string): Place => ({ name, file, line, column });
  if (lines.length < 2) throw new ModelError(t('sim.sets.posterior-empty', { file }), where(1, 1, 'posterior'));
  const bySlotKey = new Map(specs.map((spec, i) => [placeKey(spec.file, spec.path), i]));
  const paths = lines[0]!.split(',').map((p) => p.trim().replace(/^"(.*)"$/, '$1'));
  const slots = paths.map((text, column) => {
    const { file: docFile, docPath } = resolveOrStop(workspace, text, setDoc, ['posterior']);
    const slot = bySlotKey.get(placeKey(docFile, docPath));
    if (slot === undefined) throw new ModelError(t('sim.sets.posterior-not-used', { path: text, file }), where(1, column + 1, 'posterior'));
    return slot;
  });
  const sets = lines.length - 1;
  const values = new Float64Array(sets * slots.length);
  for (let row = 0; row < sets; row++) {
    const fields = lines[row + 1]!.split(',');
    if (fields.length !== slots.length) throw new ModelError(t('sim.sets.posterior-width', { file, line: row + 2, found: fields.length, expected: slots.length }), where(row + 2, 1, 'posterior'));
    fields.forEach((field, k) => {
      const value = Number(field.trim());
      const spec = specs[slots[k]!]!;
      if (field.trim() === '' || !Number.isFinite(value) || !allowedRange(spec.constraint).test(value) || !withinMagnitude(value)) {
        throw new ModelError(t('sim.sets.posterior-value', { file, line: row + 2, value: field.trim(), name: spec.name, expected: allowedRange(spec.constraint).words }), where(row + 2, 1, 'posterior'));
      }
      values[row * slots.length + k] = value;
    });
  }
  return { file, slots, sets, values };
}

/** Iteration i takes set i mod the number of sets: its values replace those just drawn. */
export function applyPosterior(posterior: Posterior, iteration: number, theta: Float64Array): void {
  const row = iteration % posterior.sets;
  const K = posterior.slots.length;
  for (let k = 0; k < K; k++) theta[posterior.slots[k]!] = posterior.values[row * K + k]!;
}
