import type { LoadedDocument } from '../../language/workspace.js';
import { parseTransition, type Parameter } from '../../language/schemas/index.js';
import { formatFigure, parameterMean, parameterUpper } from '../parameters.js';
import { defineRule, docsPath } from '../rule.js';

const TOLERANCE = 1e-9;

interface Row {
  from: string;
  items: { index: number; to: string; p: Parameter }[];
}

function rowsOf(pyramid: LoadedDocument<'Pyramid'>): Map<string, Row> {
  const rows = new Map<string, Row>();
  pyramid.value.transitions.forEach((t, index) => {
    let row = rows.get(t.from);
    if (!row) {
      row = { from: t.from, items: [] };
      rows.set(t.from, row);
    }
    row.items.push({ index, to: t.to, p: t.p });
  });
  return rows;
}

const terms = (items: { to: string; value: number }[], from: string) => items.map((i) => `${from}->${i.to} ${formatFigure(i.value)}`).join(' + ');

/**
 * A pyramid row (the transitions out of one stratum) leaves room for staying: its mean
 * probabilities sum to at most 1; a warning when their upper plausible values exceed 1 (draws
 * may then break the row). Each destination appears once, and a stratum never "moves" to itself.
 * In a territory, the row with the local multipliers applied (p → 1 − (1 − p)^m, at the means)
 * stays ≤ 1 too.
 */
export default defineRule<'Pyramid' | 'Territory'>({
  meta: {
    id: 'transition-row-sum',
    description: 'The transition probabilities out of a stratum sum to at most 1 (means; a warning for upper plausible values), also with a territory\'s multipliers.',
    severity: 'error',
    kinds: ['Pyramid', 'Territory'],
    docs: docsPath('transition-row-sum'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Territory') {
      const territory = document as LoadedDocument<'Territory'>;
      for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
        const pyramid = workspace.index.Pyramid.get(pyramidId);
        const multipliers = entry.multipliers ?? {};
        if (!pyramid || Object.keys(multipliers).length === 0) continue;
        const bySource = new Map<string, { key: string; m: number }[]>();
        for (const [key, m] of Object.entries(multipliers)) {
          const t = parseTransition(key);
          if (t) bySource.set(`${t.from}->${t.to}`, [...(bySource.get(`${t.from}->${t.to}`) ?? []), { key, m: parameterMean(m) }]);
        }
        for (const row of rowsOf(pyramid).values()) {
          let touched: string | undefined;
          const adjusted = row.items.map((item) => {
            const p = parameterMean(item.p);
            const multiplier = bySource.get(`${row.from}->${item.to}`)?.[0];
            if (!multiplier) return { to: item.to, value: p };
            touched ??= multiplier.key;
            return { to: item.to, value: 1 - Math.pow(1 - Math.min(1, Math.max(0, p)), multiplier.m) };
          });
          const sum = adjusted.reduce((s, a) => s + a.value, 0);
          if (touched !== undefined && sum > 1 + TOLERANCE) {
            report({
              path: ['pyramids', pyramidId, 'multipliers', touched],
              atKey: true,
              message: `with the multipliers, the transitions out of ${row.from} sum to ${formatFigure(sum)} (${terms(adjusted, row.from)}): more than 1`,
              hint: 'lower the multiplier; at most everyone leaves a stratum in a cycle',
            });
          }
        }
      }
      return;
    }
    const pyramid = document as LoadedDocument<'Pyramid'>;
    for (const row of rowsOf(pyramid).values()) {
      const seen = new Map<string, number>();
      let broken = false;
      for (const item of row.items) {
        const path = ['transitions', item.index];
        if (item.to === row.from) {
          broken = true;
          report({ path, message: `${row.from}->${row.from} is not a transition: staying in ${row.from} is the remainder of its row`, hint: 'remove it; staying is 1 minus the other transitions out of the stratum' });
          continue;
        }
        const previous = seen.get(item.to);
        if (previous !== undefined) {
          broken = true;
          report({ path, message: `${row.from}->${item.to} is listed twice (also transition ${previous + 1})`, hint: 'a row has one probability per destination: merge the two' });
          continue;
        }
        seen.set(item.to, item.index);
        const mean = parameterMean(item.p);
        if (mean < 0 || mean > 1) {
          broken = true;
          report({ path: [...path, 'p'], message: `a transition probability lies between 0 and 1; this one is ${formatFigure(mean)}`, hint: 'write the probability per cycle, e.g. 0.03 for 3 % a year' });
        }
      }
      if (broken) continue;
      const means = row.items.map((i) => ({ to: i.to, value: parameterMean(i.p) }));
      const sum = means.reduce((s, m) => s + m.value, 0);
      const first = ['transitions', row.items[0]!.index, 'from'];
      if (sum > 1 + TOLERANCE) {
        report({
          path: first,
          message: `the transitions out of ${row.from} sum to ${formatFigure(sum)} (${terms(means, row.from)}): more than 1, nothing remains for staying`,
          hint: 'probabilities per cycle of leaving a stratum sum to at most 1; check each value and the cycle length',
        });
        continue;
      }
      const uppers = row.items.map((i) => ({ to: i.to, value: parameterUpper(i.p) }));
      const upper = uppers.reduce((s, u) => s + u.value, 0);
      if (upper > 1 + TOLERANCE) {
        report({
          path: first,
          severity: 'warning',
          message: `the upper plausible values of the transitions out of ${row.from} sum to ${formatFigure(upper)} (${terms(uppers, row.from)}): draws may exceed 1`,
          hint: 'narrow the wider distributions (smaller sd or interval); the simulation stops on a row above 1',
        });
      }
    }
  },
});
