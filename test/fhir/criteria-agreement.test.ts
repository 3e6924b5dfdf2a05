/**
 * The exported eligibility (src/fhir/criteria.ts) agrees with logi's assignment: for generated
 * patients, the `fhirpath` engine (HL7's FHIRPath for JavaScript, R4 model), evaluating each
 * stratum's applicability expression on the patient's FHIR Bundle (test/fhir/patient-bundle.ts),
 * finds exactly one stratum — the one src/criteria/evaluate.ts's `assign` gives on the same rows —
 * or none when `assign` says `outside`. Patients are drawn from a seeded stream around every bound
 * and window edge of the bundled pyramids' criteria (and of a test pyramid with the kinds and the
 * priority they do not use): ages on both sides of each bound with birthdays on the eve and the day,
 * rows on asOf, the day after, the window's first excluded day and its first included day
 * (reference dates at month ends, 29 February among them), codes matching by prefix, exactly, and
 * not at all, counts at min-count − 1 and min-count, lab values on both sides of each bound and
 * several values on one date.
 */
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assign, OUTSIDE, type Patient } from '../../src/criteria/evaluate.js';
import { fromDayNumber, minusMonths, toDayNumber } from '../../src/criteria/dates.js';
import { pyramidCriteria, type PyramidCriteria } from '../../src/criteria/parse.js';
import type { Criterion, NumericTest } from '../../src/criteria/types.js';
import { assignmentFhirPath } from '../../src/fhir/criteria.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { REPO } from '../helpers/cli.js';
import { patientBundle } from './patient-bundle.js';
import { exportAll } from './helpers.js';
import type { PlanDefinition } from '../../src/fhir/types.js';

/** A seeded stream (mulberry32): the same patients on every run. */
function stream(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AS_OF = ['2026-03-31', '2024-02-29', '2025-12-31', '2026-05-31', '2026-01-15'];
const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

function atomsOf(c: Criterion): Criterion[] {
  return c.kind === 'all' || c.kind === 'any' ? c.of.flatMap(atomsOf) : c.kind === 'not' ? atomsOf(c.of) : [c];
}

function boundsOf(test: NumericTest): number[] {
  return [test.lt, test.lte, test.gt, test.gte, test.eq, ...(test.in ?? []), ...(test.between ?? [])].filter((v): v is number => v !== undefined);
}

/** Codes around a pattern: matching (the stem, the stem with one more character), and not (one character fewer). */
function codesAround(pattern: string): string[] {
  const prefix = pattern.endsWith('*');
  const stem = prefix ? pattern.slice(0, -1) : pattern;
  return [stem, `${stem}9`, stem.slice(0, -1) || 'Z'];
}

/** Dates that decide a window: asOf, the day after, the first excluded and the first included day, and long before. */
function datesAround(asOf: string, withinMonths: number | undefined): string[] {
  const dates = [asOf, addDays(asOf, 1), addDays(asOf, -4000)];
  if (withinMonths !== undefined) {
    const edge = minusMonths(asOf, withinMonths);
    dates.push(edge, addDays(edge, 1), addDays(edge, -1));
  }
  return dates;
}

type Pick = <T>(list: readonly T[]) => T;

/** Rows that bear on one atom, around its edges. */
function rowsFor(atom: Criterion, patient: Patient, asOf: string, pick: Pick, random: () => number): void {
  switch (atom.kind) {
    case 'diagnosis':
    case 'dispensation':
    case 'act':
    case 'stay': {
      const patterns = atom.kind === 'dispensation' ? atom.atc : atom.kind === 'stay' ? (atom.mainDiagnosis ?? ['I50*']) : atom.codes;
      const count = Math.max(0, atom.minCount - 1 + Math.floor(random() * 3));
      const sameCode = pick(codesAround(pick(patterns)));
      for (let i = 0; i < count; i++) {
        const code = random() < 0.6 ? sameCode : pick(codesAround(pick(patterns)));
        const date = pick(datesAround(asOf, atom.withinMonths));
        if (atom.kind === 'diagnosis') patient.diagnoses.push({ code, date, ald: atom.ald ? random() < 0.7 : random() < 0.3 });
        else if (atom.kind === 'dispensation') patient.dispensations.push({ atc: code, date });
        else if (atom.kind === 'act') patient.acts.push({ code, date });
        else patient.stays.push({ admission: date, mainDiagnosis: code });
      }
      return;
    }
    case 'lab': {
      const bounds = boundsOf(atom.test);
      const values = bounds.length === 0 ? [1, 50] : bounds.flatMap((b) => [b - 1, b - 0.01, b, b + 0.01, b + 1].map((v) => Math.round(v * 1e6) / 1e6));
      const valid = atom.lab === 'nyha' ? [1, 2, 3, 4] : values;
      const count = 1 + Math.floor(random() * 3);
      const dates = datesAround(asOf, atom.withinMonths);
      let date = pick(dates);
      for (let i = 0; i < count; i++) {
        // Half the time the next value shares the date: the latest date's worst value decides.
        if (random() < 0.5) date = pick(dates);
        patient.labs.push({ test: atom.lab, value: pick(valid), date });
      }
      return;
    }
    case 'age': {
      const age = pick(boundsOf(atom.test).flatMap((b) => [Math.floor(b) - 1, Math.floor(b), Math.floor(b) + 1]));
      const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
      const birthday = `${String(y - age).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
      patient.birthDate = addDays(birthday, pick([-1, 0, 1]));
      return;
    }
    case 'sex':
      patient.sex = pick(['F', 'M'] as const);
      return;
    case 'territory':
      patient.territory = pick([...atom.ids, 'ailleurs']);
      return;
    default:
  }
}

function generatePatient(index: number, atoms: Criterion[], random: () => number): { patient: Patient; asOf: string } {
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const asOf = pick(AS_OF);
  const patient: Patient = {
    patientId: `p${index}`,
    birthDate: addDays(asOf, -Math.floor((18 + random() * 70) * 365.25)),
    sex: pick(['F', 'M'] as const),
    territory: 'douaisis',
    diagnoses: [],
    dispensations: [],
    labs: [],
    stays: [],
    acts: [],
  };
  if (random() < 0.08) patient.deathDate = pick([asOf, addDays(asOf, 1), addDays(asOf, -1)]);
  const chosen = 1 + Math.floor(random() * 6);
  for (let i = 0; i < chosen; i++) rowsFor(pick(atoms), patient, asOf, pick, random);
  // Age last but once in three: its atom may also have been drawn above.
  if (random() < 0.3) patient.birthDate = addDays(asOf, -Math.floor((14 + random() * 80) * 365.25));
  return { patient, asOf };
}

type Compiled = Array<{ stratum: string; run: (bundle: unknown, asOf: string) => unknown[] }>;

function compileStrata(criteria: PyramidCriteria): Compiled {
  return criteria.strata.flatMap(({ stratum, rule }, index) => {
    const expression = assignmentFhirPath(criteria, stratum);
    // A stratum above the bottom without a structured criterion is never assigned: it keeps `%stratum`.
    if (expression === undefined) {
      expect(index > 0 && rule === undefined, `no computable eligibility for ${stratum}`).toBe(true);
      return [];
    }
    const fn = fhirpath.compile(expression, r4);
    return [{ stratum, run: (bundle: unknown, asOf: string) => fn(bundle as object, { asOf }) as unknown[] }];
  });
}

/** The strata whose applicability is true for the patient (each result must be [true] or [false]). */
function applicable(compiled: Compiled, patient: Patient, asOf: string): string[] {
  const bundle = patientBundle(patient);
  return compiled.flatMap(({ stratum, run }) => {
    const result = run(bundle, asOf);
    expect(result.length === 1 && typeof result[0] === 'boolean', `${stratum} for ${patient.patientId}: ${JSON.stringify(result)}`).toBe(true);
    return result[0] === true ? [stratum] : [];
  });
}

/** Criteria and a priority the bundled pyramids do not use, for the same agreement. */
const TEST_PYRAMID: PyramidCriteria = {
  pyramid: 'test',
  population: { kind: 'any', of: [{ kind: 'age', test: { between: [20, 80] } }, { kind: 'territory', ids: ['douaisis'] }] },
  strata: [
    { stratum: 'B' },
    { stratum: 'T1', rule: { kind: 'all', of: [{ kind: 'sex', sex: 'F' }, { kind: 'age', test: { lt: 40.5 } }] } },
    { stratum: 'T2', rule: { kind: 'any', of: [{ kind: 'act', codes: ['DEQP003', 'YYYY*'], withinMonths: 1, minCount: 2 }, { kind: 'age', test: { in: [50, 51] } }, { kind: 'age', test: { gt: 84.5 } }] } },
    { stratum: 'FREE', description: 'free text: never matched' },
    { stratum: 'T3', priority: 5, rule: { kind: 'any', of: [{ kind: 'stay', withinMonths: 1, minCount: 2 }, { kind: 'lab', lab: 'lvef', value: 'worst', withinMonths: 3, test: { lte: 40 } }] } },
    { stratum: 'T4', rule: { kind: 'all', of: [{ kind: 'diagnosis', codes: ['E11', 'I50*'], withinMonths: 3, minCount: 2, ald: true }, { kind: 'not', of: { kind: 'lab', lab: 'egfr', value: 'latest', test: { gt: 30, eq: 45 } } }] } },
    { stratum: 'T5', priority: 5, rule: { kind: 'any', of: [{ kind: 'age', test: { gte: 69.5, lte: 75.5 } }, { kind: 'lab', lab: 'hba1c', value: 'latest', withinMonths: 1, test: {} }] } },
  ],
};

async function bundledPyramids(): Promise<PyramidCriteria[]> {
  const workspace = await loadWorkspace({ paths: [path.join(REPO, 'guidelines')] });
  return ['diabete-t2', 'insuffisance-cardiaque'].map((id) => pyramidCriteria(workspace.index.Pyramid.get(id)!.value));
}

describe('generated patients: exactly one plan applies, the stratum logi assigns', () => {
  let pyramids: PyramidCriteria[] = [];
  beforeAll(async () => {
    pyramids = await bundledPyramids();
  });

  const cases = [
    { name: 'diabete-t2', seed: 2001, count: 300, pyramid: () => pyramids[0]! },
    { name: 'insuffisance-cardiaque', seed: 2002, count: 300, pyramid: () => pyramids[1]! },
    { name: 'the test pyramid (priority, sex, territory, acts, stays, worst, exact codes)', seed: 2003, count: 1200, pyramid: () => TEST_PYRAMID },
  ];
  for (const { name, seed, count, pyramid } of cases) {
    it(name, () => {
      const criteria = pyramid();
      const compiled = compileStrata(criteria);
      const atoms = [...(criteria.population ? atomsOf(criteria.population) : []), ...criteria.strata.flatMap((s) => (s.rule ? atomsOf(s.rule) : []))];
      const random = stream(seed);
      const tally = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const { patient, asOf } = generatePatient(i, atoms, random);
        const expected = assign(criteria, patient, asOf).stratum;
        const found = applicable(compiled, patient, asOf);
        expect(found, `${patient.patientId} at ${asOf}: ${JSON.stringify(patient)}`).toEqual(expected === OUTSIDE ? [] : [expected]);
        tally.set(expected, (tally.get(expected) ?? 0) + 1);
      }
      // Not vacuous: every stratum logi can assign, and `outside`, occur among the patients.
      for (const s of [...criteria.strata.filter((s, i) => i === 0 || s.rule !== undefined).map((s) => s.stratum), OUTSIDE]) {
        expect(tally.get(s) ?? 0, `${s} assigned in ${JSON.stringify([...tally])}`).toBeGreaterThanOrEqual(5);
      }
      // Some 30 ms a patient for the 5 expressions of 10–30 kB: a loaded machine needs minutes.
    }, 240_000);
  }
});

describe('the exported plans', () => {
  it('hold, for their stratum, the expressions checked above', async () => {
    const pyramids = await bundledPyramids();
    const exported = (await exportAll()).filter((e) => e.logigramme.pyramid !== 'mini');
    expect(exported.length).toBe(10);
    for (const { logigramme, bundle } of exported) {
      const criteria = pyramids.find((p) => p.pyramid === logigramme.pyramid)!;
      const plan = bundle.entry![0]!.resource as PlanDefinition;
      expect(plan.action![0]!.condition![0]!.expression!.expression, logigramme.id).toBe(assignmentFhirPath(criteria, logigramme.stratum));
    }
  });
});
