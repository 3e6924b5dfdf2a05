import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../../cli/base.js';
import { importFhir, type ImportResult } from '../../fhir/run.js';
import { t, translate } from '../../i18n/catalogue.js';

export default class ImportFhir extends LogiCommand {
  static override summary = translate('en', 'cli.command.import.fhir.summary');
  static override description = translate('en', 'cli.command.import.fhir.description');
  static override examples = [
    { description: translate('en', 'cli.command.import.fhir.example.0'), command: '<%= config.bin %> <%= command.id %> out/fhir/dt2-s2-suivi.json --out out/logigrammes' },
    { description: translate('en', 'cli.command.import.fhir.example.1'), command: '<%= config.bin %> <%= command.id %> out/fhir/*.json --out out/logigrammes' },
  ];
  static override strict = false;
  static override args = { bundles: Args.string({ description: translate('en', 'cli.command.import.fhir.arg.bundles'), ignoreStdin: true, required: true }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.import.fhir.flag.out'), default: 'out/fhir-import' }),
  };

  async run(): Promise<ImportResult> {
    const { argv, flags } = await this.parse(ImportFhir);
    const result = await importFhir({ bundles: argv as string[], out: flags.out });
    if (!this.jsonEnabled()) this.logInert(t('fhir.import.wrote', { count: result.files.length, out: flags.out }));
    return { ...result, out: path.resolve(result.out) };
  }
}
