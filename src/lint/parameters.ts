/**
 * Central and plausible values of a numeric parameter (a number or a distribution, DESIGN §2),
 * for checks that compare figures: branch shares that sum to 1, a transition row that stays ≤ 1.
 */
import type { Parameter } from '../language/schemas/index.js';

/** z such that 95 % of a normal lies within ±z standard deviations. */
const Z975 = 1.959963984540054;

/** The mean of a parameter (the number itself, or the mean of its distribution). */
export function parameterMean(parameter: Parameter): number {
  if (typeof parameter === 'number') return parameter;
  if ('beta' in parameter) {
    const b = parameter.beta;
    return 'mean' in b ? b.mean : b.alpha / (b.alpha + b.beta);
  }
  if ('lognormal' in parameter) return parameter.lognormal.mean;
  if ('gamma' in parameter) return parameter.gamma.mean;
  if ('normal' in parameter) return parameter.normal.mean;
  if ('uniform' in parameter) return (parameter.uniform[0] + parameter.uniform[1]) / 2;
  const [lo, mode, hi] = parameter.triangular;
  return (lo + mode + hi) / 3;
}

/**
 * An upper plausible value: the number itself; the upper end of a uniform, triangular or of a
 * lognormal's 95 % interval; mean + 1.96 sd for beta, gamma and normal (a normal approximation of
 * the 97.5th percentile), never above 1 for a beta.
 */
export function parameterUpper(parameter: Parameter): number {
  if (typeof parameter === 'number') return parameter;
  if ('beta' in parameter) {
    const b = parameter.beta;
    let mean: number;
    let sd: number;
    if ('mean' in b) {
      mean = b.mean;
      sd = b.sd;
    } else {
      const n = b.alpha + b.beta;
      mean = b.alpha / n;
      sd = Math.sqrt((b.alpha * b.beta) / (n * n * (n + 1)));
    }
    return Math.min(1, mean + Z975 * sd);
  }
  if ('lognormal' in parameter) return Math.max(...parameter.lognormal.ci95);
  if ('gamma' in parameter) return parameter.gamma.mean + Z975 * parameter.gamma.sd;
  if ('normal' in parameter) return parameter.normal.mean + Z975 * parameter.normal.sd;
  if ('uniform' in parameter) return Math.max(...parameter.uniform);
  return Math.max(...parameter.triangular);
}

/** Whether the parameter is a distribution rather than a plain number. */
export function isDistribution(parameter: Parameter): boolean {
  return typeof parameter !== 'number';
}

/** A number for messages: at most 6 significant digits, no float noise (0.30000000000000004 → 0.3). */
export function formatFigure(x: number): string {
  return String(Number(x.toPrecision(6)));
}
