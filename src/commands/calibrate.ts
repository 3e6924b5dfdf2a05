import path from 'node:path';
import { Args, Flags, type Interfaces } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { refusedInput } from '../cli/model-errors.js';
import { ProgressBar } from '../cli/progress.js';
import { OutputSet } from '../io/output-set.js';
import { type Calibration, calibrate } from '../analysis/calibrate.js';
import { CALIBRATION_SET_FILES, writeCalibrationSet } from '../analysis/output-set.js';
import type { CalibrationResult } from '../analysis/result.js';
import { defaultWorkers } from '../sim/runner.js';
import { t, translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatCalibration } from '../analysis/format.js';

export default class Calibrate extends LogiCommand {
  static override summary = translate('en', 'cli.command.calibrate.summary');
  static override description = translate('en', 'cli.command.calibrate.description');
  static override examples = [
    { description: translate('en', 'cli.command.calibrate.example.0'), command: '<%= config.bin %> <%= command.id %> etalonnage-dt2 --out calibrations/dt2' },
    { description: translate('en', 'cli.command.calibrate.example.1'), command: '<%= config.bin %> <%= command.id %> etalonnage-dt2 --draws 2000' },
    { description: translate('en', 'cli.command.calibrate.example.2'), command: '<%= config.bin %> <%= command.id %> guidelines/etalonnage/dt2.yaml --out calibrations/dt2 --json' },
  ];
  static override args = { calibration: Args.string({ description: translate('en', 'cli.command.calibrate.arg.calibration'), ignoreStdin: true, required: true }) };
  static override flags = {
    draws: Flags.integer({ char: 'n', description: translate('en', 'cli.command.calibrate.flag.draws'), min: 10, max: 10_000_000 }),
    seed: Flags.integer({ char: 's', description: translate('en', 'cli.command.calibrate.flag.seed'), min: 0, max: 2 ** 32 - 1 }),
    workers: Flags.integer({ char: 'w', description: translate('en', 'cli.command.calibrate.flag.workers'), min: 1, max: 256 }),
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.calibrate.flag.out') }),
  };

  async run(): Promise<CalibrationResult | { out: string; files: string[]; result: CalibrationResult }> {
    const { args, flags } = await this.parse(Calibrate);
    const set = flags.out ? await OutputSet.prepare(flags.out, { command: 'calibrate', names: CALIBRATION_SET_FILES }) : undefined;
    try {
      const calibration = await this.calibrate(args.calibration, flags);
      const files = set ? await writeCalibrationSet(set, calibration, { lang: currentLanguage(), workers: flags.workers ?? defaultWorkers() }) : [];
      if (this.jsonEnabled()) return flags.out ? { out: path.resolve(flags.out), files, result: calibration.result } : calibration.result;
      this.log(formatCalibration(calibration.result));
      if (files.length > 0) this.logInert(`\n${t('cli.simulate.wrote', { first: files.slice(0, -1).join(', '), last: files.at(-1)! })}`);
      else this.log(`\n${t('cli.calibrate.use-out')}`);
      return calibration.result;
    } finally {
      await set?.discard();
    }
  }

  private async calibrate(name: string, flags: CalibrateFlags): Promise<Calibration> {
    const progress = new ProgressBar();
    try {
      return await calibrate({
        calibration: name,
        draws: flags.draws,
        seed: flags.seed,
        workers: flags.workers ?? defaultWorkers(),
        version: this.config.version,
        onProgress: (phase, done, total) => progress.update(done, total, t(PHASE_WORDS[phase])),
      });
    } catch (error) {
      progress.done();
      const refused = refusedInput(error, this.jsonEnabled());
      if (refused) {
        progress.done();
        return this.fail(refused.message, refused.hint);
      }
      throw error;
    } finally {
      progress.done();
    }
  }
}

const PHASE_WORDS = { point: 'cli.calibrate.phase.point', prior: 'cli.calibrate.phase.prior', imis: 'cli.calibrate.phase.imis', posterior: 'cli.calibrate.phase.posterior' } as const;

type CalibrateFlags = Interfaces.InferredFlags<typeof Calibrate.flags>;
