/**
 * A patient of the tabular model (src/criteria/evaluate.ts's Patient, the rows of docs/stratify.md
 * "Input data") as the FHIR R4 record docs/fhir.md ("What a patient record must hold") describes:
 * a Bundle of a Patient, Conditions, MedicationDispenses, Observations, Encounters and Procedures.
 * Written from docs/fhir.md, not from src/fhir/criteria.ts. To exercise what the expressions must
 * survive, it varies the writing by row index: codes with a dot and in lower case, a Condition
 * dated by onsetDateTime instead of recordedDate, dateTimes with a time and a time zone (whose
 * first ten characters are the row's date), NYHA as valueInteger, a lab coded in logi's system.
 */
import type { Patient } from '../../src/criteria/evaluate.js';
import type { LabTest } from '../../src/criteria/types.js';

const BASE = 'https://logi-sante.fr/fhir';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const ATC = 'http://www.whocc.no/atc';
const LOINC = 'http://loinc.org';
/** One LOINC code per test (docs/fhir.md's table); NYHA only in logi's code system. */
const LOINC_OF: Record<LabTest, string | undefined> = {
  hba1c: '4548-4',
  egfr: '62238-1',
  uacr: '9318-7',
  'nt-probnp': '33762-6',
  bnp: '30934-4',
  'fasting-glucose': '1558-6',
  lvef: '10230-1',
  bmi: '39156-5',
  nyha: undefined,
};

/** `E119` → `e11.9` on odd rows: the record's own spelling, which the expressions normalise. */
function spelled(code: string, index: number, dotted: boolean): string {
  if (index % 2 === 0) return code;
  const withDot = dotted && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
  return withDot.toLowerCase();
}

/** A dateTime on the row's date: late in the evening east of Greenwich on every third row. */
const dateTime = (date: string, index: number): string => (index % 3 === 2 ? `${date}T23:30:00+02:00` : date);

export function patientBundle(p: Patient): { resourceType: 'Bundle'; type: 'collection'; entry: Array<{ resource: Record<string, unknown> }> } {
  const subject = { reference: `Patient/${p.patientId}` };
  const patient = {
    resourceType: 'Patient',
    id: p.patientId,
    extension: [{ url: `${BASE}/StructureDefinition/logi-territory`, valueString: p.territory }],
    gender: p.sex === 'F' ? 'female' : 'male',
    birthDate: p.birthDate,
    ...(p.deathDate !== undefined ? { deceasedDateTime: p.deathDate } : { deceasedBoolean: false }),
  };
  const conditions = p.diagnoses.map((d, i) => ({
    resourceType: 'Condition',
    subject,
    ...(d.ald ? { category: [{ coding: [{ system: `${BASE}/CodeSystem/condition-category`, code: 'ald' }] }] } : {}),
    code: { coding: [{ system: ICD10, code: spelled(d.code, i, true) }] },
    ...(i % 4 === 3 ? { onsetDateTime: dateTime(d.date, i) } : { recordedDate: dateTime(d.date, i) }),
  }));
  const dispenses = p.dispensations.map((d, i) => ({
    resourceType: 'MedicationDispense',
    status: 'completed',
    subject,
    medicationCodeableConcept: { coding: [{ system: ATC, code: spelled(d.atc, i, false) }] },
    whenHandedOver: dateTime(d.date, i),
  }));
  const observations = p.labs.map((l, i) => {
    const loinc = LOINC_OF[l.test as LabTest];
    const coding = loinc !== undefined && i % 5 !== 4 ? { system: LOINC, code: loinc } : { system: `${BASE}/CodeSystem/variable`, code: l.test };
    const value = l.test === 'nyha' && i % 2 === 0 ? { valueInteger: l.value } : { valueQuantity: { value: l.value } };
    return { resourceType: 'Observation', status: 'final', subject, code: { coding: [coding] }, effectiveDateTime: dateTime(l.date, i), ...value };
  });
  const encounters = p.stays.map((s, i) => ({
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject,
    period: { start: dateTime(s.admission, i), ...(s.discharge !== undefined ? { end: s.discharge } : {}) },
    reasonCode: [{ coding: [{ system: ICD10, code: spelled(s.mainDiagnosis, i, true) }] }],
  }));
  const procedures = p.acts.map((a, i) => ({
    resourceType: 'Procedure',
    status: 'completed',
    subject,
    code: { coding: [{ system: 'https://example.org/ccam', code: a.code }] },
    ...(i % 2 === 0 ? { performedDateTime: dateTime(a.date, i) } : { performedPeriod: { start: dateTime(a.date, i) } }),
  }));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [patient, ...conditions, ...dispenses, ...observations, ...encounters, ...procedures].map((resource) => ({ resource })),
  };
}
