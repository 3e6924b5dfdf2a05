import { defineRule, docsPath } from '../rule.js';

/**
 * Clinicians want evidence attached to every step (DESIGN, "who uses it"). Off in `recommended`,
 * where drafts start without their references; an error in `strict`, for published content.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'evidence-required',
    description: 'Every action cites its evidence (`evidence: {source, grade}`) (strict preset).',
    severity: 'off',
    kinds: ['Logigramme'],
    docs: docsPath('evidence-required'),
  },
  check({ document, report }) {
    const sources = Object.keys(document.value.sources);
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action' || node.evidence !== undefined) continue;
      report({
        path: ['nodes', id],
        atKey: true,
        message: `action \`${id}\` cites no evidence`,
        hint: sources.length > 0
          ? `add \`evidence: { source: ${sources[0]}, grade: … }\` citing an entry of \`sources\``
          : 'add the recommendation to `sources` and cite it: `evidence: { source: <id>, grade: … }`',
      });
    }
  },
});
