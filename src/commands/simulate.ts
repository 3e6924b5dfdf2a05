import path from 'node:path';
import { Args, Flags, type Interfaces } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { refusedInput } from '../cli/model-errors.js';
import { ProgressBar } from '../cli/progress.js';
import { parseMemorySize } from '../cli/sizes.js';
import { writeFileAtomic } from '../io/atomic.js';
import { OutputSet } from '../io/output-set.js';
import { SummaryFiles } from '../results/summary-files.js';
import type { TerritoryBatchResult } from '../sim/batches.js';
import { formatSummary } from '../sim/format.js';
import { serializeResults, type Results } from '../sim/results.js';
import { defaultWorkers } from '../sim/runner.js';
import { simulate } from '../sim/simulate.js';
import { t, translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';

export default class Simulate extends LogiCommand {
  static override summary = translate('en', 'cli.command.simulate.summary');
  static override description = translate('en', 'cli.command.simulate.description');
  static override examples = [
    { description: translate('en', 'cli.command.simulate.example.0'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --out out/dt2' },
    { description: translate('en', 'cli.command.simulate.example.1'), command: '<%= config.bin %> <%= command.id %> simulations/pionniers-ic.yaml --iterations 200' },
    { description: translate('en', 'cli.command.simulate.example.2'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --mode expected' },
    { description: translate('en', 'cli.command.simulate.example.3'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --out out/dt2 --report' },
    { description: translate('en', 'cli.command.simulate.example.4'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --iterations 100000 --max-memory 2GB' },
    { description: translate('en', 'cli.command.simulate.example.5'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --out out/dt2 --csv-delimiter ";"' },
    { description: translate('en', 'cli.command.simulate.example.6'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --mode psa --iterations 1000 --draws out/dt2-draws.csv' },
  ];
  static override args = { scenario: Args.string({ description: translate('en', 'cli.command.simulate.arg.scenario'), ignoreStdin: true, required: true }) };
  static override flags = {
    iterations: Flags.integer({ char: 'n', description: translate('en', 'cli.command.simulate.flag.iterations'), min: 1, max: 1_000_000 }),
    seed: Flags.integer({ char: 's', description: translate('en', 'cli.command.simulate.flag.seed'), min: 0, max: 2 ** 32 - 1 }),
    mode: Flags.string({ description: translate('en', 'cli.command.simulate.flag.mode'), options: ['stochastic', 'psa', 'expected'] }),
    workers: Flags.integer({ char: 'w', description: translate('en', 'cli.command.simulate.flag.workers'), min: 1, max: 256 }),
    'max-memory': Flags.string({ description: translate('en', 'cli.command.simulate.flag.max-memory') }),
    horizon: Flags.integer({ description: translate('en', 'cli.command.simulate.flag.horizon'), min: 1, max: 100 }),
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.simulate.flag.out') }),
    report: Flags.boolean({ description: translate('en', 'cli.command.simulate.flag.report') }),
    'csv-delimiter': Flags.string({ description: translate('en', 'cli.command.simulate.flag.csv-delimiter'), options: [',', ';'], default: ',' }),
    draws: Flags.string({ description: translate('en', 'cli.command.simulate.flag.draws') }),
  };

  async run(): Promise<Results | { out: string; files: string[]; manifest: Results['manifest'] }> {
    const { args, flags } = await this.parse(Simulate);
    if (flags['max-memory'] !== undefined && parseMemorySize(flags['max-memory']) === undefined) {
      return this.fail(t('cli.simulate.not-a-size', { value: flags['max-memory'] }), t('cli.simulate.not-a-size.hint'));
    }
    if (flags.report && !flags.out) return this.fail(t('cli.simulate.report-needs-out'), t('cli.simulate.report-needs-out.hint'));
    // Checked before simulating: a folder holding files logi did not write is refused at once.
    const set = flags.out ? await OutputSet.prepare(flags.out, { command: 'simulate', names: SET_FILES }) : undefined;
    try {
      // With --out, the territories' summaries go to the files batch by batch, never all held (src/sim/batches.ts).
      const summaryFiles = set ? await SummaryFiles.open(set, { delimiter: flags['csv-delimiter'] as ',' | ';' }) : undefined;
      const { results, draws } = await this.simulate(args.scenario, flags, summaryFiles ? (batch) => summaryFiles.addBatch(batch) : undefined);
      const files = set && summaryFiles ? await this.writeSet(set, summaryFiles, results, flags) : [];
      if (flags.draws && draws) {
        await writeFileAtomic(flags.draws, draws);
        files.push(flags.draws);
      }
      if (this.jsonEnabled()) return flags.out ? { out: path.resolve(flags.out), files, manifest: results.manifest } : results;
      this.log(formatSummary(results));
      if (files.length > 0) this.logInert(`\n${t('cli.simulate.wrote', { first: files.slice(0, -1).join(', '), last: files.at(-1)! })}`);
      if (flags.report && flags.out) this.logInert(t('cli.simulate.open-report', { path: path.resolve(flags.out, 'report.html') }));
      if (!flags.out) this.log(`\n${t('cli.simulate.use-out')}`);
      return results;
    } finally {
      await set?.discard();
    }
  }

  private async simulate(scenario: string, flags: SimulateFlags, onBatch?: (batch: TerritoryBatchResult) => Promise<void>): Promise<{ results: Results; draws?: Iterable<string> }> {
    const progress = new ProgressBar();
    try {
      const simulation = await simulate({
        scenario,
        iterations: flags.iterations,
        seed: flags.seed,
        mode: flags.mode as 'stochastic' | 'psa' | 'expected' | undefined,
        horizon: flags.horizon,
        workers: flags.workers ?? defaultWorkers(),
        ...(flags['max-memory'] !== undefined ? { memoryLimit: parseMemorySize(flags['max-memory'])! } : {}),
        version: this.config.version,
        draws: flags.draws !== undefined,
        ...(onBatch ? { onBatch } : {}),
        onProgress: (done, total, phase) => progress.update(done, total, phase),
      });
      return simulation;
    } catch (error) {
      const refused = refusedInput(error, this.jsonEnabled());
      if (refused) {
        progress.done();
        return this.fail(refused.message, refused.hint);
      }
      throw error;
    } finally {
      progress.done();
    }
  }

  /**
   * summary.csv (its territories' rows are written already), summary.parquet, results.json and,
   * with --report, report.html: written beside DIR, then swapped in whole.
   */
  private async writeSet(set: OutputSet, summaryFiles: SummaryFiles, ran: Results, flags: SimulateFlags): Promise<string[]> {
    const { files, results } = await summaryFiles.finish(ran);
    files.unshift(await set.write('results.json', serializeResults(results)));
    if (flags.report) {
      const progress = new ProgressBar();
      // Loaded only here: vega and vega-lite would add to the start-up of every simulation.
      const { reportedMeasures, reportHtmlOf } = await import('../report/write.js');
      const { withTerritorySummaries } = await import('../results/read.js');
      // The report reads the territories' summaries back from the set, as `logi report` would.
      const whole = await withTerritorySummaries(results, path.dirname(await set.stagedPath('results.json')), reportedMeasures(results));
      const html = await reportHtmlOf(whole, { lang: currentLanguage(), onProgress: (done, total) => progress.update(done, total, t('report.progress.drawing-charts')) });
      progress.done();
      files.push(await set.write('report.html', html));
    }
    await set.commit();
    return files;
  }
}

/** What `simulate --out` writes; an older logi wrote them without a manifest (io/output-set.ts). */
const SET_FILES = ['results.json', 'summary.csv', 'summary.parquet', 'report.html'];

type SimulateFlags = Interfaces.InferredFlags<typeof Simulate.flags>;
