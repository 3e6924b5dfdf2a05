/**
 * The steps of a diagram's rendering that run inside the browser page (src/render/session.ts,
 * `svg`), each passed to `page.evaluate` on its own: Puppeteer sends a function's source to the
 * page, so each is self-contained (no reference to this module's scope) and works on the page's
 * `#stage`, where the previous step left the diagram.
 */
import type { DiagramFooter } from './session.js';

/** Renders `source` with mermaid into `#stage` and strips anything executable from the SVG. */
export async function renderIntoStage(source: string, svgId: string): Promise<void> {
  const mermaid = (globalThis as unknown as { mermaid: { render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
  const stage = document.getElementById('stage')!;
  stage.className = '';
  stage.innerHTML = '';
  const { svg } = await mermaid.render(svgId, source);
  stage.innerHTML = svg;
  const element = stage.querySelector('svg');
  if (!element) throw new Error('mermaid returned no SVG');
  // Belt and braces after securityLevel 'strict': nothing executable leaves the page.
  for (const node of Array.from(element.querySelectorAll('script, foreignObject iframe, foreignObject object, foreignObject embed'))) node.remove();
  for (const node of [element, ...Array.from(element.querySelectorAll('*'))]) {
    for (const attribute of Array.from(node.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || (/href$/.test(name) && /^\s*javascript:/i.test(attribute.value))) node.removeAttribute(attribute.name);
    }
  }
}

/**
 * Mermaid turns a label's `#60;` into `&#60;`, meant for HTML labels; in SVG text it would show as
 * written. Decodes numeric references once, as text (never as markup). Labels carry numeric
 * escapes only (escapeLabel), so a `&lt;` the user typed stays as typed.
 */
export function decodeNumericReferences(): void {
  const element = document.querySelector('#stage svg')!;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.tagName.toLowerCase() === 'style') continue;
    const text = node.nodeValue ?? '';
    if (!text.includes('&#')) continue;
    node.nodeValue = text.replace(/&#(\d+|x[0-9a-f]+);/gi, (entity, body: string) => {
      const code = body[0] === 'x' || body[0] === 'X' ? parseInt(body.slice(1), 16) : Number(body);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
  }
}

/** Where the footer is drawn: the diagram's box origin, its width (at least 640 px), the next line's y. */
export interface FooterCursor {
  x0: number;
  y0: number;
  width: number;
  y: number;
}

type FooterText = (content: string, x: number, y: number, size: number, bold?: boolean) => SVGTextElement;

/**
 * Installs `logiFooterText` in the page, the one writer of the footer's text lines (used by
 * drawLegend and drawSources, which the page receives as separate functions), and opens the
 * footer group `g.logi-footer` under the diagram. Returns the cursor where the legend starts.
 */
export function openFooter(): FooterCursor {
  const ns = 'http://www.w3.org/2000/svg';
  const element = document.querySelector('#stage svg')!;
  const group = document.createElementNS(ns, 'g');
  group.setAttribute('class', 'logi-footer');
  element.appendChild(group);
  const text: FooterText = (content, x, y, size, bold = false) => {
    const node = document.createElementNS(ns, 'text');
    node.setAttribute('x', x.toFixed(1));
    node.setAttribute('y', y.toFixed(1));
    node.setAttribute('style', `font-size:${size}px;fill:#0f172a;${bold ? 'font-weight:bold;' : ''}`);
    node.textContent = content;
    group.appendChild(node);
    return node;
  };
  (globalThis as unknown as { logiFooterText: FooterText }).logiFooterText = text;
  const box = (element.getAttribute('viewBox') ?? '0 0 600 400').split(/[\s,]+/).map(Number);
  const [x0, y0, w0, h0] = [box[0] ?? 0, box[1] ?? 0, box[2] ?? 600, box[3] ?? 400];
  return { x0, y0, width: Math.max(w0, 640), y: y0 + h0 + 28 };
}

/** The actor legend: a horizontal legend wrapped at the diagram's width. Returns the cursor after it. */
export function drawLegend(extra: DiagramFooter, at: FooterCursor): FooterCursor {
  const ns = 'http://www.w3.org/2000/svg';
  const textAt = (globalThis as unknown as { logiFooterText: FooterText }).logiFooterText;
  const group = document.querySelector('#stage svg g.logi-footer')!;
  const left = at.x0 + 8;
  let y = at.y;
  if (extra.legend.length === 0) return at;
  textAt(extra.legendTitle, left, y, 14, true);
  y += 22;
  let x = left;
  for (const item of extra.legend) {
    const label = textAt(item.label, 0, y, 13);
    const itemWidth = 22 + label.getComputedTextLength() + 18;
    if (x > left && x + itemWidth > at.x0 + at.width) {
      x = left;
      y += 22;
    }
    label.setAttribute('x', (x + 22).toFixed(1));
    label.setAttribute('y', y.toFixed(1));
    const swatch = document.createElementNS(ns, 'rect');
    swatch.setAttribute('x', x.toFixed(1));
    swatch.setAttribute('y', (y - 12).toFixed(1));
    swatch.setAttribute('width', '15');
    swatch.setAttribute('height', '15');
    swatch.setAttribute('rx', '2');
    swatch.setAttribute('style', `fill:${item.fill};stroke:${item.stroke};stroke-width:1.5px`);
    group.appendChild(swatch);
    x += itemWidth;
  }
  return { ...at, y: y + 30 };
}

/**
 * The numbered sources under the legend, each wrapped greedily at the diagram's width as the
 * page's own fonts measure it; then the SVG's box is grown to hold the footer.
 */
export function drawSources(extra: DiagramFooter, at: FooterCursor): void {
  const textAt = (globalThis as unknown as { logiFooterText: FooterText }).logiFooterText;
  const element = document.querySelector('#stage svg') as SVGSVGElement;
  const left = at.x0 + 8;
  let y = at.y;
  if (extra.sources.length > 0) {
    textAt(extra.sourcesTitle, left, y, 14, true);
    y += 20;
    const probe = textAt('', left, y, 12);
    for (const entry of extra.sources) {
      let line = '';
      for (const word of entry.split(/\s+/)) {
        const candidate = line ? `${line} ${word}` : word;
        probe.textContent = candidate;
        if (line && probe.getComputedTextLength() > at.width - 24) {
          textAt(line, left, y, 12);
          y += 16;
          line = `    ${word}`;
        } else line = candidate;
      }
      if (line) {
        textAt(line, left, y, 12);
        y += 16;
      }
    }
    probe.remove();
  }
  const height = y - at.y0 + 8;
  element.setAttribute('viewBox', `${at.x0} ${at.y0} ${at.width} ${height}`);
  element.setAttribute('width', String(at.width));
  element.setAttribute('height', String(height));
  element.style.maxWidth = `${at.width}px`;
}

/** The stage's SVG on a white background, as standalone XML. */
export function serializeStage(): string {
  const element = document.querySelector('#stage svg') as SVGSVGElement;
  element.style.backgroundColor = '#ffffff';
  return new XMLSerializer().serializeToString(element);
}
