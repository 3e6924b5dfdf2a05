import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { ProgressBar } from '../cli/progress.js';
import { currentLanguage } from '../i18n/language.js';
import type { ReportFormat } from '../report/write.js';

export default class Report extends LogiCommand {
  static override summary = 'Write the report of a simulation: a self-contained HTML page (or Markdown) with charts, the territories compared and the logigrammes with their simulated counts.';
  static override description = `RESULTS is the results.json that \`logi simulate … --out DIR\` wrote. The report needs nothing else: no workspace, no browser, no network.

Per territory (and for all of them together): the pyramid at the start and at the horizon, each stratum over time with its 95 % band, events averted, working time per profession, FTE demand against the workforce (shortfalls flagged), volumes per action, costs. Then the territories side by side per 100,000 inhabitants (the reproducibility view), each logigramme with the mean number of people per step and branch, and the manifest (version, seed, iterations, inputs and their SHA-256).

html is one file: CSS inline, charts as inline SVG drawn in Node, no script, a Content-Security-Policy that forbids any request. md writes the same content as Markdown, with the charts as SVG files in a folder beside it (REPORT-charts/).`;
  static override examples = [
    { description: 'The report of a simulation, in French, next to its results', command: '<%= config.bin %> <%= command.id %> out/dt2/results.json' },
    { description: 'In English, as Markdown', command: '<%= config.bin %> <%= command.id %> out/dt2/results.json --format md --lang en --out out/dt2/report-en.md' },
    { description: 'Simulate and report in one go', command: '<%= config.bin %> simulate pionniers-dt2-2026 --out out/dt2 --report' },
  ];
  static override args = { results: Args.string({ description: 'the results.json written by `logi simulate --out`', required: true }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: 'html: one self-contained page; md: Markdown with its charts beside it', options: ['html', 'md'], default: 'html' }),
    out: Flags.string({ char: 'o', description: 'file to write (default: report.html or report.md beside RESULTS)' }),
  };

  async run(): Promise<{ out: string; files: string[] }> {
    const { args, flags } = await this.parse(Report);
    const format = flags.format as ReportFormat;
    const out = flags.out ?? path.join(path.dirname(args.results), `report.${format}`);
    // vega and vega-lite load only when a report is written, not for `logi report --help`.
    const { ReportInputError, readResults, writeReport } = await import('../report/write.js');
    let results;
    try {
      results = await readResults(args.results);
    } catch (error) {
      if (error instanceof ReportInputError) return this.fail(error.message, error.hint);
      throw error;
    }
    const progress = new ProgressBar();
    const files = await writeReport(results, { format, out, lang: currentLanguage(), onProgress: (done, total) => progress.update(done, total, 'drawing charts') });
    progress.done();
    if (!this.jsonEnabled()) this.logInert(`✔ wrote the report to ${out}${files.length > 1 ? ` (and ${files.length - 1} charts beside it)` : ''}: open it in a browser`);
    return { out: path.resolve(out), files };
  }
}
