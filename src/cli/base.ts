/**
 * The base of every command: `--json`, exit codes (0 clean, 1 findings, 2 usage or internal
 * error) and errors without stack traces (unless LOGI_DEBUG=1).
 */
import { Command, Errors } from '@oclif/core';
import { UsageError } from '../language/workspace.js';
import { escapeTerminal, jsonForTerminal } from '../text/escape.js';

export abstract class LogiCommand extends Command {
  static override enableJsonFlag = true;

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
      process.stderr.write(`logi: ${escapeTerminal(message)}\n${hint ? `  hint: ${escapeTerminal(hint)}\n` : ''}`);
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
      return this.fail(message, `see \`logi ${this.id ?? ''} --help\``);
    }
    return this.fail(`internal error: ${error.message}`, 'this is a bug in logi; rerun with LOGI_DEBUG=1 and report the stack trace');
  }
}
