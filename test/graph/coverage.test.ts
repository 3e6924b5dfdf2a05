import { describe, expect, it } from 'vitest';
import { accepts, analyzeCoverage, describeDomain, describeInterval, domainOf, variableKind, wholeRun, type Condition } from '../../src/graph/index.js';

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

describe('accepts, bound by bound', () => {
  it('excludes the value of a strict bound and includes that of a loose one', () => {
    expect([6.9, 7, 7.1].map((x) => accepts({ lt: 7 }, x))).toEqual([true, false, false]);
    expect([6.9, 7, 7.1].map((x) => accepts({ lte: 7 }, x))).toEqual([true, true, false]);
    expect([6.9, 7, 7.1].map((x) => accepts({ gt: 7 }, x))).toEqual([false, false, true]);
    expect([6.9, 7, 7.1].map((x) => accepts({ gte: 7 }, x))).toEqual([false, true, true]);
  });

  it('reads between as a closed interval, eq and in as exact values, and no bound as every value', () => {
    expect([0.9, 1, 1.5, 2, 2.1].map((x) => accepts({ between: [1, 2] }, x))).toEqual([false, true, true, true, false]);
    expect([1, 2, 3].map((x) => accepts({ eq: 2 }, x))).toEqual([false, true, false]);
    expect([1, 2, 3, 4].map((x) => accepts({ in: [1, 3] }, x))).toEqual([true, false, true, false]);
    expect(accepts({ eq: 'oui' }, 0)).toBe(false);
    expect(accepts({}, -1e9)).toBe(true);
  });
});

describe('kinds of variable', () => {
  it('calls a variable whole-numbered only with whole bounds, point conditions and whole numbers everywhere', () => {
    expect(variableKind({ min: 0, max: 3, conditions: [{ in: [0, 1] }, { in: [2, 3] }] })).toBe('discrete');
    expect(variableKind({ min: 0.5, max: 3, conditions: [{ eq: 1 }, { gte: 2 }] })).toBe('continuous');
    expect(variableKind({ min: 0, max: 3.5, conditions: [{ eq: 1 }, { gte: 2 }] })).toBe('continuous');
    expect(variableKind({ max: 3, conditions: [{ eq: 1 }, { gte: 2 }] })).toBe('continuous');
    // One condition mixes a whole bound with a fractional one: not whole-numbered.
    expect(variableKind({ min: 0, max: 3, conditions: [{ eq: 0 }, { gte: 1, lt: 2.5 }] })).toBe('continuous');
    expect(variableKind({ min: 0, max: 3, conditions: [{ eq: 0 }, { in: [1, 2.5] }] })).toBe('continuous');
    expect(variableKind({ min: 0, max: 3, conditions: [{ eq: 0 }, { between: [1, 2.5] }] })).toBe('continuous');
    // Branches without a condition do not count.
    expect(variableKind({ min: 0, max: 3, conditions: [undefined, { eq: 0 }, { gte: 1 }] })).toBe('discrete');
  });

  it('calls text values categories, whether given by eq or in, and text with numbers mixed', () => {
    expect(variableKind({ conditions: [{ eq: 'oui' }, { eq: 'non' }] })).toBe('categorical');
    expect(variableKind({ conditions: [{ in: ['I'] }, { in: ['II'] }] })).toBe('categorical');
    expect(variableKind({ conditions: [{ in: ['I', 2] }] })).toBe('mixed');
    expect(variableKind({ conditions: [{ eq: 'oui' }, { lt: 1 }] })).toBe('mixed');
    expect(variableKind({ conditions: [{ eq: 'oui' }, { lte: 1 }] })).toBe('mixed');
    expect(variableKind({ conditions: [{ eq: 'oui' }, { gte: 1 }] })).toBe('mixed');
    expect(variableKind({ conditions: [{ eq: 'oui' }, { eq: 1 }] })).toBe('mixed');
    expect(variableKind({ conditions: [{ eq: 'oui' }, { between: [1, 2] }] })).toBe('mixed');
  });
});

describe('coverage, edge cases', () => {
  it('analyses nothing for a decision without conditions, or with mixed conditions', () => {
    const none = analyzeCoverage({ min: 0, max: 10, conditions: [undefined, undefined] });
    expect([none.gaps, none.overlaps, none.empty, none.categoryOverlaps]).toEqual([[], [], [], []]);
    const mixed = analyzeCoverage({ conditions: [{ eq: 'oui' }, { gt: 1 }] });
    expect([mixed.gaps, mixed.overlaps, mixed.empty, mixed.categoryOverlaps]).toEqual([[], [], [], []]);
  });

  it('gives categories neither gaps nor empty branches, and does not count a value listed twice by one branch', () => {
    const r = analyzeCoverage({ conditions: [{ in: ['I', 'I'] }, { eq: 'II' }, { eq: 'II' }] });
    expect(r.kind).toBe('categorical');
    expect(r.categoryOverlaps).toEqual([{ value: 'II', branches: [1, 2] }]);
    expect([r.gaps, r.overlaps, r.empty]).toEqual([[], [], []]);
    expect(analyzeCoverage({ conditions: [{ eq: 'a' }, { in: ['b', 'a'] }, { in: ['a'] }] }).categoryOverlaps).toEqual([{ value: 'a', branches: [0, 1, 2] }]);
  });

  it('takes a bound from each kind of condition', () => {
    // lt 7 and gte 8: the values from 7 up to 8 (excluded) reach no branch.
    expect(analyzeCoverage({ conditions: [{ lt: 7 }, { gte: 8 }] }).gaps).toEqual([{ lo: 7, hi: 8, loClosed: true, hiClosed: false }]);
    // gt 8 and lte 7 given in that order: ]7 ; 8].
    expect(analyzeCoverage({ conditions: [{ gt: 8 }, { lte: 7 }] }).gaps).toEqual([{ lo: 7, hi: 8, loClosed: false, hiClosed: true }]);
    // eq 5 alone: every other value is a gap, on both sides.
    expect(analyzeCoverage({ conditions: [{ eq: 5 }] }).gaps).toEqual([
      { lo: -Infinity, hi: 5, loClosed: false, hiClosed: false },
      { lo: 5, hi: Infinity, loClosed: false, hiClosed: false },
    ]);
    // in [2, 4] over [0 ; 6], whole-numbered (whole min and max, in): 0, 1, 3, 5 and 6 reach no branch.
    expect(describeGaps('n', analyzeCoverage({ min: 0, max: 6, conditions: [{ in: [2, 4] }] }))).toEqual(['n in {0, 1}', 'n = 3', 'n in {5, 6}']);
  });

  it('never closes an infinite end, and closes a finite domain end', () => {
    // Nothing below −5 is accepted: the gap is ]−∞ ; −5[.
    expect(analyzeCoverage({ conditions: [{ gte: -5 }] }).gaps).toEqual([{ lo: -Infinity, hi: -5, loClosed: false, hiClosed: false }]);
    // Nothing above −5: ]−5 ; +∞[.
    expect(analyzeCoverage({ conditions: [{ lte: -5 }] }).gaps).toEqual([{ lo: -5, hi: Infinity, loClosed: false, hiClosed: false }]);
    // No condition bounds the variable: one gap, the whole line, when the only branch wants x < −1 and x > 1.
    expect(analyzeCoverage({ conditions: [{ lt: -1, gt: 1 }] }).gaps).toEqual([{ lo: -Infinity, hi: Infinity, loClosed: false, hiClosed: false }]);
    expect(analyzeCoverage({ conditions: [{ lt: -1, gt: 1 }] }).empty).toEqual([0]);
    // [0 ; 10] with x < 10: the max itself is the gap.
    expect(analyzeCoverage({ min: 0, max: 10, conditions: [{ lt: 10 }] }).gaps).toEqual([{ lo: 10, hi: 10, loClosed: true, hiClosed: true }]);
    expect(analyzeCoverage({ min: 0, max: 10, conditions: [{ gt: 0 }] }).gaps).toEqual([{ lo: 0, hi: 0, loClosed: true, hiClosed: true }]);
    // [−3 ; 3] with x < −1 or x > 1: the gap [−1 ; 1] is closed at both ends.
    expect(analyzeCoverage({ min: -3, max: 3, conditions: [{ lt: -1 }, { gt: 1 }] }).gaps).toEqual([{ lo: -1, hi: 1, loClosed: true, hiClosed: true }]);
    // A single-valued domain: 5 accepted, nothing else to check.
    const single = analyzeCoverage({ min: 5, max: 5, conditions: [{ gte: 5 }, { lt: 5 }] });
    expect([single.gaps, single.overlaps, single.empty]).toEqual([[], [], [1]]);
  });

  it('reports an overlap on an unbounded side with open infinite ends', () => {
    const r = analyzeCoverage({ conditions: [{ lt: 3 }, { lt: 5 }, { gte: 5 }] });
    expect(r.gaps).toEqual([]);
    expect(r.overlaps).toEqual([{ interval: { lo: -Infinity, hi: 3, loClosed: false, hiClosed: false }, branches: [0, 1] }]);
    const above = analyzeCoverage({ conditions: [{ gt: 3 }, { gt: 5 }, { lte: 3 }] });
    expect(above.overlaps).toEqual([{ interval: { lo: 5, hi: Infinity, loClosed: false, hiClosed: false }, branches: [0, 1] }]);
  });

  it('reports a whole-numbered gap or overlap as a closed run of whole numbers', () => {
    // grade 0..9: 0, 1, 8, 9 covered; the gap is the run 2..7, as a closed interval.
    expect(analyzeCoverage({ min: 0, max: 9, conditions: [{ eq: 0 }, { eq: 1 }, { in: [8, 9] }] }).gaps).toEqual([{ lo: 2, hi: 7, loClosed: true, hiClosed: true }]);
    // grade 0..9: ≤ 6, ≥ 3 and = 0. 0 is taken by branches 0 and 2; 3 to 6 by branches 0 and 1.
    const r = analyzeCoverage({ min: 0, max: 9, conditions: [{ lte: 6 }, { gte: 3 }, { eq: 0 }] });
    expect(r.kind).toBe('discrete');
    expect(r.overlaps).toEqual([
      { interval: { lo: 0, hi: 0, loClosed: true, hiClosed: true }, branches: [0, 2] },
      { interval: { lo: 3, hi: 6, loClosed: true, hiClosed: true }, branches: [0, 1] },
    ]);
    expect(r.gaps).toEqual([]);
    // x < 1, x > 2 and x = 5 over 0..5: 1 and 2 are both missed, with no whole number between
    // them, so they are one gap {1, 2}, not two; 5 is taken by branches 1 and 2.
    const adjacent = analyzeCoverage({ min: 0, max: 5, conditions: [{ lt: 1 }, { gt: 2 }, { eq: 5 }] });
    expect(describeGaps('x', adjacent)).toEqual(['x in {1, 2}']);
    expect(adjacent.overlaps).toEqual([{ interval: { lo: 5, hi: 5, loClosed: true, hiClosed: true }, branches: [1, 2] }]);
    // A branch for values strictly between two whole numbers accepts no whole number.
    expect(analyzeCoverage({ min: 0, max: 5, conditions: [{ lte: 2 }, { gt: 2, lt: 3 }, { gte: 3 }, { eq: 0 }] }).empty).toEqual([1]);
  });
});

describe('whole runs and descriptions', () => {
  it('keeps the whole numbers of an interval, open or closed at each end', () => {
    expect(wholeRun({ lo: 1, hi: 1, loClosed: true, hiClosed: true })).toEqual({ lo: 1, hi: 1, loClosed: true, hiClosed: true });
    expect(wholeRun({ lo: 1, hi: 3, loClosed: false, hiClosed: false })).toEqual({ lo: 2, hi: 2, loClosed: true, hiClosed: true });
    expect(wholeRun({ lo: 1, hi: 3, loClosed: true, hiClosed: true })).toEqual({ lo: 1, hi: 3, loClosed: true, hiClosed: true });
    expect(wholeRun({ lo: 0.5, hi: 2.5, loClosed: false, hiClosed: true })).toEqual({ lo: 1, hi: 2, loClosed: true, hiClosed: true });
    expect(wholeRun({ lo: 1, hi: 2, loClosed: false, hiClosed: false })).toBeUndefined();
    expect(wholeRun({ lo: 1.2, hi: 1.8, loClosed: true, hiClosed: true })).toBeUndefined();
  });

  it('lists up to four whole numbers, and abbreviates more', () => {
    const run = (lo: number, hi: number) => ({ lo, hi, loClosed: true, hiClosed: true });
    expect(describeInterval('g', run(1, 2), true)).toBe('g in {1, 2}');
    expect(describeInterval('g', run(1, 4), true)).toBe('g in {1, 2, 3, 4}');
    expect(describeInterval('g', run(1, 5), true)).toBe('g in {1, 2, …, 5}');
    expect(describeInterval('g', run(3, 3), true)).toBe('g = 3');
  });

  it('writes each kind of interval with its closed or open ends', () => {
    expect(describeInterval('x', { lo: -Infinity, hi: 7, loClosed: false, hiClosed: true })).toBe('x ≤ 7');
    expect(describeInterval('x', { lo: -Infinity, hi: 7, loClosed: false, hiClosed: false })).toBe('x < 7');
    expect(describeInterval('x', { lo: 7, hi: Infinity, loClosed: true, hiClosed: false })).toBe('x ≥ 7');
    expect(describeInterval('x', { lo: 7, hi: Infinity, loClosed: false, hiClosed: false })).toBe('x > 7');
    expect(describeInterval('x', { lo: 7, hi: 8, loClosed: false, hiClosed: true })).toBe('x in ]7 ; 8]');
    expect(describeInterval('x', { lo: 7, hi: 8, loClosed: true, hiClosed: true })).toBe('x in [7 ; 8]');
    expect(describeInterval('x', { lo: -2.5, hi: -2.5, loClosed: true, hiClosed: true })).toBe('x = -2.5');
  });

  it('writes the domain with its ends', () => {
    expect(describeDomain(domainOf(4, 15))).toBe('[4 ; 15]');
    expect(describeDomain(domainOf(undefined, 15))).toBe(']−∞ ; 15]');
    expect(describeDomain(domainOf(0, undefined))).toBe('[0 ; +∞[');
    expect(domainOf(0, 0)).toEqual({ lo: 0, hi: 0, loClosed: true, hiClosed: true });
    expect(domainOf(undefined, undefined)).toEqual({ lo: -Infinity, hi: Infinity, loClosed: false, hiClosed: false });
  });
});

describe('coverage, more edge cases', () => {
  it('looks at no value beyond max, even where conditions cut the line there', () => {
    // [0 ; 10]: x ≤ 10 takes every value; the branch for 20 < x < 30 takes none of them.
    const r = analyzeCoverage({ min: 0, max: 10, conditions: [{ lte: 10 }, { gt: 20, lt: 30 }] });
    expect([r.gaps, r.overlaps, r.empty]).toEqual([[], [], [1]]);
  });

  it('tells apart two overlaps of the same size shared by different branches', () => {
    // x ≤ 5, x ≥ 3, x > 5: [3 ; 5] goes to branches 0 and 1, ]5 ; +∞[ to branches 1 and 2.
    const r = analyzeCoverage({ conditions: [{ lte: 5 }, { gte: 3 }, { gt: 5 }] });
    expect(r.overlaps).toEqual([
      { interval: { lo: 3, hi: 5, loClosed: true, hiClosed: true }, branches: [0, 1] },
      { interval: { lo: 5, hi: Infinity, loClosed: false, hiClosed: false }, branches: [1, 2] },
    ]);
    expect(r.gaps).toEqual([]);
  });

  it('sees no gap between a number and the next one', () => {
    // No number lies strictly between 1 and 1 + 2^-52, the next double: x ≤ 1 and x ≥ 1 + 2^-52 leave no gap.
    const r = analyzeCoverage({ conditions: [{ lte: 1 }, { gte: 1 + Number.EPSILON }] });
    expect([r.gaps, r.overlaps, r.empty]).toEqual([[], [], []]);
  });
});
