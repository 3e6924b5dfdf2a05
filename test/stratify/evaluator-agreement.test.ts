/**
 * The reference evaluator (src/criteria/evaluate.ts, JavaScript, per patient) on the agreement
 * dataset must give the same hand-written assignments and reasons as the SQL on DuckDB and
 * PostgreSQL (postgres-agreement.test.ts).
 */
import { expect, it } from 'vitest';
import { assign } from '../../src/criteria/evaluate.js';
import { AS_OF, EXPECTED, FILES } from './dataset.js';
import { PLAN } from './plan.js';

type Row = Record<string, string>;
function rows(text: string): Row[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v.trim()])));
}

it('the reference evaluator gives the hand-written assignments', () => {
  const patients = new Map(
    rows(FILES.patients!).map((p) => [
      p.patient_id!,
      { patientId: p.patient_id, birthDate: p.birth_date, sex: p.sex, territory: p.territory, ...(p.death_date ? { deathDate: p.death_date } : {}), diagnoses: [] as object[], dispensations: [] as object[], labs: [] as object[], stays: [] as object[], acts: [] as object[] },
    ]),
  );
  for (const r of rows(FILES.diagnoses!)) patients.get(r.patient_id!)!.diagnoses.push({ code: r.code, date: r.date, ald: r.ald === 'true' });
  for (const r of rows(FILES.dispensations!)) patients.get(r.patient_id!)!.dispensations.push({ atc: r.atc, date: r.date });
  for (const r of rows(FILES.labs!)) patients.get(r.patient_id!)!.labs.push({ test: r.test, value: Number(r.value), date: r.date });
  for (const r of rows(FILES.stays!)) patients.get(r.patient_id!)!.stays.push({ admission: r.admission, mainDiagnosis: r.main_diagnosis });
  for (const r of rows(FILES.acts!)) patients.get(r.patient_id!)!.acts.push({ code: r.code, date: r.date });
  // plan.ts's pyramid as strata: P has priority 5, the others none.
  const strata = PLAN.strata.map((stratum) => {
    const rule = PLAN.order.find((o) => o.stratum === stratum)?.rule;
    return { stratum, ...(rule ? { rule } : {}), ...(stratum === 'P' ? { priority: 5 } : {}) };
  });
  const got = [...patients.values()].map((p) => {
    const a = assign({ ...(PLAN.population ? { population: PLAN.population } : {}), strata }, p, AS_OF);
    return [p.patientId, p.territory, a.stratum, a.reason];
  });
  expect(got).toEqual(EXPECTED);
});
