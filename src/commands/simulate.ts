import path from 'node:path';
import { Args, Flags, type Interfaces } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { refusedInput } from '../cli/model-errors.js';
import { ProgressBar } from '../cli/progress.js';
import { parseMemorySize } from '../cli/sizes.js';
import { writeFileAtomic } from '../io/atomic.js';
import { OutputSet } from '../io/output-set.js';
import { formatSummary } from '../sim/format.js';
import { SIMULATION_SET_FILES, simulateIntoSet } from '../sim/output-set.js';
import type { Results } from '../sim/results.js';
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
    const set = flags.out ? await OutputSet.prepare(flags.out, { command: 'simulate', names: SIMULATION_SET_FILES }) : undefined;
    try {
      const { results, files } = await this.simulate(args.scenario, flags, set);
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

  /**
   * With --out, the set (summary.csv written batch by batch, summary.parquet, results.json, the
   * report, the draws: src/sim/output-set.ts); without, the results held whole, and the draws.
   */
  private async simulate(scenario: string, flags: SimulateFlags, set: OutputSet | undefined): Promise<{ results: Results; files: string[] }> {
    const progress = new ProgressBar();
    const options = {
      scenario,
      iterations: flags.iterations,
      seed: flags.seed,
      mode: flags.mode as 'stochastic' | 'psa' | 'expected' | undefined,
      horizon: flags.horizon,
      workers: flags.workers ?? defaultWorkers(),
      ...(flags['max-memory'] !== undefined ? { memoryLimit: parseMemorySize(flags['max-memory'])! } : {}),
      version: this.config.version,
      onProgress: (done: number, total: number, phase?: string) => progress.update(done, total, phase),
    };
    try {
      if (set) {
        const report = { onReportProgress: (done: number, total: number) => progress.update(done, total, t('report.progress.drawing-charts')) };
        return await simulateIntoSet(set, { ...options, ...report, delimiter: flags['csv-delimiter'] as ',' | ';', report: flags.report === true, lang: currentLanguage(), ...(flags.draws ? { draws: flags.draws } : {}) });
      }
      const { results, draws } = await simulate({ ...options, draws: flags.draws !== undefined });
      if (!flags.draws || !draws) return { results, files: [] };
      await writeFileAtomic(flags.draws, draws);
      return { results, files: [flags.draws] };
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
}

type SimulateFlags = Interfaces.InferredFlags<typeof Simulate.flags>;
