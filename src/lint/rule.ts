/** The contract every lint rule follows (one rule per file under rules/). */
import { CATALOGUE } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import type { Severity } from '../language/diagnostic.js';
import type { Kind } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';

export type DocPath = ReadonlyArray<string | number>;

export interface RuleMeta {
  id: string;
  /**
   * What the rule checks, in the current language. A getter: it reads the catalogue each time it
   * is read, since the language is chosen after the rules are imported.
   */
  readonly description: string;
  /** What the rule checks, in `lang` (for texts that carry both languages, such as SARIF). */
  describe(lang: Lang): string;
  /** Severity in the `recommended` preset; `off` means the rule is only in `strict`. */
  severity: Severity | 'off';
  /** Kinds of document the rule looks at. */
  kinds: readonly Kind[];
  /** True when the rule offers fixes that `logi lint --fix` applies. */
  fixable?: boolean;
  /** Path of the rule's documentation, relative to the repository: `docs/rules/<id>.md`. */
  docs: string;
}

/** One replacement in a file's text: the characters [start, end) become `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Builds text edits from document paths; each method returns undefined when it cannot edit safely. */
export interface Fixer {
  /** Replaces the value at `path` (a scalar or a flow collection) with `text`, written in flow style. */
  replaceValue(path: DocPath, text: string): TextEdit | undefined;
  /** Renames the key of the mapping entry at `path` (a plain scalar key), keeping its value as written. */
  renameKey(path: DocPath, key: string): TextEdit | undefined;
  /** Removes the mapping entry at `path`; when it is the last one, removes the parent entry too. */
  removeEntry(path: DocPath): TextEdit | undefined;
}

export interface RuleReport {
  path: DocPath;
  message: string;
  hint?: string;
  atKey?: boolean;
  /**
   * At most this severity, whatever the configuration says: for findings of a rule that are
   * advice rather than errors (e.g. transition-row-sum's plausible upper values).
   */
  severity?: 'warning' | 'info';
  /** How to fix the finding (only for rules whose meta says `fixable`). */
  fix?: (fixer: Fixer) => TextEdit | undefined;
}

export interface RuleContext<K extends Kind = Kind> {
  workspace: Workspace;
  document: LoadedDocument<K>;
  report(report: RuleReport): void;
}

export interface Rule<K extends Kind = Kind> {
  meta: RuleMeta;
  check(context: RuleContext<K>): void;
}

/**
 * What a rule file declares. Its description is the catalogue's `rules.<id>.description`
 * (src/i18n/messages/rules.ts), found by the id; a description with parameters is given as
 * `describe(lang)`; `description` is a fixed text, only for rules outside the catalogue (tests).
 */
export type RuleSpec<K extends Kind> = Omit<RuleMeta, 'description' | 'describe' | 'kinds'> & {
  kinds: readonly K[];
  describe?: (lang: Lang) => string;
  description?: string;
};

/** The entry `rules.<id>.description` in `lang`, when the catalogue has one without parameters. */
function catalogueDescription(id: string, lang: Lang): string | undefined {
  const words = CATALOGUE.get(`rules.${id}.description`)?.[lang];
  return typeof words === 'string' ? words : undefined;
}

/** The description of a rule (or a check of the catalogue), in `lang` or else the current language. */
export function describeRule(meta: Pick<RuleMeta, 'describe'>, lang: Lang = currentLanguage()): string {
  return meta.describe(lang);
}

/** A rule whose `meta.description` reads the catalogue in the current language whenever it is shown. */
export function defineRule<K extends Kind>(rule: { meta: RuleSpec<K>; check(context: RuleContext<K>): void }): Rule {
  const { describe: given, description: fixed, ...rest } = rule.meta;
  const describe = (lang: Lang): string => {
    const text = given?.(lang) ?? catalogueDescription(rest.id, lang) ?? fixed;
    if (text === undefined) throw new Error(`rule ${rest.id} has no description: add rules.${rest.id}.description to src/i18n/messages/rules.ts`);
    return text;
  };
  const meta: RuleMeta = {
    ...rest,
    describe,
    get description() {
      return describe(currentLanguage());
    },
  };
  return { meta, check: rule.check } as unknown as Rule;
}

/** The documentation file of a rule id. */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
