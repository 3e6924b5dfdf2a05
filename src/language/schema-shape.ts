/**
 * Reading a zod schema itself, to know which keys a mapping accepts at a path: for "did you mean"
 * on unknown keys, and to tell a parameter (a number or a distribution) from other values.
 */
import type { z } from 'zod';
import { ownValue } from './records.js';

type Segment = string | number;
type AnySchema = z.core.$ZodType;

function defOf(schema: AnySchema): Record<string, unknown> & { type: string } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

function unwrap(schema: AnySchema, depth = 0): AnySchema[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unwrap(def.innerType as AnySchema, depth + 1);
    case 'pipe':
      return unwrap(def.in as AnySchema, depth + 1);
    case 'lazy':
      return unwrap((def.getter as () => AnySchema)(), depth + 1);
    case 'union':
      return (def.options as AnySchema[]).flatMap((o) => unwrap(o, depth + 1));
    default:
      return [schema];
  }
}

function schemasAt(root: AnySchema, path: readonly Segment[]): AnySchema[] {
  let current = unwrap(root);
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const schema of current) {
      const def = defOf(schema);
      if (def.type === 'object') {
        const child = ownValue(def.shape as Record<string, AnySchema>, String(segment));
        if (child) next.push(...unwrap(child));
      } else if (def.type === 'record') next.push(...unwrap(def.valueType as AnySchema));
      else if (def.type === 'array' && typeof segment === 'number') next.push(...unwrap(def.element as AnySchema));
      else if (def.type === 'tuple' && typeof segment === 'number') {
        const item = (def.items as AnySchema[])[segment];
        if (item) next.push(...unwrap(item));
      }
    }
    current = next;
  }
  return current;
}

/** Keys accepted by the mapping at `path` (the union of every branch that is a mapping). */
export function knownKeys(root: AnySchema, path: readonly Segment[]): string[] {
  const keys = new Set<string>();
  for (const schema of schemasAt(root, path)) {
    const def = defOf(schema);
    if (def.type === 'object') for (const key of Object.keys(def.shape as object)) keys.add(key);
  }
  return [...keys];
}

/** Whether the value at `path` is a parameter: a number or a distribution (`beta`, `lognormal`, …). */
export function describesParameter(root: AnySchema, path: readonly Segment[]): boolean {
  const keys = knownKeys(root, path);
  return keys.includes('beta') && keys.includes('lognormal');
}
