/**
 * The report as Markdown: the same sections, facts and tables, each chart written as an SVG file
 * in a folder beside the Markdown and linked as an image. User text is escaped for Markdown (no raw
 * HTML, no table break, no link or emphasis syntax).
 */
import { translate } from '../i18n/catalogue.js';
import { escapeMarkdown, stripXmlForbidden } from '../text/escape.js';
import { fitFileName } from '../io/file-names.js';
import type { Block, ReportDocument } from './document.js';

export interface MarkdownReport {
  markdown: string;
  /** Chart files, relative to the Markdown file's folder. */
  assets: { path: string; content: string }[];
}

export function reportMarkdown(report: ReportDocument, assetsDir: string): MarkdownReport {
  const lines: string[] = [`# ${escapeMarkdown(report.title)}`, '', escapeMarkdown(report.subtitle), ''];
  const assets: MarkdownReport['assets'] = [];
  const colon = translate(report.lang, 'report.colon');
  for (const section of report.sections) {
    lines.push(`${section.level === 2 ? '##' : '###'} ${escapeMarkdown(section.title)}`, '');
    for (const block of section.blocks) lines.push(...blockMarkdown(block, assetsDir, assets, colon), '');
  }
  lines.push('---', '', escapeMarkdown(report.footer), '');
  return { markdown: lines.join('\n'), assets };
}

function blockMarkdown(block: Block, assetsDir: string, assets: MarkdownReport['assets'], colon: string): string[] {
  switch (block.kind) {
    case 'paragraph':
      if (block.flag === 'warn' || block.flag === 'bad') return [`> **⚠** ${escapeMarkdown(block.text)}`];
      return [block.note ? `*${escapeMarkdown(block.text)}*` : escapeMarkdown(block.text)];
    case 'facts':
      return block.items.map((i) => `- **${escapeMarkdown(i.term)}**${colon}${escapeMarkdown(i.value)}`);
    case 'table': {
      const flagged = (text: string, flag?: string) => (flag === 'bad' || flag === 'warn' ? `**${text}**` : text);
      const rows = [
        `| ${block.header.map(escapeMarkdown).join(' | ')} |`,
        `|${block.header.map((_, i) => (block.rows[0]?.[i]?.numeric ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((c) => flagged(c.code ? `\`${stripXmlForbidden(c.text).replace(/`/g, '')}\`` : escapeMarkdown(c.text), c.flag)).join(' | ')} |`),
      ];
      return block.collapsed ? [`**${escapeMarkdown(block.collapsed)}**`, '', ...rows] : rows;
    }
    case 'figures':
      return block.items.map((f) => `- **${escapeMarkdown(f.term)}**${colon}${escapeMarkdown(f.value)}${f.interval ? ` ${escapeMarkdown(f.interval)}` : ''}${f.note ? ` — *${escapeMarkdown(f.note)}*` : ''}`);
    case 'group':
      return block.blocks.flatMap((figure, i) => [...(i > 0 ? [''] : []), ...blockMarkdown(figure, assetsDir, assets, colon)]);
    case 'folded':
      return [
        `### ${escapeMarkdown(block.title)}`,
        ...block.parts.flatMap((part) => ['', `#### ${escapeMarkdown(part.title)}`, ...part.blocks.flatMap((b) => ['', ...blockMarkdown(b, assetsDir, assets, colon)])]),
      ];
    case 'figure': {
      // Ids are unbounded; a file name is not (io/file-names.ts).
      const file = `${assetsDir}/${fitFileName(block.id, '.svg')}`;
      // A standalone .svg must be well-formed XML: vega keeps the control characters of a title.
      const svg = stripXmlForbidden(block.svg);
      assets.push({ path: file, content: svg.endsWith('\n') ? svg : `${svg}\n` });
      return [`![${escapeMarkdown(block.alt)}](${encodeURI(file)})`];
    }
  }
}
