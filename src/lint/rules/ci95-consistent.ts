import { t } from '../../i18n/catalogue.js';
import { parameterPlaces } from '../../sim/distributions/places.js';
import { formatFigure } from '../parameters.js';
import { defineRule, docsPath } from '../rule.js';

/** Log distances from the estimate to the interval's ends may differ by rounding, not by this ratio. */
const MAX_RATIO = 1.5;
/** …unless the interval the simulation draws from still matches the stated one within 1 %. */
const MAX_SHIFT = Math.log(1.01);

/**
 * A lognormal is symmetric on the log scale: its point estimate (the median) lies at the geometric
 * midpoint √(lo·hi) of its 95 % interval. The simulation takes the median as written and the
 * spread from the interval's width (docs/simulation.md), so it draws from [median·√(lo/hi),
 * median·√(hi/lo)]: when the estimate is far from the midpoint, that is not the interval written.
 * Reported when the log distances to the two ends differ by a ratio above 1.5 and the drawn
 * interval misses the stated one by more than 1 % (published figures, rounded to two digits, stay
 * within these).
 */
export default defineRule<'Pyramid' | 'Actors' | 'Logigramme' | 'Territory' | 'Program'>({
  meta: {
    id: 'ci95-consistent',
    severity: 'warning',
    kinds: ['Pyramid', 'Actors', 'Logigramme', 'Territory', 'Program'],
    docs: docsPath('ci95-consistent'),
  },
  check({ document, report }) {
    for (const place of parameterPlaces(document)) {
      const raw = place.raw;
      if (typeof raw !== 'object' || !('lognormal' in raw) || !('ci95' in raw.lognormal)) continue;
      const form = raw.lognormal;
      const point = 'median' in form ? form.median : form.mean;
      const [lo, hi] = form.ci95;
      if (!(lo < point && point < hi)) continue; // parameter-feasible reports an estimate outside its interval
      const below = Math.log(point / lo);
      const above = Math.log(hi / point);
      const shift = Math.abs(Math.log(point / Math.sqrt(lo * hi)));
      if (Math.max(below, above) / Math.min(below, above) <= MAX_RATIO || shift <= MAX_SHIFT) continue;
      const spread = Math.sqrt(hi / lo);
      report({
        path: [...place.path, 'lognormal', 'ci95'],
        message: t('rules.ci95-consistent.off-centre', {
          point: formatFigure(point),
          lo: formatFigure(lo),
          hi: formatFigure(hi),
          below: formatFigure(below),
          above: formatFigure(above),
          drawnLo: formatFigure(point / spread),
          drawnHi: formatFigure(point * spread),
        }),
        hint: t('rules.ci95-consistent.off-centre.hint', {
          median: formatFigure(Math.sqrt(lo * hi)),
          lo: formatFigure(lo),
          hi: formatFigure(hi),
          loForPoint: formatFigure((point * point) / hi),
          hiForPoint: formatFigure((point * point) / lo),
        }),
      });
    }
  },
});
