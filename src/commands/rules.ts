import { Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { catalogue, type CatalogueEntry } from '../lint/catalogue.js';
import { PRESETS, presetSeverity } from '../lint/presets.js';

export interface RulesJson {
  rules: (CatalogueEntry & { strict: string })[];
}

const SHOWN: Record<string, string> = { error: 'error', warning: 'warn', info: 'info', off: 'off' };

export default class Rules extends LogiCommand {
  static override summary = 'List every lint rule: description, default severity, whether --fix fixes it.';
  static override description = `Lists every check that \`logi lint\` can report, in three groups: the rules (their severity can be set in logi.config.yaml under \`rules:\`), the checks of suppression comments, and the reserved checks of the loader (always errors). "recommended" is the default severity, "strict" the severity in the strict preset. Each rule is documented in docs/rules/<id>.md.`;
  static override examples = [
    { description: 'The rules, as a table', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Machine-readable, with kinds of document and documentation paths', command: '<%= config.bin %> <%= command.id %> --json' },
    { description: 'Only the rules that --fix can fix', command: '<%= config.bin %> <%= command.id %> --fixable' },
  ];
  static override flags = {
    fixable: Flags.boolean({ description: 'only the rules that `logi lint --fix` fixes', default: false }),
  };

  async run(): Promise<RulesJson> {
    const { flags } = await this.parse(Rules);
    const entries = catalogue().filter((e) => !flags.fixable || e.fixable);
    const rules = entries.map((e) => ({ ...e, strict: e.configurable ? presetSeverity(e.severity, 'strict') : e.severity }));
    if (this.jsonEnabled()) return { rules };
    const width = Math.max(...entries.map((e) => e.id.length));
    const groups: [string, CatalogueEntry['origin']][] = [
      ['Rules', 'rule'],
      ['Suppression comments', 'suppression'],
      ['Reserved checks (always errors)', 'reserved'],
    ];
    const lines: string[] = [];
    for (const [title, origin] of groups) {
      const members = rules.filter((r) => r.origin === origin);
      if (members.length === 0) continue;
      if (lines.length > 0) lines.push('');
      lines.push(`${title}:`, `  ${'id'.padEnd(width)}  recommended  strict  fix  description`);
      for (const r of members) {
        lines.push(`  ${r.id.padEnd(width)}  ${SHOWN[r.severity]!.padEnd(11)}  ${SHOWN[r.strict]!.padEnd(6)}  ${r.fixable ? 'yes' : '   '}  ${r.description}`);
      }
    }
    lines.push('', `Presets: ${PRESETS.join(', ')}. Documentation: docs/rules/<id>.md.`);
    this.log(lines.join('\n'));
    return { rules };
  }
}
