#!/usr/bin/env node
// The mutation score per folder and per file, from StrykerJS's JSON reports (every
// reports/mutation/*.json, written by `npm run mutation`, or the files named as arguments; a run
// split into parts leaves one report per part, and a file in two reports counts from the newest
// one), as a Markdown table for
// docs/quality.md. Score = detected / valid mutants, detected = killed + timed out, valid =
// detected + survived + no coverage (Stryker's "mutation score"; compile and runtime errors and
// ignored mutants are left out, as Stryker does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const REPORTS = 'reports/mutation';
const listSurvivors = process.argv.includes('--survivors');
const named = process.argv.slice(2).filter((arg) => arg !== '--survivors');
const reportFiles = named.length > 0 ? named : readdirSync(REPORTS).filter((name) => name.endsWith('.json')).map((name) => path.join(REPORTS, name));
const byFile = new Map();
for (const file of reportFiles.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)) {
  for (const [name, data] of Object.entries(JSON.parse(readFileSync(file, 'utf8')).files)) byFile.set(name, data);
}
const report = { files: Object.fromEntries(byFile) };
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
const row = (name, t) => `| ${name} | ${Number.isNaN(t.score) ? '— (all left out)' : `${t.score.toFixed(1)} %`} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} |`;
const lines = ['| folder or file | score | killed | timed out | survived | no coverage |', '|---|---:|---:|---:|---:|---:|'];
for (const folder of FOLDERS) {
  const inFolder = files.filter(([name]) => name.startsWith(`${folder}/`));
  if (inFolder.length === 0) continue;
  lines.push(row(`**${folder}/**`, tally(inFolder.flatMap(([, mutants]) => mutants))));
  for (const [name, mutants] of inFolder.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push(row(`\`${name.slice(folder.length + 1)}\``, tally(mutants)));
}
console.log(lines.join('\n'));

// --survivors: each surviving or uncovered mutant, to judge whether it is equivalent.
if (listSurvivors) {
  for (const [name, mutants] of files) {
    for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage').sort((a, b) => a.location.start.line - b.location.start.line)) {
      console.log(`${name}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '').slice(0, 100)}`);
    }
  }
}
