/**
 * Issue 12 #8: memory. A run estimates its memory before allocating and refuses what would not
 * fit, with the figure; --workers is clamped to the cores. The estimate's record size is checked
 * against a layout counted by hand, and the whole estimate against the peak memory of a real run
 * measured by the operating system.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { UsageError } from '../../src/language/workspace.js';
import { BASE_BYTES, checkMemory, clampWorkers, estimateRunMemory, SUMMARY_COPIES, SUMMARY_SLACK, WORKER_BYTES } from '../../src/sim/runner.js';
import { parseMemorySize } from '../../src/cli/sizes.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { FIXED, modelOf } from './helpers.js';

describe('issue 12 #8: memory is estimated before it is allocated', () => {
  it('the per-iteration figure is the records of a layout counted by hand (a batch of territories and the running sums), plus the draws, times the slack', async () => {
    const model = await modelOf(FIXED, 'fixed', { iterations: 1000 });
    // The test model over 6 years: 4 states (S0, S1, S2, dead) at the end of years 0…6 = 28; 6
    // transitions × 6 years = 36; 1 inflow × 6 = 6; 2 actions (test, coaching) × 6 = 12; enrolled
    // person-years of 3 strata × 6 = 18 (no move, no program cost): 100 values.
    // Float32 records of the batch's territories and arms, and the sums over territories of both
    // arms in float64 (src/sim/batches.ts).
    const recordBytes = 2 /* territories */ * 2 /* arms */ * 100 * 4 + 2 /* arms */ * 100 * 8;
    const drawBytes = model.parameters.specs.length * 8;
    const estimate = estimateRunMemory(model, 1);
    expect(estimate.perIteration).toBe(Math.ceil((recordBytes + drawBytes) * SUMMARY_SLACK) + SUMMARY_COPIES * 8);
    // A batch of one territory: the records of one territory, the sums unchanged.
    expect(estimateRunMemory(model, 1, 1).perIteration).toBe(Math.ceil((2 * 100 * 4 + 2 * 100 * 8 + drawBytes) * SUMMARY_SLACK) + SUMMARY_COPIES * 8);
    expect(estimate.bytes).toBe(BASE_BYTES + 1000 * estimate.perIteration);
    expect(estimateRunMemory(model, 4).fixed).toBe(BASE_BYTES + 4 * WORKER_BYTES);
  });

  it('a million iterations with 1 GB allowed: refused before anything is allocated, with the figure and what fits', async () => {
    const model = await modelOf(FIXED, 'fixed', { iterations: 1_000_000 });
    const perIteration = estimateRunMemory(model, 1).perIteration;
    const fits = Math.floor((2 ** 30 - 176 * 2 ** 20) / perIteration);
    let refusal: unknown;
    try {
      checkMemory(model, 1, 2 ** 30, 'max-memory');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UsageError);
    const needGB = ((176 * 2 ** 20 + 1_000_000 * perIteration) / 2 ** 30).toFixed(2);
    expect((refusal as UsageError).message).toBe(`this run needs about ${needGB} GB of memory (1000000 iterations × ${Math.ceil(perIteration / 1024)} KB, plus 0.17 GB), more than the 1.00 GB allowed by --max-memory`);
    expect((refusal as UsageError).hint).toBe(`run at most ${fits} iterations (-n ${fits}), or fewer territories`);
    expect(() => checkMemory(model, 1, 200 * 2 ** 30, 'available')).not.toThrow();
  });

  it('when not even the fixed part fits, the hint says so', async () => {
    const model = await modelOf(FIXED, 'fixed', { iterations: 10 });
    expect(() => checkMemory(model, 1, 100 * 2 ** 20, 'available')).toThrow(UsageError);
    try {
      checkMemory(model, 1, 100 * 2 ** 20, 'available');
    } catch (error) {
      expect((error as UsageError).message).toMatch(/, more than the 0\.10 GB available on this machine$/);
      expect((error as UsageError).hint).toBe('free memory, or run fewer territories: even one iteration does not fit');
    }
  });

  it('says it in French under --lang fr: decimal commas, Go and Ko', async () => {
    const model = await modelOf(FIXED, 'fixed', { iterations: 1_000_000 });
    const perIteration = estimateRunMemory(model, 1).perIteration;
    const fits = Math.floor((2 ** 30 - 176 * 2 ** 20) / perIteration);
    const needGo = ((176 * 2 ** 20 + 1_000_000 * perIteration) / 2 ** 30).toFixed(2).replace('.', ',');
    setLanguage('fr');
    try {
      expect(() => checkMemory(model, 1, 2 ** 30, 'max-memory')).toThrow(
        `cette simulation demande environ ${needGo} Go de mémoire (1000000 itérations × ${Math.ceil(perIteration / 1024)} Ko, plus 0,17 Go), plus que les 1,00 Go permis par --max-memory`,
      );
      try {
        checkMemory(model, 1, 2 ** 30, 'max-memory');
      } catch (error) {
        expect((error as UsageError).hint).toBe(`lancez au plus ${fits} itérations (-n ${fits}), ou moins de territoires`);
      }
      expect(() => checkMemory(model, 1, 100 * 2 ** 20, 'available')).toThrow(/plus que les 0,10 Go disponibles sur cette machine$/);
    } finally {
      setLanguage('en');
    }
  });

  it('--workers is clamped to the cores the operating system reports', () => {
    const cores = os.availableParallelism();
    expect(clampWorkers(256)).toBe(cores);
    expect(clampWorkers(1)).toBe(1);
    expect(clampWorkers(0)).toBe(1);
  });

  it('the estimate covers the peak memory the operating system measures for a real run, within a factor 2', () => {
    // A child process runs 30,000 iterations of the test model on one thread (the built dist/, as
    // the CLI does) and reports its peak resident set size (getrusage's maxrss). The model is small
    // so that the run is quick, which is also where the summaries weigh most against the records.
    const script = `
      const { simulate } = await import(${JSON.stringify(path.join(REPO, 'dist/sim/simulate.js'))});
      const { estimateRunMemory } = await import(${JSON.stringify(path.join(REPO, 'dist/sim/runner.js'))});
      const run = await simulate({ scenario: 'fixed', cwd: ${JSON.stringify(FIXED)}, version: 't', iterations: 30000, workers: 1 });
      console.log(JSON.stringify({ peak: process.resourceUsage().maxRSS * 1024, estimate: estimateRunMemory(run.model, 1).bytes }));`;
    const { peak, estimate } = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 })) as { peak: number; estimate: number };
    expect(estimate, `estimate ${(estimate / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB`).toBeGreaterThanOrEqual(peak);
    expect(estimate).toBeLessThan(2 * peak);
  }, 120_000);

  it('the CLI: a million iterations with --max-memory 200MB exit 2 with the figure, and write nothing', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'logi-memory-'));
    try {
      const out = path.join(parent, 'out');
      const run = runCli(['simulate', 'fixed', '-n', '1000000', '--max-memory', '200MB', '--out', out, '-w', '1'], { cwd: FIXED });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^logi: this run needs about \d+\.\d\d GB of memory \(1000000 iterations × \d+ KB, plus 0\.17 GB\), more than the 0\.20 GB allowed by --max-memory\n {2}hint: run at most \d+ iterations \(-n \d+\), or fewer territories\n$/);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(existsSync(out)).toBe(false);
      const bad = runCli(['simulate', 'fixed', '--max-memory', 'lots'], { cwd: FIXED });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--max-memory lots is not a size');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 120_000);

  it('sizes are read in binary units, and anything else is refused', () => {
    expect(parseMemorySize('512MB')).toBe(512 * 2 ** 20);
    expect(parseMemorySize('4GB')).toBe(4 * 2 ** 30);
    expect(parseMemorySize('1.5g')).toBe(1.5 * 2 ** 30);
    expect(parseMemorySize('1,5 G')).toBe(1.5 * 2 ** 30);
    expect(parseMemorySize('1000')).toBe(1000);
    for (const bad of ['lots', '4 constructor', '-1GB', '0', '', 'GB']) expect(parseMemorySize(bad), bad).toBeUndefined();
  });
});
