import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { refusedInput } from '../cli/model-errors.js';
import { ProgressBar } from '../cli/progress.js';
import { t, translate } from '../i18n/catalogue.js';
import type { Delimiter } from '../stratify/load.js';
import { DIALECT_NAMES, type DialectName } from '../stratify/sql.js';
import { emitSql, stratifyCommand, type StratifyCommandOptions } from '../stratify/stratify.js';

const PHASES = { loading: 'stratify.progress.loading', assigning: 'stratify.progress.assigning', writing: 'stratify.progress.writing' } as const;

export default class Stratify extends LogiCommand {
  static override summary = translate('en', 'cli.command.stratify.summary');
  static override description = translate('en', 'cli.command.stratify.description');
  static override examples = [
    { description: translate('en', 'cli.command.stratify.example.0'), command: '<%= config.bin %> <%= command.id %> diabete-t2 data/ --out out/dt2-strates' },
    { description: translate('en', 'cli.command.stratify.example.1'), command: '<%= config.bin %> <%= command.id %> diabete-t2 data/ --as-of 2026-03-31 --delimiter ";" --territory-column ght' },
    { description: translate('en', 'cli.command.stratify.example.2'), command: '<%= config.bin %> <%= command.id %> diabete-t2 --emit-sql --dialect postgres --as-of 2026-03-31 > strates.sql' },
    { description: translate('en', 'cli.command.stratify.example.3'), command: '<%= config.bin %> <%= command.id %> diabete-t2 national/ --counts-only --memory-limit 1GB' },
  ];
  static override args = {
    pyramid: Args.string({ description: translate('en', 'cli.command.stratify.arg.pyramid'), ignoreStdin: true, required: true }),
    data: Args.string({ description: translate('en', 'cli.command.stratify.arg.data'), ignoreStdin: true }),
  };
  static override flags = {
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.stratify.flag.out') }),
    'as-of': Flags.string({ description: translate('en', 'cli.command.stratify.flag.as-of') }),
    'territory-column': Flags.string({ description: translate('en', 'cli.command.stratify.flag.territory-column') }),
    delimiter: Flags.string({ description: translate('en', 'cli.command.stratify.flag.delimiter'), options: [',', ';'], default: ',' }),
    'assignments-csv': Flags.boolean({ description: translate('en', 'cli.command.stratify.flag.assignments-csv') }),
    worklist: Flags.boolean({ description: translate('en', 'cli.command.stratify.flag.worklist'), default: true, allowNo: true }),
    logigramme: Flags.string({ description: translate('en', 'cli.command.stratify.flag.logigramme'), multiple: true }),
    'emit-sql': Flags.boolean({ description: translate('en', 'cli.command.stratify.flag.emit-sql') }),
    dialect: Flags.string({ description: translate('en', 'cli.command.stratify.flag.dialect'), options: [...DIALECT_NAMES], default: 'duckdb' }),
    'counts-only': Flags.boolean({ description: translate('en', 'cli.command.stratify.flag.counts-only'), exclusive: ['assignments-csv', 'logigramme'] }),
    'memory-limit': Flags.string({ description: translate('en', 'cli.command.stratify.flag.memory-limit') }),
  };

  async run(): Promise<unknown> {
    const { args, flags } = await this.parse(Stratify);
    const progress = new ProgressBar();
    const options: StratifyCommandOptions = {
      pyramid: args.pyramid,
      cwd: process.cwd(),
      delimiter: flags.delimiter as Delimiter,
      assignmentsCsv: flags['assignments-csv'],
      worklist: flags.worklist,
      countsOnly: flags['counts-only'],
      ...(flags['memory-limit'] !== undefined ? { memoryLimit: flags['memory-limit'] } : {}),
      ...(flags.logigramme !== undefined ? { logigrammes: flags.logigramme } : {}),
      ...(args.data !== undefined ? { data: args.data } : {}),
      ...(flags.out !== undefined ? { out: flags.out } : {}),
      ...(flags['as-of'] !== undefined ? { asOf: flags['as-of'] } : {}),
      ...(flags['territory-column'] !== undefined ? { territoryColumn: flags['territory-column'] } : {}),
      onProgress: (phase, done, total) => progress.update(done, total, t(PHASES[phase])),
    };
    try {
      if (flags['emit-sql']) {
        const sql = await emitSql(options, flags.dialect as DialectName);
        if (this.jsonEnabled()) return { dialect: flags.dialect, sql };
        process.stdout.write(sql);
        return { dialect: flags.dialect, sql };
      }
      const { out, files, outcome, newTerritories } = await stratifyCommand(options);
      progress.done();
      if (!this.jsonEnabled()) {
        this.logInert(t('stratify.wrote', { out, patients: outcome.patients, territories: outcome.territories.length, asOf: outcome.asOf }));
        if (newTerritories.length > 0) this.logInert(t('stratify.new-territories', { ids: newTerritories.join(', ') }));
      }
      const { asOf, sha256, patients, territories } = outcome;
      return { out: path.resolve(out), files, asOf, sha256, patients, territories: territories.map(({ territory, counts, outside }) => ({ territory, counts, outside })), newTerritories };
    } catch (error) {
      progress.done();
      const refused = refusedInput(error, this.jsonEnabled());
      if (refused) return this.fail(refused.message, refused.hint);
      throw error;
    }
  }
}
