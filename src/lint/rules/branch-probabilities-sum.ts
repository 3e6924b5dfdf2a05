import { t } from '../../i18n/catalogue.js';
import { formatFigure, isDistribution, parameterMean, parameterUpper } from '../parameters.js';
import { defineRule, docsPath } from '../rule.js';

const TOLERANCE = 1e-9;

/**
 * A decision's branch shares add up: with a `p` on every branch they sum to 1 (within 1e-9);
 * with one branch without `p` (the remainder) the others stay ≤ 1, and a warning when their upper
 * plausible values exceed 1 (a draw may then leave nothing, and the simulation stops on shares
 * above 1). Distributions are compared by their central values. A decision drawing its shares
 * from `probabilities: {dirichlet}` always sums to 1. A share out of [0, 1] is parameter-feasible's
 * finding.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'branch-probabilities-sum',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('branch-probabilities-sum'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'decision' || node.probabilities !== undefined) continue;
      const base = ['nodes', id, 'branches'] as const;
      let sum = 0;
      let upper = 0;
      let anyDistribution = false;
      let outOfRange = false;
      const remainder: number[] = [];
      node.branches.forEach((branch, i) => {
        if (branch.p === undefined) {
          remainder.push(i);
          return;
        }
        const mean = parameterMean(branch.p);
        anyDistribution ||= isDistribution(branch.p);
        if (!(mean >= 0 && mean <= 1)) outOfRange = true;
        sum += mean;
        upper += parameterUpper(branch.p);
      });
      if (outOfRange) continue;
      if (remainder.length > 1) {
        report({
          path: [...base, remainder[1]!],
          message: t('rules.branch-probabilities-sum.several-remainders', { count: remainder.length }),
          hint: t('rules.branch-probabilities-sum.several-remainders.hint', { label: node.branches[remainder[0]!]!.label }),
        });
        continue;
      }
      if (remainder.length === 0 && node.branches.length > 0 && Math.abs(sum - 1) > TOLERANCE) {
        report({
          path: base,
          atKey: true,
          message: t('rules.branch-probabilities-sum.not-one', { mean: anyDistribution, node: id, sum: formatFigure(sum) }),
          hint: anyDistribution ? t('rules.branch-probabilities-sum.not-one.hint-distribution') : t('rules.branch-probabilities-sum.not-one.hint'),
        });
      } else if (remainder.length === 0 && upper > 1 + TOLERANCE) {
        // Independent draws whose means sum to 1 exceed 1 in about half the iterations: the simulation stops.
        report({
          path: base,
          atKey: true,
          message: t('rules.branch-probabilities-sum.independent', { node: id }),
          hint: t('rules.branch-probabilities-sum.independent.hint'),
        });
      }
      if (remainder.length === 1) {
        const label = node.branches[remainder[0]!]!.label;
        if (sum > 1 + TOLERANCE) {
          report({
            path: base,
            atKey: true,
            message: t('rules.branch-probabilities-sum.nothing-remains', { mean: anyDistribution, node: id, sum: formatFigure(sum), label }),
            hint: t('rules.branch-probabilities-sum.nothing-remains.hint'),
          });
        } else if (sum > 1 - TOLERANCE) {
          report({
            path: [...base, remainder[0]!],
            severity: 'warning',
            message: t('rules.branch-probabilities-sum.remainder-zero', { mean: anyDistribution, label }),
            hint: t('rules.branch-probabilities-sum.remainder-zero.hint'),
          });
        } else if (upper > 1 + TOLERANCE) {
          report({
            path: base,
            atKey: true,
            severity: 'warning',
            message: t('rules.branch-probabilities-sum.upper', { node: id, sum: formatFigure(upper), label }),
            hint: t('rules.branch-probabilities-sum.upper.hint'),
          });
        }
      }
    }
  },
});
