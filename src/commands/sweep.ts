import path from 'node:path';
import { Args, Flags, type Interfaces } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { refusedInput } from '../cli/model-errors.js';
import { ProgressBar } from '../cli/progress.js';
import { OutputSet } from '../io/output-set.js';
import { SWEEP_SET_FILES, writeSweepSet } from '../analysis/output-set.js';
import { formatSweep, sweep, type SweepResult } from '../analysis/sweep.js';
import { type Mode } from '../sim/model.js';
import { defaultWorkers } from '../sim/runner.js';
import { t, translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';

export default class Sweep extends LogiCommand {
  static override summary = translate('en', 'cli.command.sweep.summary');
  static override description = translate('en', 'cli.command.sweep.description');
  static override examples = [
    { description: translate('en', 'cli.command.sweep.example.0'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --vary coverage.S1=0.1..0.8:8 --iterations 1000 --out out/balayage' },
    {
      description: translate('en', 'cli.command.sweep.example.1'),
      command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --vary coverage.S1=0.1..0.8:8 --territory douaisis --target events:nouveaux-diabetes=-500',
    },
    { description: translate('en', 'cli.command.sweep.example.2'), command: "<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --vary 'diabete-t2 transitions S1->S2 p=0.02,0.03,0.04' --mode expected" },
  ];
  static override args = { scenario: Args.string({ description: translate('en', 'cli.command.sweep.arg.scenario'), ignoreStdin: true, required: true }) };
  static override flags = {
    vary: Flags.string({ description: translate('en', 'cli.command.sweep.flag.vary'), required: true }),
    outcome: Flags.string({ description: translate('en', 'cli.command.sweep.flag.outcome'), multiple: true }),
    territory: Flags.string({ description: translate('en', 'cli.command.sweep.flag.territory') }),
    target: Flags.string({ description: translate('en', 'cli.command.sweep.flag.target'), multiple: true }),
    iterations: Flags.integer({ char: 'n', description: translate('en', 'cli.command.sweep.flag.iterations'), min: 1, max: 1_000_000 }),
    seed: Flags.integer({ char: 's', description: translate('en', 'cli.command.sweep.flag.seed'), min: 0, max: 2 ** 32 - 1 }),
    mode: Flags.string({ description: translate('en', 'cli.command.sweep.flag.mode'), options: ['stochastic', 'psa', 'expected'] }),
    workers: Flags.integer({ char: 'w', description: translate('en', 'cli.command.sweep.flag.workers'), min: 1, max: 256 }),
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.sweep.flag.out') }),
  };

  async run(): Promise<SweepResult | { out: string; files: string[]; result: SweepResult }> {
    const { args, flags } = await this.parse(Sweep);
    // Checked before any run: a folder holding files logi did not write is refused at once.
    const set = flags.out ? await OutputSet.prepare(flags.out, { command: 'sweep', names: SWEEP_SET_FILES }) : undefined;
    try {
      const result = await this.sweep(args.scenario, flags);
      const files = set ? await writeSweepSet(set, result, { vary: flags.vary, outcomes: flags.outcome, territory: flags.territory, targets: flags.target, lang: currentLanguage(), workers: flags.workers ?? defaultWorkers() }) : [];
      if (this.jsonEnabled()) return flags.out ? { out: path.resolve(flags.out), files, result } : result;
      this.log(formatSweep(result));
      if (files.length > 0) this.logInert(`\n${t('cli.simulate.wrote', { first: files.slice(0, -1).join(', '), last: files.at(-1)! })}`);
      else this.log(`\n${t('sensitivity.sweep.use-out')}`);
      return result;
    } finally {
      await set?.discard();
    }
  }

  private async sweep(scenario: string, flags: SweepFlags): Promise<SweepResult> {
    const progress = new ProgressBar();
    try {
      return await sweep({
        scenario,
        vary: flags.vary,
        outcomes: flags.outcome,
        territory: flags.territory,
        targets: flags.target,
        iterations: flags.iterations,
        seed: flags.seed,
        mode: flags.mode as Mode | undefined,
        workers: flags.workers ?? defaultWorkers(),
        version: this.config.version,
        onProgress: (point, points, done, total) => progress.update(done, total, t('sensitivity.sweep.progress', { point: point + 1, points })),
      });
    } catch (error) {
      progress.done();
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

type SweepFlags = Interfaces.InferredFlags<typeof Sweep.flags>;
