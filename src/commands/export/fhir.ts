import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../../cli/base.js';
import { colourFor } from '../../cli/colour.js';
import { exportFhir, FhirInputError, type ExportResult } from '../../fhir/run.js';
import { t, translate } from '../../i18n/catalogue.js';
import { formatStylish } from '../../lint/formatters/stylish.js';
import { escapeTerminal } from '../../text/escape.js';

export default class ExportFhir extends LogiCommand {
  static override summary = translate('en', 'cli.command.export.fhir.summary');
  static override description = translate('en', 'cli.command.export.fhir.description');
  static override examples = [
    { description: translate('en', 'cli.command.export.fhir.example.0'), command: '<%= config.bin %> <%= command.id %> guidelines --out out/fhir' },
    { description: translate('en', 'cli.command.export.fhir.example.1'), command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2/s2-suivi.yaml --out out/fhir-s2 --json' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: translate('en', 'cli.command.export.fhir.arg.paths'), ignoreStdin: true, required: false }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.export.fhir.flag.out'), default: 'out/fhir' }),
  };

  async run(): Promise<ExportResult> {
    const { argv, flags } = await this.parse(ExportFhir);
    let result: ExportResult;
    try {
      result = await exportFhir({ paths: argv as string[], out: flags.out });
    } catch (error) {
      if (!(error instanceof FhirInputError)) throw error;
      if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(error.diagnostics, { color: colourFor(process.stderr), sources: new Map() })}\n`);
      return this.fail(error.message, t('fhir.export.input-errors.hint'));
    }
    if (!this.jsonEnabled()) {
      for (const warning of result.warnings) process.stderr.write(`${escapeTerminal(t('fhir.export.no-when', warning))}\n`);
      this.logInert(t('fhir.export.wrote', { count: result.files.length, out: flags.out }));
    }
    return { ...result, out: path.resolve(result.out) };
  }
}
