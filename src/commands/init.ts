import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { initWorkspace, type InitResult } from '../init/scaffold.js';

export default class Init extends LogiCommand {
  static override summary = 'Create a small workspace that lints clean: config, pyramid, logigramme, actors, territory, programs, scenario.';
  static override description =
    'Every file starts with a `# yaml-language-server: $schema=…` line, so editors with the YAML extension complete and check keys as you type. Existing files are never overwritten unless --force is given.';
  static override examples = [
    { description: 'Scaffold a workspace in a new folder, then lint it', command: '<%= config.bin %> <%= command.id %> mon-projet && cd mon-projet && <%= config.bin %> lint' },
    { description: 'Scaffold in the current folder', command: '<%= config.bin %> <%= command.id %>' },
  ];
  static override args = { directory: Args.string({ description: 'folder to create or fill', default: '.' }) };
  static override flags = { force: Flags.boolean({ description: 'overwrite files that already exist', default: false }) };

  async run(): Promise<InitResult> {
    const { args, flags } = await this.parse(Init);
    const result = await initWorkspace(args.directory, flags.force);
    if (!this.jsonEnabled()) {
      const relative = path.relative(process.cwd(), result.directory);
      const shown = relative === '' ? '.' : relative.startsWith('..') ? result.directory : relative;
      for (const file of result.files) this.logInert(`  created ${path.join(shown, file)}`);
      this.logInert(`✔ workspace ready in ${shown}: run \`cd ${shown} && logi lint\``);
    }
    return result;
  }
}
