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
// It then renders every help text, in French and English, with logi's help class at 80 columns
// (oclif's width when the output is not a terminal) into oclif.help.json, which bin/run.js prints
// for `logi --help`, `logi help X` and `logi X --help` without loading oclif (src/cli/quick-start.ts).
//
// Usage: node scripts/oclif-manifest.js [--out FILE]   (default: oclif.manifest.json at the root)
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Config, loadHelpClass, Plugin, settings } from '@oclif/core';

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

// The help texts: rendered by oclif's help class, as `logi help …` prints them into a pipe.
process.env.OCLIF_COLUMNS = '80';
// dist/ only, as bin/run.js: under NODE_ENV=test oclif would look for the help class's TypeScript source.
settings.enableAutoTranspile = false;
const { setLanguage } = await import(path.join(root, 'dist/i18n/language.js'));
const config = await Config.load({ root });
const HelpClass = await loadHelpClass(config);
const ids = ['', ...config.commands.filter((c) => !c.hidden).map((c) => c.id)].sort();
const help = { fr: {}, en: {} };
const writeOut = process.stdout.write.bind(process.stdout);
for (const lang of ['fr', 'en']) {
  setLanguage(lang);
  for (const id of ids) {
    let text = '';
    process.stdout.write = (chunk) => {
      text += String(chunk);
      return true;
    };
    try {
      await new HelpClass(config, { stripAnsi: true }).showHelp(id === '' ? [] : [id]);
    } finally {
      process.stdout.write = writeOut;
    }
    help[lang][id] = text;
  }
}
const helpFile = path.join(path.dirname(out), 'oclif.help.json');
const helpTemporary = `${helpFile}.${process.pid}.tmp`;
writeFileSync(helpTemporary, `${JSON.stringify({ nameAndVersion: `${config.name}/${config.version}`, userAgent: config.userAgent, help }, null, 2)}\n`);
renameSync(helpTemporary, helpFile);
process.stdout.write(`help texts: ${ids.length} × 2 languages → ${path.relative(process.cwd(), helpFile) || helpFile}\n`);
