import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synth } from '../../src/synth/run.js';
import { DIABETES } from './fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A workspace of its own: the bundled guidelines, their actors and one small territory (of the diabetes pyramid). */
let workspace: string;
beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'logi-synth-ws-'));
  await fs.writeFile(path.join(workspace, 'logi.config.yaml'), 'include:\n  - guidelines\n  - territories\n');
  // Without the pathway tests (*.test.yaml): their outcome cases name scenarios this workspace has not.
  // The heart-failure guidelines too: the diabetes S4 refers its heart failure to them, and the
  // diabetes pyramid names their pyramid in its `overlaps`.
  for (const folder of ['diabete-t2', 'insuffisance-cardiaque']) {
    await fs.cp(path.join(ROOT, 'guidelines', folder), path.join(workspace, 'guidelines', folder), { recursive: true, filter: (source) => !source.endsWith('.test.yaml') });
  }
  await fs.cp(path.join(ROOT, 'guidelines/acteurs.yaml'), path.join(workspace, 'guidelines/acteurs.yaml'));
  await fs.mkdir(path.join(workspace, 'territories'));
  await fs.writeFile(
    path.join(workspace, 'territories/village.yaml'),
    ['kind: Territory', 'version: 1', 'id: village', 'title: Village', 'population: 500', 'pyramids:', '  diabete-t2:', '    counts: { S0: 250, S1: 100, S2: 40, S3: 15, S4: 5 }', ''].join('\n'),
  );
});
afterAll(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

describe('synth (the command without the CLI)', () => {
  it('reads the territory of the workspace and writes its tables as one output set', async () => {
    const out = path.join(workspace, 'out');
    const summary = await synth({ territory: 'village', out, seed: 1, asOf: '2026-03-31', format: 'csv', cwd: workspace }, () => DIABETES);
    // 500 − (250 + 100 + 40 + 15 + 5) = 90 outside.
    expect(summary.counts).toEqual({ 'diabete-t2': { S0: 250, S1: 100, S2: 40, S3: 15, S4: 5, outside: 90 } });
    expect(summary.patients).toBe(500);
    const entries = (await fs.readdir(out)).sort();
    expect(entries).toEqual(['.logi-output.json', 'acts.csv', 'diagnoses.csv', 'dispensations.csv', 'labs.csv', 'patients.csv', 'stays.csv']);
    const patients = (await fs.readFile(path.join(out, 'patients.csv'), 'utf8')).trimEnd().split('\n');
    expect(patients[0]).toBe('patient_id,birth_date,sex,territory,death_date');
    expect(patients).toHaveLength(501);
    expect(patients[1]).toMatch(/^village-001,\d{4}-\d{2}-\d{2},[FM],village,/);
  });

  it('refuses an unknown territory, an unknown pyramid and a date that does not exist, writing nothing', async () => {
    const out = path.join(workspace, 'refused');
    const request = { out, seed: 1, asOf: '2026-03-31', format: 'csv' as const, cwd: workspace };
    await expect(synth({ ...request, territory: 'ville' }, () => DIABETES)).rejects.toThrow(/no Territory "ville"/);
    await expect(synth({ ...request, territory: 'village', pyramid: 'insuffisance-cardiaque' }, () => DIABETES)).rejects.toThrow(/no counts for the pyramid "insuffisance-cardiaque"/);
    await expect(synth({ ...request, territory: 'village', asOf: '2026-02-29' }, () => DIABETES)).rejects.toThrow(/not a calendar date/);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
