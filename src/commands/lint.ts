import path from 'node:path';
import { Args, Flags, type Interfaces } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { colourFor } from '../cli/colour.js';
import { t, translate } from '../i18n/catalogue.js';
import { writeFileAtomic } from '../io/atomic.js';
import { catalogue } from '../lint/catalogue.js';
import { type FixedFile, lint, lintAndFix, type LintOptions, type LintResult } from '../lint/engine.js';
import { FORMATS, type Format, formatResult, type LintJson } from '../lint/formatters/index.js';
import { formatProblemSummary } from '../lint/formatters/stylish.js';
import { PRESETS } from '../lint/presets.js';
import { escapeTerminal } from '../text/escape.js';

export default class Lint extends LogiCommand {
  static override summary = translate('en', 'cli.command.lint.summary');
  static override description = translate('en', 'cli.command.lint.description');
  static override examples = [
    { description: translate('en', 'cli.command.lint.example.0'), command: '<%= config.bin %> <%= command.id %>' },
    { description: translate('en', 'cli.command.lint.example.1'), command: '<%= config.bin %> <%= command.id %> guidelines simulations --preset strict' },
    { description: translate('en', 'cli.command.lint.example.2'), command: '<%= config.bin %> <%= command.id %> --fix' },
    { description: translate('en', 'cli.command.lint.example.3'), command: '<%= config.bin %> <%= command.id %> --format github' },
    { description: translate('en', 'cli.command.lint.example.4'), command: '<%= config.bin %> <%= command.id %> --format sarif -o logi.sarif' },
    { description: translate('en', 'cli.command.lint.example.5'), command: 'cat s1.yaml | <%= config.bin %> <%= command.id %> --stdin --stdin-filename logigrammes/s1.yaml' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: translate('en', 'cli.command.lint.arg.paths'), ignoreStdin: true, required: false }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: translate('en', 'cli.command.lint.flag.format'), options: [...FORMATS], default: 'stylish' }),
    preset: Flags.string({ description: translate('en', 'cli.command.lint.flag.preset'), options: [...PRESETS] }),
    'max-warnings': Flags.integer({ description: translate('en', 'cli.command.lint.flag.max-warnings'), min: -1 }),
    quiet: Flags.boolean({ char: 'q', description: translate('en', 'cli.command.lint.flag.quiet'), default: false }),
    fix: Flags.boolean({ description: translate('en', 'cli.command.lint.flag.fix'), default: false }),
    'output-file': Flags.string({ char: 'o', description: translate('en', 'cli.command.lint.flag.output-file') }),
    // No default: oclif's dependsOn and exclusive count a flag with a default as given.
    stdin: Flags.boolean({ description: translate('en', 'cli.command.lint.flag.stdin'), exclusive: ['fix'] }),
    'stdin-filename': Flags.string({ description: translate('en', 'cli.command.lint.flag.stdin-filename'), dependsOn: ['stdin'] }),
    color: Flags.boolean({ description: translate('en', 'cli.command.lint.flag.color'), allowNo: true }),
  };

  async run(): Promise<LintJson> {
    const { argv, flags } = await this.parse(Lint);
    const options: LintOptions = {
      ...(await this.input(argv as string[], flags)),
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
    const outputFile = flags['output-file'];
    if (outputFile !== undefined) {
      // The report goes to the file, uncoloured; the terminal gets the summary only.
      await writeFileAtomic(outputFile, this.report(flags, result, json, fixed, false));
      if (!this.jsonEnabled()) this.printSummary(flags, result);
      return json;
    }
    if (this.jsonEnabled()) return json;
    const report = this.report(flags, result, json, fixed, colourFor(process.stdout, flags.color));
    if (report !== '') this.log(report.replace(/\n$/, ''));
    if (flags.format !== 'stylish' && result.tooManyWarnings) process.stderr.write(`logi: ${t('cli.lint.too-many-warnings.short', { count: result.warningCount, max: flags['max-warnings']! })}\n`);
    return json;
  }

  /** What to lint: the paths, or standard input as the file `--stdin-filename` (in its workspace). */
  private async input(paths: string[], flags: LintFlags): Promise<Pick<LintOptions, 'paths' | 'texts'>> {
    if (!flags.stdin) return { paths };
    const file = flags['stdin-filename'];
    if (file === undefined) return this.fail(t('cli.lint.stdin-needs-filename'), t('cli.lint.stdin-needs-filename.hint'));
    if (paths.length > 0) return this.fail(t('cli.lint.stdin-and-paths', { paths }), t('cli.lint.stdin-and-paths.hint'));
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { paths: [file], texts: new Map([[path.resolve(file), Buffer.concat(chunks).toString('utf8')]]) };
  }

  /** The whole report in the chosen format, as printed (or written with -o): empty when a format has nothing to say. */
  private report(flags: LintFlags, result: LintResult, json: LintJson, fixed: FixedFile[] | undefined, color: boolean): string {
    const format = flags.format as Format;
    const text = formatResult(format, {
      json,
      diagnostics: result.diagnostics,
      sources: new Map(result.workspace.files.map((f) => [f.file, f.text])),
      color,
      fixableCount: result.fixableCount,
      rules: catalogue(),
      version: this.config.version,
      cwd: process.cwd(),
    });
    if (format !== 'stylish') return text === '' ? '' : `${text}\n`;
    const lines = (fixed ?? []).map((f) => escapeTerminal(t('cli.lint.fixed', { count: f.fixes, file: f.file })));
    lines.push(text === '' ? t('cli.lint.clean', { count: result.filesChecked }) : text);
    if (result.tooManyWarnings) lines.push(t('cli.lint.too-many-warnings', { count: result.warningCount, max: flags['max-warnings']! }));
    return `${lines.join('\n')}\n`;
  }

  /** With -o: the problems' summary alone ("✖ 3 problems (…)", or "✔ 5 files checked, no problems."). */
  private printSummary(flags: LintFlags, result: LintResult): void {
    const color = colourFor(process.stdout, flags.color);
    const summary = formatProblemSummary({ errors: result.errorCount, warnings: result.warningCount, fixable: result.fixableCount, color });
    this.log(summary === '' ? t('cli.lint.clean', { count: result.filesChecked }) : summary);
    if (result.tooManyWarnings) this.log(t('cli.lint.too-many-warnings', { count: result.warningCount, max: flags['max-warnings']! }));
  }
}

type LintFlags = Interfaces.InferredFlags<typeof Lint.flags>;
