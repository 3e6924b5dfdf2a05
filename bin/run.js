#!/usr/bin/env node
// Production entry point: runs the compiled commands in dist/, with oclif.manifest.json unless it
// is older than the last build (src/cli/startup.ts).
import { fileURLToPath } from 'node:url';
import { execute, settings } from '@oclif/core';
import { loadOptions } from '../dist/cli/startup.js';

// dist/ only: under NODE_ENV=test or development, oclif would otherwise look for the TypeScript
// sources of the help class and the commands, and try to compile them on the fly.
settings.enableAutoTranspile = false;
const root = fileURLToPath(new URL('..', import.meta.url));
await execute({ dir: import.meta.url, loadOptions: await loadOptions(root) });
