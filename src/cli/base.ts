/**
 * The base of every command: `--json`, `--lang`, exit codes as ESLint's (0 clean, 1 findings, 2
 * usage, configuration or internal error) and errors without stack traces (unless LOGI_DEBUG=1),
 * in the user's language: oclif's parse errors are rewritten (src/cli/parse-errors.ts).
 */
import { Command, Errors, Flags } from '@oclif/core';
import { t, translate } from '../i18n/catalogue.js';
import { LANGS, resolveLanguage, setLanguage } from '../i18n/language.js';
import { UsageError } from '../language/workspace.js';
import { escapeTerminal, jsonForTerminal } from '../text/escape.js';
import { languageArgument } from './arguments.js';
import { type CommandInfo, describeParseError, type FlagInfo } from './parse-errors.js';
import { errorText } from './usage.js';

export abstract class LogiCommand extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    lang: Flags.string({
      char: 'l',
      description: translate('en', 'cli.flag.lang'),
      options: [...LANGS],
      helpGroup: 'GLOBAL',
    }),
  };

  /** Chooses the language before anything is printed, parse errors included (src/i18n/language.ts). */
  override async init(): Promise<void> {
    setLanguage(resolveLanguage(languageArgument(this.argv), process.env));
    await super.init();
  }

  /**
   * Logs a line that holds user text (a path, an id) and nothing logi coloured: control
   * characters become visible escapes (src/text/escape.ts), newlines and tabs stay.
   */
  protected logInert(text: string): void {
    this.log(escapeTerminal(text));
  }

  /**
   * Writes an error the user can act on and exits 2. Message and hint may quote file names, ids
   * and values from the user's files: they reach the terminal inert (src/text/escape.ts).
   */
  protected fail(message: string, hint?: string): never {
    if (this.jsonEnabled()) {
      process.stdout.write(`${jsonForTerminal(JSON.stringify({ error: { message, hint } }, null, 2))}\n`);
    } else {
      process.stderr.write(errorText(message, hint));
    }
    this.exit(2);
  }

  /** The command's flags and arguments, as the usage errors name them. */
  private commandInfo(): CommandInfo {
    const ctor = this.constructor as typeof LogiCommand;
    const flags: Record<string, FlagInfo> = { ...ctor.baseFlags, ...(ctor.flags ?? {}) };
    const named = Object.entries(flags).map(([name, f]) => ({ ...f, name }));
    if (ctor.enableJsonFlag) named.push({ name: 'json', type: 'boolean' });
    const args = Object.entries(ctor.args ?? {}).map(([name, a]) => ({ name, description: a.description }));
    return { id: (this.id ?? '').replaceAll(':', ' '), flags: named, args };
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error;
    if (process.env.LOGI_DEBUG === '1') process.stderr.write(`${error.stack ?? String(error)}\n`);
    if (error instanceof UsageError) return this.fail(error.message, (error as UsageError).hint);
    // oclif's own parse errors (unknown flag, missing argument, bad value): usage errors, exit 2.
    if (error instanceof Errors.CLIError || error.oclif) {
      const { message, hint } = describeParseError(error, this.commandInfo());
      return this.fail(message, hint);
    }
    return this.fail(t('cli.internal-error', { message: error.message }), t('cli.internal-error.hint'));
  }
}
