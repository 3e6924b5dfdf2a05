/**
 * The printable memo sheet (fiche mémo) of a logigramme, as the HTML body that the render session
 * prints: title and stratum, the diagram, the actor legend, the table of actions and decisions
 * (label, profession, frequency or a decision's thresholds, evidence grade with its scale, source)
 * and the numbered sources. With a plan (sheet-plan.ts), the diagram is drawn at the plan's scale, beside the rest or across the page, or
 * cut into tiles of one page each with the cut edges marked; without one (a screen), the diagram is
 * shrunk into its column. The sheet's own words are in the current language (src/i18n/); user text
 * goes through `escapeHtml` (src/text/escape.ts) and is never translated; a source's url is shown
 * as text, never as a link; the diagram is the SVG the session returned (mermaid, strict, swept).
 */
import { t } from '../i18n/catalogue.js';
import { ownValue } from '../language/records.js';
import type { LogigrammeDocument } from '../language/schemas/logigramme.js';
import { escapeHtml } from '../text/escape.js';
import { tableColumns, tableRows } from './memo.js';
import { ACTOR_PALETTE, actorsInOrder } from './mermaid.js';
import { type Box, COLUMN_GAP_PX, contentBox, type CutMark, type Direction, SIDE_STRIP_PX, type SheetPlan, STRIP_PX, type Tile } from './sheet-plan.js';

export interface SheetOptions {
  actorTitles?: Readonly<Record<string, string>>;
  stratumTitle?: string;
  /** Version line printed at the foot, e.g. `logi 0.1.0`. */
  generator?: string;
  /** How the diagram goes on paper; without it, the screen layout (the diagram shrunk into its column). */
  plan?: SheetPlan;
}

/** A4 portrait at 96 CSS pixels per inch, less 12 mm margins each side. */
export const A4_CONTENT_PX = contentBox('a4', 'portrait');

/** The sheet's smallest text, px: 9.5 px is 7.125 pt, above the 7 pt floor of docs/render.md. */
export const SHEET_TEXT_PX = 9.5;

const SHEET_CSS = `
.memo { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #0f172a; font-size: ${SHEET_TEXT_PX}px; line-height: 1.3; }
.memo .head, .memo .side { display: flow-root; }
.memo h1 { font-size: 17px; margin: 0 0 4px; }
.memo .meta { color: #475569; margin: 0 0 4px; font-size: 10px; }
.memo .description { margin: 0 0 6px; }
.memo .columns { display: flex; gap: ${COLUMN_GAP_PX}px; align-items: flex-start; }
.memo .diagram { flex: 0 0 46%; text-align: center; }
.memo.screen .diagram svg { max-width: 100%; max-height: ${A4_CONTENT_PX.height - 120}px; width: auto; height: auto; }
.memo .side { flex: 1 1 auto; min-width: 0; }
.memo .side.after { margin-top: 8px; }
.memo h2 { font-size: 11px; margin: 6px 0 3px; }
.memo .legend { display: flex; flex-wrap: wrap; gap: 3px 8px; margin: 0; padding: 0; list-style: none; }
.memo .legend li { display: flex; align-items: center; gap: 3px; }
.memo .swatch { display: inline-block; width: 10px; height: 10px; border: 1.5px solid; border-radius: 2px; }
.memo table { border-collapse: collapse; width: 100%; }
.memo th, .memo td { border: 0.5px solid #cbd5e1; padding: 2px 3px; text-align: left; vertical-align: top; }
.memo th { background: #f1f5f9; }
.memo tr.decision td { background: #f8fafc; }
.memo ol { margin: 0; padding-left: 16px; }
.memo .illustrative { color: #b45309; font-style: italic; }
.memo footer { margin-top: 6px; color: #64748b; }
.memo .tile { break-inside: avoid; margin: 0 auto; }
.memo .tile.new-page { break-before: page; }
.memo .tile-middle { display: flex; }
.memo .window { overflow: hidden; flex: none; }
.memo .window svg { display: block; }
.memo .strip { position: relative; box-sizing: border-box; flex: none; color: #334155; white-space: nowrap; line-height: 12px; }
.memo .strip-top { border-bottom: 1px dashed #64748b; }
.memo .strip-bottom { border-top: 1px dashed #64748b; }
.memo .strip-left { border-right: 1px dashed #64748b; white-space: normal; }
.memo .strip-right { border-left: 1px dashed #64748b; white-space: normal; }
.memo .cut-label { position: absolute; }
.memo .tick { position: absolute; width: 0; height: 0; border: 4px solid transparent; }
.memo .tick.down { border-top: 5px solid #334155; border-bottom: 0; }
.memo .tick.up { border-bottom: 5px solid #334155; border-top: 0; }
.memo .tick.right { border-left: 5px solid #334155; border-right: 0; }
.memo .tick.left { border-right: 5px solid #334155; border-left: 0; }
`;

/** The style element every sheet (and every block the session measures) starts with. */
export function sheetStyle(): string {
  return `<style>${SHEET_CSS}</style>`;
}

/** Title, stratum line and description. */
export function sheetHeaderHtml(logigramme: LogigrammeDocument, options: SheetOptions = {}): string {
  const parts = ['<header class="head">', `<h1>${escapeHtml(logigramme.title)}</h1>`];
  const stratumTitle = options.stratumTitle ? ` — ${escapeHtml(options.stratumTitle)}` : '';
  parts.push(
    `<p class="meta">${escapeHtml(t('render.sheet.stratum'))} <strong>${escapeHtml(logigramme.stratum)}</strong>${stratumTitle} · ${escapeHtml(t('render.sheet.pyramid'))} <code>${escapeHtml(logigramme.pyramid)}</code> · ${escapeHtml(t('render.sheet.logigramme'))} <code>${escapeHtml(logigramme.id)}</code></p>`,
  );
  if (logigramme.description) parts.push(`<p class="description">${escapeHtml(logigramme.description)}</p>`);
  parts.push('</header>');
  return parts.join('\n');
}

/** The actor legend, the table of actions, the numbered sources and the generator line. */
export function sheetSideHtml(logigramme: LogigrammeDocument, options: SheetOptions = {}, placement: 'beside' | 'after' = 'beside'): string {
  const title = (actor: string) => ownValue(options.actorTitles, actor) ?? actor;
  const parts: string[] = [`<div class="side${placement === 'after' ? ' after' : ''}">`];
  const actors = actorsInOrder(logigramme);
  if (actors.length > 0) {
    parts.push(`<h2>${escapeHtml(t('render.sheet.actors'))}</h2>`, '<ul class="legend">');
    actors.forEach((actor, a) => {
      const [fill, stroke] = ACTOR_PALETTE[a % ACTOR_PALETTE.length]!;
      parts.push(`<li><span class="swatch" style="background:${fill};border-color:${stroke}"></span>${escapeHtml(title(actor))}</li>`);
    });
    parts.push('</ul>');
  }
  const head = tableColumns().map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  parts.push(`<h2>${escapeHtml(t('render.sheet.actions'))}</h2>`, `<table><thead><tr>${head}</tr></thead><tbody>`);
  const cell = (text: string) => `<td>${escapeHtml(text)}</td>`;
  for (const row of tableRows(logigramme, options.actorTitles)) {
    // A decision's thresholds span the profession and frequency columns.
    const middle = row.kind === 'action' ? cell(row.profession) + cell(row.frequency) : `<td colspan="2">${escapeHtml(row.thresholds)}</td>`;
    parts.push(`<tr${row.kind === 'decision' ? ' class="decision"' : ''}>${cell(row.label)}${middle}${cell(row.grades)}${cell(row.sources)}</tr>`);
  }
  parts.push('</tbody></table>');
  const sourceIds = Object.keys(logigramme.sources ?? {});
  if (sourceIds.length > 0) {
    parts.push(`<h2>${escapeHtml(t('render.sheet.sources'))}</h2>`, '<ol>');
    for (const id of sourceIds) {
      const s = logigramme.sources[id]!;
      const details = [s.authors, s.year].filter((d) => d !== undefined).join(', ');
      const flag = s.type === 'estimate' || s.type === 'illustrative' ? ` <span class="illustrative">${escapeHtml(s.type)}</span>` : '';
      parts.push(`<li>${escapeHtml(s.title)}${details ? ` (${escapeHtml(String(details))})` : ''}${flag}${s.url ? ` — ${escapeHtml(s.url)}` : ''}</li>`);
    }
    parts.push('</ol>');
  }
  if (options.generator) parts.push(`<footer>${escapeHtml(options.generator)}</footer>`);
  parts.push('</div>');
  return parts.join('\n');
}

export function memoSheetHtml(logigramme: LogigrammeDocument, diagramSvg: string, options: SheetOptions = {}): string {
  const { plan } = options;
  const parts: string[] = [sheetStyle(), ...(plan ? [`<style>${pageNumberCss()}</style>`] : []), `<article class="memo ${plan ? 'print' : 'screen'}">`, sheetHeaderHtml(logigramme, options)];
  if (!plan) {
    parts.push('<div class="columns">', `<div class="diagram">${diagramSvg}</div>`, sheetSideHtml(logigramme, options), '</div>');
  } else if (plan.layout === 'beside') {
    parts.push('<div class="columns">', `<div class="diagram" style="flex:0 0 ${plan.columnPx}px">${tileHtml(diagramSvg, plan, 0)}</div>`, sheetSideHtml(logigramme, options), '</div>');
  } else {
    parts.push(...plan.tiles.map((_, i) => tileHtml(diagramSvg, plan, i)), sheetSideHtml(logigramme, options, 'after'));
  }
  parts.push('</article>');
  return parts.join('\n');
}

/**
 * "page 1 sur 2" in the bottom margin of every printed page: a CSS page-margin box (Chromium 131 and
 * later), laid out with the sheet itself; puppeteer's footer template did the same but added a
 * quarter to the print time. The words come from the catalogue, the numbers from CSS counters.
 */
function pageNumberCss(): string {
  const [before, between, after] = t('render.sheet.page-number', { page: '\u0000', total: '\u0000' }).split('\u0000') as [string, string, string];
  const quoted = (text: string) => JSON.stringify(text);
  const content = `${quoted(before)} counter(page) ${quoted(between)} counter(pages) ${quoted(after)}`;
  return `@page { @bottom-right { content: ${content}; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: ${SHEET_TEXT_PX}px; color: #64748b; } }`;
}

/** One page's piece of the diagram: the SVG seen through a window on `tile.box`, with a strip on each cut side. */
function tileHtml(svg: string, plan: SheetPlan, index: number): string {
  const tile = plan.tiles[index]!;
  const width = tile.box.width * plan.scale;
  const height = tile.box.height * plan.scale;
  const has = (edge: Tile['cutSides'][number]) => tile.cutSides.includes(edge);
  const sideWidth = (has('left') ? SIDE_STRIP_PX : 0) + width + (has('right') ? SIDE_STRIP_PX : 0);
  const newPage = index > 0 || plan.breakAfterHeader ? ' new-page' : '';
  const parts = [`<section class="tile${newPage}" style="width:${px(sideWidth)}">`];
  const inset = has('left') ? SIDE_STRIP_PX : 0;
  if (has('top')) parts.push(stripHtml(tile, 'top', width, inset));
  parts.push('<div class="tile-middle">');
  if (has('left')) parts.push(stripHtml(tile, 'left', height, 0));
  parts.push(`<div class="window" style="width:${px(width)};height:${px(height)}">${svgWindow(svg, tile.box, plan.scale)}</div>`);
  if (has('right')) parts.push(stripHtml(tile, 'right', height, 0));
  parts.push('</div>');
  if (has('bottom')) parts.push(stripHtml(tile, 'bottom', width, inset));
  parts.push('</section>');
  return parts.join('\n');
}

function px(value: number): string {
  return `${Math.round(value * 100) / 100}px`;
}

/** The diagram's SVG showing only `box` (its user units), drawn at `scale`. */
export function svgWindow(svg: string, box: Box, scale: number): string {
  return svg.replace(/^<svg\b[^>]*>/, (tag) => {
    const kept = tag.slice(4, -1).replace(/\s(width|height|viewBox)="[^"]*"/g, '');
    return `<svg${kept} width="${box.width * scale}" height="${box.height * scale}" viewBox="${box.x} ${box.y} ${box.width} ${box.height}">`;
  });
}

const ARROWS: Record<Direction, string> = { down: '↓', up: '↑', right: '→', left: '←' };

/** Approximate width of a label, px: DejaVu Sans averages under 0.62 em a character. */
function labelWidth(text: string): number {
  return text.length * SHEET_TEXT_PX * 0.62;
}

/** The strip along one cut side: a tick where each edge crosses, and "suite page 2 ↓" near them. */
function stripHtml(tile: Tile, edge: CutMark['edge'], length: number, inset: number): string {
  const horizontal = edge === 'top' || edge === 'bottom';
  const size = horizontal ? `width:${px(length)};height:${STRIP_PX}px;margin-left:${inset}px` : `width:${SIDE_STRIP_PX}px;height:${px(length)}`;
  const parts = [`<div class="strip strip-${edge}" style="${size}">`];
  const marks = tile.marks.filter((m) => m.edge === edge);
  // The tick touches the cut line; the label sits on the far side of the strip.
  const tickAt = { top: `bottom:0`, bottom: `top:0`, left: `right:0`, right: `left:0` }[edge];
  for (const mark of marks) for (const at of mark.at) parts.push(`<span class="tick ${mark.direction}" style="${horizontal ? 'left' : 'top'}:${px(at - 4)};${tickAt}"></span>`);
  const labels = marks.flatMap((mark) => groupMarks(mark, horizontal).map((span) => ({ span, text: continuation(mark) })));
  let next = 0;
  for (const { span, text } of labels.sort((a, b) => a.span[0] - b.span[0])) {
    const extent = horizontal ? labelWidth(text) : Math.ceil(labelWidth(text) / (SIDE_STRIP_PX - 6)) * 12;
    const start = Math.max(next, Math.min(length - extent, (span[0] + span[1]) / 2 - extent / 2), 0);
    next = start + extent + 6;
    const place = horizontal ? `left:${px(start)};${edge === 'top' ? 'top:0' : 'bottom:0'}` : `top:${px(start)};${edge === 'left' ? 'left:2px;right:6px' : 'left:6px;right:2px'}`;
    parts.push(`<span class="cut-label" style="${place}">${escapeHtml(text)}</span>`);
  }
  parts.push('</div>');
  return parts.join('');
}

/** Crossings close enough to share one label: spans of positions along the strip. */
function groupMarks(mark: CutMark, horizontal: boolean): [number, number][] {
  const reach = horizontal ? labelWidth(continuation(mark)) + 8 : 40;
  const spans: [number, number][] = [];
  for (const at of mark.at) {
    const last = spans.at(-1);
    if (last && at - last[1] < reach) last[1] = at;
    else spans.push([at, at]);
  }
  return spans;
}

function continuation(mark: CutMark): string {
  const params = { page: mark.otherPage, arrow: ARROWS[mark.direction] };
  return mark.leaving ? t('render.sheet.continued-on', params) : t('render.sheet.continued-from', params);
}
