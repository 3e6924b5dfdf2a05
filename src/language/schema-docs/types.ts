/**
 * The documentation of the keys of logi's documents, for editors: what a key means, its units
 * and allowed values, in French and English, with examples. One file per kind of document
 * (src/language/schema-docs/<kind>.ts); src/language/jsonschema.ts writes them into the JSON
 * Schemas it generates, in the language asked for.
 */
import type { Lang } from '../../i18n/language.js';

/** One key: its meaning in both languages and at least one example value. */
export interface KeyDoc {
  readonly fr: string;
  readonly en: string;
  readonly examples: readonly [unknown, ...unknown[]];
}

/**
 * Keys by JSON-schema path: property names joined by `.`, `*` for an entry of a map or a list
 * (`nodes.*.label`, `strata.*.id`). A path is looked up by its longest documented suffix, so
 * that `beta.mean` documents the mean of every beta distribution whatever holds it, and
 * `nodes.*.evidence.source` can say more than the shared `source`.
 */
export type KeyDocs = Readonly<Record<string, KeyDoc>>;

export function key(fr: string, en: string, ...examples: [unknown, ...unknown[]]): KeyDoc {
  return { fr, en, examples };
}

/** A text in both languages (titles, snippet labels). */
export type Bilingual = Readonly<Record<Lang, string>>;

/** The same keys under a prefix: `prefixed('evidence.', {grade})` documents `evidence.grade`. */
export function prefixed(prefix: string, docs: KeyDocs): KeyDocs {
  return Object.fromEntries(Object.entries(docs).map(([path, doc]) => [`${prefix}${path}`, doc]));
}
