/**
 * Usage errors as logi writes them on stderr — `logi: message`, then `  hint: …` — and the "did
 * you mean" of an unknown command. Shared by the commands (src/cli/base.ts), the hooks and the
 * help, which run outside a command.
 */
import { t } from '../i18n/catalogue.js';
import { closest } from '../language/suggest.js';
import { escapeTerminal } from '../text/escape.js';

/** The text of an error on stderr. Message and hint may quote user text: it reaches the terminal inert. */
export function errorText(message: string, hint?: string): string {
  return `logi: ${escapeTerminal(message)}\n${hint ? `  ${t('cli.hint-line', { hint: escapeTerminal(hint) })}\n` : ''}`;
}

interface CommandInfo {
  id: string;
  hidden: boolean;
}

/** The commands a user can type, as typed (`autocomplete create`, not `autocomplete:create`), sorted. */
export function visibleCommands(commands: readonly CommandInfo[]): string[] {
  return [...new Set(commands.filter((c) => !c.hidden && c.id !== '').map((c) => c.id.replaceAll(':', ' ')))].sort();
}

/**
 * The error for an unknown command. oclif joins the words it could not place into one id
 * (`logi simulat pionniers-dt2-2026` → `simulat:pionniers-dt2-2026`): the unknown command is the
 * first word that does not continue a known command or topic, the rest are its arguments.
 */
export function unknownCommand(id: string, commands: readonly CommandInfo[]): { message: string; hint: string } {
  const words = id.split(':');
  if (words[0]!.startsWith('-')) {
    return { message: t('cli.flag-not-command', { flag: words[0]! }), hint: t('cli.flag-not-command.hint', { flag: words[0]! }) };
  }
  const known = new Set(commands.flatMap((c) => c.id.split(':').map((_, i, parts) => parts.slice(0, i + 1).join(':'))));
  let placed = 0;
  while (placed < words.length - 1 && known.has(words.slice(0, placed + 1).join(':'))) placed += 1;
  // A command that takes no argument, followed by words (`logi rules extra`): oclif tried them as a subcommand.
  const command = words.slice(0, placed).join(':');
  if (placed > 0 && commands.some((c) => c.id === command)) {
    return { message: t('cli.parse.unexpected-arguments', { args: words.slice(placed) }), hint: t('cli.parse.takes-arguments', { command: command.replaceAll(':', ' '), count: 0 }) };
  }
  const typed = words.slice(0, placed + 1).join(' ');
  const visible = visibleCommands(commands);
  const match = closest(typed, visible);
  if (match !== undefined) return { message: t('cli.unknown-command.did-you-mean', { command: typed, match }), hint: t('cli.see-help', { command: match }) };
  return { message: t('cli.unknown-command', { command: typed }), hint: t('cli.unknown-command.list', { commands: visible }) };
}
