/**
 * Executable stratum criteria (issue 18): the tree that the YAML of a stratum's `criteria`
 * compiles to, read by the reference evaluator (src/criteria/evaluate.ts), the SQL compiler
 * (src/stratify/sql.ts), the synthetic-population generator (src/synth/) and the lint rules.
 * The semantics of every node are written in docs/stratify.md ("The criteria language"); this
 * file holds only their shapes.
 *
 * Dates are ISO calendar dates (`YYYY-MM-DD`). A window (`within`) counts whole calendar months
 * back from the reference date (`as-of`): a row dated d is inside a window of m months when
 * asOf − m months < d ≤ asOf (docs/stratify.md, "Windows").
 */

/** A numeric test, the same bounds as a decision branch's `when` (all stated bounds must hold). */
export interface NumericTest {
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
  eq?: number;
  in?: number[];
  /** Closed interval [low, high]. */
  between?: [number, number];
}

/** Code patterns: `E11` matches exactly E11; `E11*` every code that starts with E11. Upper case, no dot. */
export type CodePatterns = string[];

/** Laboratory tests and clinical observations the labs table may hold, with their unit. */
export const LAB_TESTS = {
  hba1c: { unit: '%', worse: 'higher' },
  egfr: { unit: 'mL/min/1.73 m²', worse: 'lower' },
  uacr: { unit: 'mg/mmol', worse: 'higher' },
  'nt-probnp': { unit: 'pg/mL', worse: 'higher' },
  'bnp': { unit: 'pg/mL', worse: 'higher' },
  'fasting-glucose': { unit: 'g/L', worse: 'higher' },
  lvef: { unit: '%', worse: 'lower' },
  bmi: { unit: 'kg/m²', worse: 'higher' },
  nyha: { unit: 'class', worse: 'higher' },
} as const satisfies Record<string, { unit: string; worse: 'higher' | 'lower' }>;
export type LabTest = keyof typeof LAB_TESTS;

export type Criterion =
  | { kind: 'all'; of: Criterion[] }
  | { kind: 'any'; of: Criterion[] }
  | { kind: 'not'; of: Criterion }
  /** Age in whole years at the reference date (birthdays counted by calendar date). */
  | { kind: 'age'; test: NumericTest }
  | { kind: 'sex'; sex: 'F' | 'M' }
  | { kind: 'territory'; ids: string[] }
  /** At least `minCount` rows of `diagnoses` with a matching code in the window (and `ald = true` when `ald`). */
  | { kind: 'diagnosis'; codes: CodePatterns; withinMonths?: number; minCount: number; ald: boolean }
  /** At least `minCount` rows of `dispensations` with a matching ATC code in the window. */
  | { kind: 'dispensation'; atc: CodePatterns; withinMonths?: number; minCount: number }
  /**
   * The patient's value of `test` in the window — the latest (`value: latest`; on the latest
   * date, the worst of that date's values) or the worst (`value: worst`, the highest or lowest
   * by LAB_TESTS' `worse`) — satisfies `test`. No value in the window: false.
   */
  | { kind: 'lab'; lab: LabTest; value: 'latest' | 'worst'; withinMonths?: number; test: NumericTest }
  /** At least `minCount` rows of `stays` whose admission is in the window and main diagnosis matches. */
  | { kind: 'stay'; mainDiagnosis?: CodePatterns; withinMonths?: number; minCount: number }
  /** At least `minCount` rows of `acts` (CCAM, NGAP, biology codes) with a matching code in the window. */
  | { kind: 'act'; codes: CodePatterns; withinMonths?: number; minCount: number };

export type CriterionKind = Criterion['kind'];

/** A criterion with where it was written: the YAML path of its node, for lint and error messages. */
export interface LocatedCriterion {
  criterion: Criterion;
  path: (string | number)[];
}

/** What a stratum's `criteria` says: free text only, or a structured criterion with an optional description. */
export interface StratumCriteria {
  stratum: string;
  description?: string;
  /** Absent when the criteria are free text only. */
  rule?: Criterion;
  /** Explicit priority: higher first; strata without one follow in pyramid order, top first. */
  priority?: number;
}
