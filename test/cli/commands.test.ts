import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateJsonSchemas, serializeSchema } from '../../src/language/jsonschema.js';
import { simulationOutputSchemas } from '../../src/sim/schemas.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-cli-'));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('logi --help and --version', () => {
  const COMMANDS = ['init', 'lint', 'rules', 'schema', 'simulate', 'render', 'report', 'stratify'];

  it('lists every command', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
  });

  it.each(COMMANDS)('%s --help shows examples', (command) => {
    const run = runCli([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('EXAMPLES');
    expect(run.stdout).toContain('--json');
  });

  it('prints its version', () => {
    const run = runCli(['--version']);
    // oclif's user agent: the npm package (a scoped name: `logi` on npm is someone else's), its version, the platform.
    expect(run.stdout).toMatch(/^@logi-sante\/logi\/\d+\.\d+\.\d+ \S+ node-v\d+/);
  });

  it('an unknown flag is a usage error: exit 2, no stack trace', () => {
    const run = runCli(['lint', '--no-such-flag']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no-such-flag/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('logi init', () => {
  it('scaffolds a workspace that lints clean, every YAML file with its schema modeline', () => {
    const dir = path.join(tempDir(), 'w');
    const init = runCli(['init', dir]);
    expect(init.status, init.stderr).toBe(0);
    const lint = runCli(['lint'], { cwd: dir });
    expect(lint.stdout + lint.stderr).toMatch(/no problems/);
    expect(lint.status).toBe(0);
    const yamlFiles = ['logi.config.yaml', 'pyramide.yaml', 'acteurs.yaml', 'logigrammes/s1-depistage.yaml', 'logigrammes/s1-depistage.test.yaml', 'territoire.yaml', 'programmes.yaml', 'scenario.yaml'];
    for (const file of yamlFiles) {
      const first = readFileSync(path.join(dir, file), 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(m, file).not.toBeNull();
      // The modeline points at a schema file that exists, relative to the YAML file.
      expect(() => readFileSync(path.resolve(path.dirname(path.join(dir, file)), m![1]!))).not.toThrow();
    }
    const kinds = yamlFiles.flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/^kind: (\w+)/gm)].map((m) => m[1]));
    expect(new Set(kinds)).toEqual(new Set(['Pyramid', 'Actors', 'Logigramme', 'Territory', 'Program', 'Scenario', 'PathwayTest']));
    // Its example pathway tests pass.
    const tests = runCli(['test'], { cwd: dir });
    expect(tests.status, tests.stdout).toBe(0);
  });

  it('refuses to overwrite files and loses nothing', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).status).toBe(0);
    const before = readFileSync(path.join(dir, 'pyramide.yaml'), 'utf8');
    const again = runCli(['init', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds/);
    expect(again.stderr).toMatch(/--force/);
    expect(readFileSync(path.join(dir, 'pyramide.yaml'), 'utf8')).toBe(before);
  });

  it('answers --json with the files written', () => {
    const dir = tempDir();
    const run = runCli(['init', dir, '--json']);
    const result = JSON.parse(run.stdout) as { directory: string; files: string[] };
    expect(result.files).toContain('logigrammes/s1-depistage.yaml');
    expect(readdirSync(path.join(dir, 'schemas'))).toHaveLength(11);
  });
});

describe('logi schema', () => {
  it('the committed docs/schemas match the zod schemas (run `logi schema --out docs/schemas` after a change)', () => {
    for (const schema of [...generateJsonSchemas(), ...simulationOutputSchemas()]) {
      const committed = readFileSync(path.join(REPO, 'docs/schemas', schema.fileName), 'utf8');
      expect(committed, schema.fileName).toBe(serializeSchema(schema));
    }
  });

  it('writes one schema per kind with --out, and --json lists them', () => {
    const dir = tempDir();
    const run = runCli(['schema', '--out', dir, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { files: { kind: string }[] };
    expect(result.files.map((f) => f.kind)).toEqual(['Pyramid', 'Logigramme', 'Actors', 'Territory', 'Program', 'Scenario', 'Targets', 'Calibration', 'ParameterSet', 'PathwayTest', 'Config', 'Results']);
    const logigramme = JSON.parse(readFileSync(path.join(dir, 'logigramme.schema.json'), 'utf8')) as { additionalProperties: boolean; required: string[] };
    expect(logigramme.additionalProperties).toBe(false);
    expect(logigramme.required).toEqual(expect.arrayContaining(['kind', 'version', 'id', 'pyramid', 'stratum', 'start', 'nodes']));
  });
});

describe('logi lint --json', () => {
  it('returns the documented shape with exit code 1 on findings', () => {
    const run = runCli(['lint', 'cases/wrong-kind.yaml', '--json'], { cwd: path.join(REPO, 'test/fixtures/malformed') });
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['diagnostics', 'errorCount', 'exitCode', 'filesChecked', 'warningCount']);
    expect(result.errorCount).toBe(1);
  });
});
