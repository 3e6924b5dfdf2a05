/**
 * Deterministic diagrams (issue 12 #12): `render --format svg` wrote different bytes on every run
 * (rough.js drew the stadium and subroutine shapes with Math.random, and the SVG's id was its place
 * in the batch), so diagrams could not be diffed or cached. The oracle is the bytes of another run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/language/workspace.js';
import { logigrammeToMermaid } from '../../src/render/mermaid.js';
import { MERMAID_CONFIG, RenderSession } from '../../src/render/session.js';
import { browserPath, RUN_BROWSER_TESTS } from '../helpers/browser.js';
import { REPO, runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'logi-render-deterministic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function svgFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.svg')).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

describe.runIf(RUN_BROWSER_TESTS)('deterministic SVG', () => {
  it('issue 12 #12: render --format svg gives byte-identical SVG run after run, and for one file alone as in a batch', () => {
    const first = path.join(scratch, 'first');
    const second = path.join(scratch, 'second');
    const alone = path.join(scratch, 'alone');
    for (const out of [first, second]) expect(runCli(['render', 'guidelines/diabete-t2', '--format', 'svg', '--out', out]).status).toBe(0);
    expect(runCli(['render', 'guidelines/diabete-t2/s3-complications.yaml', '--format', 'svg', '--out', alone]).status).toBe(0);
    const [a, b] = [svgFiles(first), svgFiles(second)];
    expect(Object.keys(a)).toHaveLength(5);
    for (const name of Object.keys(a)) expect(b[name] === a[name], `${name} differs between two runs`).toBe(true);
    expect(svgFiles(alone)['dt2-s3-complications.svg'] === a['dt2-s3-complications.svg'], 'the diagram differs alone and in its batch').toBe(true);
  }, 180_000);

  it('without a hand-drawn seed, mermaid draws the same text differently twice (so the check above can fail)', async () => {
    const workspace = await loadWorkspace({ cwd: REPO });
    const text = logigrammeToMermaid(workspace.index.Logigramme.get('dt2-s3-complications')!.value, { legend: false });
    const config = MERMAID_CONFIG as unknown as Record<string, unknown>;
    const seed = config.handDrawnSeed;
    // Mermaid's default: 0, which leaves rough.js to Math.random. Read once, when the session opens.
    config.handDrawnSeed = 0;
    let unseeded: RenderSession | undefined;
    try {
      unseeded = await RenderSession.open({ executablePath: browserPath() });
      expect(await unseeded.svg(text)).not.toBe(await unseeded.svg(text));
    } finally {
      config.handDrawnSeed = seed;
      await unseeded?.close();
    }
    const seeded = await RenderSession.open({ executablePath: browserPath() });
    try {
      expect(await seeded.svg(text)).toBe(await seeded.svg(text));
    } finally {
      await seeded.close();
    }
  }, 120_000);
});
