/**
 * The PDF memo sheet of one logigramme, legible on paper (docs/render.md): the browser draws the
 * diagram and measures it and the rest of the sheet, `planSheet` chooses the page format and the
 * diagram's scale so that its smallest text prints at 7 pt or more (splitting it over several
 * pages if it must), and the browser prints the sheet so laid out.
 */
import { t } from '../i18n/catalogue.js';
import type { LogigrammeDocument } from '../language/schemas/logigramme.js';
import type { RenderSession } from './session.js';
import { memoSheetHtml, type SheetOptions, sheetHeaderHtml, sheetSideHtml, sheetStyle } from './sheet.js';
import { COLUMN_GAP_PX, contentBox, DIAGRAM_COLUMN_SHARE, ORIENTATIONS, type Paper, planSheet, type SheetBlocks, type SheetPlan } from './sheet-plan.js';

export interface MemoSheetPdf {
  pdf: Uint8Array;
  plan: SheetPlan;
  /** Things the author should know, in the current language (e.g. a cut through a node). */
  warnings: string[];
}

export interface MemoSheetPdfOptions extends Omit<SheetOptions, 'plan'> {
  /** `a4` (the default: a GP prints A4) or `a3`. */
  paper?: Paper;
}

/** Measures, plans and prints the memo sheet of `logigramme`, whose diagram (Mermaid text, without legend) is `diagram`. */
export async function memoSheetPdf(session: RenderSession, logigramme: LogigrammeDocument, diagram: string, options: MemoSheetPdfOptions = {}): Promise<MemoSheetPdf> {
  const { paper = 'a4', ...sheetOptions } = options;
  const svg = await session.svg(diagram);
  const geometry = await session.measureDiagram(svg);
  const blocks = await measureBlocks(session, logigramme, sheetOptions, paper);
  const plan = planSheet(geometry, blocks, paper);
  const html = memoSheetHtml(logigramme, svg, { ...sheetOptions, plan });
  const pdf = await session.pdf(html, logigramme.title, { paper, orientation: plan.orientation });
  const warnings = plan.cutThrough ? [`${t('render.warning.cut-through', { logigramme: logigramme.id })} (${t('render.warning.cut-through.hint')})`] : [];
  return { pdf, plan, warnings };
}

/** The header's height at each orientation's content width, and the side column's at its width beside the diagram. */
async function measureBlocks(session: RenderSession, logigramme: LogigrammeDocument, options: SheetOptions, paper: Paper): Promise<SheetBlocks> {
  const wrap = (html: string) => `${sheetStyle()}<article class="memo print">${html}</article>`;
  const header = wrap(sheetHeaderHtml(logigramme, options));
  const side = wrap(sheetSideHtml(logigramme, options));
  const heights = await session.measureHeights(
    ORIENTATIONS.flatMap((orientation) => {
      const { width } = contentBox(paper, orientation);
      return [
        { html: header, widthPx: width },
        { html: side, widthPx: width - Math.floor(width * DIAGRAM_COLUMN_SHARE) - COLUMN_GAP_PX },
      ];
    }),
  );
  return { headerPx: { portrait: heights[0]!, landscape: heights[2]! }, sidePx: { portrait: heights[1]!, landscape: heights[3]! } };
}
