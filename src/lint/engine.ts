/**
 * The lint engine: loads the workspace, runs the rules over it with the severities of the preset
 * and of logi.config.yaml (`rules`, per-path `overrides`), applies inline suppressions, and
 * collects the fixes of fixable findings. A rule that throws becomes one `rule-error` diagnostic;
 * it never stops the run.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { byCodePoint } from '../language/order.js';
import { compareDiagnostics, countBySeverity, type Diagnostic, type Severity } from '../language/diagnostic.js';
import { locate, placeReport, readSource, type SourceDocument, type SourceFile } from '../language/source.js';
import { didYouMean } from '../language/suggest.js';
import { isTarget, loadWorkspace, type LoadedDocument, type LoadOptions, type Workspace } from '../language/workspace.js';
import { writeFileAtomic } from '../io/atomic.js';
import { t } from '../i18n/catalogue.js';
import { catalogue, RESERVED_CHECKS, SUPPRESSION_CHECKS } from './catalogue.js';
import { applyEdits, createFixer, missingVersionEdit, parsesCleanly } from './fix.js';
import { capSeverity, type Preset, presetSeverity } from './presets.js';
import type { Fixer, Rule, RuleReport, TextEdit } from './rule.js';
import { BUILTIN_RULES } from './rules/index.js';
import { applySuppressions, parseDirectives, type Directive } from './suppressions.js';

export interface LintOptions extends LoadOptions {
  rules?: readonly Rule[];
  /** Overrides the config's `extends`. Default: the config's, else `recommended`. */
  preset?: Preset;
  /** More warnings than this make the exit code 1; a negative number (`--max-warnings -1`) sets no limit. */
  maxWarnings?: number;
  /** Errors only, as ESLint's `--quiet`: warnings and infos are neither reported nor counted (`warningCount` 0, no `--max-warnings` failure). */
  quiet?: boolean;
}

/** The fixes of one file: edits to apply to `text`, the content that was linted. */
export interface FileFixes {
  file: string;
  absolutePath: string;
  text: string;
  edits: TextEdit[];
}

export interface LintResult {
  workspace: Workspace;
  diagnostics: Diagnostic[];
  filesChecked: number;
  errorCount: number;
  warningCount: number;
  /** 0 clean, 1 findings (errors, or more warnings than `maxWarnings`), 2 unreadable input or a broken logi.config.yaml. */
  exitCode: 0 | 1 | 2;
  /** True when logi.config.yaml has an error (its syntax, its schema, an unknown rule): a configuration error, exit 2 as in ESLint. */
  configError: boolean;
  preset: Preset;
  /** True when `maxWarnings` was given and exceeded. */
  tooManyWarnings: boolean;
  /** Findings that `--fix` can fix. */
  fixableCount: number;
  fixes: FileFixes[];
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

type RuleSetting = 'off' | 'warn' | 'error';

/** The rule settings of a workspace, compiled once per run. */
export class RuleSettings {
  readonly preset: Preset;
  private readonly overrides: { patterns: RegExp[]; rules: Record<string, RuleSetting> }[];
  private readonly byFile = new Map<string, Record<string, RuleSetting>>();

  constructor(
    private readonly workspace: Workspace,
    preset?: Preset,
  ) {
    this.preset = preset ?? workspace.config.extends ?? 'recommended';
    this.overrides = (workspace.config.overrides ?? []).map((o) => ({ patterns: o.files.map(globToRegExp), rules: o.rules }));
  }

  /** The `rules` settings that apply to one file: the config's, then every matching override in order. */
  private settingsFor(absolutePath: string): Record<string, RuleSetting> {
    let settings = this.byFile.get(absolutePath);
    if (settings) return settings;
    settings = { ...(this.workspace.config.rules ?? {}) };
    const relative = path.relative(this.workspace.root, absolutePath).split(path.sep).join('/');
    for (const override of this.overrides) if (override.patterns.some((p) => p.test(relative))) Object.assign(settings, override.rules);
    this.byFile.set(absolutePath, settings);
    return settings;
  }

  severity(id: string, defaultSeverity: Severity | 'off', absolutePath: string): Severity | 'off' {
    const setting = this.settingsFor(absolutePath)[id];
    if (setting === 'off') return 'off';
    if (setting === 'warn') return 'warning';
    if (setting === 'error') return 'error';
    return presetSeverity(defaultSeverity, this.preset);
  }
}

interface PendingFix {
  diagnostic: Diagnostic;
  source: SourceFile;
  edit: TextEdit;
}

const NOT_A_RULE_ID = new Set([...RESERVED_CHECKS, ...SUPPRESSION_CHECKS].map((c) => c.id));

function runRulesDetailed(workspace: Workspace, rules: readonly Rule[], settings: RuleSettings): { diagnostics: Diagnostic[]; fixes: PendingFix[] } {
  const diagnostics: Diagnostic[] = [];
  const fixes: PendingFix[] = [];
  for (const rule of rules) if (NOT_A_RULE_ID.has(rule.meta.id)) throw new Error(`rule id ${rule.meta.id} is reserved`);
  const byKind = new Map<string, Rule[]>();
  for (const rule of rules) for (const kind of rule.meta.kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
  // Documents outside, rules inside: one context per document, whose `report` reads the rule
  // being run (a rule reports synchronously, from its `check`).
  let rule: Rule;
  let severity: Severity;
  let document: LoadedDocument;
  let fixer: Fixer | undefined;
  const report = (r: RuleReport) => {
    const diagnostic = placeReport(document.source, document.document, {
      ruleId: rule.meta.id,
      severity: capSeverity(severity, r.severity),
      message: r.message,
      path: r.path,
      ...(r.hint !== undefined ? { hint: r.hint } : {}),
      ...(r.atKey ? { atKey: true } : {}),
    });
    diagnostics.push(diagnostic);
    if (r.fix && rule.meta.fixable) {
      fixer ??= createFixer(document.source, document.document);
      const edit = r.fix(fixer);
      if (edit) fixes.push({ diagnostic, source: document.source, edit });
    }
  };
  for (const current of workspace.documents) {
    if (!isTarget(workspace, current)) continue;
    const applicable = byKind.get(current.kind);
    if (!applicable) continue;
    document = current;
    fixer = undefined;
    const context = { workspace, document: current, report };
    for (const candidate of applicable) {
      const level = settings.severity(candidate.meta.id, candidate.meta.severity, current.source.absolutePath);
      if (level === 'off') continue;
      rule = candidate;
      severity = level;
      try {
        candidate.check(context);
      } catch (error) {
        diagnostics.push(ruleError(candidate, current, error));
      }
    }
  }
  return { diagnostics, fixes };
}

function ruleError(rule: Rule, document: LoadedDocument, error: unknown): Diagnostic {
  return placeReport(document.source, document.document, {
    ruleId: 'rule-error',
    severity: 'error',
    message: t('cli.lint.rule-error', { rule: rule.meta.id, error: error instanceof Error ? error.message : String(error) }),
    hint: t('cli.lint.rule-error.hint', { rule: rule.meta.id }),
    path: [],
  });
}

/** Runs rules over a loaded workspace (the config's preset unless one is given); returns their findings. */
export function runRules(workspace: Workspace, rules: readonly Rule[], options: { preset?: Preset } = {}): Diagnostic[] {
  return runRulesDetailed(workspace, rules, new RuleSettings(workspace, options.preset)).diagnostics;
}

function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative.startsWith('..') ? absolute : relative;
}

/** Rule ids in logi.config.yaml that name no rule, or a reserved check that cannot be configured. */
async function checkConfiguredIds(workspace: Workspace, rules: readonly Rule[], cwd: string, texts?: ReadonlyMap<string, string>): Promise<Diagnostic[]> {
  const config = workspace.config;
  if (!workspace.configFile || (!config.rules && !config.overrides)) return [];
  const entries = catalogue(rules);
  const configurable = entries.filter((e) => e.configurable).map((e) => e.id);
  const reserved = new Set(entries.filter((e) => !e.configurable).map((e) => e.id));
  const wanted: { id: string; path: (string | number)[] }[] = [
    ...Object.keys(config.rules ?? {}).map((id) => ({ id, path: ['rules', id] })),
    ...(config.overrides ?? []).flatMap((o, i) => Object.keys(o.rules).map((id) => ({ id, path: ['overrides', i, 'rules', id] }))),
  ];
  const problems = wanted.filter((w) => !configurable.includes(w.id));
  if (problems.length === 0) return [];
  const read = await readSource(displayPath(cwd, workspace.configFile), workspace.configFile, texts?.get(workspace.configFile));
  const document = read.ok ? read.source.documents[0] : undefined;
  if (!read.ok || !document) return [];
  return problems.map(({ id, path: p }) => {
    const suggestion = didYouMean(id, configurable);
    return placeReport(read.source, document, {
      ruleId: 'schema',
      message: reserved.has(id) ? t('cli.lint.reserved-check', { id }) : t('cli.lint.unknown-rule', { id }),
      path: p,
      atKey: true,
      hint: reserved.has(id) ? t('cli.lint.reserved-check.hint') : (suggestion ?? t('cli.lint.see-rules')),
    });
  });
}

/**
 * The fix of a schema finding "missing required key `version`": add `version: 1`. The finding is
 * the schema finding at the place of the missing key that quotes `version`, in either language
 * (keys are code, quoted as written).
 */
function versionFixes(workspace: Workspace, diagnostics: readonly Diagnostic[]): PendingFix[] {
  const fixes: PendingFix[] = [];
  // By place, so that a file of thousands of documents is not searched once per document.
  const schemaFindings = new Map<string, Diagnostic>();
  const placeOf = (file: string, at: { line: number; column: number }) => `${at.line}:${at.column}:${file}`;
  for (const d of diagnostics) {
    const place = placeOf(d.file, d.range.start);
    if (d.ruleId === 'schema' && d.message.includes('`version`') && !schemaFindings.has(place)) schemaFindings.set(place, d);
  }
  if (schemaFindings.size === 0) return fixes;
  for (const source of workspace.files) {
    if (!workspace.targets.has(source.absolutePath)) continue;
    for (const document of source.documents as SourceDocument[]) {
      const edit = missingVersionEdit(source, document);
      if (!edit) continue;
      const diagnostic = schemaFindings.get(placeOf(source.file, locate(source, document, ['version']).start));
      if (diagnostic) fixes.push({ diagnostic, source, edit });
    }
  }
  return fixes;
}

/** Lints the workspace holding `options.paths` (or the cwd). Never throws for bad input. */
export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const workspace = await loadWorkspace(options);
  const rules = options.rules ?? BUILTIN_RULES;
  const settings = new RuleSettings(workspace, options.preset);
  // A rule takes over the loader's findings of its id (known-reference, stratum-exists, …): it
  // reports them itself, with the configured severity.
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const loaderFindings = workspace.diagnostics.filter((d) => !ruleIds.has(d.ruleId));
  const ran = runRulesDetailed(workspace, rules, settings);
  const configFindings = await checkConfiguredIds(workspace, rules, cwd, options.texts);
  const fixes = [...ran.fixes, ...versionFixes(workspace, loaderFindings)];

  const directivesByFile = new Map<string, { source: SourceFile; directives: Directive[] }>();
  for (const source of workspace.files) {
    if (!workspace.targets.has(source.absolutePath)) continue;
    const directives = parseDirectives(source);
    if (directives.length > 0) directivesByFile.set(source.file, { source, directives });
  }
  const knownIds = new Set(catalogue(rules).map((e) => e.id));
  const { kept, findings } = applySuppressions([...loaderFindings, ...ran.diagnostics, ...configFindings], directivesByFile, knownIds);
  const diagnostics = [...kept];
  for (const finding of findings) {
    const absolutePath = directivesByFile.get(finding.file)!.source.absolutePath;
    const entry = SUPPRESSION_CHECKS.find((c) => c.id === finding.ruleId)!;
    const severity = settings.severity(finding.ruleId, entry.severity, absolutePath);
    if (severity === 'off') continue;
    const diagnostic: Diagnostic = { ruleId: finding.ruleId, severity, message: finding.message, file: finding.file, range: finding.range, hint: finding.hint };
    diagnostics.push(diagnostic);
    if (finding.fix) fixes.push({ diagnostic, source: directivesByFile.get(finding.file)!.source, edit: finding.fix });
  }
  diagnostics.sort(compareDiagnostics);
  // --quiet: the warnings are gone before anything is counted or fixed, as if they were off.
  const reportedDiagnostics = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;

  const reported = new Set(reportedDiagnostics);
  const byFile = new Map<string, FileFixes>();
  let fixableCount = 0;
  for (const fix of fixes) {
    if (!reported.has(fix.diagnostic)) continue;
    fixableCount += 1;
    let entry = byFile.get(fix.source.absolutePath);
    if (!entry) {
      entry = { file: fix.source.file, absolutePath: fix.source.absolutePath, text: fix.source.text, edits: [] };
      byFile.set(fix.source.absolutePath, entry);
    }
    entry.edits.push(fix.edit);
  }

  const counts = countBySeverity(reportedDiagnostics);
  const tooManyWarnings = options.maxWarnings !== undefined && options.maxWarnings >= 0 && counts.warning > options.maxWarnings;
  const configError = hasConfigError(workspace, reportedDiagnostics, cwd);
  return {
    workspace,
    diagnostics: reportedDiagnostics,
    filesChecked: workspace.targets.size,
    errorCount: counts.error,
    warningCount: counts.warning,
    exitCode: workspace.hasUnreadableInput || configError ? 2 : counts.error > 0 || tooManyWarnings ? 1 : 0,
    configError,
    preset: settings.preset,
    tooManyWarnings,
    fixableCount,
    fixes: [...byFile.values()],
  };
}

/**
 * True when logi.config.yaml has an error: its syntax, its schema (an unknown preset in
 * `extends`, say), or a rule id in `rules` that names no rule. The run cannot be trusted (the rules
 * did not run as configured), so it is a configuration error, exit 2, as in ESLint.
 */
function hasConfigError(workspace: Workspace, diagnostics: readonly Diagnostic[], cwd: string): boolean {
  if (!workspace.configFile) return false;
  const configFile = displayPath(cwd, workspace.configFile);
  return diagnostics.some((d) => d.severity === 'error' && d.file === configFile);
}

export interface FixedFile {
  file: string;
  /** Edits applied, over every pass. */
  fixes: number;
}

/**
 * Writes the fixes of a lint result, file by file, atomically. A file that changed on disk since
 * it was linted, or whose fixed text would not parse, is left as it is.
 */
export async function writeFixes(result: LintResult): Promise<FixedFile[]> {
  const written: FixedFile[] = [];
  for (const entry of result.fixes) {
    const onDisk = await fs.readFile(entry.absolutePath, 'utf8').catch(() => undefined);
    if (onDisk === undefined || onDisk.replace(/^\uFEFF/, '') !== entry.text) continue;
    const { text, applied } = applyEdits(entry.text, entry.edits);
    if (applied === 0 || text === entry.text || !parsesCleanly(text)) continue;
    await writeFileAtomic(entry.absolutePath, onDisk.startsWith('\uFEFF') ? `\uFEFF${text}` : text);
    written.push({ file: entry.file, fixes: applied });
  }
  return written;
}

/**
 * `logi lint --fix`: lints, writes the fixes, and lints again until nothing more can be fixed
 * (at most `maxPasses` times: a fix may make room for another). Returns the last lint result and
 * what was fixed, per file.
 */
export async function lintAndFix(options: LintOptions = {}, maxPasses = 10): Promise<{ result: LintResult; fixed: FixedFile[] }> {
  const fixed = new Map<string, number>();
  let result = await lint(options);
  for (let pass = 0; pass < maxPasses && result.fixes.length > 0; pass++) {
    const written = await writeFixes(result);
    if (written.length === 0) break;
    for (const w of written) fixed.set(w.file, (fixed.get(w.file) ?? 0) + w.fixes);
    result = await lint(options);
  }
  return { result, fixed: [...fixed].map(([file, fixes]) => ({ file, fixes })).sort((a, b) => byCodePoint(a.file, b.file)) };
}
