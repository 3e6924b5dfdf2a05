import { analyzeCoverage, describeDomain, type Condition, type Interval } from '../../graph/index.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Values of the variable in the notation clinicians read, with the words of the current language:
 * `hba1c = 7`, `hba1c < 4`, `hba1c in ]7 ; 8[`, or for whole numbers `grade in {1, 2}` (the same
 * notation as describeInterval in src/graph/coverage.ts, whose words are English).
 */
function valuesWords(name: string, interval: Interval, discrete: boolean): string {
  const { lo, hi, loClosed, hiClosed } = interval;
  if (lo === hi) return `${name} = ${lo}`;
  if (discrete) {
    const count = hi - lo + 1;
    const values = count <= 4 ? Array.from({ length: count }, (_, i) => lo + i).join(', ') : `${lo}, ${lo + 1}, …, ${hi}`;
    return t('rules.condition-coverage.within', { name, values: `{${values}}` });
  }
  if (lo === -Infinity && hi === Infinity) return t('rules.condition-coverage.every-value', { name });
  if (lo === -Infinity) return `${name} ${hiClosed ? '≤' : '<'} ${hi}`;
  if (hi === Infinity) return `${name} ${loClosed ? '≥' : '>'} ${lo}`;
  return t('rules.condition-coverage.within', { name, values: describeDomain(interval) });
}

/**
 * When a decision's branches state structured conditions (`when`) on its variable, every value
 * of the variable's range (`min`..`max`, unbounded where not given) reaches exactly one branch.
 * Gaps and overlaps are reported as exact intervals. Whole-numbered variables are detected as
 * described in src/graph/coverage.ts (and docs/rules/condition-coverage.md). Branch labels are
 * quoted as written, whatever they hold (commas, quotes, backticks).
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'condition-coverage',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('condition-coverage'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'decision' || !node.branches.some((b) => b.when !== undefined)) continue;
      const base = ['nodes', id, 'branches'] as const;
      const name = node.variable?.name ?? t('rules.condition-coverage.the-value');
      const missing = node.branches.map((b, i) => (b.when === undefined ? i : -1)).filter((i) => i >= 0);
      for (const i of missing) {
        report({
          path: [...base, i],
          message: t('rules.condition-coverage.no-when', { label: node.branches[i]!.label, name }),
          hint: t('rules.condition-coverage.no-when.hint'),
        });
      }
      if (missing.length > 0) continue;
      const min = node.variable?.min;
      const max = node.variable?.max;
      if (min !== undefined && max !== undefined && min > max) {
        report({ path: ['nodes', id, 'variable'], message: t('rules.condition-coverage.empty-range', { name, min, max }), hint: t('rules.condition-coverage.empty-range.hint') });
        continue;
      }
      const conditions = node.branches.map((b) => b.when as Condition);
      const result = analyzeCoverage({ min, max, conditions });
      const labels = (branches: number[]) => branches.map((b) => node.branches[b]!.label);
      if (result.kind === 'mixed') {
        report({ path: base, atKey: true, message: t('rules.condition-coverage.mixed', { node: id, name }), hint: t('rules.condition-coverage.mixed.hint') });
        continue;
      }
      for (const overlap of result.categoryOverlaps) {
        report({
          path: [...base, overlap.branches[1]!, 'when'],
          message: t('rules.condition-coverage.category-twice', { name, value: overlap.value, labels: labels(overlap.branches) }),
          hint: t('rules.condition-coverage.category-twice.hint'),
        });
      }
      if (result.kind === 'categorical') continue;
      const discrete = result.kind === 'discrete';
      const domain = describeDomain(result.domain);
      for (const index of result.empty) {
        report({
          path: [...base, index, 'when'],
          message: t('rules.condition-coverage.impossible', { label: node.branches[index]!.label, wholeNumbers: discrete, name, domain }),
          hint: t('rules.condition-coverage.impossible.hint'),
        });
      }
      for (const gap of result.gaps) {
        const unbounded = gap.lo === -Infinity || gap.hi === Infinity;
        report({
          path: base,
          atKey: true,
          message: t('rules.condition-coverage.gap', { values: valuesWords(name, gap, discrete) }),
          hint: unbounded && (min === undefined || max === undefined) ? t('rules.condition-coverage.gap.hint-range') : t('rules.condition-coverage.gap.hint'),
        });
      }
      for (const overlap of result.overlaps) {
        report({
          path: [...base, overlap.branches[1]!, 'when'],
          message: t('rules.condition-coverage.overlap', { values: valuesWords(name, overlap.interval, discrete), labels: labels(overlap.branches) }),
          hint: t('rules.condition-coverage.overlap.hint'),
        });
      }
    }
  },
});
