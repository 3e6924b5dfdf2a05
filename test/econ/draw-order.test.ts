/**
 * docs/economics.md, "Draws": the economic values are drawn after every other parameter (after the
 * Dirichlets), so costing a scenario leaves every other draw, and so every count, as it was. The
 * oracle is the run of the same files without the economic values.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED, modelOf, run } from '../sim/helpers.js';

describe('economic values are drawn last', () => {
  it('adding a drawn state cost and a drawn event cost changes no other θ and no count of a psa run', async () => {
    // The decision's shares drawn jointly (a Dirichlet, drawn after every plain parameter): the
    // economic values must come after it too.
    const copy = (name: string, edit: (text: string) => string) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `logi-draw-order-${name}-`));
      cpSync(FIXED, dir, { recursive: true });
      const file = path.join(dir, 'model.yaml');
      const text = edit(readFileSync(file, 'utf8'));
      expect(text).not.toBe(readFileSync(file, 'utf8'));
      writeFileSync(file, text);
      return dir;
    };
    const withDirichlet = (text: string) =>
      text.replace('    branches:\n      - { label: yes, when: { gte: 1.1 }, p: 0.4, next: coaching }', '    probabilities: { dirichlet: [4, 6] }\n    branches:\n      - { label: yes, when: { gte: 1.1 }, next: coaching }');
    const before = await modelOf(copy('before', withDirichlet), 'fixed', { mode: 'psa', iterations: 6 });
    expect(before.parameters.dirichlets).toHaveLength(1);
    const dir = copy('after', (t) => withDirichlet(t)
        .replace('- { id: S0, title: Well }', '- { id: S0, title: Well, costs: [{ payer: p, per-year: { gamma: { mean: 100, sd: 20 } } }] }')
      .replace('new-cases: [S1->S2]', 'new-cases: { title: New cases, flows: [S1->S2], costs: [{ payer: h, per-event: { gamma: { mean: 900, sd: 100 } } }] }'));
    const after = await modelOf(dir, 'fixed', { mode: 'psa', iterations: 6 });
    const P0 = before.parameters.specs.length;
    const P1 = after.parameters.specs.length;
    expect(P1).toBe(P0 + 2);
    expect(after.parameters.lateFrom).toBe(P0);
    const [a, b] = [await run(before), await run(after)];
    for (let i = 0; i < 6; i++) expect(Array.from(b.output.thetas.subarray(i * P1, i * P1 + P0))).toEqual(Array.from(a.output.thetas.subarray(i * P0, (i + 1) * P0)));
    a.output.records.forEach((record, pair) => expect(Buffer.from(b.output.records[pair]!.buffer).equals(Buffer.from(record.buffer)), `record ${pair}`).toBe(true));
    // And the economic values were drawn: they differ from iteration to iteration.
    expect(new Set(Array.from({ length: 6 }, (_, i) => b.output.thetas[i * P1 + P0]!)).size).toBe(6);
  });
});
