/**
 * What the synthetic population draws from (docs/stratify.md, "Synthetic data"): common ICD-10,
 * ATC and act codes of primary care and cardio-metabolic medicine, and for each lab test a
 * plausible distribution and the precision its values are written with. Plausible, not
 * epidemiological: nothing here is calibrated on real prevalences.
 */
import type { LabTest } from '../criteria/types.js';

export const ICD10_CODES = [
  'E10', 'E109', 'E11', 'E110', 'E112', 'E113', 'E114', 'E115', 'E116', 'E118', 'E119', 'E660', 'E669', 'E785',
  'F329', 'G632', 'H360', 'I10', 'I110', 'I119', 'I209', 'I214', 'I219', 'I251', 'I259', 'I480', 'I489', 'I500',
  'I501', 'I509', 'I639', 'I702', 'J449', 'J459', 'K219', 'M545', 'N183', 'N184', 'N185', 'R730', 'R739', 'Z000',
] as const;

export const ATC_CODES = [
  'A02BC01', 'A10AB05', 'A10AE04', 'A10BA02', 'A10BB12', 'A10BH01', 'A10BJ02', 'A10BJ06', 'A10BK01', 'A10BK03',
  'B01AC06', 'B01AF01', 'B01AF02', 'C03CA01', 'C03DA01', 'C03DA04', 'C07AB07', 'C07AG02', 'C09AA05', 'C09CA01',
  'C09DX04', 'C10AA05', 'C10AA07', 'H03AA01', 'J01CA04', 'M01AE01', 'N02BE01', 'N06AB10', 'R03AC02',
] as const;

/** Common conditions and drugs of primary care, for the background rows (never a disease a pyramid is about). */
export const BACKGROUND_ICD10 = ['E785', 'F329', 'I10', 'J029', 'J069', 'J459', 'K219', 'M179', 'M545', 'N390', 'R51', 'Z000'] as const;
export const BACKGROUND_ATC = ['A02BC01', 'C09AA05', 'C10AA05', 'H03AA01', 'J01CA04', 'M01AE01', 'N02BE01', 'N06AB10', 'R03AC02'] as const;

/** CCAM acts (ECG, echocardiography, retinography, haemodialysis) and NGAP consultation letters. */
export const ACT_CODES = ['APC', 'BGQP002', 'C', 'DEQP003', 'DZQM006', 'G', 'JVJF004'] as const;

/** How a lab test's values are drawn: a normal (or log-normal) around a typical value, clamped to a range, rounded to `step`. */
export interface LabDistribution {
  centre: number;
  spread: number;
  logNormal: boolean;
  min: number;
  max: number;
  step: number;
}

export const LAB_DISTRIBUTIONS: Readonly<Record<LabTest, LabDistribution>> = {
  hba1c: { centre: 7, spread: 1.3, logNormal: false, min: 4.5, max: 14, step: 0.1 },
  egfr: { centre: 78, spread: 22, logNormal: false, min: 5, max: 130, step: 1 },
  uacr: { centre: 2, spread: 1.2, logNormal: true, min: 0.1, max: 300, step: 0.1 },
  'nt-probnp': { centre: 250, spread: 1.4, logNormal: true, min: 10, max: 35000, step: 1 },
  bnp: { centre: 60, spread: 1.2, logNormal: true, min: 5, max: 5000, step: 1 },
  'fasting-glucose': { centre: 1.05, spread: 0.3, logNormal: false, min: 0.6, max: 4, step: 0.01 },
  lvef: { centre: 57, spread: 10, logNormal: false, min: 10, max: 80, step: 1 },
  bmi: { centre: 27, spread: 5, logNormal: false, min: 15, max: 55, step: 0.1 },
  nyha: { centre: 2, spread: 1, logNormal: false, min: 1, max: 4, step: 1 },
};

/** How many months back undated rows (criteria without `within`) and background rows go. */
export const HISTORY_MONTHS = 60;
