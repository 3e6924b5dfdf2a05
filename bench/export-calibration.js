// Exports a Calibration compiled as `logi calibrate` compiles it, for the NumPy peer of the
// calibration benchmark (bench/calibrate_numpy.py): the scenario's model in `expected` mode, the
// free parameters (θ slot, prior distribution, bounds), the targets (what they measure, in indices
// of the model, and their likelihood) and the settings (draws, sample, seed). It also writes logi's
// own values of every target (src/analysis/evaluate.ts, through dist/) at a few fixed parameter
// sets, which the peer's `--check` must reproduce.
//
//   node bench/export-calibration.js CALIBRATION OUT.json [--cwd DIR]
//   node bench/export-calibration.js CALIBRATION --time [RUNS] [--cwd DIR]
//       prints {"msPerRun": …}: the median wall time of one expected-mode run of every territory
//       (Evaluator.evaluate: the baseline arm of each territory, then the targets), in ms.
import { promises as fs, writeFileSync } from 'node:fs';
import { loadWorkspace } from '../dist/language/workspace.js';
import { compileModel } from '../dist/sim/model.js';
import { centralParameters } from '../dist/sim/parameters.js';
import { compileFreeParameters, compileTargets } from '../dist/analysis/compile.js';
import { Evaluator } from '../dist/analysis/evaluate.js';

const args = process.argv.slice(2);
const cwdAt = args.indexOf('--cwd');
const cwd = cwdAt >= 0 ? args.splice(cwdAt, 2)[1] : process.cwd();
const [id, second, third] = args;

const workspace = await loadWorkspace({ cwd });
const calibration = workspace.index.Calibration.get(id);
if (!calibration) throw new Error(`no Calibration ${id} in ${workspace.root}`);
const model = await compileModel(workspace, calibration.value.scenario, { mode: 'expected' }, (file) => fs.readFile(file));
const free = compileFreeParameters(workspace, calibration, model);
const targets = compileTargets(workspace, calibration, model);
const evaluator = new Evaluator(model, targets.map((target) => target.compiled));
const base = centralParameters(model.parameters);

/** θ with every parameter at its central value and the free ones at `x`. */
function thetaAt(x) {
  const theta = Float64Array.from(base);
  free.forEach((p, i) => (theta[p.slot] = x[i]));
  return theta;
}

/**
 * The fixed sets the peer is checked at: the central values clamped into the bounds (where logi's
 * searches start), then points at fixed fractions of each parameter's bounds — all low, all high,
 * alternating, and a staircase — so that every free parameter moves away from its central value.
 */
function checkSets() {
  const at = (fractions) => free.map((p, i) => p.bounds[0] + fractions[i % fractions.length] * (p.bounds[1] - p.bounds[0]));
  const centre = free.map((p) => Math.min(p.bounds[1], Math.max(p.bounds[0], model.parameters.specs[p.slot].central)));
  return [
    { name: 'central', x: centre },
    { name: 'low (10 % of each range)', x: at([0.1]) },
    { name: 'high (90 % of each range)', x: at([0.9]) },
    { name: 'alternating 20 % / 80 %', x: at([0.2, 0.8]) },
    { name: 'staircase 5 % … 95 %', x: at(free.map((_, i) => 0.05 + (0.9 * i) / Math.max(1, free.length - 1))) },
  ];
}

if (second === '--time') {
  const runs = Number(third ?? 2000);
  const sets = checkSets().map((set) => thetaAt(set.x));
  const out = new Float64Array(targets.length);
  for (let i = 0; i < 200; i++) evaluator.evaluate(sets[i % sets.length], out); // warm-up (JIT)
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    evaluator.evaluate(sets[i % sets.length], out);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = runs % 2 ? times[(runs - 1) / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
  process.stdout.write(`${JSON.stringify({ msPerRun: median, runs, territories: model.territories.length, targets: targets.length })}\n`);
} else {
  const check = checkSets().map((set) => ({ ...set, values: Array.from(evaluator.evaluate(thetaAt(set.x), new Float64Array(targets.length))) }));
  const exported = {
    calibration: calibration.value.id,
    model,
    free: free.map((p) => ({ path: p.path, slot: p.slot, prior: p.prior, bounds: p.bounds })),
    targets: targets.map((target) => ({ id: target.id, use: target.use, likelihood: target.likelihood, compiled: target.compiled })),
    settings: { draws: calibration.value.draws, sample: calibration.value.sample, minEss: calibration.value['min-ess'], seed: calibration.value.seed ?? model.seed },
    check,
  };
  // ±∞ (a bound that is a parameter's allowed range) is not JSON: written as the string "Infinity", which Python's float() reads.
  writeFileSync(second, JSON.stringify(exported, (key, value) => (typeof value === 'number' && !Number.isFinite(value) ? (value > 0 ? 'Infinity' : '-Infinity') : value)));
}
