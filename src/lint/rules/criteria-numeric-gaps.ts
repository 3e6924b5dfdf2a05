import { locatedStrata, type CriterionNode, type CriterionPath } from '../../criteria/parse.js';
import type { NumericTest } from '../../criteria/types.js';
import { analyzeCoverage, describeDomain, wholeRun, type Interval } from '../../graph/index.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/** One numeric test of a stratum's criterion: an `age`, `lab` or `nyha` atom that no `not` holds. */
interface Bound {
  stratum: string;
  test: NumericTest;
  path: CriterionPath;
}

/**
 * When two or more strata test the same numeric variable — `age`, or one lab test whatever its
 * `value` and window — the values between the lowest and the highest of their bounds belong to
 * some stratum's bound: fasting glucose in ]1.25 ; 1.26[ between S1 (1.10 to 1.25) and S2 (≥ 1.26)
 * is a gap. Collected: the tests of the strata that assignment evaluates (not the bottom one),
 * outside any `not`. The values below the lowest bound and above the highest are not gaps (they
 * belong to the strata below). Age and NYHA classes are whole numbers: only whole numbers count
 * there. The intervals are those of condition-coverage (src/graph/coverage.ts).
 */
export default defineRule<'Pyramid'>({
  meta: {
    id: 'criteria-numeric-gaps',
    severity: 'warning',
    kinds: ['Pyramid'],
    docs: docsPath('criteria-numeric-gaps'),
  },
  check({ document, report }) {
    const byVariable = new Map<string, Bound[]>();
    for (const { index, tree, criteria } of locatedStrata(document.value)) {
      if (index === 0 || !tree) continue;
      for (const { name, bound } of boundsOf(tree, criteria.stratum)) byVariable.set(name, [...(byVariable.get(name) ?? []), bound]);
    }
    for (const [name, bounds] of byVariable) {
      const strata = [...new Set(bounds.map((b) => b.stratum))];
      if (strata.length < 2) continue;
      const whole = name === 'age' || name === 'nyha';
      const result = analyzeCoverage({ conditions: bounds.map((b) => b.test) });
      for (const gap of result.gaps) {
        const values = whole ? wholeRun(gap) : gap;
        if (!values || gap.lo === -Infinity || gap.hi === Infinity) continue;
        const at = bounds.find((b) => numbersOf(b.test).includes(gap.lo)) ?? bounds.find((b) => numbersOf(b.test).includes(gap.hi)) ?? bounds[0]!;
        report({ path: at.path, message: t('rules.criteria-numeric-gaps.gap', { values: valuesWords(name, values, whole), strata }), hint: t('rules.criteria-numeric-gaps.gap.hint') });
      }
    }
  },
});

/** The numeric tests of a tree outside any `not`, by variable: `age`, or the lab test's id. */
function boundsOf(node: CriterionNode, stratum: string): { name: string; bound: Bound }[] {
  const { criterion } = node;
  if (criterion.kind === 'not') return [];
  if (criterion.kind === 'age') return [{ name: 'age', bound: { stratum, test: criterion.test, path: node.path } }];
  if (criterion.kind === 'lab') return [{ name: criterion.lab, bound: { stratum, test: criterion.test, path: node.path } }];
  return node.children.flatMap((child) => boundsOf(child, stratum));
}

function numbersOf(test: NumericTest): number[] {
  return [test.lt, test.lte, test.gt, test.gte, test.eq, ...(test.in ?? []), ...(test.between ?? [])].filter((x): x is number => x !== undefined);
}

/** The values of a gap in condition-coverage's notation: `age = 44`, `age in {44, 45}`, `hba1c in ]7 ; 8[`. */
function valuesWords(name: string, interval: Interval, whole: boolean): string {
  const { lo, hi } = interval;
  if (lo === hi) return `${name} = ${lo}`;
  if (whole) {
    const count = hi - lo + 1;
    const values = count <= 4 ? Array.from({ length: count }, (_, i) => lo + i).join(', ') : `${lo}, ${lo + 1}, …, ${hi}`;
    return t('rules.criteria-numeric-gaps.within', { name, values: `{${values}}` });
  }
  return t('rules.criteria-numeric-gaps.within', { name, values: describeDomain(interval) });
}
