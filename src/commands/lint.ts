import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { lint } from '../lint/engine.js';
import { formatJson, type LintJson } from '../lint/formatters/json.js';
import { formatStylish } from '../lint/formatters/stylish.js';

export default class Lint extends LogiCommand {
  static override summary = 'Check logigrammes, pyramids, territories, programs and scenarios.';
  static override description = `Loads the workspace (the folder holding logi.config.yaml, found upward from the paths or the current folder), checks YAML syntax, the schema of every document and the references between documents, then runs the lint rules.

Exit codes: 0 clean (warnings allowed), 1 errors found, 2 usage error or unreadable input.`;
  static override examples = [
    { description: 'Lint the whole workspace of the current folder', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Lint the bundled guidelines and simulations', command: '<%= config.bin %> <%= command.id %> guidelines simulations' },
    { description: 'Machine-readable findings', command: '<%= config.bin %> <%= command.id %> guidelines --format json' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'files or folders to lint (default: the workspace)', required: false }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: 'output format', options: ['stylish', 'json'], default: 'stylish' }),
  };

  async run(): Promise<LintJson> {
    const { argv, flags } = await this.parse(Lint);
    const result = await lint({ paths: argv as string[] });
    const json: LintJson = {
      filesChecked: result.filesChecked,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      exitCode: result.exitCode,
      diagnostics: result.diagnostics,
    };
    if (this.jsonEnabled()) {
      process.exitCode = result.exitCode;
      return json;
    }
    if (flags.format === 'json') this.log(formatJson(json));
    else {
      const sources = new Map(result.workspace.files.map((f) => [f.file, f.text]));
      const color = !process.env.NO_COLOR && process.stdout.isTTY === true;
      const text = formatStylish(result.diagnostics, { color, sources });
      if (text) this.log(text);
      else this.log(`✔ ${result.filesChecked} file${result.filesChecked === 1 ? '' : 's'} checked, no problems.`);
    }
    process.exitCode = result.exitCode;
    return json;
  }
}
