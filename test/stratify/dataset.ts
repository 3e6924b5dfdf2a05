/**
 * The dataset of the agreement test (postgres-agreement.test.ts), as CSV files, with the
 * assignments expected at AS_OF written by hand for the pyramid of plan.ts.
 */

export const AS_OF = '2026-03-31';

const PATIENTS = `patient_id,birth_date,sex,territory,death_date
p01,1960-05-10,F,douaisis,
p02,1970-01-01,M,douaisis,
p03,1980-06-15,M,douaisis,
p04,1975-02-02,F,douaisis,
p05,1950-07-07,M,douaisis,
p06,2008-02-29,F,douaisis,
p07,1990-09-09,F,douaisis,
p08,2010-01-01,M,douaisis,
p09,1940-01-01,F,douaisis,2026-01-15
p10,1965-12-12,M,douaisis,2026-04-10
p11,1945-03-03,M,cambresis,
p12,1955-11-11,F,cambresis,
p13,1985-04-04,M,cambresis,
p14,1972-08-08,F,cambresis,
p15,1962-10-10,M,cambresis,
p16,1966-06-06,F,cambresis,
`;
const DIAGNOSES = `patient_id,code,date,ald
p01,e11.9,2026-02-28,
p02,e11.9,2026-03-01,false
p02,E11.8,2026-03-01,
p03,E11,2026-04-15,
p07,E10.9,2024-05-20,true
p08,E11,2026-03-15,
p09,E11,2026-03-15,
p15,E10.9,2023-01-01,true
p15,E11,2020-01-01,
p16,E10.1,2025-01-01,false
`;
const DISPENSATIONS = `patient_id,atc,date
p02,A10BA02,2025-09-01
p02,A10BA02,2025-11-01
p02,A10BA02,2026-01-01
p10,A10BA02,2025-03-31
p10,A10BA02,2025-06-01
p10,a10ba02,2025-10-01
p10,A10BH01,2026-02-10
`;
const LABS = `patient_id,test,value,date
p03,hba1c,9.0,2026-04-02
p03,hba1c,7.1,2026-01-10
p04,hba1c,10.2,2025-12-01
p04,hba1c,7.9,2026-03-10
p04,hba1c,8.4,2026-03-10
p05,egfr,45,2026-03-01
p05,egfr,28,2025-06-01
p05,egfr,60,2025-01-05
p05,egfr,20,2024-03-31
p07,egfr,25,2026-02-01
p12,nyha,3,2026-02-14
p14,hba1c,8.0,2026-03-20
`;
const STAYS = `patient_id,admission,discharge,main_diagnosis
p11,2025-12-03,2025-12-10,I50.0
p11,2026-01-05,,I10
`;
const ACTS = `patient_id,code,date
p13,JVJF004,2026-01-20
`;

/**
 * The expected rows, by hand, at as-of 2026-03-31 (windows: 1 month → after 2026-02-28, the 31st
 * clamped; 12 months → after 2025-03-31; 24 months → after 2024-03-31).
 */
export const EXPECTED: [string, string, string, string][] = [
  // Its E11.9 is on 2026-02-28, the window's excluded lower end (asOf − 1 month = 2026-02-28): rest.
  ['p01', 'douaisis', 'S0', 'rest'],
  // e11.9 and E11.8 on 2026-03-01 are inside (> 2026-02-28), read E119 and E118; on one date the
  // smallest code is quoted: E118. `any` gives its first holding child (not the dispensations).
  ['p02', 'douaisis', 'S1', 'E118 (2026-03)'],
  // E11 and HbA1c 9.0 are after as-of, ignored; the latest HbA1c in the window is 7.1 < 8: rest.
  ['p03', 'douaisis', 'S0', 'rest'],
  // Two HbA1c on 2026-03-10, 7.9 and 8.4: latest = the worst of that date = 8.4 ≥ 8, and douaisis.
  ['p04', 'douaisis', 'S2', 'HbA1c 8.4 % (2026-03) + territory douaisis'],
  // eGFR worst in 24 months: min(45, 28, 60) = 28 < 30 (the 20 of 2024-03-31 is on the excluded end).
  ['p05', 'douaisis', 'S3', 'eGFR 28 mL/min/1.73 m² (2025-06)'],
  // Born 2008-02-29: 2026 − 2008 = 18 (31 March is after 29 February): in the population, rest.
  ['p06', 'douaisis', 'S0', 'rest'],
  // ALD E10.9 and no E11: P (priority) before S3, which its eGFR 25 < 30 would have matched.
  ['p07', 'douaisis', 'P', 'ALD E109 (2024-05) + no E11*'],
  // 2026 − 2010 − 1 (31 March before 1 January? no: 2026 − 2010 = 16) = 16 < 18: outside.
  ['p08', 'douaisis', 'outside', 'not in the population'],
  // Died 2026-01-15 ≤ as-of: outside, even with an E11 in the window.
  ['p09', 'douaisis', 'outside', 'death (2026-01)'],
  // Died after as-of: alive. Dispensations after 2025-03-31: 2025-06-01, 2025-10-01, 2026-02-10 = 3 ≥ 3;
  // the latest is A10BH01.
  ['p10', 'douaisis', 'S1', 'A10BH01 ×3 (2026-02)'],
  // A stay with main diagnosis I50.0 → I500 in 12 months; the later I10 stay does not match.
  ['p11', 'cambresis', 'S3', 'stay I500 (2025-12)'],
  // NYHA latest 3 ≥ 3 (no window); NYHA classes are quoted without a unit.
  ['p12', 'cambresis', 'S3', 'NYHA 3 (2026-02)'],
  // The act JVJF004 (no window).
  ['p13', 'cambresis', 'S1', 'JVJF004 (2026-01)'],
  // HbA1c 8.0 ≥ 8 but the territory is cambresis, not douaisis: rest.
  ['p14', 'cambresis', 'S0', 'rest'],
  // ALD E10 but an E11 (2020) too: `not` fails, P does not hold; E11 of 2020 is out of S1's month: rest.
  ['p15', 'cambresis', 'S0', 'rest'],
  // E10.1 not flagged ALD: P does not hold: rest.
  ['p16', 'cambresis', 'S0', 'rest'],
];

export const FILES: Record<string, string> = { patients: PATIENTS, diagnoses: DIAGNOSES, dispensations: DISPENSATIONS, labs: LABS, stays: STAYS, acts: ACTS };
