/**
 * The memo sheet (fiche mémo) of a logigramme as Markdown: title and stratum, the diagram as a
 * mermaid fence, the table of actions and decisions (label, profession, frequency or a decision's
 * thresholds, evidence grade with its scale, source) and the numbered sources. User text is escaped for Markdown (src/text/escape.ts); a source's url is a
 * link only when it is http, https or doi:, plain text otherwise.
 */
import { t } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { formatExact } from '../i18n/numbers.js';
import { ownValue } from '../language/records.js';
import type { LogigrammeDocument } from '../language/schemas/logigramme.js';
import { conditionBounds, variableSpelling } from '../text/conditions.js';
import { escapeMarkdown, markdownUrl } from '../text/escape.js';
import { frequencyText } from './frequency.js';
import { logigrammeToMermaid, type MermaidOptions } from './mermaid.js';

export interface MemoOptions extends MermaidOptions {
  /** Title of the logigramme's stratum, e.g. "Diabète sans complication". */
  stratumTitle?: string;
}

/** One row of the table of actions, as the memo sheets print it (Markdown and PDF). */
export interface ActionRow {
  label: string;
  profession: string;
  frequency: string;
  grades: string;
  /** Numbers of the sources, e.g. `[1] [4]`. */
  sources: string;
}

/** A row of the memo's table: an action, or a decision with its thresholds (docs/render.md, "Memo sheet"). */
export type TableRow = (ActionRow & { kind: 'action' }) | (Omit<ActionRow, 'profession' | 'frequency'> & { kind: 'decision'; thresholds: string });

/** The headings of the table of actions, in the current language. */
export function tableColumns(): string[] {
  return t('render.sheet.columns').split('|');
}

type Node = LogigrammeDocument['nodes'][string];
type Evidence = NonNullable<Extract<Node, { type: 'action' }>['evidence']>;

/**
 * The name of a grading scale as the grade column prints it before each grade: the source's
 * `grade-scale` up to its first parenthesis, dash, comma or semicolon (`HAS (A, B, C, AE) — …` →
 * `HAS`, `ESC (classes I–III)` → `ESC`).
 */
export function scaleName(scale: string): string {
  return scale.split(/\s[(—–-]|[(,;]/)[0]!.trim();
}

/** The grades of an evidence list, each prefixed by its first source's scale name: `HAS B`, `ESC I-A`; a grade alone without a scale. */
export function gradeTexts(evidence: Evidence | undefined, sources: LogigrammeDocument['sources']): string[] {
  const list = evidence === undefined ? [] : Array.isArray(evidence) ? evidence : [evidence];
  return list.flatMap((e) => {
    if (e.grade === undefined) return [];
    const first = Array.isArray(e.source) ? e.source[0]! : e.source;
    const scale = ownValue(sources, first)?.['grade-scale'];
    const name = scale === undefined ? '' : scaleName(scale);
    // A grade already written with its scale (`ESC I-A`) is not prefixed twice.
    return [name === '' || e.grade.startsWith(`${name} `) ? e.grade : `${name} ${e.grade}`];
  });
}

function sourceNumbers(evidence: Evidence | undefined, sourceIds: readonly string[]): string {
  const list = evidence === undefined ? [] : Array.isArray(evidence) ? evidence : [evidence];
  return list.flatMap((e) => (Array.isArray(e.source) ? e.source : [e.source])).map((s) => `[${sourceIds.indexOf(s) + 1}]`).join(' ') || '—';
}

/**
 * A decision's branches as thresholds: `HbA1c ≤ 7 % → Fond d'œil ; > 7 % → Intensifier…` — the
 * variable named once (src/text/conditions.ts), its unit (the branch's `unit`, else the
 * variable's) after each branch's bounds, numbers in the language's notation, then the label of
 * the node the branch leads to. A branch without `when` shows its label: `oui → …`.
 */
export function decisionThresholds(node: Extract<Node, { type: 'decision' }>, nodes: LogigrammeDocument['nodes'], lang: Lang = currentLanguage()): string {
  const variable = node.variable === undefined ? undefined : variableSpelling(node.variable.name);
  let named = false;
  const parts = node.branches.map((branch) => {
    const target = ownValue(nodes, branch.next)?.label ?? branch.next;
    if (branch.when === undefined || variable === undefined) return `${branch.label} → ${target}`;
    const unit = branch.when.unit ?? node.variable?.unit;
    const bounds = conditionBounds(branch.when, (n) => formatExact(n, lang)).join(', ');
    const text = `${named ? '' : `${variable} `}${bounds}${unit ? ` ${unit}` : ''}`;
    named = true;
    return `${text} → ${target}`;
  });
  return parts.join(' ; ');
}

/** The table's rows in the logigramme's order: its actions and its decisions (with their thresholds). */
export function tableRows(logigramme: LogigrammeDocument, actorTitles?: Readonly<Record<string, string>>): TableRow[] {
  const sourceIds = Object.keys(logigramme.sources ?? {});
  const rows: TableRow[] = [];
  for (const node of Object.values(logigramme.nodes)) {
    if (node.type !== 'action' && node.type !== 'decision') continue;
    const grades = gradeTexts(node.evidence, logigramme.sources).join(', ') || '—';
    const sources = sourceNumbers(node.evidence, sourceIds);
    if (node.type === 'decision') rows.push({ kind: 'decision', label: node.label, thresholds: decisionThresholds(node, logigramme.nodes), grades, sources });
    else rows.push({ kind: 'action', label: node.label, profession: ownValue(actorTitles, node.actor) ?? node.actor, frequency: frequencyText(node.frequency) ?? '—', grades, sources });
  }
  return rows;
}

/** The actions' rows of the table. */
export function actionRows(logigramme: LogigrammeDocument, actorTitles?: Readonly<Record<string, string>>): ActionRow[] {
  return tableRows(logigramme, actorTitles).filter((row): row is ActionRow & { kind: 'action' } => row.kind === 'action');
}

export function logigrammeToMemo(logigramme: LogigrammeDocument, options: MemoOptions = {}): string {
  const sourceIds = Object.keys(logigramme.sources ?? {});
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(logigramme.title)}`, '');
  lines.push(
    `${t('render.sheet.stratum')} **${escapeMarkdown(logigramme.stratum)}**${options.stratumTitle ? ` — ${escapeMarkdown(options.stratumTitle)}` : ''} · ${t('render.sheet.pyramid')} \`${logigramme.pyramid}\` · ${t('render.sheet.logigramme')} \`${logigramme.id}\``,
    '',
  );
  if (logigramme.description) lines.push(escapeMarkdown(logigramme.description), '');
  lines.push('```mermaid', logigrammeToMermaid(logigramme, options).trimEnd(), '```', '');
  const columns = tableColumns();
  lines.push(`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
  for (const row of tableRows(logigramme, options.actorTitles)) {
    // Markdown has no cell spanning columns: a decision's thresholds follow its label.
    const cells = row.kind === 'action' ? [row.label, row.profession, row.frequency] : [`${row.label} — ${row.thresholds}`, '—', '—'];
    lines.push(`| ${[...cells, row.grades].map(escapeMarkdown).join(' | ')} | ${row.sources} |`);
  }
  if (sourceIds.length > 0) {
    lines.push('', `## ${t('render.sheet.sources')}`, '');
    sourceIds.forEach((id, i) => {
      const s = logigramme.sources[id]!;
      const details = [s.authors, s.year, s.type === 'estimate' || s.type === 'illustrative' ? `*${s.type}*` : undefined].filter(Boolean).join(', ');
      lines.push(`${i + 1}. ${escapeMarkdown(s.title)}${details ? ` (${escapeMarkdown(String(details)).replace(/\\\*/g, '*')})` : ''}${s.url ? ` — ${markdownUrl(s.url)}` : ''}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
