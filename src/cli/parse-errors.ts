/**
 * oclif's parse errors rewritten as logi's usage errors, in the user's language: "unknown flag
 * `--formt`: did you mean `--format`?", a missing argument with what it is, a value that is not one
 * of the allowed ones with the list, an unexpected argument. oclif's parser errors are not exported
 * by @oclif/core: they are told apart by their class name and read from their fields, or, for the
 * few that carry none, from their first line.
 */
import { t } from '../i18n/catalogue.js';
import { closest } from '../language/suggest.js';
import { commandText } from './texts.js';

export interface FlagInfo {
  name: string;
  char?: string | undefined;
  allowNo?: boolean | undefined;
  options?: readonly string[] | undefined;
  type?: string | undefined;
}

export interface CommandInfo {
  id: string;
  flags: readonly FlagInfo[];
  args: readonly { name: string; description?: string | undefined }[];
}

export interface UsageProblem {
  message: string;
  hint: string;
}

type ParseError = Error & { flags?: unknown; args?: unknown };

/** How a user can write the flags of a command: `--format`, `-f`, `--no-color`. */
function spellings(command: CommandInfo): string[] {
  return command.flags.flatMap((f) => [`--${f.name}`, ...(f.char ? [`-${f.char}`] : []), ...(f.allowNo ? [`--no-${f.name}`] : [])]);
}

function unknownFlags(command: CommandInfo, flags: readonly string[], seeHelp: string): UsageProblem {
  if (flags.length > 1) return { message: t('cli.parse.unknown-flags', { flags: [...flags] }), hint: seeHelp };
  const flag = flags[0]!.split('=')[0]!;
  const match = flag.startsWith('--') ? closest(flag, spellings(command).filter((s) => s.startsWith('--'))) : undefined;
  if (match !== undefined) return { message: t('cli.parse.unknown-flag.did-you-mean', { flag, match }), hint: seeHelp };
  return { message: t('cli.parse.unknown-flag', { flag }), hint: t('cli.parse.flags-are', { command: command.id, flags: command.flags.map((f) => `--${f.name}`) }) };
}

function missingArguments(command: CommandInfo, args: readonly { name: string }[], seeHelp: string): UsageProblem {
  const arg = args[0]!;
  const described = command.args.find((a) => a.name === arg.name);
  const description = commandText(command.id, `arg.${arg.name}`, described?.description) ?? '';
  return { message: t('cli.parse.missing-argument', { name: arg.name.toUpperCase(), description }), hint: seeHelp };
}

function flagByName(command: CommandInfo, name: string): FlagInfo | undefined {
  return command.flags.find((f) => f.name === name);
}

/** A value that is not one of the flag's options: the list, and the closest if there is one. */
function notAnOption(command: CommandInfo, name: string, value: string, seeHelp: string): UsageProblem {
  const options = flagByName(command, name)?.options ?? [];
  const match = closest(value, options);
  return {
    message: t('cli.parse.not-an-option', { flag: `--${name}`, value, options: [...options] }),
    hint: match === undefined ? seeHelp : t('cli.parse.did-you-mean-value', { flag: `--${name}`, match }),
  };
}

/** The errors oclif raises from its own flag parsers (integers), which carry their facts in text only. */
function integerProblem(name: string, detail: string): string | undefined {
  let m = /^Expected an integer but received: (.*)$/s.exec(detail);
  if (m) return t('cli.parse.not-an-integer', { flag: `--${name}`, value: m[1]! });
  m = /^Expected an integer greater than or equal to (-?\d+) but received: (.*)$/s.exec(detail);
  if (m) return t('cli.parse.integer-too-small', { flag: `--${name}`, min: m[1]!, value: m[2]! });
  m = /^Expected an integer less than or equal to (-?\d+) but received: (.*)$/s.exec(detail);
  if (m) return t('cli.parse.integer-too-large', { flag: `--${name}`, max: m[1]!, value: m[2]! });
  return undefined;
}

// eslint-disable-next-line no-control-regex -- oclif dims the reasons of a failed validation with ANSI codes
const ANSI = /\u001b\[[0-9;]*m/g;

/** The reasons of a failed flag validation (required flags, `dependsOn`, `exclusive`). */
function validationProblem(text: string): string {
  const reasons = text.replace(ANSI, '').split('\n').slice(1).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('See more help'));
  return reasons
    .map((reason) => {
      let m = /^Missing required flag (\S+)$/.exec(reason);
      if (m) return t('cli.parse.missing-flag', { flag: `--${m[1]!}` });
      m = /^All of the following must be provided when using (\S+): (.+)$/.exec(reason);
      if (m) return t('cli.parse.flag-needs', { flag: m[1]!, needed: m[2]!.split(', ') });
      m = /^(--[^=\s]+)(?:=\S*)? cannot also be provided when using (\S+)$/.exec(reason);
      if (m) return t('cli.parse.flags-exclusive', { flag: m[1]!, other: m[2]! });
      return t('cli.parse.invalid', { detail: reason });
    })
    .join('; ');
}

/** Rewrites the errors that carry no fields, from their first line. */
function fromText(command: CommandInfo, text: string, seeHelp: string): UsageProblem {
  const firstLine = text.split('\n')[0]!.trim();
  let m = /^Parsing --(\S+) \n\t([\s\S]*?)(?:\nSee more help with --help)?$/.exec(text);
  if (m) return { message: integerProblem(m[1]!, m[2]!) ?? t('cli.parse.bad-value', { flag: `--${m[1]!}`, detail: m[2]! }), hint: seeHelp };
  m = /^Expected --(\S+?)=([\s\S]*) to be one of: /.exec(firstLine);
  if (m) return notAnOption(command, m[1]!, m[2]!, seeHelp);
  m = /^Flag --(\S+) expects (?:a value|one of these values: .*)$/.exec(firstLine);
  if (m) return { message: t('cli.parse.missing-value', { flag: `--${m[1]!}`, options: [...(flagByName(command, m[1]!)?.options ?? [])] }), hint: seeHelp };
  m = /^Flag --(\S+) can only be specified once$/.exec(firstLine);
  if (m) return { message: t('cli.parse.flag-twice', { flag: `--${m[1]!}` }), hint: seeHelp };
  if (/^The following errors? occurred:/.test(firstLine)) return { message: validationProblem(text), hint: seeHelp };
  return { message: t('cli.parse.invalid', { detail: firstLine.replace(ANSI, '') }), hint: seeHelp };
}

/** logi's usage error for one of oclif's parse errors. */
export function describeParseError(error: ParseError, command: CommandInfo): UsageProblem {
  const seeHelp = t('cli.see-help', { command: command.id });
  const kind = error.constructor.name;
  if (kind === 'NonExistentFlagsError' && Array.isArray(error.flags)) return unknownFlags(command, error.flags as string[], seeHelp);
  if (kind === 'RequiredArgsError' && Array.isArray(error.args)) return missingArguments(command, error.args as { name: string }[], seeHelp);
  if (kind === 'UnexpectedArgsError' && Array.isArray(error.args)) {
    const args = (error.args as unknown[]).map(String);
    return { message: t('cli.parse.unexpected-arguments', { args }), hint: t('cli.parse.takes-arguments', { command: command.id, count: command.args.length }) };
  }
  return fromText(command, error.message, seeHelp);
}
