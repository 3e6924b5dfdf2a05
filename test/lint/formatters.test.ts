/**
 * Output formats. The SARIF log validates against the official SARIF 2.1.0 schema, read from
 * ../shared/schemas/ next to the repository, or next to the one it was cloned from (never copied
 * into it). Outside CI the test skips, with
 * a message, when that file is absent; with CI=true it must run, and fails when the file is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostic.js';
import { catalogue } from '../../src/lint/catalogue.js';
import { lint, type LintResult } from '../../src/lint/engine.js';
import { formatGithub } from '../../src/lint/formatters/github.js';
import { formatSarif } from '../../src/lint/formatters/sarif.js';
import { formatStylish } from '../../src/lint/formatters/stylish.js';
import { REPO, runCli } from '../helpers/cli.js';

/**
 * ../shared next to the repository; in a clone made elsewhere (CI clones into /tmp), ../shared next
 * to the local repository it was cloned from.
 */
function sarifSchemaPath(): string {
  const beside = path.resolve(REPO, '../shared/schemas/sarif-schema-2.1.0.json');
  if (existsSync(beside)) return beside;
  const origin = spawnSync('git', ['config', '--get', 'remote.origin.url'], { cwd: REPO, encoding: 'utf8' }).stdout?.trim();
  const fromOrigin = origin && existsSync(origin) ? path.resolve(origin, '../shared/schemas/sarif-schema-2.1.0.json') : undefined;
  return fromOrigin && existsSync(fromOrigin) ? fromOrigin : beside;
}
const SARIF_SCHEMA = sarifSchemaPath();
const MALFORMED = path.join(REPO, 'test/fixtures/malformed');
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const haveSchema = existsSync(SARIF_SCHEMA);
if (!haveSchema && !IN_CI) process.stderr.write(`skipping the SARIF schema validation: ${SARIF_SCHEMA} is absent (it runs, and must pass, in CI)\n`);

let result: LintResult;
beforeAll(async () => {
  // Several files with findings of several kinds: schema, references, rules, a non-UTF-8 file.
  result = await lint({
    cwd: MALFORMED,
    paths: ['cases/broken-next.yaml', 'cases/typo-actor.yaml', 'cases/wrong-kind.yaml', 'cases/non-utf8.yaml', 'cases/typo-source.yaml'],
    preset: 'strict',
  });
});

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
}

describe('sarif', () => {
  it('the schema is there in CI', () => {
    if (IN_CI) expect(haveSchema, `${SARIF_SCHEMA} must exist in CI`).toBe(true);
  });

  it.runIf(haveSchema || IN_CI)('validates against the official SARIF 2.1.0 schema', () => {
    const validate = validator();
    const log = JSON.parse(formatSarif(result.diagnostics, { version: '0.1.0', rules: catalogue(), cwd: MALFORMED })) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    // An empty run and odd file names validate too.
    const odd: Diagnostic = { ruleId: 'schema', severity: 'info', message: 'x', file: 'dossier à accents/fiche #1.yaml', range: { start: { line: 3, column: 2 }, end: { line: 3, column: 2 } } };
    expect(validate(JSON.parse(formatSarif([odd], { version: '0.1.0', rules: catalogue(), cwd: '/tmp' })))).toBe(true);
    expect(validate(JSON.parse(formatSarif([], { version: '0.1.0', rules: catalogue(), cwd: '/tmp' })))).toBe(true);
    // The validator is not a rubber stamp: a result without a message is refused.
    const broken = JSON.parse(formatSarif(result.diagnostics, { version: '0.1.0', rules: catalogue(), cwd: MALFORMED })) as { runs: { results: { message?: unknown }[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validate(broken)).toBe(false);
  });

  it('has one result per finding, pointing at the rule, the file, line and column', () => {
    const log = JSON.parse(formatSarif(result.diagnostics, { version: '0.1.0', rules: catalogue(), cwd: MALFORMED })) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('logi');
    expect(run.results).toHaveLength(result.diagnostics.length);
    const actor = run.results.find((r) => r.ruleId === 'known-actor')!;
    expect(run.tool.driver.rules[actor.ruleIndex]!.id).toBe('known-actor');
    expect(actor.level).toBe('error');
    expect(actor.locations[0]!.physicalLocation.artifactLocation.uri).toBe('cases/typo-actor.yaml');
    expect(actor.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 14, startColumn: 12 });
  });

  it('is what `logi lint --format sarif` prints', () => {
    const run = runCli(['lint', 'cases/typo-actor.yaml', '--format', 'sarif'], { cwd: MALFORMED });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string }[]; tool: { driver: { version: string } } }[] };
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['known-actor']);
    expect(log.runs[0]!.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    if (haveSchema) expect(validator()(log)).toBe(true);
  });
});

describe('github', () => {
  it('writes one workflow command per finding', () => {
    const lines = formatGithub(result.diagnostics).split('\n');
    expect(lines).toHaveLength(result.diagnostics.length);
    expect(lines).toContain(
      '::error file=cases/typo-actor.yaml,line=14,col=12,endLine=14,endColumn=30,title=logi known-actor::unknown actor `medecin-generalist`%0Ahint: did you mean `medecin-generaliste`?',
    );
  });

  it('escapes %, newlines, and : and , in properties', () => {
    const d: Diagnostic = { ruleId: 'schema', severity: 'warning', message: '100% sure\r\nreally', file: 'a,b:c.yaml', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
    expect(formatGithub([d])).toBe('::warning file=a%2Cb%3Ac.yaml,line=1,col=1,endLine=1,endColumn=2,title=logi schema::100%25 sure%0D%0Areally');
    expect(formatGithub([{ ...d, severity: 'info' }])).toMatch(/^::notice /);
  });

  it('is what `logi lint --format github` prints', () => {
    const run = runCli(['lint', 'cases/typo-actor.yaml', '--format', 'github'], { cwd: MALFORMED });
    expect(run.stdout.trim()).toMatch(/^::error file=cases\/typo-actor\.yaml,line=14,col=12,/);
    expect(run.status).toBe(1);
  });
});

describe('stylish', () => {
  it('shows a code frame, the hint, a summary and how many findings --fix can fix', () => {
    const sources = new Map(result.workspace.files.map((f) => [f.file, f.text]));
    const text = formatStylish(result.diagnostics, { color: false, sources, fixableCount: 2 });
    expect(text).toContain('cases/typo-actor.yaml:14:12  error  unknown actor `medecin-generalist`  known-actor');
    expect(text).toContain('> 14 |     actor: medecin-generalist');
    expect(text).toContain('hint: did you mean `medecin-generaliste`?');
    expect(text).toMatch(/✖ \d+ problems \(\d+ errors, 0 warnings\)/);
    expect(text).toContain('2 of them are fixable with `logi lint --fix`.');
    expect(text).not.toContain('\u001b[');
  });

  it('colours unless told not to', () => {
    const text = formatStylish(result.diagnostics.slice(0, 1), { color: true, sources: new Map() });
    expect(text).toContain('\u001b[31m');
  });
});
