import { defineRule, docsPath } from '../rule.js';

/** Volumes are counted from frequencies: an action without one produces no acts. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'action-frequency-required',
    description: 'Every action says how often it is done (`frequency`), so that its volume can be counted.',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('action-frequency-required'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action' || node.frequency !== undefined) continue;
      report({
        path: ['nodes', id],
        atKey: true,
        message: `action \`${id}\` has no \`frequency\`: its volume of acts cannot be counted`,
        hint: 'add how many acts per person reaching this step, e.g. `frequency: { times: 1, per: year }`',
      });
    }
  },
});
