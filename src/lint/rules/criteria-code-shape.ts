import { patternHasShape } from '../../criteria/codes.js';
import { locatedStrata, populationTree, type CriterionNode } from '../../criteria/parse.js';
import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Code patterns of stratum criteria and of the population have the shape of their code system
 * (docs/stratify.md, "Code patterns"): ICD-10 for `diagnosis`, `ald` and a stay's
 * `main-diagnosis`, ATC for `dispensation`, checked by src/criteria/codes.ts' patternHasShape.
 * Acts mix several systems (CCAM, NGAP, biology) and are not checked. Each pattern is reported at
 * its own path.
 */
export default defineRule<'Pyramid'>({
  meta: {
    id: 'criteria-code-shape',
    severity: 'error',
    kinds: ['Pyramid'],
    docs: docsPath('criteria-code-shape'),
  },
  check({ document, report }) {
    const trees = [populationTree(document.value), ...locatedStrata(document.value).map((s) => s.tree)];
    for (const tree of trees) {
      for (const { pattern, path, system } of tree ? patternsOf(tree) : []) {
        if (system === 'act' || patternHasShape(pattern, system)) continue;
        report({ path, message: t(`rules.criteria-code-shape.${system}`, { pattern }), hint: t(`rules.criteria-code-shape.${system}.hint`) });
      }
    }
  },
});

function patternsOf(node: CriterionNode): CriterionNode['patterns'] {
  return [...node.patterns, ...node.children.flatMap(patternsOf)];
}
