/**
 * Where numeric parameters live in the documents, and what each stands for (its constraint): the
 * table that lint's parameter-feasible rule walks. The model compiler (src/sim/model.ts) reads the
 * same places with the same constraints; test/sim/refusals.test.ts checks that they agree.
 */
import type { Parameter } from '../../language/schemas/index.js';
import type { LoadedDocument } from '../../language/workspace.js';
import type { Constraint } from './forms.js';

export interface ParameterPlace {
  path: (string | number)[];
  raw: Parameter;
  constraint: Constraint;
}

export function parameterPlaces(document: LoadedDocument): ParameterPlace[] {
  const places: ParameterPlace[] = [];
  const add = (path: (string | number)[], raw: Parameter | undefined, constraint: Constraint) => {
    if (raw !== undefined) places.push({ path, raw, constraint });
  };
  switch (document.kind) {
    case 'Pyramid': {
      const pyramid = (document as LoadedDocument<'Pyramid'>).value;
      pyramid.transitions.forEach((t, i) => add(['transitions', i, 'p'], t.p, 'probability'));
      pyramid.inflows.forEach((inflow, i) => {
        add(['inflows', i, 'count'], inflow.count, 'non-negative');
        add(['inflows', i, 'rate'], inflow.rate, 'non-negative');
      });
      break;
    }
    case 'Actors':
      for (const [id, actor] of Object.entries((document as LoadedDocument<'Actors'>).value.actors)) {
        add(['actors', id, 'minutes-per-act'], actor['minutes-per-act'], 'non-negative');
        add(['actors', id, 'cost-per-act'], actor['cost-per-act'], 'non-negative');
      }
      break;
    case 'Logigramme':
      for (const [id, node] of Object.entries((document as LoadedDocument<'Logigramme'>).value.nodes)) {
        if (node.type === 'action') {
          (node.effects ?? []).forEach((effect, k) => add(['nodes', id, 'effects', k, 'hr'], effect.hr, 'positive'));
          if (typeof node.frequency === 'object') add(['nodes', id, 'frequency', 'times'], node.frequency.times, 'non-negative');
          add(['nodes', id, 'minutes'], node.minutes, 'non-negative');
          add(['nodes', id, 'cost'], node.cost, 'non-negative');
        }
        if (node.type === 'decision' && !node.probabilities) node.branches.forEach((branch, k) => add(['nodes', id, 'branches', k, 'p'], branch.p, 'probability'));
      }
      break;
    case 'Territory':
      for (const [pyramid, entry] of Object.entries((document as LoadedDocument<'Territory'>).value.pyramids)) {
        for (const [key, m] of Object.entries(entry.multipliers ?? {})) add(['pyramids', pyramid, 'multipliers', key], m, 'positive');
      }
      break;
    case 'Program':
      for (const [stratum, entry] of Object.entries((document as LoadedDocument<'Program'>).value.strata)) {
        const coverage = entry.coverage;
        if (typeof coverage === 'object' && 'ramp' in coverage) {
          // Increments on the baseline's coverage may be negative; their sum is clamped to [0, 1].
          coverage.ramp.forEach((value, k) => add(['strata', stratum, 'coverage', 'ramp', k], value, coverage['relative-to'] ? 'any' : 'probability'));
        } else add(['strata', stratum, 'coverage'], coverage, 'probability');
      }
      break;
  }
  return places;
}
