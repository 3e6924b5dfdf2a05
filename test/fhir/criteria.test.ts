/**
 * The exported eligibility against values worked out by hand: patients whose stratum was read off
 * guidelines/diabete-t2/pyramide.yaml and guidelines/insuffisance-cardiaque/pyramide.yaml (the
 * reasoning is in each case's name and comment), evaluated with the `fhirpath` engine on the
 * exported PlanDefinitions; month arithmetic at month ends against a hand table; the cases that
 * keep `%stratum`; and what the expressions ignore or accept in a FHIR record.
 */
import fhirpath from 'fhirpath';
import path from 'node:path';
import r4 from 'fhirpath/fhir-context/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { minusMonths } from '../../src/criteria/dates.js';
import { assign, OUTSIDE, type Patient } from '../../src/criteria/evaluate.js';
import { pyramidCriteria, type PyramidCriteria } from '../../src/criteria/parse.js';
import { assignmentFhirPath } from '../../src/fhir/criteria.js';
import { readStratum } from '../../src/fhir/strata.js';
import type { PlanDefinition } from '../../src/fhir/types.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { REPO } from '../helpers/cli.js';
import { exportAll, exportUnusual, type Exported } from './helpers.js';
import { patientBundle } from './patient-bundle.js';

const BASE = 'https://logi-sante.fr/fhir';
const AS_OF = '2026-03-31';

type Rows = Partial<Omit<Patient, 'patientId' | 'birthDate'>>;
const patient = (birthDate: string, rows: Rows = {}): Patient => ({
  patientId: 'p',
  birthDate,
  sex: 'F',
  territory: 'douaisis',
  diagnoses: [],
  dispensations: [],
  labs: [],
  stays: [],
  acts: [],
  ...rows,
});
const ald = (code: string) => ({ code, date: '2015-01-01', ald: true });
const dx = (code: string, date: string) => ({ code, date, ald: false });

interface HandCase {
  name: string;
  patient: Patient;
  /** The logigramme a clinician reading the YAML expects, or none (outside the pyramid). */
  expected: string | undefined;
  asOf?: string;
}

/** guidelines/diabete-t2/pyramide.yaml, at 2026-03-31 unless said otherwise. */
const DIABETES: HandCase[] = [
  { name: '17 years old the day before the 18th birthday, E11 in ALD: outside (population: age ≥ 18)', patient: patient('2008-04-01', { diagnoses: [ald('E11')] }), expected: undefined },
  { name: '18 today, no record: S0', patient: patient('2008-03-31'), expected: 'dt2-s0-prevention' },
  { name: 'type 1 only (E10.9): outside', patient: patient('1970-05-05', { diagnoses: [dx('E10.9', '2020-01-01')] }), expected: undefined },
  { name: 'E10 and E11 in ALD: in the population (E10 with E11), S2 by the ALD', patient: patient('1970-05-05', { diagnoses: [dx('E10', '2020-01-01'), ald('E11')] }), expected: 'dt2-s2-suivi' },
  { name: 'E11 in ALD, eGFR 55 in 2025-06: S3 (eGFR < 60 within 24 months)', patient: patient('1955-01-01', { diagnoses: [ald('E11')], labs: [{ test: 'egfr', value: 55, date: '2025-06-01' }] }), expected: 'dt2-s3-complications' },
  {
    name: 'E11 in ALD, eGFR 70 and 14 on the latest date: the worst of that date, 14 < 15: S4',
    patient: patient('1955-01-01', { diagnoses: [ald('E11')], labs: [{ test: 'egfr', value: 80, date: '2025-01-10' }, { test: 'egfr', value: 70, date: '2026-01-10' }, { test: 'egfr', value: 14, date: '2026-01-10' }] }),
    expected: 'dt2-s4-complexe',
  },
  {
    name: 'E11 in ALD, eGFR 14 then 70 (latest): neither < 15 nor < 60: S2',
    patient: patient('1955-01-01', { diagnoses: [ald('E11')], labs: [{ test: 'egfr', value: 14, date: '2025-01-10' }, { test: 'egfr', value: 70, date: '2026-01-10' }] }),
    expected: 'dt2-s2-suivi',
  },
  {
    name: 'at 2024-02-29, metformin on 2023-02-28 (= asOf − 12 months, outside), 06-01, 09-01: 2 in 12 months, not treated diabetes; 64, no marker: S0',
    asOf: '2024-02-29',
    patient: patient('1960-01-01', { dispensations: [{ atc: 'A10BA02', date: '2023-02-28' }, { atc: 'A10BA02', date: '2023-06-01' }, { atc: 'A10BA02', date: '2023-09-01' }] }),
    expected: 'dt2-s0-prevention',
  },
  {
    name: 'at 2024-02-29, metformin on 2023-03-01, 06-01, 09-01: 3 in 12 months, one not an iSGLT2: S2',
    asOf: '2024-02-29',
    patient: patient('1960-01-01', { dispensations: [{ atc: 'A10BA02', date: '2023-03-01' }, { atc: 'A10BA02', date: '2023-06-01' }, { atc: 'A10BA02', date: '2023-09-01' }] }),
    expected: 'dt2-s2-suivi',
  },
  {
    name: 'three iSGLT2 (A10BK01) only: not treated diabetes; no marker: S0',
    patient: patient('1960-01-01', { dispensations: ['2025-06-01', '2025-09-01', '2025-12-01'].map((date) => ({ atc: 'A10BK01', date })) }),
    expected: 'dt2-s0-prevention',
  },
  { name: '30 years old, HbA1c 6.0 % in 2024-01: S1 (≥ 6.0 within 36 months)', patient: patient('1995-06-01', { labs: [{ test: 'hba1c', value: 6.0, date: '2024-01-01' }] }), expected: 'dt2-s1-risque' },
  { name: '30 years old, HbA1c 5.9 %: S0', patient: patient('1995-06-01', { labs: [{ test: 'hba1c', value: 5.9, date: '2024-01-01' }] }), expected: 'dt2-s0-prevention' },
  { name: '44 (45 tomorrow), BMI 30: a marker under 45: S0', patient: patient('1981-04-01', { labs: [{ test: 'bmi', value: 30, date: '2025-01-01' }] }), expected: 'dt2-s0-prevention' },
  { name: '45 today, BMI 25: S1', patient: patient('1981-03-31', { labs: [{ test: 'bmi', value: 25, date: '2025-01-01' }] }), expected: 'dt2-s1-risque' },
  { name: 'dead on asOf, E11 in ALD: outside', patient: { ...patient('1950-01-01', { diagnoses: [ald('E11')] }), deathDate: '2026-03-31' }, expected: undefined },
  { name: 'dead the day after asOf, E11 in ALD: S2', patient: { ...patient('1950-01-01', { diagnoses: [ald('E11')] }), deathDate: '2026-04-01' }, expected: 'dt2-s2-suivi' },
  { name: 'R73.0 (prefix R730*) in 2025: S1', patient: patient('1990-01-01', { diagnoses: [dx('R73.0', '2025-01-01')] }), expected: 'dt2-s1-risque' },
  { name: 'R74 (no pattern): S0', patient: patient('1990-01-01', { diagnoses: [dx('R74', '2025-01-01')] }), expected: 'dt2-s0-prevention' },
  { name: 'E11 not in ALD on 2024-03-31 (= asOf − 24 months, outside the window): S0', patient: patient('1960-01-01', { diagnoses: [dx('E11.9', '2024-03-31')] }), expected: 'dt2-s0-prevention' },
  { name: 'E11 not in ALD on 2024-04-01: S2', patient: patient('1960-01-01', { diagnoses: [dx('E11.9', '2024-04-01')] }), expected: 'dt2-s2-suivi' },
];

/** guidelines/insuffisance-cardiaque/pyramide.yaml, at 2026-03-31. */
const HEART_FAILURE: HandCase[] = [
  { name: '60, no risk factor: outside (population: adults at risk)', patient: patient('1966-01-01'), expected: undefined },
  { name: '60, hypertension I10: S0', patient: patient('1966-01-01', { diagnoses: [dx('I10', '2020-01-01')] }), expected: 'ic-s0-facteurs-risque' },
  { name: 'I50.9 recorded: S2', patient: patient('1950-01-01', { diagnoses: [dx('I50.9', '2020-01-01')] }), expected: 'ic-s2-stable' },
  { name: 'one stay for I50.0 in 2025-06: S3', patient: patient('1950-01-01', { stays: [{ admission: '2025-06-01', mainDiagnosis: 'I500' }] }), expected: 'ic-s3-post-hospitalisation' },
  { name: 'two stays for I50 in 12 months: S4', patient: patient('1950-01-01', { stays: [{ admission: '2025-06-01', mainDiagnosis: 'I500' }, { admission: '2026-01-01', mainDiagnosis: 'I509' }] }), expected: 'ic-s4-avance' },
  { name: 'two stays, one on 2025-03-31 (= asOf − 12 months, outside): S3', patient: patient('1950-01-01', { stays: [{ admission: '2025-03-31', mainDiagnosis: 'I500' }, { admission: '2026-01-01', mainDiagnosis: 'I509' }] }), expected: 'ic-s3-post-hospitalisation' },
  {
    name: 'NYHA 4 then 2 (latest): not S4 nor S3 (latest < 3), worst ≥ 2: S2',
    patient: patient('1950-01-01', { labs: [{ test: 'nyha', value: 4, date: '2025-10-01' }, { test: 'nyha', value: 2, date: '2026-02-01' }] }),
    expected: 'ic-s2-stable',
  },
  {
    name: 'NYHA 2 and 4 on the same latest date: the worst, 4: S4',
    patient: patient('1950-01-01', { labs: [{ test: 'nyha', value: 2, date: '2026-02-01' }, { test: 'nyha', value: 4, date: '2026-02-01' }] }),
    expected: 'ic-s4-avance',
  },
  { name: 'sacubitril/valsartan C09DX04 (exact code) in 2026-01: S2', patient: patient('1950-01-01', { dispensations: [{ atc: 'C09DX04', date: '2026-01-01' }] }), expected: 'ic-s2-stable' },
  { name: 'C09DX0 (not the exact code; one C09 dispensation, 3 needed): outside', patient: patient('1950-01-01', { dispensations: [{ atc: 'C09DX0', date: '2026-01-01' }] }), expected: undefined },
  { name: '50, LVEF 45 %: S1', patient: patient('1976-01-01', { labs: [{ test: 'lvef', value: 45, date: '2020-01-01' }] }), expected: 'ic-s1-dysfonction' },
  { name: '50, LVEF 50 %: outside', patient: patient('1976-01-01', { labs: [{ test: 'lvef', value: 50, date: '2020-01-01' }] }), expected: undefined },
  { name: 'NT-proBNP 125 pg/mL in 2025-04: S1', patient: patient('1976-01-01', { labs: [{ test: 'nt-probnp', value: 125, date: '2025-04-01' }] }), expected: 'ic-s1-dysfonction' },
  { name: 'NT-proBNP 124.99 pg/mL: outside', patient: patient('1976-01-01', { labs: [{ test: 'nt-probnp', value: 124.99, date: '2025-04-01' }] }), expected: undefined },
];

interface Plan {
  logigramme: string;
  pyramid: string;
  expression: string;
}

function plansOf(exported: Exported[]): Plan[] {
  return exported.flatMap(({ id, logigramme, bundle }) => {
    const plan = bundle.entry![0]!.resource as PlanDefinition;
    const expression = plan.action![0]!.condition![0]!.expression!.expression!;
    return [{ logigramme: id, pyramid: logigramme.pyramid, expression }];
  });
}

const holds = (expression: string, bundle: unknown, asOf: unknown): boolean => {
  const result = fhirpath.evaluate(bundle as object, expression, { asOf }, r4) as unknown[];
  expect(result.length === 1 && typeof result[0] === 'boolean', `result ${JSON.stringify(result)}`).toBe(true);
  return result[0] === true;
};

describe('patients assigned by hand from the bundled pyramids', () => {
  let plans: Plan[] = [];
  let exported: Exported[] = [];
  const criteria = new Map<string, PyramidCriteria>();
  beforeAll(async () => {
    exported = await exportAll();
    plans = plansOf(exported);
    const workspace = await loadWorkspace({ paths: [path.join(REPO, 'guidelines')] });
    for (const [id, document] of workspace.index.Pyramid) criteria.set(id, pyramidCriteria(document.value));
  });
  for (const [pyramid, cases] of [['diabete-t2', DIABETES], ['insuffisance-cardiaque', HEART_FAILURE]] as const) {
    for (const c of cases) {
      it(`${pyramid}: ${c.name}`, () => {
        const applying = plans.filter((p) => p.pyramid === pyramid && holds(p.expression, patientBundle(c.patient), c.asOf ?? AS_OF)).map((p) => p.logigramme);
        expect(applying).toEqual(c.expected === undefined ? [] : [c.expected]);
        // logi's own assignment (src/criteria/evaluate.ts) says the same, as the logigramme's stratum.
        const stratum = c.expected === undefined ? OUTSIDE : exported.find((e) => e.id === c.expected)!.logigramme.stratum;
        expect(assign(criteria.get(pyramid)!, c.patient, c.asOf ?? AS_OF).stratum).toBe(stratum);
      });
    }
  }
});

describe('windows at month ends: FHIRPath date arithmetic and logi (docs/stratify.md "Windows")', () => {
  // asOf − m months, the day clamped to the month's last day, worked out on a calendar.
  const table: Array<[string, number, string]> = [
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2026-01-31', 1, '2025-12-31'],
    ['2025-12-31', 36, '2022-12-31'],
    ['2026-03-30', 13, '2025-02-28'],
    ['2026-08-31', 2, '2026-06-30'],
  ];
  it.each(table)('%s − %i months = %s, in fhirpath and in src/criteria/dates.ts', (asOf, months, expected) => {
    expect(fhirpath.evaluate({}, `@${asOf} - ${months} months`, undefined, r4)).toEqual([expected]);
    expect(minusMonths(asOf, months)).toBe(expected);
  });
  it('every day of 2023 and 2024, back 1, 3, 12, 24 and 36 months: fhirpath and dates.ts agree', () => {
    const disagreements: string[] = [];
    for (let day = Date.UTC(2023, 0, 1); day <= Date.UTC(2024, 11, 31); day += 86400000) {
      const asOf = new Date(day).toISOString().slice(0, 10);
      for (const months of [1, 3, 12, 24, 36]) {
        const [fp] = fhirpath.evaluate({}, `@${asOf} - ${months} months`, undefined, r4) as string[];
        if (fp !== minusMonths(asOf, months)) disagreements.push(`${asOf} − ${months}: ${fp} vs ${minusMonths(asOf, months)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('strata that keep %stratum', () => {
  it('a logigramme exported without its pyramid: %stratum, the Library as reference, the stratum in logi-stratum', () => {
    const plan = exportUnusual().bundle.entry![0]!.resource as PlanDefinition;
    expect(plan.action![0]!.condition).toEqual([{
      extension: [{ url: `${BASE}/StructureDefinition/logi-stratum`, valueString: 'S1' }],
      kind: 'applicability',
      expression: { language: 'text/fhirpath', expression: "%stratum = 'S1'", reference: `${BASE}/Library/mini` },
    }]);
  });
  const pyramid: PyramidCriteria = {
    pyramid: 'p',
    strata: [{ stratum: 'B' }, { stratum: 'TEXT', description: 'free text' }, { stratum: 'R', rule: { kind: 'sex', sex: 'F' } }],
  };
  it('a free-text stratum above the bottom (never assigned): none; the bottom and a structured stratum: an expression', () => {
    expect(assignmentFhirPath(pyramid, 'TEXT')).toBeUndefined();
    expect(assignmentFhirPath(pyramid, 'R')).toBeDefined();
    expect(assignmentFhirPath(pyramid, 'B')).toBeDefined();
  });
  it('a pyramid without any structured criterion: none, even for the bottom', () => {
    expect(assignmentFhirPath({ pyramid: 'p', strata: [{ stratum: 'B' }, { stratum: 'S', description: 'text' }] }, 'B')).toBeUndefined();
  });
  it('a free-text stratum changes nobody\'s assignment: the bottom takes the women\'s complement', () => {
    const man = patientBundle(patient('1950-01-01', {}));
    (man.entry[0]!.resource as { gender: string }).gender = 'male';
    expect(holds(assignmentFhirPath(pyramid, 'B')!, man, AS_OF)).toBe(true);
    expect(holds(assignmentFhirPath(pyramid, 'R')!, man, AS_OF)).toBe(false);
  });
});

describe('the stratum the importer reads', () => {
  it('the logi-stratum extension, whatever the expression; else %stratum = \'…\' (bundles written before the extension); else none', () => {
    const extension = [{ url: `${BASE}/StructureDefinition/logi-stratum`, valueString: 'S3' }];
    expect(readStratum({ extension, expression: { expression: "%stratum = 'S2'" } })).toBe('S3');
    expect(readStratum({ expression: { expression: "%stratum = 'S\\'2'" } })).toBe("S'2");
    expect(readStratum({ expression: { expression: 'true' } })).toBeUndefined();
  });
});

describe('what the record may hold', () => {
  const criteria: PyramidCriteria = { pyramid: 'p', strata: [{ stratum: 'B' }, { stratum: 'D', rule: { kind: 'diagnosis', codes: ['I50*'], minCount: 1, ald: false } }] };
  const withI50 = () => patientBundle(patient('1950-01-01', { diagnoses: [dx('I50', '2020-01-01')] }));
  it('%asOf as a FHIRPath Date gives what the string gives', () => {
    const date = fhirpath.evaluate({}, `@${AS_OF}`, undefined, undefined, { resolveInternalTypes: false })[0];
    expect(holds(assignmentFhirPath(criteria, 'D')!, withI50(), date)).toBe(true);
    expect(holds(assignmentFhirPath(criteria, 'D')!, withI50(), AS_OF)).toBe(true);
  });
  it('a Condition entered in error or refuted is no diagnosis', () => {
    for (const code of ['entered-in-error', 'refuted']) {
      const bundle = withI50();
      bundle.entry[1]!.resource.verificationStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code }] };
      expect(holds(assignmentFhirPath(criteria, 'D')!, bundle, AS_OF)).toBe(false);
    }
  });
  it('a deceasedBoolean true is outside at any date', () => {
    const bundle = withI50();
    bundle.entry[0]!.resource.deceasedBoolean = true;
    expect(holds(assignmentFhirPath(criteria, 'D')!, bundle, AS_OF)).toBe(false);
    expect(holds(assignmentFhirPath(criteria, 'B')!, bundle, AS_OF)).toBe(false);
  });
});
