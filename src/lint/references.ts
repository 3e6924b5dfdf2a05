/**
 * The workspace loader resolves references between documents (src/language/references.ts). The
 * rules known-reference, stratum-exists, known-actor and known-source re-issue those findings, so
 * that they are in the rule catalogue, configurable and suppressible. The loader keeps each
 * document's reports, resolving each document once.
 */
import type { PathReport } from '../language/diagnostic.js';
import { resolveReferences } from '../language/references.js';
import type { Kind } from '../language/schemas/index.js';
import type { LoadedDocument, Workspace } from '../language/workspace.js';
import { defineRule, docsPath, type Rule } from './rule.js';

export function referenceReports(workspace: Workspace, document: LoadedDocument): PathReport[] {
  let reports = workspace.references.get(document);
  if (!reports) {
    reports = resolveReferences(workspace, document);
    workspace.references.set(document, reports);
  }
  return reports;
}

/**
 * Whether the loader found a broken reference at `path` of `document` (a logigramme's `stratum`,
 * a program's `pyramid`). A rule that builds on that reference stays silent: the reference's own
 * finding is the one error for the one mistake (a wrong `stratum: S5` is not also a program
 * "served by a logigramme of another stratum").
 */
export function hasBrokenReference(workspace: Workspace, document: LoadedDocument, path: ReadonlyArray<string | number>): boolean {
  const key = path.join('\u0000');
  return referenceReports(workspace, document).some((r) => r.path.join('\u0000') === key);
}

/** A rule that reports the loader's reference findings of one id. */
export function referenceRule(id: string, description: string, kinds: readonly Kind[]): Rule {
  return defineRule<Kind>({
    meta: { id, description, severity: 'error', kinds, docs: docsPath(id) },
    check({ workspace, document, report }) {
      for (const r of referenceReports(workspace, document)) {
        if (r.ruleId !== id) continue;
        report({ path: r.path, message: r.message, ...(r.hint !== undefined ? { hint: r.hint } : {}), ...(r.atKey ? { atKey: true } : {}) });
      }
    },
  });
}
