/**
 * The criteria language in the Pyramid schema (docs/stratify.md): the forms it accepts, and its
 * refusals, reported as every schema finding is, at any depth of `all`, `any` and `not`, with
 * "did you mean" for a misspelt key (messages and hints written here by hand).
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/language/validate.js';

const base = { kind: 'Pyramid', version: 1, id: 'p', title: 'P' };
const withCriteria = (criteria: unknown, extra: Record<string, unknown> = {}) => ({ ...base, strata: [{ id: 'S0', title: 'A' }, { id: 'S1', title: 'B', criteria }], ...extra });
const reports = (data: unknown) => validateDocument(data).reports.map((r) => ({ path: r.path, message: r.message, hint: r.hint }));

describe('the criteria schema', () => {
  it('accepts free text, a structured criterion and a population', () => {
    expect(reports(withCriteria('âge >= 45 et IMC >= 25'))).toEqual([]);
    expect(reports(withCriteria({ description: 'd', priority: 2, note: 'n', any: [{ ald: 'E11*' }, { nyha: { gte: 3, within: 12 } }] }, { population: { age: { gte: 18 } } }))).toEqual([]);
  });

  it('reports a misspelt key inside any/not/all once, at its path, with "did you mean"', () => {
    expect(reports(withCriteria({ all: [{ not: { any: [{ dispensaton: 'A10*' }] } }] }))).toEqual([
      { path: ['strata', 1, 'criteria', 'all', 0, 'not', 'any', 0, 'dispensaton'], message: 'unknown key `dispensaton`', hint: 'did you mean `dispensation`?' },
    ]);
    expect(reports(withCriteria({ any: [{ diagnosis: { codes: 'E11*', withn: 12 } }] }))).toEqual([
      { path: ['strata', 1, 'criteria', 'any', 0, 'diagnosis', 'withn'], message: 'unknown key `withn`', hint: 'did you mean `within`?' },
    ]);
    expect(reports({ ...withCriteria('x'), population: { agee: { gte: 18 } } })).toEqual([
      { path: ['population', 'agee'], message: 'unknown key `agee`', hint: 'did you mean `age`?' },
    ]);
  });

  it('refuses an empty criterion, a window below 1 month, a fractional min-count and an unknown lab test', () => {
    const keys = 'all, any, not, age, sex, territory, diagnosis, ald, dispensation, lab, nyha, stay, act';
    expect(reports(withCriteria({ any: [{}] }))).toEqual([{ path: ['strata', 1, 'criteria', 'any', 0], message: `a criterion needs at least one of ${keys}`, hint: undefined }]);
    expect(reports(withCriteria({ all: [] }))).toEqual([{ path: ['strata', 1, 'criteria', 'all'], message: 'needs at least 1 item(s)', hint: undefined }]);
    expect(reports(withCriteria({ diagnosis: { codes: 'E11', within: 0 } }))).toEqual([{ path: ['strata', 1, 'criteria', 'diagnosis', 'within'], message: 'must be ≥ 1, got the number 0', hint: undefined }]);
    expect(reports(withCriteria({ dispensation: { atc: 'A10', 'min-count': 1.5 } }))[0]!.path).toEqual(['strata', 1, 'criteria', 'dispensation', 'min-count']);
    expect(reports(withCriteria({ lab: { test: 'hb1ac', gte: 7 } }))[0]).toMatchObject({ path: ['strata', 1, 'criteria', 'lab', 'test'], hint: 'did you mean `hba1c`?' });
    expect(reports(withCriteria({ age: {} }))).toEqual([{ path: ['strata', 1, 'criteria', 'age'], message: 'a condition needs at least one of lt, lte, gt, gte, eq, in, between', hint: undefined }]);
    expect(reports(withCriteria({ sex: 'H' }))[0]!.path).toEqual(['strata', 1, 'criteria', 'sex']);
  });
});
