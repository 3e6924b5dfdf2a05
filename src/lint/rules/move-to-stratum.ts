import { t } from '../../i18n/catalogue.js';
import { byCodePoint } from '../../language/order.js';
import { parseMoveTo } from '../../language/schemas/index.js';
import { suggestionHint } from '../../language/suggest.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';

type Logigramme = LoadedDocument<'Logigramme'>;

/**
 * `move-to` on an action node moves the people who reach it to another stratum of the same
 * pyramid at the end of the cycle (docs/simulation.md, "Detection moves people"). So it names a
 * stratum of the logigramme's pyramid, other than the logigramme's own (a move there moves
 * nobody); not an exit (leaving by death is a transition of the pyramid), nor a stratum of another
 * pyramid. Only action nodes may carry it: the schema refuses it elsewhere. Its `event` may name a
 * new event, so it is not checked.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'move-to-stratum',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('move-to-stratum'),
  },
  check({ workspace, document, report }) {
    const pyramid = workspace.index.Pyramid.get(document.value.pyramid);
    if (!pyramid) return; // known-reference
    const strata = pyramid.value.strata.map((s) => s.id);
    const exits = new Set(pyramid.value.exits.map((e) => e.id));
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action') continue;
      const move = parseMoveTo(node['move-to']);
      if (!move) continue;
      const path = typeof node['move-to'] === 'string' ? ['nodes', id, 'move-to'] : ['nodes', id, 'move-to', 'stratum'];
      const finding = problemOf(workspace, document, move.stratum, strata, exits);
      if (finding) report({ path, ...finding });
    }
  },
});

function problemOf(workspace: Workspace, logigramme: Logigramme, target: string, strata: string[], exits: Set<string>): Omit<RuleReport, 'path'> | undefined {
  const { pyramid, stratum } = logigramme.value;
  if (target === stratum) {
    return { message: t('rules.move-to-stratum.own', { stratum }), hint: t('rules.move-to-stratum.own.hint', { others: strata.filter((s) => s !== stratum) }) };
  }
  if (strata.includes(target)) return undefined;
  if (exits.has(target)) return { message: t('rules.move-to-stratum.exit', { exit: target, pyramid }), hint: t('rules.move-to-stratum.exit.hint', { exit: target }) };
  const others = strata.filter((s) => s !== stratum);
  const elsewhere = [...workspace.index.Pyramid.values()].filter((p) => p.id !== pyramid && p.value.strata.some((s) => s.id === target)).map((p) => p.id).sort(byCodePoint);
  const message = elsewhere.length > 0 ? t('rules.move-to-stratum.other-pyramid', { target, pyramid, others: elsewhere }) : t('rules.move-to-stratum.unknown', { target, pyramid });
  return { message, hint: suggestionHint(target, others, 'stratum') ?? t('rules.move-to-stratum.no-other', { pyramid }) };
}
