/** The shape of a message entry, shared by the catalogue and its areas (src/i18n/messages/). */
/** A message in one language: fixed text, or text built from named parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Words = string | ((params: any) => string);
export interface MessageEntry {
  readonly en: Words;
  readonly fr: Words;
}
export type Messages = Readonly<Record<string, MessageEntry>>;

/** Declares an area's messages, keeping their literal ids and parameter types. */
export function defineMessages<const M extends Messages>(messages: M): M {
  return messages;
}

