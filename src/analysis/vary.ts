/**
 * `--vary PATH=VALUES` of `logi sweep` (docs/sensitivity.md, "Sweeps"): what is varied and the
 * grid of its values.
 * - PATH `coverage.<stratum>`: the program arm's coverage of that stratum, the whole of it (a ramp,
 *   a value relative to the baseline) replaced by the constant value, every year;
 * - any other PATH: a parameter path, as a ParameterSet writes it (src/language/parameter-path.ts,
 *   docs/language.md "Parameter paths"), e.g. `diabete-t2 transitions S1->S2 p`; the value
 *   replaces the parameter's number or distribution, as a ParameterSet entry would.
 * - VALUES `LO..HI:N`: N evenly spaced values from LO to HI, LO + k(HI − LO)/(N − 1), k = 0…N − 1,
 *   each rounded to 12 significant digits (so that 0.1..0.8:8 gives 0.1, 0.2, … 0.8 as written,
 *   not 0.30000000000000004); or `a,b,c`: those values, in that order.
 */
import { t } from '../i18n/catalogue.js';
import { explainPathProblem, resolveParameterPath } from '../language/parameter-path.js';
import { UsageError, type Workspace } from '../language/workspace.js';
import { allowedRange, type Constraint, withinMagnitude } from '../sim/distributions/index.js';
import type { Model } from '../sim/model.js';
import { placeKey } from '../sim/parameter-sets.js';
import { withFixedValues } from './scenario-runs.js';

/** The most values a grid may have: each is a whole run of the scenario. */
export const MAX_GRID_VALUES = 100;

export type VaryTarget = { kind: 'coverage'; stratum: string } | { kind: 'parameter'; path: string };

export interface VarySpec {
  /** PATH as written (trimmed). */
  path: string;
  target: VaryTarget;
  values: number[];
}

/** A decimal number as YAML and JavaScript write it (no hexadecimal, no `Infinity`, no empty text). */
export const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const COVERAGE = /^coverage\.(.+)$/;

function parseNumber(text: string, vary: string): number {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) throw new UsageError(t('sensitivity.vary.not-a-number', { text: trimmed, vary }), t('sensitivity.vary.syntax'));
  return Number(trimmed);
}

/** The grid of `LO..HI:N` or `a,b,c`. */
export function parseGrid(text: string, vary: string): number[] {
  const range = /^(.*)\.\.(.*):(.*)$/.exec(text.trim());
  let values: number[];
  if (range) {
    const [low, high] = [parseNumber(range[1]!, vary), parseNumber(range[2]!, vary)];
    const count = range[3]!.trim();
    if (!/^\d+$/.test(count) || Number(count) < 2) throw new UsageError(t('sensitivity.vary.count', { count, vary }), t('sensitivity.vary.syntax'));
    if (!(low < high)) throw new UsageError(t('sensitivity.vary.order', { low, high, vary }), t('sensitivity.vary.order.hint'));
    const n = Number(count);
    if (n > MAX_GRID_VALUES) throw new UsageError(t('sensitivity.vary.too-many', { count: n, max: MAX_GRID_VALUES }), t('sensitivity.vary.too-many.hint'));
    values = Array.from({ length: n }, (_, k) => (k === n - 1 ? high : Number((low + (k * (high - low)) / (n - 1)).toPrecision(12))));
  } else {
    if (text.includes('..')) throw new UsageError(t('sensitivity.vary.bad-range', { vary }), t('sensitivity.vary.syntax'));
    values = text.split(',').map((part) => parseNumber(part, vary));
    if (values.length > MAX_GRID_VALUES) throw new UsageError(t('sensitivity.vary.too-many', { count: values.length, max: MAX_GRID_VALUES }), t('sensitivity.vary.too-many.hint'));
  }
  return values;
}

/** `PATH=VALUES`, split at the last `=` (a path has none; values have none). */
export function parseVary(text: string): VarySpec {
  const at = text.lastIndexOf('=');
  if (at < 0) throw new UsageError(t('sensitivity.vary.no-equals', { vary: text }), t('sensitivity.vary.syntax'));
  const path = text.slice(0, at).trim();
  if (path.length === 0) throw new UsageError(t('sensitivity.vary.no-path', { vary: text }), t('sensitivity.vary.syntax'));
  const values = parseGrid(text.slice(at + 1), text);
  const coverage = COVERAGE.exec(path);
  return { path, target: coverage ? { kind: 'coverage', stratum: coverage[1]! } : { kind: 'parameter', path }, values };
}

/** What a varied value does to the model. */
export interface Variation {
  /** What is varied, in words (the current language). */
  title: string;
  /** The model with the value in place. */
  apply(value: number): Model;
  /** True when the value changes nothing the baseline arm reads (a program coverage): every grid point has the same baseline. */
  baselineUnchanged: boolean;
}

/** The program arm's coverage of a stratum, replaced by a constant (a share: in [0, 1]). */
function coverageVariation(model: Model, stratum: string): { variation: Variation; constraint: Constraint } {
  const program = model.arms[1]!;
  const covered = model.states.slice(0, model.strataCount).flatMap((state, s) => (program.strata[s] ? [state.id] : []));
  const s = model.states.findIndex((state, k) => k < model.strataCount && state.id === stratum);
  if (s < 0 || !program.strata[s]) {
    const problem = s < 0 ? t('sensitivity.vary.unknown-stratum', { stratum, pyramid: model.pyramid }) : t('sensitivity.vary.uncovered', { stratum, program: program.id });
    throw new UsageError(problem, t('sensitivity.vary.covered', { strata: covered.map((id) => `coverage.${id}`) }));
  }
  const plan = program.strata[s]!;
  // The coverage of year 1 takes the value, and is the only year's: the last value of a ramp holds.
  const slot = plan.coverage.slots[0]!;
  const variation: Variation = {
    title: t('sensitivity.vary.coverage-title', { stratum, program: program.id }),
    baselineUnchanged: true,
    apply: (value) => {
      const fixed = withFixedValues(model, new Map([[slot, value]]));
      const strata = program.strata.map((entry, k) => (k === s ? { ...plan, coverage: { slots: [slot], relativeTo: null } } : entry));
      return { ...fixed, arms: fixed.arms.map((arm, a) => (a === 1 ? { ...arm, strata } : arm)) };
    },
  };
  return { variation, constraint: 'probability' };
}

/** A parameter named by its path, fixed at the value (in its constraint's range). */
function parameterVariation(workspace: Workspace, model: Model, path: string): { variation: Variation; constraint: Constraint } {
  const resolved = resolveParameterPath(workspace, path);
  if (!resolved.ok) {
    const explained = explainPathProblem(resolved);
    throw new UsageError(t('analysis.path-unresolved', { path, problem: explained.message }), explained.hint ?? t('sensitivity.vary.syntax'));
  }
  const key = placeKey(resolved.doc.source.file, `${resolved.doc.kind}:${resolved.doc.id}`, resolved.docPath);
  const slot = model.parameters.specs.findIndex((spec) => placeKey(spec.file, spec.document, spec.path) === key);
  if (slot < 0) throw new UsageError(t('analysis.path-not-in-scenario', { path, scenario: model.scenario }), t('analysis.path-not-in-scenario.hint'));
  const spec = model.parameters.specs[slot]!;
  return { constraint: spec.constraint, variation: { title: spec.name, baselineUnchanged: false, apply: (value) => withFixedValues(model, new Map([[slot, value]])) } };
}

/**
 * The variation of a `--vary` against the model, with every value of its grid checked against what
 * the varied quantity stands for (a coverage in [0, 1]; a parameter in its constraint's range).
 */
export function variationOf(workspace: Workspace, model: Model, vary: VarySpec): Variation {
  const { variation, constraint } = vary.target.kind === 'coverage' ? coverageVariation(model, vary.target.stratum) : parameterVariation(workspace, model, vary.path);
  const range = allowedRange(constraint);
  const outside = vary.values.find((value) => !range.test(value) || !withinMagnitude(value));
  if (outside !== undefined) throw new UsageError(t('sensitivity.vary.out-of-range', { value: outside, path: vary.path, expected: range.words }), t('sensitivity.vary.out-of-range.hint'));
  return variation;
}
