/**
 * logi's stratum criteria (src/criteria/types.ts, docs/stratify.md "The criteria language") as
 * FHIRPath over a FHIR R4 patient record: a Bundle of one patient's resources, evaluated with the
 * Bundle as context and the reference date as the variable `%asOf` (a Date, or a `YYYY-MM-DD`
 * string: it is read as `%asOf.toDate()`). The mapping, kind by kind, is docs/fhir.md
 * ("Eligibility in FHIRPath"); the agreement with the reference evaluator (src/criteria/evaluate.ts)
 * is checked by test/fhir/criteria-agreement.test.ts with the `fhirpath` engine.
 *
 * Every atom is written so that it yields true or false, never empty (`exists()`, `count() >= n`,
 * `where(...)` on a value): FHIRPath's `not()`, `and`, `or` propagate empty, and an applicability
 * condition that yields empty would be neither true nor false.
 *
 * Only FHIRPath 2.0 (the version of FHIR R4) is used: `aggregate`, `iif`, `replaceMatches`,
 * `toDate`, date arithmetic with calendar durations — no `defineVariable`, `max()` or `sort()`.
 */
import { parsePattern } from '../criteria/codes.js';
import { assignmentOrder, type PyramidCriteria } from '../criteria/parse.js';
import { LAB_TESTS, type Criterion, type LabTest, type NumericTest } from '../criteria/types.js';
import { CANONICAL_BASE, CODE_SYSTEM } from './canonical.js';

export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
export const ATC_SYSTEM = 'http://www.whocc.no/atc';
export const LOINC_SYSTEM = 'http://loinc.org';
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** The Condition category of a long-term condition (affection de longue durée): no national code in FHIR R4, logi's own. */
export const CONDITION_CATEGORY_SYSTEM = `${CANONICAL_BASE}/CodeSystem/condition-category`;
export const ALD_CATEGORY = 'ald';
/** The patient's territory id (a logi Territory document's id), on Patient. */
export const TERRITORY_EXTENSION = `${CANONICAL_BASE}/StructureDefinition/logi-territory`;
/** Encounter classes that are hospital stays: inpatient, and its two specialisations in v3 ActEncounterCode. */
export const STAY_CLASSES = ['IMP', 'ACUTE', 'NONAC'] as const;

/**
 * LOINC codes of logi's lab tests (LOINC, Regenstrief; names as LOINC gives them). The value must
 * be in logi's unit (LAB_TESTS): the expression compares numbers, it converts no unit. NYHA class
 * has no LOINC observation code chosen here (LOINC codes it as an answer list, not a number):
 * it is read from logi's own code system only, as every test may be.
 */
export const LAB_LOINC: Readonly<Record<LabTest, readonly string[]>> = {
  /** Hemoglobin A1c/Hemoglobin.total in Blood; … by HPLC. */
  hba1c: ['4548-4', '17856-6'],
  /** Glomerular filtration rate/1.73 sq M.predicted: CKD-EPI, CKD-EPI 2021, MDRD. */
  egfr: ['62238-1', '98979-8', '33914-3'],
  /** Albumin/Creatinine [Mass Ratio] in Urine; Microalbumin/Creatinine: mass ratios (mg/g), to be converted to logi's mg/mmol. */
  uacr: ['9318-7', '14959-1'],
  /** Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma. */
  'nt-probnp': ['33762-6'],
  /** Natriuretic peptide B [Mass/volume] in Serum or Plasma. */
  bnp: ['30934-4'],
  /** Fasting glucose [Mass/volume] in Serum or Plasma (often mg/dL: the value must be in g/L). */
  'fasting-glucose': ['1558-6'],
  /** Left ventricular Ejection fraction. */
  lvef: ['10230-1'],
  /** Body mass index (BMI) [Ratio]. */
  bmi: ['39156-5'],
  nyha: [],
};

const quote = (text: string): string => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** A number as a FHIRPath literal (never in exponent notation, which FHIRPath has not). */
function literal(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

const AS_OF = '%asOf.toDate()';

/** The calendar date of a date or dateTime: its first ten characters, so that no time zone moves a day. */
const day = (value: string): string => `${value}.toString().substring(0, 10).toDate()`;

/** Whether the date `value` is in the window: on or before asOf, and after asOf − m months. */
function inWindow(value: string, withinMonths: number | undefined): string {
  const bounds = withinMonths === undefined ? `$this <= ${AS_OF}` : `$this <= ${AS_OF} and $this > ${AS_OF} - ${withinMonths} months`;
  return `${day(value)}.where(${bounds}).exists()`;
}

/** Whether one of the codings of `system` in `codings` matches a pattern, its code normalised as src/criteria/codes.ts does. */
function codeMatches(codings: string, system: string | undefined, patterns: readonly string[]): string {
  const tests = patterns.map((p) => {
    const { code, prefix } = parsePattern(p);
    return prefix ? `startsWith(${quote(code)})` : `$this = ${quote(code)}`;
  });
  const selected = system === undefined ? codings : `${codings}.where(system = ${quote(system)})`;
  return `${selected}.code.replaceMatches('[.\\\\s]', '').upper().where(${tests.join(' or ')}).exists()`;
}

/** The test of a number `$this` against every stated bound; undefined when none is stated. */
export function numericTestFhirPath(test: NumericTest): string | undefined {
  const parts: string[] = [];
  if (test.lt !== undefined) parts.push(`$this < ${literal(test.lt)}`);
  if (test.lte !== undefined) parts.push(`$this <= ${literal(test.lte)}`);
  if (test.gt !== undefined) parts.push(`$this > ${literal(test.gt)}`);
  if (test.gte !== undefined) parts.push(`$this >= ${literal(test.gte)}`);
  if (test.eq !== undefined) parts.push(`$this = ${literal(test.eq)}`);
  if (test.in !== undefined) parts.push(`(${test.in.map((v) => `$this = ${literal(v)}`).join(' or ')})`);
  if (test.between !== undefined) parts.push(`$this >= ${literal(test.between[0])} and $this <= ${literal(test.between[1])}`);
  return parts.length === 0 ? undefined : parts.join(' and ');
}

const PATIENT = 'entry.resource.ofType(Patient)';

/**
 * Age in whole years ≥ n ⇔ birthDate ≤ asOf − n years (the day clamped in February: a patient
 * born on 29 February is n on 1 March in years without one, as src/criteria/dates.ts ageAt says).
 * The bounds are turned into `age ≥ k` and `age < k` for whole k, since the age is whole.
 */
function ageFhirPath(test: NumericTest): string {
  const atLeast = (years: number): string => {
    const shifted = years >= 0 ? `${AS_OF} - ${years} years` : `${AS_OF} + ${-years} years`;
    return `${PATIENT}.birthDate.where($this <= ${shifted}).exists()`;
  };
  const below = (years: number): string => `${PATIENT}.birthDate.where($this > ${years >= 0 ? `${AS_OF} - ${years} years` : `${AS_OF} + ${-years} years`}).exists()`;
  const exactly = (value: number): string => (Number.isInteger(value) ? `(${atLeast(value)} and ${below(value + 1)})` : 'false');
  const parts: string[] = [];
  if (test.lt !== undefined) parts.push(below(Math.ceil(test.lt)));
  if (test.lte !== undefined) parts.push(below(Math.floor(test.lte) + 1));
  if (test.gt !== undefined) parts.push(atLeast(Math.floor(test.gt) + 1));
  if (test.gte !== undefined) parts.push(atLeast(Math.ceil(test.gte)));
  if (test.eq !== undefined) parts.push(exactly(test.eq));
  if (test.in !== undefined) parts.push(`(${test.in.map(exactly).join(' or ')})`);
  if (test.between !== undefined) parts.push(atLeast(Math.ceil(test.between[0])), below(Math.floor(test.between[1]) + 1));
  return parts.length === 0 ? `${PATIENT}.birthDate.exists()` : parts.join(' and ');
}

const atLeastRows = (rows: string, minCount: number): string => (minCount <= 1 ? `${rows}.exists()` : `${rows}.count() >= ${minCount}`);

/** A Condition's date: recordedDate, else onsetDateTime. */
const CONDITION_DATE = 'iif(recordedDate.exists(), recordedDate, onset.ofType(dateTime))';
/** Conditions entered in error or refuted are no diagnoses. */
const CONDITION_VALID = "verificationStatus.coding.where(code = 'entered-in-error' or code = 'refuted').empty()";
const NOT_IN_ERROR = "status != 'entered-in-error'";

function diagnosisFhirPath(c: Extract<Criterion, { kind: 'diagnosis' }>): string {
  const ald = c.ald ? ` and category.coding.where(system = ${quote(CONDITION_CATEGORY_SYSTEM)} and code = ${quote(ALD_CATEGORY)}).exists()` : '';
  const rows = `entry.resource.ofType(Condition).where(${CONDITION_VALID} and ${codeMatches('code.coding', ICD10_SYSTEM, c.codes)}${ald} and ${inWindow(CONDITION_DATE, c.withinMonths)})`;
  return atLeastRows(rows, c.minCount);
}

function dispensationFhirPath(c: Extract<Criterion, { kind: 'dispensation' }>): string {
  const rows = `entry.resource.ofType(MedicationDispense).where(${NOT_IN_ERROR} and ${codeMatches('medication.ofType(CodeableConcept).coding', ATC_SYSTEM, c.atc)} and ${inWindow('whenHandedOver', c.withinMonths)})`;
  return atLeastRows(rows, c.minCount);
}

function stayFhirPath(c: Extract<Criterion, { kind: 'stay' }>): string {
  const inpatient = `class.where(system = ${quote(ACT_CODE_SYSTEM)} and (${STAY_CLASSES.map((k) => `code = ${quote(k)}`).join(' or ')})).exists()`;
  const main = c.mainDiagnosis === undefined ? '' : ` and ${codeMatches('reasonCode.first().coding', ICD10_SYSTEM, c.mainDiagnosis)}`;
  const rows = `entry.resource.ofType(Encounter).where(${NOT_IN_ERROR} and ${inpatient}${main} and ${inWindow('period.start', c.withinMonths)})`;
  return atLeastRows(rows, c.minCount);
}

function actFhirPath(c: Extract<Criterion, { kind: 'act' }>): string {
  // Acts mix CCAM, NGAP and biology codes without a system in logi's data: any coding's code is compared.
  const rows = `entry.resource.ofType(Procedure).where(${NOT_IN_ERROR} and ${codeMatches('code.coding', undefined, c.codes)} and ${inWindow('(performed.ofType(dateTime) | performed.ofType(Period).start)', c.withinMonths)})`;
  return atLeastRows(rows, c.minCount);
}

const LAB_VALUE = '(value.ofType(Quantity).value | value.ofType(integer))';
const LAB_DATE = day('effective.ofType(dateTime)');

/** The Observations of a lab test in the window that have a value: coded in LOINC, or in logi's variable code system with the test's id. */
function labRows(lab: LabTest, withinMonths: number | undefined): string {
  const loinc = LAB_LOINC[lab];
  const codes = [
    ...(loinc.length > 0 ? [`(system = ${quote(LOINC_SYSTEM)} and (${loinc.map((code) => `code = ${quote(code)}`).join(' or ')}))`] : []),
    `(system = ${quote(CODE_SYSTEM.variable)} and code = ${quote(lab)})`,
  ];
  return `entry.resource.ofType(Observation).where(${NOT_IN_ERROR} and code.coding.where(${codes.join(' or ')}).exists() and ${LAB_VALUE}.exists() and ${inWindow('effective.ofType(dateTime)', withinMonths)})`;
}

/**
 * The lab's value as evaluate.ts's labRowOf reads it: `latest`, the Observation of the latest date,
 * on that date the worst value; `worst`, the worst value (highest, or lowest for egfr and lvef).
 * `aggregate` keeps the best so far in `$total`.
 */
function labFhirPath(c: Extract<Criterion, { kind: 'lab' }>): string {
  const worse = LAB_TESTS[c.lab].worse === 'higher' ? '>' : '<';
  const rows = labRows(c.lab, c.withinMonths);
  const value = c.value === 'worst'
    ? `${rows}.select${LAB_VALUE}.aggregate(iif($total.empty() or $this ${worse} $total, $this, $total))`
    : `${rows}.aggregate(iif($total.empty() or ${rowKey('$this', LAB_DATE)} > ${rowKey('$total', LAB_DATE)} or (${rowKey('$this', LAB_DATE)} = ${rowKey('$total', LAB_DATE)} and ${rowKey('$this', LAB_VALUE)} ${worse} ${rowKey('$total', LAB_VALUE)}), $this, $total)).select${LAB_VALUE}`;
  const test = numericTestFhirPath(c.test);
  return test === undefined ? `${value}.exists()` : `${value}.where(${test}).exists()`;
}

const rowKey = (row: string, path: string): string => `${row}.${path.startsWith('(') ? `select${path}` : path}`;

/** The FHIRPath of a criterion: true or false for a Bundle of one patient's resources and `%asOf`. */
export function criterionFhirPath(c: Criterion): string {
  switch (c.kind) {
    case 'all':
      return c.of.map((child) => `(${criterionFhirPath(child)})`).join(' and ');
    case 'any':
      return c.of.map((child) => `(${criterionFhirPath(child)})`).join(' or ');
    case 'not':
      return `(${criterionFhirPath(c.of)}).not()`;
    case 'age':
      return ageFhirPath(c.test);
    case 'sex':
      return `${PATIENT}.gender.where($this = ${quote(c.sex === 'F' ? 'female' : 'male')}).exists()`;
    case 'territory':
      return `${PATIENT}.extension.where(url = ${quote(TERRITORY_EXTENSION)}).value.ofType(string).where(${c.ids.map((id) => `$this = ${quote(id)}`).join(' or ')}).exists()`;
    case 'diagnosis':
      return diagnosisFhirPath(c);
    case 'dispensation':
      return dispensationFhirPath(c);
    case 'lab':
      return labFhirPath(c);
    case 'stay':
      return stayFhirPath(c);
    case 'act':
      return actFhirPath(c);
  }
}

/** Alive at asOf: neither `deceasedBoolean = true` nor a `deceasedDateTime` on or before asOf (evaluate.ts: death_date ≤ asOf is outside). */
export const ALIVE_FHIRPATH = `${PATIENT}.deceased.ofType(boolean).where($this = true).empty() and ${PATIENT}.deceased.ofType(dateTime).where(${day('$this')} <= ${AS_OF}).empty()`;

/**
 * The assignment of docs/stratify.md ("Assignment") as the applicability of `stratum`: alive, in the
 * population, the stratum's criterion true and that of every stratum evaluated before it false; for
 * the bottom stratum, none of the evaluated strata's. Undefined when logi never assigns a patient
 * there by criteria (a stratum above the bottom without a structured criterion), or when the
 * pyramid states no structured criterion at all: those keep `%stratum`.
 */
export function assignmentFhirPath(criteria: PyramidCriteria, stratum: string): string | undefined {
  const order = assignmentOrder(criteria);
  if (order.length === 0 && criteria.population === undefined) return undefined;
  const bottom = criteria.strata[0]?.stratum === stratum;
  const position = order.findIndex((s) => s.stratum === stratum);
  if (!bottom && position < 0) return undefined;
  const before = bottom ? order : order.slice(0, position);
  const parts = [
    ALIVE_FHIRPATH,
    ...(criteria.population ? [`(${criterionFhirPath(criteria.population)})`] : []),
    ...(bottom ? [] : [`(${criterionFhirPath(order[position]!.rule!)})`]),
    ...before.map((s) => `(${criterionFhirPath(s.rule!)}).not()`),
  ];
  return parts.join('\nand ');
}
