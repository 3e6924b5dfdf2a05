/**
 * `logi schema --workspace`: the generic schemas, plus the ids the workspace defines offered
 * where they are cited (src/language/references.ts): actors at a node's `actor`, pyramids,
 * strata, phases, logigrammes, territories, programs and sources, each with its title as the
 * completion's documentation.
 *
 * The ids are offered, not imposed: a value is `anyOf: [{enum: ids}, the generic id]`, so an id
 * added after the schemas were written is not an error in the editor (the linter, which reads
 * the workspace afresh, is the judge of references).
 */
import path from 'node:path';
import { translate } from '../../i18n/catalogue.js';
import type { Lang } from '../../i18n/language.js';
import { type Kind, KINDS } from '../schemas/index.js';
import type { LoadedDocument, Workspace } from '../workspace.js';
import { isSchema, locateSchemas, schemasAt, walkSchema, type JsonSchema } from './walk.js';

export interface IdOption {
  id: string;
  description: string;
}

/** Ids in the order first met, an id defined twice keeping both descriptions. */
class IdList {
  private readonly byId = new Map<string, string[]>();
  add(id: string, description: string): void {
    const descriptions = this.byId.get(id);
    if (descriptions) descriptions.push(description);
    else this.byId.set(id, [description]);
  }
  get options(): IdOption[] {
    return [...this.byId].map(([id, descriptions]) => ({ id, description: descriptions.join('\n') }));
  }
}

export interface WorkspaceIds {
  actors: IdOption[];
  pyramids: IdOption[];
  strata: IdOption[];
  /** Strata and exits: where a transition may lead. */
  states: IdOption[];
  transitions: IdOption[];
  logigrammes: IdOption[];
  phases: IdOption[];
  territories: IdOption[];
  programs: IdOption[];
  /** Sources are cited within their document: offered per kind, from every document of that kind. */
  sources: Record<Kind, IdOption[]>;
  strataByPyramid: Map<string, IdOption[]>;
  transitionsByPyramid: Map<string, IdOption[]>;
}

function relativeFile(workspace: Workspace, doc: LoadedDocument): string {
  return path.relative(workspace.root, doc.source.absolutePath).split(path.sep).join('/');
}

function pyramidIds(doc: LoadedDocument<'Pyramid'>, lang: Lang, lists: { strata: IdList; states: IdList; transitions: IdList }): { strata: IdOption[]; transitions: IdOption[] } {
  const own = { strata: new IdList(), transitions: new IdList() };
  for (const stratum of doc.value.strata) {
    const description = translate(lang, 'editor.workspace.stratum', { title: stratum.title, pyramid: doc.id });
    for (const list of [lists.strata, lists.states, own.strata]) list.add(stratum.id, description);
  }
  for (const exit of doc.value.exits) lists.states.add(exit.id, translate(lang, 'editor.workspace.exit', { title: exit.title, pyramid: doc.id }));
  for (const transition of doc.value.transitions) {
    const description = translate(lang, 'editor.workspace.transition', { from: transition.from, to: transition.to, pyramid: doc.id });
    for (const list of [lists.transitions, own.transitions]) list.add(`${transition.from}->${transition.to}`, description);
  }
  return { strata: own.strata.options, transitions: own.transitions.options };
}

/** Every id the workspace defines, described in `lang` by its title and where it is defined. */
export function collectWorkspaceIds(workspace: Workspace, lang: Lang): WorkspaceIds {
  const lists = {
    actors: new IdList(), pyramids: new IdList(), strata: new IdList(), states: new IdList(), transitions: new IdList(),
    logigrammes: new IdList(), phases: new IdList(), territories: new IdList(), programs: new IdList(),
  };
  const sources = new Map<Kind, IdList>();
  const strataByPyramid = new Map<string, IdOption[]>();
  const transitionsByPyramid = new Map<string, IdOption[]>();
  for (const doc of workspace.documents) {
    const title = (doc.value as { title?: string }).title ?? doc.id;
    const defined = translate(lang, 'editor.workspace.document', { title, file: relativeFile(workspace, doc) });
    if (doc.kind === 'Actors') {
      for (const [id, actor] of Object.entries((doc as LoadedDocument<'Actors'>).value.actors)) lists.actors.add(id, translate(lang, 'editor.workspace.actor', { title: actor.title, registry: doc.id }));
    } else if (doc.kind === 'Pyramid') {
      lists.pyramids.add(doc.id, defined);
      const own = pyramidIds(doc as LoadedDocument<'Pyramid'>, lang, lists);
      strataByPyramid.set(doc.id, own.strata);
      transitionsByPyramid.set(doc.id, own.transitions);
    } else if (doc.kind === 'Logigramme') {
      lists.logigrammes.add(doc.id, defined);
      for (const [id, phase] of Object.entries((doc as LoadedDocument<'Logigramme'>).value.phases ?? {})) lists.phases.add(id, translate(lang, 'editor.workspace.phase', { label: phase.label, logigramme: doc.id }));
    } else if (doc.kind === 'Territory') lists.territories.add(doc.id, defined);
    else if (doc.kind === 'Program') lists.programs.add(doc.id, defined);
    const kindSources = sources.get(doc.kind) ?? new IdList();
    sources.set(doc.kind, kindSources);
    for (const [id, source] of Object.entries((doc.value as { sources?: Record<string, { title: string }> }).sources ?? {})) kindSources.add(id, translate(lang, 'editor.workspace.source', { title: source.title, document: doc.id }));
  }
  const options = Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.options])) as Omit<WorkspaceIds, 'sources' | 'strataByPyramid' | 'transitionsByPyramid'>;
  const sourcesByKind = Object.fromEntries(KINDS.map((kind) => [kind, sources.get(kind as Kind)?.options ?? []])) as Record<Kind, IdOption[]>;
  return { ...options, sources: sourcesByKind, strataByPyramid, transitionsByPyramid };
}

type IdsOf = (ids: WorkspaceIds) => IdOption[];

/** Where a document of each kind cites an id by value (src/language/references.ts). */
const VALUE_TARGETS: Readonly<Partial<Record<Kind, readonly (readonly [string, IdsOf])[]>>> = {
  Pyramid: [
    ['transitions.*.from', (ids) => ids.strata],
    ['transitions.*.to', (ids) => ids.states],
    ['inflows.*.to', (ids) => ids.strata],
    ['events.*.*', (ids) => ids.transitions],
  ],
  Logigramme: [
    ['pyramid', (ids) => ids.pyramids],
    ['stratum', (ids) => ids.strata],
    ['nodes.*.actor', (ids) => ids.actors],
    ['nodes.*.phase', (ids) => ids.phases],
    ['nodes.*.logigramme', (ids) => ids.logigrammes],
    ['nodes.*.effects.*.transition', (ids) => ids.transitions],
    ['nodes.*.move-to', (ids) => ids.strata],
    ['nodes.*.move-to.stratum', (ids) => ids.strata],
  ],
  Program: [
    ['pyramid', (ids) => ids.pyramids],
    ['strata.*.logigramme', (ids) => ids.logigrammes],
    ['costs.*.strata.*', (ids) => ids.strata],
  ],
  Scenario: [
    ['pyramid', (ids) => ids.pyramids],
    ['territories.*', (ids) => ids.territories],
    ['baseline', (ids) => ids.programs],
    ['program', (ids) => ids.programs],
  ],
  Targets: [
    ['pyramid', (ids) => ids.pyramids],
    ['targets.*.territory', (ids) => ids.territories],
    ['targets.*.count.*', (ids) => ids.states],
    ['targets.*.flow.from.*', (ids) => ids.strata],
    ['targets.*.flow.to.*', (ids) => ids.states],
    ['targets.*.per.count.*', (ids) => ids.states],
  ],
};

/** Where a document cites ids as the keys of a map: a program's strata, a territory's pyramids and workforce. */
const KEY_TARGETS: Readonly<Partial<Record<Kind, readonly (readonly [string, IdsOf])[]>>> = {
  Program: [['strata', (ids) => ids.strata]],
  Territory: [
    ['pyramids', (ids) => ids.pyramids],
    ['workforce', (ids) => ids.actors],
  ],
};

const SOURCE_KEYS = new Set(['source', 'population-source', 'utility-source']);

/** An id value (or a `source` that is an id or a list of ids) now offers `options`. */
function offerIds(node: JsonSchema, options: IdOption[]): void {
  if (options.length === 0) return;
  if (node.examples !== undefined) node.examples = options.slice(0, 3).map((o) => o.id);
  if (node.type !== 'string') {
    for (const form of (node.anyOf ?? []) as unknown[]) {
      if (!isSchema(form)) continue;
      if (form.type === 'string') offerIds(form, options);
      else if (form.type === 'array' && isSchema(form.items)) offerIds(form.items, options);
    }
    return;
  }
  const { description, examples, ...generic } = node;
  for (const key of Object.keys(node)) delete node[key];
  if (description !== undefined) node.description = description;
  if (examples !== undefined) node.examples = examples;
  // The value fails both forms only when it is no id at all: the editor then says what an id is.
  const error = typeof generic.patternErrorMessage === 'string' ? { errorMessage: generic.patternErrorMessage } : {};
  node.anyOf = [{ type: 'string', enum: options.map((o) => o.id), enumDescriptions: options.map((o) => o.description), ...error }, generic];
}

/**
 * A map whose keys are ids now lists `options` as its known keys, each described. A known key's
 * value refers to the map's generic entry (`$ref`) rather than copying it, so that the schema
 * stays small however many ids the workspace has; `refine` adds to one key's value.
 */
function offerKeys(map: JsonSchema, mapPointer: string, options: IdOption[], refine?: (id: string, value: JsonSchema) => void): void {
  if (!isSchema(map.additionalProperties) || options.length === 0) return;
  const entry = map.additionalProperties;
  const sample = Array.isArray(map.examples) && isSchema(map.examples[0]) ? Object.values(map.examples[0])[0] : undefined;
  const known: Record<string, JsonSchema> = {};
  for (const option of options) {
    const value: JsonSchema = {
      allOf: [{ $ref: `${mapPointer}/additionalProperties` }],
      description: typeof entry.description === 'string' ? `${option.description}\n\n${entry.description}` : option.description,
      examples: structuredClone(Array.isArray(entry.examples) ? entry.examples : [sample]),
    };
    refine?.(option.id, value);
    known[option.id] = value;
  }
  map.properties = { ...(isSchema(map.properties) ? map.properties : {}), ...known };
}

/** In a territory, each pyramid's `counts` and `multipliers` are keyed by that pyramid's strata and transitions. */
function refineTerritoryPyramid(schema: JsonSchema, ids: WorkspaceIds): (id: string, value: JsonSchema) => void {
  const generic = (key: string) => locateSchemas(schema, ['pyramids', '*', key])[0];
  return (pyramid, value) => {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, options] of [['counts', ids.strataByPyramid.get(pyramid)], ['multipliers', ids.transitionsByPyramid.get(pyramid)]] as const) {
      const found = generic(key);
      if (!found || !options || options.length === 0) continue;
      const map: JsonSchema = { description: found.node.description, examples: structuredClone(found.node.examples), additionalProperties: found.node.additionalProperties };
      offerKeys(map, found.pointer, options);
      delete map.additionalProperties;
      properties[key] = map;
    }
    if (Object.keys(properties).length > 0) value.properties = properties;
  };
}

/** The generic schema of `kind`, changed in place to offer the workspace's ids. */
export function offerWorkspaceIds(schema: JsonSchema, kind: Kind, ids: WorkspaceIds): void {
  for (const [where, idsOf] of VALUE_TARGETS[kind] ?? []) for (const node of schemasAt(schema, where.split('.'))) offerIds(node, idsOf(ids));
  const citations: JsonSchema[] = [];
  walkSchema(schema, (node, at, role) => {
    if (role === 'property' && SOURCE_KEYS.has(at[at.length - 1]!)) citations.push(node);
  });
  for (const node of citations) offerIds(node, ids.sources[kind]);
  for (const [where, idsOf] of KEY_TARGETS[kind] ?? []) {
    const refine = kind === 'Territory' && where === 'pyramids' ? refineTerritoryPyramid(schema, ids) : undefined;
    for (const { node, pointer } of locateSchemas(schema, where.split('.'))) offerKeys(node, pointer, idsOf(ids), refine);
  }
}
