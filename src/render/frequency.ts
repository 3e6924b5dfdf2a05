/**
 * An action's `frequency` as people read it on a memo sheet, a diagram label or the PDF: the one
 * home of that text (docs/render.md, "Frequencies"). The rules:
 * - a number of acts per period: `4/an`, `2/mois` (`4/year`, `2/month`);
 * - a rate below 1 per period as the interval between acts: 0.5 a year is `tous les 2 ans`
 *   (`every 2 years`), and a range up to 1 a year likewise;
 * - a distribution as a range `a–b`: uniform and triangular by their bounds (what the author wrote);
 *   gamma, normal, lognormal and beta by their 2.5 % and 97.5 % quantiles (their 95 % range, with
 *   two significant digits: the bounds are not written in the YAML), a normal's low bound taken at
 *   0 when negative; `4–12/an`, and below 1 a year `tous les 1–2 ans` (uniform [0.5, 1]);
 *   a range across 1 (0.5 to 2 a year) stays a rate, `0,5–2/an`;
 * - a one-off act: `1 fois`, `1 fois, ≤ J7` (`once`, `once, by day 7`).
 * Numbers follow the language (src/i18n/numbers.ts: `0,5` in French); never `≈`.
 */
import { type MessageId, translate } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { formatNumber } from '../i18n/numbers.js';
import type { Period } from '../language/schemas/common.js';
import { isOnce, parseFrequency, type WrittenFrequency } from '../language/schemas/logigramme.js';
import { type RawParameter, toDistribution } from '../sim/distributions/forms.js';
import { quantileOf } from '../sim/distributions/quantiles.js';

type PeriodName = (typeof Period)['options'][number];

const PERIOD_WORDS = {
  day: 'render.frequency.day',
  week: 'render.frequency.week',
  month: 'render.frequency.month',
  quarter: 'render.frequency.quarter',
  year: 'render.frequency.year',
} as const satisfies Record<PeriodName, MessageId>;

const EVERY_WORDS = {
  day: 'render.frequency.every.day',
  week: 'render.frequency.every.week',
  month: 'render.frequency.every.month',
  quarter: 'render.frequency.every.quarter',
  year: 'render.frequency.every.year',
} as const satisfies Record<PeriodName, MessageId>;

/**
 * The numbers a frequency's `times` is shown by: one number, or a range [low, high] with the
 * significant digits to show them with (3 for what the author wrote, 2 for computed quantiles).
 * Undefined for a form that has no distribution (lint and the simulation report it).
 */
export function shownTimes(times: RawParameter): { low: number; high: number; digits: number } | undefined {
  const conversion = toDistribution(times);
  if (!conversion.ok) return undefined;
  const d = conversion.distribution;
  switch (d.kind) {
    case 'fixed':
      return { low: d.central, high: d.central, digits: 3 };
    case 'uniform':
    case 'triangular':
      return { low: d.low, high: d.high, digits: 3 };
    default:
      // A count is never negative: a normal's 2.5 % quantile below 0 is shown as 0.
      return { low: Math.max(0, quantileOf(d, 0.025)), high: quantileOf(d, 0.975), digits: 2 };
  }
}

/** `a–b` (en dash, no spaces), or `a` when both ends print the same. */
function range(low: number, high: number, lang: Lang, digits: number): string {
  const a = formatNumber(low, lang, digits);
  const b = formatNumber(high, lang, digits);
  return a === b ? a : `${a}–${b}`;
}

/** A rate of `low`–`high` acts per `per` as words: `4–12/an`, `tous les 1–2 ans`. */
function rateText(low: number, high: number, per: PeriodName, lang: Lang, digits: number): string {
  if (low > 0 && low < 1 && high <= 1) {
    // Below one act per period: the interval between acts, 1/high to 1/low periods (2 significant digits: a computed value).
    const count = range(1 / high, 1 / low, lang, 2);
    // The larger count decides the plural: French from 2 (`tous les 1,5 an`), English but for 1.
    return translate(lang, EVERY_WORDS[per], { count, upper: 1 / low });
  }
  return `${range(low, high, lang, digits)}/${translate(lang, PERIOD_WORDS[per])}`;
}

/**
 * A frequency as written in YAML, as a label in `lang` (the rules are in the header). Undefined
 * when absent; a text that is no frequency is returned as written.
 */
export function frequencyText(frequency: WrittenFrequency | undefined, lang: Lang = currentLanguage()): string | undefined {
  const parsed = parseFrequency(frequency);
  if (!parsed) return typeof frequency === 'string' ? frequency : undefined;
  if (isOnce(parsed)) {
    return parsed.withinDays === undefined ? translate(lang, 'render.frequency.once') : translate(lang, 'render.frequency.once-within', { days: parsed.withinDays });
  }
  const shown = shownTimes(parsed.times as RawParameter);
  if (!shown) return `?/${translate(lang, PERIOD_WORDS[parsed.per])}`;
  return rateText(shown.low, shown.high, parsed.per, lang, shown.digits);
}
