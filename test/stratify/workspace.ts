/**
 * A workspace for `logi stratify` (test/stratify/cli.test.ts, command.test.ts): the pyramid of
 * plan.ts as a user writes it, and the agreement dataset (dataset.ts) as CSV files.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FILES } from './dataset.js';

// The pyramid of plan.ts, as a user writes it (docs/stratify.md, "The criteria language").
export const PYRAMID = `kind: Pyramid
version: 1
id: test-pyramid
title: Test
population: { age: { gte: 18 } }
strata:
  - { id: S0, title: S0, criteria: tout le reste }
  - id: S1
    title: S1
    criteria:
      any:
        - diagnosis: { codes: [E11*], within: 1 }
        - dispensation: { atc: [A10*], within: 12, min-count: 3 }
        - act: JVJF004
  - id: P
    title: P
    criteria:
      priority: 5
      all:
        - ald: E10*
        - not: { diagnosis: E11* }
  - id: S2
    title: S2
    criteria:
      all:
        - lab: { test: hba1c, within: 12, gte: 8 }
        - territory: douaisis
  - id: S3
    title: S3
    criteria:
      any:
        - lab: { test: egfr, value: worst, within: 24, lt: 30 }
        - stay: { main-diagnosis: [I50*], within: 12 }
        - nyha: { gte: 3 }
`;

/** A workspace with that pyramid and the agreement dataset as CSV in `data/` (the caller removes `root`). */
export function stratifyWorkspace(): { root: string; data: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'logi-stratify-ws-'));
  writeFileSync(path.join(root, 'logi.config.yaml'), 'include: [guidelines]\n');
  mkdirSync(path.join(root, 'guidelines'));
  writeFileSync(path.join(root, 'guidelines', 'pyramid.yaml'), PYRAMID);
  const data = path.join(root, 'data');
  mkdirSync(data);
  for (const [table, text] of Object.entries(FILES)) writeFileSync(path.join(data, `${table}.csv`), text);
  return { root, data };
}

