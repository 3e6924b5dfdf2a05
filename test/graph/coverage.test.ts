import { describe, expect, it } from 'vitest';
import { accepts, analyzeCoverage, describeDomain, describeInterval, variableKind, wholeRun, type Condition } from '../../src/graph/index.js';

const describeGaps = (name: string, r: ReturnType<typeof analyzeCoverage>) => r.gaps.map((g) => describeInterval(name, g, r.kind === 'discrete'));
const describeOverlaps = (name: string, r: ReturnType<typeof analyzeCoverage>) => r.overlaps.map((o) => `${describeInterval(name, o.interval, r.kind === 'discrete')} ${o.branches.join('+')}`);

describe('accepts', () => {
  it('combines the bounds of a condition with "and"', () => {
    const c: Condition = { gt: 7, lte: 8 };
    expect([7, 7.5, 8, 8.01].map((x) => accepts(c, x))).toEqual([false, true, true, false]);
    expect(accepts({ between: [1, 2] }, 2)).toBe(true);
    expect(accepts({ in: [1, 3] }, 2)).toBe(false);
    expect(accepts({ eq: 0 }, 0)).toBe(true);
  });
});

describe('coverage of a continuous variable', () => {
  it('accepts thresholds that cover the range exactly once', () => {
    const r = analyzeCoverage({ min: 4, max: 15, conditions: [{ lte: 7 }, { gt: 7, lte: 8 }, { gt: 8 }] });
    expect(r.kind).toBe('continuous');
    expect(r.gaps).toEqual([]);
    expect(r.overlaps).toEqual([]);
    expect(r.empty).toEqual([]);
  });

  it('reports the exact gap, open or closed at each end', () => {
    expect(describeGaps('hba1c', analyzeCoverage({ conditions: [{ lte: 7 }, { gte: 8 }] }))).toEqual(['hba1c in ]7 ; 8[']);
    expect(describeGaps('hba1c', analyzeCoverage({ conditions: [{ lt: 7 }, { gt: 7 }] }))).toEqual(['hba1c = 7']);
    expect(describeGaps('hba1c', analyzeCoverage({ min: 4, max: 15, conditions: [{ lte: 7 }, { gt: 8 }] }))).toEqual(['hba1c in ]7 ; 8]']);
    expect(describeGaps('x', analyzeCoverage({ conditions: [{ between: [1, 2] }] }))).toEqual(['x < 1', 'x > 2']);
    expect(describeGaps('x', analyzeCoverage({ min: 0, conditions: [{ gt: 0 }] }))).toEqual(['x = 0']);
  });

  it('reports the exact overlap and which branches share it', () => {
    expect(describeOverlaps('hba1c', analyzeCoverage({ conditions: [{ lte: 7 }, { gte: 7 }] }))).toEqual(['hba1c = 7 0+1']);
    expect(describeOverlaps('x', analyzeCoverage({ min: 0, max: 10, conditions: [{ lte: 6 }, { gte: 4 }, { between: [5, 5.5] }] }))).toEqual([
      'x in [4 ; 5[ 0+1',
      'x in [5 ; 5.5] 0+1+2',
      'x in ]5.5 ; 6] 0+1',
    ]);
  });

  it('ignores what lies outside [min ; max], and reports a branch that accepts nothing there', () => {
    const r = analyzeCoverage({ min: 4, max: 15, conditions: [{ lte: 7 }, { gt: 7 }, { gt: 20 }, { gt: 9, lt: 8 }] });
    expect(r.gaps).toEqual([]);
    expect(r.empty).toEqual([2, 3]);
  });

  it('leaves out branches without a condition', () => {
    const r = analyzeCoverage({ conditions: [{ lt: 1 }, undefined] });
    expect(describeGaps('x', r)).toEqual(['x ≥ 1']);
  });
});

describe('coverage of a whole-numbered variable', () => {
  it('is detected from integer min, max and eq/in values', () => {
    expect(variableKind({ min: 0, max: 3, conditions: [{ eq: 0 }, { in: [1, 2, 3] }] })).toBe('discrete');
    expect(variableKind({ min: 0, max: 3, conditions: [{ eq: 0 }, { gte: 1 }] })).toBe('discrete');
    expect(variableKind({ conditions: [{ eq: 0 }, { in: [1, 2, 3] }] })).toBe('continuous');
    expect(variableKind({ min: 0, max: 3, conditions: [{ eq: 0 }, { gt: 0.5 }] })).toBe('continuous');
    expect(variableKind({ min: 0, max: 3, conditions: [{ lte: 1 }, { gt: 1 }] })).toBe('continuous');
  });

  it('has no gap between whole numbers, and reports a missing one', () => {
    expect(analyzeCoverage({ min: 0, max: 3, conditions: [{ eq: 0 }, { in: [1, 2] }, { eq: 3 }] }).gaps).toEqual([]);
    expect(analyzeCoverage({ min: 0, max: 3, conditions: [{ eq: 0 }, { gte: 1 }] }).gaps).toEqual([]);
    const r = analyzeCoverage({ min: 0, max: 9, conditions: [{ eq: 0 }, { eq: 1 }, { in: [8, 9] }] });
    expect(describeGaps('grade', r)).toEqual(['grade in {2, 3, …, 7}']);
    expect(describeGaps('grade', analyzeCoverage({ min: 0, max: 3, conditions: [{ eq: 0 }, { eq: 3 }] }))).toEqual(['grade in {1, 2}']);
    expect(describeOverlaps('grade', analyzeCoverage({ min: 0, max: 3, conditions: [{ in: [0, 1] }, { in: [1, 2, 3] }] }))).toEqual(['grade = 1 0+1']);
  });

  it('turns intervals into runs of whole numbers', () => {
    expect(wholeRun({ lo: 0, hi: 1, loClosed: false, hiClosed: false })).toBeUndefined();
    expect(wholeRun({ lo: 0.5, hi: 3, loClosed: true, hiClosed: false })).toEqual({ lo: 1, hi: 2, loClosed: true, hiClosed: true });
  });
});

describe('categories', () => {
  it('reports a category listed by two branches, and never gaps', () => {
    const r = analyzeCoverage({ conditions: [{ in: ['I', 'II'] }, { in: ['II', 'III', 'IV'] }] });
    expect(r.kind).toBe('categorical');
    expect(r.categoryOverlaps).toEqual([{ value: 'II', branches: [0, 1] }]);
    expect(r.gaps).toEqual([]);
  });

  it('calls conditions mixing text and numbers mixed', () => {
    expect(analyzeCoverage({ conditions: [{ eq: 'oui' }, { gt: 1 }] }).kind).toBe('mixed');
  });
});

describe('describing intervals', () => {
  it('uses the French notation', () => {
    expect(describeInterval('x', { lo: 1, hi: 2, loClosed: true, hiClosed: false })).toBe('x in [1 ; 2[');
    expect(describeInterval('x', { lo: -Infinity, hi: Infinity, loClosed: false, hiClosed: false })).toBe('every value of x');
    expect(describeDomain({ lo: 0, hi: Infinity, loClosed: true, hiClosed: false })).toBe('[0 ; +∞[');
    expect(describeDomain({ lo: -Infinity, hi: Infinity, loClosed: false, hiClosed: false })).toBe(']−∞ ; +∞[');
  });
});
