/**
 * Central and plausible values of a numeric parameter (a number or a distribution, DESIGN §2),
 * for checks that compare figures: branch shares that sum to 1, a transition row that stays ≤ 1.
 * The maths lives in src/sim/distributions/forms.ts, the one home of parameter maths.
 */
import type { Parameter } from '../language/schemas/index.js';
import { type RawParameter, toDistribution, upperPlausible } from '../sim/distributions/forms.js';

/**
 * The central value of a parameter: the number itself, or the value of its distribution that the
 * `expected` mode uses (see toDistribution). A form that has no distribution (reported by the rule
 * parameter-feasible) gives the figure written as its centre.
 */
export function parameterMean(parameter: Parameter): number {
  const converted = toDistribution(parameter as RawParameter);
  if (converted.ok) return converted.distribution.central;
  if (typeof parameter === 'number') return parameter;
  if ('beta' in parameter) return 'mean' in parameter.beta ? parameter.beta.mean : parameter.beta.alpha / (parameter.beta.alpha + parameter.beta.beta);
  if ('lognormal' in parameter) return 'median' in parameter.lognormal ? parameter.lognormal.median : parameter.lognormal.mean;
  if ('uniform' in parameter) return (parameter.uniform[0] + parameter.uniform[1]) / 2;
  if ('triangular' in parameter) return parameter.triangular[1];
  return 'gamma' in parameter ? parameter.gamma.mean : parameter.normal.mean;
}

/** An upper plausible value (see upperPlausible); the central value for a form without a distribution. */
export function parameterUpper(parameter: Parameter): number {
  const converted = toDistribution(parameter as RawParameter);
  return converted.ok ? upperPlausible(converted.distribution) : parameterMean(parameter);
}

/** Whether the parameter is a distribution rather than a plain number. */
export function isDistribution(parameter: Parameter): boolean {
  return typeof parameter !== 'number';
}

/** A number for messages, in the YAML's notation: one home, src/i18n/numbers.ts. */
export { formatFigure } from '../i18n/numbers.js';
