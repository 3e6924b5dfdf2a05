/**
 * The test set StrykerJS runs for `npm run mutation`: the in-process tests. Tests that drive the
 * browser are left out (they cannot see a mutant of src/sim, src/graph or src/lint/rules, and they
 * are the slow ones); tests that spawn the CLI run the built dist/ and cannot see one either, but
 * they cost nothing per mutant: Stryker's per-test coverage never selects them.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // LOGI_MUTATION_TESTS=<glob,glob…> narrows the tests to those written for the code being
    // mutated: a run split into parts then takes hours less, and its score is a lower bound (a
    // test left out might have killed a mutant). docs/quality.md names each part's tests.
    include: process.env.LOGI_MUTATION_TESTS ? process.env.LOGI_MUTATION_TESTS.split(',') : ['test/**/*.test.ts'],
    exclude: ['test/render/browser*.test.ts', 'test/render/pyramid.test.ts', 'test/report/report.test.ts', 'test/cli/**', 'test/lint/cli.test.ts', 'test/sim/simulate-cli.test.ts'],
    // Instrumented code runs many times slower; the long statistical tests take a tenth of their
    // usual sample under LOGI_MUTATION (test/helpers/budget.ts).
    env: { LOGI_MUTATION: '1', LOGI_LANG: 'en' },
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
