import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ first: the CLI tests run bin/run.js, which runs dist/ (test/setup/build.ts).
    globalSetup: ['test/setup/build.ts'],
    // Existing tests read English messages; the tests of French set --lang fr or LOGI_LANG=fr
    // themselves, and the default (French) is tested with LOGI_LANG and the locale unset.
    env: { LOGI_LANG: 'en' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
