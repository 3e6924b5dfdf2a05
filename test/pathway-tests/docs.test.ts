/**
 * docs/testing.md: every YAML example marked `<!-- example -->` is a PathwayTest that passes on
 * the bundled material — written into a copy of the workspace and run by `logi test`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const EXAMPLES = [...readFileSync(path.join(REPO, 'docs/testing.md'), 'utf8').matchAll(/<!-- example -->\n```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-test-docs-'));
  for (const entry of ['logi.config.yaml', 'guidelines', 'simulations']) cpSync(path.join(REPO, entry), path.join(work, entry), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docs/testing.md', () => {
  it('has an example of each kind of case', () => {
    expect(EXAMPLES.length).toBe(3);
    expect(EXAMPLES.map((e) => ['paths:', 'flows:', 'outcomes:'].find((k) => e.includes(`\n${k}`)))).toEqual(['paths:', 'flows:', 'outcomes:']);
  });

  it.each(EXAMPLES.map((e, i) => [i, e] as const))('example %i passes with `logi test`', (i, yaml) => {
    const file = path.join(work, 'guidelines', `exemple-${i}.test.yaml`);
    writeFileSync(file, yaml);
    const run = runCli(['test', file, '--lang', 'en'], { cwd: work });
    expect(run.stdout + run.stderr).toMatch(/cases? pass/);
    expect(run.status).toBe(0);
  });
});
