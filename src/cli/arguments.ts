/**
 * The global `--lang` flag read from raw arguments, before oclif parses them: the language must be
 * known for oclif's own errors and for the help, which are written before (or without) a parse.
 */
const LONG = '--lang';
const SHORT = '-l';

/** Where `--lang X`, `--lang=X`, `-l X` or `-lX` is, and its value; undefined past `--`. */
function findLanguageArgument(argv: readonly string[]): { index: number; length: number; value: string | undefined } | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    if (arg === LONG || arg === SHORT) return { index, length: 2, value: argv[index + 1] };
    if (arg.startsWith(`${LONG}=`)) return { index, length: 1, value: arg.slice(LONG.length + 1) };
    if (arg.startsWith(SHORT) && !arg.startsWith('--')) return { index, length: 1, value: arg.slice(SHORT.length).replace(/^=/, '') };
  }
  return undefined;
}

/** The value of `--lang` / `-l` in raw arguments, if given. */
export function languageArgument(argv: readonly string[]): string | undefined {
  return findLanguageArgument(argv)?.value;
}

/**
 * Removes `--lang X` (every spelling) from `argv`, in place: the commands of oclif's plugins
 * (`help`, `autocomplete`) do not declare logi's global flag and would refuse it.
 */
export function removeLanguageArgument(argv: string[]): void {
  for (let found = findLanguageArgument(argv); found; found = findLanguageArgument(argv)) argv.splice(found.index, found.length);
}
