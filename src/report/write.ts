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
import { type SummaryFilter, withTerritorySummaries } from '../results/read.js';
import { FOLD_ABOVE } from './territory.js';
import { ResultsSchema, type Results } from '../sim/results.js';
import { buildReport } from './build.js';
import { type Sensitivity, SensitivitySchema, type Sweep, SweepSchema } from './decision-inputs.js';
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

/** Reads a JSON file, refusing a missing, unreadable or malformed one with a `ReportInputError` in the current language. */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? t('report.input.no-such-file', { file }) : code === 'EISDIR' ? t('report.input.is-folder', { file }) : t('report.input.unreadable', { file, code: String(code) });
    throw new ReportInputError(message, t('report.input.hint'));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const where = match ? `:${position(text, Number(match[1]))}` : '';
    const detail = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    throw new ReportInputError(t('report.input.not-json', { file, where, detail }), t('report.input.not-json.hint'));
  }
}

/** The first place where `json` does not fit `schema`, and what is wrong there (zod's words, in French under French). */
function firstMismatch<T>(schema: z.ZodType<T>, json: unknown): { data: T } | { path: string; problem: string } {
  const parsed = schema.safeParse(json, currentLanguage() === 'fr' ? { error: z.locales.fr().localeError } : undefined);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { path: issue.path.join('.') || t('report.input.root'), problem: issue.message };
}

/**
 * Reads and checks a results.json; a file that is not one is refused with a `ReportInputError` in
 * the current language. The schema's complaint comes from zod in English, from zod's own French
 * locale in French.
 */
export async function readResults(file: string): Promise<Results> {
  const checked = firstMismatch(ResultsSchema, await readJson(file));
  // Written by `simulate --out`: the territories' summaries are in summary.parquet or summary.csv beside it.
  if ('data' in checked) return checked.data.territorySummaries ? withTerritorySummaries(checked.data, path.dirname(file), reportedMeasures(checked.data)) : checked.data;
  throw new ReportInputError(t('report.input.not-results', { file, ...checked }), t('report.input.not-results.hint'));
}

/**
 * What the report reads of the territories' summaries: everything, up to FOLD_ABOVE territories;
 * beyond, the measures of the folded detail and of the comparison only (not the people reached,
 * volumes, minutes and inflows of every action, year and territory: most of the rows), so that
 * the report of many territories holds a few hundred kilobytes per territory.
 */
export function reportedMeasures(results: Pick<Results, 'territories'>): SummaryFilter {
  return results.territories.length > FOLD_ABOVE ? { measures: ['counts', 'flows', 'events', 'enrolled', 'fte', 'cost', 'programCost', 'totalCost', 'valuation', 'valuation-discounted'] } : {};
}

/** Reads a sensitivity.json for the tornado of the decision section; it must be of the results' scenario. */
export async function readSensitivity(file: string, scenario: string): Promise<Sensitivity> {
  const checked = firstMismatch(SensitivitySchema, await readJson(file));
  if (!('data' in checked)) throw new ReportInputError(t('report.input.not-sensitivity', { file, ...checked }), t('report.input.not-sensitivity.hint'));
  sameScenario(file, checked.data.manifest.scenario, scenario);
  return checked.data;
}

/** Reads a sweep.json for the sweep chart of the decision section; it must be of the results' scenario. */
export async function readSweep(file: string, scenario: string): Promise<Sweep> {
  const checked = firstMismatch(SweepSchema, await readJson(file));
  if (!('data' in checked)) throw new ReportInputError(t('report.input.not-sweep', { file, ...checked }), t('report.input.not-sweep.hint'));
  sameScenario(file, checked.data.manifest.scenario, scenario);
  return checked.data;
}

function sameScenario(file: string, scenario: string, results: string): void {
  if (scenario !== results) throw new ReportInputError(t('report.input.other-scenario', { file, scenario, results }), t('report.input.other-scenario.hint'));
}

export type ReportFormat = 'html' | 'md';

export interface WriteReportOptions {
  format: ReportFormat;
  out: string;
  /** The report's language; by default the command's (src/i18n/language.ts). */
  lang?: Lang;
  onProgress?: (done: number, total: number) => void;
  /** A one-way sensitivity analysis, drawn as a tornado in the decision section. */
  sensitivity?: Sensitivity;
  /** A sweep, drawn as outcome curves in the decision section. */
  sweep?: Sweep;
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
