/**
 * Walking a generated JSON Schema by the paths of the document it describes: `nodes.*.label`
 * names the `label` of any node, whichever alternative of a union (`anyOf`, `oneOf`, `allOf`,
 * `then`) declares it. Paths are the keys of src/language/schema-docs/<kind>.ts.
 */
export type JsonSchema = Record<string, unknown>;

const UNIONS = ['anyOf', 'oneOf', 'allOf'] as const;
const BRANCHES = ['then', 'else'] as const;

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The alternatives that describe the same value as `schema` (its unions and conditional branches), with their JSON pointers. */
function alternatives(schema: JsonSchema, pointer: string): { node: JsonSchema; pointer: string }[] {
  const found: { node: JsonSchema; pointer: string }[] = [];
  for (const keyword of UNIONS) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((node, i) => isSchema(node) && found.push({ node, pointer: `${pointer}/${keyword}/${i}` }));
  }
  for (const keyword of BRANCHES) {
    const node = schema[keyword];
    if (isSchema(node)) found.push({ node, pointer: `${pointer}/${keyword}` });
  }
  return found;
}

/** A property name as a segment of a JSON pointer (RFC 6901). */
function pointerSegment(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `property`: a key of `properties`; `entry`: the value of a map (`additionalProperties`) or of a list (`items`). */
export type Role = 'property' | 'entry';

export type Visitor = (node: JsonSchema, path: readonly string[], role: Role, pointer: string) => void;

/**
 * Calls `visit` for every property and every map or list entry under `schema`, with its path and
 * its JSON pointer from `schema` (`#/properties/nodes/additionalProperties`). A schema reached
 * through several alternatives is visited once per alternative.
 */
export function walkSchema(schema: JsonSchema, visit: Visitor, path: readonly string[] = [], pointer = '#'): void {
  for (const alternative of alternatives(schema, pointer)) walkSchema(alternative.node, visit, path, alternative.pointer);
  if (isSchema(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isSchema(property)) continue;
      const at = `${pointer}/properties/${pointerSegment(name)}`;
      visit(property, [...path, name], 'property', at);
      walkSchema(property, visit, [...path, name], at);
    }
  }
  for (const keyword of ['additionalProperties', 'items'] as const) {
    const entry = schema[keyword];
    if (!isSchema(entry)) continue;
    visit(entry, [...path, '*'], 'entry', `${pointer}/${keyword}`);
    walkSchema(entry, visit, [...path, '*'], `${pointer}/${keyword}`);
  }
}

/** Every subschema at `path`, through unions and conditional branches, with its JSON pointer. */
export function locateSchemas(schema: JsonSchema, path: readonly string[]): { node: JsonSchema; pointer: string }[] {
  const found: { node: JsonSchema; pointer: string }[] = [];
  walkSchema(schema, (node, at, _role, pointer) => {
    if (at.length === path.length && at.every((segment, i) => segment === path[i])) found.push({ node, pointer });
  });
  return found;
}

/** Every subschema at `path`, through unions and conditional branches. */
export function schemasAt(schema: JsonSchema, path: readonly string[]): JsonSchema[] {
  return locateSchemas(schema, path).map((found) => found.node);
}

/** Every schema object below `schema`, itself included, whatever keyword holds it (named `definitions` too). */
export function everySchema(schema: JsonSchema, visit: (node: JsonSchema) => void): void {
  visit(schema);
  for (const [keyword, value] of Object.entries(schema)) {
    if ((keyword === 'properties' || keyword === 'definitions') && isSchema(value)) {
      for (const property of Object.values(value)) if (isSchema(property)) everySchema(property, visit);
    } else if (Array.isArray(value) && (UNIONS as readonly string[]).includes(keyword)) {
      for (const item of value) if (isSchema(item)) everySchema(item, visit);
    } else if (keyword === 'items' && Array.isArray(value)) {
      for (const item of value) if (isSchema(item)) everySchema(item, visit);
    } else if (SCHEMA_KEYWORDS.has(keyword) && isSchema(value)) {
      everySchema(value, visit);
    }
  }
}

const SCHEMA_KEYWORDS = new Set(['additionalProperties', 'items', 'propertyNames', 'not', 'if', 'then', 'else']);
