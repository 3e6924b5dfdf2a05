/**
 * The RO-Crate of a package (issue 21), and archive + verify of the two other commands that make
 * published figures: `logi sweep` (on test/fixtures/econ/sensitivity, whose scenario is given
 * authors and a licence here) and `logi calibrate` (on test/fixtures/analysis/tiny). Both are small:
 * a few seconds each.
 *
 * The crate is checked twice: by the checks RO-Crate 1.1 (https://w3id.org/ro/crate/1.1) lists,
 * each with its section, written here from the specification; and by the maintained validator of
 * the `ro-crate` package (Language Research Technology's ro-crate-js, `validate`), with its
 * context fetch answered from the package's own copy of the context (no network in tests).
 * Checksums are computed here with node:crypto on the raw files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, REPO } from '../helpers/cli.js';

function logi(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LOGI_DEBUG: '', LOGI_LANG: 'en', ...env }, timeout: 120_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
type Entity = Record<string, unknown> & { '@id': string; '@type': string | string[] };
const types = (e: Entity) => (Array.isArray(e['@type']) ? e['@type'] : [e['@type']]);
const ids = (value: unknown) => (Array.isArray(value) ? value : [value]).map((v) => (v as { '@id': string })['@id']);

let work: string;
let sweepZip: Record<string, Uint8Array>;
let crate: { '@context': unknown; '@graph': Entity[] };
let sweepWorkspace: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-crate-'));
  sweepWorkspace = path.join(work, 'sweep-ws');
  cpSync(path.join(REPO, 'test/fixtures/econ/sensitivity'), sweepWorkspace, { recursive: true });
  const model = path.join(sweepWorkspace, 'model.yaml');
  const text = readFileSync(model, 'utf8');
  const credited = text.replace(
    'kind: Scenario\nversion: 1\nid: visits\n',
    'kind: Scenario\nversion: 1\nid: visits\nauthors:\n  - name: Claire Martin\n    orcid: 0000-0002-1825-0097\n    affiliation: CPTS du Douaisis\n  - name: Jean Dupont\nlicense: CC-BY-4.0\n',
  );
  expect(credited, 'the fixture has the visits scenario').not.toBe(text);
  writeFileSync(model, credited);
  const swept = logi(['sweep', 'visits', '--vary', 'coverage.ill=0.2..0.6:3', '--iterations', '60', '--outcome', 'net-cost', '--out', 'out', '--lang', 'fr'], sweepWorkspace);
  expect(swept.status, swept.stderr).toBe(0);
  const archived = logi(['archive', 'out', '--out', path.join(work, 'sweep.zip'), '--date', '2026-06-30'], sweepWorkspace);
  expect(archived.status, archived.stderr).toBe(0);
  sweepZip = unzipSync(readFileSync(path.join(work, 'sweep.zip')));
  crate = JSON.parse(new TextDecoder().decode(sweepZip['ro-crate-metadata.json']));
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ro-crate-metadata.json, by the checks RO-Crate 1.1 lists', () => {
  const byId = () => new Map(crate['@graph'].map((e) => [e['@id'], e]));

  it('is flattened JSON-LD with the 1.1 context by reference ("RO-Crate Structure"; "RO-Crate JSON-LD")', () => {
    expect(Object.keys(crate).sort()).toEqual(['@context', '@graph']);
    const context = Array.isArray(crate['@context']) ? crate['@context'] : [crate['@context']];
    expect(context[0]).toBe('https://w3id.org/ro/crate/1.1/context');
    // Flattened: no entity nests another; references are {"@id"} objects only.
    for (const entity of crate['@graph']) for (const value of Object.values(entity).flat()) if (typeof value === 'object' && value !== null) expect(Object.keys(value)).toEqual(['@id']);
  });

  it('has the Metadata File Descriptor: CreativeWork, conformsTo 1.1, about the root ("Root Data Entity", "RO-Crate Metadata File Descriptor")', () => {
    const descriptor = byId().get('ro-crate-metadata.json')!;
    expect(types(descriptor)).toContain('CreativeWork');
    expect(descriptor.conformsTo).toEqual({ '@id': 'https://w3id.org/ro/crate/1.1' });
    expect(descriptor.about).toEqual({ '@id': './' });
  });

  it('has the Root Data Entity with its direct properties ("Direct properties of the Root Data Entity")', () => {
    const root = byId().get('./')!;
    expect(types(root)).toContain('Dataset');
    expect(root['@id'].endsWith('/')).toBe(true);
    expect(typeof root.name).toBe('string');
    expect(typeof root.description).toBe('string');
    expect(root.datePublished).toBe('2026-06-30');
    expect(root.license).toEqual({ '@id': 'https://spdx.org/licenses/CC-BY-4.0' });
    expect(byId().get('https://spdx.org/licenses/CC-BY-4.0')).toMatchObject({ '@type': 'CreativeWork', name: 'CC-BY-4.0' });
  });

  it('names the scenario\'s authors as Person entities, by ORCID when given ("Contextual Entities", "People")', () => {
    const root = byId().get('./')!;
    expect(ids(root.author)).toEqual(['https://orcid.org/0000-0002-1825-0097', '#author-2']);
    expect(byId().get('https://orcid.org/0000-0002-1825-0097')).toMatchObject({ '@type': 'Person', name: 'Claire Martin', affiliation: 'CPTS du Douaisis' });
    expect(byId().get('#author-2')).toMatchObject({ '@type': 'Person', name: 'Jean Dupont' });
  });

  it('describes every packaged file as a File with @id relative to the root, linked by hasPart, with its sha256 ("Data Entities", "File Data Entity")', () => {
    const root = byId().get('./')!;
    const parts = new Set(ids(root.hasPart));
    const packaged = Object.keys(sweepZip).filter((name) => name !== 'ro-crate-metadata.json' && !name.endsWith('/'));
    expect(packaged.length).toBeGreaterThan(3);
    for (const name of packaged) {
      const entity = byId().get(name)!;
      expect(entity, name).toBeDefined();
      expect(types(entity), name).toContain('File');
      expect(parts.has(name), name).toBe(true);
      if (name === 'logi-package.json') continue;
      expect(entity.sha256, name).toBe(sha256(sweepZip[name]!));
      expect(entity.contentSize, name).toBe(String(sweepZip[name]!.length));
    }
    // The inputs are the workspace's files, byte for byte.
    expect(sha256(sweepZip['workspace/model.yaml']!)).toBe(sha256(readFileSync(path.join(sweepWorkspace, 'model.yaml'))));
  });

  it('gives each file its role in the run: the CreateAction\'s object (inputs) and result (outputs), with logi as instrument ("Provenance")', () => {
    const action = crate['@graph'].find((e) => types(e).includes('CreateAction'))!;
    expect(ids(action.object)).toContain('workspace/model.yaml');
    expect(ids(action.result)).toContain('results/sweep.json');
    const instrument = byId().get(ids(action.instrument)[0]!)!;
    expect(instrument).toMatchObject({ '@type': 'SoftwareApplication', name: '@logi-sante/logi' });
  });

  it('passes the ro-crate package\'s validator (errors: none)', async () => {
    const require = createRequire(import.meta.url);
    // No network in tests: the context URL is answered with the copy the package ships (its 1.2
    // context; the terms checked here — name, description, datePublished, license — are schema.org's
    // in 1.1 and 1.2 alike).
    const context = JSON.parse(readFileSync(require.resolve('ro-crate/lib/context.json'), 'utf8'));
    vi.stubGlobal('fetch', async () => ({ ok: true, statusText: 'OK', json: async () => context }));
    try {
      const { ROCrate, validate } = require('ro-crate') as {
        ROCrate: { create(json: unknown): Promise<unknown> };
        validate: (crate: unknown) => Promise<{ status: string; message: string }[]>;
      };
      // As the library documents it: a crate made with its context resolved, then validated.
      const results = await validate(await ROCrate.create(JSON.parse(JSON.stringify(crate))));
      expect(results.filter((r) => r.status === 'error')).toEqual([]);
      const found = results.filter((r) => r.status === 'success').map((r) => r.message);
      for (const property of ['name', 'description', 'datePublished', 'license']) expect(found).toContain(`Found required property: ${property}`);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('archive and verify, beyond simulate', () => {
  it('a sweep: its package reproduces, in the language recorded (sweep.json holds French titles)', () => {
    const run = logi(['verify', path.join(work, 'sweep.zip'), '--workers', '1'], work);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^✔ reproduced: logi sweep visits gives the same bytes/);
  }, 120_000);

  it('a simulation without --report (the usual run): its invocation records report false, and it reproduces', () => {
    const run = logi(['simulate', 'visits', '--iterations', '40', '--out', 'plain', '--workers', '1'], sweepWorkspace);
    expect(run.status, run.stderr).toBe(0);
    const record = JSON.parse(readFileSync(path.join(sweepWorkspace, 'plain', '.logi-output.json'), 'utf8')) as { invocation: { options: Record<string, unknown> } };
    expect(record.invocation.options.report).toBe(false);
    const verified = logi(['verify', 'plain'], sweepWorkspace);
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^✔ reproduced: logi simulate visits gives the same bytes/);
  }, 120_000);

  it('a calibration: archived and verified from its output folder, then failing when calibration.json is altered', () => {
    const tiny = path.join(work, 'tiny');
    cpSync(path.join(REPO, 'test/fixtures/analysis/tiny'), tiny, { recursive: true });
    const calibrated = logi(['calibrate', 'tiny-fit', '--out', 'out', '--workers', '1'], tiny);
    expect(calibrated.status, calibrated.stderr).toBe(0);
    const folder = logi(['verify', 'out'], tiny);
    expect(folder.status, folder.stdout + folder.stderr).toBe(0);
    expect(folder.stdout).toMatch(/^✔ reproduced: logi calibrate tiny-fit gives the same bytes/);
    const archived = logi(['archive', 'out', '--out', path.join(work, 'tiny.zip')], tiny);
    expect(archived.status, archived.stderr).toBe(0);
    const unpacked = path.join(work, 'tiny-unpacked');
    const files = unzipSync(readFileSync(path.join(work, 'tiny.zip')));
    for (const [name, bytes] of Object.entries(files)) {
      const target = path.join(unpacked, name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
    const json = path.join(unpacked, 'results', 'calibration.json');
    writeFileSync(json, readFileSync(json, 'utf8').replace('"seed": ', '"seed":  '));
    const altered = logi(['verify', unpacked], work);
    expect(altered.status, altered.stdout + altered.stderr).toBe(1);
    expect(altered.stdout).toContain('differs: results/calibration.json');
  }, 180_000);
});
