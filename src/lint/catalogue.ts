/**
 * Every check `logi lint` can report, with its documentation: the rule modules, the checks of the
 * loader and engine whose ids are reserved (they cannot be turned off), and the checks of inline
 * suppressions. `logi rules` prints this list; a test keeps docs/rules/ and the fixtures in step.
 */
import { translate } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import type { Severity } from '../language/diagnostic.js';
import type { Kind } from '../language/schemas/index.js';
import { docsPath, type Rule } from './rule.js';
import { BUILTIN_RULES } from './rules/index.js';
import { NO_UNUSED_SUPPRESSION, SUPPRESSION_NEEDS_REASON } from './suppressions.js';

export type Origin = 'rule' | 'reserved' | 'suppression';

export interface CatalogueEntry {
  id: string;
  /** What it checks, in the current language (a getter over `describe`, read when shown). */
  readonly description: string;
  /** What it checks, in `lang`: the catalogue's `rules.<id>.description`. */
  describe(lang: Lang): string;
  /** Severity in the `recommended` preset (`off`: only in `strict`). */
  severity: Severity | 'off';
  fixable: boolean;
  /** docs/rules/<id>.md, relative to the repository. */
  docs: string;
  /** Kinds of document looked at; empty for checks that apply to any file. */
  kinds: readonly Kind[];
  /** A rule module, a reserved check of the loader and engine, or a check of suppression comments. */
  origin: Origin;
  /** Whether `rules:` in logi.config.yaml (and presets) can change its severity. */
  configurable: boolean;
}

/** An entry whose `description` is `describe` in the language current when it is read. */
function withDescription(entry: Omit<CatalogueEntry, 'description'>): CatalogueEntry {
  return Object.defineProperty(entry, 'description', { get: () => entry.describe(currentLanguage()), enumerable: true }) as CatalogueEntry;
}

type ReservedId = 'file-unreadable' | 'yaml-syntax' | 'schema' | 'duplicate-id' | 'rule-error';

const reserved = (id: ReservedId, fixable = false): CatalogueEntry =>
  withDescription({
    id,
    describe: (lang) => translate(lang, `rules.${id}.description`),
    severity: 'error',
    fixable,
    docs: docsPath(id),
    kinds: [],
    origin: 'reserved',
    configurable: false,
  });

/** The reserved checks, made by the loader and the engine; their severity is always `error`. */
export const RESERVED_CHECKS: readonly CatalogueEntry[] = [reserved('file-unreadable'), reserved('yaml-syntax'), reserved('schema', true), reserved('duplicate-id'), reserved('rule-error')];

/** The checks of suppression comments (`# logi-disable-next-line <rule> -- <reason>`). */
export const SUPPRESSION_CHECKS: readonly CatalogueEntry[] = [
  withDescription({
    id: SUPPRESSION_NEEDS_REASON,
    describe: (lang) => translate(lang, 'rules.suppression-needs-reason.description'),
    severity: 'error',
    fixable: false,
    docs: docsPath(SUPPRESSION_NEEDS_REASON),
    kinds: [],
    origin: 'suppression',
    configurable: true,
  }),
  withDescription({
    id: NO_UNUSED_SUPPRESSION,
    describe: (lang) => translate(lang, 'rules.no-unused-suppression.description'),
    severity: 'warning',
    fixable: true,
    docs: docsPath(NO_UNUSED_SUPPRESSION),
    kinds: [],
    origin: 'suppression',
    configurable: true,
  }),
];

export function ruleEntry(rule: Rule): CatalogueEntry {
  return withDescription({
    id: rule.meta.id,
    describe: (lang) => rule.meta.describe(lang),
    severity: rule.meta.severity,
    fixable: rule.meta.fixable === true,
    docs: rule.meta.docs,
    kinds: rule.meta.kinds,
    origin: 'rule',
    configurable: true,
  });
}

/** Every check, rules first (in BUILTIN_RULES order), then suppression and reserved checks. */
export function catalogue(rules: readonly Rule[] = BUILTIN_RULES): CatalogueEntry[] {
  return [...rules.map(ruleEntry), ...SUPPRESSION_CHECKS, ...RESERVED_CHECKS];
}

export { describeRule } from './rule.js';
