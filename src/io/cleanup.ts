/**
 * What logi undoes when it is interrupted: temporary files and folders, the browser and its
 * profile. On SIGINT, SIGTERM or SIGHUP every registered clean-up runs (for at most a few seconds),
 * then logi dies of the same signal, as it would with no handler (a shell reports 128 + the
 * signal's number: 130 for Ctrl-C). A second signal exits at once, with that number.
 *
 * Work marked `uninterruptible` (the renames that put an output set in place) finishes before the
 * clean-ups start, so a signal never leaves a swap half done. Once a signal has arrived, outputs
 * stop being written (`haltIfInterrupted` never returns): a write racing the clean-up would fail
 * and report a misleading error instead of the interruption.
 *
 * SIGKILL cannot be caught: what it leaves behind is removed by the watchdog (reaper.ts) or by
 * the next run (output-set.ts), both keyed on the process id that is then dead.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export type Cleanup = () => void | Promise<void>;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

/** How long the clean-ups may take before logi exits anyway. */
const CLEANUP_BOUND_MS = 5_000;

const cleanups = new Set<Cleanup>();
const criticalSections = new Set<Promise<unknown>>();
let installed = false;
let interruptedBy: Signal | undefined;

/** Registers a clean-up for an interruption; returns the function that unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  installHandlers();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** Whether a signal has arrived and logi is cleaning up before it exits. */
export function isInterrupted(): boolean {
  return interruptedBy !== undefined;
}

/** Returns at once, unless logi is being interrupted: then it never settles, and the caller stops where it is. */
export function haltIfInterrupted(): Promise<void> {
  return interruptedBy ? new Promise<void>(() => undefined) : Promise.resolve();
}

/**
 * Runs `work` so that a signal waits for it to finish before the clean-ups run; if a signal came
 * meanwhile, the caller stops there (clean-ups `work` registers still run).
 */
export async function uninterruptible<T>(work: () => Promise<T>): Promise<T> {
  await haltIfInterrupted();
  const running = work();
  criticalSections.add(running);
  try {
    return await running;
  } finally {
    criticalSections.delete(running);
    await haltIfInterrupted();
  }
}

const handlers = new Map<Signal, () => void>();

function installHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    const handler = () => void onSignal(signal);
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  // Whatever else ends the process once a signal has arrived, its exit code says so.
  process.on('exit', () => {
    if (interruptedBy) process.exitCode = exitCodeOf(interruptedBy);
  });
}

function exitCodeOf(signal: Signal): number {
  return 128 + (os.constants.signals[signal] ?? 2);
}

async function onSignal(signal: Signal): Promise<void> {
  const code = exitCodeOf(signal);
  if (interruptedBy) process.exit(code);
  interruptedBy = signal;
  let bound: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    bound = setTimeout(resolve, CLEANUP_BOUND_MS);
  });
  const cleanUp = async () => {
    await Promise.allSettled([...criticalSections]);
    await Promise.allSettled([...cleanups].map(async (cleanup) => cleanup()));
  };
  await Promise.race([cleanUp(), timeout]);
  clearTimeout(bound);
  // Cleaned up, logi dies of the signal itself, as it would have without handlers: its parent
  // (a shell: 130 for SIGINT) sees the same whether the signal came before or after a clean-up
  // was registered. Should the signal not end it, it exits with the shell's number.
  for (const [name, handler] of handlers) process.off(name, handler);
  setTimeout(() => process.exit(code), 1_000).unref();
  process.kill(process.pid, signal);
}

/** Whether a process exists and is not a zombie (a zombie has exited; only its parent has not yet read its status). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // /proc/PID/stat: "pid (command) state …"; the command may itself hold parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
