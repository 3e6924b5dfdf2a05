/** `logi lnit` → "unknown command `lnit`; did you mean `lint`?" and exit 2. */
import type { Hook } from '@oclif/core';
import { closest } from '../language/suggest.js';

const hook: Hook<'command_not_found'> = async function (options) {
  const ids = options.config.commandIDs;
  const match = closest(options.id, ids);
  process.stderr.write(`logi: unknown command \`${options.id}\`\n  hint: ${match ? `did you mean \`logi ${match}\`?` : `the commands are ${ids.join(', ')}; see \`logi --help\``}\n`);
  process.exit(2);
};

export default hook;
