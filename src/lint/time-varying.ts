/**
 * Values that may change with the calendar year (`{by-year: [...]}`, `{trend: {start,
 * annual-change}}`, docs/simulation.md "Parameters that change over time"), at central or upper
 * plausible values, for the checks that compare figures year by year.
 */
import type { Parameter, TimeVarying } from '../language/schemas/index.js';
import { parameterMean, parameterUpper } from './parameters.js';

export type Estimate = 'central' | 'upper';

export const estimateOf = (p: Parameter, estimate: Estimate): number => (estimate === 'central' ? parameterMean(p) : parameterUpper(p));

export function isByYear(value: TimeVarying): value is Extract<TimeVarying, { 'by-year': unknown }> {
  return typeof value === 'object' && 'by-year' in value;
}

export function isTrend(value: TimeVarying): value is Extract<TimeVarying, { trend: unknown }> {
  return typeof value === 'object' && 'trend' in value;
}

/**
 * The value in year `year` (1-based): a by-year list's value for the year (the last holding), a
 * trend's start × (1 + change)^(year − 1). Upper plausible values take each part's upper value:
 * for a trend, the upper start and the upper change, which bounds the value from above as long as
 * the start is ≥ 0 and the change > −1 (what parameter-feasible requires).
 */
export function valueInYear(value: TimeVarying, year: number, estimate: Estimate): number {
  if (isByYear(value)) {
    const list = value['by-year'];
    return estimateOf(list[Math.min(year, list.length) - 1]!, estimate);
  }
  if (isTrend(value)) return estimateOf(value.trend.start, estimate) * Math.pow(1 + estimateOf(value.trend['annual-change'], estimate), year - 1);
  return estimateOf(value as Parameter, estimate);
}

/** How many years the value lists: a by-year list's length, 1 otherwise (a trend is written by its first year). */
export function listedYears(value: TimeVarying | undefined): number {
  return value !== undefined && isByYear(value) ? value['by-year'].length : 1;
}

/** The largest value over years 1…horizon (a trend's largest is at one end: year 1 or the horizon). */
export function largestValue(value: TimeVarying, horizon: number, estimate: Estimate): number {
  if (isTrend(value)) return Math.max(valueInYear(value, 1, estimate), valueInYear(value, horizon, estimate));
  if (isByYear(value)) {
    const used = value['by-year'].slice(0, Math.max(1, horizon));
    return Math.max(...used.map((p) => estimateOf(p, estimate)));
  }
  return estimateOf(value as Parameter, estimate);
}
