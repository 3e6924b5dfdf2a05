#!/usr/bin/env node
/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the property tests of the fuzz suite (issue 12) with
 * more cases than `npm test` runs (10,000 by default, scaled per property by its cost) and a fresh
 * seed, printed first so that a failure can be replayed: `npm run fuzz -- --seed S --runs N`.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROPERTY_TESTS = ['test/fuzz/', 'test/language/positions.property.test.ts', 'test/text/escape.test.ts'];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`fuzz: --${name} takes a whole number, got ${process.argv[i + 1] ?? 'nothing'}\n`);
    process.exit(2);
  }
  return value;
}

const runs = option('runs', 10_000);
const seed = option('seed', randomInt(0, 2 ** 31 - 1));
process.stdout.write(`fuzz: ${runs} runs per property (scaled by its cost), seed ${seed}\n  replay: npm run fuzz -- --seed ${seed} --runs ${runs}\n\n`);
// vitest's entry point as its `bin` names it (the package does not export the path).
const vitest = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...PROPERTY_TESTS, '--testTimeout', '0', '--hookTimeout', '0'], {
  cwd: REPO,
  stdio: 'inherit',
  env: { ...process.env, LOGI_FUZZ_RUNS: String(runs), LOGI_FUZZ_SEED: String(seed) },
});
process.stdout.write(`\nfuzz: seed ${seed}, ${runs} runs per property: ${result.status === 0 ? 'nothing found' : 'a property failed (see above)'}\n`);
process.exit(result.status ?? 2);
