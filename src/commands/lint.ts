import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { catalogue } from '../lint/catalogue.js';
import { type FixedFile, lint, lintAndFix, type LintResult } from '../lint/engine.js';
import { FORMATS, type Format, formatResult, type LintJson } from '../lint/formatters/index.js';
import { PRESETS } from '../lint/presets.js';

export default class Lint extends LogiCommand {
  static override summary = 'Check logigrammes, pyramids, territories, programs and scenarios.';
  static override description = `Loads the workspace (the folder holding logi.config.yaml, found upward from the paths or the current folder), checks YAML syntax, the schema of every document and the references between documents, then runs the lint rules (see \`logi rules\`).

Silence one finding with a comment on the line above it: \`# logi-disable-next-line <rule> -- <reason>\`, or a whole file with \`# logi-disable-file <rule> -- <reason>\`.

Exit codes: 0 clean (warnings allowed), 1 errors found (or more warnings than --max-warnings), 2 usage error or unreadable input.`;
  static override examples = [
    { description: 'Lint the whole workspace of the current folder', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Lint the bundled guidelines and simulations with every rule as an error', command: '<%= config.bin %> <%= command.id %> guidelines simulations --preset strict' },
    { description: 'Rewrite what can be fixed (comments and layout are kept)', command: '<%= config.bin %> <%= command.id %> --fix' },
    { description: 'Annotations on a GitHub pull request', command: '<%= config.bin %> <%= command.id %> --format github' },
    { description: 'A SARIF file for code scanning', command: '<%= config.bin %> <%= command.id %> --format sarif > logi.sarif' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'files or folders to lint (default: the workspace)', required: false }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: 'output format', options: [...FORMATS], default: 'stylish' }),
    preset: Flags.string({ description: 'rule preset, instead of `extends` in logi.config.yaml', options: [...PRESETS] }),
    'max-warnings': Flags.integer({ description: 'exit with 1 when there are more warnings than this', min: 0 }),
    quiet: Flags.boolean({ char: 'q', description: 'report errors only (warnings are still counted)', default: false }),
    fix: Flags.boolean({ description: 'rewrite the files to fix what can be fixed, then report what remains', default: false }),
  };

  async run(): Promise<LintJson> {
    const { argv, flags } = await this.parse(Lint);
    const options = {
      paths: argv as string[],
      ...(flags.preset !== undefined ? { preset: flags.preset as (typeof PRESETS)[number] } : {}),
      ...(flags['max-warnings'] !== undefined ? { maxWarnings: flags['max-warnings'] } : {}),
      quiet: flags.quiet,
    };
    let result: LintResult;
    let fixed: FixedFile[] | undefined;
    if (flags.fix) ({ result, fixed } = await lintAndFix(options));
    else result = await lint(options);
    const json: LintJson = {
      filesChecked: result.filesChecked,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      exitCode: result.exitCode,
      diagnostics: result.diagnostics,
      ...(fixed ? { fixed } : {}),
    };
    process.exitCode = result.exitCode;
    if (this.jsonEnabled()) return json;

    const format = flags.format as Format;
    const text = formatResult(format, {
      json,
      diagnostics: result.diagnostics,
      sources: new Map(result.workspace.files.map((f) => [f.file, f.text])),
      color: !process.env.NO_COLOR && process.stdout.isTTY === true,
      fixableCount: result.fixableCount,
      rules: catalogue(),
      version: this.config.version,
      cwd: process.cwd(),
    });
    if (format === 'stylish') {
      for (const f of fixed ?? []) this.logInert(`fixed ${f.fixes} problem${f.fixes === 1 ? '' : 's'} in ${f.file}`);
      if (text) this.log(text);
      else this.log(`✔ ${result.filesChecked} file${result.filesChecked === 1 ? '' : 's'} checked, no problems.`);
      if (result.tooManyWarnings) this.log(`✖ ${result.warningCount} warnings: more than --max-warnings ${flags['max-warnings']}.`);
    } else if (text) this.log(text);
    if (format !== 'stylish' && result.tooManyWarnings) process.stderr.write(`logi: ${result.warningCount} warnings, more than --max-warnings ${flags['max-warnings']}\n`);
    return json;
  }
}
