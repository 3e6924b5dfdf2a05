/**
 * Transition rows for lint: the probabilities out of one stratum, at central or upper plausible
 * values, in one year, with a territory's multipliers and a set of effects applied as the
 * simulation applies them (docs/simulation.md): p → 1 − (1 − p)^m, then p → 1 − (1 − p)^(product
 * of the hazard ratios, each as it stands a cycles after the passage).
 */
import { effectCombinations } from '../graph/index.js';
import { type Parameter, parseTransition, type TimeVarying } from '../language/schemas/index.js';
import type { LoadedDocument } from '../language/workspace.js';
import { type Estimate, estimateOf, isByYear, isTrend, listedYears, valueInYear } from './time-varying.js';

export type { Estimate } from './time-varying.js';

export interface RowTerm {
  to: string;
  value: number;
}

/** The transitions out of `from` in year `year` (1-based), at central or upper plausible values. */
export function rowOf(pyramid: LoadedDocument<'Pyramid'>, from: string, estimate: Estimate, year = 1): RowTerm[] {
  return pyramid.value.transitions.filter((t) => t.from === from).map((t) => ({ to: t.to, value: valueInYear(t.p, year, estimate) }));
}

/** The territory's multipliers of the transitions out of `from`, by destination. */
function multipliersOutOf(from: string, multipliers: Record<string, TimeVarying> | undefined): Map<string, TimeVarying> {
  const out = new Map<string, TimeVarying>();
  for (const [key, m] of Object.entries(multipliers ?? {})) {
    const t = parseTransition(key);
    if (t?.from === from && !out.has(t.to)) out.set(t.to, m);
  }
  return out;
}

/** The row with a territory's multipliers (by `FROM->TO`) applied, in year `year`. */
export function withMultipliers(row: RowTerm[], from: string, multipliers: Record<string, TimeVarying> | undefined, estimate: Estimate, year = 1): RowTerm[] {
  const own = multipliersOutOf(from, multipliers);
  return row.map((term) => {
    const m = own.get(term.to);
    return m === undefined ? term : { to: term.to, value: 1 - Math.pow(1 - clamp(term.value), valueInYear(m, year, estimate)) };
  });
}

/** The longest horizon a scenario may have (src/language/schemas/scenario.ts): later values are never used. */
const MAX_HORIZON = 100;

/**
 * The years whose rows differ as written: 1 … the longest `by-year` list among the row's
 * probabilities and multipliers (at most 100, the longest horizon). A trend is checked in year 1
 * here; its later years depend on the horizon, which only a scenario knows.
 */
export function yearsOfRow(pyramid: LoadedDocument<'Pyramid'>, from: string, multipliers?: Record<string, TimeVarying>): number {
  const values = [...pyramid.value.transitions.filter((t) => t.from === from).map((t) => t.p), ...multipliersOutOf(from, multipliers).values()];
  return Math.min(MAX_HORIZON, Math.max(1, ...values.map(listedYears)));
}

/** Whether a value of the row (a probability or a multiplier) changes with the year. */
export function rowChangesByYear(pyramid: LoadedDocument<'Pyramid'>, from: string, multipliers?: Record<string, TimeVarying>): boolean {
  const values = [...pyramid.value.transitions.filter((t) => t.from === from).map((t) => t.p), ...multipliersOutOf(from, multipliers).values()];
  return values.some((v) => isByYear(v) || isTrend(v));
}

/** Whether the row holds a trend (its later years are only known with a horizon). */
export function rowHasTrend(pyramid: LoadedDocument<'Pyramid'>, from: string, multipliers?: Record<string, TimeVarying>): boolean {
  const values = [...pyramid.value.transitions.filter((t) => t.from === from).map((t) => t.p), ...multipliersOutOf(from, multipliers).values()];
  return values.some(isTrend);
}

export interface EffectOnRow {
  node: string;
  index: number;
  to: string;
  hr: Parameter;
  /** Cycles during which the effect applies after the passage (default 1). */
  duration: number;
  waning: 'none' | 'linear' | 'exponential';
  halfLife: Parameter | undefined;
  stopsAfterExit: boolean;
}

/**
 * The hazard ratio of an effect `age` cycles after the passage (docs/simulation.md, "Lasting and
 * waning effects"): 1 from its duration on, or from age 1 with `after-exit: stop`; else the full
 * ratio, or waned linearly or exponentially towards 1.
 */
export function hazardRatioAt(effect: EffectOnRow, age: number, estimate: Estimate): number {
  if (age >= effect.duration || (age >= 1 && effect.stopsAfterExit)) return 1;
  const hr = estimateOf(effect.hr, estimate);
  if (age === 0 || effect.waning === 'none') return hr;
  if (effect.waning === 'linear') return hr + ((1 - hr) * age) / effect.duration;
  if (effect.halfLife === undefined) return hr; // effect-duration reports the missing half-life
  return Math.pow(hr, Math.pow(2, -age / estimateOf(effect.halfLife, estimate)));
}

/** The row for people who met `effects`, `age` cycles ago (hazard ratios on the same transition multiply). */
export function withEffects(row: RowTerm[], effects: readonly EffectOnRow[], estimate: Estimate, age = 0): RowTerm[] {
  return row.map((term) => {
    const hr = effects.filter((e) => e.to === term.to).reduce((product, e) => product * hazardRatioAt(e, age, estimate), 1);
    return hr === 1 ? term : { to: term.to, value: 1 - Math.pow(1 - clamp(term.value), hr) };
  });
}

/** Waning is followed cycle by cycle up to this age; beyond it the hazard ratios are nearly 1 or constant. */
const MAX_AGE_FOLLOWED = 120;

/**
 * The ages at which a set of effects gives rows worth checking: 0 (the passage), 1 (when effects
 * with `after-exit: stop` end), each effect's end, and every age while one of them wanes (the
 * hazard ratios then change each cycle; with ratios on both sides of 1 their product may peak
 * after the passage).
 */
export function agesOf(effects: readonly EffectOnRow[]): number[] {
  const longest = Math.max(1, ...effects.map((e) => e.duration));
  const ages = new Set<number>([0, 1, ...effects.map((e) => e.duration)]);
  if (effects.some((e) => e.waning !== 'none')) for (let a = 2; a < Math.min(longest, MAX_AGE_FOLLOWED); a++) ages.add(a);
  return [...ages].filter((a) => a < longest).sort((a, b) => a - b);
}

export const sumOf = (row: readonly RowTerm[]) => row.reduce((s, t) => s + t.value, 0);

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}

type Effect = NonNullable<Extract<LoadedDocument<'Logigramme'>['value']['nodes'][string], { type: 'action' }>['effects']>[number];

function effectOnRow(node: string, index: number, to: string, effect: Effect): EffectOnRow {
  return {
    node,
    index,
    to,
    hr: effect.hr,
    duration: Math.max(1, effect.duration ?? 1),
    waning: effect.waning ?? 'none',
    halfLife: effect['half-life'],
    stopsAfterExit: effect['after-exit'] === 'stop',
  };
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
      effects.push(effectOnRow(id, index, t.to, effect));
    });
    masks.set(id, mask);
  }
  if (effects.length === 0) return [];
  // The enrolled keep their lasting effects from one passage to the next: those sets enter again.
  const lasting = effects.reduce((mask, effect, bit) => (effect.duration > 1 ? mask | (1 << bit) : mask), 0);
  const { leaving } = effectCombinations(nodes, start, (id) => masks.get(id) ?? 0, undefined, lasting);
  return [...leaving].filter((mask) => mask !== 0).map((mask) => effects.filter((_, bit) => (mask & (1 << bit)) !== 0));
}
