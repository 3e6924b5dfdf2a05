import { findCycles } from '../../graph/index.js';
import { defineRule, docsPath } from '../rule.js';

/** A logigramme is a flowchart without loops: repeating a step is its frequency. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'no-cycle',
    description: 'No loops: repeating a step is written as its `frequency`, not as a path back to it.',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('no-cycle'),
  },
  check({ document, report }) {
    const { nodes, start } = document.value;
    for (const cycle of findCycles(nodes, start)) {
      const { from, to, branch } = cycle.edge;
      const path = branch === undefined ? ['nodes', from, 'next'] : ['nodes', from, 'branches', branch, 'next'];
      report({
        path,
        message: from === to ? `\`${from}\` leads back to itself` : `this goes back to \`${to}\`, making a loop: ${cycle.nodes.join(' → ')}`,
        hint: 'a logigramme is followed once per cycle: repetition is a frequency (e.g. `frequency: { times: 4, per: year }`), not a loop; lead to a later step or an end node',
      });
    }
  },
});
