import { referenceRule } from '../references.js';

/** Actions and workforce entries name an actor of an Actors document (found by the workspace loader). */
export default referenceRule('known-actor', 'Every `actor` of an action, and every workforce entry of a territory, is an actor of an Actors document.', ['Logigramme', 'Territory']);
