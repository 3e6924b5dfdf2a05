/**
 * `logi render` killed while Chromium runs (issue 12 #9): no Chromium process and no profile
 * folder may be left, whatever the signal, even SIGKILL, which logi cannot catch. Chromium is
 * found from outside, in /proc: by the `--user-data-dir` on its command line (under the TMPDIR the
 * test gives logi), then by its process group, which holds every process it starts. The TMPDIR is
 * the test's own folder, so "no profile left" means that folder is empty.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserPath, RUN_BROWSER_TESTS } from '../helpers/browser.js';
import { BIN, REPO, runCli } from '../helpers/cli.js';
import { until } from '../helpers/poll.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'logi-render-kill-'));
afterAll(() => {
  // Should a test fail, the processes it found are not left running.
  for (const p of processes()) {
    if (p.commandLine.includes(scratch)) {
      try {
        process.kill(-p.group, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  }
  rmSync(scratch, { recursive: true, force: true });
});

interface ProcessInfo {
  pid: number;
  state: string;
  group: number;
  commandLine: string;
}

/** Every process, from /proc: a zombie (state Z) has exited and only waits for its parent to read its status. */
function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (command) state ppid pgrp …": the command may hold spaces and parentheses.
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      found.push({ pid: Number(entry), state: state!, group: Number(group), commandLine });
    } catch {
      // It exited while being read.
    }
  }
  return found;
}

const living = (list: ProcessInfo[]) => list.filter((p) => p.state !== 'Z');


interface RenderRun {
  child: ChildProcess;
  stderr: () => string;
  /** The exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  tmp: string;
  parent: string;
  out: string;
}

function startRender(name: string): RenderRun {
  const parent = path.join(scratch, name);
  const tmp = path.join(parent, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const out = path.join(parent, 'out');
  const child = spawn(process.execPath, [BIN, 'render', 'guidelines', '--format', 'svg', '--out', out, '--browser', browserPath()], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TMPDIR: tmp, LOGI_DEBUG: '' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr, exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code))), tmp, parent, out };
}

/** The browser's process groups: the groups of the processes started with a profile under `tmp`. */
function browserGroups(tmp: string): Set<number> {
  return new Set(living(processes()).filter((p) => p.commandLine.includes(`--user-data-dir=${tmp}/`)).map((p) => p.group));
}

/** Kills logi once `ready`, then waits (bounded) until no process of the browser's groups lives and TMPDIR is empty. */
async function killAndCheck(run: RenderRun, signal: NodeJS.Signals, ready: () => boolean): Promise<{ code: number | NodeJS.Signals | null; left: ProcessInfo[]; tmpEntries: string[] }> {
  expect(await until(ready, 90_000, 50), `logi never reached the moment to kill it: ${run.stderr()}`).toBe(true);
  const groups = browserGroups(run.tmp);
  expect(groups.size).toBeGreaterThan(0);
  run.child.kill(signal);
  const code = await run.exited;
  const leftovers = () => living(processes()).filter((p) => groups.has(p.group) || p.commandLine.includes(run.tmp));
  await until(() => leftovers().length === 0 && readdirSync(run.tmp).length === 0, 15_000, 50);
  return { code, left: leftovers(), tmpEntries: readdirSync(run.tmp) };
}

describe.runIf(RUN_BROWSER_TESTS && process.platform === 'linux')('render killed while Chromium runs', () => {
  it('issue 12 #9: SIGKILL as soon as Chromium has started leaves no Chromium process and no profile folder', async () => {
    const run = startRender('kill-early');
    const { left, tmpEntries } = await killAndCheck(run, 'SIGKILL', () => browserGroups(run.tmp).size > 0);
    expect(left.map((p) => p.commandLine.slice(0, 120))).toEqual([]);
    expect(tmpEntries).toEqual([]);
  }, 120_000);

  it('issue 12 #9: SIGKILL mid-batch leaves no Chromium, no profile, DIR untouched; the next run clears the half-written set', async () => {
    const run = startRender('kill-mid-batch');
    const drawing = () => readdirSync(run.parent).some((e) => e.startsWith('.out.logi-new-') && readdirSync(path.join(run.parent, e)).length > 0);
    const { left, tmpEntries } = await killAndCheck(run, 'SIGKILL', drawing);
    expect(left.map((p) => p.commandLine.slice(0, 120))).toEqual([]);
    expect(tmpEntries).toEqual([]);
    expect(existsSync(run.out)).toBe(false);
    const next = runCli(['render', 'guidelines', '--format', 'mmd', '--out', run.out]);
    expect(next.status, next.stderr).toBe(0);
    expect(readdirSync(run.parent).sort()).toEqual(['out', 'tmp']);
  }, 120_000);

  it('issue 12 #9: SIGINT mid-batch ends logi by SIGINT having closed Chromium and removed its profile and the half-written set', async () => {
    const run = startRender('interrupt-mid-batch');
    const drawing = () => readdirSync(run.parent).some((e) => e.startsWith('.out.logi-new-') && readdirSync(path.join(run.parent, e)).length > 0);
    const { code, left, tmpEntries } = await killAndCheck(run, 'SIGINT', drawing);
    // Cleaned up, logi dies of the signal itself (a shell shows 130).
    expect(code).toBe('SIGINT');
    expect(left.map((p) => p.commandLine.slice(0, 120))).toEqual([]);
    expect(tmpEntries).toEqual([]);
    expect(readdirSync(run.parent)).toEqual(['tmp']);
  }, 120_000);
});
