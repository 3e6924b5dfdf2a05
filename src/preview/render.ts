/**
 * The preview draws with `logi render`'s own code and browser session (src/render/): the diagram is
 * what `logi render --format svg` writes, the memo sheet the HTML that `logi render --format pdf`
 * prints. One Chromium serves the preview's whole life; drawings go through it one at a time (its
 * page has one stage), which the builder guarantees by drawing in sequence.
 */
import { renderBrowserTarget, type RenderTarget } from '../render/batch.js';
import { logigrammeToMermaid } from '../render/mermaid.js';
import type { RenderSession } from '../render/session.js';
import { memoSheetHtml } from '../render/sheet.js';
import type { CardRenderer } from './build.js';

/**
 * Mermaid names an SVG after its text (`logi-<hash>`) and prefixes its styles and arrowheads with
 * that id. The diagram and the memo sheet of one logigramme are drawn from the same text and both
 * sit in the page, so the sheet's copy gets ids of its own: with two elements of one id, the
 * arrowheads of one drawing would be looked up in the other, hidden one.
 */
export function renameSvgIds(svg: string, suffix: string): string {
  const id = /^<svg[^>]*\sid="(logi-[0-9a-f]+)"/.exec(svg)?.[1];
  return id ? svg.replaceAll(id, `${id}${suffix}`) : svg;
}

export function sessionRenderer(session: RenderSession, generator?: string): CardRenderer {
  return {
    async diagram(target: RenderTarget): Promise<string> {
      const file = await renderBrowserTarget(session, target, 'svg', generator);
      return String(file.content).trimEnd();
    },
    // The steps of renderBrowserTarget's `pdf` branch, up to the HTML it prints.
    async sheet(target: RenderTarget): Promise<string> {
      const { document, actorTitles, stratumTitle } = target;
      const svg = await session.svg(logigrammeToMermaid(document.value, { actorTitles, legend: false }));
      return memoSheetHtml(document.value, renameSvgIds(svg, '-sheet'), { actorTitles, ...(stratumTitle ? { stratumTitle } : {}), ...(generator ? { generator } : {}) });
    },
  };
}
