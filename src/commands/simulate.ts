import path from 'node:path';
import { Args, Flags, type Interfaces } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { ProgressBar } from '../cli/progress.js';
import { parseMemorySize } from '../cli/sizes.js';
import { OutputSet } from '../io/output-set.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { summariesCsv } from '../sim/csv.js';
import { formatSummary } from '../sim/format.js';
import { ModelError } from '../sim/model.js';
import { ParameterError } from '../sim/parameters.js';
import { serializeResults, type Results } from '../sim/results.js';
import { defaultWorkers } from '../sim/runner.js';
import { InvalidInputError, simulate } from '../sim/simulate.js';
import { currentLanguage } from '../i18n/language.js';

export default class Simulate extends LogiCommand {
  static override summary = 'Run the Monte Carlo simulation of a scenario: strata year by year, action volumes, workforce and cost, baseline against program.';
  static override description = `SCENARIO is a scenario id of the workspace, or the YAML file that holds it. Each iteration draws every parameter once (shared by all territories and both arms), then runs the stochastic cohort model of each territory for the baseline (usual care) and the program with common random numbers. Results are the same, byte for byte, for the same inputs and seed, whatever the number of workers. See docs/simulation.md for the method.

Exit codes: 0 done; 2 invalid input (the workspace does not lint clean, or a parameter is invalid: the message names it, its file:line and the iteration).`;
  static override examples = [
    { description: 'Simulate the bundled diabetes scenario and write the results', command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --out out/dt2' },
    { description: 'A quick run with fewer iterations', command: '<%= config.bin %> <%= command.id %> simulations/pionniers-ic.yaml --iterations 200' },
    { description: 'The exact reference: parameters at their means, expected counts', command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --mode expected' },
    { description: 'With the HTML report (open out/dt2/report.html)', command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --out out/dt2 --report' },
    { description: 'Refuse, before starting, a run that would need more than 2 GB', command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --iterations 100000 --max-memory 2GB' },
    { description: 'CSV for a French spreadsheet', command: '<%= config.bin %> <%= command.id %> pionniers-dt2-2026 --out out/dt2 --csv-delimiter ";"' },
  ];
  static override args = { scenario: Args.string({ description: 'scenario id, or the YAML file holding the scenario', required: true }) };
  static override flags = {
    iterations: Flags.integer({ char: 'n', description: 'Monte Carlo iterations (default: the scenario\'s)', min: 1, max: 1_000_000 }),
    seed: Flags.integer({ char: 's', description: 'seed of every random stream (default: the scenario\'s)', min: 0, max: 2 ** 32 - 1 }),
    mode: Flags.string({ description: 'stochastic: parameter draws and count noise; psa: parameter draws, expected counts; expected: means, one iteration', options: ['stochastic', 'psa', 'expected'] }),
    workers: Flags.integer({ char: 'w', description: 'worker threads (default and at most: the number of cores)', min: 1, max: 256 }),
    'max-memory': Flags.string({ description: 'memory the run may take, e.g. 4GB or 512MB (default: what the machine has available); a run estimated above it is refused before it starts' }),
    horizon: Flags.integer({ description: 'years to simulate (default: the scenario\'s)', min: 1, max: 100 }),
    out: Flags.string({ char: 'o', description: 'folder to write results.json and summary.csv into' }),
    report: Flags.boolean({ description: 'also write the HTML report (report.html) into --out' }),
    'csv-delimiter': Flags.string({ description: 'CSV delimiter; `;` also writes decimal commas, for French spreadsheets', options: [',', ';'], default: ',' }),
  };

  async run(): Promise<Results | { out: string; files: string[]; manifest: Results['manifest'] }> {
    const { args, flags } = await this.parse(Simulate);
    if (flags['max-memory'] !== undefined && parseMemorySize(flags['max-memory']) === undefined) {
      return this.fail(`--max-memory ${flags['max-memory']} is not a size`, 'write it as 4GB, 512MB or 1.5G (binary units: 1 GB = 2³⁰ bytes)');
    }
    if (flags.report && !flags.out) return this.fail('--report writes the report into the --out folder: give one', 'e.g. `logi simulate pionniers-dt2-2026 --out out/dt2 --report`');
    // Checked before simulating: a folder holding files logi did not write is refused at once.
    const set = flags.out ? await OutputSet.prepare(flags.out, { command: 'simulate', names: SET_FILES }) : undefined;
    try {
      const results = await this.simulate(args.scenario, flags);
      const files = set ? await this.writeSet(set, results, flags) : [];
      if (this.jsonEnabled()) return flags.out ? { out: path.resolve(flags.out), files, manifest: results.manifest } : results;
      this.log(formatSummary(results));
      if (files.length > 0) this.logInert(`\n✔ wrote ${files.slice(0, -1).join(', ')} and ${files.at(-1)}`);
      if (flags.report && flags.out) this.logInert(`  open the report in a browser: ${path.resolve(flags.out, 'report.html')}`);
      if (!flags.out) this.log('\nUse --out DIR to write results.json and summary.csv.');
      return results;
    } finally {
      await set?.discard();
    }
  }

  private async simulate(scenario: string, flags: SimulateFlags): Promise<Results> {
    const progress = new ProgressBar();
    try {
      const simulation = await simulate({
        scenario,
        iterations: flags.iterations,
        seed: flags.seed,
        mode: flags.mode as 'stochastic' | 'psa' | 'expected' | undefined,
        horizon: flags.horizon,
        workers: flags.workers ?? defaultWorkers(),
        ...(flags['max-memory'] !== undefined ? { memoryLimit: parseMemorySize(flags['max-memory'])! } : {}),
        version: this.config.version,
        onProgress: (done, total, phase) => progress.update(done, total, phase),
      });
      return simulation.results;
    } catch (error) {
      if (error instanceof InvalidInputError) {
        progress.done();
        if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(error.diagnostics, { color: false, sources: new Map() })}\n`);
        return this.fail(error.message, 'fix the errors above; `logi lint` shows them with their context');
      }
      if (error instanceof ParameterError || error instanceof ModelError) {
        progress.done();
        const place = error.place ? `${error.place.file}:${error.place.line}:${error.place.column}: ` : '';
        return this.fail(`${place}${error.message}`, error.hint);
      }
      throw error;
    } finally {
      progress.done();
    }
  }

  /** results.json, summary.csv and, with --report, report.html: written beside DIR, then swapped in whole. */
  private async writeSet(set: OutputSet, results: Results, flags: SimulateFlags): Promise<string[]> {
    const files = [
      await set.write('results.json', serializeResults(results)),
      await set.write('summary.csv', summariesCsv(results, { delimiter: flags['csv-delimiter'] as ',' | ';' })),
    ];
    if (flags.report) {
      const progress = new ProgressBar();
      // Loaded only here: vega and vega-lite would add to the start-up of every simulation.
      const { reportHtmlOf } = await import('../report/write.js');
      const html = await reportHtmlOf(results, { lang: currentLanguage(), onProgress: (done, total) => progress.update(done, total, 'drawing charts') });
      progress.done();
      files.push(await set.write('report.html', html));
    }
    await set.commit();
    return files;
  }
}

/** What `simulate --out` writes; an older logi wrote them without a manifest (io/output-set.ts). */
const SET_FILES = ['results.json', 'summary.csv', 'report.html'];

type SimulateFlags = Interfaces.InferredFlags<typeof Simulate.flags>;
