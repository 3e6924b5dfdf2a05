import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { ProgressBar } from '../cli/progress.js';
import { t, translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import type { ReportFormat } from '../report/write.js';

export default class Report extends LogiCommand {
  static override summary = translate('en', 'cli.command.report.summary');
  static override description = translate('en', 'cli.command.report.description');
  static override examples = [
    { description: translate('en', 'cli.command.report.example.0'), command: '<%= config.bin %> <%= command.id %> out/dt2/results.json' },
    { description: translate('en', 'cli.command.report.example.1'), command: '<%= config.bin %> <%= command.id %> out/dt2/results.json --format md --lang en --out out/dt2/report-en.md' },
    { description: translate('en', 'cli.command.report.example.2'), command: '<%= config.bin %> simulate pionniers-dt2-2026 --out out/dt2 --report' },
  ];
  static override args = { results: Args.string({ description: translate('en', 'cli.command.report.arg.results'), ignoreStdin: true, required: true }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: translate('en', 'cli.command.report.flag.format'), options: ['html', 'md'], default: 'html' }),
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.report.flag.out') }),
    sensitivity: Flags.string({ description: translate('en', 'cli.command.report.flag.sensitivity') }),
    sweep: Flags.string({ description: translate('en', 'cli.command.report.flag.sweep') }),
  };

  async run(): Promise<{ out: string; files: string[] }> {
    const { args, flags } = await this.parse(Report);
    const format = flags.format as ReportFormat;
    const out = flags.out ?? path.join(path.dirname(args.results), `report.${format}`);
    // vega and vega-lite load only when a report is written, not for `logi report --help`.
    const { ReportInputError, readResults, readSensitivity, readSweep, writeReport } = await import('../report/write.js');
    let inputs;
    try {
      const results = await readResults(args.results);
      const scenario = results.manifest.scenario;
      inputs = {
        results,
        ...(flags.sensitivity ? { sensitivity: await readSensitivity(flags.sensitivity, scenario) } : {}),
        ...(flags.sweep ? { sweep: await readSweep(flags.sweep, scenario) } : {}),
      };
    } catch (error) {
      if (error instanceof ReportInputError) return this.fail(error.message, error.hint);
      throw error;
    }
    const { results, ...extras } = inputs;
    const progress = new ProgressBar();
    const files = await writeReport(results, { format, out, lang: currentLanguage(), ...extras, onProgress: (done, total) => progress.update(done, total, t('report.progress.drawing-charts')) });
    progress.done();
    if (!this.jsonEnabled()) this.logInert(t('cli.report.wrote', { out, charts: files.length - 1 }));
    return { out: path.resolve(out), files };
  }
}
