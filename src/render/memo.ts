/**
 * The memo sheet (fiche mémo) of a logigramme as Markdown: title and stratum, the diagram as a
 * mermaid fence, the table of actions (label, profession, frequency, evidence grade, source) and
 * the numbered sources. User text is escaped for Markdown (src/text/escape.ts); a source's url is a
 * link only when it is http, https or doi:, plain text otherwise.
 */
import { t } from '../i18n/catalogue.js';
import { ownValue } from '../language/records.js';
import type { LogigrammeDocument } from '../language/schemas/logigramme.js';
import { escapeMarkdown, markdownUrl } from '../text/escape.js';
import { frequencyText, logigrammeToMermaid, type MermaidOptions } from './mermaid.js';

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

/** The headings of the table of actions, in the current language. */
export function tableColumns(): string[] {
  return t('render.sheet.columns').split('|');
}

export function actionRows(logigramme: LogigrammeDocument, actorTitles?: Readonly<Record<string, string>>): ActionRow[] {
  const sourceIds = Object.keys(logigramme.sources ?? {});
  const rows: ActionRow[] = [];
  for (const node of Object.values(logigramme.nodes)) {
    if (node.type !== 'action') continue;
    const evidence = node.evidence === undefined ? [] : Array.isArray(node.evidence) ? node.evidence : [node.evidence];
    const grades = evidence.map((e) => e.grade).filter((g): g is string => g !== undefined);
    const sources = evidence.flatMap((e) => (Array.isArray(e.source) ? e.source : [e.source])).map((s) => `[${sourceIds.indexOf(s) + 1}]`);
    rows.push({ label: node.label, profession: ownValue(actorTitles, node.actor) ?? node.actor, frequency: frequencyText(node.frequency) ?? '—', grades: grades.join(', ') || '—', sources: sources.join(' ') || '—' });
  }
  return rows;
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
  for (const row of actionRows(logigramme, options.actorTitles)) {
    lines.push(`| ${escapeMarkdown(row.label)} | ${escapeMarkdown(row.profession)} | ${escapeMarkdown(row.frequency)} | ${escapeMarkdown(row.grades)} | ${row.sources} |`);
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
