import path from 'node:path';
import { Args, Flags, type Interfaces } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { refusedInput } from '../cli/model-errors.js';
import { ProgressBar } from '../cli/progress.js';
import { OutputSet } from '../io/output-set.js';
import { formatSensitivity, sensitivity, type SensitivityResult } from '../analysis/sensitivity.js';
import { defaultWorkers } from '../sim/runner.js';
import { t, translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';

export default class Sensitivity extends LogiCommand {
  static override summary = translate('en', 'cli.command.sensitivity.summary');
  static override description = translate('en', 'cli.command.sensitivity.description');
  static override examples = [
    { description: translate('en', 'cli.command.sensitivity.example.0'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026' },
    { description: translate('en', 'cli.command.sensitivity.example.1'), command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --outcome events:nouveaux-diabetes --territory douaisis --out out/sensibilite' },
  ];
  static override args = { scenario: Args.string({ description: translate('en', 'cli.command.sensitivity.arg.scenario'), ignoreStdin: true, required: true }) };
  static override flags = {
    outcome: Flags.string({ description: translate('en', 'cli.command.sensitivity.flag.outcome') }),
    territory: Flags.string({ description: translate('en', 'cli.command.sensitivity.flag.territory') }),
    iterations: Flags.integer({ char: 'n', description: translate('en', 'cli.command.sensitivity.flag.iterations'), min: 10, max: 1_000_000 }),
    seed: Flags.integer({ char: 's', description: translate('en', 'cli.command.sensitivity.flag.seed'), min: 0, max: 2 ** 32 - 1 }),
    workers: Flags.integer({ char: 'w', description: translate('en', 'cli.command.sensitivity.flag.workers'), min: 1, max: 256 }),
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.sensitivity.flag.out') }),
  };

  async run(): Promise<SensitivityResult | { out: string; files: string[]; result: SensitivityResult }> {
    const { args, flags } = await this.parse(Sensitivity);
    // Checked before any run: a folder holding files logi did not write is refused at once.
    const set = flags.out ? await OutputSet.prepare(flags.out, { command: 'sensitivity', names: SET_FILES }) : undefined;
    try {
      const result = await this.analyse(args.scenario, flags);
      const files = set ? await writeSet(set, result) : [];
      if (this.jsonEnabled()) return flags.out ? { out: path.resolve(flags.out), files, result } : result;
      this.log(formatSensitivity(result));
      if (files.length > 0) this.logInert(`\n${t('cli.simulate.wrote', { first: files.slice(0, -1).join(', '), last: files.at(-1)! })}`);
      else this.log(`\n${t('sensitivity.summary.use-out')}`);
      return result;
    } finally {
      await set?.discard();
    }
  }

  private async analyse(scenario: string, flags: SensitivityFlags): Promise<SensitivityResult> {
    const progress = new ProgressBar();
    try {
      return await sensitivity({
        scenario,
        outcome: flags.outcome,
        territory: flags.territory,
        iterations: flags.iterations,
        seed: flags.seed,
        workers: flags.workers ?? defaultWorkers(),
        version: this.config.version,
        onProgress: (phase, done, total) => progress.update(done, total, t(phase === 'one-way' ? 'sensitivity.progress.one-way' : 'sensitivity.progress.regression')),
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

/** sensitivity.json and the charts: written beside DIR, then swapped in whole. */
async function writeSet(set: OutputSet, result: SensitivityResult): Promise<string[]> {
  const files = [await set.write('sensitivity.json', `${JSON.stringify(result, null, 2)}\n`)];
  // Loaded only here: vega and vega-lite would add to the start-up of the command.
  const { sensitivityChartFiles } = await import('../analysis/sensitivity-charts.js');
  for (const chart of await sensitivityChartFiles(result, currentLanguage())) files.push(await set.write(chart.path, chart.content));
  await set.commit();
  return files;
}

const SET_FILES = ['sensitivity.json', 'tornado.svg', 'importance.svg'];

type SensitivityFlags = Interfaces.InferredFlags<typeof Sensitivity.flags>;
