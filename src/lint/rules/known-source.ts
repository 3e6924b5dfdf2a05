import { referenceRule } from '../references.js';

/** Every `source:` cites an entry of the document's own `sources` (found by the workspace loader). */
export default referenceRule('known-source', 'Every `source:` (evidence, effects, branches, transitions, counts…) cites an entry of the document\'s `sources`.', [
  'Pyramid',
  'Logigramme',
  'Actors',
  'Territory',
  'Program',
  'Targets',
  'Calibration',
  'ParameterSet',
  'PathwayTest',
]);
