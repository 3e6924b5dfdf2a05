/**
 * Prints the findings of rule fixtures as they are linted by test/lint/rules.test.ts (alone, against
 * test/fixtures/rules/context/, strict preset), as `# expect:` lines to check and paste:
 * `npx tsx scripts/fixture-findings.ts test/fixtures/rules/<rule>/invalid/<file>.yaml`.
 */
import path from 'node:path';
import { lint } from '../src/lint/engine.js';
const FIXTURES = new URL('../test/fixtures/rules', import.meta.url).pathname;
for (const file of process.argv.slice(2).map((f) => path.resolve(f))) {
  const result = await lint({ cwd: FIXTURES, paths: [file] });
  console.log(`== ${file}`);
  for (const d of result.diagnostics) console.log(`# expect: ${d.ruleId} ${d.range.start.line}:${d.range.start.column}    (${d.severity}) ${d.message}`);
}
