import { referenceRule } from '../references.js';

/** Documents refer to each other by id: every id resolves (found by the workspace loader). */
export default referenceRule(
  'known-reference',
  'Every id that names another document resolves: a logigramme\'s pyramid, a program\'s logigrammes, a scenario\'s territories and programs, a referral, a phase, the other pyramid of an overlap.',
  ['Pyramid', 'Logigramme', 'Territory', 'Program', 'Scenario', 'PathwayTest'],
);
