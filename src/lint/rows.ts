/**
 * Transition rows for lint: the probabilities out of one stratum, at central or upper plausible
 * values, with a territory's multipliers and a set of effects applied as the simulation applies
 * them (docs/simulation.md): p → 1 − (1 − p)^m, then p → 1 − (1 − p)^(product of the hazard ratios).
 */
import { effectCombinations } from '../graph/index.js';
import { type Parameter, parseTransition } from '../language/schemas/index.js';
import type { LoadedDocument } from '../language/workspace.js';
import { parameterMean, parameterUpper } from './parameters.js';

export interface RowTerm {
  to: string;
  value: number;
}

export type Estimate = 'central' | 'upper';
const valueOf = (p: Parameter, estimate: Estimate) => (estimate === 'central' ? parameterMean(p) : parameterUpper(p));

/** The transitions out of `from`, at central or upper plausible values. */
export function rowOf(pyramid: LoadedDocument<'Pyramid'>, from: string, estimate: Estimate): RowTerm[] {
  return pyramid.value.transitions.filter((t) => t.from === from).map((t) => ({ to: t.to, value: valueOf(t.p, estimate) }));
}

/** The row with a territory's multipliers (by `FROM->TO`) applied. */
export function withMultipliers(row: RowTerm[], from: string, multipliers: Record<string, Parameter> | undefined, estimate: Estimate): RowTerm[] {
  return row.map((term) => {
    const m = Object.entries(multipliers ?? {}).find(([key]) => {
      const t = parseTransition(key);
      return t?.from === from && t.to === term.to;
    });
    return m ? { to: term.to, value: 1 - Math.pow(1 - clamp(term.value), valueOf(m[1], estimate)) } : term;
  });
}

export interface EffectOnRow {
  node: string;
  index: number;
  to: string;
  hr: Parameter;
}

/** The row for people who met `effects` (hazard ratios on the same transition multiply). */
export function withEffects(row: RowTerm[], effects: readonly EffectOnRow[], estimate: Estimate): RowTerm[] {
  return row.map((term) => {
    const hr = effects.filter((e) => e.to === term.to).reduce((product, e) => product * valueOf(e.hr, estimate), 1);
    return hr === 1 ? term : { to: term.to, value: 1 - Math.pow(1 - clamp(term.value), hr) };
  });
}

export const sumOf = (row: readonly RowTerm[]) => row.reduce((s, t) => s + t.value, 0);

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/**
 * The distinct sets of effects on its own stratum's transitions that people can have met when
 * they leave a logigramme (the empty set left out): the groups whose rows the simulation modifies.
 */
export function effectSetsLeaving(logigramme: LoadedDocument<'Logigramme'>): EffectOnRow[][] {
  const { nodes, start, stratum } = logigramme.value;
  if (!Object.prototype.hasOwnProperty.call(nodes, start)) return [];
  const effects: EffectOnRow[] = [];
  const masks = new Map<string, number>();
  for (const [id, node] of Object.entries(nodes)) {
    if (node.type !== 'action') continue;
    let mask = 0;
    (node.effects ?? []).forEach((effect, index) => {
      const t = parseTransition(effect.transition);
      if (t?.from !== stratum || effects.length >= 30) return;
      mask |= 1 << effects.length;
      effects.push({ node: id, index, to: t.to, hr: effect.hr });
    });
    masks.set(id, mask);
  }
  if (effects.length === 0) return [];
  const { leaving } = effectCombinations(nodes, start, (id) => masks.get(id) ?? 0);
  return [...leaving].filter((mask) => mask !== 0).map((mask) => effects.filter((_, bit) => (mask & (1 << bit)) !== 0));
}
