/**
 * From a validated Pyramid to the criterion trees of src/criteria/types.ts (docs/stratify.md, "The
 * criteria language" and "Assignment"): shorthands expanded (`ald: E11*`, `nyha: {gte: 3}`,
 * `diagnosis: E11*`, `territory: douaisis`), defaults stated (`min-count` 1, `ald` false, `value`
 * latest), code patterns normalised (upper case, dots and spaces removed), and each node with the
 * YAML path it was written at, for the lint rules.
 *
 * A mapping of several criterion keys is `all` of them, in the order of CRITERION_KEYS (the order
 * of docs/stratify.md's table): a YAML mapping has no order, and the validated value does not keep
 * the one written. Lists (`all`, `any`) keep their order.
 */
import type { CriterionInput, PyramidDocument, StratumCriteriaInput } from '../language/schemas/index.js';
import { CRITERION_KEYS, type CriterionKey } from '../language/schemas/index.js';
import { parsePattern } from './codes.js';
import type { CodePatterns, Criterion, LabTest, LocatedCriterion, NumericTest, StratumCriteria } from './types.js';

export type CriterionPath = (string | number)[];

/** The code system a pattern is written in: diagnoses and stays in ICD-10, dispensations in ATC, acts in several. */
export type CodeSystem = 'icd10' | 'atc' | 'act';

/** One code pattern as written, with its path and system: what criteria-code-shape checks. */
export interface PatternAt {
  pattern: string;
  path: CriterionPath;
  system: CodeSystem;
}

/** A criterion node with where it was written: its children (of `all`, `any`, `not`) and, for atoms, its code patterns. */
export interface CriterionNode extends LocatedCriterion {
  children: CriterionNode[];
  patterns: PatternAt[];
}

export interface PyramidCriteria {
  pyramid: string;
  population?: Criterion;
  /** `['population']`, when the pyramid states one (populationTree gives the path of each node). */
  populationPath?: CriterionPath;
  /** Pyramid order: the bottom stratum (first listed) first. */
  strata: StratumCriteria[];
}

/** A stratum's criteria with their tree, for lint: `tree` is absent for free text. */
export interface LocatedStratumCriteria {
  index: number;
  criteria: StratumCriteria;
  /** The path of the stratum's `criteria`. */
  path: CriterionPath;
  tree?: CriterionNode;
}

/** The criteria of every stratum and the population, ready for assignment. */
export function pyramidCriteria(pyramid: PyramidDocument): PyramidCriteria {
  const population = populationTree(pyramid);
  return {
    pyramid: pyramid.id,
    ...(population ? { population: population.criterion, populationPath: ['population'] } : {}),
    strata: locatedStrata(pyramid).map((s) => s.criteria),
  };
}

/** The population's criterion with its paths, when the pyramid states one. */
export function populationTree(pyramid: PyramidDocument): CriterionNode | undefined {
  return pyramid.population === undefined ? undefined : criterionTree(pyramid.population, ['population']);
}

/** Every stratum's criteria with its tree and paths, in pyramid order. */
export function locatedStrata(pyramid: PyramidDocument): LocatedStratumCriteria[] {
  return pyramid.strata.map((stratum, index) => {
    const path: CriterionPath = ['strata', index, 'criteria'];
    const tree = stratum.criteria === undefined ? undefined : stratumTree(stratum.criteria, path);
    return { index, path, criteria: stratumCriteria(stratum.id, stratum.criteria, tree), ...(tree ? { tree } : {}) };
  });
}

function stratumCriteria(stratum: string, input: StratumCriteriaInput | undefined, tree: CriterionNode | undefined): StratumCriteria {
  if (input === undefined) return { stratum };
  if (typeof input === 'string') return { stratum, description: input };
  return {
    stratum,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(tree ? { rule: tree.criterion } : {}),
    ...(input.priority === undefined ? {} : { priority: input.priority }),
  };
}

/** A stratum's structured criterion (its criterion keys), or undefined for free text or a mapping without criterion keys. */
function stratumTree(input: StratumCriteriaInput, path: CriterionPath): CriterionNode | undefined {
  if (typeof input === 'string') return undefined;
  const criterion: CriterionInput = {};
  for (const key of CRITERION_KEYS) if (input[key] !== undefined) (criterion as Record<string, unknown>)[key] = input[key];
  return CRITERION_KEYS.some((key) => input[key] !== undefined) ? criterionTree(criterion, path) : undefined;
}

/**
 * The strata assignment evaluates, in order (docs/stratify.md, "Assignment"): those with a
 * `priority`, highest first (ties: higher in the pyramid first), then those without one from the
 * top of the pyramid down. The bottom stratum and strata without a structured criterion are left out.
 */
export function assignmentOrder(criteria: Pick<PyramidCriteria, 'strata'>): StratumCriteria[] {
  const evaluated = criteria.strata.map((stratum, index) => ({ stratum, index })).filter(({ stratum, index }) => index > 0 && stratum.rule !== undefined);
  const prioritised = evaluated.filter((s) => s.stratum.priority !== undefined).sort((a, b) => b.stratum.priority! - a.stratum.priority! || b.index - a.index);
  const rest = evaluated.filter((s) => s.stratum.priority === undefined).sort((a, b) => b.index - a.index);
  return [...prioritised, ...rest].map((s) => s.stratum);
}

/** The criterion of a mapping of criterion keys written at `path`: one key is that criterion, several are `all` of them. */
export function criterionTree(input: CriterionInput, path: CriterionPath): CriterionNode {
  const keys = CRITERION_KEYS.filter((key) => input[key] !== undefined);
  const nodes = keys.map((key) => keyNode(key, input, [...path, key]));
  if (nodes.length === 1) return nodes[0]!;
  return { criterion: { kind: 'all', of: nodes.map((n) => n.criterion) }, path, children: nodes, patterns: [] };
}

/** The criterion of a mapping written anywhere, without its paths. */
export function parseCriterion(input: CriterionInput): Criterion {
  return criterionTree(input, []).criterion;
}

function keyNode(key: CriterionKey, input: CriterionInput, path: CriterionPath): CriterionNode {
  switch (key) {
    case 'all':
    case 'any': {
      const children = input[key]!.map((child, i) => criterionTree(child, [...path, i]));
      return { criterion: { kind: key, of: children.map((c) => c.criterion) }, path, children, patterns: [] };
    }
    case 'not': {
      const child = criterionTree(input.not!, path);
      return { criterion: { kind: 'not', of: child.criterion }, path, children: [child], patterns: [] };
    }
    case 'age':
      return atom({ kind: 'age', test: numericTest(input.age!) }, path);
    case 'sex':
      return atom({ kind: 'sex', sex: input.sex! }, path);
    case 'territory': {
      const ids = input.territory!;
      return atom({ kind: 'territory', ids: typeof ids === 'string' ? [ids] : [...ids] }, path);
    }
    default:
      return recordsNode(key, input, path);
  }
}

/** The atoms that count rows of a table: diagnoses, dispensations, labs, stays, acts. */
function recordsNode(key: CriterionKey, input: CriterionInput, path: CriterionPath): CriterionNode {
  switch (key) {
    case 'diagnosis': {
      const value = input.diagnosis!;
      if (isPatterns(value)) return codesAtom({ kind: 'diagnosis', codes: [], minCount: 1, ald: false }, value, path, 'icd10');
      const base = { kind: 'diagnosis' as const, codes: [], ...window(value.within), minCount: value['min-count'] ?? 1, ald: value.ald ?? false };
      return codesAtom(base, value.codes, path, 'icd10', [...path, 'codes']);
    }
    case 'ald':
      return codesAtom({ kind: 'diagnosis', codes: [], minCount: 1, ald: true }, input.ald!, path, 'icd10');
    case 'dispensation': {
      const value = input.dispensation!;
      if (isPatterns(value)) return codesAtom({ kind: 'dispensation', atc: [], minCount: 1 }, value, path, 'atc');
      return codesAtom({ kind: 'dispensation', atc: [], ...window(value.within), minCount: value['min-count'] ?? 1 }, value.atc, path, 'atc', [...path, 'atc']);
    }
    case 'act': {
      const value = input.act!;
      if (isPatterns(value)) return codesAtom({ kind: 'act', codes: [], minCount: 1 }, value, path, 'act');
      return codesAtom({ kind: 'act', codes: [], ...window(value.within), minCount: value['min-count'] ?? 1 }, value.codes, path, 'act', [...path, 'codes']);
    }
    case 'stay': {
      const value = input.stay!;
      const base = { kind: 'stay' as const, ...window(value.within), minCount: value['min-count'] ?? 1 };
      if (value['main-diagnosis'] === undefined) return atom(base, path);
      return codesAtom({ ...base, mainDiagnosis: [] }, value['main-diagnosis'], path, 'icd10', [...path, 'main-diagnosis']);
    }
    case 'lab': {
      const value = input.lab!;
      return atom({ kind: 'lab', lab: value.test as LabTest, value: value.value ?? 'latest', ...window(value.within), test: numericTest(value) }, path);
    }
    case 'nyha': {
      const value = input.nyha!;
      return atom({ kind: 'lab', lab: 'nyha', value: 'latest', ...window(value.within), test: numericTest(value) }, path);
    }
    default:
      throw new Error(`criterion key ${key} is not a records criterion`);
  }
}

function atom(criterion: Criterion, path: CriterionPath): CriterionNode {
  return { criterion, path, children: [], patterns: [] };
}

type CodesCriterion = Extract<Criterion, { kind: 'diagnosis' | 'dispensation' | 'act' | 'stay' }>;

/**
 * An atom at `path` whose code patterns are `written` at `at` (one pattern, or a list), normalised
 * into the criterion's code list.
 */
function codesAtom(criterion: CodesCriterion, written: string | string[], path: CriterionPath, system: CodeSystem, at: CriterionPath = path): CriterionNode {
  const patterns: PatternAt[] = typeof written === 'string' ? [{ pattern: written, path: at, system }] : written.map((pattern, i) => ({ pattern, path: [...at, i], system }));
  const codes: CodePatterns = patterns.map((p) => normalizePattern(p.pattern));
  const filled: Criterion =
    criterion.kind === 'dispensation' ? { ...criterion, atc: codes } : criterion.kind === 'stay' ? { ...criterion, mainDiagnosis: codes } : { ...criterion, codes };
  return { criterion: filled, path, children: [], patterns };
}

/** `E11*` stays a prefix, `e11.9` becomes `E119`: the form types.ts' CodePatterns holds. */
function normalizePattern(pattern: string): string {
  const { code, prefix } = parsePattern(pattern);
  return prefix ? `${code}*` : code;
}

function isPatterns(value: unknown): value is string | string[] {
  return typeof value === 'string' || Array.isArray(value);
}

function window(within: number | undefined): { withinMonths?: number } {
  return within === undefined ? {} : { withinMonths: within };
}

/** The bounds stated, and only those. */
function numericTest(bounds: NumericTest): NumericTest {
  const test: NumericTest = {};
  for (const key of ['lt', 'lte', 'gt', 'gte', 'eq'] as const) if (bounds[key] !== undefined) test[key] = bounds[key];
  if (bounds.in !== undefined) test.in = [...bounds.in];
  if (bounds.between !== undefined) test.between = [bounds.between[0], bounds.between[1]];
  return test;
}
