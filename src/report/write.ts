/**
 * Reading a `results.json` for the report (clear errors for a file that is not one) and writing
 * the report: one HTML file, or a Markdown file with its charts in a folder beside it. Every file
 * is written atomically; the charts are written before the Markdown that links them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
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

/** Writes the report; returns the files written, the report itself first. */
export async function writeReport(results: Results, options: WriteReportOptions): Promise<string[]> {
  const report = await buildReport(results, { lang: options.lang, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (options.format === 'html') {
    await writeFileAtomic(options.out, reportHtml(report));
    return [options.out];
  }
  const assetsDir = `${path.basename(options.out, path.extname(options.out))}-charts`;
  const { markdown, assets } = reportMarkdown(report, assetsDir);
  const written: string[] = [];
  for (const asset of assets) {
    const target = path.join(path.dirname(options.out), asset.path);
    await writeFileAtomic(target, asset.content);
    written.push(target);
  }
  await writeFileAtomic(options.out, markdown);
  return [options.out, ...written];
}
