import { t } from '../../i18n/catalogue.js';
import { parseMoveTo } from '../../language/schemas/index.js';
import { locate } from '../../language/source.js';
import { suggestionHint } from '../../language/suggest.js';
import type { LoadedDocument, Workspace } from '../../language/workspace.js';
import { defineRule, docsPath, type DocPath, type RuleReport } from '../rule.js';

type Pyramid = LoadedDocument<'Pyramid'>;
type Report = (report: RuleReport) => void;

/**
 * What a Targets document names exists where the simulation will look for it (docs/language.md,
 * "Targets"): its pyramid; each state of `count`, `flow` and `per.count` in that pyramid (a flow
 * leaves a stratum: an exit is never left); each `event` among the pyramid's `events` or the
 * events that a `move-to` of a logigramme of that pyramid names (src/sim/model.ts adds those
 * moves to the events); each `territory` a Territory that counts people of that pyramid; target
 * ids unique in the document. A target that names nothing the model computes would be compared
 * with zero.
 */
export default defineRule<'Targets'>({
  meta: {
    id: 'target-reference',
    severity: 'error',
    kinds: ['Targets'],
    docs: docsPath('target-reference'),
  },
  check({ workspace, document, report }) {
    const pyramidId = document.value.pyramid;
    const pyramid = workspace.index.Pyramid.get(pyramidId);
    if (!pyramid && !workspace.broken.Pyramid.has(pyramidId)) {
      const known = [...workspace.index.Pyramid.keys()];
      report({ path: ['pyramid'], message: t('rules.target-reference.unknown-pyramid', { pyramid: pyramidId }), hint: suggestionHint(pyramidId, known, 'pyramid') ?? t('rules.target-reference.no-pyramid') });
    }
    checkUniqueIds(document, report);
    checkTerritories(workspace, document, report);
    if (pyramid) checkStatesAndEvents(workspace, document, pyramid, report);
  },
});

function checkUniqueIds(document: LoadedDocument<'Targets'>, report: Report): void {
  const first = new Map<string, number>();
  document.value.targets.forEach((target, i) => {
    const earlier = first.get(target.id);
    if (earlier === undefined) first.set(target.id, i);
    else {
      const line = locate(document.source, document.document, ['targets', earlier, 'id']).start.line;
      report({ path: ['targets', i, 'id'], message: t('rules.target-reference.duplicate-id', { id: target.id, line }), hint: t('rules.target-reference.duplicate-id.hint') });
    }
  });
}

function checkTerritories(workspace: Workspace, document: LoadedDocument<'Targets'>, report: Report): void {
  const pyramidId = document.value.pyramid;
  document.value.targets.forEach((target, i) => {
    if (target.territory === undefined) return;
    const territory = workspace.index.Territory.get(target.territory);
    if (!territory) {
      if (workspace.broken.Territory.has(target.territory)) return;
      const known = [...workspace.index.Territory.keys()];
      report({ path: ['targets', i, 'territory'], message: t('rules.target-reference.unknown-territory', { territory: target.territory }), hint: suggestionHint(target.territory, known, 'territory') ?? t('rules.target-reference.no-territory') });
    } else if (!Object.hasOwn(territory.value.pyramids, pyramidId)) {
      report({ path: ['targets', i, 'territory'], message: t('rules.target-reference.territory-without-pyramid', { territory: target.territory, pyramid: pyramidId }), hint: t('rules.target-reference.territory-without-pyramid.hint', { pyramid: pyramidId }) });
    }
  });
}

/** The events a target may measure: the pyramid's own, then those the move-to of its logigrammes name. */
export function pyramidEvents(workspace: Workspace, pyramid: Pyramid): string[] {
  const events = new Set(Object.keys(pyramid.value.events ?? {}));
  for (const logigramme of workspace.index.Logigramme.values()) {
    if (logigramme.value.pyramid !== pyramid.id) continue;
    for (const node of Object.values(logigramme.value.nodes)) {
      const event = node.type === 'action' ? parseMoveTo(node['move-to'])?.event : undefined;
      if (event !== undefined) events.add(event);
    }
  }
  return [...events];
}

function checkStatesAndEvents(workspace: Workspace, document: LoadedDocument<'Targets'>, pyramid: Pyramid, report: Report): void {
  const strata = pyramid.value.strata.map((s) => s.id);
  const exits = pyramid.value.exits.map((e) => e.id);
  const states = [...strata, ...exits];
  const state = (id: string, path: DocPath, leaving = false) => {
    if (leaving && exits.includes(id)) {
      report({ path, message: t('rules.target-reference.leaves-exit', { exit: id }), hint: t('rules.target-reference.leaves-exit.hint') });
    } else if (!states.includes(id)) {
      report({ path, message: t('rules.target-reference.unknown-state', { state: id, pyramid: pyramid.id }), hint: suggestionHint(id, leaving ? strata : states, leaving ? 'stratum' : 'state') });
    }
  };
  const events = pyramidEvents(workspace, pyramid);
  document.value.targets.forEach((target, i) => {
    const base: DocPath = ['targets', i];
    target.count?.forEach((id, k) => state(id, [...base, 'count', k]));
    target.flow?.from.forEach((id, k) => state(id, [...base, 'flow', 'from', k], true));
    target.flow?.to.forEach((id, k) => state(id, [...base, 'flow', 'to', k]));
    if (typeof target.per === 'object') target.per.count.forEach((id, k) => state(id, [...base, 'per', 'count', k]));
    if (target.event !== undefined && !events.includes(target.event)) {
      report({
        path: [...base, 'event'],
        message: t('rules.target-reference.unknown-event', { event: target.event, pyramid: pyramid.id }),
        hint: suggestionHint(target.event, events) ?? t('rules.target-reference.no-events', { pyramid: pyramid.id }),
      });
    }
  });
}
