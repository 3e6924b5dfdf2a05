/**
 * Where numeric parameters live in the documents, and what each stands for (its constraint): the
 * table that lint's parameter-feasible rule walks. The model compiler (src/sim/model.ts) reads the
 * same places with the same constraints; test/sim/refusals.test.ts checks that they agree.
 */
import { type Parameter, type TimeVarying, timeVaryingParameters } from '../../language/schemas/index.js';
import type { LoadedDocument } from '../../language/workspace.js';
import { isOnce, parseFrequency } from '../../language/schemas/logigramme.js';
import type { Constraint } from './forms.js';

export interface ParameterPlace {
  path: (string | number)[];
  raw: Parameter;
  constraint: Constraint;
  /**
   * `annual-change` of a `trend`: any number above −1 (a fall of 100 % a year or more would make
   * the value zero or negative). The constraint is `any`; parameter-feasible checks the bound.
   */
  annualChange?: true;
}

type Add = (path: (string | number)[], raw: Parameter | undefined, constraint: Constraint) => void;

/**
 * The parameters of a value that may change with the calendar year: each value of `by-year`, a
 * trend's `start` with the constraint of what the value stands for, and its `annual-change`.
 */
function addTimeVarying(places: ParameterPlace[], path: (string | number)[], value: TimeVarying | undefined, constraint: Constraint): void {
  if (value === undefined) return;
  for (const inner of timeVaryingParameters(value)) {
    if (inner.role === 'change') places.push({ path: [...path, ...inner.path], raw: inner.value, constraint: 'any', annualChange: true });
    else places.push({ path: [...path, ...inner.path], raw: inner.value, constraint });
  }
}

function pyramidPlaces(places: ParameterPlace[], pyramid: LoadedDocument<'Pyramid'>['value']): void {
  pyramid.transitions.forEach((t, i) => addTimeVarying(places, ['transitions', i, 'p'], t.p, 'probability'));
  pyramid.inflows.forEach((inflow, i) => {
    addTimeVarying(places, ['inflows', i, 'count'], inflow.count, 'non-negative');
    addTimeVarying(places, ['inflows', i, 'rate'], inflow.rate, 'non-negative');
  });
  // The economic values (docs/economics.md): state costs, utilities, event costs.
  pyramid.strata.forEach((stratum, s) => {
    (stratum.costs ?? []).forEach((cost, k) => addTimeVarying(places, ['strata', s, 'costs', k, 'per-year'], cost['per-year'], 'non-negative'));
    if (stratum.utility !== undefined) places.push({ path: ['strata', s, 'utility'], raw: stratum.utility, constraint: 'any' });
  });
  for (const [name, event] of Object.entries(pyramid.events ?? {})) {
    if (Array.isArray(event)) continue;
    (event.costs ?? []).forEach((cost, k) => places.push({ path: ['events', name, 'costs', k, 'per-event'], raw: cost['per-event'], constraint: 'non-negative' }));
  }
}

function logigrammePlaces(add: Add, logigramme: LoadedDocument<'Logigramme'>['value']): void {
  for (const [id, node] of Object.entries(logigramme.nodes)) {
    if (node.type === 'action') {
      (node.effects ?? []).forEach((effect, k) => {
        add(['nodes', id, 'effects', k, 'hr'], effect.hr, 'positive');
        add(['nodes', id, 'effects', k, 'half-life'], effect['half-life'], 'positive');
      });
      if (typeof node.frequency === 'object' && 'times' in node.frequency) add(['nodes', id, 'frequency', 'times'], node.frequency.times, 'non-negative');
      // A one-off act: the model registers its one act per passage at the frequency itself (src/sim/model.ts).
      else if (isOnce(parseFrequency(node.frequency))) add(['nodes', id, 'frequency'], 1, 'non-negative');
      add(['nodes', id, 'minutes'], node.minutes, 'non-negative');
      add(['nodes', id, 'cost'], node.cost, 'non-negative');
      const move = node['move-to'];
      if (typeof move === 'object') add(['nodes', id, 'move-to', 'p'], move.p, 'probability');
    }
    if (node.type === 'decision' && !node.probabilities) node.branches.forEach((branch, k) => add(['nodes', id, 'branches', k, 'p'], branch.p, 'probability'));
  }
}

function programPlaces(add: Add, places: ParameterPlace[], program: LoadedDocument<'Program'>['value']): void {
  for (const [stratum, entry] of Object.entries(program.strata)) {
    const coverage = entry.coverage;
    if (typeof coverage === 'object' && 'ramp' in coverage) {
      // Increments on the baseline's coverage may be negative; their sum is clamped to [0, 1].
      coverage.ramp.forEach((value, k) => add(['strata', stratum, 'coverage', 'ramp', k], value, coverage['relative-to'] ? 'any' : 'probability'));
    } else add(['strata', stratum, 'coverage'], coverage, 'probability');
    add(['strata', stratum, 'retention'], entry.retention, 'probability');
  }
  for (const [id, cost] of Object.entries(program.costs ?? {})) {
    add(['costs', id, 'per-year'], cost['per-year'], 'non-negative');
    add(['costs', id, 'per-enrolled-year'], cost['per-enrolled-year'], 'non-negative');
    addTimeVarying(places, ['costs', id, 'per-person-year'], cost['per-person-year'], 'non-negative');
  }
}

export function parameterPlaces(document: LoadedDocument): ParameterPlace[] {
  const places: ParameterPlace[] = [];
  const add: Add = (path, raw, constraint) => {
    if (raw !== undefined) places.push({ path, raw, constraint });
  };
  switch (document.kind) {
    case 'Pyramid':
      pyramidPlaces(places, (document as LoadedDocument<'Pyramid'>).value);
      break;
    case 'Actors':
      for (const [id, actor] of Object.entries((document as LoadedDocument<'Actors'>).value.actors)) {
        add(['actors', id, 'minutes-per-act'], actor['minutes-per-act'], 'non-negative');
        add(['actors', id, 'cost-per-act'], actor['cost-per-act'], 'non-negative');
      }
      break;
    case 'Logigramme':
      logigrammePlaces(add, (document as LoadedDocument<'Logigramme'>).value);
      break;
    case 'Territory':
      for (const [pyramid, entry] of Object.entries((document as LoadedDocument<'Territory'>).value.pyramids)) {
        for (const [key, m] of Object.entries(entry.multipliers ?? {})) addTimeVarying(places, ['pyramids', pyramid, 'multipliers', key], m, 'positive');
      }
      break;
    case 'Program':
      programPlaces(add, places, (document as LoadedDocument<'Program'>).value);
      break;
  }
  return places;
}
