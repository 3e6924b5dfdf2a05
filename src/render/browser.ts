/**
 * Finding a Chromium or Chrome to render with. Puppeteer is installed without its own browser (the
 * machines that run logi often cannot download one), so logi looks, in this order, at:
 *   1. the `--browser` flag;
 *   2. `PUPPETEER_EXECUTABLE_PATH`;
 *   3. puppeteer's cache (`PUPPETEER_CACHE_DIR`, else `~/.cache/puppeteer`), newest build first;
 *   4. the system's Chromium or Chrome, at their usual places on Linux, macOS and Windows.
 * The first that exists and is executable wins; when none does, the error says how to get one.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

export const BROWSER_HINT =
  'install Chromium (Debian/Ubuntu: `apt-get install -y chromium`; macOS: install Google Chrome), or give its path with --browser PATH or PUPPETEER_EXECUTABLE_PATH';

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
    throw new BrowserNotFoundError(`--browser ${options.flag}: no executable file there`, 'give the path of a Chromium or Chrome executable, e.g. /usr/bin/chromium');
  }
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return { executablePath: fromEnv, source: 'PUPPETEER_EXECUTABLE_PATH' };
    throw new BrowserNotFoundError(`PUPPETEER_EXECUTABLE_PATH=${fromEnv}: no executable file there`, 'correct or unset PUPPETEER_EXECUTABLE_PATH');
  }
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? path.join(options.homeDir ?? os.homedir(), '.cache', 'puppeteer');
  const cached = puppeteerCacheBrowsers(cacheDir)[0];
  if (cached) return { executablePath: cached, source: 'puppeteer cache' };
  const system = options.systemPaths ?? SYSTEM_BROWSERS[options.platform ?? process.platform] ?? [];
  for (const file of system) if (isExecutableFile(file)) return { executablePath: file, source: 'system' };
  throw new BrowserNotFoundError(
    `no Chromium or Chrome found to render SVG, PNG or PDF (looked at --browser, PUPPETEER_EXECUTABLE_PATH, ${cacheDir}, ${system.join(', ') || 'no system path on this platform'})`,
    BROWSER_HINT,
  );
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
