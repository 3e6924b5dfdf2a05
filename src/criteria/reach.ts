/**
 * Which strata no patient can reach (docs/rules/criteria-unreachable-stratum.md), by exhaustive
 * search over the distinct atoms of the criteria. Atoms are independent propositions, except the
 * numeric tests of one variable — `age`, or one lab test read the same way (`value`) over the same
 * window — whose truths must come from one value (or, for a lab, from no value at all: every test
 * of it false). This admits more patients than exist (a patient both F and M, a code both matched
 * and not), never fewer: a stratum found unreachable is unreachable for every real patient.
 */
import { accepts } from '../graph/coverage.js';
import { assignmentOrder, type PyramidCriteria } from './parse.js';
import type { Criterion, NumericTest } from './types.js';

/** Above this many distinct atoms the search (at most 2^atoms combinations, a quarter of a second at 18) is skipped. */
export const MAX_ATOMS = 18;

export type Unreachable =
  /** Its criterion accepts no patient at all. */
  | { stratum: string; why: 'impossible' }
  /** Every patient its criterion accepts is outside the pyramid's population. */
  | { stratum: string; why: 'population' }
  /**
   * Every patient its criterion accepts (in the population) is taken by a stratum evaluated
   * before it: `earlier` lists those that take some of them, in the order evaluated.
   */
  | { stratum: string; why: 'taken'; earlier: string[] };

export type ReachResult = { searched: true; unreachable: Unreachable[] } | { searched: false; atoms: number };

type Evaluate = (truths: Uint8Array) => boolean;

interface NumericGroup {
  atoms: number[];
  tests: NumericTest[];
  wholeNumbers: boolean;
  /** A lab test may have no value in the window: every test of it is then false. */
  mayBeMissing: boolean;
}

/** Atom numbering and grouping: the distinct atoms, and the numeric variables that tie some of them together. */
class Atoms {
  readonly keys = new Map<string, number>();
  readonly groups = new Map<string, NumericGroup>();

  index(atom: Criterion): number {
    const key = canonical(atom);
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const index = this.keys.size;
    this.keys.set(key, index);
    const variable = numericVariable(atom);
    if (variable) {
      const group = this.groups.get(variable.key) ?? { atoms: [], tests: [], wholeNumbers: variable.wholeNumbers, mayBeMissing: variable.mayBeMissing };
      group.atoms.push(index);
      group.tests.push(variable.test);
      this.groups.set(variable.key, group);
    }
    return index;
  }

  compile(criterion: Criterion): Evaluate {
    switch (criterion.kind) {
      case 'all': {
        const parts = criterion.of.map((c) => this.compile(c));
        return (truths) => parts.every((p) => p(truths));
      }
      case 'any': {
        const parts = criterion.of.map((c) => this.compile(c));
        return (truths) => parts.some((p) => p(truths));
      }
      case 'not': {
        const inner = this.compile(criterion.of);
        return (truths) => !inner(truths);
      }
      default: {
        const i = this.index(criterion);
        return (truths) => truths[i] === 1;
      }
    }
  }
}

function numericVariable(atom: Criterion): { key: string; test: NumericTest; wholeNumbers: boolean; mayBeMissing: boolean } | undefined {
  if (atom.kind === 'age') return { key: 'age', test: atom.test, wholeNumbers: true, mayBeMissing: false };
  if (atom.kind === 'lab') return { key: `lab ${atom.lab} ${atom.value} ${atom.withinMonths ?? ''}`, test: atom.test, wholeNumbers: false, mayBeMissing: true };
  return undefined;
}

/** JSON with keys sorted: the same atom written twice is one atom. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function boundsOf(test: NumericTest): number[] {
  return [test.lt, test.lte, test.gt, test.gte, test.eq, ...(test.in ?? []), ...(test.between ?? [])].filter((x): x is number => x !== undefined);
}

/**
 * Values that meet every piece of the line cut at the bounds: each bound, a value inside each
 * open piece between two bounds, and one beyond each end. For whole numbers (age, from 0), the
 * whole numbers next to each bound, which meet every piece holding a whole number.
 */
function candidates(group: NumericGroup): number[] {
  const bounds = [...new Set(group.tests.flatMap(boundsOf))].sort((a, b) => a - b);
  if (bounds.length === 0) return [0];
  if (group.wholeNumbers) {
    const near = bounds.flatMap((b) => [Math.floor(b) - 1, Math.floor(b), Math.ceil(b), Math.ceil(b) + 1]);
    return [...new Set(near.filter((x) => x >= 0))];
  }
  const between = bounds.slice(1).map((b, i) => bounds[i]! + (b - bounds[i]!) / 2);
  return [bounds[0]! - 1, ...bounds, ...between, bounds[bounds.length - 1]! + 1];
}

/** The joint truths of a group's atoms that one patient can have: as many patterns as distinct ones. */
function groupStates(group: NumericGroup): number[][] {
  const seen = new Map<string, number[]>();
  const states = candidates(group).map((x) => group.tests.map((test) => (accepts(test, x) ? 1 : 0)));
  if (group.mayBeMissing) states.push(group.tests.map(() => 0));
  for (const state of states) seen.set(state.join(''), state);
  return [...seen.values()];
}

/**
 * The strata of the assignment order that no combination of atom truths reaches, with why; the
 * search is skipped above MAX_ATOMS distinct atoms.
 */
export function unreachableStrata(criteria: PyramidCriteria, maxAtoms = MAX_ATOMS): ReachResult {
  const order = assignmentOrder(criteria);
  const atoms = new Atoms();
  const population = criteria.population ? atoms.compile(criteria.population) : () => true;
  const rules = order.map((s) => atoms.compile(s.rule!));
  if (atoms.keys.size > maxAtoms) return { searched: false, atoms: atoms.keys.size };
  const alone = rules.map(() => false);
  const inPopulation = rules.map(() => false);
  const assigned = rules.map(() => false);
  // takers[k]: the strata evaluated before k that take some patient of the population that k accepts.
  const takers = rules.map(() => new Set<number>());
  const holds = rules.map(() => false);
  let unassigned = rules.length;
  forEachCombination(atoms, (truths) => {
    let first = -1;
    for (let k = 0; k < rules.length; k++) {
      holds[k] = rules[k]!(truths);
      if (holds[k]) alone[k] = true;
    }
    if (!population(truths)) return true;
    for (let k = 0; k < rules.length; k++) {
      if (!holds[k]) continue;
      inPopulation[k] = true;
      if (first < 0) first = k;
      else takers[k]!.add(first);
    }
    if (first >= 0 && !assigned[first]) {
      assigned[first] = true;
      unassigned--;
    }
    // Once every stratum has a patient, nothing more is to be found.
    return unassigned > 0;
  });
  const unreachable: Unreachable[] = [];
  order.forEach((s, k) => {
    if (!alone[k]) unreachable.push({ stratum: s.stratum, why: 'impossible' });
    else if (!inPopulation[k]) unreachable.push({ stratum: s.stratum, why: 'population' });
    else if (!assigned[k]) unreachable.push({ stratum: s.stratum, why: 'taken', earlier: order.filter((_, i) => takers[k]!.has(i)).map((e) => e.stratum) });
  });
  return { searched: true, unreachable };
}

/**
 * Calls `visit` with every combination of truths (two for a free atom, each possible pattern for a
 * numeric group), until it returns false.
 */
function forEachCombination(atoms: Atoms, visit: (truths: Uint8Array) => boolean): void {
  const grouped = new Set([...atoms.groups.values()].flatMap((g) => g.atoms));
  const choices: { atoms: number[]; states: number[][] }[] = [...atoms.groups.values()].map((g) => ({ atoms: g.atoms, states: groupStates(g) }));
  for (let i = 0; i < atoms.keys.size; i++) if (!grouped.has(i)) choices.push({ atoms: [i], states: [[0], [1]] });
  const truths = new Uint8Array(atoms.keys.size);
  const at = choices.map(() => 0);
  const set = (c: number) => {
    const choice = choices[c]!;
    const state = choice.states[at[c]!]!;
    for (let j = 0; j < choice.atoms.length; j++) truths[choice.atoms[j]!] = state[j]!;
  };
  choices.forEach((_, c) => set(c));
  // An odometer over the choices: only the digits that change are written again.
  for (;;) {
    if (!visit(truths)) return;
    let c = 0;
    while (c < choices.length && ++at[c]! === choices[c]!.states.length) {
      at[c] = 0;
      set(c++);
    }
    if (c === choices.length) return;
    set(c);
  }
}
