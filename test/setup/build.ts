/**
 * Vitest global set-up: compiles src/ into dist/ before any test runs, so that the tests that run
 * the CLI (bin/run.js → dist/) test the current source, never an older build. Incremental
 * (dist/.tsbuildinfo): a few seconds when nothing changed. The oclif manifest is written after. A type error fails the run.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'pipe', encoding: 'utf8' });
    // The CLI tests then start as users' installs do: from the oclif manifest (src/cli/startup.ts).
    execFileSync(process.execPath, ['scripts/oclif-manifest.js'], { cwd: REPO, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`the build before the tests failed (tsc, then the oclif manifest):\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}
