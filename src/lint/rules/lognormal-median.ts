import { t } from '../../i18n/catalogue.js';
import { parameterPlaces } from '../../sim/distributions/places.js';
import { formatFigure } from '../parameters.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * `{lognormal: {mean, ci95}}` reads `mean` as the median, the published point estimate of a ratio
 * (its mean is higher: e^(μ + σ²/2)). Writing `median` says what the number is; `--fix` renames it,
 * which keeps the same distribution.
 */
export default defineRule<'Pyramid' | 'Actors' | 'Logigramme' | 'Territory' | 'Program'>({
  meta: {
    id: 'lognormal-median',
    severity: 'warning',
    kinds: ['Pyramid', 'Actors', 'Logigramme', 'Territory', 'Program'],
    fixable: true,
    docs: docsPath('lognormal-median'),
  },
  check({ document, report }) {
    for (const place of parameterPlaces(document)) {
      const raw = place.raw;
      if (typeof raw !== 'object' || !('lognormal' in raw) || !('mean' in raw.lognormal) || !('ci95' in raw.lognormal)) continue;
      const { mean, ci95 } = raw.lognormal;
      const sigma = (Math.log(ci95[1]) - Math.log(ci95[0])) / (2 * 1.959963984540054);
      report({
        path: [...place.path, 'lognormal', 'mean'],
        atKey: true,
        message: t('rules.lognormal-median.mean', { mean: formatFigure(mean), trueMean: formatFigure(mean * Math.exp((sigma * sigma) / 2)) }),
        hint: t('rules.lognormal-median.mean.hint', { mean: formatFigure(mean) }),
        fix: (fixer) => fixer.renameKey([...place.path, 'lognormal', 'mean'], 'median'),
      });
    }
  },
});
