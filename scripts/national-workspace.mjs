#!/usr/bin/env node
// The national example (docs/national.md): a workspace of N synthetic territories, copies of the
// pioneer territories with scaled figures, and the two bundled scenarios restated over all of them.
//
//   node scripts/national-workspace.mjs --territories 131 --out /tmp/national-131
//   cd /tmp/national-131 && logi lint && logi simulate national-dt2 --out results --report
//
// Reads this repository's guidelines/ and simulations/; run `npm run build` first (it imports dist/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readNationalInputs, writeNationalWorkspace } from '../dist/national/files.js';
import { buildNationalWorkspace } from '../dist/national/workspace.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/national-workspace.mjs --territories N --out DIR   (N a whole number from 1 to 100000; DIR new or empty)\n';

let values;
try {
  ({ values } = parseArgs({ options: { territories: { type: 'string', short: 'n' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  process.stderr.write(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const territories = Number(values.territories);
if (!/^\d+$/.test(values.territories ?? '') || territories < 1 || territories > 100_000 || !values.out) {
  process.stderr.write(USAGE);
  process.exit(2);
}

const workspace = buildNationalWorkspace(readNationalInputs(REPO), territories);
try {
  writeNationalWorkspace(path.resolve(values.out), workspace.files);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const pioneers = [...new Set(workspace.territories.map((t) => t.pioneer))];
process.stdout.write(
  `${path.resolve(values.out)}: ${territories} synthetic territories (copies of ${pioneers.join(', ')}), ` +
    `scenarios ${workspace.scenarios.join(' and ')}, ${workspace.files.length} files\n`,
);
