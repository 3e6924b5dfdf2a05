/**
 * Records keyed by user ids (issue 12 #2). YAML mappings and JSON objects are plain objects, whose
 * prototype answers to `constructor`, `toString`, `valueOf`…, all valid ids: `counts[id]` for an
 * uncounted stratum `constructor` is then `Object`, not `undefined`. Every lookup by a user id
 * goes through `ownValue`/`hasOwnKey` (or a Map), and records built from user ids have no prototype.
 */

/** Whether `key` is one of the record's own keys (never an inherited member such as `constructor`). */
export function hasOwnKey(record: object | null | undefined, key: string): boolean {
  return record !== null && record !== undefined && Object.hasOwn(record, key);
}

/** The record's own value under `key`, or undefined: never an Object.prototype member. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return hasOwnKey(record, key) ? record![key] : undefined;
}

/** An empty record to fill with user ids as keys: no prototype, so nothing is there before it is set. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
