/**
 * A FHIR Bundle written by `logi export fhir` (or one shaped the same way) back to a logi
 * Logigramme document. Everything is read from the FHIR elements docs/fhir.md maps, the keys FHIR
 * has no element for from logi's extensions. What logi cannot represent stops the import with the
 * element's path (FHIRPath notation) and the reason: ImportError.
 */
import { t } from '../i18n/catalogue.js';
import { emptyRecord } from '../language/records.js';
import { LogigrammeDocument } from '../language/schemas/logigramme.js';
import { CODE_SYSTEM, EXTENSION } from './canonical.js';
import { ConditionSyntaxError, fhirPathToWhen } from './conditions.js';
import { artifactsToEvidence, artifactsToSources } from './evidence.js';
import { CarriedKeysError, readCarriedKeys } from './keys.js';
import { readStratum } from './strata.js';
import { timingToFrequency } from './timing.js';
import type { ActivityDefinition, Bundle, Extension, Library, PlanAction, PlanDefinition, RelatedArtifact } from './types.js';

/** A bundle element logi cannot represent: where it is, and why. */
export class ImportError extends Error {
  constructor(
    readonly element: string,
    readonly reason: string,
  ) {
    super(`${element}: ${reason}`);
  }
}

const NODE_TYPES = new Set(['start', 'action', 'decision', 'end', 'refer']);

interface Context {
  bundle: Bundle;
  /** FHIR action id → logi node id. */
  nodeIds: Map<string, string>;
  activities: Map<string, { resource: ActivityDefinition; path: string }>;
}

function carried(extensions: Extension[] | undefined, path: string): Record<string, unknown> {
  try {
    return readCarriedKeys(extensions);
  } catch (error) {
    if (error instanceof CarriedKeysError) throw new ImportError(`${path}.extension`, t('fhir.import.keys-not-json', { url: EXTENSION.keys }));
    throw error;
  }
}

const extensionValue = (extensions: Extension[] | undefined, url: string) => extensions?.find((e) => e.url === url);

function logiIdOf(resource: { identifier?: Array<{ system?: string; value?: string }>; id?: string }): string | undefined {
  return resource.identifier?.find((i) => i.system === CODE_SYSTEM.logiId)?.value ?? resource.id;
}

/** The one PlanDefinition of the bundle, and its path. */
function findPlan(bundle: Bundle): { plan: PlanDefinition; path: string } {
  const plans = (bundle.entry ?? []).flatMap((entry, i) => (entry.resource?.resourceType === 'PlanDefinition' ? [{ plan: entry.resource as PlanDefinition, path: `Bundle.entry[${i}].resource` }] : []));
  if (plans.length !== 1) throw new ImportError('Bundle.entry', t('fhir.import.plan-count', { count: plans.length }));
  return plans[0]!;
}

function activitiesOf(bundle: Bundle): Context['activities'] {
  const activities: Context['activities'] = new Map();
  (bundle.entry ?? []).forEach((entry, i) => {
    const resource = entry.resource as ActivityDefinition | undefined;
    if (resource?.resourceType === 'ActivityDefinition' && resource.url !== undefined) activities.set(resource.url, { resource, path: `Bundle.entry[${i}].resource` });
  });
  return activities;
}

function nodeType(action: PlanAction, path: string): string {
  const code = action.code?.flatMap((c) => c.coding ?? []).find((c) => c.system === CODE_SYSTEM.nodeType)?.code;
  if (code === undefined || !NODE_TYPES.has(code)) throw new ImportError(`${path}.code`, t('fhir.import.node-type', { system: CODE_SYSTEM.nodeType }));
  return code;
}

/** The node an action leads to (its one `before-start` related action), if any. */
function nextOf(action: PlanAction, path: string, context: Context): string | undefined {
  const related = action.relatedAction ?? [];
  if (related.length === 0) return undefined;
  const [first] = related;
  if (related.length > 1 || first!.relationship !== 'before-start' || first!.actionId === undefined) throw new ImportError(`${path}.relatedAction`, t('fhir.import.related-action'));
  const node = context.nodeIds.get(first!.actionId);
  if (node === undefined) throw new ImportError(`${path}.relatedAction[0].actionId`, t('fhir.import.unknown-action', { id: first!.actionId }));
  return node;
}

function commonKeys(action: PlanAction, type: string): Record<string, unknown> {
  const phase = extensionValue(action.extension, EXTENSION.phase)?.valueId;
  return { type, label: action.title, ...(phase !== undefined ? { phase } : {}), ...(action.description !== undefined ? { note: action.description } : {}) };
}

function actionNode(action: PlanAction, path: string, context: Context): Record<string, unknown> {
  const found = action.definitionCanonical === undefined ? undefined : context.activities.get(action.definitionCanonical);
  if (!found) throw new ImportError(`${path}.definitionCanonical`, t('fhir.import.no-activity', { url: action.definitionCanonical ?? '' }));
  const { resource: activity, path: activityPath } = found;
  const actor = activity.participant?.[0]?.role?.coding?.find((c) => c.system === CODE_SYSTEM.actor)?.code;
  if (actor === undefined) throw new ImportError(`${activityPath}.participant`, t('fhir.import.no-actor', { system: CODE_SYSTEM.actor }));
  const frequency = activity.timingTiming === undefined ? undefined : timingToFrequency(activity.timingTiming);
  if (frequency === 'unreadable') throw new ImportError(`${activityPath}.timingTiming`, t('fhir.import.timing'));
  const evidence = evidenceAt(activity.relatedArtifact, `${activityPath}.relatedArtifact`);
  const next = nextOf(action, path, context);
  return {
    ...commonKeys(action, 'action'),
    actor,
    ...(frequency !== undefined ? { frequency } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
    ...carried(activity.extension, activityPath),
    ...(next !== undefined ? { next } : {}),
  };
}

function branchOf(branch: PlanAction, path: string, variable: string, context: Context): Record<string, unknown> {
  const expression = branch.condition?.find((c) => c.kind === 'applicability')?.expression;
  let when: Record<string, unknown> | undefined;
  if (expression !== undefined) {
    if (expression.language !== 'text/fhirpath' || expression.expression === undefined) throw new ImportError(`${path}.condition[0].expression`, t('fhir.import.condition-language'));
    try {
      const parsed = fhirPathToWhen(expression.expression);
      if (parsed.variable !== variable) throw new ImportError(`${path}.condition[0].expression.expression`, t('fhir.import.condition-variable', { found: parsed.variable, expected: variable }));
      const unit = extensionValue(branch.extension, EXTENSION.conditionUnit)?.valueString;
      when = { ...parsed.when, ...(unit !== undefined ? { unit } : {}) };
    } catch (error) {
      if (error instanceof ConditionSyntaxError) throw new ImportError(`${path}.condition[0].expression.expression`, t('fhir.import.condition-syntax', { expression: expression.expression }));
      throw error;
    }
  }
  const next = nextOf(branch, path, context);
  if (next === undefined) throw new ImportError(`${path}.relatedAction`, t('fhir.import.branch-next'));
  return { label: branch.description, ...(when !== undefined ? { when } : {}), ...carried(branch.extension, path), next };
}

function decisionNode(action: PlanAction, path: string, context: Context): Record<string, unknown> {
  const definition = extensionValue(action.extension, EXTENSION.variable)?.valueExpression;
  const keys = carried(action.extension, path);
  const variableName = definition?.name ?? 'value';
  const variable = definition?.name !== undefined ? { variable: { name: definition.name, ...(keys.variable as object | undefined) } } : {};
  const evidence = evidenceAt(action.documentation, `${path}.documentation`);
  const branches = (action.action ?? []).map((branch, i) => branchOf(branch, `${path}.action[${i}]`, variableName, context));
  return {
    ...commonKeys(action, 'decision'),
    ...variable,
    ...(keys.probabilities !== undefined ? { probabilities: keys.probabilities } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
    branches,
  };
}

function referNode(action: PlanAction, path: string, context: Context): Record<string, unknown> {
  const keys = carried(action.extension, path);
  const logigramme = (keys.logigramme as string | undefined) ?? action.definitionCanonical?.split('/').pop();
  if (logigramme === undefined) throw new ImportError(`${path}.definitionCanonical`, t('fhir.import.refer-target'));
  const next = nextOf(action, path, context);
  return { ...commonKeys(action, 'refer'), logigramme, ...(next !== undefined ? { next } : {}) };
}

function nodeOf(action: PlanAction, path: string, context: Context): Record<string, unknown> {
  const type = nodeType(action, path);
  if (action.title === undefined) throw new ImportError(`${path}.title`, t('fhir.import.no-title'));
  if (type === 'action') return actionNode(action, path, context);
  if (type === 'decision') return decisionNode(action, path, context);
  if (type === 'refer') return referNode(action, path, context);
  const next = nextOf(action, path, context);
  return { ...commonKeys(action, type), ...(next !== undefined ? { next } : {}) };
}

/** The root action (the stratum's applicability) and its steps, checked. */
function rootOf(plan: PlanDefinition, path: string): { root: PlanAction; stratum: string } {
  const root = plan.action?.[0];
  if (root === undefined || (plan.action?.length ?? 0) !== 1) throw new ImportError(`${path}.action`, t('fhir.import.root-action'));
  const stratum = readStratum(root.condition?.find((c) => c.kind === 'applicability'));
  if (stratum === undefined) throw new ImportError(`${path}.action[0].condition`, t('fhir.import.stratum'));
  if ((root.action ?? []).length === 0) throw new ImportError(`${path}.action[0].action`, t('fhir.import.no-nodes'));
  return { root, stratum };
}

function pyramidOf(bundle: Bundle, plan: PlanDefinition, path: string): string {
  const url = plan.library?.[0];
  if (url === undefined) throw new ImportError(`${path}.library`, t('fhir.import.no-library'));
  const library = (bundle.entry ?? []).map((e) => e.resource as Library | undefined).find((r) => r?.resourceType === 'Library' && r.url === url);
  return (library ? logiIdOf(library) : undefined) ?? url.split('/').pop()!;
}

/** The logigramme a bundle holds, as the object a YAML file of it would parse to. */
export function importBundle(bundle: Bundle): LogigrammeDocument {
  if (bundle?.resourceType !== 'Bundle') throw new ImportError('Bundle', t('fhir.import.not-bundle'));
  const { plan, path } = findPlan(bundle);
  const { root, stratum } = rootOf(plan, path);
  const steps = root.action!;
  const nodeIds = new Map(steps.map((a) => [a.id ?? '', extensionValue(a.extension, EXTENSION.nodeId)?.valueString ?? a.id ?? '']));
  const context: Context = { bundle, nodeIds, activities: activitiesOf(bundle) };
  // Ids come from the bundle: `__proto__` must be a key like any other, not the prototype.
  const nodes = emptyRecord<unknown>();
  steps.forEach((action, i) => {
    const stepPath = `${path}.action[0].action[${i}]`;
    if (action.id === undefined) throw new ImportError(`${stepPath}.id`, t('fhir.import.no-id'));
    nodes[nodeIds.get(action.id)!] = nodeOf(action, stepPath, context);
  });
  const keys = carried(plan.extension, path);
  const document = {
    kind: 'Logigramme',
    version: 1,
    id: logiIdOf(plan),
    title: plan.title,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    pyramid: pyramidOf(bundle, plan, path),
    stratum,
    start: nodeIds.get(steps[0]!.id!)!,
    ...(keys.phases !== undefined ? { phases: keys.phases } : {}),
    nodes,
    sources: artifactsToSourcesAt(plan, path),
  };
  return checked(document, path);
}

function evidenceAt(artifacts: RelatedArtifact[] | undefined, path: string): ReturnType<typeof artifactsToEvidence> {
  try {
    return artifactsToEvidence(artifacts);
  } catch (error) {
    if (error instanceof CarriedKeysError) throw new ImportError(path, t('fhir.import.keys-not-json', { url: EXTENSION.keys }));
    throw error;
  }
}

function artifactsToSourcesAt(plan: PlanDefinition, path: string): LogigrammeDocument['sources'] {
  try {
    return artifactsToSources(plan.relatedArtifact ?? []);
  } catch (error) {
    if (error instanceof CarriedKeysError) throw new ImportError(`${path}.relatedArtifact`, t('fhir.import.keys-not-json', { url: EXTENSION.keys }));
    throw error;
  }
}

/** The document through logi's schema: what it refuses is named by its logi path. */
function checked(document: Record<string, unknown>, path: string): LogigrammeDocument {
  const result = LogigrammeDocument.safeParse(document);
  if (result.success) return document as LogigrammeDocument;
  const issue = result.error.issues[0]!;
  throw new ImportError(path, t('fhir.import.schema', { key: issue.path.join('.'), message: issue.message }));
}
