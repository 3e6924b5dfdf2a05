import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { t, translate } from '../i18n/catalogue.js';
import { initWorkspace, type InitResult } from '../init/scaffold.js';

export default class Init extends LogiCommand {
  static override summary = translate('en', 'cli.command.init.summary');
  static override description = translate('en', 'cli.command.init.description');
  static override examples = [
    { description: translate('en', 'cli.command.init.example.0'), command: '<%= config.bin %> <%= command.id %> mon-projet && cd mon-projet && <%= config.bin %> lint' },
    { description: translate('en', 'cli.command.init.example.1'), command: '<%= config.bin %> <%= command.id %>' },
  ];
  static override args = { directory: Args.string({ description: translate('en', 'cli.command.init.arg.directory'), ignoreStdin: true, default: '.' }) };
  static override flags = { force: Flags.boolean({ description: translate('en', 'cli.command.init.flag.force'), default: false }) };

  async run(): Promise<InitResult> {
    const { args, flags } = await this.parse(Init);
    const result = await initWorkspace(args.directory, flags.force);
    if (!this.jsonEnabled()) {
      const relative = path.relative(process.cwd(), result.directory);
      const shown = relative === '' ? '.' : relative.startsWith('..') ? result.directory : relative;
      for (const file of result.files) this.logInert(t('editor.init.created', { file: path.join(shown, file) }));
      this.logInert(t('editor.init.ready', { directory: shown }));
    }
    return result;
  }
}
