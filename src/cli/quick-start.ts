/**
 * Answers `logi --help`, `logi help [COMMAND]`, `logi COMMAND --help` and `logi --version` without
 * loading oclif: importing @oclif/core alone takes 0.29 s on a 2-core machine where Node starts in
 * 0.13 s (docs/performance.md), and the issue asks help to start in under 0.3 s.
 *
 * The help texts are rendered at build time by oclif's own help class (scripts/oclif-manifest.js),
 * in French and English, at 80 columns — what oclif itself prints when the output is not a
 * terminal — into `oclif.help.json`. They are used only when they cannot differ from what oclif
 * would print now: the file is not older than the last build (the rule of the manifest,
 * src/cli/startup.ts), the arguments are exactly one of the shapes above, and the terminal, if
 * any, is at least 80 columns wide (a wider terminal gets the 80-column text; a narrower one, or
 * anything else, goes to oclif). This module imports neither oclif nor the catalogue.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveLanguage, type Lang } from '../i18n/language.js';
import { languageArgument, removeLanguageArgument } from './arguments.js';

export const HELP_CACHE_FILE = 'oclif.help.json';
export const BUILD_INFO_FILE = path.join('dist', '.tsbuildinfo');
/** The width the help is rendered at: oclif's width when the output is not a terminal. */
export const HELP_COLUMNS = 80;

export interface HelpCache {
  /** `name/version`, the start of oclif's user agent. */
  nameAndVersion: string;
  /** oclif's user agent where the texts were rendered (the root help quotes it). */
  userAgent: string;
  /** language → command id ('' for the root help) → the help text as oclif prints it. */
  help: Record<Lang, Record<string, string>>;
}

function modified(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when `file` (under `root`) exists and is older than the last build. */
export function isOlderThanBuild(root: string, file: string): boolean {
  const written = modified(path.join(root, file));
  const build = modified(path.join(root, BUILD_INFO_FILE));
  return written !== undefined && build !== undefined && build > written;
}

/** What the arguments ask, when it is help or the version and nothing else. */
export function quickRequest(argv: readonly string[]): { help: string } | { version: true } | undefined {
  const rest = [...argv];
  removeLanguageArgument(rest);
  const [first, second, ...more] = rest;
  if (more.length > 0) return undefined;
  const isHelpFlag = (arg: string | undefined) => arg === '--help' || arg === '-h';
  if (rest.length === 1 && (first === '--version' || first === '-v' || first === 'version')) return { version: true };
  if (rest.length === 0 || (rest.length === 1 && (isHelpFlag(first) || first === 'help'))) return { help: '' };
  if (first === 'help' && second !== undefined && !second.startsWith('-')) return { help: second };
  if (first !== undefined && !first.startsWith('-') && isHelpFlag(second)) return { help: first };
  return undefined;
}

function readCache(root: string): HelpCache | undefined {
  if (isOlderThanBuild(root, HELP_CACHE_FILE)) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(root, HELP_CACHE_FILE), 'utf8')) as HelpCache;
  } catch {
    return undefined;
  }
}

function terminalIsNarrow(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 && stream.columns < HELP_COLUMNS;
}

/**
 * The text to print for `argv`, or undefined to let oclif answer. The version line is oclif's
 * user agent: `name/version platform-arch node-vX`.
 */
export function quickAnswer(root: string, argv: readonly string[], env: Readonly<Record<string, string | undefined>>, stdout: NodeJS.WriteStream): string | undefined {
  const request = quickRequest(argv);
  if (!request || env.OCLIF_COLUMNS || terminalIsNarrow(stdout)) return undefined;
  const cache = readCache(root);
  if (!cache) return undefined;
  const userAgent = `${cache.nameAndVersion} ${process.platform}-${process.arch} node-${process.version}`;
  if ('version' in request) return `${userAgent}\n`;
  const lang = resolveLanguage(languageArgument(argv), env);
  // The root help quotes the user agent: this machine's, not the build machine's.
  return Object.hasOwn(cache.help[lang] ?? {}, request.help) ? cache.help[lang][request.help]!.split(cache.userAgent).join(userAgent) : undefined;
}
