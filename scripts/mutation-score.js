#!/usr/bin/env node
// The mutation score per folder and per file, from StrykerJS's JSON report
// (reports/mutation/mutation.json, written by `npm run mutation`), as a Markdown table for
// docs/quality.md. Score = detected / valid mutants, detected = killed + timed out, valid =
// detected + survived + no coverage (Stryker's "mutation score"; compile and runtime errors and
// ignored mutants are left out, as Stryker does).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const FOLDERS = ['src/sim', 'src/graph', 'src/lint/rules'];

function tally(mutants) {
  const t = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') t.killed += 1;
    else if (m.status === 'Timeout') t.timeout += 1;
    else if (m.status === 'Survived') t.survived += 1;
    else if (m.status === 'NoCoverage') t.noCoverage += 1;
  }
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return { ...t, valid, score: valid === 0 ? NaN : (100 * (t.killed + t.timeout)) / valid };
}

const files = Object.entries(report.files).map(([name, data]) => [path.relative(process.cwd(), path.resolve(name)).split(path.sep).join('/'), data.mutants]);
const row = (name, t) => `| ${name} | ${t.score.toFixed(1)} % | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} |`;
const lines = ['| folder or file | score | killed | timed out | survived | no coverage |', '|---|---:|---:|---:|---:|---:|'];
for (const folder of FOLDERS) {
  const inFolder = files.filter(([name]) => name.startsWith(`${folder}/`));
  if (inFolder.length === 0) continue;
  lines.push(row(`**${folder}/**`, tally(inFolder.flatMap(([, mutants]) => mutants))));
  for (const [name, mutants] of inFolder.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push(row(`\`${name.slice(folder.length + 1)}\``, tally(mutants)));
}
console.log(lines.join('\n'));
