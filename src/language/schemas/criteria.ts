/**
 * The criteria language of a Pyramid (docs/stratify.md, "The criteria language"): a stratum's
 * `criteria` as free text or as a structured criterion over patient variables, and the pyramid's
 * `population`. The YAML shapes only; src/criteria/parse.ts turns a validated value into the tree
 * of src/criteria/types.ts. Objects are strict: an unknown key is reported with "did you mean",
 * at any depth of `all`, `any` and `not`.
 */
import { z } from 'zod';
import { LAB_TESTS, type LabTest } from '../../criteria/types.js';
import { t } from '../../i18n/catalogue.js';
import { Id, SourceRef, Text } from './common.js';
import { BETWEEN_BOUND, ORDER_BOUNDS, statesABound } from './logigramme.js';

/** The keys that state a criterion, in the order docs/stratify.md lists them. */
export const CRITERION_KEYS = ['all', 'any', 'not', 'age', 'sex', 'territory', 'diagnosis', 'ald', 'dispensation', 'lab', 'nyha', 'stay', 'act'] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

const LAB_TEST_IDS = Object.keys(LAB_TESTS) as [LabTest, ...LabTest[]];

/** The numeric bounds of a criterion: those of a branch's `when`, numbers only, without `unit`. */
const numericBounds = {
  ...ORDER_BOUNDS,
  eq: z.number().optional(),
  in: z.array(z.number()).min(1).optional(),
  between: BETWEEN_BOUND,
};
/**
 * Checked only on a mapping without other problems: a misspelt key (`agee`) is one mistake, reported
 * once as an unknown key with "did you mean", not also as an empty mapping.
 */
const whenClean = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;
const boundsStated = { error: () => t('language.schema.condition-empty'), when: whenClean };

/** `within: 12`: a window of whole calendar months back from the reference date. */
const Within = z.number().int().min(1).optional().describe('Window in whole calendar months back from the reference date (≥ 1).');
const MinCount = z.number().int().min(1).optional().describe('Rows needed in the window (≥ 1, default 1).');

/** A code, or a list of codes; `E11*` matches every code that starts with E11. */
export const CodePatterns = z.union([Text, z.array(Text).min(1)]).describe('A code or a list of codes; a trailing `*` matches every code starting with what precedes it.');

export const NumericBounds = z.strictObject(numericBounds).refine(statesABound, boundsStated);
export const DiagnosisTest = z.union([
  CodePatterns,
  z.strictObject({ codes: CodePatterns, within: Within, 'min-count': MinCount, ald: z.boolean().optional() }),
]);
export const DispensationTest = z.union([CodePatterns, z.strictObject({ atc: CodePatterns, within: Within, 'min-count': MinCount })]);
export const LabValueTest = z.strictObject({
  test: z.enum(LAB_TEST_IDS),
  value: z.enum(['latest', 'worst']).optional(),
  within: Within,
  ...numericBounds,
});
export const NyhaTest = z.strictObject({ ...numericBounds, within: Within }).refine(statesABound, boundsStated);
export const StayTest = z.strictObject({ 'main-diagnosis': CodePatterns.optional(), within: Within, 'min-count': MinCount });
export const ActTest = z.union([CodePatterns, z.strictObject({ codes: CodePatterns, within: Within, 'min-count': MinCount })]);

type Patterns = z.infer<typeof CodePatterns>;
/** A criterion as written in YAML (before src/criteria/parse.ts expands shorthands and defaults). */
export interface CriterionInput {
  all?: CriterionInput[] | undefined;
  any?: CriterionInput[] | undefined;
  not?: CriterionInput | undefined;
  age?: z.infer<typeof NumericBounds> | undefined;
  sex?: 'F' | 'M' | undefined;
  territory?: string | string[] | undefined;
  diagnosis?: z.infer<typeof DiagnosisTest> | undefined;
  ald?: Patterns | undefined;
  dispensation?: z.infer<typeof DispensationTest> | undefined;
  lab?: z.infer<typeof LabValueTest> | undefined;
  nyha?: z.infer<typeof NyhaTest> | undefined;
  stay?: z.infer<typeof StayTest> | undefined;
  act?: z.infer<typeof ActTest> | undefined;
}

/** A criterion, inside `all`, `any`, `not` and `population`: a lazy reference, for the recursion. */
// Named in the JSON Schema: `#/definitions/criterion`, where the recursion of all/any/not points.
export const CriterionSchema: z.ZodType<CriterionInput> = z.lazy(() => CriterionMapping).meta({ id: 'criterion' });

/** The criterion keys, each optional; a mapping of several holds when all of them hold. */
const criterionKeys = {
  all: z.array(CriterionSchema).min(1).optional(),
  any: z.array(CriterionSchema).min(1).optional(),
  not: CriterionSchema.optional(),
  age: NumericBounds.optional(),
  sex: z.enum(['F', 'M']).optional(),
  territory: z.union([Id, z.array(Id).min(1)]).optional(),
  diagnosis: DiagnosisTest.optional(),
  ald: CodePatterns.optional(),
  dispensation: DispensationTest.optional(),
  lab: LabValueTest.optional(),
  nyha: NyhaTest.optional(),
  stay: StayTest.optional(),
  act: ActTest.optional(),
};

/** Whether a mapping states at least one criterion key. */
export function statesACriterion(mapping: object): boolean {
  return CRITERION_KEYS.some((k) => (mapping as Record<string, unknown>)[k] !== undefined);
}

const CriterionMapping = z.strictObject(criterionKeys).refine(statesACriterion, {
  error: () => t('language.schema.criterion-empty', { keys: [...CRITERION_KEYS] }),
  when: whenClean,
});

/**
 * A stratum's `criteria`: free text (never evaluated), or a mapping with an optional description,
 * priority, source and note, and criterion keys. A mapping without criterion keys is free text
 * with its metadata: it is never matched either.
 */
export const StratumCriteriaSchema = z.union([
  z.string(),
  z.strictObject({
    description: Text.optional().describe('The criterion in words, for memo sheets and reports.'),
    priority: z.number().optional().describe('Strata with a priority are evaluated first, highest first.'),
    source: SourceRef.optional(),
    note: z.string().optional(),
    ...criterionKeys,
  }),
]);
export type StratumCriteriaInput = z.infer<typeof StratumCriteriaSchema>;
