/**
 * Numbers written for people, in each language: the one home of number formats. The report, its
 * charts (vega's number locale), the terminal summary of `logi simulate` and the messages read
 * them from here.
 *
 * Not for machine outputs: results.json and summary.csv write numbers with `String(x)`
 * (src/sim/results.ts, src/sim/csv.ts), the same bytes whatever the language; summary.csv's decimal
 * comma follows `--csv-delimiter ';'`, not the language. Figures a user reads in or writes to the
 * YAML files (a parameter, a bound, a suggested value) keep the YAML notation in both languages:
 * `formatFigure`.
 */
import type { Lang } from './language.js';

/** A language's number conventions, in the shape of d3-format's locale (vega's `locale.number`). */
export interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  /** Before and after an amount. */
  currency: [string, string];
  minus: string;
}

/** French: thousands apart by a narrow no-break space (U+202F), a decimal comma, `12 340 €`; English: `12,340.5`, `€12,340`. Both: the minus sign U+2212. */
export const NUMBER_LOCALES: Readonly<Record<Lang, NumberLocale>> = {
  fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u202f€'], minus: '−' },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''], minus: '−' },
};

const NOT_A_NUMBER = '—';

/** Whole numbers with the language's thousands separator: `12 340` (narrow no-break space) or `12,340`. */
export function formatCount(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  const rounded = Math.round(n);
  const sign = rounded < 0 ? NUMBER_LOCALES[lang].minus : '';
  const digits = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NUMBER_LOCALES[lang].thousands);
  return sign + digits;
}

/** A share as a percentage with one decimal: `28,8 %` (narrow no-break space) or `28.8%`. */
export function formatPercent(share: number, lang: Lang): string {
  if (!Number.isFinite(share)) return NOT_A_NUMBER;
  const tenths = (Math.round(share * 1000) / 10).toFixed(1);
  return lang === 'fr' ? `${tenths.replace('.', ',')}\u202f%` : `${tenths}%`;
}

/** A number with `significant` significant digits for small values, whole from 100. */
export function formatNumber(n: number, lang: Lang, significant = 3): string {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  if (Math.abs(n) >= 100) return formatCount(n, lang);
  const text = n === 0 ? '0' : Number(n.toPrecision(significant)).toString();
  const signed = text.startsWith('-') ? `${NUMBER_LOCALES[lang].minus}${text.slice(1)}` : text;
  return signed.replace('.', NUMBER_LOCALES[lang].decimal);
}

/**
 * A figure written by an author (a decision threshold) with every digit it has, in the language's
 * notation: `6,5`, `1,73`, `1 000` in French; `6.5`, `1,000` in English. Not rounded: `formatNumber`
 * is for computed values.
 */
export function formatExact(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  const [whole, fraction] = String(Math.abs(n)).split('.') as [string, string | undefined];
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, NUMBER_LOCALES[lang].thousands) : whole;
  return `${n < 0 ? NUMBER_LOCALES[lang].minus : ''}${grouped}${fraction === undefined ? '' : `${NUMBER_LOCALES[lang].decimal}${fraction}`}`;
}

/** `12 300 €`, `1,23 M €` in French; `€12,300`, `€1.23M`, `−€12,300` in English. */
export function formatEuros(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  const millions = Math.abs(n) >= 1e6;
  const value = millions ? formatNumber(n / 1e6, lang, 3) : formatCount(n, lang);
  if (lang === 'fr') return `${value}${millions ? '\u202fM' : ''}\u202f€`;
  // English puts the sign before the currency symbol: −€12,000, not €−12,000.
  return value.startsWith('−') ? `−€${value.slice(1)}${millions ? 'M' : ''}` : `€${value}${millions ? 'M' : ''}`;
}

/** `12 340 [11 900 ; 12 800]` or `12,340 [11,900; 12,800]`: French sets the semicolon apart. */
export function formatInterval(low: number, high: number, lang: Lang, format: (n: number, lang: Lang) => string = formatNumber): string {
  return lang === 'fr' ? `[${format(low, lang)} ; ${format(high, lang)}]` : `[${format(low, lang)}; ${format(high, lang)}]`;
}

/** Made on first use: building an Intl.NumberFormat costs ~25 ms, which `logi --help` need not pay. */
let terminalFormats: { whole: Intl.NumberFormat; tenths: Intl.NumberFormat } | undefined;
function terminal(): { whole: Intl.NumberFormat; tenths: Intl.NumberFormat } {
  terminalFormats ??= {
    whole: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
    tenths: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  };
  return terminalFormats;
}

/**
 * A whole number for a terminal table: thousands apart by a plain space in both languages (one
 * column per character in every terminal), an ASCII minus. Rounded first, then `+ 0`: a small
 * negative value rounds to −0, which would print as "-0".
 */
export function formatWhole(x: number, _lang: Lang): string {
  return terminal().whole.format(Math.round(x) + 0).replace(/,/g, ' ');
}

/** A number with one decimal for a terminal table: `1 234.5` or `1 234,5`. */
export function formatTenths(x: number, lang: Lang): string {
  return terminal().tenths.format(Math.round(x * 10) / 10 + 0)
    .replace(/,/g, ' ')
    .replace('.', NUMBER_LOCALES[lang].decimal);
}

/** Memory in binary gigabytes: `2.00 GB` / `2,00 Go` (two decimals below 10 GB, one above). */
export function formatGigabytes(bytes: number, lang: Lang): string {
  const value = (bytes / 2 ** 30).toFixed(bytes < 10 * 2 ** 30 ? 2 : 1).replace('.', NUMBER_LOCALES[lang].decimal);
  return `${value} ${lang === 'fr' ? 'Go' : 'GB'}`;
}

/** Memory in binary kilobytes, whole: `40 KB` / `40 Ko`. */
export function formatKilobytes(bytes: number, lang: Lang): string {
  return `${Math.ceil(bytes / 1024)} ${lang === 'fr' ? 'Ko' : 'KB'}`;
}

/**
 * A figure of the YAML files as YAML writes it, six significant digits, in both languages: `0.3`,
 * `1e-7`. A message that quotes a parameter, a bound or a value to write keeps the notation the
 * user reads and types in the file.
 */
export function formatFigure(x: number): string {
  return String(Number(x.toPrecision(6)));
}
