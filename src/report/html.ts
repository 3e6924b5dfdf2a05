/**
 * The report as one self-contained HTML page: CSS inline, charts as inline SVG, no script, no
 * font, image or style sheet to fetch. A Content-Security-Policy forbids any request and any
 * script, as a second guard behind the escaping of every user text.
 */
import { translate } from '../i18n/catalogue.js';
import { escapeHtml, stripXmlForbidden } from '../text/escape.js';
import type { Block, Cell, ReportDocument } from './document.js';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #0f172a; background: #f8fafc; line-height: 1.45; font-size: 14px; }
header.top { background: #0f766e; color: #ffffff; padding: 20px 32px; }
header.top h1 { margin: 0 0 4px; font-size: 24px; }
header.top p { margin: 0; opacity: 0.9; }
.layout { display: flex; align-items: flex-start; gap: 24px; padding: 16px 32px 32px; }
nav.toc { position: sticky; top: 12px; flex: 0 0 250px; max-height: calc(100vh - 24px); overflow: auto; font-size: 13px; background: #ffffff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 12px; }
nav.toc h2 { font-size: 14px; margin: 0 0 6px; }
nav.toc ol { margin: 0; padding-left: 18px; }
nav.toc ol ol { padding-left: 14px; }
nav.toc a { color: #0f766e; text-decoration: none; }
main { flex: 1 1 auto; min-width: 0; }
section { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 4px 20px 16px; margin-bottom: 16px; }
section.sub { border: none; border-top: 1px solid #e2e8f0; border-radius: 0; margin: 0 0 8px; padding: 4px 0 8px; }
h2 { font-size: 20px; margin: 16px 0 8px; }
h3 { font-size: 16px; margin: 12px 0 6px; }
p.note { color: #475569; font-size: 13px; margin: 4px 0 8px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
figure { margin: 8px 0 12px; overflow-x: auto; }
figure figcaption { font-weight: bold; font-size: 13px; margin-bottom: 4px; }
figure svg { max-width: 100%; height: auto; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table.wide th, table.wide td { white-space: nowrap; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 12.5px; }
th, td { border: 1px solid #e2e8f0; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td code, td.code { font-family: "DejaVu Sans Mono", monospace; font-size: 11.5px; }
td.flag-bad { background: #fee2e2; color: #991b1b; font-weight: bold; }
td.flag-warn { background: #fef3c7; color: #92400e; font-weight: bold; }
td.flag-ok { color: #166534; }
details { margin: 6px 0 12px; }
summary { cursor: pointer; color: #0f766e; }
footer { color: #64748b; font-size: 12px; padding: 0 32px 24px; }
@media print { nav.toc { display: none; } body { background: #ffffff; } .layout { padding: 0; } section { break-inside: avoid-page; } details > *:not(summary) { display: block; } .table-scroll { overflow: visible; } }
`;

function cellHtml(c: Cell, tag: 'td' | 'th'): string {
  const classes = [c.numeric ? 'num' : '', c.flag ? `flag-${c.flag}` : '', c.code ? 'code' : ''].filter(Boolean).join(' ');
  return `<${tag}${classes ? ` class="${classes}"` : ''}>${escapeHtml(c.text)}</${tag}>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p${block.note ? ' class="note"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((i) => `<dt>${escapeHtml(i.term)}</dt><dd>${escapeHtml(i.value)}</dd>`).join('')}</dl>`;
    case 'table': {
      // A table by year is as wide as the horizon is long: it scrolls within its section.
      const table = `<div class="table-scroll"><table${block.wide ? ' class="wide"' : ''}><thead><tr>${block.header.map((h) => cellHtml({ text: h }, 'th')).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((c) => cellHtml(c, 'td')).join('')}</tr>`)
        .join('')}</tbody></table></div>`;
      return block.collapsed ? `<details><summary>${escapeHtml(block.collapsed)}</summary>${table}</details>` : table;
    }
    case 'figure':
      // The SVG is logi's own drawing (vega or the overlay), whose texts are escaped by their writers;
      // vega keeps the control characters of a title, which XML forbids, so they are dropped here.
      return `<figure class="chart" id="${escapeHtml(block.id)}" data-chart="${escapeHtml(block.id)}" aria-label="${escapeHtml(block.alt)}"><figcaption>${escapeHtml(block.title)}</figcaption>${stripXmlForbidden(block.svg)}</figure>`;
  }
}

export function reportHtml(report: ReportDocument): string {
  const toc: string[] = ['<ol>'];
  let open = false;
  for (const section of report.sections) {
    if (section.level === 2) {
      if (open) toc.push('</ol></li>');
      toc.push(`<li><a href="#${section.id}">${escapeHtml(section.title)}</a><ol>`);
      open = true;
    } else {
      toc.push(`<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`);
    }
  }
  if (open) toc.push('</ol></li>');
  toc.push('</ol>');

  const body: string[] = [];
  let inSection = false;
  for (const section of report.sections) {
    if (section.level === 2) {
      if (inSection) body.push('</section>');
      body.push(`<section id="${section.id}"><h2>${escapeHtml(section.title)}</h2>`);
      inSection = true;
    } else {
      body.push(`<section class="sub" id="${section.id}"><h3>${escapeHtml(section.title)}</h3>`);
    }
    body.push(...section.blocks.map(blockHtml));
    if (section.level === 3) body.push('</section>');
  }
  if (inSection) body.push('</section>');

  const contents = escapeHtml(translate(report.lang, 'report.contents'));
  return `<!doctype html>
<html lang="${report.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${escapeHtml(report.footer)}">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>${escapeHtml(report.title)}</h1><p>${escapeHtml(report.subtitle)}</p></header>
<div class="layout">
<nav class="toc" aria-label="${contents}"><h2>${contents}</h2>${toc.join('')}</nav>
<main>
${body.join('\n')}
</main>
</div>
<footer>${escapeHtml(report.footer)}</footer>
</body>
</html>
`;
}
