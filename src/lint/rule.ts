/** The contract every lint rule follows (one rule per file under rules/). */
import type { Severity } from '../language/diagnostic.js';
import type { Kind } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';

export interface RuleMeta {
  id: string;
  description: string;
  /** Severity in the `recommended` preset; `off` means the rule is only in `strict`. */
  severity: Severity | 'off';
  /** Kinds of document the rule looks at. */
  kinds: readonly Kind[];
  fixable?: boolean;
  /** Path of the rule's documentation, relative to the repository. */
  docs: string;
}

export interface RuleReport {
  path: ReadonlyArray<string | number>;
  message: string;
  hint?: string;
  atKey?: boolean;
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
