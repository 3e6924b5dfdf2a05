/**
 * The first step of a witness (docs/stratify.md, "Synthetic data"): what must be true of a patient
 * for a set of wishes (criterion, wanted truth), reduced at random to atoms with their wanted
 * truth. `all` wanted true wants each child; `any` wanted true wants one child, drawn; `not` flips;
 * `all` wanted false wants one child false, drawn; `any` wanted false wants every child false.
 */
import type { Criterion, CodePatterns } from '../criteria/types.js';
import type { Uniform } from '../sim/random.js';

export type Atom = Exclude<Criterion, { kind: 'all' } | { kind: 'any' } | { kind: 'not' }>;
export type AtomOf<K extends Atom['kind']> = Extract<Atom, { kind: K }>;

export interface Literal {
  atom: Atom;
  /** Whether the atom must hold (true) or must not (false). */
  holds: boolean;
}

export function pick<T>(items: readonly T[], u: Uniform): T {
  return items[Math.floor(u() * items.length)]!;
}

/** Adds to `out` atoms whose wanted truths make `criterion` evaluate to `wanted`. */
export function chooseLiterals(criterion: Criterion, wanted: boolean, u: Uniform, out: Literal[]): void {
  switch (criterion.kind) {
    case 'not':
      chooseLiterals(criterion.of, !wanted, u, out);
      return;
    case 'all':
      if (wanted) for (const child of criterion.of) chooseLiterals(child, true, u, out);
      else chooseLiterals(pick(criterion.of, u), false, u, out);
      return;
    case 'any':
      if (wanted) chooseLiterals(pick(criterion.of, u), true, u, out);
      else for (const child of criterion.of) chooseLiterals(child, false, u, out);
      return;
    default:
      out.push({ atom: criterion, holds: wanted });
  }
}

/** The code patterns each kind of row is read with, anywhere in some criteria: background rows avoid them. */
export interface UsedPatterns {
  diagnosis: CodePatterns;
  dispensation: CodePatterns;
  act: CodePatterns;
  stay: CodePatterns;
  /** A `stay` criterion without a main diagnosis reads every stay: then no background stay. */
  anyStay: boolean;
  labs: Set<string>;
}

export function usedPatterns(criteria: readonly Criterion[]): UsedPatterns {
  const used: UsedPatterns = { diagnosis: [], dispensation: [], act: [], stay: [], anyStay: false, labs: new Set() };
  const visit = (c: Criterion): void => {
    switch (c.kind) {
      case 'all':
      case 'any':
        c.of.forEach(visit);
        return;
      case 'not':
        visit(c.of);
        return;
      case 'diagnosis':
        used.diagnosis.push(...c.codes);
        return;
      case 'dispensation':
        used.dispensation.push(...c.atc);
        return;
      case 'act':
        used.act.push(...c.codes);
        return;
      case 'stay':
        if (c.mainDiagnosis) used.stay.push(...c.mainDiagnosis);
        else used.anyStay = true;
        return;
      case 'lab':
        used.labs.add(c.lab);
        return;
      default:
    }
  };
  criteria.forEach(visit);
  return used;
}
