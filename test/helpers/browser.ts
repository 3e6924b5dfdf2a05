/**
 * Browser tests run wherever a Chromium is found. In CI (`CI` set) they always run: a missing
 * browser there is a failure (`findBrowser` throws), never a skip.
 */
import { findBrowser } from '../../src/render/browser.js';

function lookForBrowser(): string | undefined {
  try {
    return findBrowser().executablePath;
  } catch {
    return undefined;
  }
}

export const BROWSER_PATH = lookForBrowser();
export const RUN_BROWSER_TESTS = BROWSER_PATH !== undefined || Boolean(process.env.CI);

/** The browser's path; throws (failing the test) when there is none. */
export function browserPath(): string {
  return BROWSER_PATH ?? findBrowser().executablePath;
}

/** What a page complains of (console errors and warnings, uncaught errors) and the URLs it requests, gathered as it runs. */
export function watchPage(page: { on(event: string, listener: (value: never) => void): unknown }): { problems: string[]; requests: string[] } {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message: { type(): string; text(): string }) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error: unknown) => problems.push(String(error)));
  page.on('request', (request: { url(): string }) => requests.push(request.url()));
  return { problems, requests };
}
