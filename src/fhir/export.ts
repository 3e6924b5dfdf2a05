/**
 * A logigramme as a FHIR R4 Bundle (type collection) following HL7's Clinical Practice Guidelines
 * on FHIR (CPG-on-FHIR): a PlanDefinition whose actions are the nodes, an ActivityDefinition per
 * action node, and the pyramid's strata as a Library. Pure: the same documents give the same bytes.
 * The mapping, element by element, is docs/fhir.md.
 */
import { variableKind, type Condition } from '../graph/index.js';
import type { LogigrammeDocument, LogigrammeNode } from '../language/schemas/logigramme.js';
import { parseFrequency } from '../language/schemas/logigramme.js';
import type { PyramidDocument } from '../language/schemas/pyramid.js';
import {
  activityId,
  canonicalUrl,
  CODE_SYSTEM,
  computableName,
  CPG_COMPUTABLE_ACTIVITY,
  CPG_COMPUTABLE_PLAN,
  EXTENSION,
  fhirId,
} from './canonical.js';
import { DEFAULT_VARIABLE, variableExpression, whenToFhirPath } from './conditions.js';
import { evidenceToArtifacts, sourcesToArtifacts } from './evidence.js';
import { carriedKeys } from './keys.js';
import { professionCoding } from './professions.js';
import { frequencyToTiming } from './timing.js';
import type { ActivityDefinition, Bundle, Extension, Library, PlanAction, PlanDefinition } from './types.js';
import { strataLibrary, stratumApplicability } from './strata.js';

/** A decision with branches that have no structured `when`: those are exported with their labels only. */
export interface ExportWarning {
  logigramme: string;
  node: string;
  /** The labels of the branches without `when`, in order. */
  branches: string[];
}

export interface ExportInput {
  logigramme: LogigrammeDocument;
  /** The logigramme's pyramid, when the workspace has it. */
  pyramid?: PyramidDocument | undefined;
  /** Actor id → title, from the Actors documents. */
  actorTitles: Readonly<Record<string, string>>;
}

type Node<T extends LogigrammeNode['type']> = Extract<LogigrammeNode, { type: T }>;

const identifier = (logiId: string) => [{ system: CODE_SYSTEM.logiId, value: logiId }];

/** The FHIR action id of a node, and the extension keeping the node id when it is not one. */
function actionIdentity(node: string): { id: string; extension: Extension[] } {
  const id = fhirId(node);
  return { id, extension: id === node ? [] : [{ url: EXTENSION.nodeId, valueString: node }] };
}

function commonAction(id: string, node: LogigrammeNode): PlanAction {
  const identity = actionIdentity(id);
  const extension = [...identity.extension, ...(node.phase !== undefined ? [{ url: EXTENSION.phase, valueId: node.phase }] : [])];
  return {
    ...(extension.length > 0 ? { extension } : {}),
    id: identity.id,
    title: node.label,
    ...(node.note !== undefined ? { description: node.note } : {}),
    code: [{ coding: [{ system: CODE_SYSTEM.nodeType, code: node.type }] }],
  };
}

const followedBy = (next: string) => [{ actionId: fhirId(next), relationship: 'before-start' }];

function branchAction(decision: Node<'decision'>, index: number, variable: string, warnings: (label: string) => void): PlanAction {
  const branch = decision.branches[index]!;
  const extension = [
    ...(branch.when?.unit !== undefined ? [{ url: EXTENSION.conditionUnit, valueString: branch.when.unit }] : []),
    ...[carriedKeys(branch, ['p', 'source', 'note'])].filter((e): e is Extension => e !== undefined),
  ];
  if (branch.when === undefined) warnings(branch.label);
  const condition = branch.when === undefined
    ? {}
    : { condition: [{ kind: 'applicability', expression: { language: 'text/fhirpath', expression: whenToFhirPath(variable, branch.when) } }] };
  return {
    ...(extension.length > 0 ? { extension } : {}),
    description: branch.label,
    ...(branch.when === undefined ? { documentation: [{ type: 'documentation', display: branch.label }] } : {}),
    ...condition,
    relatedAction: followedBy(branch.next),
  };
}

function decisionAction(id: string, node: Node<'decision'>, sources: LogigrammeDocument['sources'], warn: (label: string) => void): PlanAction {
  const base = commonAction(id, node);
  const variable = node.variable?.name ?? DEFAULT_VARIABLE;
  const categorical = variableKind({ conditions: node.branches.map((b) => b.when as Condition | undefined) }) === 'categorical';
  const definition: Extension = {
    url: EXTENSION.variable,
    valueExpression: { name: variable, language: 'text/fhirpath', expression: variableExpression(variable, categorical) },
  };
  // The variable's name is the `variable` extension's; its unit and range have no FHIR element.
  const { name: _name, ...range } = node.variable ?? { name: '' };
  const carried = carriedKeys({ variable: Object.keys(range).length > 0 ? range : undefined, probabilities: node.probabilities }, ['variable', 'probabilities']);
  const documentation = evidenceToArtifacts(node.evidence, sources);
  return {
    ...base,
    extension: [...(base.extension ?? []), ...(node.variable !== undefined ? [definition] : []), ...(carried ? [carried] : [])],
    ...(documentation.length > 0 ? { documentation } : {}),
    groupingBehavior: 'logical-group',
    selectionBehavior: 'exactly-one',
    action: node.branches.map((_, i) => branchAction(node, i, variable, warn)),
  };
}

function nodeAction(logigramme: LogigrammeDocument, id: string, warn: (node: string, label: string) => void): PlanAction {
  const node = logigramme.nodes[id]!;
  if (node.type === 'decision') return withoutEmptyExtension(decisionAction(id, node, logigramme.sources, (label) => warn(id, label)));
  const base = commonAction(id, node);
  const definition = node.type === 'action'
    ? { definitionCanonical: canonicalUrl('ActivityDefinition', activityId(logigramme.id, id)) }
    : node.type === 'refer' ? { definitionCanonical: canonicalUrl('PlanDefinition', node.logigramme) } : {};
  // A referral to a logigramme whose id is no FHIR id keeps the id, which its canonical URL lost.
  const target = node.type === 'refer' && fhirId(node.logigramme) !== node.logigramme ? [carriedKeys(node, ['logigramme'])!] : [];
  const extension = [...(base.extension ?? []), ...target];
  const next = 'next' in node && node.next !== undefined ? { relatedAction: followedBy(node.next) } : {};
  return { ...base, ...(extension.length > 0 ? { extension } : {}), ...definition, ...next };
}

function withoutEmptyExtension(action: PlanAction): PlanAction {
  if (action.extension?.length !== 0) return action;
  const { extension: _empty, ...rest } = action;
  return rest;
}

function activityDefinition(logigramme: LogigrammeDocument, id: string, node: Node<'action'>, actorTitles: Readonly<Record<string, string>>): ActivityDefinition {
  const logiId = activityId(logigramme.id, id);
  const standard = professionCoding(node.actor);
  const actorTitle = Object.prototype.hasOwnProperty.call(actorTitles, node.actor) ? actorTitles[node.actor] : undefined;
  const frequency = parseFrequency(node.frequency);
  const carried = carriedKeys(node, ['minutes', 'cost', 'effects', 'move-to', 'done-when']);
  const artifacts = evidenceToArtifacts(node.evidence, logigramme.sources);
  return {
    resourceType: 'ActivityDefinition',
    id: fhirId(logiId),
    meta: { profile: [CPG_COMPUTABLE_ACTIVITY] },
    ...(carried ? { extension: [carried] } : {}),
    url: canonicalUrl('ActivityDefinition', logiId),
    identifier: identifier(logiId),
    name: computableName(logiId),
    title: node.label,
    status: 'draft',
    ...(artifacts.length > 0 ? { relatedArtifact: artifacts } : {}),
    kind: 'ServiceRequest',
    participant: [{
      type: 'practitioner',
      role: {
        coding: [...(standard ? [standard] : []), { system: CODE_SYSTEM.actor, code: node.actor, ...(actorTitle !== undefined ? { display: actorTitle } : {}) }],
        ...(actorTitle !== undefined ? { text: actorTitle } : {}),
      },
    }],
    ...(frequency ? { timingTiming: frequencyToTiming(frequency) } : {}),
  };
}

function planDefinition(input: ExportInput, warn: (node: string, label: string) => void): PlanDefinition {
  const { logigramme, pyramid } = input;
  const carried = carriedKeys(logigramme, ['phases']);
  const sources = sourcesToArtifacts(logigramme.sources);
  return {
    resourceType: 'PlanDefinition',
    id: fhirId(logigramme.id),
    meta: { profile: [CPG_COMPUTABLE_PLAN] },
    ...(carried ? { extension: [carried] } : {}),
    url: canonicalUrl('PlanDefinition', logigramme.id),
    identifier: identifier(logigramme.id),
    name: computableName(logigramme.id),
    title: logigramme.title,
    type: { coding: [{ system: CODE_SYSTEM.planDefinitionType, code: 'clinical-protocol' }] },
    status: 'draft',
    subjectCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/resource-types', code: 'Patient' }] },
    ...(logigramme.description !== undefined ? { description: logigramme.description } : {}),
    ...(sources.length > 0 ? { relatedArtifact: sources } : {}),
    library: [canonicalUrl('Library', logigramme.pyramid)],
    action: [{
      title: logigramme.title,
      condition: [stratumApplicability(logigramme.pyramid, logigramme.stratum, pyramid)],
      action: orderedNodes(logigramme).map((id) => nodeAction(logigramme, id, warn)),
    }],
  };
}

/** The nodes in document order, the start node first (the importer takes the first as `start`). */
function orderedNodes(logigramme: LogigrammeDocument): string[] {
  const ids = Object.keys(logigramme.nodes);
  return [logigramme.start, ...ids.filter((id) => id !== logigramme.start)].filter((id) => Object.prototype.hasOwnProperty.call(logigramme.nodes, id));
}

/** The bundle of one logigramme, and the decisions whose branches went without a condition. */
export function exportLogigramme(input: ExportInput): { bundle: Bundle; warnings: ExportWarning[] } {
  const { logigramme } = input;
  const warnings: ExportWarning[] = [];
  const plan = planDefinition(input, (node, branch) => {
    const last = warnings[warnings.length - 1];
    if (last?.node === node) last.branches.push(branch);
    else warnings.push({ logigramme: logigramme.id, node, branches: [branch] });
  });
  const library: Library = strataLibrary(logigramme.pyramid, input.pyramid);
  const activities = orderedNodes(logigramme).flatMap((id) => {
    const node = logigramme.nodes[id]!;
    return node.type === 'action' ? [activityDefinition(logigramme, id, node, input.actorTitles)] : [];
  });
  const entry = [plan, library, ...activities].map((resource) => ({ fullUrl: resource.url!, resource }));
  return { bundle: { resourceType: 'Bundle', id: fhirId(logigramme.id), type: 'collection', entry }, warnings };
}
