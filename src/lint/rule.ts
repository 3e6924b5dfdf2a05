/** The contract every lint rule follows (one rule per file under rules/). */
import type { Severity } from '../language/diagnostic.js';
import type { Kind } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';

export type DocPath = ReadonlyArray<string | number>;

export interface RuleMeta {
  id: string;
  description: string;
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

export function defineRule<K extends Kind>(rule: Rule<K> & { meta: RuleMeta & { kinds: readonly K[] } }): Rule {
  return rule as unknown as Rule;
}

/** The documentation file of a rule id. */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
