/** The bundled guidelines and simulations lint clean with the strict preset (every rule, as errors). */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { REPO, runCli } from '../helpers/cli.js';

describe('guidelines/ and simulations/', () => {
  it('lint clean with the strict preset', async () => {
    const result = await lint({ cwd: REPO, paths: ['guidelines', 'simulations'], preset: 'strict' });
    expect(result.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('and so does `npx logi lint guidelines simulations --preset strict`', () => {
    const run = runCli(['lint', 'guidelines', 'simulations', '--preset', 'strict']);
    expect(run.stdout).toMatch(/no problems/);
    expect(run.status).toBe(0);
  });
});
