import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentLanguage, setLanguage } from '../../src/i18n/language.js';
import { BrowserNotFoundError, chromiumArgs, findBrowser, puppeteerCacheBrowsers } from '../../src/render/browser.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fakeExecutable(file: string, executable = true): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

describe('browser discovery', () => {
  const system = fakeExecutable(path.join(tmp, 'system', 'chromium'));
  const none = { env: {}, homeDir: path.join(tmp, 'empty-home'), systemPaths: [] as string[] };

  it('takes the flag first, then PUPPETEER_EXECUTABLE_PATH, then the cache, then the system', () => {
    const flag = fakeExecutable(path.join(tmp, 'flag', 'chrome'));
    const env = fakeExecutable(path.join(tmp, 'env', 'chrome'));
    const home = path.join(tmp, 'home');
    const cached = fakeExecutable(path.join(home, '.cache/puppeteer/chrome/linux-131.0.6778.204/chrome-linux64/chrome'));
    expect(findBrowser({ flag, env: { PUPPETEER_EXECUTABLE_PATH: env }, homeDir: home, systemPaths: [system] })).toEqual({ executablePath: flag, source: 'flag' });
    expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: env }, homeDir: home, systemPaths: [system] })).toEqual({ executablePath: env, source: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(findBrowser({ env: {}, homeDir: home, systemPaths: [system] })).toEqual({ executablePath: cached, source: 'puppeteer cache' });
    expect(findBrowser({ env: {}, homeDir: path.join(tmp, 'nothing'), systemPaths: [path.join(tmp, 'missing'), system] })).toEqual({ executablePath: system, source: 'system' });
  });

  it('reads PUPPETEER_CACHE_DIR and prefers the newest build', () => {
    const cache = path.join(tmp, 'cache');
    fakeExecutable(path.join(cache, 'chrome/linux-99.0.1.2/chrome-linux64/chrome'));
    const newest = fakeExecutable(path.join(cache, 'chrome/linux-131.0.10.1/chrome-linux64/chrome'));
    fakeExecutable(path.join(cache, 'chrome/linux-131.0.9.1/chrome-linux64/chrome'));
    expect(puppeteerCacheBrowsers(cache)[0]).toBe(newest);
    expect(findBrowser({ ...none, env: { PUPPETEER_CACHE_DIR: cache } }).executablePath).toBe(newest);
  });

  it('skips files that are not executable', () => {
    const plain = fakeExecutable(path.join(tmp, 'plain', 'chromium'), false);
    expect(() => findBrowser({ ...none, systemPaths: [plain] })).toThrow(BrowserNotFoundError);
  });

  it('says how to get a browser when there is none, and what it tried', () => {
    try {
      findBrowser({ ...none, systemPaths: ['/nowhere/chromium'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BrowserNotFoundError);
      expect((error as BrowserNotFoundError).message).toContain('/nowhere/chromium');
      expect((error as BrowserNotFoundError).hint).toMatch(/apt-get install -y chromium/);
      expect((error as BrowserNotFoundError).hint).toMatch(/--browser PATH/);
    }
  });

  it('says it in French when the language is French (the default), quoting the paths as given', () => {
    const language = currentLanguage();
    setLanguage('fr');
    try {
      const error = (() => {
        try {
          findBrowser({ ...none, systemPaths: ['/nowhere/chromium'] });
        } catch (thrown) {
          return thrown as BrowserNotFoundError;
        }
        throw new Error('findBrowser found a browser');
      })();
      expect(error.message).toMatch(/^aucun Chromium ni Chrome trouvé pour produire SVG, PNG ou PDF \(cherché : .*\/nowhere\/chromium\)$/);
      expect(error.hint).toMatch(/^installez Chromium \(Debian\/Ubuntu : `apt-get install -y chromium` ; .*--browser CHEMIN/);
      expect(() => findBrowser({ ...none, flag: '/là/où/rien' })).toThrow('--browser /là/où/rien : aucun fichier exécutable à cet endroit');
    } finally {
      setLanguage(language);
    }
  });

  it('refuses a flag or variable that points at nothing, rather than falling back silently', () => {
    expect(() => findBrowser({ ...none, flag: path.join(tmp, 'no-such-browser') })).toThrow(/--browser .*no executable file/);
    expect(() => findBrowser({ ...none, env: { PUPPETEER_EXECUTABLE_PATH: path.join(tmp, 'nope') } })).toThrow(/PUPPETEER_EXECUTABLE_PATH=.*no executable file/);
  });

  it('starts Chromium without sandbox only as root, and always without background networking', () => {
    expect(chromiumArgs(true)).toContain('--no-sandbox');
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(false)).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--disable-quic']));
  });

  it('logi render --format svg fails with exit 2 and a hint when the browser is missing, writing nothing', () => {
    const out = path.join(tmp, 'out');
    const run = runCli(['render', 'guidelines', '--format', 'svg', '--out', out], { env: { PUPPETEER_EXECUTABLE_PATH: path.join(tmp, 'absent-chrome') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/PUPPETEER_EXECUTABLE_PATH=.*no executable file there/);
    expect(run.stderr).toMatch(/hint:/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    // Nothing at --out: no folder, no file (rmSync would throw on a folder too, so it cannot tell).
    expect(existsSync(out)).toBe(false);
  });
});
