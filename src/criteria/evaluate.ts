/**
 * The reference evaluator of stratum criteria (docs/stratify.md): one patient held in memory, a
 * reference date asOf. It is the oracle the SQL compiler is compared with and the check of the
 * synthetic-population generator, so it follows the document literally rather than fast.
 */
import { normalizeCode, parsePattern, type ParsedPattern } from './codes.js';
import { ageAt, minusMonths } from './dates.js';
import { describeCriterion, LAB_LABELS } from './describe.js';
import { assignmentOrder } from './parse.js';
import { LAB_TESTS, type Criterion, type LabTest, type NumericTest, type StratumCriteria } from './types.js';

export interface PatientDiagnosis {
  code: string;
  date: string;
  ald: boolean;
}
export interface PatientDispensation {
  atc: string;
  date: string;
}
export interface PatientLab {
  test: string;
  value: number;
  date: string;
}
export interface PatientStay {
  admission: string;
  discharge?: string;
  mainDiagnosis: string;
}
export interface PatientAct {
  code: string;
  date: string;
}

/** One patient's rows of every table of docs/stratify.md "Input data"; dates `YYYY-MM-DD`. */
export interface Patient {
  patientId: string;
  birthDate: string;
  sex: 'F' | 'M';
  territory: string;
  deathDate?: string;
  diagnoses: PatientDiagnosis[];
  dispensations: PatientDispensation[];
  labs: PatientLab[];
  stays: PatientStay[];
  acts: PatientAct[];
}

/** What assignment reads of a pyramid (the shape of parse.ts's PyramidCriteria). */
export interface AssignablePyramid {
  population?: Criterion;
  /** Pyramid order: the bottom stratum (first listed) first. */
  strata: StratumCriteria[];
}

export const OUTSIDE = 'outside';

export interface Assignment {
  /** A stratum id, or `outside`. */
  stratum: string;
  reason: string;
}

export function passesTest(value: number, test: NumericTest): boolean {
  if (test.lt !== undefined && !(value < test.lt)) return false;
  if (test.lte !== undefined && !(value <= test.lte)) return false;
  if (test.gt !== undefined && !(value > test.gt)) return false;
  if (test.gte !== undefined && !(value >= test.gte)) return false;
  if (test.eq !== undefined && value !== test.eq) return false;
  if (test.in !== undefined && !test.in.includes(value)) return false;
  if (test.between !== undefined && !(value >= test.between[0] && value <= test.between[1])) return false;
  return true;
}

/** The patterns of a criterion, parsed once (criteria trees live as long as a run). */
const parsedPatterns = new WeakMap<readonly string[], ParsedPattern[]>();
/** Normalised codes, memoised: data repeat a small vocabulary of codes. */
const normalizedCodes = new Map<string, string>();

function normalized(code: string): string {
  let n = normalizedCodes.get(code);
  if (n === undefined) {
    if (normalizedCodes.size > 65536) normalizedCodes.clear();
    normalizedCodes.set(code, (n = normalizeCode(code)));
  }
  return n;
}

/** codes.ts's matchesAny, with the patterns parsed once and the codes' normalisation memoised. */
function matchesAny(code: string, patterns: readonly string[]): boolean {
  let parsed = parsedPatterns.get(patterns);
  if (parsed === undefined) parsedPatterns.set(patterns, (parsed = patterns.map(parsePattern)));
  const n = normalized(code);
  for (const { code: c, prefix } of parsed) if (prefix ? n.startsWith(c) : n === c) return true;
  return false;
}

/** Whether a row dated `date` is in the window of `withinMonths` ending at asOf (no window: on or before asOf). */
export function inWindow(date: string, asOf: string, withinMonths: number | undefined): boolean {
  if (date > asOf) return false;
  return withinMonths === undefined || date > minusMonths(asOf, withinMonths);
}

/** The latest of `rows` by date; on the latest date, the smallest by `key` (code-point order), so that the choice never depends on row order. */
function latestOf<T>(rows: readonly T[], dateOf: (row: T) => string, key: (row: T) => string): T | undefined {
  let best: T | undefined;
  for (const row of rows) {
    if (best === undefined) best = row;
    else {
      const d = dateOf(row);
      const bd = dateOf(best);
      if (d > bd || (d === bd && key(row) < key(best))) best = row;
    }
  }
  return best;
}

interface Evidence {
  /** The atom's reason when it holds. */
  reason: string;
}

const month = (date: string): string => date.slice(0, 7);

function diagnosisEvidence(c: Extract<Criterion, { kind: 'diagnosis' }>, p: Patient, asOf: string): Evidence | undefined {
  const rows = p.diagnoses.filter((r) => (!c.ald || r.ald) && inWindow(r.date, asOf, c.withinMonths) && matchesAny(r.code, c.codes));
  if (rows.length < c.minCount || rows.length === 0) return undefined;
  const latest = latestOf(rows, (r) => r.date, (r) => normalized(r.code))!;
  return { reason: `${c.ald ? 'ALD ' : ''}${normalized(latest.code)} (${month(latest.date)})` };
}

function dispensationEvidence(c: Extract<Criterion, { kind: 'dispensation' }>, p: Patient, asOf: string): Evidence | undefined {
  const rows = p.dispensations.filter((r) => inWindow(r.date, asOf, c.withinMonths) && matchesAny(r.atc, c.atc));
  if (rows.length < c.minCount || rows.length === 0) return undefined;
  const latest = latestOf(rows, (r) => r.date, (r) => normalized(r.atc))!;
  return { reason: `${normalized(latest.atc)} ×${rows.length} (${month(latest.date)})` };
}

function stayEvidence(c: Extract<Criterion, { kind: 'stay' }>, p: Patient, asOf: string): Evidence | undefined {
  const rows = p.stays.filter((r) => inWindow(r.admission, asOf, c.withinMonths) && (c.mainDiagnosis === undefined || matchesAny(r.mainDiagnosis, c.mainDiagnosis)));
  if (rows.length < c.minCount || rows.length === 0) return undefined;
  const latest = latestOf(rows, (r) => r.admission, (r) => normalized(r.mainDiagnosis))!;
  return { reason: `stay ${normalized(latest.mainDiagnosis)} (${month(latest.admission)})` };
}

function actEvidence(c: Extract<Criterion, { kind: 'act' }>, p: Patient, asOf: string): Evidence | undefined {
  const rows = p.acts.filter((r) => inWindow(r.date, asOf, c.withinMonths) && matchesAny(r.code, c.codes));
  if (rows.length < c.minCount || rows.length === 0) return undefined;
  const latest = latestOf(rows, (r) => r.date, (r) => normalized(r.code))!;
  return { reason: `${normalized(latest.code)} (${month(latest.date)})` };
}

/** Whether `a` is worse than `b` for `test` (higher, or lower for egfr and lvef). */
function worse(test: LabTest, a: number, b: number): boolean {
  return LAB_TESTS[test].worse === 'higher' ? a > b : a < b;
}

/** The row whose value the lab criterion reads: the latest (worst of that date) or the worst (latest of those values). */
export function labRowOf(test: LabTest, value: 'latest' | 'worst', withinMonths: number | undefined, p: Patient, asOf: string): PatientLab | undefined {
  let best: PatientLab | undefined;
  for (const row of p.labs) {
    if (row.test !== test || !inWindow(row.date, asOf, withinMonths)) continue;
    if (best === undefined) best = row;
    else if (value === 'latest' ? row.date > best.date || (row.date === best.date && worse(test, row.value, best.value)) : worse(test, row.value, best.value) || (row.value === best.value && row.date > best.date)) best = row;
  }
  return best;
}

function labEvidence(c: Extract<Criterion, { kind: 'lab' }>, p: Patient, asOf: string): Evidence | undefined {
  const row = labRowOf(c.lab, c.value, c.withinMonths, p, asOf);
  if (!row || !passesTest(row.value, c.test)) return undefined;
  const unit = c.lab === 'nyha' ? '' : ` ${LAB_TESTS[c.lab].unit}`;
  return { reason: `${LAB_LABELS[c.lab]} ${String(row.value)}${unit} (${month(row.date)})` };
}

/** The evidence that `c` holds for `p` at asOf, or undefined when it does not hold. */
function evidence(c: Criterion, p: Patient, asOf: string): Evidence | undefined {
  switch (c.kind) {
    case 'all': {
      const reasons: string[] = [];
      for (const child of c.of) {
        const e = evidence(child, p, asOf);
        if (!e) return undefined;
        reasons.push(e.reason);
      }
      return { reason: reasons.join(' + ') };
    }
    case 'any':
      for (const child of c.of) {
        const e = evidence(child, p, asOf);
        if (e) return e;
      }
      return undefined;
    case 'not':
      return evidence(c.of, p, asOf) ? undefined : { reason: `no ${describeCriterion(c.of)}` };
    case 'age': {
      const age = ageAt(p.birthDate, asOf);
      return passesTest(age, c.test) ? { reason: `age ${age}` } : undefined;
    }
    case 'sex':
      return p.sex === c.sex ? { reason: `sex ${c.sex}` } : undefined;
    case 'territory':
      return c.ids.includes(p.territory) ? { reason: `territory ${p.territory}` } : undefined;
    case 'diagnosis':
      return diagnosisEvidence(c, p, asOf);
    case 'dispensation':
      return dispensationEvidence(c, p, asOf);
    case 'lab':
      return labEvidence(c, p, asOf);
    case 'stay':
      return stayEvidence(c, p, asOf);
    case 'act':
      return actEvidence(c, p, asOf);
  }
}

export function holds(criterion: Criterion, patient: Patient, asOf: string): boolean {
  return evidence(criterion, patient, asOf) !== undefined;
}

/** The reason of docs/stratify.md "The reason" when `criterion` holds; undefined when it does not. */
export function reasonOf(criterion: Criterion, patient: Patient, asOf: string): string | undefined {
  return evidence(criterion, patient, asOf)?.reason;
}

export const REASON_NOT_IN_POPULATION = 'not in the population';
export const REASON_REST = 'rest';

/** The stratum of `patient` in `pyramid` at asOf, with its reason (docs/stratify.md "Assignment"). */
export function assign(pyramid: AssignablePyramid, patient: Patient, asOf: string, order = assignmentOrder(pyramid)): Assignment {
  if (patient.deathDate !== undefined && patient.deathDate <= asOf) return { stratum: OUTSIDE, reason: `death (${month(patient.deathDate)})` };
  if (pyramid.population && !holds(pyramid.population, patient, asOf)) return { stratum: OUTSIDE, reason: REASON_NOT_IN_POPULATION };
  for (const stratum of order) {
    const reason = reasonOf(stratum.rule!, patient, asOf);
    if (reason !== undefined) return { stratum: stratum.stratum, reason };
  }
  return { stratum: pyramid.strata[0]!.stratum, reason: REASON_REST };
}
