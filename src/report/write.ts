/**
 * Reading a `results.json` for the report (clear errors for a file that is not one) and writing
 * the report: one HTML file, or a Markdown file with its charts in a folder beside it. Every file
 * is written atomically, and the charts folder as a whole (see `writeReport`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { t } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { stageFile, writeFileAtomic } from '../io/atomic.js';
import { fitFileName } from '../io/file-names.js';
import { OutputSet, recordInOutputSet } from '../io/output-set.js';
import { ResultsSchema, type Results } from '../sim/results.js';
import { buildReport } from './build.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';

export class ReportInputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** Line and column (1-based) of a character offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/**
 * Reads and checks a results.json; a file that is not one is refused with a `ReportInputError` in
 * the current language. The schema's complaint comes from zod in English, from zod's own French
 * locale in French.
 */
export async function readResults(file: string): Promise<Results> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? t('report.input.no-such-file', { file }) : code === 'EISDIR' ? t('report.input.is-folder', { file }) : t('report.input.unreadable', { file, code: String(code) });
    throw new ReportInputError(message, t('report.input.hint'));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const where = match ? `:${position(text, Number(match[1]))}` : '';
    const detail = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    throw new ReportInputError(t('report.input.not-json', { file, where, detail }), t('report.input.not-json.hint'));
  }
  const parsed = ResultsSchema.safeParse(json, currentLanguage() === 'fr' ? { error: z.locales.fr().localeError } : undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReportInputError(t('report.input.not-results', { file, path: issue.path.join('.') || t('report.input.root'), problem: issue.message }), t('report.input.not-results.hint'));
  }
  return parsed.data;
}

export type ReportFormat = 'html' | 'md';

export interface WriteReportOptions {
  format: ReportFormat;
  out: string;
  /** The report's language; by default the command's (src/i18n/language.ts). */
  lang?: Lang;
  onProgress?: (done: number, total: number) => void;
}

/** The report as one self-contained HTML page. */
export async function reportHtmlOf(results: Results, options: Omit<WriteReportOptions, 'format' | 'out'>): Promise<string> {
  return reportHtml(await buildReport(results, options));
}

/**
 * Writes the report; returns the files written, the report itself first. The Markdown's charts
 * folder is an output set (io/output-set.ts): the charts are written beside it and swapped in
 * whole, and the Markdown that links them is renamed into place in the same uninterruptible step,
 * so a reader never finds new charts with an old page, or a half-written folder. A report written
 * into an output folder (beside `results.json`) is recorded in its manifest: it belongs to the set.
 */
export async function writeReport(results: Results, options: WriteReportOptions): Promise<string[]> {
  const report = await buildReport(results, options);
  const folder = path.dirname(options.out);
  if (options.format === 'html') {
    await writeFileAtomic(options.out, reportHtml(report));
    await recordInOutputSet(folder, [path.basename(options.out)]);
    return [options.out];
  }
  const assetsDir = fitFileName(path.basename(options.out, path.extname(options.out)), '-charts');
  const { markdown, assets } = reportMarkdown(report, assetsDir);
  const chartName = (asset: { path: string }) => asset.path.slice(assetsDir.length + 1);
  const charts = await OutputSet.prepare(path.join(folder, assetsDir), { command: 'report', names: assets.map(chartName) });
  try {
    const written: string[] = [];
    for (const asset of assets) written.push(await charts.write(chartName(asset), asset.content));
    const page = await stageFile(options.out, markdown);
    try {
      await charts.commit(() => page.commit());
    } finally {
      await page.discard();
    }
    await recordInOutputSet(folder, [path.basename(options.out), `${assetsDir}/`]);
    return [options.out, ...written];
  } finally {
    await charts.discard();
  }
}
