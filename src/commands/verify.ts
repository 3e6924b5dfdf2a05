import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { ProgressBar } from '../cli/progress.js';
import { formatVerification } from '../archive/format.js';
import { verify, type Verification } from '../archive/verify.js';
import { t, translate } from '../i18n/catalogue.js';
import { defaultWorkers } from '../sim/runner.js';

export default class Verify extends LogiCommand {
  static override summary = translate('en', 'cli.command.verify.summary');
  static override description = translate('en', 'cli.command.verify.description');
  static override examples = [
    { description: translate('en', 'cli.command.verify.example.0'), command: '<%= config.bin %> <%= command.id %> dt2-2026.zip' },
    { description: translate('en', 'cli.command.verify.example.1'), command: '<%= config.bin %> <%= command.id %> paquets/dt2-2026 --workers 1 --lang en' },
    { description: translate('en', 'cli.command.verify.example.2'), command: '<%= config.bin %> <%= command.id %> out/dt2 --json' },
  ];
  static override args = { source: Args.string({ description: translate('en', 'cli.command.verify.arg.source'), ignoreStdin: true, required: true }) };
  static override flags = {
    workspace: Flags.string({ description: translate('en', 'cli.command.verify.flag.workspace') }),
    workers: Flags.integer({ char: 'w', description: translate('en', 'cli.command.verify.flag.workers'), min: 1, max: 256 }),
  };

  /** Exit 0 reproduced, 1 not reproduced; unusable input exits 2 through the base command. */
  async run(): Promise<Verification> {
    const { args, flags } = await this.parse(Verify);
    const progress = new ProgressBar();
    let verification: Verification;
    try {
      verification = await verify({
        source: args.source,
        toolRoot: this.config.root,
        version: this.config.version,
        workers: flags.workers ?? defaultWorkers(),
        ...(flags.workspace !== undefined ? { workspace: flags.workspace } : {}),
        onProgress: (done, total) => progress.update(done, total, t('verify.progress')),
      });
    } finally {
      progress.done();
    }
    if (!this.jsonEnabled()) this.logInert(formatVerification(verification));
    process.exitCode = verification.reproduced ? 0 : 1;
    return verification;
  }
}
