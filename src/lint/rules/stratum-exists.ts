import { referenceRule } from '../references.js';

/** Strata and exits named anywhere exist in the pyramid (found by the workspace loader). */
export default referenceRule(
  'stratum-exists',
  'Every stratum or exit named (transitions, inflows, events, a logigramme\'s stratum, a territory\'s counts and multipliers, a program\'s strata, an effect) exists in the pyramid.',
  ['Pyramid', 'Logigramme', 'Territory', 'Program'],
);
