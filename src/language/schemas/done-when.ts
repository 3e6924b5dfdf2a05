/**
 * `done-when` of an action node (docs/stratify.md, "Worklist"): which rows of the patient data
 * record that the node's act was done. A restricted criterion: one dated atom of the criteria
 * language (`diagnosis`, `dispensation`, `lab`, `stay`, `act`) or `any` of them, without windows,
 * counts or value bounds — the node's frequency says how recent the act must be, and any matching
 * row records the act. Written apart from the stratum criteria (src/language/schemas/pyramid.ts)
 * so that both could be written at once; the atoms read the same way.
 */
import { z } from 'zod';
import { patternHasShape } from '../../criteria/codes.js';
import { LAB_TESTS, type LabTest } from '../../criteria/types.js';
import { t } from '../../i18n/catalogue.js';

/** A code or a list of codes; `E11*` matches every code starting with E11. */
const CodePatterns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
type Patterns = z.infer<typeof CodePatterns>;

const patternList = (patterns: Patterns): string[] => (typeof patterns === 'string' ? [patterns] : patterns);

/** The patterns that do not have the shape of their code system, reported at their place. */
function checkShapes(system: 'icd10' | 'atc') {
  return (patterns: Patterns, ctx: z.RefinementCtx) => {
    patternList(patterns).forEach((pattern, i) => {
      if (patternHasShape(pattern, system)) return;
      ctx.addIssue({ code: 'custom', path: typeof patterns === 'string' ? [] : [i], message: t(system === 'icd10' ? 'worklist.done-when.icd10' : 'worklist.done-when.atc', { pattern }) });
    });
  };
}

const Icd10Patterns = CodePatterns.superRefine(checkShapes('icd10'));
const AtcPatterns = CodePatterns.superRefine(checkShapes('atc'));

const DiagnosisDone = z.union([Icd10Patterns, z.strictObject({ codes: Icd10Patterns, ald: z.boolean().optional() })]);
const DispensationDone = z.union([AtcPatterns, z.strictObject({ atc: AtcPatterns })]);
const LabDone = z.strictObject({ test: z.enum(Object.keys(LAB_TESTS) as [LabTest, ...LabTest[]]) });
const StayDone = z.strictObject({ 'main-diagnosis': Icd10Patterns.optional() });
const ActDone = z.union([CodePatterns, z.strictObject({ codes: CodePatterns })]);

const ATOM_KEYS = ['diagnosis', 'dispensation', 'lab', 'stay', 'act'] as const;
const atomShape = {
  diagnosis: DiagnosisDone.optional(),
  dispensation: DispensationDone.optional(),
  lab: LabDone.optional(),
  stay: StayDone.optional(),
  act: ActDone.optional(),
};

/** One key per mapping: rows of two tables cannot be "the same row", so several keys are `any`. */
function oneKey(value: Record<string, unknown>): boolean {
  return Object.values(value).filter((v) => v !== undefined).length === 1;
}

export const DatedAtom = z.strictObject(atomShape).refine(oneKey, { error: () => t('worklist.done-when.one-key') });
export const DoneWhen = z
  .strictObject({ ...atomShape, any: z.array(DatedAtom).min(1).optional() })
  .refine(oneKey, { error: () => t('worklist.done-when.one-key') });
export type DoneWhen = z.infer<typeof DoneWhen>;
type DatedAtomValue = z.infer<typeof DatedAtom>;

/** One dated atom, read: the table it selects rows of, and how (code patterns as written). */
export type DoneAtom =
  | { kind: 'diagnosis'; codes: string[]; ald: boolean }
  | { kind: 'dispensation'; atc: string[] }
  | { kind: 'lab'; test: LabTest }
  | { kind: 'stay'; mainDiagnosis?: string[] }
  | { kind: 'act'; codes: string[] };

function readAtom(atom: DatedAtomValue): DoneAtom {
  const key = ATOM_KEYS.find((k) => atom[k] !== undefined)!;
  switch (key) {
    case 'diagnosis': {
      const value = atom.diagnosis!;
      return typeof value === 'string' || Array.isArray(value) ? { kind: 'diagnosis', codes: patternList(value), ald: false } : { kind: 'diagnosis', codes: patternList(value.codes), ald: value.ald === true };
    }
    case 'dispensation': {
      const value = atom.dispensation!;
      return { kind: 'dispensation', atc: typeof value === 'string' || Array.isArray(value) ? patternList(value) : patternList(value.atc) };
    }
    case 'lab':
      return { kind: 'lab', test: atom.lab!.test };
    case 'stay': {
      const main = atom.stay!['main-diagnosis'];
      return main === undefined ? { kind: 'stay' } : { kind: 'stay', mainDiagnosis: patternList(main) };
    }
    case 'act': {
      const value = atom.act!;
      return { kind: 'act', codes: typeof value === 'string' || Array.isArray(value) ? patternList(value) : patternList(value.codes) };
    }
  }
}

/** The atoms of a validated `done-when`, in the order written (one, or those of `any`). */
export function doneAtoms(doneWhen: DoneWhen): DoneAtom[] {
  return doneWhen.any !== undefined ? doneWhen.any.map(readAtom) : [readAtom(doneWhen)];
}
