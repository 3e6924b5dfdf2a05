/**
 * The one message catalogue: every sentence logi writes for a person to read — diagnostics and
 * their hints, command output, progress, errors — in French and English. Each area of the code
 * keeps its entries in `src/i18n/messages/<area>.ts`; ids are prefixed with the area (`rule.`,
 * `language.`, `cli.`, …) and merged here, where a repeated id fails at load.
 *
 * An entry is `{ en, fr }`, each a string or a function of named parameters. User text (ids,
 * labels, file names) is passed in as a parameter and quoted exactly as written: messages never
 * rewrite it. Number formats live in src/i18n/numbers.ts (one home), not in messages.
 */
import { currentLanguage, type Lang } from './language.js';
import { MESSAGE_AREAS } from './messages/index.js';

import type { MessageEntry, Messages } from './define.js';
export { defineMessages, type MessageEntry, type Messages, type Words } from './define.js';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Catalogue = UnionToIntersection<(typeof MESSAGE_AREAS)[number]>;
export type MessageId = keyof Catalogue & string;
type ParamsOf<K extends MessageId> = Catalogue[K] extends { en: (params: infer P) => string } ? P : undefined;
export type MessageArgs<K extends MessageId> = ParamsOf<K> extends undefined ? [] : [params: ParamsOf<K>];

function mergeAreas(areas: readonly Messages[]): ReadonlyMap<string, MessageEntry> {
  const merged = new Map<string, MessageEntry>();
  for (const area of areas) {
    for (const [id, entry] of Object.entries(area)) {
      if (merged.has(id)) throw new Error(`message id ${id} is defined twice in src/i18n/messages/`);
      merged.set(id, entry);
    }
  }
  return merged;
}

export const CATALOGUE: ReadonlyMap<string, MessageEntry> = mergeAreas(MESSAGE_AREAS);

/** The message `id` in `lang`. */
export function translate<K extends MessageId>(lang: Lang, id: K, ...args: MessageArgs<K>): string {
  const entry = CATALOGUE.get(id);
  if (!entry) throw new Error(`no message ${id} in the catalogue`);
  const words = entry[lang];
  return typeof words === 'function' ? words(args[0]) : words;
}

/** The message `id` in the current language (src/i18n/language.ts). */
export function t<K extends MessageId>(id: K, ...args: MessageArgs<K>): string {
  return translate(currentLanguage(), id, ...args);
}

/** Both languages of a message, for texts that carry both (JSON Schema descriptions, SARIF). */
export function bothLanguages<K extends MessageId>(id: K, ...args: MessageArgs<K>): Record<Lang, string> {
  return { fr: translate('fr', id, ...args), en: translate('en', id, ...args) };
}
