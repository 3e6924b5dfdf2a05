import { t } from '../../i18n/catalogue.js';
import { constraintCheck, type Distribution, type RawParameter, toDistribution, Z975 } from '../../sim/distributions/forms.js';
import { parameterPlaces } from '../../sim/distributions/places.js';
import { formatFigure } from '../parameters.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';

/**
 * Every number or distribution is one the simulation accepts for what it stands for: a form that
 * defines a distribution (a beta's sd below √(m(1 − m)), an interval around its estimate, bounds in
 * order), a central value in range (a probability in [0, 1], a hazard ratio > 0, a cost ≥ 0) and,
 * for a uniform or triangular, bounds in range. A distribution whose draws may leave the range (a
 * normal for a cost) is a warning: the simulation would stop at the first such draw. A trend's
 * `annual-change` is above −1 (a fall of 100 % a year or more leaves nothing, or a negative value).
 */
export default defineRule<'Pyramid' | 'Actors' | 'Logigramme' | 'Territory' | 'Program'>({
  meta: {
    id: 'parameter-feasible',
    severity: 'error',
    kinds: ['Pyramid', 'Actors', 'Logigramme', 'Territory', 'Program'],
    docs: docsPath('parameter-feasible'),
  },
  check({ document, report }) {
    for (const place of parameterPlaces(document)) {
      const converted = toDistribution(place.raw as RawParameter);
      if (!converted.ok) {
        report({ path: [...place.path, ...converted.problem.at], message: converted.problem.message, hint: converted.problem.hint });
        continue;
      }
      const check = constraintCheck(converted.distribution, place.constraint);
      if (check.status !== 'fits') {
        report({ path: place.path, message: check.message, hint: check.hint, ...(check.status === 'may-leave' ? { severity: 'warning' as const } : {}) });
        continue;
      }
      if (place.annualChange) {
        const finding = annualChangeFinding(converted.distribution);
        if (finding) report({ path: place.path, ...finding });
      }
    }
  },
});

/**
 * An annual change g multiplies the value by (1 + g) each year: it must stay above −1. Refused
 * when the central value or a bound of a uniform or triangular is −1 or below; a warning for a
 * normal whose 2.5 % quantile is (its rare draws would stop the run). Beta, gamma and lognormal
 * draws are ≥ 0.
 */
function annualChangeFinding(d: Distribution): Omit<RuleReport, 'path'> | undefined {
  const lowest = d.kind === 'fixed' ? d.central : d.kind === 'uniform' || d.kind === 'triangular' ? d.low : d.central;
  if (!(lowest > -1)) {
    return { message: t('rules.parameter-feasible.annual-change', { value: formatFigure(lowest) }), hint: t('rules.parameter-feasible.annual-change.hint') };
  }
  if (d.kind === 'normal' && !(d.mean - Z975 * d.sd > -1)) {
    return {
      severity: 'warning',
      message: t('rules.parameter-feasible.annual-change-may', { low: formatFigure(d.mean - Z975 * d.sd) }),
      hint: t('rules.parameter-feasible.annual-change.hint'),
    };
  }
  return undefined;
}
