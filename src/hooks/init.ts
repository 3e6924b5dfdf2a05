/**
 * Runs before anything else, help and `--version` included: chooses the language from `--lang`,
 * LOGI_LANG or the locale (src/i18n/language.ts), so that the help, "unknown command" and oclif's
 * plugins are in the user's language. logi's own commands choose it again in their `init`
 * (src/cli/base.ts), which tests and library callers run without this hook.
 */
import type { Hook } from '@oclif/core';
import { languageArgument, removeLanguageArgument } from '../cli/arguments.js';
import { resolveLanguage, setLanguage } from '../i18n/language.js';

const hook: Hook<'init'> = async function (options) {
  const words = [...(options.id === undefined ? [] : [options.id]), ...options.argv];
  setLanguage(resolveLanguage(languageArgument(words), process.env));
  // The commands of oclif's plugins (help, autocomplete) do not declare `--lang`: it is taken out
  // of their arguments (oclif runs the command with this very array) so that they do not refuse it.
  const command = options.id === undefined ? undefined : options.config.findCommand(options.id);
  if (command && command.pluginName !== options.config.name) removeLanguageArgument(options.argv);
};

export default hook;
