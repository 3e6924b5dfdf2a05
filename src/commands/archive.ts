import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { archive, type ArchiveSummary } from '../archive/archive.js';
import { formatArchive } from '../archive/format.js';
import { translate } from '../i18n/catalogue.js';

export default class Archive extends LogiCommand {
  static override summary = translate('en', 'cli.command.archive.summary');
  static override description = translate('en', 'cli.command.archive.description');
  static override examples = [
    { description: translate('en', 'cli.command.archive.example.0'), command: '<%= config.bin %> simulate pionniers-dt2-2026 --out out/dt2 --report && <%= config.bin %> <%= command.id %> out/dt2 --out dt2-2026.zip' },
    { description: translate('en', 'cli.command.archive.example.1'), command: '<%= config.bin %> <%= command.id %> out/balayage --workspace . --date 2026-06-30 --out balayage.zip' },
  ];
  static override args = { results: Args.string({ description: translate('en', 'cli.command.archive.arg.results'), ignoreStdin: true, required: true }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.archive.flag.out'), required: true }),
    workspace: Flags.string({ description: translate('en', 'cli.command.archive.flag.workspace') }),
    date: Flags.string({ description: translate('en', 'cli.command.archive.flag.date') }),
  };

  async run(): Promise<ArchiveSummary> {
    const { args, flags } = await this.parse(Archive);
    const summary = await archive({
      results: args.results,
      out: flags.out,
      toolRoot: this.config.root,
      ...(flags.workspace !== undefined ? { workspace: flags.workspace } : {}),
      ...(flags.date !== undefined ? { date: flags.date } : {}),
    });
    if (!this.jsonEnabled()) this.logInert(formatArchive({ ...summary, out: path.resolve(summary.out) }));
    return { ...summary, out: path.resolve(summary.out) };
  }
}
