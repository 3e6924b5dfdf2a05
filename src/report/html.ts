/**
 * The report as one self-contained HTML page: CSS inline, charts as inline SVG, no script, no
 * font, image or style sheet to fetch. A Content-Security-Policy forbids any request and any
 * script, as a second guard behind the escaping of every user text.
 */
import { translate } from '../i18n/catalogue.js';
import { escapeHtml, stripXmlForbidden } from '../text/escape.js';
import type { Block, Cell, KeyFigure, ReportDocument } from './document.js';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #0f172a; background: #f8fafc; line-height: 1.45; font-size: 14px; }
header.top { background: #0f766e; color: #ffffff; padding: 20px 32px; }
header.top h1 { margin: 0 0 4px; font-size: 24px; }
header.top p { margin: 0; opacity: 0.9; }
.layout { display: flex; align-items: flex-start; gap: 20px; padding: 16px 24px 32px; }
nav.toc { position: sticky; top: 12px; flex: 0 0 220px; max-height: calc(100vh - 24px); overflow: auto; font-size: 13px; background: #ffffff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 12px; }
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
.key-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px; margin: 8px 0 14px; }
.key-figure { border: 1px solid #e2e8f0; border-left: 4px solid #0f766e; border-radius: 6px; padding: 8px 10px; background: #ffffff; }
.key-figure .term { font-size: 12.5px; color: #334155; font-weight: bold; }
.key-figure .value { font-size: 20px; font-weight: bold; margin: 2px 0; font-variant-numeric: tabular-nums; }
.key-figure .ci { font-size: 12px; color: #475569; }
.key-figure .note { font-size: 11.5px; color: #64748b; margin-top: 2px; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.side-by-side figure { flex: 1 1 380px; min-width: 0; }
figure { margin: 8px 0 12px; overflow-x: auto; }
figure figcaption { font-weight: bold; font-size: 13px; margin-bottom: 4px; }
figure svg { max-width: 100%; height: auto; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 12.5px; }
th, td { border: 1px solid #e2e8f0; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num .ci { display: block; white-space: normal; font-size: 11px; color: #475569; }
table.wide th { font-size: 12px; }
td code, td.code { font-family: "DejaVu Sans Mono", monospace; font-size: 11.5px; }
td.flag-bad { background: #fee2e2; color: #991b1b; font-weight: bold; }
td.flag-warn { background: #fef3c7; color: #92400e; font-weight: bold; }
td.flag-ok { color: #166534; }
p.flag-warn { background: #fef3c7; color: #92400e; border-left: 4px solid #d97706; padding: 2px 8px; }
p.flag-bad { background: #fee2e2; color: #991b1b; border-left: 4px solid #b91c1c; padding: 2px 8px; }
details { margin: 6px 0 12px; }
summary { cursor: pointer; color: #0f766e; }
details.folded { border-top: 1px solid #e2e8f0; margin: 0; padding: 6px 0; }
details.folded > summary { font-weight: bold; font-size: 15px; }
h4 { font-size: 14px; margin: 10px 0 4px; }
footer { color: #64748b; font-size: 12px; padding: 0 32px 24px; }
@page { size: A4; margin: 10mm 10mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #ffffff; font-size: 9pt; line-height: 1.3; }
  header.top { background: #ffffff; color: #0f172a; padding: 0 0 2mm; border-bottom: 2px solid #0f766e; }
  header.top h1 { font-size: 15pt; }
  nav.toc { display: none; }
  .layout { display: block; padding: 0; }
  main > section { border: none; border-radius: 0; padding: 0; margin: 0; }
  main > section + section:not(#manifeste) { break-before: page; }
  section.sub { padding: 1mm 0 2mm; margin: 0; }
  h2 { font-size: 13pt; margin: 3mm 0 1.5mm; break-after: avoid-page; }
  h3 { font-size: 10.5pt; margin: 2mm 0 1mm; break-after: avoid-page; }
  p.note { font-size: 7.5pt; margin: 0.5mm 0 1.5mm; }
  figure { margin: 1mm 0 2mm; overflow: visible; break-inside: avoid-page; }
  figure figcaption { font-size: 8.5pt; }
  figure svg { max-height: 150mm; width: auto; }
  .key-figures { grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 1mm 0 2mm; }
  .key-figure { padding: 1.5mm 2mm; break-inside: avoid; }
  .key-figure .term { font-size: 7.5pt; }
  .key-figure .value { font-size: 12pt; margin: 0; }
  .key-figure .ci, .key-figure .note { font-size: 6.8pt; }
  .side-by-side { flex-wrap: nowrap; gap: 3mm; }
  .side-by-side figure { flex: 1 1 0; }
  .table-scroll { overflow: visible; }
  table { width: 100%; font-size: 7.5pt; margin: 1mm 0 2mm; }
  th, td { padding: 0.6mm 1.2mm; }
  td.num .ci { font-size: 6.5pt; }
  table.wide { font-size: 6.8pt; }
  table.wide td.num .ci { font-size: 6pt; }
  td code, td.code { font-size: 7pt; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  details > *:not(summary) { display: block; }
  footer { padding: 2mm 0 0; font-size: 7.5pt; }
}
`;

function cellHtml(c: Cell, tag: 'td' | 'th'): string {
  const classes = [c.numeric ? 'num' : '', c.flag ? `flag-${c.flag}` : '', c.code ? 'code' : ''].filter(Boolean).join(' ');
  return `<${tag}${classes ? ` class="${classes}"` : ''}>${c.parts ? figureHtml(c.parts.figure, c.parts.interval) : escapeHtml(c.text)}</${tag}>`;
}

/**
 * A figure with its interval under it. French sets a space before the interval's semicolon: a
 * no-break one here, so that a narrow column breaks the interval after `;`, never before it.
 */
function figureHtml(figure: string, interval: string): string {
  return `${escapeHtml(figure)} <span class="ci">${escapeHtml(interval.replace(' ;', '\u00a0;'))}</span>`;
}

function keyFiguresHtml(items: KeyFigure[]): string {
  const card = (f: KeyFigure) =>
    `<div class="key-figure" data-figure="${escapeHtml(f.id)}"><div class="term">${escapeHtml(f.term)}</div><div class="value">${escapeHtml(f.value)}</div>${f.interval ? `<div class="ci">${escapeHtml(f.interval)}</div>` : ''}${f.note ? `<div class="note">${escapeHtml(f.note)}</div>` : ''}</div>`;
  return `<div class="key-figures">${items.map(card).join('')}</div>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      if (block.flag) return `<p class="flag-${block.flag}" role="note">${escapeHtml(block.text)}</p>`;
      return `<p${block.note ? ' class="note"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((i) => `<dt>${escapeHtml(i.term)}</dt><dd>${escapeHtml(i.value)}</dd>`).join('')}</dl>`;
    case 'table': {
      // Intervals sit under their figures, so that a table by year fits a window; a table too wide still scrolls within its section.
      const table = `<div class="table-scroll"><table${block.wide ? ' class="wide"' : ''}><thead><tr>${block.header.map((h) => cellHtml({ text: h }, 'th')).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((c) => cellHtml(c, 'td')).join('')}</tr>`)
        .join('')}</tbody></table></div>`;
      return block.collapsed ? `<details><summary>${escapeHtml(block.collapsed)}</summary>${table}</details>` : table;
    }
    case 'figures':
      return keyFiguresHtml(block.items);
    case 'group':
      return `<div class="side-by-side">${block.blocks.map(blockHtml).join('')}</div>`;
    case 'folded':
      return `<details class="folded" id="${escapeHtml(block.id)}"><summary>${escapeHtml(block.title)}</summary>${block.parts.map((part) => `<h4>${escapeHtml(part.title)}</h4>${part.blocks.map(blockHtml).join('')}`).join('')}</details>`;
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
