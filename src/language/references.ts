/**
 * Cross-document references: each broken one is reported at the position of the reference,
 * with the closest existing id as a hint.
 */
import type { PathReport } from './diagnostic.js';
import { parseTransition } from './schemas/index.js';
import type { Kind } from './schemas/index.js';
import { suggestionHint } from './suggest.js';
import type { LoadedDocument, Workspace } from './workspace.js';

type Path = (string | number)[];

/** Each list of known ids as a set, built on first use: a document may hold thousands of references to one list. */
const knownSets = new WeakMap<readonly string[], Set<string>>();

function isKnown(id: string, known: readonly string[]): boolean {
  let set = knownSets.get(known);
  if (!set) {
    set = new Set(known);
    knownSets.set(known, set);
  }
  return set.has(id);
}

class ReferenceChecker {
  readonly reports: PathReport[] = [];
  constructor(
    readonly workspace: Workspace,
    readonly doc: LoadedDocument,
  ) {}

  /** A reference to another document by id. */
  document<K extends Kind>(kind: K, id: string, path: Path): LoadedDocument<K> | undefined {
    const found = this.workspace.index[kind].get(id);
    if (!found) {
      const ids = [...this.workspace.index[kind].keys()];
      const hint = suggestionHint(id, ids, `${kind.toLowerCase()} id`) ?? `no ${kind} document is loaded in this workspace; check logi.config.yaml \`include\``;
      this.reports.push({ ruleId: 'known-reference', severity: 'error', message: `unknown ${kind.toLowerCase()} \`${id}\``, path, hint });
    }
    return found;
  }

  member(ruleId: string, what: string, id: string, known: readonly string[], path: Path, atKey = false): boolean {
    if (isKnown(id, known)) return true;
    const hint = suggestionHint(id, known, what);
    this.reports.push({ ruleId, severity: 'error', message: `unknown ${what} \`${id}\``, path, atKey, ...(hint ? { hint } : {}) });
    return false;
  }

  private sourceIds: string[] | undefined;

  /** `source: id` or `source: [ids]` against this document's `sources`. */
  sources(value: unknown, path: Path): void {
    if (value === undefined) return;
    const known = (this.sourceIds ??= Object.keys((this.doc.value as { sources?: Record<string, unknown> }).sources ?? {}));
    if (Array.isArray(value)) value.forEach((id, i) => this.member('known-source', 'source', String(id), known, [...path, i]));
    else this.member('known-source', 'source', String(value), known, path);
  }
}

function pyramidStates(pyramid: LoadedDocument<'Pyramid'>): { strata: string[]; states: string[] } {
  const strata = pyramid.value.strata.map((s) => s.id);
  return { strata, states: [...strata, ...pyramid.value.exits.map((e) => e.id)] };
}

function transitionEnds(check: ReferenceChecker, key: string, states: readonly string[], strata: readonly string[], path: Path, atKey = false): void {
  const t = parseTransition(key);
  if (!t) return;
  check.member('stratum-exists', 'stratum', t.from, strata, path, atKey);
  check.member('stratum-exists', 'state', t.to, states, path, atKey);
}

export function resolveReferences(workspace: Workspace, doc: LoadedDocument): PathReport[] {
  const check = new ReferenceChecker(workspace, doc);
  switch (doc.kind) {
    case 'Pyramid': {
      const pyramid = doc as LoadedDocument<'Pyramid'>;
      const { strata, states } = pyramidStates(pyramid);
      pyramid.value.transitions.forEach((t, i) => {
        check.member('stratum-exists', 'stratum', t.from, strata, ['transitions', i, 'from']);
        check.member('stratum-exists', 'state', t.to, states, ['transitions', i, 'to']);
        check.sources(t.source, ['transitions', i, 'source']);
      });
      pyramid.value.inflows.forEach((inflow, i) => {
        check.member('stratum-exists', 'stratum', inflow.to, strata, ['inflows', i, 'to']);
        if (inflow.of !== undefined && inflow.of !== 'population') check.member('stratum-exists', 'stratum', inflow.of, ['population', ...strata], ['inflows', i, 'of']);
        check.sources(inflow.source, ['inflows', i, 'source']);
      });
      for (const [name, flows] of Object.entries(pyramid.value.events ?? {})) {
        flows.forEach((flow, i) => transitionEnds(check, flow, states, strata, ['events', name, i]));
      }
      break;
    }
    case 'Logigramme': {
      const logigramme = doc as LoadedDocument<'Logigramme'>;
      const value = logigramme.value;
      const pyramid = check.document('Pyramid', value.pyramid, ['pyramid']);
      const states = pyramid ? pyramidStates(pyramid) : undefined;
      if (states) check.member('stratum-exists', 'stratum', value.stratum, states.strata, ['stratum']);
      const actors = new Set<string>();
      for (const actorsDoc of workspace.index.Actors.values()) for (const id of Object.keys(actorsDoc.value.actors)) actors.add(id);
      const actorIds = [...actors];
      const phases = Object.keys(value.phases ?? {});
      for (const [nodeId, node] of Object.entries(value.nodes)) {
        const base: Path = ['nodes', nodeId];
        if (node.phase !== undefined) check.member('known-reference', 'phase', node.phase, phases, [...base, 'phase']);
        if (node.type === 'action') {
          if (workspace.index.Actors.size > 0) check.member('known-actor', 'actor', node.actor, actorIds, [...base, 'actor']);
          else check.reports.push({ ruleId: 'known-actor', severity: 'error', message: `unknown actor \`${node.actor}\``, path: [...base, 'actor'], hint: 'no Actors document is loaded in this workspace' });
          const evidence = node.evidence === undefined ? [] : Array.isArray(node.evidence) ? node.evidence : [node.evidence];
          evidence.forEach((e, i) => check.sources(e.source, Array.isArray(node.evidence) ? [...base, 'evidence', i, 'source'] : [...base, 'evidence', 'source']));
          (node.effects ?? []).forEach((effect, i) => {
            if (states) transitionEnds(check, effect.transition, states.states, states.strata, [...base, 'effects', i, 'transition']);
            check.sources(effect.source, [...base, 'effects', i, 'source']);
          });
        }
        if (node.type === 'decision') {
          node.branches.forEach((branch, i) => check.sources(branch.source, [...base, 'branches', i, 'source']));
          check.sources(node.probabilities?.source, [...base, 'probabilities', 'source']);
        }
        if (node.type === 'decision' && node.evidence !== undefined) {
          const evidence = Array.isArray(node.evidence) ? node.evidence : [node.evidence];
          evidence.forEach((e, i) => check.sources(e.source, Array.isArray(node.evidence) ? [...base, 'evidence', i, 'source'] : [...base, 'evidence', 'source']));
        }
        if (node.type === 'refer') check.document('Logigramme', node.logigramme, [...base, 'logigramme']);
      }
      break;
    }
    case 'Actors': {
      const actors = doc as LoadedDocument<'Actors'>;
      for (const [id, actor] of Object.entries(actors.value.actors)) check.sources(actor.source, ['actors', id, 'source']);
      break;
    }
    case 'Territory': {
      const territory = doc as LoadedDocument<'Territory'>;
      check.sources(territory.value['population-source'], ['population-source']);
      for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
        const pyramid = check.document('Pyramid', pyramidId, ['pyramids', pyramidId]);
        check.sources(entry.source, ['pyramids', pyramidId, 'source']);
        if (!pyramid) {
          check.reports[check.reports.length - 1]!.atKey = true;
          continue;
        }
        const { strata, states } = pyramidStates(pyramid);
        for (const stratum of Object.keys(entry.counts)) check.member('stratum-exists', 'stratum', stratum, strata, ['pyramids', pyramidId, 'counts', stratum], true);
        for (const key of Object.keys(entry.multipliers ?? {})) transitionEnds(check, key, states, strata, ['pyramids', pyramidId, 'multipliers', key], true);
      }
      const actors = new Set<string>();
      for (const actorsDoc of workspace.index.Actors.values()) for (const id of Object.keys(actorsDoc.value.actors)) actors.add(id);
      const actorIds = [...actors];
      for (const [actor, entry] of Object.entries(territory.value.workforce ?? {})) {
        check.member('known-actor', 'actor', actor, actorIds, ['workforce', actor], true);
        check.sources(entry.source, ['workforce', actor, 'source']);
      }
      break;
    }
    case 'Program': {
      const program = doc as LoadedDocument<'Program'>;
      const pyramid = check.document('Pyramid', program.value.pyramid, ['pyramid']);
      const strata = pyramid ? pyramidStates(pyramid).strata : undefined;
      for (const [stratum, entry] of Object.entries(program.value.strata)) {
        if (strata) check.member('stratum-exists', 'stratum', stratum, strata, ['strata', stratum], true);
        check.document('Logigramme', entry.logigramme, ['strata', stratum, 'logigramme']);
        check.sources(entry.source, ['strata', stratum, 'source']);
      }
      break;
    }
    case 'Scenario': {
      const scenario = doc as LoadedDocument<'Scenario'>;
      check.document('Pyramid', scenario.value.pyramid, ['pyramid']);
      scenario.value.territories.forEach((id, i) => check.document('Territory', id, ['territories', i]));
      check.document('Program', scenario.value.baseline, ['baseline']);
      check.document('Program', scenario.value.program, ['program']);
      break;
    }
  }
  return check.reports;
}
