#!/usr/bin/env node
// `npm run bench`: whole commands, peers in the same run, medians and ratios, peak memory.
// Writes bench/out/results.json and the table between the bench markers of docs/performance.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin', 'run.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command RUNS times (after one warm-up); returns median wall seconds and peak RSS in MB. */
function measure(label, command, args, options = {}) {
  const walls = [];
  const rss = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = TIME
      ? spawnSync(TIME, ['-f', '%M', command, ...args], { encoding: 'utf8', cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1' } })
      : spawnSync(command, args, { encoding: 'utf8', cwd: options.cwd ?? REPO });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const expected = options.expectStatus ?? 0;
    if (result.status !== expected) {
      throw new Error(`${label}: exit ${result.status}, expected ${expected}\n${result.stdout?.slice(0, 2000)}\n${result.stderr?.slice(0, 2000)}`);
    }
    if (i === 0) continue; // warm-up: file-system cache
    walls.push(seconds);
    if (TIME) rss.push(Number(result.stderr.trim().split('\n').pop()) / 1024);
  }
  const row = { label, runs: RUNS, medianSeconds: median(walls), minSeconds: Math.min(...walls), peakMB: rss.length ? Math.max(...rss) : null };
  process.stderr.write(`  ${label}: median ${row.medianSeconds.toFixed(3)} s, peak ${row.peakMB?.toFixed(0) ?? '?'} MB\n`);
  return row;
}

const results = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', runs: RUNS, benchmarks: [] };

// 1. Start-up: `logi --version` against bare `node -e 0` (the floor any Node CLI pays).
process.stderr.write('start-up\n');
const nodeFloor = measure('node -e 0 (peer: bare Node start-up)', process.execPath, ['-e', '0']);
const version = measure('logi --version', process.execPath, [BIN, '--version']);
results.benchmarks.push({
  name: 'startup',
  target: 'logi --version under 0.5 s',
  rows: [version, nodeFloor],
  ratio: version.medianSeconds / nodeFloor.medianSeconds,
  pass: version.medianSeconds < 0.5,
});

// 2. Lint of 1,000 generated logigrammes against parsing the same files with `yaml` alone.
process.stderr.write('lint of 1,000 logigrammes\n');
const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-bench-'));
try {
  generateWorkspace(dir, 1000);
  const lintRow = measure('logi lint (1,000 logigrammes)', process.execPath, [BIN, 'lint', dir]);
  const parseOnly = measure('yaml parse only (peer: read + parseAllDocuments, same files)', process.execPath, [path.join(REPO, 'bench/parse-only.js'), dir]);
  results.benchmarks.push({
    name: 'lint-1000',
    target: 'under 2 s',
    rows: [lintRow, parseOnly],
    ratio: lintRow.medianSeconds / parseOnly.medianSeconds,
    pass: lintRow.medianSeconds < 2,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

mkdirSync(path.join(REPO, 'bench/out'), { recursive: true });
writeFileSync(path.join(REPO, 'bench/out/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const lines = [
  `Measured on ${results.cpus} × ${results.cpuModel}, Node ${results.node}; median of ${RUNS} runs after one warm-up; peak = maximum resident set size.`,
  '',
  '| benchmark | command | median (s) | peak memory (MB) | ratio to peer | target | met |',
  '|---|---|---:|---:|---:|---|---|',
];
for (const b of results.benchmarks) {
  b.rows.forEach((row, i) => {
    lines.push(
      `| ${i === 0 ? b.name : ''} | ${row.label} | ${row.medianSeconds.toFixed(3)} | ${row.peakMB?.toFixed(0) ?? '—'} | ${i === 0 ? `${b.ratio.toFixed(2)}×` : '1×'} | ${i === 0 ? b.target : ''} | ${i === 0 ? (b.pass ? 'yes' : '**no**') : ''} |`,
    );
  });
}
const table = lines.join('\n');
const docPath = path.join(REPO, 'docs/performance.md');
const doc = readFileSync(docPath, 'utf8');
const updated = doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`);
writeFileSync(docPath, updated);
process.stdout.write(`${table}\n`);
if (results.benchmarks.some((b) => !b.pass)) {
  process.stderr.write('some targets were missed\n');
  process.exitCode = 1;
}
