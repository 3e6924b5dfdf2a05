/**
 * The base of every command: `--json`, exit codes (0 clean, 1 findings, 2 usage or internal
 * error) and errors without stack traces (unless LOGI_DEBUG=1).
 */
import { Command, Errors, Flags } from '@oclif/core';
import { t } from '../i18n/catalogue.js';
import { languageFlag, LANGS, resolveLanguage, setLanguage } from '../i18n/language.js';
import { UsageError } from '../language/workspace.js';
import { escapeTerminal, jsonForTerminal } from '../text/escape.js';

export abstract class LogiCommand extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    lang: Flags.string({
      char: 'l',
      description: 'language of messages and reports (default: LOGI_LANG, then the locale, then fr)',
      options: [...LANGS],
      helpGroup: 'GLOBAL',
    }),
  };

  /** Chooses the language before anything is printed, parse errors included (src/i18n/language.ts). */
  override async init(): Promise<void> {
    setLanguage(resolveLanguage(languageFlag(this.argv), process.env));
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
      process.stderr.write(`logi: ${escapeTerminal(message)}\n${hint ? `  ${t('cli.hint')}: ${escapeTerminal(hint)}\n` : ''}`);
    }
    this.exit(2);
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error;
    if (process.env.LOGI_DEBUG === '1') process.stderr.write(`${error.stack ?? String(error)}\n`);
    if (error instanceof UsageError) return this.fail(error.message, (error as UsageError).hint);
    // oclif's own parse errors (unknown flag, missing argument): usage errors, exit 2.
    if (error instanceof Errors.CLIError || error.oclif) {
      const message = error.message.replace(/\n\s*See more help with --help$/m, '').trim();
      return this.fail(message, t('cli.see-help', { command: this.id ?? '' }));
    }
    return this.fail(t('cli.internal-error', { message: error.message }), t('cli.internal-error.hint'));
  }
}
