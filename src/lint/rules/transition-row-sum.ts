import { t } from '../../i18n/catalogue.js';
import { ownValue } from '../../language/records.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { parameterMean, formatFigure } from '../parameters.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';
import { effectSetsLeaving, type EffectOnRow, rowOf, type RowTerm, sumOf, withEffects, withMultipliers } from '../rows.js';

const TOLERANCE = 1e-9;

const terms = (row: readonly RowTerm[], from: string) => row.map((i) => `${from}->${i.to} ${formatFigure(i.value)}`).join(' + ');
const effectWords = (effects: readonly EffectOnRow[]) =>
  effects.map((e) => t('rules.transition-row-sum.effect', { node: e.node, hr: formatFigure(parameterMean(e.hr)), to: e.to })).join(', ');

/**
 * A transition row (the probabilities out of one stratum) leaves room for staying: it sums to at
 * most 1 at central values, and a warning when its upper plausible values exceed 1 (draws may then
 * break the row). This holds for the pyramid's own row; in a territory, with its multipliers; in a
 * logigramme, for the people who met each set of its effects; and in a scenario, for the people of
 * each territory who met each set of effects of the arms' logigrammes. Each destination appears
 * once, and a stratum never "moves" to itself. These are the rows the simulation refuses.
 */
export default defineRule<'Pyramid' | 'Territory' | 'Logigramme' | 'Scenario'>({
  meta: {
    id: 'transition-row-sum',
    severity: 'error',
    kinds: ['Pyramid', 'Territory', 'Logigramme', 'Scenario'],
    docs: docsPath('transition-row-sum'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Pyramid') checkPyramid(document as LoadedDocument<'Pyramid'>, report);
    else if (document.kind === 'Territory') checkTerritory(workspace, document as LoadedDocument<'Territory'>, report);
    else if (document.kind === 'Logigramme') checkLogigramme(workspace, document as LoadedDocument<'Logigramme'>, report);
    else checkScenario(workspace, document as LoadedDocument<'Scenario'>, report);
  },
});

type Report = (report: RuleReport) => void;

/** The strata whose rows are well formed: no self-transition, no destination twice (those are reported here). */
function checkPyramid(pyramid: LoadedDocument<'Pyramid'>, report: Report): void {
  const froms = [...new Set(pyramid.value.transitions.map((transition) => transition.from))];
  for (const from of froms) {
    const seen = new Map<string, number>();
    let broken = false;
    pyramid.value.transitions.forEach((transition, index) => {
      if (transition.from !== from) return;
      if (transition.to === from) {
        broken = true;
        report({ path: ['transitions', index], message: t('rules.transition-row-sum.staying', { stratum: from }), hint: t('rules.transition-row-sum.staying.hint') });
        return;
      }
      const previous = seen.get(transition.to);
      if (previous !== undefined) {
        broken = true;
        report({ path: ['transitions', index], message: t('rules.transition-row-sum.twice', { from, to: transition.to, other: previous + 1 }), hint: t('rules.transition-row-sum.twice.hint') });
        return;
      }
      seen.set(transition.to, index);
      // A probability out of [0, 1] is parameter-feasible's finding; the sum would only repeat it.
      const p = parameterMean(transition.p);
      if (!(p >= 0 && p <= 1)) broken = true;
    });
    if (broken) continue;
    const first = ['transitions', pyramid.value.transitions.findIndex((transition) => transition.from === from), 'from'];
    const central = rowOf(pyramid, from, 'central');
    if (sumOf(central) > 1 + TOLERANCE) {
      report({
        path: first,
        message: t('rules.transition-row-sum.above-one', { from, sum: formatFigure(sumOf(central)), terms: terms(central, from) }),
        hint: t('rules.transition-row-sum.above-one.hint'),
      });
      continue;
    }
    const upper = rowOf(pyramid, from, 'upper');
    if (sumOf(upper) > 1 + TOLERANCE) {
      report({
        path: first,
        severity: 'warning',
        message: t('rules.transition-row-sum.upper', { from, sum: formatFigure(sumOf(upper)), terms: terms(upper, from) }),
        hint: t('rules.transition-row-sum.upper.hint'),
      });
    }
  }
}

function checkTerritory(workspace: Workspace, territory: LoadedDocument<'Territory'>, report: Report): void {
  for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
    const pyramid = workspace.index.Pyramid.get(pyramidId);
    const multipliers = entry.multipliers ?? {};
    if (!pyramid || Object.keys(multipliers).length === 0) continue;
    for (const from of new Set(pyramid.value.transitions.map((transition) => transition.from))) {
      const base = rowOf(pyramid, from, 'central');
      if (sumOf(base) > 1 + TOLERANCE) continue; // the pyramid's own finding
      const touched = Object.keys(multipliers).find((key) => key.replace(/\s/g, '').startsWith(`${from}->`));
      if (touched === undefined) continue;
      const row = withMultipliers(base, from, multipliers, 'central');
      if (sumOf(row) > 1 + TOLERANCE) {
        report({
          path: ['pyramids', pyramidId, 'multipliers', touched],
          atKey: true,
          message: t('rules.transition-row-sum.multipliers', { from, sum: formatFigure(sumOf(row)), terms: terms(row, from) }),
          hint: t('rules.transition-row-sum.multipliers.hint'),
        });
      }
    }
  }
}

/** People who met a set of the logigramme's effects: their row at central values stays ≤ 1 (upper plausible: a warning). */
function checkLogigramme(workspace: Workspace, logigramme: LoadedDocument<'Logigramme'>, report: Report): void {
  const pyramid = workspace.index.Pyramid.get(logigramme.value.pyramid);
  if (!pyramid) return;
  const from = logigramme.value.stratum;
  const base = rowOf(pyramid, from, 'central');
  if (sumOf(base) > 1 + TOLERANCE) return; // the pyramid's own finding
  const upperBase = rowOf(pyramid, from, 'upper');
  let warned = false;
  for (const effects of effectSetsLeaving(logigramme)) {
    const row = withEffects(base, effects, 'central');
    const at = effects.find((e) => parameterMean(e.hr) > 1) ?? effects[0]!;
    const path = ['nodes', at.node, 'effects', at.index, 'hr'];
    if (sumOf(row) > 1 + TOLERANCE) {
      report({
        path,
        message: t('rules.transition-row-sum.effects', { effects: effectWords(effects), from, sum: formatFigure(sumOf(row)), terms: terms(row, from) }),
        hint: t('rules.transition-row-sum.effects.hint'),
      });
      return;
    }
    const upper = withEffects(upperBase, effects, 'upper');
    if (!warned && sumOf(upper) > 1 + TOLERANCE) {
      warned = true;
      report({
        path,
        severity: 'warning',
        message: t('rules.transition-row-sum.effects-upper', { effects: effectWords(effects), from, sum: formatFigure(sumOf(upper)) }),
        hint: t('rules.transition-row-sum.effects-upper.hint'),
      });
    }
  }
}

/** Each territory's multipliers together with each arm's effects, at central values. */
function checkScenario(workspace: Workspace, scenario: LoadedDocument<'Scenario'>, report: Report): void {
  const pyramid = workspace.index.Pyramid.get(scenario.value.pyramid);
  if (!pyramid) return;
  const logigrammes = new Set<LoadedDocument<'Logigramme'>>();
  for (const programId of [scenario.value.baseline, scenario.value.program]) {
    for (const entry of Object.values(workspace.index.Program.get(programId)?.value.strata ?? {})) {
      const logigramme = workspace.index.Logigramme.get(entry.logigramme);
      if (logigramme && logigramme.value.pyramid === pyramid.id) logigrammes.add(logigramme);
    }
  }
  scenario.value.territories.forEach((territoryId, index) => {
    const multipliers = ownValue(workspace.index.Territory.get(territoryId)?.value.pyramids, pyramid.id)?.multipliers;
    if (!multipliers || Object.keys(multipliers).length === 0) return;
    for (const logigramme of logigrammes) {
      const from = logigramme.value.stratum;
      const base = rowOf(pyramid, from, 'central');
      const local = withMultipliers(base, from, multipliers, 'central');
      if (sumOf(local) > 1 + TOLERANCE) continue; // the territory's own finding
      for (const effects of effectSetsLeaving(logigramme)) {
        if (sumOf(withEffects(base, effects, 'central')) > 1 + TOLERANCE) continue; // the logigramme's own finding
        const row = withEffects(local, effects, 'central');
        if (sumOf(row) <= 1 + TOLERANCE) continue;
        report({
          path: ['territories', index],
          message: t('rules.transition-row-sum.scenario', {
            territory: territoryId,
            logigramme: logigramme.id,
            effects: effectWords(effects),
            from,
            sum: formatFigure(sumOf(row)),
            terms: terms(row, from),
          }),
          hint: t('rules.transition-row-sum.scenario.hint'),
        });
        return;
      }
    }
  });
}
