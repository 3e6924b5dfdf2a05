/**
 * Issue 18's acceptance flow end to end, on the bundled workspace with the Douaisis territory
 * scaled down a hundredfold (so that the run takes seconds): `logi synth douaisis`, then
 * `logi stratify diabete-t2` on its files gives back the territory's counts exactly, with reasons
 * and a worklist; and `logi simulate` runs on the Territory document that stratify wrote.
 * The oracle is the territory file itself (the counts written by hand below), not the code.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

// Douaisis' counts divided by 100 and rounded (simulations/territories/douaisis.yaml).
const DT2 = { S0: 1248, S1: 557, S2: 91, S3: 33, S4: 7 };
const IC = { S0: 135, S1: 209, S2: 51, S3: 23, S4: 2 };
const POPULATION = 2450;
const AS_OF = '2026-06-30';

const root = mkdtempSync(path.join(os.tmpdir(), 'logi-round-trip-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function scaledWorkspace(): void {
  for (const entry of ['guidelines', 'simulations', 'logi.config.yaml']) cpSync(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  const file = path.join(root, 'simulations/territories/douaisis.yaml');
  const document = parseDocument(readFileSync(file, 'utf8'));
  document.set('population', POPULATION);
  document.setIn(['pyramids', 'diabete-t2', 'counts'], DT2);
  document.setIn(['pyramids', 'insuffisance-cardiaque', 'counts'], IC);
  writeFileSync(file, document.toString());
}

describe('synth → stratify → simulate (docs/stratify.md)', () => {
  it('gives back the territory counts exactly, with reasons and a worklist, and simulates on the territory written', () => {
    scaledWorkspace();
    const synth = runCli(['synth', 'douaisis', '--as-of', AS_OF, '--out', 'data/douaisis', '--json'], { cwd: root });
    expect(synth.status, synth.stderr).toBe(0);

    const stratify = runCli(['stratify', 'diabete-t2', 'data/douaisis', '--out', 'out/strates'], { cwd: root });
    expect(stratify.status, stratify.stderr).toBe(0);
    const counts = readFileSync(path.join(root, 'out/strates/counts.csv'), 'utf8').trim().split('\n').slice(1);
    const inPyramid = Object.values(DT2).reduce((a, b) => a + b, 0);
    expect(counts).toEqual([...Object.entries(DT2).map(([s, n]) => `douaisis,${s},${n}`), `douaisis,outside,${POPULATION - inPyramid}`]);

    // The worklist lists actions of the patients' strata only, with a status each.
    const worklist = readFileSync(path.join(root, 'out/strates/worklist.csv'), 'utf8').trim().split('\n');
    expect(worklist[0]).toBe('patient_id,territory,stratum,logigramme,node,label,actor,actor_title,condition,period_days,last_done,due_date,status');
    const strata = new Set(worklist.slice(1).map((line) => line.split(',')[2]));
    expect([...strata].sort()).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    expect(worklist.slice(1).every((line) => /,(due|upcoming|up-to-date|unknown)$/.test(line))).toBe(true);

    // The stratified Territory document in place of the workspace's: logi simulate runs on it.
    cpSync(path.join(root, 'out/strates/territories/douaisis.yaml'), path.join(root, 'simulations/territories/douaisis.yaml'));
    const simulate = runCli(['simulate', 'pionniers-dt2-2026', '--iterations', '20', '--out', 'out/sim', '--json'], { cwd: root });
    expect(simulate.status, simulate.stderr).toBe(0);
    // It read that document: the manifest holds the SHA-256 of the stratified file's bytes.
    const results = JSON.parse(readFileSync(path.join(root, 'out/sim/results.json'), 'utf8')) as { manifest: unknown };
    const sha = createHash('sha256').update(readFileSync(path.join(root, 'out/strates/territories/douaisis.yaml'))).digest('hex');
    expect(JSON.stringify(results.manifest)).toContain(sha);
  }, 240_000);
});
