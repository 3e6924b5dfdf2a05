import { defineRule, docsPath } from '../rule.js';

/** Exactly one start node, and `start:` names it. */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'start-required',
    description: 'A logigramme has exactly one node of type `start`, and `start:` names it.',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('start-required'),
  },
  check({ document, report }) {
    const { nodes, start } = document.value;
    const starts = Object.keys(nodes).filter((id) => nodes[id]!.type === 'start');
    if (starts.length === 0) {
      report({
        path: ['nodes'],
        atKey: true,
        message: 'this logigramme has no start node',
        hint: `add a node with \`type: start\` that leads to the first step${Object.prototype.hasOwnProperty.call(nodes, start) ? '' : `, with the id \`${start}\` named in \`start:\``}`,
      });
      return;
    }
    const named = Object.prototype.hasOwnProperty.call(nodes, start) ? nodes[start]! : undefined;
    if (named && named.type !== 'start') {
      report({
        path: ['start'],
        message: `\`start\` names \`${start}\`, a node of type ${named.type}, not a start node`,
        hint: starts.length === 1 ? `did you mean \`${starts[0]}\`?` : 'name the node of type `start`',
      });
    }
    if (starts.length > 1) {
      const keep = starts.includes(start) ? start : starts[0]!;
      for (const id of starts) {
        if (id === keep) continue;
        report({
          path: ['nodes', id, 'type'],
          message: `a second start node (\`${keep}\` is the start): a logigramme has exactly one`,
          hint: 'people enter a logigramme at one place; make this node an action, or split the logigramme',
        });
      }
    }
  },
});
