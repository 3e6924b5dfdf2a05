// Peer for the lint benchmark: read every YAML file of a folder and parse it with `yaml`, nothing more.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.yaml')) out.push(full);
  }
  return out;
}
let documents = 0;
for (const file of walk(process.argv[2], [])) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter: new LineCounter() })) {
    doc.toJS();
    documents += 1;
  }
}
process.stdout.write(`${documents} documents\n`);
