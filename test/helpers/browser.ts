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
