/**
 * Rendering a workspace's logigrammes: Mermaid text (`mmd`) and the Markdown memo sheet (`md`) in
 * Node; SVG, PNG and the PDF memo sheet (`pdf`) through one browser session for the whole
 * batch. Files are handed to `onFile` one at a time, so a batch of a thousand PNGs never sits in
 * memory at once.
 */
import { t } from '../i18n/catalogue.js';
import { haltIfInterrupted } from '../io/cleanup.js';
import { fitFileName } from '../io/file-names.js';
import { byCodePoint } from '../language/order.js';
import { emptyRecord, ownValue } from '../language/records.js';
import { isTarget, type LoadedDocument, type Workspace } from '../language/workspace.js';
import { logigrammeToMemo } from './memo.js';
import { ACTOR_PALETTE, actorsInOrder, DiagramTooLargeError, logigrammeToMermaid } from './mermaid.js';
import type { DiagramFooter, RenderSession } from './session.js';
import { memoSheetPdf } from './sheet-pdf.js';
import type { Paper } from './sheet-plan.js';

export const TEXT_FORMATS = ['mmd', 'md'] as const;
export const BROWSER_FORMATS = ['svg', 'png', 'pdf'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];
export type BrowserFormat = (typeof BROWSER_FORMATS)[number];
export type RenderFormat = TextFormat | BrowserFormat;

export function needsBrowser(format: RenderFormat): format is BrowserFormat {
  return (BROWSER_FORMATS as readonly string[]).includes(format);
}

export interface RenderedFile {
  /** File name, `<logigramme id>.<format>` (an id too long for a file name is shortened: `outputName`). */
  name: string;
  logigramme: string;
  content: string | Uint8Array;
  /** Things the author should know about this file, in the current language (e.g. a memo sheet cut through a node). */
  warnings?: string[];
}

export interface RenderTarget {
  document: LoadedDocument<'Logigramme'>;
  actorTitles: Record<string, string>;
  stratumTitle?: string;
}

/** The logigrammes the caller asked about, in id order, with what their diagrams and sheets need. */
export function renderTargets(workspace: Workspace): RenderTarget[] {
  // No prototype: `??=` must not find an inherited member under an actor named `valueOf`.
  const actorTitles = emptyRecord<string>();
  for (const doc of workspace.index.Actors.values()) for (const [id, actor] of Object.entries(doc.value.actors)) actorTitles[id] ??= actor.title;
  const logigrammes = [...workspace.index.Logigramme.values()].filter((l) => isTarget(workspace, l)).sort((a, b) => byCodePoint(a.id, b.id));
  return logigrammes.map((document) => {
    const stratumTitle = workspace.index.Pyramid.get(document.value.pyramid)?.value.strata.find((s) => s.id === document.value.stratum)?.title;
    return { document, actorTitles, ...(stratumTitle ? { stratumTitle } : {}) };
  });
}

/** Renders every logigramme the caller asked about as Mermaid text or a Markdown memo sheet, in id order. */
export function renderText(workspace: Workspace, format: TextFormat): RenderedFile[] {
  return renderTargets(workspace).map((target) => renderTextTarget(target, format));
}

export function renderTextTarget({ document, actorTitles, stratumTitle }: RenderTarget, format: TextFormat): RenderedFile {
  const content =
    format === 'mmd' ? logigrammeToMermaid(document.value, { actorTitles }) : logigrammeToMemo(document.value, { actorTitles, ...(stratumTitle ? { stratumTitle } : {}) });
  return { name: outputName(document.id, format), logigramme: document.id, content };
}

/** `<id>.<format>`; an id too long for a file name keeps its start and gets a hash of the whole (io/file-names.ts). */
export function outputName(id: string, format: RenderFormat): string {
  return fitFileName(id, `.${format}`);
}

export class DiagramError extends Error {
  constructor(
    readonly logigramme: string,
    readonly file: string,
    message: string,
    readonly hint = t('render.error.browser-failed.hint'),
  ) {
    super(message);
    this.name = 'DiagramError';
  }
}

/** The actor legend (the diagram's colours) and the numbered sources, as drawn under an SVG or PNG diagram. */
export function diagramFooter({ document, actorTitles }: RenderTarget): DiagramFooter {
  const sources = Object.values(document.value.sources ?? {}).map((s, i) => {
    const details = [s.authors, s.year].filter((d) => d !== undefined).join(', ');
    const flag = s.type === 'estimate' || s.type === 'illustrative' ? ` — ${s.type}` : '';
    return `[${i + 1}] ${s.title}${details ? ` (${details})` : ''}${flag}`;
  });
  const legend = actorsInOrder(document.value).map((actor, a) => {
    const [fill, stroke] = ACTOR_PALETTE[a % ACTOR_PALETTE.length]!;
    return { label: ownValue(actorTitles, actor) ?? actor, fill, stroke };
  });
  return { legendTitle: t('render.sheet.actors'), legend, sourcesTitle: t('render.sheet.sources'), sources };
}

export interface BrowserRenderOptions {
  /** Paper of the PDF memo sheet: `a4` (the default) or `a3`. */
  paper?: Paper;
}

/**
 * One logigramme through the browser session: its SVG, its PNG, or its PDF memo sheet (A4 unless
 * `options.paper` says A3; portrait, landscape or several pages so that its text is legible).
 */
export async function renderBrowserTarget(session: RenderSession, target: RenderTarget, format: BrowserFormat, generator?: string, options: BrowserRenderOptions = {}): Promise<RenderedFile> {
  const { document, actorTitles, stratumTitle } = target;
  const name = outputName(document.id, format);
  try {
    const diagram = logigrammeToMermaid(document.value, { actorTitles, legend: false });
    if (format === 'svg') return { name, logigramme: document.id, content: `${await session.svg(diagram, diagramFooter(target))}\n` };
    if (format === 'png') return { name, logigramme: document.id, content: await session.png(diagram, diagramFooter(target)) };
    const sheet = await memoSheetPdf(session, document.value, diagram, { actorTitles, ...(stratumTitle ? { stratumTitle } : {}), ...(generator ? { generator } : {}), ...(options.paper ? { paper: options.paper } : {}) });
    return { name, logigramme: document.id, content: sheet.pdf, ...(sheet.warnings.length > 0 ? { warnings: sheet.warnings } : {}) };
  } catch (error) {
    // Interrupted, logi has killed the browser: that is not a diagram's fault, and logi is exiting.
    await haltIfInterrupted();
    if (error instanceof DiagramTooLargeError) throw new DiagramError(document.id, document.source.file, `${document.id}: ${error.message}`, t('render.error.too-large.hint'));
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new DiagramError(document.id, document.source.file, t('render.error.browser-failed', { logigramme: document.id, message }));
  }
}
