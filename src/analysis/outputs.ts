/**
 * The files of `logi calibrate --out` besides the report (docs/calibration.md, "Outputs"): the
 * posterior sample as CSV (what a ParameterSet's `posterior` reads), and the point estimate as a
 * ParameterSet document that points to it, with the calibration as its source.
 */
import { stringify } from 'yaml';
import type { FreeParameter } from './compile.js';
import type { CalibrationResult } from './result.js';

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Header: the parameter paths; then one line per set, in the order resampled, each value as
 * JavaScript's shortest representation of the double (read back exactly).
 */
export function posteriorCsv(free: FreeParameter[], posterior: Float64Array[]): string {
  const lines = [free.map((p) => csvField(p.path)).join(',')];
  for (const set of posterior) lines.push(Array.from(set, (x) => String(x)).join(','));
  return `${lines.join('\n')}\n`;
}

/** The id of the point-estimate ParameterSet a calibration writes. */
export const pointSetId = (calibrationId: string): string => `${calibrationId}-point`;

/**
 * The point estimate as a ParameterSet (YAML): each free parameter's value at the maximum a
 * posteriori (docs/calibration.md, "The point estimates"),
 * `posterior: posterior.csv` when a posterior sample was written, and the calibration as its source
 * (seed, draws, effective sample size, inputs' checksums in calibration.json).
 */
export function pointYaml(result: CalibrationResult, options: { posterior: boolean }): string {
  const { calibration, manifest, fit } = result;
  const sourceId = calibration.id;
  const document = {
    kind: 'ParameterSet',
    version: 1,
    id: pointSetId(calibration.id),
    title: calibration.title,
    description: `logi calibrate ${calibration.id} (${calibration.file}), scenario ${calibration.scenario}: maximum a posteriori (likelihood × priors); seed ${manifest.seed}, ${manifest.draws} prior draws, method ${fit.method}, ESS ${fit.ess} (threshold ${fit.essThreshold}${fit.converged ? '' : ', not converged'}).`,
    source: sourceId,
    values: result.parameters.map((p) => ({ path: p.path, value: p.point })),
    ...(options.posterior ? { posterior: 'posterior.csv' } : {}),
    sources: {
      [sourceId]: {
        title: calibration.title,
        type: 'estimate',
        note: `logi ${manifest.version} calibrate ${calibration.id}; the targets, their sources and the fit are in calibration.json and fit-report.html beside this file.`,
      },
    },
  };
  return `# Written by logi calibrate: the calibration's point estimate. List its id in a scenario's parameter-sets to use it.\n${stringify(document, { lineWidth: 0 })}`;
}
