/**
 * A watchdog for what logi must not leave behind even when it is killed with SIGKILL, which no
 * handler can catch: the browser's processes and its profile folder (issue 12 #9).
 *
 * The reaper is a small Node process started in its own session (so Ctrl-C in the terminal does
 * not reach it) whose standard input is a pipe from logi. logi tells it, one JSON line at a time,
 * which process groups to kill and which folders to remove, and which to forget once logi has
 * closed them itself. The pipe reaches end-of-file when logi exits, however it exits: the reaper
 * then kills the groups still listed and every process whose command line holds a listed marker
 * (a Chromium that logi had started but not yet heard from is found by `--user-data-dir=PROFILE`),
 * with their process groups; waits for them to die (a dying Chromium still writes into its
 * profile); removes the folders; and repeats until no marked process is left and the folders
 * stay gone, for at most ten seconds. When logi closed everything itself, nothing is
 * listed and the reaper just exits.
 *
 * Not on Windows, where process groups and detached sessions differ; there the next run removes
 * stale profiles (render/browser.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';

type ReaperMessage =
  | { kill: number }
  | { forgetKill: number }
  | { killMarked: string }
  | { forgetMarked: string }
  | { remove: string }
  | { forgetRemove: string }
  | { removeLinked: string; prefix: string };

/**
 * The reaper's program, run with `node -e`: a string, so that it runs the same from src/ (tests)
 * and dist/ (the CLI), with no file to find. CommonJS, as `node -e` reads it.
 */
const REAPER_PROGRAM = `
const fs = require('node:fs');
const path = require('node:path');
const groups = new Set();
const folders = new Set();
const markers = new Set();
const links = new Map();
let pending = '';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function alive(pid) {
  try { process.kill(pid, 0); } catch (error) { return error.code === 'EPERM'; }
  try {
    const stat = fs.readFileSync('/proc/' + pid + '/stat', 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch { return true; }
}
function commandLines() {
  if (process.platform === 'linux') {
    const lines = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(entry)) continue;
      try { lines.push([Number(entry), fs.readFileSync('/proc/' + entry + '/cmdline', 'utf8')]); } catch {}
    }
    return lines;
  }
  try {
    const out = require('node:child_process').execFileSync('ps', ['-A', '-o', 'pid=,command='], { encoding: 'utf8' });
    return out.split('\\n').map((line) => /^\\s*([0-9]+) (.*)$/.exec(line)).filter(Boolean).map((m) => [Number(m[1]), m[2]]);
  } catch { return []; }
}
function marked() {
  const lines = markers.size === 0 ? [] : commandLines();
  return lines.filter(([pid, line]) => pid !== process.pid && [...markers].some((marker) => line.includes(marker))).map(([pid]) => pid);
}
function apply(message) {
  if (typeof message.kill === 'number') groups.add(message.kill);
  if (typeof message.forgetKill === 'number') groups.delete(message.forgetKill);
  if (typeof message.remove === 'string') folders.add(message.remove);
  if (typeof message.forgetRemove === 'string') folders.delete(message.forgetRemove);
  if (typeof message.killMarked === 'string') markers.add(message.killMarked);
  if (typeof message.forgetMarked === 'string') markers.delete(message.forgetMarked);
  if (typeof message.removeLinked === 'string') links.set(message.removeLinked, String(message.prefix));
}
function removeLinkedFolders() {
  for (const [link, prefix] of links) {
    let target;
    try { target = fs.readlinkSync(link); } catch { continue; }
    const folder = path.dirname(path.resolve(path.dirname(link), target));
    if (path.basename(folder).startsWith(prefix)) {
      try { fs.rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }); } catch {}
    }
  }
}
async function reap() {
  const deadline = Date.now() + 10000;
  for (;;) {
    const victims = new Set([...groups, ...marked()]);
    for (const pid of victims) {
      try { process.kill(-pid, 'SIGKILL'); } catch {}
      try { process.kill(pid, 'SIGKILL'); } catch {}
    }
    while ([...victims].some(alive) && Date.now() < deadline) await sleep(25);
    removeLinkedFolders();
    for (const folder of folders) {
      try { fs.rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }); } catch {}
    }
    groups.clear();
    await sleep(200);
    const done = marked().length === 0 && [...folders].every((folder) => !fs.existsSync(folder));
    if (done || Date.now() > deadline) process.exit(0);
  }
}
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let end = pending.indexOf('\\n'); end >= 0; end = pending.indexOf('\\n')) {
    try { apply(JSON.parse(pending.slice(0, end))); } catch {}
    pending = pending.slice(end + 1);
  }
});
process.stdin.on('end', reap);
process.stdin.on('error', reap);
`;

export class Reaper {
  private constructor(private readonly child: ChildProcess | undefined) {}

  /** Starts the watchdog; it costs one small Node process for as long as logi runs. */
  static start(): Reaper {
    if (process.platform === 'win32') return new Reaper(undefined);
    const child = spawn(process.execPath, ['-e', REAPER_PROGRAM], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    // logi's exit must not wait for the reaper, nor the reaper's pipe keep logi alive.
    child.unref();
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    child.on('error', () => undefined);
    child.stdin?.on('error', () => undefined);
    return new Reaper(child);
  }

  /** Kill this process group (its leader's PID) if logi dies before `forgetKill`. */
  kill(pid: number): void {
    this.send({ kill: pid });
  }

  forgetKill(pid: number): void {
    this.send({ forgetKill: pid });
  }

  /** Kill every process whose command line contains `marker` (and its group) if logi dies before `forgetMarked`. */
  killMarked(marker: string): void {
    this.send({ killMarked: marker });
  }

  forgetMarked(marker: string): void {
    this.send({ forgetMarked: marker });
  }

  /** Remove this folder if logi dies before `forgetRemove`, once the processes to kill are dead. */
  remove(folder: string): void {
    this.send({ remove: folder });
  }

  /** Also remove the folder the symbolic link `link` points into, if its name starts with `prefix` (read when logi dies, before the folders are removed). */
  removeLinkedFolder(link: string, prefix: string): void {
    this.send({ removeLinked: link, prefix });
  }

  forgetRemove(folder: string): void {
    this.send({ forgetRemove: folder });
  }

  /** Closes the pipe: the reaper acts on what is still listed, then exits. */
  stop(): void {
    this.child?.stdin?.end();
  }

  private send(message: ReaperMessage): void {
    if (this.child?.stdin?.writable) this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }
}
