/**
 * The report as Markdown: the same sections, facts and tables, each chart written as an SVG file
 * in a folder beside the Markdown and linked as an image. User text is escaped for Markdown (no raw
 * HTML, no table break, no link or emphasis syntax).
 */
import { markdownCell } from '../render/memo.js';
import type { Block, ReportDocument } from './document.js';

export interface MarkdownReport {
  markdown: string;
  /** Chart files, relative to the Markdown file's folder. */
  assets: { path: string; content: string }[];
}

export function reportMarkdown(report: ReportDocument, assetsDir: string): MarkdownReport {
  const lines: string[] = [`# ${markdownCell(report.title)}`, '', markdownCell(report.subtitle), ''];
  const assets: MarkdownReport['assets'] = [];
  for (const section of report.sections) {
    lines.push(`${section.level === 2 ? '##' : '###'} ${markdownCell(section.title)}`, '');
    for (const block of section.blocks) lines.push(...blockMarkdown(block, assetsDir, assets, report.lang === 'fr' ? '\u00a0: ' : ': '), '');
  }
  lines.push('---', '', markdownCell(report.footer), '');
  return { markdown: lines.join('\n'), assets };
}

function blockMarkdown(block: Block, assetsDir: string, assets: MarkdownReport['assets'], colon: string): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.note ? `*${markdownCell(block.text)}*` : markdownCell(block.text)];
    case 'facts':
      return block.items.map((i) => `- **${markdownCell(i.term)}**${colon}${markdownCell(i.value)}`);
    case 'table': {
      const flagged = (text: string, flag?: string) => (flag === 'bad' || flag === 'warn' ? `**${text}**` : text);
      const rows = [
        `| ${block.header.map(markdownCell).join(' | ')} |`,
        `|${block.header.map((_, i) => (block.rows[0]?.[i]?.numeric ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((c) => flagged(c.code ? `\`${c.text.replace(/`/g, '')}\`` : markdownCell(c.text), c.flag)).join(' | ')} |`),
      ];
      return block.collapsed ? [`**${markdownCell(block.collapsed)}**`, '', ...rows] : rows;
    }
    case 'figure': {
      const file = `${assetsDir}/${block.id}.svg`;
      assets.push({ path: file, content: block.svg.endsWith('\n') ? block.svg : `${block.svg}\n` });
      return [`![${markdownCell(block.alt)}](${encodeURI(file)})`];
    }
  }
}
