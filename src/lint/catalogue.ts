/**
 * Every check `logi lint` can report, with its documentation: the rule modules, the checks of the
 * loader and engine whose ids are reserved (they cannot be turned off), and the checks of inline
 * suppressions. `logi rules` prints this list; a test keeps docs/rules/ and the fixtures in step.
 */
import type { Severity } from '../language/diagnostic.js';
import type { Kind } from '../language/schemas/index.js';
import { docsPath, type Rule } from './rule.js';
import { BUILTIN_RULES } from './rules/index.js';
import { NO_UNUSED_SUPPRESSION, SUPPRESSION_NEEDS_REASON } from './suppressions.js';

export type Origin = 'rule' | 'reserved' | 'suppression';

export interface CatalogueEntry {
  id: string;
  description: string;
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

const reserved = (id: string, description: string, fixable = false): CatalogueEntry => ({
  id,
  description,
  severity: 'error',
  fixable,
  docs: docsPath(id),
  kinds: [],
  origin: 'reserved',
  configurable: false,
});

/** The reserved checks, made by the loader and the engine; their severity is always `error`. */
export const RESERVED_CHECKS: readonly CatalogueEntry[] = [
  reserved('file-unreadable', 'The file can be read: it exists, is a regular file of at most 5 MB, and is valid UTF-8.'),
  reserved('yaml-syntax', 'The file is valid YAML: spaces not tabs, closed quotes and brackets, no duplicate keys, bounded aliases.'),
  reserved('schema', 'Every document matches the language: a known `kind`, `version: 1`, the required keys, no unknown key, values of the right type (`--fix` adds a missing `version: 1`).', true),
  reserved('duplicate-id', 'Ids are unique among the documents of one kind in the workspace.'),
  reserved('rule-error', 'A rule failed on a document: a bug in logi, reported as a finding instead of a crash.'),
];

/** The checks of suppression comments (`# logi-disable-next-line <rule> -- <reason>`). */
export const SUPPRESSION_CHECKS: readonly CatalogueEntry[] = [
  {
    id: SUPPRESSION_NEEDS_REASON,
    description: 'A suppression comment says why the finding is intended, after ` -- `.',
    severity: 'error',
    fixable: false,
    docs: docsPath(SUPPRESSION_NEEDS_REASON),
    kinds: [],
    origin: 'suppression',
    configurable: true,
  },
  {
    id: NO_UNUSED_SUPPRESSION,
    description: 'A suppression comment names known rules and silences at least one finding.',
    severity: 'warning',
    fixable: true,
    docs: docsPath(NO_UNUSED_SUPPRESSION),
    kinds: [],
    origin: 'suppression',
    configurable: true,
  },
];

export function ruleEntry(rule: Rule): CatalogueEntry {
  return {
    id: rule.meta.id,
    description: rule.meta.description,
    severity: rule.meta.severity,
    fixable: rule.meta.fixable === true,
    docs: rule.meta.docs,
    kinds: rule.meta.kinds,
    origin: 'rule',
    configurable: true,
  };
}

/** Every check, rules first (in BUILTIN_RULES order), then suppression and reserved checks. */
export function catalogue(rules: readonly Rule[] = BUILTIN_RULES): CatalogueEntry[] {
  return [...rules.map(ruleEntry), ...SUPPRESSION_CHECKS, ...RESERVED_CHECKS];
}
