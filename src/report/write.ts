/**
 * Reading a `results.json` for the report (clear errors for a file that is not one) and writing
 * the report: one HTML file, or a Markdown file with its charts in a folder beside it. Every file
 * is written atomically, and the charts folder as a whole (see `writeReport`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stageFile, writeFileAtomic } from '../io/atomic.js';
import { fitFileName } from '../io/file-names.js';
import { OutputSet, recordInOutputSet } from '../io/output-set.js';
import { ResultsSchema, type Results } from '../sim/results.js';
import { buildReport } from './build.js';
import { reportHtml } from './html.js';
import type { Lang } from './i18n.js';
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

export async function readResults(file: string): Promise<Results> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportInputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`}`, 'give the results.json that `logi simulate … --out DIR` wrote');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const where = match ? `:${position(text, Number(match[1]))}` : '';
    throw new ReportInputError(`${file}${where}: not valid JSON (${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')})`, 'give the results.json that `logi simulate … --out DIR` wrote, unedited');
  }
  const parsed = ResultsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReportInputError(
      `${file}: not a logi results file: at \`${issue.path.join('.') || '(root)'}\`, ${issue.message}`,
      'rerun `logi simulate … --out DIR` with this version of logi; results.json follows docs/schemas/results.schema.json',
    );
  }
  return parsed.data;
}

export type ReportFormat = 'html' | 'md';

export interface WriteReportOptions {
  format: ReportFormat;
  out: string;
  lang: Lang;
  onProgress?: (done: number, total: number) => void;
}

/** The report as one self-contained HTML page. */
export async function reportHtmlOf(results: Results, options: Omit<WriteReportOptions, 'format' | 'out'>): Promise<string> {
  return reportHtml(await buildReport(results, { lang: options.lang, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }));
}

/**
 * Writes the report; returns the files written, the report itself first. The Markdown's charts
 * folder is an output set (io/output-set.ts): the charts are written beside it and swapped in
 * whole, and the Markdown that links them is renamed into place in the same uninterruptible step,
 * so a reader never finds new charts with an old page, or a half-written folder. A report written
 * into an output folder (beside `results.json`) is recorded in its manifest: it belongs to the set.
 */
export async function writeReport(results: Results, options: WriteReportOptions): Promise<string[]> {
  const report = await buildReport(results, { lang: options.lang, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
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
