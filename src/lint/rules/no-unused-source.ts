import { t } from '../../i18n/catalogue.js';
import { closest } from '../../language/suggest.js';
import { defineRule, docsPath } from '../rule.js';

/** Ids cited by `source:`, `population-source:` and `utility-source:` anywhere in a document. */
export function citedSources(value: unknown): Set<string> {
  const cited = new Set<string>();
  const add = (child: unknown) => {
    if (typeof child === 'string') cited.add(child);
    else if (Array.isArray(child)) for (const id of child) if (typeof id === 'string') cited.add(id);
  };
  const visit = (node: unknown, depth: number): void => {
    if (depth > 32 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const child = record[key];
      if (key === 'source' || key === 'population-source' || key === 'utility-source') add(child);
      else if (child !== null && typeof child === 'object' && (key !== 'sources' || depth > 0)) visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return cited;
}

/** A bibliography entry nobody cites is either a forgotten citation or clutter. */
export default defineRule({
  meta: {
    id: 'no-unused-source',
    severity: 'warning',
    kinds: ['Pyramid', 'Logigramme', 'Actors', 'Territory', 'Program', 'Targets', 'Calibration', 'ParameterSet', 'PathwayTest'],
    fixable: true,
    docs: docsPath('no-unused-source'),
  },
  check({ document, report }) {
    const sources = (document.value as { sources?: Record<string, unknown> }).sources ?? {};
    const ids = Object.keys(sources);
    if (ids.length === 0) return;
    const cited = citedSources(document.value);
    // A source whose id is close to a citation of an unknown id is probably cited with a typo:
    // known-source reports that, with this id as its "did you mean".
    const misspelt = new Set<string>();
    for (const id of cited) {
      if (ids.includes(id)) continue;
      const match = closest(id, ids);
      if (match !== undefined) misspelt.add(match);
    }
    for (const id of ids) {
      if (cited.has(id) || misspelt.has(id)) continue;
      report({
        path: ['sources', id],
        atKey: true,
        message: t('rules.no-unused-source.unused', { source: id }),
        hint: t('rules.no-unused-source.unused.hint', { source: id }),
        fix: (fixer) => fixer.removeEntry(['sources', id]),
      });
    }
  },
});
