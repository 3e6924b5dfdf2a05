/**
 * The help texts of commands live in the catalogue (src/i18n/messages/cli.ts), by command id:
 * `cli.command.<id>.summary`, `.description`, `.example.<n>` (the description of the n-th
 * example, from 0), `.flag.<name>`, `.arg.<name>`; the global flags are `cli.flag.<name>`.
 * Commands declare their static English with `translate('en', …)` (oclif and its manifest read
 * static fields); the help (src/cli/help.ts) and the usage errors (src/cli/parse-errors.ts) look
 * the same ids up in the current language when they write.
 */
import { CATALOGUE } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';

/** A fixed text of the catalogue in the current language; undefined when there is none. */
export function catalogueText(id: string): string | undefined {
  const words = CATALOGUE.get(id)?.[currentLanguage()];
  return typeof words === 'string' ? words : undefined;
}

/** The catalogue id of one text of a command (`lint`, `flag.format` → `cli.command.lint.flag.format`). */
export function commandTextId(commandId: string, part: string): string {
  return `cli.command.${commandId.replaceAll(':', '.').replaceAll(' ', '.')}.${part}`;
}

/**
 * A command's text in the current language. oclif's static texts are English (logi's commands
 * declare theirs from the catalogue's English): in English they are the text. In another language,
 * the catalogue's text for the command, else the global flag's, else the static English.
 */
export function commandText(commandId: string, part: string, staticText: string | undefined): string | undefined {
  if (currentLanguage() === 'en' && staticText !== undefined) return staticText;
  const global = part.startsWith('flag.') ? catalogueText(`cli.${part}`) : undefined;
  return catalogueText(commandTextId(commandId, part)) ?? global ?? staticText;
}
