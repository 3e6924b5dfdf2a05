#!/usr/bin/env node
// `npm run bench`: whole commands, peers in the same run, medians and ratios, peak memory.
// Writes bench/out/results.json and the table between the bench markers of docs/performance.md.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin', 'run.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** An earlier version to compare with (BENCH_BASELINE=<built checkout>), named by its commit. */
const BASELINE = process.env.BENCH_BASELINE
  ? { dir: path.resolve(process.env.BENCH_BASELINE), name: `commit ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: path.resolve(process.env.BENCH_BASELINE), encoding: 'utf8' }).stdout.trim() || 'unknown'}` }
  : undefined;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const SIM_RUNS = Number(process.env.BENCH_SIM_RUNS ?? 3);
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 3);
const CALIBRATE_RUNS = Number(process.env.BENCH_CALIBRATE_RUNS ?? 3);
const SWEEP_RUNS = Number(process.env.BENCH_SWEEP_RUNS ?? 3);
/** The sections to run, comma-separated (BENCH_ONLY=national,startup); all of them by default. */
const SECTIONS = ['startup', 'lint', 'simulate', 'render', 'calibrate', 'sweep', 'national', 'stratify'];
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((name) => name.trim()) : undefined;
for (const name of ONLY ?? []) if (!SECTIONS.includes(name)) throw new Error(`BENCH_ONLY: no section ${name} (sections: ${SECTIONS.join(', ')})`);
const wanted = (section) => !ONLY || ONLY.includes(section);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runOnce(label, command, args, options) {
  const start = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { encoding: 'utf8', cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync(command, args, { encoding: 'utf8', cwd: options.cwd ?? REPO });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const expected = options.expectStatus ?? 0;
  if (result.status !== expected) {
    throw new Error(`${label}: exit ${result.status}, expected ${expected}\n${result.stdout?.slice(0, 2000)}\n${result.stderr?.slice(0, 2000)}`);
  }
  return { seconds, rss: TIME ? Number(result.stderr.trim().split('\n').pop()) / 1024 : undefined };
}

/**
 * Runs each command once to warm up, then `runs` times, alternating between the commands so that a
 * command and its peer see the same conditions (a slow minute of the machine hits both).
 * Returns one row per command: median wall seconds and peak RSS in MB.
 */
function measureTogether(specs, runs = RUNS) {
  for (const spec of specs) runOnce(spec.label, spec.command, spec.args, spec.options ?? {});
  const samples = specs.map(() => ({ walls: [], rss: [] }));
  for (let i = 0; i < runs; i++) {
    specs.forEach((spec, k) => {
      const r = runOnce(spec.label, spec.command, spec.args, spec.options ?? {});
      samples[k].walls.push(r.seconds);
      if (r.rss !== undefined) samples[k].rss.push(r.rss);
    });
  }
  return specs.map((spec, k) => {
    const row = { label: spec.label, runs, medianSeconds: median(samples[k].walls), minSeconds: Math.min(...samples[k].walls), peakMB: samples[k].rss.length ? Math.max(...samples[k].rss) : null };
    process.stderr.write(`  ${row.label}: median ${row.medianSeconds.toFixed(3)} s, peak ${row.peakMB?.toFixed(0) ?? '?'} MB\n`);
    return row;
  });
}

const results = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', runs: RUNS, benchmarks: [] };

/** Records a benchmark: the command's row first, then its peer's (if any). */
function record(name, target, rows, pass) {
  const [own, peer] = rows;
  results.benchmarks.push({ name, target, rows, ratio: peer ? own.medianSeconds / peer.medianSeconds : 1, pass });
}

if (wanted('startup')) {
  // 1. Start-up: `logi --version` against bare `node -e 0` (the floor any Node CLI pays).
  process.stderr.write('start-up\n');
  const [version, nodeFloor] = measureTogether([
    { label: 'logi --version', command: process.execPath, args: [BIN, '--version'] },
    { label: 'node -e 0 (peer: bare Node start-up)', command: process.execPath, args: ['-e', '0'] },
  ]);
  record('startup', 'logi --version under 0.5 s', [version, nodeFloor], version.medianSeconds < 0.5);
}

if (wanted('lint')) {
  // 2. Lint of 1,000 generated logigrammes against parsing the same files with `yaml` alone.
  process.stderr.write('lint of 1,000 logigrammes\n');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-bench-'));
  try {
    generateWorkspace(dir, 1000);
    const [lintRow, parseOnly] = measureTogether([
      { label: 'logi lint (1,000 logigrammes)', command: process.execPath, args: [BIN, 'lint', dir] },
      { label: 'yaml parse only (peer: read + parseAllDocuments, same files)', command: process.execPath, args: [path.join(REPO, 'bench/parse-only.js'), dir] },
    ]);
    record('lint-1000', 'under 2 s', [lintRow, parseOnly], lintRow.medianSeconds < 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (wanted('simulate')) {
  // 3. Simulation of the bundled five-territory diabetes scenario: 10 years, 10,000 iterations,
  //    stochastic, baseline and program.
  process.stderr.write('simulation of the bundled diabetes scenario, 10,000 iterations\n');
  const simOut = mkdtempSync(path.join(os.tmpdir(), 'logi-bench-sim-'));
  try {
    // With BENCH_BASELINE=<a built checkout of an earlier commit>, its own bundled scenario runs as a
    // peer, alternating with this one: "no slower than before" is measured in the same run.
    const dt2Rows = measureTogether(
      [
        { label: 'logi simulate pionniers-dt2-2026 --iterations 10000', command: process.execPath, args: [BIN, 'simulate', 'pionniers-dt2-2026', '--iterations', '10000', '--out', path.join(simOut, 'dt2')] },
        ...(BASELINE ? [{ label: `the same, ${BASELINE.name} (peer: earlier version)`, command: process.execPath, args: [path.join(BASELINE.dir, 'bin/run.js'), 'simulate', 'pionniers-dt2-2026', '--iterations', '10000', '--out', path.join(simOut, 'dt2-baseline')], options: { cwd: BASELINE.dir } }] : []),
      ],
      SIM_RUNS,
    );
    const [dt2] = dt2Rows;
    const dt2Target = `under 10 s, peak under 1 GB${BASELINE ? '; no more than 10 % slower than the earlier version' : ''}`;
    record('simulate-dt2-10k', dt2Target, dt2Rows, dt2.medianSeconds < 10 && (dt2.peakMB ?? 0) < 1024 && (!BASELINE || dt2.medianSeconds <= 1.1 * dt2Rows[1].medianSeconds));

    // 4. Pure Markov (no program), logi against a vectorised NumPy implementation of the same model.
    process.stderr.write('pure-Markov scenario: logi against NumPy\n');
    const markov = markovWorkspace(REPO, path.join(simOut, 'markov'));
    const modelJson = path.join(simOut, 'markov-model.json');
    const exported = spawnSync(process.execPath, [path.join(REPO, 'bench/export-model.js'), markov, 'markov', modelJson], { encoding: 'utf8' });
    if (exported.status !== 0) throw new Error(exported.stderr);
    const python = findNumpy();
    const MARKOV_RUNS = Number(process.env.BENCH_MARKOV_RUNS ?? 5);
    const markovRows = measureTogether(
      [
        { label: 'logi simulate (pure Markov, 10,000 iterations)', command: process.execPath, args: [BIN, 'simulate', 'markov', '--out', path.join(simOut, 'markov-out')], options: { cwd: markov } },
        { label: `NumPy ${python.version} (peer: same model, vectorised)`, command: python.command, args: [path.join(REPO, 'bench/markov_numpy.py'), modelJson, '10000', path.join(simOut, 'numpy.json')] },
        ...(BASELINE ? [{ label: `logi, ${BASELINE.name} (peer: earlier version)`, command: process.execPath, args: [path.join(BASELINE.dir, 'bin/run.js'), 'simulate', 'markov', '--out', path.join(simOut, 'markov-baseline-out')], options: { cwd: markovWorkspace(BASELINE.dir, path.join(simOut, 'markov-baseline')) } }] : []),
      ],
      MARKOV_RUNS,
    );
    const [logiMarkov, numpyMarkov] = markovRows;
    const markovTarget = `logi at least as fast as NumPy (ratio ≤ 1)${BASELINE ? `; ${(logiMarkov.medianSeconds / markovRows[2].medianSeconds).toFixed(2)}× the earlier version, at most 1.10×` : ''}`;
    record('markov-vs-numpy', markovTarget, markovRows, logiMarkov.medianSeconds <= numpyMarkov.medianSeconds && (!BASELINE || logiMarkov.medianSeconds <= 1.1 * markovRows[2].medianSeconds));
  } finally {
    rmSync(simOut, { recursive: true, force: true });
  }
}

if (wanted('render')) {
  // 5. Rendering every bundled logigramme to SVG: one browser and one page for the batch, against
  //    mermaid-cli's `mmdc` run once per file on the same Mermaid text, with the same browser and flags.
  process.stderr.write('rendering every bundled logigramme to SVG: logi against one mmdc per file\n');
  const renderDir = mkdtempSync(path.join(os.tmpdir(), 'logi-bench-render-'));
  try {
    const { findBrowser, chromiumArgs } = await import(path.join(REPO, 'dist/render/browser.js'));
    const browser = findBrowser();
    const mmdDir = path.join(renderDir, 'mmd');
    const texts = spawnSync(process.execPath, [BIN, 'render', 'guidelines', '--format', 'mmd', '--out', mmdDir], { cwd: REPO, encoding: 'utf8' });
    if (texts.status !== 0) throw new Error(texts.stderr);
    const mmdFiles = readdirSync(mmdDir).filter((f) => f.endsWith('.mmd'));
    const puppeteerConfig = path.join(renderDir, 'puppeteer.json');
    writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: browser.executablePath, args: chromiumArgs() }));
    const mmdc = path.join(REPO, 'node_modules/@mermaid-js/mermaid-cli/src/cli.js');
    const loop = mmdFiles
      .map((f) => `"${process.execPath}" "${mmdc}" -q -p "${puppeteerConfig}" -i "${path.join(mmdDir, f)}" -o "${path.join(renderDir, 'mmdc', f.replace(/\.mmd$/, '.svg'))}"`)
      .join(' && ');
    mkdirSync(path.join(renderDir, 'mmdc'), { recursive: true });
    const [logiRender, mmdcRender] = measureTogether(
      [
        { label: `logi render guidelines --format svg (${mmdFiles.length} logigrammes, one browser)`, command: process.execPath, args: [BIN, 'render', 'guidelines', '--format', 'svg', '--out', path.join(renderDir, 'svg')] },
        { label: `mmdc once per file (peer: same ${mmdFiles.length} .mmd files, same browser)`, command: 'bash', args: ['-c', loop] },
      ],
      RENDER_RUNS,
    );
    const speedup = mmdcRender.medianSeconds / logiRender.medianSeconds;
    record('render-svg-batch', `at least 15× faster than mmdc per file (here ${speedup.toFixed(1)}×)`, [logiRender, mmdcRender], speedup >= 15);
  } finally {
    rmSync(renderDir, { recursive: true, force: true });
  }
}

if (wanted('calibrate')) {
  // 6. Calibration of the bundled diabetes scenario (etalonnage-dt2: 6 free parameters, five
  //    territories, 10,000 prior draws, every core) against a plain NumPy SIR on the same model and
  //    targets, after checking that the peer computes logi's targets; and, once, logi's cost of one
  //    expected-mode run of the five territories.
  process.stderr.write('calibration of the bundled diabetes scenario, 10,000 draws: logi against NumPy SIR\n');
  const calibrationDir = mkdtempSync(path.join(os.tmpdir(), 'logi-bench-calibrate-'));
  try {
    const calibrationJson = path.join(calibrationDir, 'etalonnage-dt2.json');
    const exported = spawnSync(process.execPath, [path.join(REPO, 'bench/export-calibration.js'), 'etalonnage-dt2', calibrationJson], { cwd: REPO, encoding: 'utf8' });
    if (exported.status !== 0) throw new Error(exported.stderr);
    const python = findNumpy();
    const peer = path.join(REPO, 'bench/calibrate_numpy.py');
    // A peer that computes another model is worthless: its targets must be logi's at fixed parameter sets.
    const checked = spawnSync(python.command, [peer, calibrationJson, '--check'], { encoding: 'utf8' });
    process.stderr.write(checked.stdout);
    if (checked.status !== 0) throw new Error(`the NumPy calibration peer failed its check against logi\n${checked.stderr}`);
    const timed = spawnSync(process.execPath, [path.join(REPO, 'bench/export-calibration.js'), 'etalonnage-dt2', '--time', '2000'], { cwd: REPO, encoding: 'utf8' });
    if (timed.status !== 0) throw new Error(timed.stderr);
    const { msPerRun } = JSON.parse(timed.stdout);
    process.stderr.write(`  one expected-mode run of the five territories: median ${msPerRun.toFixed(3)} ms (2,000 runs, one thread)\n`);
    const workers = os.availableParallelism?.() ?? os.cpus().length;
    const calibrateRows = measureTogether(
      [
        { label: `logi calibrate etalonnage-dt2 --draws 10000 --workers ${workers} (SIR, IMIS and point fits)`, command: process.execPath, args: [BIN, 'calibrate', 'etalonnage-dt2', '--draws', '10000', '--workers', String(workers)] },
        { label: `NumPy ${python.version} SIR (peer: same model and targets, 10,000 draws, vectorised)`, command: python.command, args: [peer, calibrationJson, '10000', path.join(calibrationDir, 'posterior-numpy.json')] },
      ],
      CALIBRATE_RUNS,
    );
    const [logiCalibrate] = calibrateRows;
    record('calibrate-dt2', `under 60 s; one expected-mode run ${msPerRun.toFixed(2)} ms, well under 10 ms`, calibrateRows, logiCalibrate.medianSeconds < 60 && msPerRun < 10);
    results.benchmarks.at(-1).expectedRunMs = msPerRun;
  } finally {
    rmSync(calibrationDir, { recursive: true, force: true });
  }
}

if (wanted('sweep')) {
  // 7. A coverage sweep of the bundled diabetes scenario (issue 16): 8 values of S1's coverage,
  //    1,000 iterations each, every core; no peer (no other tool sweeps a logigramme program).
  process.stderr.write('coverage sweep of the bundled diabetes scenario, 8 values × 1,000 iterations\n');
  {
    const sweepRows = measureTogether(
      [{ label: 'logi sweep pionniers-dt2-2026 --vary coverage.S1=0.1..0.8:8 --iterations 1000', command: process.execPath, args: [BIN, 'sweep', 'pionniers-dt2-2026', '--vary', 'coverage.S1=0.1..0.8:8', '--iterations', '1000'] }],
      SWEEP_RUNS,
    );
    record('sweep-dt2', 'under 60 s (issue 16)', sweepRows, sweepRows[0].medianSeconds < 60);
  }
}

// 8. The national example (issue 17, docs/national.md): workspaces of N synthetic territories
//    (copies of the pioneers with scaled figures, scripts/national-workspace.mjs), both bundled
//    pyramids, 10 years, stochastic, baseline and program, `--out` with `--report`. One run per size
//    and scenario by default (a run at 500 territories is long), no peer: the rows are the issue's
//    targets, and the scaling table goes between the bench-national markers of docs/performance.md.
//    A quick check of the harness: BENCH_ONLY=national BENCH_NATIONAL_SIZES=5,20 BENCH_NATIONAL_ITERATIONS=100.
const NATIONAL_SIZES = (process.env.BENCH_NATIONAL_SIZES ?? '5,20,50,131,500').split(',').map(Number);
const NATIONAL_ITERATIONS = Number(process.env.BENCH_NATIONAL_ITERATIONS ?? 2000);
const NATIONAL_RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 1);
const NATIONAL_SCENARIOS = [
  { id: 'national-dt2', name: 'diabetes' },
  { id: 'national-ic', name: 'heart failure' },
];
/** "Memory flat" and "time linear": every point within this share of the reference (the issue's ±15 %). */
const NATIONAL_TOLERANCE = 0.15;
if (wanted('national')) {
  if (NATIONAL_SIZES.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(NATIONAL_ITERATIONS) || NATIONAL_ITERATIONS < 1) {
    throw new Error('BENCH_NATIONAL_SIZES: whole numbers ≥ 1, comma-separated; BENCH_NATIONAL_ITERATIONS: a whole number ≥ 1');
  }
  process.stderr.write(`national example: ${NATIONAL_SIZES.join(', ')} territories × both pyramids × ${NATIONAL_ITERATIONS} iterations, --report\n`);
  const nationalDir = mkdtempSync(path.join(os.tmpdir(), 'logi-bench-national-'));
  try {
    results.national = measureNational(nationalDir);
    recordNational(results.national);
  } finally {
    rmSync(nationalDir, { recursive: true, force: true });
  }
}

// 8. Stratification (issue 18): a synthetic population of a bundled territory (`logi synth`,
//    diabetes and heart failure together), stratified by the diabetes pyramid's criteria, against
//    a straightforward pandas implementation of the same criteria (bench/stratify_pandas.py,
//    Debian's python3-pandas; it counts only, and reads CSV, Debian having no pyarrow). The peer's
//    like for like is `logi stratify --counts-only` on the same CSV files.
//    BENCH_STRATIFY_TERRITORY (default douaisis, 245,007 people).
const STRATIFY_TERRITORY = process.env.BENCH_STRATIFY_TERRITORY ?? 'douaisis';
const STRATIFY_AS_OF = '2026-06-30';
const STRATIFY_RUNS = Number(process.env.BENCH_STRATIFY_RUNS ?? 3);
const stratifyRun = (label, data, out, extra = []) => ({ label, command: process.execPath, args: [BIN, 'stratify', 'diabete-t2', data, '--as-of', STRATIFY_AS_OF, '--out', out, ...extra] });
const pandasRun = (label, criteria, data) => ({ label, command: '/usr/bin/python3', args: [path.join(REPO, 'bench/stratify_pandas.py'), criteria, data, STRATIFY_AS_OF] });
if (wanted('stratify')) {
  process.stderr.write(`stratification of the synthetic population of ${STRATIFY_TERRITORY}\n`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-bench-stratify-'));
  try {
    const synth = {};
    for (const format of ['parquet', 'csv']) {
      const measured = runOnce(`logi synth ${STRATIFY_TERRITORY} --format ${format}`, process.execPath, [BIN, 'synth', STRATIFY_TERRITORY, '--as-of', STRATIFY_AS_OF, '--format', format, '--out', path.join(dir, format)], {});
      synth[format] = measured.seconds;
      process.stderr.write(`  logi synth --format ${format}: ${measured.seconds.toFixed(1)} s\n`);
    }
    const criteria = path.join(dir, 'criteria.json');
    const exported = spawnSync(process.execPath, [path.join(REPO, 'bench/export-criteria.js'), REPO, 'diabete-t2', criteria], { encoding: 'utf8' });
    if (exported.status !== 0) throw new Error(`bench/export-criteria.js: ${exported.stderr}`);
    if (spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { encoding: 'utf8' }).status !== 0) throw new Error('the stratify benchmark needs Debian\'s python3-pandas (apt-get install -y python3-pandas)');
    const full = (format) => stratifyRun(`logi stratify diabete-t2 (${format}: counts and assignments with reasons, --no-worklist)`, path.join(dir, format), path.join(dir, `out-${format}`), ['--no-worklist']);
    const counts = (format) => stratifyRun(`logi stratify diabete-t2 --counts-only (${format})`, path.join(dir, format), path.join(dir, `counts-${format}`), ['--counts-only']);
    const pandas = pandasRun('pandas (peer: the same criteria, counts only, CSV)', criteria, path.join(dir, 'csv'));
    const [fullParquet, countsCsv, fullCsv, countsParquet, pandasRow] = measureTogether([full('parquet'), counts('csv'), full('csv'), counts('parquet'), pandas], STRATIFY_RUNS);
    record('stratify-douaisis', `${STRATIFY_TERRITORY} (Parquet) under 5 s end to end, with every patient's assignment and reason`, [fullParquet], fullParquet.medianSeconds < 5);
    record('stratify-douaisis-pandas', 'counts only from the same CSV files as pandas, which counts only: at least 5× faster (the other rows: the same from Parquet, and the full run from CSV, for the record)', [countsCsv, pandasRow, countsParquet, fullCsv], countsCsv.medianSeconds * 5 <= pandasRow.medianSeconds);
    results.stratify = { territory: STRATIFY_TERRITORY, synthSeconds: synth, large: await stratifyLarge(dir, criteria) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The counts of a counts.csv as stratum → count per territory line (`territory,stratum,count`). */
function countsOf(file) {
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
}

/**
 * About 10 million patients (issue 18's target: counts in under 60 s, peak under 2 GB): the
 * synthetic territory copied BENCH_STRATIFY_COPIES times (default 41: 10,045,287 patients for the
 * Douaisis) by bench/replicate-population.js, counted once with --counts-only (its default memory
 * limit) and once in full (assignments with reasons, for the record); every copy's counts must be
 * the source's. Then the peer at scale: BENCH_STRATIFY_PANDAS_COPIES copies (default 10: pandas
 * holds every row as Python objects, about 4 GB at 10 copies, too much at 41) as CSV, pandas
 * against `--counts-only` on the same CSV and on the same copies in Parquet.
 */
async function stratifyLarge(dir, criteria) {
  const copies = Number(process.env.BENCH_STRATIFY_COPIES ?? 41);
  if (copies <= 0) return null;
  const { replicatePopulation } = await import('./replicate-population.js');
  await replicatePopulation(path.join(dir, 'parquet'), copies, path.join(dir, 'large'));
  const source = new Map(countsOf(path.join(dir, 'out-parquet', 'counts.csv')).map(([, stratum, n]) => [stratum, n]));
  const exactly = (out) => countsOf(path.join(out, 'counts.csv')).every(([, stratum, n]) => source.get(stratum) === n);
  const once = (spec) => {
    const run = runOnce(spec.label, spec.command, spec.args, {});
    const row = { label: spec.label, runs: 1, medianSeconds: run.seconds, minSeconds: run.seconds, peakMB: run.rss };
    process.stderr.write(`  ${row.label}: ${run.seconds.toFixed(1)} s, peak ${run.rss?.toFixed(0) ?? '?'} MB\n`);
    return row;
  };
  const countsOut = path.join(dir, 'counts-large');
  const countsRow = once(stratifyRun(`logi stratify diabete-t2 --counts-only, ${copies} copies of ${STRATIFY_TERRITORY} (Parquet)`, path.join(dir, 'large'), countsOut, ['--counts-only']));
  const fullOut = path.join(dir, 'out-large');
  const fullRow = once(stratifyRun(`logi stratify diabete-t2 --no-worklist (assignments with reasons), the same ${copies} copies`, path.join(dir, 'large'), fullOut, ['--no-worklist']));
  const exact = exactly(countsOut) && exactly(fullOut);
  record('stratify-large', 'about 10 million patients counted in under 60 s, peak under 2 GB, every copy counted as the source (the full run for the record)', [countsRow, fullRow], countsRow.medianSeconds < 60 && (countsRow.peakMB ?? 0) < 2048 && exact);
  rmSync(path.join(dir, 'large'), { recursive: true, force: true });
  return { copies, seconds: countsRow.medianSeconds, peakMB: countsRow.peakMB, fullSeconds: fullRow.medianSeconds, fullPeakMB: fullRow.peakMB, exact, pandas: await stratifyPandasAtScale(dir, criteria, once, exactly) };
}

/** pandas against `logi stratify --counts-only` on BENCH_STRATIFY_PANDAS_COPIES copies, CSV and Parquet. */
async function stratifyPandasAtScale(dir, criteria, once, exactly) {
  const copies = Number(process.env.BENCH_STRATIFY_PANDAS_COPIES ?? 10);
  if (copies <= 0) return null;
  const { replicatePopulation } = await import('./replicate-population.js');
  const [parquet, csv] = [path.join(dir, `p${copies}`), path.join(dir, `c${copies}`)];
  await replicatePopulation(path.join(dir, 'parquet'), copies, parquet, csv);
  const logiCsv = once(stratifyRun(`logi stratify diabete-t2 --counts-only, ${copies} copies (CSV)`, csv, path.join(dir, 'counts-c'), ['--counts-only']));
  const peer = once(pandasRun(`pandas (peer: counts only), the same ${copies} copies (CSV)`, criteria, csv));
  const logiParquet = once(stratifyRun(`logi stratify diabete-t2 --counts-only, the same ${copies} copies (Parquet)`, parquet, path.join(dir, 'counts-p'), ['--counts-only']));
  const exact = exactly(path.join(dir, 'counts-c')) && exactly(path.join(dir, 'counts-p'));
  record('stratify-pandas-at-scale', `${copies} copies of ${STRATIFY_TERRITORY}: counts only from the same CSV as pandas at least 5× faster (and from Parquet, for the record); every copy counted as the source`, [logiCsv, peer, logiParquet], logiCsv.medianSeconds * 5 <= peer.medianSeconds && exact);
  return { copies, csvSeconds: logiCsv.medianSeconds, pandasSeconds: peer.medianSeconds, parquetSeconds: logiParquet.medianSeconds, exact };
}

/**
 * Every size at NATIONAL_ITERATIONS, and the middle size (131 when measured) once more at a quarter
 * of the iterations, so that "linear in territories × iterations" is checked along both. Each point:
 * each scenario's median wall time and peak memory, the two summed, and the output files' sizes.
 */
function measureNational(dir) {
  const middle = NATIONAL_SIZES.includes(131) ? 131 : NATIONAL_SIZES[Math.floor((NATIONAL_SIZES.length - 1) / 2)];
  const plan = [...NATIONAL_SIZES.map((territories) => ({ territories, iterations: NATIONAL_ITERATIONS })), { territories: middle, iterations: Math.max(1, Math.round(NATIONAL_ITERATIONS / 4)) }];
  const workspaces = new Map();
  for (const territories of new Set(plan.map((p) => p.territories))) {
    const workspace = path.join(dir, `national-${territories}`);
    const generated = spawnSync(process.execPath, [path.join(REPO, 'scripts/national-workspace.mjs'), '--territories', String(territories), '--out', workspace], { encoding: 'utf8' });
    if (generated.status !== 0) throw new Error(`scripts/national-workspace.mjs --territories ${territories}: ${generated.stderr}`);
    workspaces.set(territories, workspace);
  }
  const points = plan.map(({ territories, iterations }) => {
    const point = { territories, iterations, scenarios: {} };
    for (const { id } of NATIONAL_SCENARIOS) {
      const label = `logi simulate ${id} (${territories} territories) --iterations ${iterations} --report`;
      const walls = [];
      const peaks = [];
      let files;
      for (let run = 0; run < NATIONAL_RUNS; run++) {
        const out = path.join(dir, `out-${territories}-${iterations}-${id}`);
        const measured = runOnce(label, process.execPath, [BIN, 'simulate', id, '--iterations', String(iterations), '--out', out, '--report'], { cwd: workspaces.get(territories) });
        walls.push(measured.seconds);
        if (measured.rss !== undefined) peaks.push(measured.rss);
        files = outputSizesMB(out);
        rmSync(out, { recursive: true, force: true });
      }
      point.scenarios[id] = { seconds: median(walls), peakMB: peaks.length ? Math.max(...peaks) : null, files };
      process.stderr.write(`  ${label}: ${median(walls).toFixed(2)} s, peak ${peaks.length ? Math.max(...peaks).toFixed(0) : '?'} MB\n`);
    }
    const scenarios = Object.values(point.scenarios);
    point.seconds = scenarios.reduce((sum, s) => sum + s.seconds, 0);
    point.peakMB = scenarios.every((s) => s.peakMB !== null) ? Math.max(...scenarios.map((s) => s.peakMB)) : null;
    // Both pyramids together, per territory and iteration: flat when time is linear and the fixed costs are small.
    point.secondsPerTerritoryIteration = point.seconds / (territories * iterations);
    return point;
  });
  return { iterations: NATIONAL_ITERATIONS, runs: NATIONAL_RUNS, points, fit: linearFit(points.map((p) => [p.territories * p.iterations, p.seconds])) };
}

/** Sizes in MB of what a run wrote, by top-level name (a folder: the sum of its files). */
function outputSizesMB(dir) {
  const sizeOf = (file) => (statSync(file).isDirectory() ? readdirSync(file).reduce((sum, name) => sum + sizeOf(path.join(file, name)), 0) : statSync(file).size);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, sizeOf(path.join(dir, name)) / 2 ** 20]));
}

/** Least squares of y = a + b·x, and the largest |y − fit| / fit over the points. */
function linearFit(xy) {
  const n = xy.length;
  const mx = xy.reduce((s, [x]) => s + x, 0) / n;
  const my = xy.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = xy.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const b = sxx > 0 ? xy.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx : 0;
  const a = my - b * mx;
  return { interceptSeconds: a, secondsPerTerritoryIteration: b, worstDeviation: Math.max(...xy.map(([x, y]) => Math.abs(y - (a + b * x)) / (a + b * x))) };
}

/** The issue's three rows, each when its sizes were measured. */
function recordNational(national) {
  const atFull = national.points.filter((p) => p.iterations === NATIONAL_ITERATIONS);
  const full131 = atFull.find((p) => p.territories === 131);
  if (full131) {
    const row = { label: `logi simulate national-dt2, then national-ic: 131 territories, ${NATIONAL_ITERATIONS} iterations each, --out with --report (summed; peak of the two)`, runs: NATIONAL_RUNS, medianSeconds: full131.seconds, minSeconds: full131.seconds, peakMB: full131.peakMB };
    record('national-131', '131 territories × both pyramids × 2,000 iterations: under 60 s in total, peak under 1.5 GB', [row], NATIONAL_ITERATIONS === 2000 && full131.seconds < 60 && full131.peakMB !== null && full131.peakMB < 1536);
  } else process.stderr.write('  national-131: 131 territories not measured (BENCH_NATIONAL_SIZES)\n');
  const flat = atFull.filter((p) => p.territories >= 20 && p.territories <= 500);
  if (flat.length >= 2 && flat.every((p) => p.peakMB !== null)) {
    const peaks = NATIONAL_SCENARIOS.map(({ id, name }) => ({ name, mb: flat.map((p) => p.scenarios[id].peakMB) }));
    const deviation = Math.max(...peaks.flatMap(({ mb }) => mb.map((x) => Math.abs(x / mb[0] - 1))));
    const label = `peak memory (MB) at ${flat.map((p) => p.territories).join(', ')} territories: ${peaks.map(({ name, mb }) => `${name} ${mb.map((x) => x.toFixed(0)).join(', ')}`).join('; ')}`;
    const row = { label, runs: NATIONAL_RUNS, medianSeconds: null, minSeconds: null, peakMB: Math.max(...peaks.flatMap(({ mb }) => mb)) };
    record('national-memory-flat', `each pyramid's peak within ±${NATIONAL_TOLERANCE * 100} % of its peak at ${flat[0].territories} territories (worst ${(deviation * 100).toFixed(1)} %)`, [row], deviation <= NATIONAL_TOLERANCE);
  } else process.stderr.write('  national-memory-flat: needs two sizes from 20 to 500 territories\n');
  if (national.points.length >= 3) {
    const { interceptSeconds, secondsPerTerritoryIteration, worstDeviation } = national.fit;
    const row = { label: `time = ${interceptSeconds.toFixed(2)} s + ${(secondsPerTerritoryIteration * 1e6).toFixed(2)} µs × territories × iterations (both pyramids; ${national.points.length} points)`, runs: NATIONAL_RUNS, medianSeconds: null, minSeconds: null, peakMB: null };
    record('national-time-linear', `every point within ±${NATIONAL_TOLERANCE * 100} % of the least-squares line (worst ${(worstDeviation * 100).toFixed(1)} %)`, [row], worstDeviation <= NATIONAL_TOLERANCE);
  }
}

/** The scaling table of docs/performance.md: one line per point. */
function nationalTable(national) {
  const mb = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));
  const files = (point, name) => NATIONAL_SCENARIOS.map(({ id }) => mb(point.scenarios[id].files?.[name])).join(' / ');
  const lines = [
    `Both bundled pyramids (diabetes / heart failure), stochastic, baseline and program, 10 years, \`--out\` with \`--report\`; ${national.runs === 1 ? 'one run' : `median of ${national.runs} runs`} per point; peak = maximum resident set size; sizes in MB (diabetes / heart failure).`,
    '',
    '| territories | iterations | diabetes (s) | heart failure (s) | total (s) | µs per territory-iteration | peak diabetes (MB) | peak heart failure (MB) | results.json | summary.csv | summary.parquet | report.html |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const p of national.points) {
    const [dt2, ic] = NATIONAL_SCENARIOS.map(({ id }) => p.scenarios[id]);
    lines.push(
      `| ${p.territories} | ${p.iterations} | ${dt2.seconds.toFixed(2)} | ${ic.seconds.toFixed(2)} | ${p.seconds.toFixed(2)} | ${(p.secondsPerTerritoryIteration * 1e6).toFixed(2)} | ${dt2.peakMB?.toFixed(0) ?? '—'} | ${ic.peakMB?.toFixed(0) ?? '—'} | ${files(p, 'results.json')} | ${files(p, 'summary.csv')} | ${files(p, 'summary.parquet')} | ${files(p, 'report.html')} |`,
    );
  }
  const { interceptSeconds, secondsPerTerritoryIteration, worstDeviation } = national.fit;
  lines.push('', `Least-squares line: total = ${interceptSeconds.toFixed(2)} s + ${(secondsPerTerritoryIteration * 1e6).toFixed(2)} µs × territories × iterations; worst deviation ${(worstDeviation * 100).toFixed(1)} %.`);
  return lines.join('\n');
}

/**
 * The pure-Markov workspace built from a checkout's own files (its pyramid, actors and
 * territories): the diabetes pyramid, no program in either arm, five territories, 10 years.
 */
function markovWorkspace(repo, markov) {
  mkdirSync(path.join(markov, 'territories'), { recursive: true });
  writeFileSync(path.join(markov, 'logi.config.yaml'), 'include: [.]\n');
  copyFileSync(path.join(repo, 'guidelines/diabete-t2/pyramide.yaml'), path.join(markov, 'pyramide.yaml'));
  // The territories also count heart failure: its pyramid must be there for them to lint clean.
  copyFileSync(path.join(repo, 'guidelines/insuffisance-cardiaque/pyramide.yaml'), path.join(markov, 'pyramide-ic.yaml'));
  copyFileSync(path.join(repo, 'guidelines/acteurs.yaml'), path.join(markov, 'acteurs.yaml'));
  for (const name of readdirSync(path.join(repo, 'simulations/territories'))) copyFileSync(path.join(repo, 'simulations/territories', name), path.join(markov, 'territories', name));
  writeFileSync(
    path.join(markov, 'scenario.yaml'),
    ['aucun-a', 'aucun-b'].map((id) => `kind: Program\nversion: 1\nid: ${id}\ntitle: Aucun programme\npyramid: diabete-t2\nstrata: {}\n`).join('---\n') +
      '---\nkind: Scenario\nversion: 1\nid: markov\npyramid: diabete-t2\nterritories: [aube-sezannais, cornouaille, deux-sevres, douaisis, haute-saone]\nbaseline: aucun-a\nprogram: aucun-b\nhorizon: 10\niterations: 10000\nseed: 20180318\n',
  );
  return markov;
}

/** python3 with NumPy: the one on the PATH, or Debian's after installing python3-numpy. */
function findNumpy() {
  for (const command of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(command, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { command, version: probe.stdout.trim() };
  }
  process.stderr.write('  installing python3-numpy (Debian)\n');
  const install = spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('could not install python3-numpy');
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  return { command: '/usr/bin/python3', version: probe.stdout.trim() };
}

mkdirSync(path.join(REPO, 'bench/out'), { recursive: true });
writeFileSync(path.join(REPO, 'bench/out/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const lines = [
  `Measured on ${results.cpus} × ${results.cpuModel}, Node ${results.node}; median of ${RUNS} runs (diabetes simulation: ${SIM_RUNS}; Markov pair: ${process.env.BENCH_MARKOV_RUNS ?? 5}; render pair: ${RENDER_RUNS}; calibration pair: ${CALIBRATE_RUNS}; sweep: ${SWEEP_RUNS}) after one warm-up, a command and its peer alternating run by run; peak = maximum resident set size (of the command and its worker threads).`,
  '',
  '| benchmark | command | median (s) | peak memory (MB) | ratio to peer | target | met |',
  '|---|---|---:|---:|---:|---|---|',
];
for (const b of results.benchmarks) {
  b.rows.forEach((row, i) => {
    // Ratios to the first peer; rows after the first peer (an earlier version) show their own ratio to it too.
    const ratio = b.rows.length === 1 ? '—' : i === 1 ? '1×' : `${(row.medianSeconds / b.rows[1].medianSeconds).toFixed(2)}×`;
    lines.push(
      `| ${i === 0 ? b.name : ''} | ${row.label} | ${row.medianSeconds?.toFixed(3) ?? '—'} | ${row.peakMB?.toFixed(0) ?? '—'} | ${ratio} | ${i === 0 ? b.target : ''} | ${i === 0 ? (b.pass ? 'yes' : '**no**') : ''} |`,
    );
  });
}
const table = lines.join('\n');
const docPath = path.join(REPO, 'docs/performance.md');
let doc = readFileSync(docPath, 'utf8');
// A run of some sections only (BENCH_ONLY) would drop the others' rows: the table is printed, not written.
if (!ONLY) doc = doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`);
process.stdout.write(`${table}\n`);
if (results.national) {
  const scaling = nationalTable(results.national);
  process.stdout.write(`\n${scaling}\n`);
  // Only the issue's sizes and iterations go into the document; a quick run is printed.
  const official = !process.env.BENCH_NATIONAL_SIZES && !process.env.BENCH_NATIONAL_ITERATIONS;
  if (official) doc = doc.replace(/<!-- bench-national:start -->[\s\S]*<!-- bench-national:end -->/, `<!-- bench-national:start -->\n${scaling}\n<!-- bench-national:end -->`);
}
writeFileSync(docPath, doc);
if (results.benchmarks.some((b) => !b.pass)) {
  process.stderr.write('some targets were missed\n');
  process.exitCode = 1;
}
