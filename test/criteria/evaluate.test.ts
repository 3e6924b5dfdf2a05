import { describe, expect, it } from 'vitest';
import { ageAt, fromDayNumber, minusMonths, toDayNumber } from '../../src/criteria/dates.js';
import { assign, holds, reasonOf, type Patient } from '../../src/criteria/evaluate.js';
import { assignmentOrder } from '../../src/criteria/parse.js';
import type { Criterion, StratumCriteria } from '../../src/criteria/types.js';

const ASOF = '2026-03-31';

function patient(rows: Partial<Patient> = {}): Patient {
  return { patientId: 'p1', birthDate: '1960-06-15', sex: 'F', territory: 'douaisis', diagnoses: [], dispensations: [], labs: [], stays: [], acts: [], ...rows };
}

const diagnosis = (codes: string[], more: Partial<Extract<Criterion, { kind: 'diagnosis' }>> = {}): Criterion => ({ kind: 'diagnosis', codes, minCount: 1, ald: false, ...more });

describe('calendar arithmetic', () => {
  it('moves months back with the day clamped to the month reached', () => {
    // 31 March − 1 month → February 2026 has 28 days → 2026-02-28.
    expect(minusMonths('2026-03-31', 1)).toBe('2026-02-28');
    // 2024 is a leap year: 31 March 2024 − 1 month → 2024-02-29.
    expect(minusMonths('2024-03-31', 1)).toBe('2024-02-29');
    // 15 January − 1 month crosses the year: 2025-12-15.
    expect(minusMonths('2026-01-15', 1)).toBe('2025-12-15');
    // 31 May − 3 months → February 2026 → 28.
    expect(minusMonths('2026-05-31', 3)).toBe('2026-02-28');
    // 30 April − 24 months → 30 April 2024 (no clamp).
    expect(minusMonths('2026-04-30', 24)).toBe('2024-04-30');
    // 31 December 2026 − 13 months → November 2025, 31 clamped to 30.
    expect(minusMonths('2026-12-31', 13)).toBe('2025-11-30');
  });

  it('counts the age in whole years, 29 February birthdays on 1 March in common years', () => {
    // 2026 − 1960 = 66, and 31 March is before 15 June → 65.
    expect(ageAt('1960-06-15', '2026-03-31')).toBe(65);
    expect(ageAt('1960-06-15', '2026-06-15')).toBe(66);
    expect(ageAt('1960-06-15', '2026-06-14')).toBe(65);
    // Born 29 Feb 2000: on 28 Feb 2026 (2, 28) < (2, 29) → 25; on 1 March → 26.
    expect(ageAt('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageAt('2000-02-29', '2026-03-01')).toBe(26);
    // In 2028 (leap), the birthday is 29 February itself.
    expect(ageAt('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('converts day numbers both ways', () => {
    // 1970-01-01 is day 0; 2000-03-01 is 11017 days later (30 years × 365 + 7 leap days + 31 + 29 = 11017).
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });
});

describe('atoms', () => {
  it('age, sex and territory read the patient', () => {
    const p = patient();
    // Age 65 at 2026-03-31 (above).
    expect(reasonOf({ kind: 'age', test: { gte: 65 } }, p, ASOF)).toBe('age 65');
    expect(holds({ kind: 'age', test: { gt: 65 } }, p, ASOF)).toBe(false);
    expect(holds({ kind: 'age', test: { between: [18, 65] } }, p, ASOF)).toBe(true);
    expect(holds({ kind: 'age', test: { in: [64, 66] } }, p, ASOF)).toBe(false);
    expect(holds({ kind: 'age', test: { gte: 18, lt: 65 } }, p, ASOF)).toBe(false);
    expect(reasonOf({ kind: 'sex', sex: 'F' }, p, ASOF)).toBe('sex F');
    expect(holds({ kind: 'sex', sex: 'M' }, p, ASOF)).toBe(false);
    expect(reasonOf({ kind: 'territory', ids: ['cornouaille', 'douaisis'] }, p, ASOF)).toBe('territory douaisis');
    expect(holds({ kind: 'territory', ids: ['cornouaille'] }, p, ASOF)).toBe(false);
  });

  it('diagnosis: normalised codes, prefixes, windows, rows after asOf ignored', () => {
    const p = patient({ diagnoses: [{ code: 'e11.9', date: '2025-11-20', ald: false }, { code: 'E11', date: '2026-04-01', ald: false }] });
    // `e11.9` normalises to E119, which E11* matches but E11 does not; the E11 row is after asOf.
    expect(reasonOf(diagnosis(['E11*']), p, ASOF)).toBe('E119 (2025-11)');
    expect(holds(diagnosis(['E11']), p, ASOF)).toBe(false);
    expect(holds(diagnosis(['E119']), p, ASOF)).toBe(true);
    // Window of 4 months: asOf − 4 = 2025-11-30, and 2025-11-20 ≤ it → out.
    expect(holds(diagnosis(['E11*'], { withinMonths: 4 }), p, ASOF)).toBe(false);
    // 5 months: 2025-10-31 < 2025-11-20 → in.
    expect(holds(diagnosis(['E11*'], { withinMonths: 5 }), p, ASOF)).toBe(true);
  });

  it('window bounds: the day asOf − m months is out, the next day in, asOf itself in', () => {
    // asOf 2026-03-31, 1 month → bound 2026-02-28 (clamped).
    const on = patient({ diagnoses: [{ code: 'I50', date: '2026-02-28', ald: false }] });
    const after = patient({ diagnoses: [{ code: 'I50', date: '2026-03-01', ald: false }] });
    const today = patient({ diagnoses: [{ code: 'I50', date: '2026-03-31', ald: false }] });
    const c = diagnosis(['I50'], { withinMonths: 1 });
    expect([holds(c, on, ASOF), holds(c, after, ASOF), holds(c, today, ASOF)]).toEqual([false, true, true]);
  });

  it('ald and min-count', () => {
    const p = patient({
      diagnoses: [
        { code: 'E11', date: '2020-01-01', ald: true },
        { code: 'E119', date: '2025-01-10', ald: false },
        { code: 'E112', date: '2025-01-10', ald: false },
      ],
    });
    expect(reasonOf(diagnosis(['E11*'], { ald: true }), p, ASOF)).toBe('ALD E11 (2020-01)');
    // Three matching rows: min-count 3 holds, 4 does not; latest date 2025-01-10 shared by E119 and E112 → smallest code E112.
    expect(reasonOf(diagnosis(['E11*'], { minCount: 3 }), p, ASOF)).toBe('E112 (2025-01)');
    expect(holds(diagnosis(['E11*'], { minCount: 4 }), p, ASOF)).toBe(false);
    expect(holds(diagnosis(['E10*'], { ald: true }), p, ASOF)).toBe(false);
  });

  it('dispensation counts rows in the window', () => {
    const p = patient({
      dispensations: [
        { atc: 'A10BA02', date: '2025-05-02' },
        { atc: 'A10BA02', date: '2025-09-02' },
        { atc: 'a10bj06', date: '2026-02-10' },
        { atc: 'A10BA02', date: '2026-02-10' },
        { atc: 'A10BA02', date: '2026-05-01' },
        { atc: 'C09AA05', date: '2026-03-01' },
      ],
    });
    // 12 months: bound 2025-03-31 → 4 A10 rows (the 2026-05-01 row is after asOf); latest 2026-02-10 → smallest code A10BA02.
    expect(reasonOf({ kind: 'dispensation', atc: ['A10*'], withinMonths: 12, minCount: 3 }, p, ASOF)).toBe('A10BA02 ×4 (2026-02)');
    // 6 months: bound 2025-09-30 → only the two 2026-02-10 rows.
    expect(holds({ kind: 'dispensation', atc: ['A10*'], withinMonths: 6, minCount: 3 }, p, ASOF)).toBe(false);
    expect(reasonOf({ kind: 'dispensation', atc: ['A10BJ*'], minCount: 1 }, p, ASOF)).toBe('A10BJ06 ×1 (2026-02)');
  });

  it('lab: latest value, ties broken by the worst of that date, worst value, egfr and lvef worst lowest', () => {
    const p = patient({
      labs: [
        { test: 'hba1c', value: 9.1, date: '2025-06-01' },
        { test: 'hba1c', value: 7.2, date: '2026-01-15' },
        { test: 'hba1c', value: 8.4, date: '2026-01-15' },
        { test: 'hba1c', value: 6.0, date: '2026-04-02' },
        { test: 'egfr', value: 55, date: '2025-10-01' },
        { test: 'egfr', value: 42, date: '2025-04-01' },
        { test: 'egfr', value: 70, date: '2026-02-01' },
        { test: 'lvef', value: 35, date: '2025-12-01' },
        { test: 'lvef', value: 50, date: '2026-03-01' },
        { test: 'nyha', value: 3, date: '2026-03-10' },
      ],
    });
    const lab = (test: Extract<Criterion, { kind: 'lab' }>['lab'], value: 'latest' | 'worst', bounds: object, withinMonths?: number): Criterion => ({ kind: 'lab', lab: test, value, test: bounds, ...(withinMonths ? { withinMonths } : {}) });
    // Latest date ≤ asOf is 2026-01-15 (the 6.0 is after asOf), with 7.2 and 8.4 → worst (higher) 8.4.
    expect(reasonOf(lab('hba1c', 'latest', { gte: 8 }), p, ASOF)).toBe('HbA1c 8.4 % (2026-01)');
    // Worst over everything ≤ asOf: 9.1.
    expect(reasonOf(lab('hba1c', 'worst', { gte: 9 }), p, ASOF)).toBe('HbA1c 9.1 % (2025-06)');
    // Worst within 6 months (bound 2025-09-30): 8.4, not 9.1.
    expect(holds(lab('hba1c', 'worst', { gte: 9 }, 6), p, ASOF)).toBe(false);
    // egfr worst = lowest: 42 over all; within 6 months (after 2025-09-30): 55 and 70 → 55.
    expect(reasonOf(lab('egfr', 'worst', { lt: 45 }), p, ASOF)).toBe('eGFR 42 mL/min/1.73 m² (2025-04)');
    expect(reasonOf(lab('egfr', 'worst', { lt: 60 }, 6), p, ASOF)).toBe('eGFR 55 mL/min/1.73 m² (2025-10)');
    // egfr latest = 70 (2026-02-01).
    expect(holds(lab('egfr', 'latest', { lt: 60 }), p, ASOF)).toBe(false);
    // lvef worst = lowest 35; latest 50.
    expect(holds(lab('lvef', 'worst', { lte: 40 }), p, ASOF)).toBe(true);
    expect(holds(lab('lvef', 'latest', { lte: 40 }), p, ASOF)).toBe(false);
    expect(reasonOf(lab('nyha', 'latest', { gte: 3 }), p, ASOF)).toBe('NYHA 3 (2026-03)');
    // No value in the window: does not hold, whatever the bounds (1 month: after 2026-02-28, no bnp at all).
    expect(holds(lab('bnp', 'latest', { lt: 1e9 }), p, ASOF)).toBe(false);
    expect(holds(lab('egfr', 'latest', { gt: 0 }, 1), p, ASOF)).toBe(false);
  });

  it('stay and act', () => {
    const p = patient({
      stays: [
        { admission: '2025-12-03', discharge: '2025-12-10', mainDiagnosis: 'I50.1' },
        { admission: '2024-01-03', mainDiagnosis: 'I500' },
        { admission: '2026-01-20', mainDiagnosis: 'J18' },
      ],
      acts: [{ code: 'JVJF004', date: '2026-01-05' }, { code: 'jvjf004', date: '2025-02-01' }],
    });
    expect(reasonOf({ kind: 'stay', mainDiagnosis: ['I50*'], withinMonths: 12, minCount: 1 }, p, ASOF)).toBe('stay I501 (2025-12)');
    expect(holds({ kind: 'stay', mainDiagnosis: ['I50*'], withinMonths: 12, minCount: 2 }, p, ASOF)).toBe(false);
    expect(holds({ kind: 'stay', mainDiagnosis: ['I50*'], minCount: 2 }, p, ASOF)).toBe(true);
    // Without main diagnosis, any stay; the latest is the J18 one.
    expect(reasonOf({ kind: 'stay', minCount: 1 }, p, ASOF)).toBe('stay J18 (2026-01)');
    expect(reasonOf({ kind: 'act', codes: ['JVJF004'], minCount: 2 }, p, ASOF)).toBe('JVJF004 (2026-01)');
    expect(holds({ kind: 'act', codes: ['JVJF004'], withinMonths: 6, minCount: 2 }, p, ASOF)).toBe(false);
  });
});

describe('combinators and their reasons', () => {
  const p = patient({ diagnoses: [{ code: 'E119', date: '2025-11-02', ald: true }], dispensations: [{ atc: 'A10BA02', date: '2026-02-01' }] });
  it('all joins every reason in order, any takes the first that holds, not reads `no …`', () => {
    const c: Criterion = {
      kind: 'all',
      of: [
        { kind: 'age', test: { gte: 18 } },
        { kind: 'any', of: [diagnosis(['E10*']), { kind: 'dispensation', atc: ['A10*'], minCount: 1 }, diagnosis(['E11*'])] },
        { kind: 'not', of: diagnosis(['N18*', 'E112']) },
      ],
    };
    expect(reasonOf(c, p, ASOF)).toBe('age 65 + A10BA02 ×1 (2026-02) + no N18*, E112');
    expect(holds({ kind: 'not', of: c }, p, ASOF)).toBe(false);
    expect(holds({ kind: 'any', of: [diagnosis(['E10*']), diagnosis(['I50*'])] }, p, ASOF)).toBe(false);
    expect(reasonOf({ kind: 'not', of: { kind: 'lab', lab: 'hba1c', value: 'latest', test: { gte: 8 } } }, p, ASOF)).toBe('no HbA1c ≥ 8');
  });
});

describe('assignment', () => {
  const s = (stratum: string, rule?: Criterion, priority?: number): StratumCriteria => ({ stratum, ...(rule ? { rule } : {}), ...(priority !== undefined ? { priority } : {}) });
  const pyramid = {
    population: { kind: 'age', test: { gte: 18 } } as Criterion,
    strata: [s('S0', diagnosis(['Z00'])), s('S1', { kind: 'age', test: { gte: 45 } }), s('S2', diagnosis(['E11*'])), s('S3', diagnosis(['E112', 'N18*'])), s('S4')],
  };
  it('evaluates from the top down, free text skipped, bottom excluded; priorities first', () => {
    expect(assignmentOrder(pyramid).map((x) => x.stratum)).toEqual(['S3', 'S2', 'S1']);
    const prioritised = { strata: [s('S0'), s('S1', diagnosis(['A']), 1), s('S2', diagnosis(['B'])), s('S3', diagnosis(['C']), 1), s('S4', diagnosis(['D']), 5)] };
    // Priority 5 first, then the two priority-1 strata, higher (S3) first, then S2.
    expect(assignmentOrder(prioritised).map((x) => x.stratum)).toEqual(['S4', 'S3', 'S1', 'S2']);
  });
  it('assigns the first stratum that holds, with its reason; the rest to the bottom', () => {
    const diabetic = patient({ diagnoses: [{ code: 'E11.9', date: '2025-01-01', ald: false }] });
    expect(assign(pyramid, diabetic, ASOF)).toEqual({ stratum: 'S2', reason: 'E119 (2025-01)' });
    const complicated = patient({ diagnoses: [{ code: 'E11.9', date: '2025-01-01', ald: false }, { code: 'N18.3', date: '2025-02-01', ald: false }] });
    expect(assign(pyramid, complicated, ASOF)).toEqual({ stratum: 'S3', reason: 'N183 (2025-02)' });
    // Age 65 ≥ 45 → S1.
    expect(assign(pyramid, patient(), ASOF)).toEqual({ stratum: 'S1', reason: 'age 65' });
    // Age 30: no stratum holds → the bottom, whose own criterion (Z00) is not evaluated.
    expect(assign(pyramid, patient({ birthDate: '1995-06-01' }), ASOF)).toEqual({ stratum: 'S0', reason: 'rest' });
  });
  it('puts outside the pyramid those outside the population and the dead', () => {
    // Born 2010-01-01: age 16 < 18.
    expect(assign(pyramid, patient({ birthDate: '2010-01-01' }), ASOF)).toEqual({ stratum: 'outside', reason: 'not in the population' });
    expect(assign(pyramid, patient({ deathDate: '2026-03-31' }), ASOF)).toEqual({ stratum: 'outside', reason: 'death (2026-03)' });
    // Dying after asOf: still alive at asOf.
    expect(assign(pyramid, patient({ deathDate: '2026-04-01' }), ASOF).stratum).toBe('S1');
    // No population criterion: everyone alive is in the pyramid.
    expect(assign({ strata: pyramid.strata }, patient({ birthDate: '2010-01-01' }), ASOF)).toEqual({ stratum: 'S0', reason: 'rest' });
  });
});
