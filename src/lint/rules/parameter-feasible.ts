import { constraintCheck, type RawParameter, toDistribution } from '../../sim/distributions/forms.js';
import { parameterPlaces } from '../../sim/distributions/places.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Every number or distribution is one the simulation accepts for what it stands for: a form that
 * defines a distribution (a beta's sd below √(m(1 − m)), an interval around its estimate, bounds in
 * order), a central value in range (a probability in [0, 1], a hazard ratio > 0, a cost ≥ 0) and,
 * for a uniform or triangular, bounds in range. A distribution whose draws may leave the range (a
 * normal for a cost) is a warning: the simulation would stop at the first such draw.
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
      if (check.status === 'fits') continue;
      report({ path: place.path, message: check.message, hint: check.hint, ...(check.status === 'may-leave' ? { severity: 'warning' as const } : {}) });
    }
  },
});
