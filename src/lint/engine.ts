/**
 * The lint engine: runs rules over a loaded workspace. A rule that throws becomes one
 * `rule-error` diagnostic; it never stops the run.
 */
import { compareDiagnostics, type Diagnostic, type Severity, RESERVED_RULE_IDS } from '../language/diagnostic.js';
import { placeReport } from '../language/source.js';
import path from 'node:path';
import { isTarget, type LoadedDocument, loadWorkspace, type LoadOptions, type Workspace } from '../language/workspace.js';
import type { Rule } from './rule.js';
import { BUILTIN_RULES } from './rules/index.js';

export interface LintResult {
  workspace: Workspace;
  diagnostics: Diagnostic[];
  filesChecked: number;
  errorCount: number;
  warningCount: number;
  /** 0 clean, 1 findings (errors), 2 unreadable input. */
  exitCode: 0 | 1 | 2;
}

export interface LintOptions extends LoadOptions {
  rules?: readonly Rule[];
}

/** `*` matches within a folder, `**` across folders; paths are relative to the config's folder. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else pattern += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

function settingFor(rule: Rule, workspace: Workspace, document: LoadedDocument): string | undefined {
  let setting = workspace.config.rules?.[rule.meta.id];
  const relative = path.relative(workspace.root, document.source.absolutePath).split(path.sep).join('/');
  for (const override of workspace.config.overrides ?? []) {
    if (override.files.some((glob) => globToRegExp(glob).test(relative)) && override.rules[rule.meta.id] !== undefined) {
      setting = override.rules[rule.meta.id];
    }
  }
  return setting;
}

function effectiveSeverity(rule: Rule, workspace: Workspace, document: LoadedDocument): Severity | 'off' {
  const setting = settingFor(rule, workspace, document);
  if (setting === 'off') return 'off';
  if (setting === 'warn') return 'warning';
  if (setting === 'error') return 'error';
  if (rule.meta.severity === 'off' && workspace.config.extends === 'strict') return 'warning';
  return rule.meta.severity;
}

export function runRules(workspace: Workspace, rules: readonly Rule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    if ((RESERVED_RULE_IDS as readonly string[]).includes(rule.meta.id)) throw new Error(`rule id ${rule.meta.id} is reserved`);
    for (const document of workspace.documents) {
      if (!rule.meta.kinds.includes(document.kind) || !isTarget(workspace, document)) continue;
      const severity = effectiveSeverity(rule, workspace, document);
      if (severity === 'off') continue;
      try {
        rule.check({
          workspace,
          document,
          report: (r) => diagnostics.push(placeReport(document.source, document.document, { ...r, ruleId: rule.meta.id, severity })),
        });
      } catch (error) {
        diagnostics.push(
          placeReport(document.source, document.document, {
            ruleId: 'rule-error',
            severity: 'error',
            message: `rule \`${rule.meta.id}\` failed on this document: ${error instanceof Error ? error.message : String(error)}`,
            hint: 'this is a bug in the rule, not in your file; turn the rule off in logi.config.yaml meanwhile',
            path: [],
          }),
        );
      }
    }
  }
  return diagnostics;
}

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const workspace = await loadWorkspace(options);
  const diagnostics = [...workspace.diagnostics, ...runRules(workspace, options.rules ?? BUILTIN_RULES)].sort(compareDiagnostics);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = diagnostics.filter((d) => d.severity === 'warning').length;
  const filesChecked = new Set([...workspace.targets]).size;
  return {
    workspace,
    diagnostics,
    filesChecked,
    errorCount,
    warningCount,
    exitCode: workspace.hasUnreadableInput ? 2 : errorCount > 0 ? 1 : 0,
  };
}
