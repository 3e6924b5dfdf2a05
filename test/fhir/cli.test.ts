/**
 * `logi export fhir` and `logi import fhir` through the built CLI: the acceptance run (every bundled
 * logigramme exported, one bundle each), the warnings, `--json`, `--lang fr`, the imported files
 * linting clean in place of the originals, and the refusals (exit 2, no stack trace, nothing
 * written).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const TMP = mkdtempSync(path.join(os.tmpdir(), 'logi-fhir-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const BUNDLED = ['dt2-s0-prevention', 'dt2-s1-risque', 'dt2-s2-suivi', 'dt2-s3-complications', 'dt2-s4-complexe', 'ic-s0-facteurs-risque', 'ic-s1-dysfonction', 'ic-s2-stable', 'ic-s3-post-hospitalisation', 'ic-s4-avance'];

describe('logi export fhir guidelines', () => {
  const out = path.join(TMP, 'fhir');
  const run = runCli(['export', 'fhir', 'guidelines', '--out', out]);

  it('writes one bundle per bundled logigramme and says so', () => {
    expect(run.status).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(BUNDLED.map((id) => `${id}.json`));
    expect(run.stdout).toContain(`wrote 10 FHIR bundles to ${out}`);
    for (const id of BUNDLED) expect(JSON.parse(readFileSync(path.join(out, `${id}.json`), 'utf8')).resourceType).toBe('Bundle');
  });

  it('warns once per decision whose branches have no structured when, naming it', () => {
    expect(run.stderr).toContain('dt2-s2-suivi: decision recours-endocrino has 2 branches without a structured when');
    // The oracle: the decisions of the bundled YAML files none of whose branches has a `when`,
    // counted from the files themselves (the clinical content changes; the rule does not).
    type Node = { type?: string; branches?: Array<{ when?: unknown }> };
    const choiceDecisions = ['diabete-t2', 'insuffisance-cardiaque'].flatMap((folder) =>
      readdirSync(path.join(REPO, 'guidelines', folder))
        .filter((file) => file.startsWith('s') && file.endsWith('.yaml') && !file.endsWith('.test.yaml'))
        .flatMap((file) => Object.values((parse(readFileSync(path.join(REPO, 'guidelines', folder, file), 'utf8')) as { nodes: Record<string, Node> }).nodes))
        .filter((node) => node.type === 'decision' && (node.branches ?? []).every((branch) => branch.when === undefined)));
    expect(choiceDecisions.length).toBeGreaterThan(10);
    expect(run.stderr.split('\n').filter((l) => l.includes('without a structured when'))).toHaveLength(choiceDecisions.length);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('imports back: the YAML files lint clean in place of the originals', () => {
    const back = path.join(TMP, 'back');
    const imported = runCli(['import', 'fhir', ...BUNDLED.map((id) => path.join(out, `${id}.json`)), '--out', back]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`wrote 10 logigrammes to ${back}`);
    const workspace = path.join(TMP, 'workspace');
    cpSync(path.join(REPO, 'guidelines'), path.join(workspace, 'guidelines'), { recursive: true });
    writeFileSync(path.join(workspace, 'logi.config.yaml'), 'include: [guidelines]\n');
    for (const folder of ['diabete-t2', 'insuffisance-cardiaque']) {
      for (const file of readdirSync(path.join(workspace, 'guidelines', folder))) if (file !== 'pyramide.yaml') rmSync(path.join(workspace, 'guidelines', folder, file));
    }
    cpSync(back, path.join(workspace, 'guidelines', 'importes'), { recursive: true });
    rmSync(path.join(workspace, 'guidelines', 'importes', '.logi-output.json'));
    const lint = runCli(['lint', '--max-warnings', '-1'], { cwd: workspace });
    expect(lint.stdout + lint.stderr).not.toMatch(/error/);
    expect(lint.status, lint.stdout).toBe(0);
  });
});

describe('--json and --lang', () => {
  it('--json gives the bundles, files and warnings, nothing else on stdout', () => {
    const run = runCli(['export', 'fhir', 'test/fixtures/fhir/mini', '--out', path.join(TMP, 'json'), '--json']);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as { out: string; bundles: Array<{ logigramme: string; resources: number }>; warnings: unknown[] };
    expect(output.out).toBe(path.join(TMP, 'json'));
    expect(output.bundles.map((b) => [b.logigramme, b.resources])).toEqual([['mini-s1', 4]]);
    expect(output.warnings).toEqual([]);
  });

  it('--lang fr speaks French, the warnings too', () => {
    const run = runCli(['export', 'fhir', 'guidelines/diabete-t2/s2-suivi.yaml', '--out', path.join(TMP, 'fr'), '--lang', 'fr']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`1 bundle FHIR écrit dans ${path.join(TMP, 'fr')}`);
    expect(run.stderr).toContain('dt2-s2-suivi : la décision recours-endocrino a 2 branches sans when structuré');
  });

  it('the bundles are the same bytes in French and in English', () => {
    const files = (lang: string) => {
      const out = path.join(TMP, `bytes-${lang}`);
      expect(runCli(['export', 'fhir', 'guidelines/diabete-t2', '--out', out, '--lang', lang]).status).toBe(0);
      return readdirSync(out).filter((f) => !f.startsWith('.')).sort().map((f) => [f, readFileSync(path.join(out, f), 'utf8')]);
    };
    const french = files('fr');
    expect(french).toHaveLength(5);
    expect(files('en')).toEqual(french);
  });

  it('--help has examples', () => {
    for (const command of [['export', 'fhir'], ['import', 'fhir']]) {
      const run = runCli([...command, '--help', '--lang', 'en']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('EXAMPLES');
      expect(run.stdout).toContain(`$ logi ${command.join(' ')} `);
    }
  });
});

describe('refusals: exit 2, the reason, no stack trace, nothing written', () => {
  it('a bundle logi cannot represent names the element', () => {
    const bundle = JSON.parse(JSON.stringify(JSON.parse(runCli(['export', 'fhir', 'test/fixtures/fhir/mini', '--out', path.join(TMP, 'src'), '--json']).stdout))) as { files: string[] };
    const json = JSON.parse(readFileSync(bundle.files[0]!, 'utf8')) as { entry: Array<{ resource: { action: Array<{ action: Array<{ relatedAction?: Array<{ relationship: string }> }> }> } }> };
    json.entry[0]!.resource.action[0]!.action[0]!.relatedAction![0]!.relationship = 'concurrent';
    const broken = path.join(TMP, 'broken.json');
    writeFileSync(broken, JSON.stringify(json));
    const out = path.join(TMP, 'never');
    const run = runCli(['import', 'fhir', broken, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${broken}: Bundle.entry[0].resource.action[0].action[0].relatedAction: a node leads to one node`);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('a file that is not JSON, and one that does not exist', () => {
    const text = path.join(TMP, 'text.json');
    writeFileSync(text, 'not json');
    const notJson = runCli(['import', 'fhir', text, '--out', path.join(TMP, 'never')]);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain(`${text} is not JSON`);
    const missing = runCli(['import', 'fhir', path.join(TMP, 'missing.json'), '--out', path.join(TMP, 'never'), '--json']);
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).error.message).toContain('cannot read');
    expect(existsSync(path.join(TMP, 'never'))).toBe(false);
  });

  it('input with lint errors exports nothing', () => {
    const workspace = path.join(TMP, 'errors');
    cpSync(path.join(REPO, 'test/fixtures/fhir/mini'), workspace, { recursive: true });
    writeFileSync(path.join(workspace, 'mini-s1.yaml'), readFileSync(path.join(workspace, 'mini-s1.yaml'), 'utf8').replace('next: objectif', 'next: objectf'));
    const out = path.join(TMP, 'never-export');
    const run = runCli(['export', 'fhir', workspace, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-unknown-target');
    expect(run.stderr).toContain('the input has 1 error: nothing exported');
    expect(existsSync(out)).toBe(false);
  });
});
