import { t } from '../../i18n/catalogue.js';
import { ownValue } from '../../language/records.js';
import { type TimeVarying, timeVaryingParameters } from '../../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { parameterMean, formatFigure } from '../parameters.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';
import {
  agesOf,
  effectSetsLeaving,
  type EffectOnRow,
  rowChangesByYear,
  rowHasTrend,
  rowOf,
  type RowTerm,
  sumOf,
  withEffects,
  withMultipliers,
  yearsOfRow,
} from '../rows.js';

const TOLERANCE = 1e-9;

const terms = (row: readonly RowTerm[], from: string) => row.map((i) => `${from}->${i.to} ${formatFigure(i.value)}`).join(' + ');
const effectWords = (effects: readonly EffectOnRow[]) =>
  effects.map((e) => t('rules.transition-row-sum.effect', { node: e.node, hr: formatFigure(parameterMean(e.hr)), to: e.to })).join(', ');
const above = (row: readonly RowTerm[]) => sumOf(row) > 1 + TOLERANCE;

type Pyramid = LoadedDocument<'Pyramid'>;
type Multipliers = Record<string, TimeVarying> | undefined;

/** The year to name in a message: only when the row changes with the year. */
const yearWord = (pyramid: Pyramid, from: string, year: number, multipliers?: Multipliers) => (rowChangesByYear(pyramid, from, multipliers) ? { year } : {});

/**
 * A transition row (the probabilities out of one stratum) leaves room for staying: it sums to at
 * most 1 at central values, and a warning when its upper plausible values exceed 1 (draws may then
 * break the row). This holds for the pyramid's own row; in a territory, with its multipliers; in a
 * logigramme, for the people who met each set of its effects, at each age of their exposure (a
 * waning effect changes the row each cycle); and in a scenario, for the people of each territory
 * who met each set of effects of the arms' logigrammes. Each destination appears once, and a
 * stratum never "moves" to itself. A row that changes with the year is checked in each year its
 * `by-year` lists give; a trend in year 1, and in a scenario in every year up to its horizon.
 * These are the rows the simulation refuses.
 */
export default defineRule<'Pyramid' | 'Territory' | 'Logigramme' | 'Scenario'>({
  meta: {
    id: 'transition-row-sum',
    severity: 'error',
    kinds: ['Pyramid', 'Territory', 'Logigramme', 'Scenario'],
    docs: docsPath('transition-row-sum'),
  },
  check({ workspace, document, report }) {
    if (document.kind === 'Pyramid') checkPyramid(document as Pyramid, report);
    else if (document.kind === 'Territory') checkTerritory(workspace, document as LoadedDocument<'Territory'>, report);
    else if (document.kind === 'Logigramme') checkLogigramme(workspace, document as LoadedDocument<'Logigramme'>, report);
    else checkScenario(workspace, document as LoadedDocument<'Scenario'>, report);
  },
});

type Report = (report: RuleReport) => void;

/** Whether every value a transition's `p` lists is a probability at its centre (else parameter-feasible says so). */
function inRange(p: TimeVarying): boolean {
  return timeVaryingParameters(p).every((inner) => {
    if (inner.role === 'change') return parameterMean(inner.value) > -1;
    const value = parameterMean(inner.value);
    return value >= 0 && value <= 1;
  });
}

/** Rows with no self-transition and no destination twice (those are reported here) and values in range. */
function wellFormedRows(pyramid: Pyramid, report: Report): string[] {
  const froms = [...new Set(pyramid.value.transitions.map((transition) => transition.from))];
  return froms.filter((from) => {
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
      if (!inRange(transition.p)) broken = true;
    });
    return !broken;
  });
}

/** The first year (1 … the longest by-year list) whose central row exceeds 1, if any. */
function firstYearAbove(pyramid: Pyramid, from: string, multipliers?: Multipliers): number | undefined {
  for (let year = 1; year <= yearsOfRow(pyramid, from, multipliers); year++) {
    const row = withMultipliers(rowOf(pyramid, from, 'central', year), from, multipliers, 'central', year);
    if (above(row)) return year;
  }
  return undefined;
}

function checkPyramid(pyramid: Pyramid, report: Report): void {
  for (const from of wellFormedRows(pyramid, report)) {
    const first = ['transitions', pyramid.value.transitions.findIndex((transition) => transition.from === from), 'from'];
    const years = yearsOfRow(pyramid, from);
    const failing = firstYearAbove(pyramid, from);
    if (failing !== undefined) {
      const central = rowOf(pyramid, from, 'central', failing);
      const words = { from, sum: formatFigure(sumOf(central)), terms: terms(central, from), ...yearWord(pyramid, from, failing) };
      report({ path: first, message: t('rules.transition-row-sum.above-one', words), hint: t('rules.transition-row-sum.above-one.hint') });
      continue;
    }
    for (let year = 1; year <= years; year++) {
      const upper = rowOf(pyramid, from, 'upper', year);
      if (!above(upper)) continue;
      const words = { from, sum: formatFigure(sumOf(upper)), terms: terms(upper, from), ...yearWord(pyramid, from, year) };
      report({ path: first, severity: 'warning', message: t('rules.transition-row-sum.upper', words), hint: t('rules.transition-row-sum.upper.hint') });
      break;
    }
  }
}

function checkTerritory(workspace: Workspace, territory: LoadedDocument<'Territory'>, report: Report): void {
  for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
    const pyramid = workspace.index.Pyramid.get(pyramidId);
    const multipliers = entry.multipliers ?? {};
    if (!pyramid || Object.keys(multipliers).length === 0) continue;
    for (const from of new Set(pyramid.value.transitions.map((transition) => transition.from))) {
      if (firstYearAbove(pyramid, from) !== undefined) continue; // the pyramid's own finding
      const touched = Object.keys(multipliers).find((key) => key.replace(/\s/g, '').startsWith(`${from}->`));
      if (touched === undefined) continue;
      const year = firstYearAbove(pyramid, from, multipliers);
      if (year === undefined) continue;
      const row = withMultipliers(rowOf(pyramid, from, 'central', year), from, multipliers, 'central', year);
      report({
        path: ['pyramids', pyramidId, 'multipliers', touched],
        atKey: true,
        message: t('rules.transition-row-sum.multipliers', { from, sum: formatFigure(sumOf(row)), terms: terms(row, from), ...yearWord(pyramid, from, year, multipliers) }),
        hint: t('rules.transition-row-sum.multipliers.hint'),
      });
    }
  }
}

interface EffectFinding {
  effects: EffectOnRow[];
  row: RowTerm[];
  year: number;
  /** Cycles since the passage: 0 at the passage, more when lasting effects have aged. */
  age: number;
}

/** The first (year, set of effects, age) whose row exceeds 1 at `estimate`, the base rows of those years being within 1. */
function effectsAbove(pyramid: Pyramid, from: string, sets: EffectOnRow[][], estimate: 'central' | 'upper', multipliers?: Multipliers): EffectFinding | undefined {
  for (let year = 1; year <= yearsOfRow(pyramid, from, multipliers); year++) {
    const base = withMultipliers(rowOf(pyramid, from, estimate, year), from, multipliers, estimate, year);
    for (const effects of sets) {
      for (const age of agesOf(effects)) {
        const row = withEffects(base, effects, estimate, age);
        if (above(row)) return { effects, row, year, age };
      }
    }
  }
  return undefined;
}

/** People who met a set of the logigramme's effects: their row at central values stays ≤ 1 (upper plausible: a warning). */
function checkLogigramme(workspace: Workspace, logigramme: LoadedDocument<'Logigramme'>, report: Report): void {
  const pyramid = workspace.index.Pyramid.get(logigramme.value.pyramid);
  if (!pyramid) return;
  const from = logigramme.value.stratum;
  if (firstYearAbove(pyramid, from) !== undefined) return; // the pyramid's own finding
  const sets = effectSetsLeaving(logigramme);
  const central = effectsAbove(pyramid, from, sets, 'central');
  const upper = central ?? effectsAbove(pyramid, from, sets, 'upper');
  if (!upper) return;
  const { effects, row, year, age } = upper;
  const at = effects.find((e) => parameterMean(e.hr) > 1) ?? effects[0]!;
  const path = ['nodes', at.node, 'effects', at.index, 'hr'];
  const words = { effects: effectWords(effects), from, sum: formatFigure(sumOf(row)), terms: terms(row, from), age, ...yearWord(pyramid, from, year) };
  if (central) report({ path, message: t('rules.transition-row-sum.effects', words), hint: t('rules.transition-row-sum.effects.hint') });
  else report({ path, severity: 'warning', message: t('rules.transition-row-sum.effects-upper', words), hint: t('rules.transition-row-sum.effects-upper.hint') });
}

/** The logigrammes of the scenario's two arms that serve a stratum of its pyramid. */
function armLogigrammes(workspace: Workspace, scenario: LoadedDocument<'Scenario'>, pyramid: Pyramid): Set<LoadedDocument<'Logigramme'>> {
  const logigrammes = new Set<LoadedDocument<'Logigramme'>>();
  for (const programId of [scenario.value.baseline, scenario.value.program]) {
    for (const entry of Object.values(workspace.index.Program.get(programId)?.value.strata ?? {})) {
      const logigramme = workspace.index.Logigramme.get(entry.logigramme);
      if (logigramme && logigramme.value.pyramid === pyramid.id) logigrammes.add(logigramme);
    }
  }
  return logigrammes;
}

/** Each territory's multipliers together with each arm's effects, at central values; and trends up to the horizon. */
function checkScenario(workspace: Workspace, scenario: LoadedDocument<'Scenario'>, report: Report): void {
  const pyramid = workspace.index.Pyramid.get(scenario.value.pyramid);
  if (!pyramid) return;
  const logigrammes = armLogigrammes(workspace, scenario, pyramid);
  checkTrends(workspace, scenario, pyramid, report);
  scenario.value.territories.forEach((territoryId, index) => {
    const multipliers = ownValue(workspace.index.Territory.get(territoryId)?.value.pyramids, pyramid.id)?.multipliers;
    if (!multipliers || Object.keys(multipliers).length === 0) return;
    for (const logigramme of logigrammes) {
      const from = logigramme.value.stratum;
      if (firstYearAbove(pyramid, from, multipliers) !== undefined) continue; // the territory's own finding
      const sets = effectSetsLeaving(logigramme);
      if (effectsAbove(pyramid, from, sets, 'central') !== undefined) continue; // the logigramme's own finding
      const found = effectsAbove(pyramid, from, sets, 'central', multipliers);
      if (!found) continue;
      report({
        path: ['territories', index],
        message: t('rules.transition-row-sum.scenario', {
          territory: territoryId,
          logigramme: logigramme.id,
          effects: effectWords(found.effects),
          from,
          sum: formatFigure(sumOf(found.row)),
          terms: terms(found.row, from),
          age: found.age,
          ...yearWord(pyramid, from, found.year, multipliers),
        }),
        hint: t('rules.transition-row-sum.scenario.hint'),
      });
      return;
    }
  });
}

/**
 * A trend's later years depend on the horizon: each row with a trend (in the pyramid or a
 * territory's multipliers) stays ≤ 1 at central values in every year up to the scenario's horizon.
 * Year 1 and the by-year lists are the pyramid's and the territory's own findings.
 */
function checkTrends(workspace: Workspace, scenario: LoadedDocument<'Scenario'>, pyramid: Pyramid, report: Report): void {
  const horizon = scenario.value.horizon;
  const written = scenario.document.data;
  const path = typeof written === 'object' && written !== null && Object.prototype.hasOwnProperty.call(written, 'horizon') ? ['horizon'] : ['pyramid'];
  const places: { territory?: string; multipliers?: Multipliers }[] = [
    {},
    ...scenario.value.territories.map((id) => ({ territory: id, multipliers: ownValue(workspace.index.Territory.get(id)?.value.pyramids, pyramid.id)?.multipliers })),
  ];
  const froms = [...new Set(pyramid.value.transitions.map((transition) => transition.from))];
  for (const from of froms) {
    for (const { territory, multipliers } of places) {
      if (territory !== undefined && !rowHasTrend(pyramid, from, multipliers)) continue;
      if (territory === undefined && !rowHasTrend(pyramid, from)) continue;
      if (firstYearAbove(pyramid, from, multipliers) !== undefined || (territory !== undefined && firstYearAbove(pyramid, from) !== undefined)) continue;
      const year = firstTrendYearAbove(pyramid, from, horizon, multipliers);
      if (year === undefined) continue;
      const row = withMultipliers(rowOf(pyramid, from, 'central', year), from, multipliers, 'central', year);
      report({
        path,
        message: t('rules.transition-row-sum.trend', { from, year, horizon, sum: formatFigure(sumOf(row)), terms: terms(row, from), ...(territory === undefined ? {} : { territory }) }),
        hint: t('rules.transition-row-sum.trend.hint'),
      });
      break;
    }
  }
}

function firstTrendYearAbove(pyramid: Pyramid, from: string, horizon: number, multipliers: Multipliers): number | undefined {
  for (let year = 2; year <= horizon; year++) {
    if (above(withMultipliers(rowOf(pyramid, from, 'central', year), from, multipliers, 'central', year))) return year;
  }
  return undefined;
}
