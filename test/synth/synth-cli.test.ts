import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';

describe('logi synth (CLI)', () => {
  const out = path.join(os.tmpdir(), `logi-synth-cli-${process.pid}`);

  it('refuses an unknown territory with the known ones as a hint, exit 2, nothing written', () => {
    const run = runCli(['synth', 'atlantide', '--out', out, '--as-of', '2026-03-31'], { env: { LOGI_LANG: 'en' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no Territory "atlantide"');
    expect(run.stderr).toContain('douaisis');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a date that does not exist, in French too, and as JSON', () => {
    const fr = runCli(['synth', 'douaisis', '--out', out, '--as-of', '2026-02-29'], { env: { LOGI_LANG: 'fr' } });
    expect(fr.status).toBe(2);
    expect(fr.stderr).toContain("--as-of 2026-02-29 n'est pas une date du calendrier");
    const json = runCli(['synth', 'douaisis', '--out', out, '--as-of', '2026-13-01', '--json'], { env: { LOGI_LANG: 'en' } });
    expect(json.status).toBe(2);
    expect((JSON.parse(json.stdout) as { error: { message: string } }).error.message).toBe('--as-of 2026-13-01 is not a calendar date written YYYY-MM-DD');
  });

  it('requires --out and offers parquet or csv only', () => {
    expect(runCli(['synth', 'douaisis'], { env: { LOGI_LANG: 'en' } }).status).toBe(2);
    expect(runCli(['synth', 'douaisis', '--out', out, '--format', 'xlsx'], { env: { LOGI_LANG: 'en' } }).status).toBe(2);
  });
});
