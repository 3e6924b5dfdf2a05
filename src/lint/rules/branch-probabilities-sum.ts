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
    description: 'Branch probabilities sum to 1, or stay ≤ 1 with exactly one branch (without `p`) taking the remainder.',
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
      const what = anyDistribution ? 'the mean branch probabilities' : 'the branch probabilities';
      if (remainder.length > 1) {
        report({
          path: [...base, remainder[1]!],
          message: `${remainder.length} branches have no \`p\`: only one branch may take the remainder`,
          hint: `give \`p\` to every branch but one (« ${node.branches[remainder[0]!]!.label} » can keep the remainder)`,
        });
        continue;
      }
      if (remainder.length === 0 && node.branches.length > 0 && Math.abs(sum - 1) > TOLERANCE) {
        report({
          path: base,
          atKey: true,
          message: `${what} of \`${id}\` sum to ${formatFigure(sum)}, not 1`,
          hint: anyDistribution
            ? 'remove `p` from one branch so that it takes the remainder, or draw the shares jointly with `probabilities: { dirichlet: [...] }`'
            : 'make them sum to 1, or remove `p` from one branch so that it takes the remainder',
        });
      } else if (remainder.length === 0 && upper > 1 + TOLERANCE) {
        // Independent draws whose means sum to 1 exceed 1 in about half the iterations: the simulation stops.
        report({
          path: base,
          atKey: true,
          message: `the shares of \`${id}\` are drawn independently: their means sum to 1, so draws sum above 1 in about half the iterations and the simulation stops`,
          hint: 'draw the shares jointly with `probabilities: { dirichlet: [...] }`, or remove `p` from one branch so that it takes the remainder',
        });
      }
      if (remainder.length === 1) {
        const label = node.branches[remainder[0]!]!.label;
        if (sum > 1 + TOLERANCE) {
          report({
            path: base,
            atKey: true,
            message: `${what} of \`${id}\` already sum to ${formatFigure(sum)}, more than 1: nothing remains for « ${label} »`,
            hint: 'lower the shares so that they sum to less than 1; the branch without `p` takes what remains',
          });
        } else if (sum > 1 - TOLERANCE) {
          report({
            path: [...base, remainder[0]!],
            severity: 'warning',
            message: `${what} of the other branches sum to 1: « ${label} » takes the remainder, which is 0`,
            hint: 'lower the other shares, or remove this branch if nobody takes it',
          });
        } else if (upper > 1 + TOLERANCE) {
          report({
            path: base,
            atKey: true,
            severity: 'warning',
            message: `the upper plausible values of the shares of \`${id}\` sum to ${formatFigure(upper)}: a draw may leave nothing for « ${label} », and the simulation stops on shares above 1`,
            hint: 'narrow the distributions, or draw the shares jointly with `probabilities: { dirichlet: [...] }`',
          });
        }
      }
    }
  },
});
