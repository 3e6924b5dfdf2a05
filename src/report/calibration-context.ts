/**
 * What every part of the calibration fit report reads (src/report/calibration*.ts): the result of
 * `logi calibrate`, the language's words and number formats, the charts to draw, and user text made
 * visible.
 */
import type { CalibrationResult, SampleSummary } from '../analysis/result.js';
import { type MessageArgs, type MessageId, translate } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/language.js';
import { formatCount, formatInterval, formatNumber } from '../i18n/numbers.js';
import { escapeTerminal } from '../text/escape.js';
import type { chartSvg } from './charts.js';
import type { ReportWord } from './context.js';
import type { Block } from './document.js';

export type PendingChart = { block: Extract<Block, { kind: 'figure' }>; spec: Parameters<typeof chartSvg>[0] };

/** A message of the report area that takes parameters. */
type ReportMessage = { [K in MessageId]: K extends `report.${string}` ? K : never }[MessageId];

export interface CalibrationContext {
  result: CalibrationResult;
  lang: Lang;
  /** A word of the report (no parameter). */
  w: (id: ReportWord) => string;
  /** A sentence of the report, with its parameters. */
  say: <K extends ReportMessage>(id: K, ...args: MessageArgs<K>) => string;
  /** A figure with three significant digits (whole from 100), in the report language's format. */
  num: (n: number) => string;
  count: (n: number) => string;
  /** `[low ; high]` in French, `[low; high]` in English. */
  interval: (low: number, high: number) => string;
  /** `mean [2.5 %; 97.5 %]` of a sample summary. */
  meanInterval: (s: SampleSummary) => string;
  /** Text from the user's files or from the result, control and bidi characters made visible. */
  shown: (text: string) => string;
  /** A chart, drawn at the end with the others. */
  figure: (id: string, title: string, spec: Parameters<typeof chartSvg>[0]) => Block;
}

/**
 * User text as it is made of. The writers escape every text for HTML and Markdown (html.ts,
 * markdown.ts), but those escapers keep bidi overrides and isolates, which would reorder what a
 * title shows (Trojan Source); the terminal's escaper of the one home (src/text/escape.ts) writes
 * them, and every other control character, as visible escapes (`\u202e`), on one line.
 */
export function shownText(text: string): string {
  return escapeTerminal(text, { keep: '' });
}

export function calibrationContext(result: CalibrationResult, lang: Lang, pending: PendingChart[]): CalibrationContext {
  const w = (id: ReportWord) => translate(lang, id);
  const num = (n: number) => formatNumber(n, lang);
  const interval = (low: number, high: number) => formatInterval(low, high, lang);
  return {
    result,
    lang,
    w,
    say: (id, ...args) => translate(lang, id, ...args),
    num,
    count: (n) => formatCount(n, lang),
    interval,
    meanInterval: (s) => `${num(s.mean)} ${interval(s.p2_5, s.p97_5)}`,
    shown: shownText,
    figure: (id, title, spec) => {
      const block = { kind: 'figure' as const, id, title, svg: '', alt: `${w('report.chart-alt')}${w('report.colon')}${title}` };
      pending.push({ block, spec });
      return block;
    },
  };
}
