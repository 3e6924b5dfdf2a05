import { analyzeCoverage, describeDomain, describeInterval, type Condition } from '../../graph/index.js';
import { defineRule, docsPath } from '../rule.js';

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
const countWord = (n: number) => COUNT_WORDS[n] ?? String(n);

/**
 * When a decision's branches state structured conditions (`when`) on its variable, every value
 * of the variable's range (`min`..`max`, unbounded where not given) reaches exactly one branch.
 * Gaps and overlaps are reported as exact intervals. Whole-numbered variables are detected as
 * described in src/graph/coverage.ts (and docs/rules/condition-coverage.md).
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'condition-coverage',
    description: 'The branches\' `when` conditions cover every value of the decision\'s variable exactly once: no gap, no overlap.',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('condition-coverage'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'decision' || !node.branches.some((b) => b.when !== undefined)) continue;
      const base = ['nodes', id, 'branches'] as const;
      const name = node.variable?.name ?? 'the value';
      const missing = node.branches.map((b, i) => (b.when === undefined ? i : -1)).filter((i) => i >= 0);
      for (const i of missing) {
        report({
          path: [...base, i],
          message: `branch « ${node.branches[i]!.label} » has no \`when\` while the other branches do: the coverage of ${name} cannot be checked`,
          hint: 'give every branch its condition, e.g. `when: { gt: 7 }` for the values the others leave out',
        });
      }
      if (missing.length > 0) continue;
      const min = node.variable?.min;
      const max = node.variable?.max;
      if (min !== undefined && max !== undefined && min > max) {
        report({ path: ['nodes', id, 'variable'], message: `the range of ${name} is empty: min ${min} is above max ${max}`, hint: 'swap `min` and `max`' });
        continue;
      }
      const conditions = node.branches.map((b) => b.when as Condition);
      const result = analyzeCoverage({ min, max, conditions });
      const labels = (branches: number[]) => branches.map((b) => `« ${node.branches[b]!.label} »`).join(', ').replace(/, ([^,]*)$/, ' and $1');
      if (result.kind === 'mixed') {
        report({
          path: base,
          atKey: true,
          message: `the conditions of \`${id}\` mix text values and numbers: ${name} cannot be both`,
          hint: 'compare the variable with numbers only (lt, lte, gt, gte, eq, in, between), or with categories only (eq, in)',
        });
        continue;
      }
      for (const overlap of result.categoryOverlaps) {
        const second = overlap.branches[1]!;
        report({
          path: [...base, second, 'when'],
          message: `${name} = « ${overlap.value} » reaches ${countWord(overlap.branches.length)} branches (${labels(overlap.branches)})`,
          hint: 'list each category in one branch only',
        });
      }
      if (result.kind === 'categorical') continue;
      const discrete = result.kind === 'discrete';
      const domain = describeDomain(result.domain);
      for (const index of result.empty) {
        report({
          path: [...base, index, 'when'],
          message: `the condition of « ${node.branches[index]!.label} » accepts no ${discrete ? 'whole number' : 'value'} of ${name} in ${domain}: nobody takes this branch`,
          hint: 'check the bounds (e.g. `gt` above `lt`), and the variable\'s `min` and `max`',
        });
      }
      for (const gap of result.gaps) {
        const unbounded = gap.lo === -Infinity || gap.hi === Infinity;
        report({
          path: base,
          atKey: true,
          message: `${describeInterval(name, gap, discrete)} reaches no branch`,
          hint: unbounded && (min === undefined || max === undefined)
            ? `add a branch for these values, or give the variable its range (\`min\`, \`max\`) if they cannot occur`
            : 'add a branch for these values, or widen a neighbouring condition (e.g. `lte` instead of `lt`)',
        });
      }
      for (const overlap of result.overlaps) {
        const second = overlap.branches[1]!;
        report({
          path: [...base, second, 'when'],
          message: `${describeInterval(name, overlap.interval, discrete)} reaches ${countWord(overlap.branches.length)} branches (${labels(overlap.branches)})`,
          hint: 'make one side exclusive, e.g. `lte: 7` on one branch and `gt: 7` on the other',
        });
      }
    }
  },
});
