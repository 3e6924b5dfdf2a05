#!/usr/bin/env node
// Writes oclif.manifest.json: every command's id, summary, flags and args, read from the compiled
// commands in dist/ (run after `tsc`; `npm run build` and `prepare` do both). With the manifest,
// `logi --help` and `logi lint` import only what they need instead of every command (and their
// dependencies: puppeteer, vega, the simulator), which takes `logi --help` from about 0.8 s to
// under 0.3 s. It uses @oclif/core's own Plugin loader, as `oclif manifest` does, without the
// heavy `oclif` package.
//
// A manifest older than dist/.tsbuildinfo (a later `tsc`) is stale: bin/run.js then ignores it
// (src/cli/startup.ts), so a new command or flag is never hidden by an old manifest.
//
// Usage: node scripts/oclif-manifest.js [--out FILE]   (default: oclif.manifest.json at the root)
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex === -1 ? path.join(root, 'oclif.manifest.json') : path.resolve(process.argv[outIndex + 1] ?? '');

const plugin = new Plugin({ root, isRoot: true, ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true });
await plugin.load();
const commands = Object.keys(plugin.manifest.commands);
if (commands.length === 0) throw new Error(`no command found under ${path.join(root, 'dist/commands')}: run \`tsc -p tsconfig.json\` first`);

// Written beside, then renamed: a CLI started meanwhile reads the old manifest or the new one, never half of one.
const temporary = `${out}.${process.pid}.tmp`;
writeFileSync(temporary, `${JSON.stringify(plugin.manifest, null, 2)}\n`);
renameSync(temporary, out);
process.stdout.write(`oclif manifest: ${commands.length} commands (${commands.join(', ')}) → ${path.relative(process.cwd(), out) || out}\n`);
