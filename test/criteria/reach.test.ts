/**
 * Unreachable strata (src/criteria/reach.ts): each case reasoned by hand from docs/stratify.md,
 * "Assignment" (order: priorities highest first, then top down; the bottom left out).
 */
import { describe, expect, it } from 'vitest';
import type { PyramidCriteria } from '../../src/criteria/parse.js';
import { unreachableStrata } from '../../src/criteria/reach.js';
import type { Criterion } from '../../src/criteria/types.js';

const hba1c = (test: Record<string, number>, withinMonths?: number): Criterion => ({ kind: 'lab', lab: 'hba1c', value: 'latest', ...(withinMonths ? { withinMonths } : {}), test });
const ald: Criterion = { kind: 'diagnosis', codes: ['E11*'], minCount: 1, ald: true };
const pyramid = (strata: { rule?: Criterion; priority?: number }[], population?: Criterion): PyramidCriteria => ({
  pyramid: 'p',
  ...(population ? { population } : {}),
  strata: [{ stratum: 'S0' }, ...strata.map((s, i) => ({ stratum: `S${i + 1}`, ...s }))],
});

describe('unreachableStrata', () => {
  it('finds a stratum whose patients a higher one takes: S2 (≥ 7) is evaluated before S1 (≥ 8)', () => {
    // Order: S2 then S1. Every HbA1c ≥ 8 is ≥ 7: S1 gets nobody.
    expect(unreachableStrata(pyramid([{ rule: hba1c({ gte: 8 }) }, { rule: hba1c({ gte: 7 }) }]))).toEqual({
      searched: true,
      unreachable: [{ stratum: 'S1', why: 'taken', earlier: ['S2'] }],
    });
  });

  it('lets a priority change the order: S1 first, then S2 still gets 7 ≤ HbA1c < 8', () => {
    expect(unreachableStrata(pyramid([{ rule: hba1c({ gte: 8 }), priority: 1 }, { rule: hba1c({ gte: 7 }) }]))).toEqual({ searched: true, unreachable: [] });
  });

  it('reads tests of different windows as different variables (a patient may be ≥ 8 over 3 months and not ≥ 7 over 12: never, really, but the reading admits it)', () => {
    expect(unreachableStrata(pyramid([{ rule: hba1c({ gte: 8 }, 3) }, { rule: hba1c({ gte: 7 }, 12) }]))).toEqual({ searched: true, unreachable: [] });
  });

  it('finds a criterion that accepts nobody, and one outside the population', () => {
    const contradiction: Criterion = { kind: 'all', of: [ald, { kind: 'not', of: ald }] };
    const child: Criterion = { kind: 'age', test: { lt: 18 } };
    // S2 (top) is the child stratum, outside population age ≥ 18; S1 needs ALD and no ALD.
    expect(unreachableStrata(pyramid([{ rule: contradiction }, { rule: child }], { kind: 'age', test: { gte: 18 } }))).toEqual({
      searched: true,
      unreachable: [
        { stratum: 'S2', why: 'population' },
        { stratum: 'S1', why: 'impossible' },
      ],
    });
  });

  it('counts whole years: age ≤ 44 then age ≥ 45 leaves no age between them, so S1 (age in 44.5 .. 44.9) is impossible', () => {
    // ]44 ; 45[ holds no whole number of years.
    expect(unreachableStrata(pyramid([{ rule: { kind: 'age', test: { gt: 44, lt: 45 } } }])).unreachable).toEqual([{ stratum: 'S1', why: 'impossible' }]);
  });

  it('treats a lab without a value as possible: not (HbA1c ≥ 7) and not (HbA1c < 7) holds for a patient with no HbA1c', () => {
    const rule: Criterion = { kind: 'all', of: [{ kind: 'not', of: hba1c({ gte: 7 }) }, { kind: 'not', of: hba1c({ lt: 7 }) }] };
    expect(unreachableStrata(pyramid([{ rule }])).unreachable).toEqual([]);
  });

  it('skips the search above the atom limit', () => {
    // 19 distinct diagnosis atoms E00..E18 under one `any`: one more than MAX_ATOMS (18).
    const many: Criterion = { kind: 'any', of: Array.from({ length: 19 }, (_, i) => ({ kind: 'diagnosis', codes: [`E${String(i).padStart(2, '0')}`], minCount: 1, ald: false }) as Criterion) };
    expect(unreachableStrata(pyramid([{ rule: many }]))).toEqual({ searched: false, atoms: 19 });
  });
});
