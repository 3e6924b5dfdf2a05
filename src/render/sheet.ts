/**
 * The printable memo sheet (fiche mémo) of a logigramme, as the HTML body that the render session
 * prints to one A4 page: title and stratum, the diagram on the left, the actor legend, the table of
 * actions (label, profession, frequency, evidence grade, source) and the numbered sources on the
 * right. Every piece of user text goes through `escapeHtml` (src/text/escape.ts); a source's url is
 * shown as text, never as a link; the diagram is the SVG the session
 * returned (mermaid, strict, swept).
 */
import { ownValue } from '../language/records.js';
import type { LogigrammeDocument } from '../language/schemas/logigramme.js';
import { escapeHtml } from '../text/escape.js';
import { actionRows } from './memo.js';
import { ACTOR_PALETTE, actorsInOrder } from './mermaid.js';

export interface SheetOptions {
  actorTitles?: Readonly<Record<string, string>>;
  stratumTitle?: string;
  /** Version line printed at the foot, e.g. `logi 0.1.0`. */
  generator?: string;
}

/** A4 at 96 CSS pixels per inch, less 12 mm margins each side: the box a memo sheet must fit. */
export const A4_CONTENT_PX = { width: Math.floor(((210 - 24) / 25.4) * 96), height: Math.floor(((297 - 24) / 25.4) * 96) };

const HEADER_PX = 120;

const SHEET_CSS = `
.memo { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #0f172a; font-size: 9.5px; line-height: 1.3; }
.memo h1 { font-size: 17px; margin: 0 0 4px; }
.memo .meta { color: #475569; margin: 0 0 4px; font-size: 10px; }
.memo .description { margin: 0 0 6px; }
.memo .columns { display: flex; gap: 12px; align-items: flex-start; }
.memo .diagram { flex: 0 0 46%; text-align: center; }
.memo .diagram svg { max-width: 100%; max-height: ${A4_CONTENT_PX.height - HEADER_PX}px; width: auto; height: auto; }
.memo .side { flex: 1 1 auto; min-width: 0; }
.memo h2 { font-size: 11px; margin: 6px 0 3px; }
.memo .legend { display: flex; flex-wrap: wrap; gap: 3px 8px; margin: 0; padding: 0; list-style: none; }
.memo .legend li { display: flex; align-items: center; gap: 3px; }
.memo .swatch { display: inline-block; width: 10px; height: 10px; border: 1.5px solid; border-radius: 2px; }
.memo table { border-collapse: collapse; width: 100%; }
.memo th, .memo td { border: 0.5px solid #cbd5e1; padding: 2px 3px; text-align: left; vertical-align: top; }
.memo th { background: #f1f5f9; }
.memo ol { margin: 0; padding-left: 16px; }
.memo .illustrative { color: #b45309; font-style: italic; }
.memo footer { margin-top: 6px; color: #64748b; font-size: 8px; }
`;

export function memoSheetHtml(logigramme: LogigrammeDocument, diagramSvg: string, options: SheetOptions = {}): string {
  const sourceIds = Object.keys(logigramme.sources ?? {});
  const title = (actor: string) => ownValue(options.actorTitles, actor) ?? actor;
  const parts: string[] = [`<style>${SHEET_CSS}</style>`, '<article class="memo">'];
  parts.push(`<h1>${escapeHtml(logigramme.title)}</h1>`);
  parts.push(
    `<p class="meta">Strate <strong>${escapeHtml(logigramme.stratum)}</strong>${options.stratumTitle ? ` — ${escapeHtml(options.stratumTitle)}` : ''} · pyramide <code>${escapeHtml(logigramme.pyramid)}</code> · logigramme <code>${escapeHtml(logigramme.id)}</code></p>`,
  );
  if (logigramme.description) parts.push(`<p class="description">${escapeHtml(logigramme.description)}</p>`);
  parts.push('<div class="columns">', `<div class="diagram">${diagramSvg}</div>`, '<div class="side">');
  const actors = actorsInOrder(logigramme);
  if (actors.length > 0) {
    parts.push('<h2>Acteurs</h2>', '<ul class="legend">');
    actors.forEach((actor, a) => {
      const [fill, stroke] = ACTOR_PALETTE[a % ACTOR_PALETTE.length]!;
      parts.push(`<li><span class="swatch" style="background:${fill};border-color:${stroke}"></span>${escapeHtml(title(actor))}</li>`);
    });
    parts.push('</ul>');
  }
  parts.push('<h2>Actions</h2>', '<table><thead><tr><th>Action</th><th>Profession</th><th>Fréquence</th><th>Grade</th><th>Source</th></tr></thead><tbody>');
  for (const row of actionRows(logigramme, options.actorTitles)) {
    parts.push(`<tr>${[row.label, row.profession, row.frequency, row.grades, row.sources].map((text) => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`);
  }
  parts.push('</tbody></table>');
  if (sourceIds.length > 0) {
    parts.push('<h2>Sources</h2>', '<ol>');
    for (const id of sourceIds) {
      const s = logigramme.sources[id]!;
      const details = [s.authors, s.year].filter((d) => d !== undefined).join(', ');
      const flag = s.type === 'estimate' || s.type === 'illustrative' ? ` <span class="illustrative">${escapeHtml(s.type)}</span>` : '';
      parts.push(`<li>${escapeHtml(s.title)}${details ? ` (${escapeHtml(String(details))})` : ''}${flag}${s.url ? ` — ${escapeHtml(s.url)}` : ''}</li>`);
    }
    parts.push('</ol>');
  }
  parts.push('</div>', '</div>');
  if (options.generator) parts.push(`<footer>${escapeHtml(options.generator)}</footer>`);
  parts.push('</article>');
  return parts.join('\n');
}
