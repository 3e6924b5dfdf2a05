/**
 * The pyramid of the agreement test (postgres-agreement.test.ts), built by hand: every atom type,
 * `all`, `any`, `not`, a priority and a population. Also compiled to Spark SQL by sql.test.ts.
 */
import type { Criterion } from '../../src/criteria/types.js';
import type { StratifyPlan } from '../../src/stratify/sql.js';

// The pyramid, bottom first: S0, S1, P (priority 5), S2, S3. Assignment order: P (the only
// priority), then top down S3, S2, S1; S0 takes the rest. Population: age ≥ 18.
const diagnosis = (codes: string[], extra: Partial<Extract<Criterion, { kind: 'diagnosis' }>> = {}): Criterion => ({ kind: 'diagnosis', codes, minCount: 1, ald: false, ...extra });
const S1: Criterion = {
  kind: 'any',
  of: [
    diagnosis(['E11*'], { withinMonths: 1 }),
    { kind: 'dispensation', atc: ['A10*'], withinMonths: 12, minCount: 3 },
    { kind: 'act', codes: ['JVJF004'], minCount: 1 },
  ],
};
const S2: Criterion = { kind: 'all', of: [{ kind: 'lab', lab: 'hba1c', value: 'latest', withinMonths: 12, test: { gte: 8 } }, { kind: 'territory', ids: ['douaisis'] }] };
const S3: Criterion = {
  kind: 'any',
  of: [
    { kind: 'lab', lab: 'egfr', value: 'worst', withinMonths: 24, test: { lt: 30 } },
    { kind: 'stay', mainDiagnosis: ['I50*'], withinMonths: 12, minCount: 1 },
    { kind: 'lab', lab: 'nyha', value: 'latest', test: { gte: 3 } },
  ],
};
const P: Criterion = { kind: 'all', of: [diagnosis(['E10*'], { ald: true }), { kind: 'not', of: diagnosis(['E11*']) }] };
export const PLAN: StratifyPlan = {
  population: { kind: 'age', test: { gte: 18 } },
  order: [
    { stratum: 'P', rule: P },
    { stratum: 'S3', rule: S3 },
    { stratum: 'S2', rule: S2 },
    { stratum: 'S1', rule: S1 },
  ],
  bottom: 'S0',
  strata: ['S0', 'S1', 'P', 'S2', 'S3'],
};
