#!/usr/bin/env node
// Production entry point: runs the compiled commands in dist/, with oclif.manifest.json unless it
// is older than the last build (src/cli/startup.ts). Help and the version are printed from the
// texts rendered at build, without loading oclif, when they cannot differ (src/cli/quick-start.ts).
import { fileURLToPath } from 'node:url';
import { quickAnswer } from '../dist/cli/quick-start.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = quickAnswer(root, process.argv.slice(2), process.env, process.stdout);
if (quick === undefined) {
  const { execute, settings } = await import('@oclif/core');
  const { loadOptions } = await import('../dist/cli/startup.js');
  // dist/ only: under NODE_ENV=test or development, oclif would otherwise look for the TypeScript
  // sources of the help class and the commands, and try to compile them on the fly.
  settings.enableAutoTranspile = false;
  await execute({ dir: import.meta.url, loadOptions: await loadOptions(root) });
} else process.stdout.write(quick);
