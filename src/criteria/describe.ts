/**
 * The words of the reasons (docs/stratify.md, "The reason"): the labels of the lab tests and the
 * description `not X` gives of X. Their one home, for the reference evaluator
 * (src/criteria/evaluate.ts) and the SQL compiler (src/stratify/sql.ts): the two compute who holds
 * what independently, and write it with the same words.
 */
import type { Criterion, LabTest, NumericTest } from './types.js';

/** The labels the reasons give the lab tests (docs/stratify.md, "The reason"). */
export const LAB_LABELS: Readonly<Record<LabTest, string>> = {
  hba1c: 'HbA1c',
  egfr: 'eGFR',
  uacr: 'UACR',
  'nt-probnp': 'NT-proBNP',
  bnp: 'BNP',
  'fasting-glucose': 'fasting glucose',
  lvef: 'LVEF',
  bmi: 'BMI',
  nyha: 'NYHA',
};

/** Bounds as a reason reads them: `< 30`, `≥ 8 and < 10`, `in {3, 4}`, `between 1 and 2`. */
export function describeTest(test: NumericTest): string {
  const parts: string[] = [];
  if (test.lt !== undefined) parts.push(`< ${test.lt}`);
  if (test.lte !== undefined) parts.push(`≤ ${test.lte}`);
  if (test.gt !== undefined) parts.push(`> ${test.gt}`);
  if (test.gte !== undefined) parts.push(`≥ ${test.gte}`);
  if (test.eq !== undefined) parts.push(`= ${test.eq}`);
  if (test.in !== undefined) parts.push(`in {${test.in.join(', ')}}`);
  if (test.between !== undefined) parts.push(`between ${test.between[0]} and ${test.between[1]}`);
  return parts.join(' and ');
}

/** The description `not X` gives of X (docs/stratify.md, "The reason"), as the reference evaluator writes it. */
export function describeCriterion(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'all':
      return `(${criterion.of.map(describeCriterion).join(' + ')})`;
    case 'any':
      return `(${criterion.of.map(describeCriterion).join(' or ')})`;
    case 'not':
      return `no ${describeCriterion(criterion.of)}`;
    case 'age':
      return `age ${describeTest(criterion.test)}`;
    case 'sex':
      return `sex ${criterion.sex}`;
    case 'territory':
      return `territory ${criterion.ids.join(', ')}`;
    case 'diagnosis':
      return `${criterion.ald ? 'ALD ' : ''}${criterion.codes.join(', ')}`;
    case 'dispensation':
      return criterion.atc.join(', ');
    case 'lab':
      return `${LAB_LABELS[criterion.lab]} ${describeTest(criterion.test)}`;
    case 'stay':
      return criterion.mainDiagnosis ? `stay ${criterion.mainDiagnosis.join(', ')}` : 'stay';
    case 'act':
      return criterion.codes.join(', ');
  }
}

