import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { ProgressBar } from '../cli/progress.js';
import { t, translate } from '../i18n/catalogue.js';
import { formatTestReport, TEST_FORMATS, type TestFormat, testJson } from '../pathway-tests/format.js';
import { runPathwayTests } from '../pathway-tests/run.js';

export default class Test extends LogiCommand {
  static override summary = translate('en', 'cli.command.test.summary');
  static override description = translate('en', 'cli.command.test.description');
  static override examples = [
    { description: translate('en', 'cli.command.test.example.0'), command: '<%= config.bin %> <%= command.id %>' },
    { description: translate('en', 'cli.command.test.example.1'), command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2/s2-suivi.test.yaml --grep HbA1c' },
    { description: translate('en', 'cli.command.test.example.2'), command: '<%= config.bin %> <%= command.id %> --update' },
    { description: translate('en', 'cli.command.test.example.3'), command: '<%= config.bin %> <%= command.id %> --format junit > logi-tests.xml' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: translate('en', 'cli.command.test.arg.paths'), ignoreStdin: true, required: false }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: translate('en', 'cli.command.test.flag.format'), options: [...TEST_FORMATS], default: 'stylish' }),
    grep: Flags.string({ char: 'g', description: translate('en', 'cli.command.test.flag.grep') }),
    update: Flags.boolean({ char: 'u', description: translate('en', 'cli.command.test.flag.update'), default: false }),
  };

  async run(): Promise<ReturnType<typeof testJson>> {
    const { argv, flags } = await this.parse(Test);
    const progress = new ProgressBar();
    const report = await runPathwayTests({
      paths: argv as string[],
      cwd: process.cwd(),
      update: flags.update,
      version: this.config.version,
      onProgress: (done, total) => progress.update(done, total, t('pathway-tests.progress')),
      ...(flags.grep !== undefined ? { grep: flags.grep } : {}),
    });
    progress.done();
    process.exitCode = report.exitCode;
    if (this.jsonEnabled()) return testJson(report);
    this.log(formatTestReport(flags.format as TestFormat, report));
    return testJson(report);
  }
}
