/**
 * From the validated Pyramid to the criterion trees (docs/stratify.md, "The criteria language"):
 * each expected tree is written by hand from the documented expansions (shorthands, defaults,
 * normalised codes, several keys as `all` in the table's order) and the assignment order from
 * "Assignment".
 */
import { describe, expect, it } from 'vitest';
import { assignmentOrder, criterionTree, locatedStrata, pyramidCriteria, type PyramidCriteria } from '../../src/criteria/parse.js';
import type { Criterion } from '../../src/criteria/types.js';
import { PyramidDocument } from '../../src/language/schemas/index.js';

const pyramid = (extra: Record<string, unknown>) => PyramidDocument.parse({ kind: 'Pyramid', version: 1, id: 'p', title: 'P', ...extra });

describe('criterionTree', () => {
  it('expands the shorthands and states the defaults', () => {
    const value = pyramid({
      strata: [
        { id: 'S0', title: 'A' },
        {
          id: 'S1',
          title: 'B',
          criteria: {
            any: [
              { ald: 'e11.9*' },
              { diagnosis: ['E11*', 'E13'] },
              { diagnosis: { codes: 'E11*', within: 24, 'min-count': 2 } },
              { dispensation: 'a10ba02' },
              { nyha: { gte: 3 } },
              { lab: { test: 'hba1c', gte: 7, within: 12 } },
              { lab: { test: 'egfr', value: 'worst', lt: 60 } },
              { stay: { within: 12 } },
              { act: { codes: ['JVJF004'], 'min-count': 2 } },
              { territory: 'douaisis' },
              { not: { sex: 'F' } },
            ],
          },
        },
      ],
    });
    const expected: Criterion = {
      kind: 'any',
      of: [
        // `ald: X` is diagnosis with ald true, no window; the code upper-cased, its dot removed.
        { kind: 'diagnosis', codes: ['E119*'], minCount: 1, ald: true },
        { kind: 'diagnosis', codes: ['E11*', 'E13'], minCount: 1, ald: false },
        { kind: 'diagnosis', codes: ['E11*'], withinMonths: 24, minCount: 2, ald: false },
        { kind: 'dispensation', atc: ['A10BA02'], minCount: 1 },
        // `nyha` is lab with test nyha and the latest value.
        { kind: 'lab', lab: 'nyha', value: 'latest', test: { gte: 3 } },
        { kind: 'lab', lab: 'hba1c', value: 'latest', withinMonths: 12, test: { gte: 7 } },
        { kind: 'lab', lab: 'egfr', value: 'worst', test: { lt: 60 } },
        { kind: 'stay', withinMonths: 12, minCount: 1 },
        { kind: 'act', codes: ['JVJF004'], minCount: 2 },
        { kind: 'territory', ids: ['douaisis'] },
        { kind: 'not', of: { kind: 'sex', sex: 'F' } },
      ],
    };
    expect(pyramidCriteria(value).strata[1]!.rule).toEqual(expected);
  });

  it('reads a mapping of several keys as `all` of them, in the order of the language table', () => {
    // Written sex, then age, then diagnosis; the table's order is age, sex, diagnosis.
    const tree = criterionTree({ diagnosis: 'E11*', sex: 'M', age: { gte: 40, lt: 75 } }, ['population']);
    expect(tree.criterion).toEqual({
      kind: 'all',
      of: [
        { kind: 'age', test: { gte: 40, lt: 75 } },
        { kind: 'sex', sex: 'M' },
        { kind: 'diagnosis', codes: ['E11*'], minCount: 1, ald: false },
      ],
    });
    expect(tree.path).toEqual(['population']);
    expect(tree.children.map((c) => c.path)).toEqual([
      ['population', 'age'],
      ['population', 'sex'],
      ['population', 'diagnosis'],
    ]);
  });

  it('gives each node and each code pattern its YAML path', () => {
    const tree = criterionTree(
      { any: [{ diagnosis: { codes: ['E11*', 'X9'] } }, { not: { dispensation: 'A10*' } }, { stay: { 'main-diagnosis': 'I50*' } }] },
      ['strata', 2, 'criteria'],
    );
    const base = ['strata', 2, 'criteria'];
    expect(tree.path).toEqual([...base, 'any']);
    const [diagnosis, not, stay] = tree.children;
    expect(diagnosis!.path).toEqual([...base, 'any', 0, 'diagnosis']);
    expect(diagnosis!.patterns).toEqual([
      { pattern: 'E11*', path: [...base, 'any', 0, 'diagnosis', 'codes', 0], system: 'icd10' },
      { pattern: 'X9', path: [...base, 'any', 0, 'diagnosis', 'codes', 1], system: 'icd10' },
    ]);
    expect(not!.path).toEqual([...base, 'any', 1, 'not']);
    expect(not!.children[0]!.path).toEqual([...base, 'any', 1, 'not', 'dispensation']);
    expect(not!.children[0]!.patterns).toEqual([{ pattern: 'A10*', path: [...base, 'any', 1, 'not', 'dispensation'], system: 'atc' }]);
    expect(stay!.criterion).toEqual({ kind: 'stay', mainDiagnosis: ['I50*'], minCount: 1 });
    expect(stay!.patterns).toEqual([{ pattern: 'I50*', path: [...base, 'any', 2, 'stay', 'main-diagnosis'], system: 'icd10' }]);
  });
});

describe('pyramidCriteria', () => {
  it('keeps free text as the description, the population with its path, and a mapping without criterion keys as free text', () => {
    const value = pyramid({
      population: { age: { gte: 18 } },
      strata: [
        { id: 'S0', title: 'A', criteria: 'le reste' },
        { id: 'S1', title: 'B' },
        { id: 'S2', title: 'C', criteria: { description: 'à préciser', priority: 3 } },
        { id: 'S3', title: 'D', criteria: { description: 'ALD', priority: 1, ald: 'E11*' } },
      ],
    });
    const expected: PyramidCriteria = {
      pyramid: 'p',
      population: { kind: 'age', test: { gte: 18 } },
      populationPath: ['population'],
      strata: [
        { stratum: 'S0', description: 'le reste' },
        { stratum: 'S1' },
        { stratum: 'S2', description: 'à préciser', priority: 3 },
        { stratum: 'S3', description: 'ALD', rule: { kind: 'diagnosis', codes: ['E11*'], minCount: 1, ald: true }, priority: 1 },
      ],
    };
    expect(pyramidCriteria(value)).toEqual(expected);
    expect(locatedStrata(value).map((s) => s.tree?.path)).toEqual([undefined, undefined, undefined, ['strata', 3, 'criteria', 'ald']]);
  });
});

describe('assignmentOrder', () => {
  const rule: Criterion = { kind: 'sex', sex: 'F' };
  const strata = (specs: { id: string; priority?: number; free?: boolean }[]): PyramidCriteria => ({
    pyramid: 'p',
    strata: specs.map((s) => ({ stratum: s.id, ...(s.free ? {} : { rule }), ...(s.priority === undefined ? {} : { priority: s.priority }) })),
  });

  it('takes strata with a priority first (highest first, ties higher in the pyramid first), then the others from the top down, without the bottom', () => {
    // Listed S0..S5 (S0 the bottom). Priorities: S1 = 1, S2 = 5, S4 = 1. Free text: S3.
    // Prioritised: S2 (5), then the tie S4, S1 at 1, higher first: S4, S1. Then without priority, top down: S5.
    const order = assignmentOrder(strata([{ id: 'S0', priority: 9 }, { id: 'S1', priority: 1 }, { id: 'S2', priority: 5 }, { id: 'S3', free: true }, { id: 'S4', priority: 1 }, { id: 'S5' }]));
    expect(order.map((s) => s.stratum)).toEqual(['S2', 'S4', 'S1', 'S5']);
  });

  it('goes from the top of the pyramid down without priorities', () => {
    expect(assignmentOrder(strata([{ id: 'S0' }, { id: 'S1' }, { id: 'S2' }, { id: 'S3' }])).map((s) => s.stratum)).toEqual(['S3', 'S2', 'S1']);
  });
});
