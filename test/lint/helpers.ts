/** Shared by the lint tests: the fixtures' workspace and a rule made to fail. */
import path from 'node:path';
import { defineRule, type Rule } from '../../src/lint/rule.js';
import { REPO } from '../helpers/cli.js';

/** test/fixtures/rules: context/ (a small workspace) and <rule-id>/{valid,invalid}/*.yaml. */
export const FIXTURES = path.join(REPO, 'test/fixtures/rules');

/** A rule that fails on documents whose id starts with `boom`: the fixtures and examples of rule-error. */
export const THROWING_RULE: Rule = defineRule({
  meta: {
    id: 'test-throws-on-boom',
    description: 'Fails on documents whose id starts with `boom` (tests only).',
    severity: 'error',
    kinds: ['Pyramid', 'Logigramme', 'Actors', 'Territory', 'Program', 'Scenario'],
    docs: 'test/lint/helpers.ts',
  },
  check({ document }) {
    if (document.id.startsWith('boom')) throw new TypeError("cannot read properties of undefined (reading 'branches')");
  },
});
