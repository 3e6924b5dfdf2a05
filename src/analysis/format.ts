/**
 * The terminal summary of a calibration: how it went (method, effective sample size, converged or
 * not), the free parameters before and after, the targets against the model, and the warnings.
 * User text (ids, paths) goes through the terminal escaper; numbers through src/i18n/numbers.ts.
 */
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatInterval, formatNumber } from '../i18n/numbers.js';
import { table } from '../sim/format.js';
import { escapeTerminal } from '../text/escape.js';
import type { CalibrationResult } from './result.js';

const shown = (text: string): string => escapeTerminal(text, { keep: '' });


export function formatCalibration(result: CalibrationResult): string {
  const lang = currentLanguage();
  const n = (x: number): string => formatNumber(x, lang, 4);
  const { fit } = result;
  const out: string[] = [];
  out.push(t('analysis.summary.head', { calibration: shown(result.calibration.id), scenario: shown(result.calibration.scenario), method: fit.method.toUpperCase(), runs: fit.runs }));
  out.push(fit.converged ? t('analysis.summary.converged', { ess: n(fit.ess), threshold: fit.essThreshold }) : t('analysis.summary.not-converged', { ess: n(fit.ess), threshold: fit.essThreshold }));
  out.push(t('analysis.summary.likelihood', { before: n(fit.logLikelihoodBefore), mle: n(fit.nelderMead.logLikelihood), after: n(fit.map.logLikelihood) }));
  out.push('');
  const parameterRows = [[t('analysis.summary.parameter'), t('analysis.summary.before'), t('analysis.summary.mle'), t('analysis.summary.point'), t('analysis.summary.posterior')]];
  for (const p of result.parameters) parameterRows.push([shown(p.path), n(p.before), n(p.mle), n(p.point), formatInterval(p.posterior.p2_5, p.posterior.p97_5, lang, (x) => n(x))]);
  out.push(table(parameterRows, [false, true, true, true, true]));
  out.push('');
  const targetRows = [[t('analysis.summary.target'), t('analysis.summary.use'), t('analysis.summary.observed'), t('analysis.summary.model-before'), t('analysis.summary.model-point'), '']];
  for (const target of result.targets) {
    targetRows.push([
      shown(target.id),
      t(target.use === 'fit' ? 'analysis.summary.use-fit' : 'analysis.summary.use-validation'),
      `${n(target.observed.value)} ${formatInterval(target.observed.low, target.observed.high, lang, (x) => n(x))}`,
      n(target.model.before),
      n(target.model.point),
      target.withinUncertainty ? '✔' : '✘',
    ]);
  }
  out.push(table(targetRows, [false, false, true, true, true, false]));
  if (result.warnings.length > 0) out.push('', ...result.warnings.map((w) => `⚠ ${w}`));
  return out.join('\n');
}
