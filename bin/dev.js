#!/usr/bin/env -S node --import tsx
// Development entry point: runs the TypeScript sources directly (needs `tsx`, a dev dependency),
// never through oclif.manifest.json, which describes the last build, not the sources.
import { fileURLToPath } from 'node:url';
import { execute } from '@oclif/core';
import { loadOptions } from '../src/cli/startup.js';

process.env.NODE_ENV = 'development';
await execute({ development: true, dir: import.meta.url, loadOptions: await loadOptions(fileURLToPath(new URL('..', import.meta.url)), { development: true }) });
