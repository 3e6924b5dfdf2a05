import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { refusedInput } from '../cli/model-errors.js';
import { ProgressBar } from '../cli/progress.js';
import { t, translate } from '../i18n/catalogue.js';
import type { SynthSummary } from '../synth/run.js';

export default class Synth extends LogiCommand {
  static override summary = translate('en', 'cli.command.synth.summary');
  static override description = translate('en', 'cli.command.synth.description');
  static override examples = [
    { description: translate('en', 'cli.command.synth.example.0'), command: '<%= config.bin %> <%= command.id %> douaisis --out data/douaisis' },
    { description: translate('en', 'cli.command.synth.example.1'), command: '<%= config.bin %> <%= command.id %> douaisis --pyramid diabete-t2 --format csv --as-of 2026-03-31 --seed 7 --out data/douaisis-dt2' },
    { description: translate('en', 'cli.command.synth.example.2'), command: '<%= config.bin %> <%= command.id %> douaisis --as-of 2026-03-31 --out data/douaisis && <%= config.bin %> stratify diabete-t2 data/douaisis' },
  ];
  static override args = { territory: Args.string({ description: translate('en', 'cli.command.synth.arg.territory'), ignoreStdin: true, required: true }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.synth.flag.out'), required: true }),
    pyramid: Flags.string({ char: 'p', description: translate('en', 'cli.command.synth.flag.pyramid') }),
    seed: Flags.integer({ char: 's', description: translate('en', 'cli.command.synth.flag.seed'), min: 0, max: 2 ** 32 - 1, default: 1 }),
    'as-of': Flags.string({ description: translate('en', 'cli.command.synth.flag.as-of') }),
    format: Flags.string({ char: 'f', description: translate('en', 'cli.command.synth.flag.format'), options: ['parquet', 'csv'], default: 'parquet' }),
  };

  async run(): Promise<SynthSummary> {
    const { args, flags } = await this.parse(Synth);
    const { synth } = await import('../synth/run.js');
    const progress = new ProgressBar();
    let summary: SynthSummary;
    try {
      summary = await synth({
        territory: args.territory,
        out: flags.out,
        ...(flags.pyramid !== undefined ? { pyramid: flags.pyramid } : {}),
        seed: flags.seed,
        asOf: flags['as-of'] ?? new Date().toISOString().slice(0, 10),
        format: flags.format as 'parquet' | 'csv',
        onProgress: (done, total) => progress.update(done, total, t('synth.progress')),
      });
    } catch (error) {
      const refused = refusedInput(error, this.jsonEnabled());
      if (refused) return this.fail(refused.message, refused.hint);
      throw error;
    } finally {
      progress.done();
    }
    if (!this.jsonEnabled()) {
      this.logInert(t('synth.wrote', { patients: summary.patients, out: flags.out, as_of: summary.asOf, seed: summary.seed }));
      for (const [pyramid, counts] of Object.entries(summary.counts)) {
        this.logInert(t('synth.wrote.stratum', { pyramid, counts: Object.entries(counts).map(([stratum, n]) => `${stratum} ${n}`).join(', ') }));
      }
    }
    return { ...summary, out: path.resolve(summary.out) };
  }
}
