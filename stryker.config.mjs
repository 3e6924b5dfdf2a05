// @ts-check
/**
 * `npm run mutation`: StrykerJS over the simulation, the graph analysis and the lint rules
 * (issue 11); `npm run mutation -- --mutate 'src/graph/**'` narrows it (one comma-separated list).
 * Then `npm run mutation:score` prints the score per folder and file from the reports in
 * reports/mutation/, the table of docs/quality.md (which also gives the parts a long run is cut into).
 */
const REPORT = process.env.STRYKER_REPORT ?? 'mutation';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/sim/**/*.ts', 'src/graph/**/*.ts', 'src/lint/rules/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Mutants of code that runs when a module loads (constants, tables, rule metadata) are never
  // switched on by this Stryker and vitest 4 pair: they "survive" whatever the tests (seen: a
  // rule's id emptied survives, yet fails 5 tests when set by hand). They are left out of the
  // score rather than counted as survivors (docs/quality.md).
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  // STRYKER_REPORT=<name> writes reports/mutation/<name>.json: a long run split into parts (one
  // folder or file each) keeps one report per part, and `npm run mutation:score` merges them.
  jsonReporter: { fileName: `reports/mutation/${REPORT}.json` },
  htmlReporter: { fileName: `reports/mutation/${REPORT}.html` },
  concurrency: 2,
  // The first run of the whole set measures each test's coverage: slow on two busy cores.
  dryRunTimeoutMinutes: 30,
  // A mutant that loops forever is stopped after its tests' normal time plus this, and counts as detected.
  timeoutMS: 5_000,
  // dist/ stays: the tests that run the CLI need it (they cannot see a mutant, so they only run once).
  ignorePatterns: ['/.stryker-tmp*', '/reports', '/bench/out', '/out'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
export default config;
