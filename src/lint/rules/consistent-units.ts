import { t } from '../../i18n/catalogue.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * Units compare by meaning of spelling, not by bytes: case, spaces and typographic variants
 * (`kg/m²` and `kg/m2`, `µmol/L` and `umol/l`) are the same unit.
 */
export function normalizeUnit(unit: string): string {
  return unit
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*\b(?:per|par)\b\s*/g, '/')
    .replace(/\s+/g, '')
    .replace(/[µμ]/g, 'u');
}

interface Declaration {
  unit: string;
  document: LoadedDocument<'Logigramme'>;
  node: string;
}

const firstDeclarations = new WeakMap<Workspace, Map<string, Declaration>>();

/** The first decision (in workspace order) that declares a unit for each variable name. */
function declarations(workspace: Workspace): Map<string, Declaration> {
  let map = firstDeclarations.get(workspace);
  if (map) return map;
  map = new Map();
  for (const document of workspace.index.Logigramme.values()) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'decision' || node.variable?.unit === undefined) continue;
      if (!map.has(node.variable.name)) map.set(node.variable.name, { unit: node.variable.unit, document, node: id });
    }
  }
  firstDeclarations.set(workspace, map);
  return map;
}

/** A condition's unit is its variable's unit, and a variable has one unit across the workspace. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'consistent-units',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('consistent-units'),
  },
  check({ workspace, document, report }) {
    const known = declarations(workspace);
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'decision') continue;
      const variable = node.variable;
      const unit = variable?.unit;
      node.branches.forEach((branch, i) => {
        const conditionUnit = branch.when?.unit;
        if (conditionUnit === undefined) return;
        const path = ['nodes', id, 'branches', i, 'when', 'unit'];
        if (!variable) {
          report({ path, message: t('rules.consistent-units.no-variable', { unit: conditionUnit }), hint: t('rules.consistent-units.no-variable.hint', { unit: conditionUnit }) });
        } else if (unit === undefined) {
          const words = { unit: conditionUnit, variable: variable.name };
          report({ path, message: t('rules.consistent-units.no-unit', words), hint: t('rules.consistent-units.no-unit.hint', words) });
        } else if (normalizeUnit(conditionUnit) !== normalizeUnit(unit)) {
          report({
            path,
            message: t('rules.consistent-units.other-unit', { unit: conditionUnit, variable: variable.name, variableUnit: unit }),
            hint: t('rules.consistent-units.other-unit.hint', { unit }),
          });
        }
      });
      if (variable && unit !== undefined) {
        const first = known.get(variable.name);
        if (first && !(first.document === document && first.node === id) && normalizeUnit(first.unit) !== normalizeUnit(unit)) {
          const where =
            first.document === document
              ? t('rules.consistent-units.at-decision', { node: first.node })
              : t('rules.consistent-units.at-decision-of', { node: first.node, document: first.document.id, file: first.document.source.file });
          report({
            path: ['nodes', id, 'variable', 'unit'],
            message: t('rules.consistent-units.two-units', { variable: variable.name, unit, firstUnit: first.unit, where }),
            hint: t('rules.consistent-units.two-units.hint', { variable: variable.name }),
          });
        }
      }
    }
  },
});
