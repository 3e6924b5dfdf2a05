/**
 * The keys of a logi element that FHIR R4 has no element for (a cost distribution, the effects on
 * the pyramid, a branch's share…) travel whole, as JSON text, in one extension of the element that
 * stands for it: `logi-keys` (docs/fhir.md, "Carried keys"). Written only when one of them is set.
 */
import { EXTENSION } from './canonical.js';
import type { Extension } from './types.js';

/** The extension holding the `keys` of `value` that are set, or undefined when none is. */
export function carriedKeys<T extends object>(value: T, keys: readonly (keyof T & string)[]): Extension | undefined {
  const carried: Record<string, unknown> = {};
  for (const key of keys) if (value[key] !== undefined) carried[key] = value[key];
  return Object.keys(carried).length === 0 ? undefined : { url: EXTENSION.keys, valueString: JSON.stringify(carried) };
}

/** Thrown when a `logi-keys` extension does not hold a JSON object. */
export class CarriedKeysError extends Error {}

/** The keys carried by the `logi-keys` extension among `extensions` (none when it is absent). */
export function readCarriedKeys(extensions: Extension[] | undefined): Record<string, unknown> {
  const text = extensions?.find((e) => e.url === EXTENSION.keys)?.valueString;
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CarriedKeysError();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CarriedKeysError();
  return parsed as Record<string, unknown>;
}
