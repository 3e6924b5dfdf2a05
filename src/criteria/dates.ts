/**
 * Calendar arithmetic of the criteria (docs/stratify.md, "Windows" and "Age") on year, month and
 * day integers: no `Date`, so no time zone and no daylight-saving hour can move a day. ISO dates
 * (`YYYY-MM-DD`, four-digit years) compare as strings in calendar order.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;

export function parseIsoDate(text: string): CalendarDate {
  return {
    year: digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3),
    month: digit(text, 5) * 10 + digit(text, 6),
    day: digit(text, 8) * 10 + digit(text, 9),
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Results of minusMonths by date, then months: evaluation asks for the same few windows of the same asOf again and again. */
const monthsBack = new Map<string, (string | undefined)[]>();
let lastDate = '';
let lastResults: (string | undefined)[] = [];

/** `date` − `months` calendar months, the day clamped to the last day of the month reached (31 March − 1 = 28 or 29 February). */
export function minusMonths(date: string, months: number): string {
  if (date !== lastDate) {
    let results = monthsBack.get(date);
    if (results === undefined) {
      if (monthsBack.size > 256) monthsBack.clear();
      monthsBack.set(date, (results = []));
    }
    lastDate = date;
    lastResults = results;
  }
  if (!Number.isInteger(months) || months < 0 || months > 4096) return computeMinusMonths(date, months);
  return (lastResults[months] ??= computeMinusMonths(date, months));
}

function computeMinusMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Whole years from `birth` to `asOf`: one less while (month, day) of asOf comes before that of the birth. */
export function ageAt(birth: string, asOf: string): number {
  const b = parseIsoDate(birth);
  const a = parseIsoDate(asOf);
  const beforeBirthday = a.month < b.month || (a.month === b.month && a.day < b.day);
  return a.year - b.year - (beforeBirthday ? 1 : 0);
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toDayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The ISO date of a day number (H. Hinnant's civil_from_days). */
export function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const { year, month, day } = parseIsoDate(text);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
