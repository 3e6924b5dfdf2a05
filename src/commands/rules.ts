import { Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { t, translate } from '../i18n/catalogue.js';
import { catalogue, type CatalogueEntry } from '../lint/catalogue.js';
import { PRESETS, presetSeverity } from '../lint/presets.js';

export interface RulesJson {
  rules: (CatalogueEntry & { strict: string })[];
}

const SHOWN: Record<string, string> = { error: 'error', warning: 'warn', info: 'info', off: 'off' };

export default class Rules extends LogiCommand {
  static override summary = translate('en', 'cli.command.rules.summary');
  static override description = translate('en', 'cli.command.rules.description');
  static override examples = [
    { description: translate('en', 'cli.command.rules.example.0'), command: '<%= config.bin %> <%= command.id %>' },
    { description: translate('en', 'cli.command.rules.example.1'), command: '<%= config.bin %> <%= command.id %> --json' },
    { description: translate('en', 'cli.command.rules.example.2'), command: '<%= config.bin %> <%= command.id %> --fixable' },
  ];
  static override flags = {
    fixable: Flags.boolean({ description: translate('en', 'cli.command.rules.flag.fixable'), default: false }),
  };

  async run(): Promise<RulesJson> {
    const { flags } = await this.parse(Rules);
    const entries = catalogue().filter((e) => !flags.fixable || e.fixable);
    const rules = entries.map((e) => ({ ...e, strict: e.configurable ? presetSeverity(e.severity, 'strict') : e.severity }));
    if (this.jsonEnabled()) return { rules };
    const width = Math.max(...entries.map((e) => e.id.length));
    const groups: [string, CatalogueEntry['origin']][] = [
      [t('cli.rules.group.rule'), 'rule'],
      [t('cli.rules.group.suppression'), 'suppression'],
      [t('cli.rules.group.reserved'), 'reserved'],
    ];
    const yes = t('cli.rules.yes');
    const lines: string[] = [];
    for (const [title, origin] of groups) {
      const members = rules.filter((r) => r.origin === origin);
      if (members.length === 0) continue;
      if (lines.length > 0) lines.push('');
      // The column names are code: `id`, the presets, the flag `--fix`, the catalogue's `description`.
      lines.push(title, `  ${'id'.padEnd(width)}  recommended  strict  fix  description`);
      for (const r of members) {
        lines.push(`  ${r.id.padEnd(width)}  ${SHOWN[r.severity]!.padEnd(11)}  ${SHOWN[r.strict]!.padEnd(6)}  ${r.fixable ? yes : ' '.repeat(yes.length)}  ${r.description}`);
      }
    }
    lines.push('', t('cli.rules.footer', { presets: [...PRESETS] }));
    this.log(lines.join('\n'));
    return { rules };
  }
}
