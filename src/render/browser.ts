/**
 * Finding a Chromium or Chrome to render with. Puppeteer is installed without its own browser (the
 * machines that run logi often cannot download one), so logi looks, in this order, at:
 *   1. the `--browser` flag;
 *   2. `PUPPETEER_EXECUTABLE_PATH`;
 *   3. puppeteer's cache (`PUPPETEER_CACHE_DIR`, else `~/.cache/puppeteer`), newest build first;
 *   4. the system's Chromium or Chrome, at their usual places on Linux, macOS and Windows.
 * The first that exists and is executable wins; when none does, the error says how to get one.
 */
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, promises as fs, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import { onInterrupt, processIsAlive } from '../io/cleanup.js';
import { Reaper } from '../io/reaper.js';

export type BrowserSource = 'flag' | 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer cache' | 'system';

export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
}

export class BrowserNotFoundError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'BrowserNotFoundError';
    this.hint = hint;
  }
}

/** How to get a browser, in the current language (a function: the language is set after modules load). */
export function browserHint(): string {
  return t('render.error.no-browser.hint');
}

const SYSTEM_BROWSERS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Executables in puppeteer's cache: `<cache>/<chrome|chrome-headless-shell>/<platform>-<build>/<folder>/<binary>`. */
export function puppeteerCacheBrowsers(cacheDir: string): string[] {
  const found: { file: string; build: string }[] = [];
  const binaries = ['chrome', 'chrome-headless-shell', 'chrome.exe', 'chrome-headless-shell.exe', 'Google Chrome for Testing'];
  for (const product of ['chrome-headless-shell', 'chrome']) {
    const productDir = path.join(cacheDir, product);
    let builds: string[];
    try {
      builds = readdirSync(productDir);
    } catch {
      continue;
    }
    for (const build of builds) {
      let folders: string[];
      try {
        folders = readdirSync(path.join(productDir, build));
      } catch {
        continue;
      }
      for (const folder of folders) {
        const candidates = [
          ...binaries.map((b) => path.join(productDir, build, folder, b)),
          path.join(productDir, build, folder, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
        ];
        for (const file of candidates) if (isExecutableFile(file)) found.push({ file, build });
      }
    }
  }
  // Newest build first: the version is the part after the platform, e.g. `linux-131.0.6778.204`.
  const version = (build: string) => (build.split('-').pop() ?? '').split('.').map(Number);
  found.sort((a, b) => {
    const [va, vb] = [version(a.build), version(b.build)];
    for (let i = 0; i < Math.max(va.length, vb.length); i++) if ((vb[i] ?? 0) !== (va[i] ?? 0)) return (vb[i] ?? 0) - (va[i] ?? 0);
    return 0;
  });
  return found.map((f) => f.file);
}

export interface FindBrowserOptions {
  /** Path given with `--browser`. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homeDir?: string;
  /** Replaces the system list (for tests). */
  systemPaths?: readonly string[];
}

/** The browser to render with, or a `BrowserNotFoundError` saying what was tried and how to get one. */
export function findBrowser(options: FindBrowserOptions = {}): FoundBrowser {
  const env = options.env ?? process.env;
  if (options.flag !== undefined) {
    if (isExecutableFile(options.flag)) return { executablePath: path.resolve(options.flag), source: 'flag' };
    throw new BrowserNotFoundError(t('render.error.browser-flag', { path: options.flag }), t('render.error.browser-flag.hint'));
  }
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return { executablePath: fromEnv, source: 'PUPPETEER_EXECUTABLE_PATH' };
    throw new BrowserNotFoundError(t('render.error.browser-env', { path: fromEnv }), t('render.error.browser-env.hint'));
  }
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? path.join(options.homeDir ?? os.homedir(), '.cache', 'puppeteer');
  const cached = puppeteerCacheBrowsers(cacheDir)[0];
  if (cached) return { executablePath: cached, source: 'puppeteer cache' };
  const system = options.systemPaths ?? SYSTEM_BROWSERS[options.platform ?? process.platform] ?? [];
  for (const file of system) if (isExecutableFile(file)) return { executablePath: file, source: 'system' };
  throw new BrowserNotFoundError(t('render.error.no-browser', { cache: cacheDir, system: system.join(', ') }), browserHint());
}

/**
 * Command-line switches for a headless Chromium that must not reach the network: the machines
 * logi runs on often have a closed network, where Chromium's background connections (updates,
 * sync, QUIC) fail many at a time and slow its start. As root, Chromium refuses to start without
 * `--no-sandbox`.
 */
export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    '--font-render-hinting=none',
  ];
}

/** Profile folders are `<temporary folder>/logi-chromium-<logi's PID>-XXXXXX`. */
export const PROFILE_PREFIX = 'logi-chromium-';

/** A profile whose logi is dead is removed only after this long: a PID from another container sharing the folder looks dead too. */
const STALE_PROFILE_AGE_MS = 60 * 60 * 1000;

/**
 * Links in the profile to the folder Chromium makes in TMPDIR (`org.chromium.Chromium.XXXXXX`,
 * holding its singleton socket). Chromium removes that folder when it exits normally; a killed
 * Chromium leaves it, so logi removes the folder these links point into. (Chromium cannot be given
 * a TMPDIR inside the profile instead: the socket's path would pass the 104 to 108 bytes a Unix
 * socket path may have, and Chromium would not start.)
 */
const SINGLETON_LINKS = ['SingletonSocket', 'SingletonCookie'];

/** How the browser's command line names its profile (logi starts it with `--user-data-dir=PROFILE`). */
function profileMarker(profile: string): string {
  return `--user-data-dir=${profile}`;
}

/** Removes profile folders left by logi runs that are dead (a fallback: the reaper removes them as soon as logi dies). */
export async function removeStaleProfiles(folder = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    const match = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(entry);
    if (!match || Number(match[1]) === process.pid || processIsAlive(Number(match[1]))) continue;
    const stale = path.join(folder, entry);
    const stat = await fs.stat(stale).catch(() => undefined);
    if (!stat?.isDirectory() || now - stat.mtimeMs < STALE_PROFILE_AGE_MS) continue;
    await removeProfile(stale);
    removed.push(stale);
  }
  return removed;
}

/** Removes a profile, and the folder in TMPDIR its singleton links point into. */
async function removeProfile(profile: string): Promise<void> {
  for (const link of SINGLETON_LINKS) {
    const target = await fs.readlink(path.join(profile, link)).catch(() => undefined);
    const folder = target === undefined ? undefined : path.dirname(path.resolve(profile, target));
    if (folder && path.basename(folder).startsWith('org.chromium.')) await fs.rm(folder, { recursive: true, force: true, maxRetries: 3 });
  }
  await fs.rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/**
 * The life of one browser (issue 12 #9): the profile folder logi creates for it, and the three
 * ways it ends, none of which leaves a Chromium process or a profile behind:
 *   - `end` after a normal close: the profile is removed;
 *   - `kill` on SIGINT, SIGTERM or SIGHUP (io/cleanup.ts): the browser's process group is killed,
 *     then the profile removed, before logi exits;
 *   - SIGKILL of logi: Chromium, driven over a pipe (`--remote-debugging-pipe`), exits when the pipe
 *     closes; the reaper (io/reaper.ts) kills its process group anyway, and every process that
 *     names the profile on its command line, waits for them, and removes the profile.
 */
export class BrowserLifetime {
  private browserProcess: ChildProcess | null = null;
  private ended = false;
  private forgetInterrupt: () => void = () => undefined;

  private constructor(
    /** The profile folder to start the browser with (`--user-data-dir`). */
    readonly profile: string,
    private readonly reaper: Reaper,
  ) {}

  static async begin(): Promise<BrowserLifetime> {
    await removeStaleProfiles();
    const profile = path.resolve(await fs.mkdtemp(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`)));
    const reaper = Reaper.start();
    // Told before the browser starts: logi may be killed at any moment from now on.
    reaper.killMarked(profileMarker(profile));
    for (const link of SINGLETON_LINKS) reaper.removeLinkedFolder(path.join(profile, link), 'org.chromium.');
    reaper.remove(profile);
    const lifetime = new BrowserLifetime(profile, reaper);
    lifetime.forgetInterrupt = onInterrupt(() => lifetime.kill());
    return lifetime;
  }

  /** The browser's process, from the moment it is spawned: its group is what `kill` and the reaper kill. */
  watch(browserProcess: ChildProcess): void {
    this.browserProcess = browserProcess;
    if (browserProcess.pid) this.reaper.kill(browserProcess.pid);
    // The pipes to a browser that dies (killed, crashed, or not a browser at all) fail with EPIPE or
    // ECONNRESET; unheard, such an error would end logi with a stack trace.
    browserProcess.on('error', () => undefined);
    for (const stream of browserProcess.stdio) stream?.on('error', () => undefined);
  }

  /**
   * Kills the browser and every process of its group at once, and removes the profile. The reaper
   * keeps its list: it checks again, by command line, once logi has exited.
   */
  async kill(): Promise<void> {
    this.ended = true;
    this.forgetInterrupt();
    await this.stopBrowser(0);
    await removeProfile(this.profile).catch(() => undefined);
    this.reaper.stop();
  }

  /** After the browser was asked to close: waits for it (killing it if it lingers), removes the profile and releases the reaper. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.forgetInterrupt();
    await this.stopBrowser(5_000);
    try {
      await removeProfile(this.profile);
      this.reaper.forgetRemove(this.profile);
    } catch {
      // The reaper removes it when logi exits.
    }
    if (this.browserProcess?.pid) this.reaper.forgetKill(this.browserProcess.pid);
    this.reaper.forgetMarked(profileMarker(this.profile));
    this.reaper.stop();
  }

  /** Waits up to `graceMs` for the browser to exit, then kills its process group and waits (at most 3 s) for it. */
  private async stopBrowser(graceMs: number): Promise<void> {
    const child = this.browserProcess;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
    const within = async (ms: number) => {
      let bound: NodeJS.Timeout | undefined;
      const done = await Promise.race([exited, new Promise<boolean>((resolve) => (bound = setTimeout(() => resolve(false), ms)))]);
      clearTimeout(bound);
      return done;
    };
    if (graceMs > 0 && (await within(graceMs))) return;
    try {
      // Chromium is started detached: its PID leads a process group of its own.
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    await within(3_000);
  }
}
