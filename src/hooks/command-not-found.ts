/**
 * `logi simulat pionniers-dt2-2026` → "unknown command `simulat`: did you mean `simulate`?", and
 * the list of commands when nothing is close; exit 2. Written rather than @oclif/plugin-not-found,
 * which asks "did you mean …? (y/n)" and waits for an answer: a script or CI job would hang.
 *
 * oclif also lands here when the first word is a flag. `logi --lang en lint` is understood as
 * `logi lint --lang en` (the language is a global flag, and putting it first is natural); any
 * other flag before the command is a usage error that says to write the command first.
 */
import { type Hook, loadHelpClass } from '@oclif/core';
import { languageArgument, removeLanguageArgument } from '../cli/arguments.js';
import { errorText, unknownCommand } from '../cli/usage.js';

const hook: Hook<'command_not_found'> = async function (options) {
  const words = [options.id, ...(options.argv ?? [])];
  const language = languageArgument(words.slice(0, 2));
  if (language !== undefined) {
    const rest = [...words];
    removeLanguageArgument(rest);
    if (rest.length === 0) {
      const Help = await loadHelpClass(options.config);
      return new Help(options.config).showHelp([]);
    }
    return options.config.runCommand(rest[0]!, [...rest.slice(1), '--lang', language]);
  }
  const { message, hint } = unknownCommand(options.id, options.config.commands);
  process.stderr.write(errorText(message, hint));
  process.exit(2);
};

export default hook;
