/**
 * Cross-document references: each broken one is reported at the position of the reference,
 * with the closest existing id as a hint. A reference to a broken document (one that failed its
 * schema or its syntax, src/language/workspace.ts) resolves without a word: that document's own
 * error is the one to fix, and a second error here would send the author to the wrong file.
 */
import { t } from '../i18n/catalogue.js';
import type { PathReport } from './diagnostic.js';
import { shorten } from './diagnostic.js';
import { eventFlows, eventFlowsPath, parseTransition } from './schemas/index.js';
import type { Kind } from './schemas/index.js';
import { didYouMean, suggestionHint, suggestions, type Thing } from './suggest.js';
import type { LoadedDocument, Workspace } from './workspace.js';

type Path = (string | number)[];
type Member = 'stratum' | 'state' | 'actor' | 'source' | 'phase';

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

const KIND_THING: Record<Kind, Thing> = {
  Pyramid: 'pyramid',
  Logigramme: 'logigramme',
  Territory: 'territory',
  Program: 'program',
  Scenario: 'scenario',
  Actors: 'value',
  Targets: 'value',
  Calibration: 'value',
  ParameterSet: 'value',
  PathwayTest: 'value',
};

function unknownDocument(kind: Kind, id: string): string {
  switch (kind) {
    case 'Pyramid':
      return t('language.reference.unknown-pyramid', { id });
    case 'Logigramme':
      return t('language.reference.unknown-logigramme', { id });
    case 'Territory':
      return t('language.reference.unknown-territory', { id });
    case 'Program':
      return t('language.reference.unknown-program', { id });
    case 'Scenario':
      return t('language.reference.unknown-scenario', { id });
    case 'Actors':
      return t('language.reference.unknown-actors', { id });
    case 'Targets':
      return t('language.reference.unknown-targets', { id });
    case 'Calibration':
      return t('language.reference.unknown-calibration', { id });
    case 'ParameterSet':
      return t('language.reference.unknown-parameter-set', { id });
    case 'PathwayTest':
      return t('language.reference.unknown-pathway-test', { id });
  }
}

function unknownMember(what: Member, id: string): string {
  switch (what) {
    case 'stratum':
      return t('language.reference.unknown-stratum', { id });
    case 'state':
      return t('language.reference.unknown-state', { id });
    case 'actor':
      return t('language.reference.unknown-actor', { id });
    case 'source':
      return t('language.reference.unknown-source', { id });
    case 'phase':
      return t('language.reference.unknown-phase', { id });
  }
}

class ReferenceChecker {
  readonly reports: PathReport[] = [];
  constructor(
    readonly workspace: Workspace,
    readonly doc: LoadedDocument,
  ) {}

  /** A reference to another document by id (undefined, and no report, when it names a broken document). */
  document<K extends Kind>(kind: K, id: string, path: Path, atKey = false): LoadedDocument<K> | undefined {
    const found = this.workspace.index[kind].get(id);
    if (found || this.workspace.broken[kind].has(id)) return found;
    // A broken document's id counts as known here: "no document is loaded" would be false.
    const ids = [...new Set([...this.workspace.index[kind].keys(), ...[...this.workspace.broken[kind].values()].map((b) => b.id)])];
    const hint = suggestionHint(id, ids, KIND_THING[kind]) ?? t('language.reference.none-loaded', { kind });
    this.reports.push({ ruleId: 'known-reference', severity: 'error', message: unknownDocument(kind, shorten(id)), path, hint, ...(atKey ? { atKey } : {}) });
    return undefined;
  }

  /** An id that must be one of `known`; `hint` replaces the usual suggestion when the context knows better. */
  member(ruleId: string, what: Member, id: string, known: readonly string[], path: Path, atKey = false, hint = suggestionHint(id, known, what)): boolean {
    if (isKnown(id, known)) return true;
    this.reports.push({ ruleId, severity: 'error', message: unknownMember(what, shorten(id)), path, atKey, ...(hint ? { hint } : {}) });
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

/**
 * The actor ids of the workspace; `complete` is false when a broken Actors document may define
 * more than can be read (its syntax is broken): unknown actors are then not reported.
 */
function actorIds(workspace: Workspace): { ids: string[]; complete: boolean } {
  const ids = new Set<string>();
  for (const actorsDoc of workspace.index.Actors.values()) for (const id of Object.keys(actorsDoc.value.actors)) ids.add(id);
  let complete = true;
  for (const broken of workspace.broken.Actors.values()) {
    const actors = (broken.data as { actors?: unknown } | undefined)?.actors;
    if (broken.document.hasSyntaxErrors || actors === null || typeof actors !== 'object') complete = false;
    else for (const id of Object.keys(actors)) ids.add(id);
  }
  return { ids: [...ids], complete };
}

/**
 * "did you mean" for a logigramme's unknown stratum, ties resolved by context: the strata that
 * programs assign this logigramme to (`S5` among S0, S1, S2 is S1 when a program serves S1 with it).
 */
function stratumHint(workspace: Workspace, logigrammeId: string, stratum: string, strata: readonly string[]): string | undefined {
  const tied = suggestions(stratum, strata);
  if (tied.length > 1) {
    const served = new Set<string>();
    for (const program of workspace.index.Program.values()) {
      for (const [id, entry] of Object.entries(program.value.strata)) if (entry.logigramme === logigrammeId) served.add(id);
    }
    const inContext = tied.filter((id) => served.has(id));
    if (inContext.length === 1) return didYouMean(stratum, inContext);
  }
  return suggestionHint(stratum, strata, 'stratum');
}

function pyramidStates(pyramid: LoadedDocument<'Pyramid'>): { strata: string[]; states: string[] } {
  const strata = pyramid.value.strata.map((s) => s.id);
  return { strata, states: [...strata, ...pyramid.value.exits.map((e) => e.id)] };
}

function transitionEnds(check: ReferenceChecker, key: string, states: readonly string[], strata: readonly string[], path: Path, atKey = false): void {
  const transition = parseTransition(key);
  if (!transition) return;
  check.member('stratum-exists', 'stratum', transition.from, strata, path, atKey);
  check.member('stratum-exists', 'state', transition.to, states, path, atKey);
}

function pyramidReferences(check: ReferenceChecker, pyramid: LoadedDocument<'Pyramid'>): void {
  const { strata, states } = pyramidStates(pyramid);
  pyramid.value.transitions.forEach((transition, i) => {
    check.member('stratum-exists', 'stratum', transition.from, strata, ['transitions', i, 'from']);
    check.member('stratum-exists', 'state', transition.to, states, ['transitions', i, 'to']);
    check.sources(transition.source, ['transitions', i, 'source']);
  });
  pyramid.value.inflows.forEach((inflow, i) => {
    check.member('stratum-exists', 'stratum', inflow.to, strata, ['inflows', i, 'to']);
    if (inflow.of !== undefined && inflow.of !== 'population') check.member('stratum-exists', 'stratum', inflow.of, ['population', ...strata], ['inflows', i, 'of']);
    check.sources(inflow.source, ['inflows', i, 'source']);
  });
  for (const [name, event] of Object.entries(pyramid.value.events ?? {})) {
    eventFlows(event).forEach((flow, i) => transitionEnds(check, flow, states, strata, [...eventFlowsPath(event, name), i]));
    if (Array.isArray(event)) continue;
    check.sources(event.source, ['events', name, 'source']);
    (event.costs ?? []).forEach((cost, k) => check.sources(cost.source, ['events', name, 'costs', k, 'source']));
  }
  pyramid.value.strata.forEach((stratum, i) => {
    (stratum.costs ?? []).forEach((cost, k) => check.sources(cost.source, ['strata', i, 'costs', k, 'source']));
    check.sources(stratum['utility-source'], ['strata', i, 'utility-source']);
    if (typeof stratum.criteria === 'object') check.sources(stratum.criteria.source, ['strata', i, 'criteria', 'source']);
  });
  overlapReferences(check, pyramid, strata);
}

/** `overlaps`: the other pyramid exists and is another one, and the strata named exist on each side. */
function overlapReferences(check: ReferenceChecker, pyramid: LoadedDocument<'Pyramid'>, strata: readonly string[]): void {
  (pyramid.value.overlaps ?? []).forEach((overlap, i) => {
    const base = ['overlaps', i];
    overlap.strata.forEach((stratum, k) => check.member('stratum-exists', 'stratum', stratum, strata, [...base, 'strata', k]));
    check.sources(overlap.source, [...base, 'source']);
    if (overlap.pyramid === pyramid.value.id) {
      check.reports.push({ ruleId: 'known-reference', severity: 'error', message: t('language.reference.overlap-self', { id: overlap.pyramid }), path: [...base, 'pyramid'], hint: t('language.reference.overlap-self.hint') });
      return;
    }
    const other = check.document('Pyramid', overlap.pyramid, [...base, 'pyramid']);
    if (!other) return;
    const otherStrata = pyramidStates(other).strata;
    (overlap['other-strata'] ?? []).forEach((stratum, k) => check.member('stratum-exists', 'stratum', stratum, otherStrata, [...base, 'other-strata', k]));
  });
}

/** `evidence` (one entry or a list) of an action or a decision: its sources. */
function evidenceSources(check: ReferenceChecker, evidence: { source: unknown } | { source: unknown }[] | undefined, base: Path): void {
  if (evidence === undefined) return;
  if (Array.isArray(evidence)) evidence.forEach((e, i) => check.sources(e.source, [...base, 'evidence', i, 'source']));
  else check.sources(evidence.source, [...base, 'evidence', 'source']);
}

function logigrammeReferences(check: ReferenceChecker, logigramme: LoadedDocument<'Logigramme'>): void {
  const { workspace } = check;
  const value = logigramme.value;
  const pyramid = check.document('Pyramid', value.pyramid, ['pyramid']);
  const states = pyramid ? pyramidStates(pyramid) : undefined;
  if (states) check.member('stratum-exists', 'stratum', value.stratum, states.strata, ['stratum'], false, stratumHint(workspace, logigramme.id, value.stratum, states.strata));
  const actors = actorIds(workspace);
  const phases = Object.keys(value.phases ?? {});
  for (const [nodeId, node] of Object.entries(value.nodes)) {
    const base: Path = ['nodes', nodeId];
    if (node.phase !== undefined) check.member('known-reference', 'phase', node.phase, phases, [...base, 'phase']);
    if (node.type === 'action') {
      const noActors = actors.ids.length === 0 ? t('language.reference.no-actors') : undefined;
      if (actors.complete) check.member('known-actor', 'actor', node.actor, actors.ids, [...base, 'actor'], false, noActors);
      evidenceSources(check, node.evidence, base);
      (node.effects ?? []).forEach((effect, i) => {
        if (states) transitionEnds(check, effect.transition, states.states, states.strata, [...base, 'effects', i, 'transition']);
        check.sources(effect.source, [...base, 'effects', i, 'source']);
      });
      const move = node['move-to'];
      if (typeof move === 'object') check.sources(move.source, [...base, 'move-to', 'source']);
    }
    if (node.type === 'decision') {
      node.branches.forEach((branch, i) => check.sources(branch.source, [...base, 'branches', i, 'source']));
      check.sources(node.probabilities?.source, [...base, 'probabilities', 'source']);
      evidenceSources(check, node.evidence, base);
    }
    if (node.type === 'refer') check.document('Logigramme', node.logigramme, [...base, 'logigramme']);
  }
}

function territoryReferences(check: ReferenceChecker, territory: LoadedDocument<'Territory'>): void {
  check.sources(territory.value['population-source'], ['population-source']);
  for (const [pyramidId, entry] of Object.entries(territory.value.pyramids)) {
    const pyramid = check.document('Pyramid', pyramidId, ['pyramids', pyramidId], true);
    check.sources(entry.source, ['pyramids', pyramidId, 'source']);
    if (!pyramid) continue;
    const { strata, states } = pyramidStates(pyramid);
    for (const stratum of Object.keys(entry.counts)) check.member('stratum-exists', 'stratum', stratum, strata, ['pyramids', pyramidId, 'counts', stratum], true);
    for (const key of Object.keys(entry.multipliers ?? {})) transitionEnds(check, key, states, strata, ['pyramids', pyramidId, 'multipliers', key], true);
  }
  const actors = actorIds(check.workspace);
  for (const [actor, entry] of Object.entries(territory.value.workforce ?? {})) {
    if (actors.complete) check.member('known-actor', 'actor', actor, actors.ids, ['workforce', actor], true);
    check.sources(entry.source, ['workforce', actor, 'source']);
  }
}

function programReferences(check: ReferenceChecker, program: LoadedDocument<'Program'>): void {
  const pyramid = check.document('Pyramid', program.value.pyramid, ['pyramid']);
  const strata = pyramid ? pyramidStates(pyramid).strata : undefined;
  for (const [stratum, entry] of Object.entries(program.value.strata)) {
    if (strata) check.member('stratum-exists', 'stratum', stratum, strata, ['strata', stratum], true);
    check.document('Logigramme', entry.logigramme, ['strata', stratum, 'logigramme']);
    check.sources(entry.source, ['strata', stratum, 'source']);
  }
  for (const [id, cost] of Object.entries(program.value.costs ?? {})) check.sources(cost.source, ['costs', id, 'source']);
}

/**
 * A test's logigrammes and scenarios, and its sources. The nodes, variables and outcome paths it
 * names are the rules test-known-node, test-outcome-path and test-value-range's (src/lint/rules/).
 */
function pathwayTestReferences(check: ReferenceChecker, test: LoadedDocument<'PathwayTest'>): void {
  const value = test.value;
  if (value.logigramme !== undefined) check.document('Logigramme', value.logigramme, ['logigramme']);
  for (const group of ['paths', 'flows'] as const) {
    (value[group] ?? []).forEach((entry, i) => {
      if (entry.logigramme !== undefined) check.document('Logigramme', entry.logigramme, [group, i, 'logigramme']);
      else if (value.logigramme === undefined) {
        check.reports.push({ ruleId: 'known-reference', severity: 'error', message: t('language.reference.no-logigramme'), hint: t('language.reference.no-logigramme.hint'), path: [group, i], atKey: false });
      }
      check.sources(entry.source, [group, i, 'source']);
    });
  }
  (value.outcomes ?? []).forEach((entry, i) => {
    check.document('Scenario', entry.scenario, ['outcomes', i, 'scenario']);
    check.sources(entry.source, ['outcomes', i, 'source']);
  });
}

export function resolveReferences(workspace: Workspace, doc: LoadedDocument): PathReport[] {
  const check = new ReferenceChecker(workspace, doc);
  switch (doc.kind) {
    case 'Pyramid':
      pyramidReferences(check, doc as LoadedDocument<'Pyramid'>);
      break;
    case 'Logigramme':
      logigrammeReferences(check, doc as LoadedDocument<'Logigramme'>);
      break;
    case 'Actors': {
      const actors = doc as LoadedDocument<'Actors'>;
      for (const [id, actor] of Object.entries(actors.value.actors)) check.sources(actor.source, ['actors', id, 'source']);
      break;
    }
    case 'Territory':
      territoryReferences(check, doc as LoadedDocument<'Territory'>);
      break;
    case 'Program':
      programReferences(check, doc as LoadedDocument<'Program'>);
      break;
    case 'Scenario': {
      const scenario = doc as LoadedDocument<'Scenario'>;
      check.document('Pyramid', scenario.value.pyramid, ['pyramid']);
      scenario.value.territories.forEach((id, i) => check.document('Territory', id, ['territories', i]));
      check.document('Program', scenario.value.baseline, ['baseline']);
      check.document('Program', scenario.value.program, ['program']);
      (scenario.value['parameter-sets'] ?? []).forEach((id, i) => check.document('ParameterSet', id, ['parameter-sets', i]));
      break;
    }
    case 'Targets':
      (doc as LoadedDocument<'Targets'>).value.targets.forEach((target, i) => check.sources(target.source, ['targets', i, 'source']));
      break;
    case 'ParameterSet':
      check.sources((doc as LoadedDocument<'ParameterSet'>).value.source, ['source']);
      break;
    case 'PathwayTest':
      pathwayTestReferences(check, doc as LoadedDocument<'PathwayTest'>);
      break;
    case 'Calibration':
      // Only the priors' sources here: its scenario, targets and parameter paths are the rule calibration-reference's.
      (doc as LoadedDocument<'Calibration'>).value.parameters.forEach((entry, i) => check.sources(entry.source, ['parameters', i, 'source']));
      break;
  }
  return check.reports;
}
