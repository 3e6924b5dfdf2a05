/**
 * A Calibration document compiled against its scenario's model (docs/calibration.md): the free
 * parameters (θ slot, prior, bounds) and the targets (what they measure, in indices of the model,
 * and their likelihood). What lint's calibration rules report is refused here too, with the place.
 */
import { t } from '../i18n/catalogue.js';
import { explainPathProblem, resolveParameterPath } from '../language/parameter-path.js';
import type { Target } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import { type Distribution, type RawParameter, toDistribution, Z975 } from '../sim/distributions/index.js';
import { ModelError } from '../sim/model-error.js';
import type { Model } from '../sim/model.js';
import { placeKey } from '../sim/parameter-sets.js';
import { placeOf } from '../sim/place.js';
import type { Constraint, Place } from '../sim/parameters.js';
import type { CompiledMeasure, CompiledTarget } from './evaluate.js';
import type { Likelihood } from './likelihood.js';

export interface FreeParameter {
  path: string;
  slot: number;
  /** What it is and where its value is written (the model's YAML). */
  name: string;
  written: Place;
  prior: Distribution;
  /** The prior as written, or the parameter's own value when no prior is given. */
  priorForm: RawParameter;
  bounds: [number, number];
}

export interface TargetInfo {
  id: string;
  title: string;
  use: 'fit' | 'validation';
  territory: string | null;
  description: string;
  years: number[];
  likelihood: Likelihood;
  compiled: CompiledTarget;
  source: string[];
  place: Place;
}


/** The value at `docPath` in a document's value (the resolver has checked that it is there). */
function valueAt(value: unknown, docPath: (string | number)[]): unknown {
  let at = value;
  for (const segment of docPath) at = (at as Record<string | number, unknown>)[segment];
  return at;
}

/** The widest bounds a parameter's constraint allows. */
export function constraintBounds(constraint: Constraint): [number, number] {
  if (constraint === 'probability') return [0, 1];
  if (constraint === 'positive' || constraint === 'non-negative') return [0, Number.POSITIVE_INFINITY];
  return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
}

export function compileFreeParameters(workspace: Workspace, calibration: LoadedDocument<'Calibration'>, model: Model): FreeParameter[] {
  const bySlotKey = new Map(model.parameters.specs.map((spec, i) => [placeKey(spec.file, spec.document, spec.path), i]));
  return calibration.value.parameters.map((entry, k) => {
    const at = placeOf(calibration, ['parameters', k, 'path'], 'path');
    const resolved = resolveParameterPath(workspace, entry.path);
    if (!resolved.ok) {
      const explained = explainPathProblem(resolved);
      throw new ModelError(t('analysis.path-unresolved', { path: entry.path, problem: explained.message }), at, explained.hint ?? t('analysis.run-lint'));
    }
    const slot = bySlotKey.get(placeKey(resolved.doc.source.file, `${resolved.doc.kind}:${resolved.doc.id}`, resolved.docPath));
    if (slot === undefined) throw new ModelError(t('analysis.path-not-in-scenario', { path: entry.path, scenario: model.scenario }), at, t('analysis.path-not-in-scenario.hint'));
    if (model.parameters.dirichlets.some((d) => slot >= d.first && slot < d.first + d.alphas.length)) throw new ModelError(t('analysis.path-dirichlet', { path: entry.path }), at);
    const spec = model.parameters.specs[slot]!;
    const priorForm = entry.prior ?? valueAt(resolved.doc.value, resolved.docPath);
    const converted = toDistribution(priorForm as RawParameter);
    if (!converted.ok) throw new ModelError(converted.problem.message, placeOf(calibration, ['parameters', k, 'prior'], 'prior'), converted.problem.hint);
    if (converted.distribution.kind === 'fixed') {
      throw new ModelError(t('analysis.prior-fixed', { path: entry.path }), entry.prior === undefined ? at : placeOf(calibration, ['parameters', k, 'prior'], 'prior'), t('analysis.prior-fixed.hint'));
    }
    const bounds = (entry.bounds as [number, number] | undefined) ?? constraintBounds(spec.constraint);
    return { path: entry.path, slot, name: spec.name, written: { name: spec.name, file: spec.file, line: spec.line, column: spec.column }, prior: converted.distribution, priorForm: priorForm as RawParameter, bounds };
  });
}

/** The targets of every Targets document the calibration names, in the order written. */
export function compileTargets(workspace: Workspace, calibration: LoadedDocument<'Calibration'>, model: Model): TargetInfo[] {
  const infos: TargetInfo[] = [];
  for (const id of calibration.value.targets) {
    const doc = workspace.index.Targets.get(id);
    if (!doc) throw new ModelError(t('analysis.unknown-targets', { targets: id }), placeOf(calibration, ['targets', calibration.value.targets.indexOf(id)], 'targets'), t('analysis.run-lint'));
    doc.value.targets.forEach((target, k) => infos.push(compileTarget(doc, target, k, model)));
  }
  return infos;
}

function stateIndices(model: Model, states: string[], doc: LoadedDocument, at: (string | number)[]): number[] {
  return states.map((id, k) => {
    const index = model.states.findIndex((s) => s.id === id);
    if (index < 0) throw new ModelError(t('analysis.unknown-state', { state: id, pyramid: model.pyramid }), placeOf(doc, [...at, k], 'state'), t('analysis.run-lint'));
    return index;
  });
}

function compileMeasure(model: Model, target: Target, doc: LoadedDocument, at: (string | number)[]): CompiledMeasure {
  if (target.count) return { kind: 'count', states: stateIndices(model, target.count, doc, [...at, 'count']) };
  if (target.flow) {
    const from = new Set(stateIndices(model, target.flow.from, doc, [...at, 'flow', 'from']));
    const to = new Set(stateIndices(model, target.flow.to, doc, [...at, 'flow', 'to']));
    const transitions = model.transitions.flatMap((tr, i) => (from.has(tr.from) && to.has(tr.to) ? [i] : []));
    const moves = model.moves.flatMap((m, i) => (from.has(m.from) && to.has(m.to) ? [i] : []));
    return { kind: 'flow', transitions, moves };
  }
  const event = model.events.find((e) => e.name === target.event);
  if (!event) throw new ModelError(t('analysis.unknown-event', { event: target.event!, pyramid: model.pyramid }), placeOf(doc, [...at, 'event'], 'event'), t('analysis.run-lint'));
  return { kind: 'flow', transitions: event.transitions, moves: event.moves };
}

function likelihoodOf(target: Target): Likelihood {
  if (target.likelihood === 'poisson') return { kind: 'poisson', value: target.value };
  if (target.likelihood === 'binomial') return { kind: 'binomial', value: target.value, n: target.n!, scale: target.scale };
  // A 95 % interval [low, high] of a normal: sd = (high − low) / (2 Φ⁻¹(0.975)).
  const sd = target.sd ?? (target.ci95![1] - target.ci95![0]) / (2 * Z975);
  return target.ci95 ? { kind: 'normal', value: target.value, sd, interval: [target.ci95[0], target.ci95[1]] } : { kind: 'normal', value: target.value, sd };
}

function compileTarget(doc: LoadedDocument<'Targets'>, target: Target, k: number, model: Model): TargetInfo {
  const at = ['targets', k];
  const place = placeOf(doc, at, 'target');
  let territories = model.territories.map((_, i) => i);
  if (target.territory !== undefined) {
    const index = model.territories.findIndex((x) => x.id === target.territory);
    if (index < 0) throw new ModelError(t('analysis.target-territory', { target: target.id, territory: target.territory, scenario: model.scenario }), placeOf(doc, [...at, 'territory'], 'territory'), t('analysis.run-lint'));
    territories = [index];
  }
  const years = target.years ? [...target.years] : [target.year!];
  const measure = compileMeasure(model, target, doc, at);
  for (const year of years) {
    if (year > model.horizon || (measure.kind === 'flow' && year < 1)) {
      throw new ModelError(t('analysis.target-year', { target: target.id, year, horizon: model.horizon }), placeOf(doc, [...at, target.years ? 'years' : 'year'], 'year'), t('analysis.target-year.hint'));
    }
  }
  const denominator = target.per === undefined ? null : target.per === 'population' ? { kind: 'population' as const } : { kind: 'count' as const, states: stateIndices(model, target.per.count, doc, [...at, 'per', 'count']) };
  const compiled: CompiledTarget = { territories, measure, denominator, scale: target.scale, years, change: target.change === 'annual' };
  const source = target.source === undefined ? [] : Array.isArray(target.source) ? target.source : [target.source];
  return { id: target.id, title: target.title, use: target.use, territory: target.territory ?? null, description: describe(target, years), years, likelihood: likelihoodOf(target), compiled, source, place };
}

/** What the target measures, in the run's language. */
function describe(target: Target, years: number[]): string {
  const what = target.count
    ? t('analysis.describe.count', { states: target.count.join(', ') })
    : target.flow
      ? t('analysis.describe.flow', { from: target.flow.from.join(', '), to: target.flow.to.join(', ') })
      : t('analysis.describe.event', { event: target.event! });
  const per = target.per === undefined ? '' : target.per === 'population' ? t('analysis.describe.per-population', { scale: target.scale }) : t('analysis.describe.per-count', { states: target.per.count.join(', '), scale: target.scale });
  const when = target.change ? t('analysis.describe.change', { first: years[0]!, last: years[1]! }) : t('analysis.describe.year', { year: years[0]! });
  return `${what}${per}${when}`;
}
