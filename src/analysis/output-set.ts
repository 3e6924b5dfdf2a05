/**
 * The output sets of `calibrate --out DIR` and `sweep --out DIR`, with the invocation that
 * `.logi-output.json` records (src/archive/invocation.ts). The commands and `logi verify` both
 * write through here, so that a verification makes the files exactly as the run did.
 */
import { currentPlatform, type CalibrateRun, type SweepRun } from '../archive/invocation.js';
import type { Lang } from '../i18n/language.js';
import type { OutputSet } from '../io/output-set.js';
import { clampWorkers } from '../sim/runner.js';
import type { Calibration } from './calibrate.js';
import { pointYaml, posteriorCsv } from './outputs.js';
import type { SweepResult } from './sweep.js';

export const CALIBRATION_SET_FILES = ['calibration.json', 'posterior.csv', 'point.yaml', 'fit-report.html', 'fit-report.md', 'fit-report-charts/'];
export const SWEEP_SET_FILES = ['sweep.json'];

/** calibration.json, posterior.csv, point.yaml, fit-report.html and fit-report.md: written beside DIR, then swapped in whole. */
export async function writeCalibrationSet(set: OutputSet, calibration: Calibration, options: { lang: Lang; workers: number }): Promise<string[]> {
  const { result } = calibration;
  const hasPosterior = calibration.posterior.length > 0;
  const files = [await set.write('calibration.json', `${JSON.stringify(result, null, 2)}\n`)];
  if (hasPosterior) files.push(await set.write('posterior.csv', posteriorCsv(calibration.free, calibration.posterior)));
  files.push(await set.write('point.yaml', pointYaml(result, { posterior: hasPosterior })));
  // Loaded only here: vega and vega-lite would add to the start-up of the command.
  const { calibrationReportFiles } = await import('../report/calibration.js');
  const [html, markdown, ...charts] = await calibrationReportFiles(result, options.lang);
  files.push(await set.write(html!.path, html!.content), await set.write(markdown!.path, markdown!.content));
  for (const chart of charts) await set.write(chart.path, chart.content);
  const invocation: CalibrateRun = {
    command: 'calibrate',
    target: result.calibration.id,
    options: { draws: result.manifest.draws, seed: result.manifest.seed, lang: options.lang },
    platform: currentPlatform(clampWorkers(options.workers)),
  };
  await set.commit(undefined, invocation);
  return files;
}

export interface SweepSetOptions {
  vary: string;
  outcomes?: string[] | undefined;
  territory?: string | undefined;
  targets?: string[] | undefined;
  lang: Lang;
  workers: number;
}

/** sweep.json and one chart per outcome: written beside DIR, then swapped in whole. */
export async function writeSweepSet(set: OutputSet, result: SweepResult, options: SweepSetOptions): Promise<string[]> {
  const files = [await set.write('sweep.json', `${JSON.stringify(result, null, 2)}\n`)];
  // Loaded only here: vega and vega-lite would add to the start-up of the command.
  const { sweepChartFiles } = await import('./sensitivity-charts.js');
  for (const chart of await sweepChartFiles(result, options.lang)) files.push(await set.write(chart.path, chart.content));
  const { manifest } = result;
  const invocation: SweepRun = {
    command: 'sweep',
    target: manifest.scenario,
    options: {
      vary: options.vary,
      ...(options.outcomes ? { outcomes: options.outcomes } : {}),
      ...(options.territory !== undefined ? { territory: options.territory } : {}),
      ...(options.targets ? { targets: options.targets } : {}),
      iterations: manifest.iterations,
      seed: manifest.seed,
      mode: manifest.mode,
      lang: options.lang,
    },
    platform: currentPlatform(clampWorkers(options.workers)),
  };
  await set.commit(undefined, invocation);
  return files;
}
