import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '.stryker-tmp*/**', 'reports/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Randomness is always an argument: a stream derived from (seed, territory, iteration, purpose).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream passed in as an argument (DESIGN §1.4).' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@oclif/*'], message: 'The library never imports oclif: only src/commands and src/cli may.' }] },
      ],
    },
  },
  {
    files: ['src/commands/**/*.ts', 'src/cli/**/*.ts', 'src/hooks/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
