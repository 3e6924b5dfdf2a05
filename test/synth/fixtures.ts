/**
 * Hand-built criteria of the two bundled pyramids, in the spirit of their free-text criteria
 * (the executable ones are written elsewhere): the generator's tests need trees they do not share
 * with the code under test.
 */
import type { AssignablePyramid } from '../../src/criteria/evaluate.js';
import type { Criterion } from '../../src/criteria/types.js';

const diagnosis = (codes: string[], withinMonths?: number, minCount = 1): Criterion => ({ kind: 'diagnosis', codes, minCount, ald: false, ...(withinMonths ? { withinMonths } : {}) });
const dispensation = (atc: string[], withinMonths: number, minCount: number): Criterion => ({ kind: 'dispensation', atc, withinMonths, minCount });
const lab = (test: Extract<Criterion, { kind: 'lab' }>['lab'], value: 'latest' | 'worst', bounds: Extract<Criterion, { kind: 'lab' }>['test'], withinMonths?: number): Criterion => ({ kind: 'lab', lab: test, value, test: bounds, ...(withinMonths ? { withinMonths } : {}) });
const adult: Criterion = { kind: 'age', test: { gte: 18 } };

const knownDiabetes: Criterion = { kind: 'any', of: [{ kind: 'diagnosis', codes: ['E11*'], ald: true, minCount: 1 }, diagnosis(['E11*'], 24), dispensation(['A10*'], 12, 3)] };

export const DIABETES: AssignablePyramid = {
  population: adult,
  strata: [
    { stratum: 'S0' },
    { stratum: 'S1', rule: { kind: 'any', of: [{ kind: 'all', of: [{ kind: 'age', test: { gte: 45 } }, lab('bmi', 'latest', { gte: 30 }, 24)] }, lab('fasting-glucose', 'latest', { between: [1.1, 1.25] }, 24), diagnosis(['R73*'], 24)] } },
    { stratum: 'S2', rule: knownDiabetes },
    { stratum: 'S3', rule: { kind: 'all', of: [knownDiabetes, { kind: 'any', of: [diagnosis(['E112', 'N18*', 'I21*', 'I25*', 'H360']), lab('egfr', 'worst', { lt: 60 }, 12), lab('uacr', 'latest', { gt: 3 }, 12)] }] } },
    { stratum: 'S4', rule: { kind: 'all', of: [knownDiabetes, { kind: 'any', of: [dispensation(['A10A*'], 12, 3), lab('hba1c', 'latest', { gte: 10 }, 12), { kind: 'act', codes: ['JVJF004'], withinMonths: 12, minCount: 1 }] }] } },
  ],
};

export const HEART_FAILURE: AssignablePyramid = {
  population: { kind: 'all', of: [adult, { kind: 'any', of: [diagnosis(['I10*', 'I11*', 'E11*', 'E66*', 'I25*']), dispensation(['C09*'], 12, 3), diagnosis(['I50*'])] }] },
  strata: [
    { stratum: 'S0' },
    { stratum: 'S1', rule: { kind: 'any', of: [lab('lvef', 'worst', { lte: 50 }), lab('nt-probnp', 'latest', { gt: 125 }, 12)] } },
    { stratum: 'S2', rule: diagnosis(['I50*']) },
    { stratum: 'S3', rule: { kind: 'all', of: [diagnosis(['I50*']), { kind: 'any', of: [{ kind: 'stay', mainDiagnosis: ['I50*'], withinMonths: 12, minCount: 1 }, lab('nyha', 'latest', { gte: 3 }, 12)] }] } },
    { stratum: 'S4', rule: { kind: 'all', of: [diagnosis(['I50*']), { kind: 'any', of: [lab('nyha', 'latest', { eq: 4 }, 6), { kind: 'stay', mainDiagnosis: ['I50*'], withinMonths: 12, minCount: 2 }] }] }, priority: 1 },
  ],
};
