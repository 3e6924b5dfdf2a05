/**
 * One headless Chromium and one page for a whole batch of diagrams (DESIGN §4): mermaid is loaded
 * into the page once, then every diagram is rendered by calling `mermaid.render` in that page.
 * Starting a browser and loading mermaid costs about ten times more than drawing one flowchart,
 * which is why `mmdc`, which does both for every file, is several times slower on a batch
 * (docs/performance.md).
 *
 * The page never reaches the network: it is served from memory and from mermaid's own files, and
 * every other request is aborted. Mermaid runs with `securityLevel: 'strict'` and its labels are
 * plain SVG text; what mermaid returns is also swept for script elements, event attributes and
 * `javascript:` links before it leaves the page, so no label can reach the SVG as markup.
 *
 * The browser gets a profile folder of logi's own and is tied to logi's life (BrowserLifetime in
 * browser.ts): closed, interrupted or killed, logi leaves no Chromium process and no profile.
 * The same diagram gives the same SVG bytes on every run (MERMAID_CONFIG, and the SVG's id).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import puppeteer, { type Browser, type ConnectionTransport, type HTTPRequest, type Page } from 'puppeteer-core';
import { t } from '../i18n/catalogue.js';
import { shortHash } from '../io/file-names.js';
import { BrowserLifetime, chromiumArgs } from './browser.js';
import { decodeNumericReferences, drawLegend, drawSources, openFooter, renderIntoStage, serializeStage } from './in-page.js';
import { DiagramTooLargeError, MAX_DIAGRAM_TEXT } from './mermaid.js';
import { A4_CONTENT_PX } from './sheet.js';
import { contentBox, type DiagramGeometry, MARGIN_MM, type Orientation, type Paper } from './sheet-plan.js';

export interface RenderSessionOptions {
  executablePath: string;
  /** Milliseconds allowed for the browser to start and for each diagram. */
  timeoutMs?: number;
}

/** The page a PDF is printed on; A4 portrait by default. */
export interface PdfPage {
  paper?: Paper;
  orientation?: Orientation;
}

export interface ParseResult {
  ok: boolean;
  message?: string;
}

/** Mermaid's settings for every diagram logi draws. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  deterministicIds: true,
  // Byte-identical SVG for the same input (issue 12 #12): mermaid draws some shapes (stadiums,
  // subroutines) with rough.js even in the classic look, and rough.js draws with an unseeded global generator
  // unless it is given a seed. Any non-zero seed makes every path the same on every run.
  look: 'classic',
  handDrawnSeed: 1,
  // Above its maxTextSize mermaid draws a placeholder saying so instead of the diagram, and returns
  // no error. logi bounds the text itself (MAX_DIAGRAM_TEXT, an error naming the logigramme), so
  // mermaid's own bound must never be reached.
  maxTextSize: Number.MAX_SAFE_INTEGER,
  htmlLabels: false,
  fontFamily: '"DejaVu Sans", "Liberation Sans", Arial, sans-serif',
  flowchart: { htmlLabels: false, curve: 'basis', useMaxWidth: false, wrappingWidth: 200, nodeSpacing: 30, rankSpacing: 36, diagramPadding: 8 },
} as const;

const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; padding: 0; background: #ffffff; }
#stage { display: inline-block; padding: 0; }
#stage.sheet { display: block; width: ${A4_CONTENT_PX.width}px; }
</style></head><body><div id="stage"></div></body></html>`;

/**
 * The page's own origin. `.invalid` never resolves (RFC 2606), and every request to it is answered
 * from memory or from mermaid's `dist` folder by the request handler below, so nothing leaves the
 * machine.
 */
const ORIGIN = 'http://logi.invalid';

/** Mermaid's `dist` folder: its ES module build loads only the chunks a flowchart needs (about 0.15 s against 0.7 s for the 3.5 MB browser bundle). */
function mermaidDist(): string {
  return path.dirname(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs'));
}

async function answer(request: HTTPRequest, dist: string): Promise<void> {
  const url = new URL(request.url());
  if (url.origin !== ORIGIN) return request.abort('blockedbyclient');
  if (url.pathname === '/') return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE_HTML });
  const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
  if (!file.startsWith(dist + path.sep) || !file.endsWith('.mjs')) return request.respond({ status: 404, body: '' });
  try {
    return request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: await readFile(file) });
  } catch {
    return request.respond({ status: 404, body: '' });
  }
}

/** The legend and sources that logi draws under a diagram (text only: set as text content, never parsed). */
export interface DiagramFooter {
  legendTitle: string;
  legend: { label: string; fill: string; stroke: string }[];
  sourcesTitle: string;
  sources: string[];
}

/**
 * Chromium's messages over `--remote-debugging-pipe`: JSON, each ended by a NUL byte, written to
 * its fd 3 and read from its fd 4. Puppeteer's own pipe transport does not listen for errors on
 * the pipe it writes to, so a browser that exits at once (or a path that is not a browser) ended
 * logi with EPIPE and a stack trace; and it decodes each chunk alone, which can split a character.
 */
class ChromiumPipe implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    toBrowser.on('error', () => undefined);
    fromBrowser.on('error', () => undefined);
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.onclose?.());
  }

  send(message: string): void {
    if (this.toBrowser.writable) this.toBrowser.write(`${message}\0`);
  }

  close(): void {
    this.pending = [];
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      const message = Buffer.concat([...this.pending, chunk.subarray(start, end)]).toString('utf8');
      this.pending = [];
      this.onmessage?.(message);
      start = end + 1;
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }
}

/**
 * Starts Chromium itself rather than through `puppeteer.launch`, so that it is tied to logi from
 * the instant it exists (BrowserLifetime.watch: its process group for the reaper, listeners on its
 * pipes), then connects puppeteer to it over the pipe. Chromium exits when the pipe closes, that is
 * when logi dies, even by SIGKILL.
 */
async function launchChromium(executablePath: string, lifetime: BrowserLifetime, timeout: number): Promise<Browser> {
  const args = [...puppeteer.defaultArgs({ headless: true, userDataDir: lifetime.profile, args: chromiumArgs() }), '--remote-debugging-pipe'];
  const child = spawn(executablePath, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  lifetime.watch(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-2_000)));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const reason = signal ?? t('render.error.browser-exit-code', { code: String(code) });
      reject(new Error(t('render.error.browser-exited', { reason, detail: stderr.trim() ? (stderr.trim().split('\n').at(-1) ?? '') : '' })));
    });
  });
  failed.catch(() => undefined);
  let bound: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (bound = setTimeout(() => reject(new Error(t('render.error.browser-timeout', { seconds: timeout / 1000 }))), timeout)));
  try {
    const transport = new ChromiumPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
    return await Promise.race([puppeteer.connect({ transport, protocolTimeout: timeout, defaultViewport: null }), failed, late]);
  } finally {
    clearTimeout(bound);
  }
}

/** A page served from memory, with mermaid loaded and configured. */
async function preparePage(browser: Browser, timeout: number): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  await page.setRequestInterception(true);
  const dist = mermaidDist();
  page.on('request', (request) => void answer(request, dist).catch(() => undefined));
  await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 2 });
  await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  // A string, not a function: test runners and bundlers rewrite `import()` inside functions.
  await page.evaluate(
    `import('/mermaid.esm.min.mjs').then(({ default: mermaid }) => { mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)}); globalThis.mermaid = mermaid; })`,
  );
  return page;
}

export class RenderSession {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly lifetime: BrowserLifetime,
  ) {}

  static async open(options: RenderSessionOptions): Promise<RenderSession> {
    const timeout = options.timeoutMs ?? 60_000;
    const lifetime = await BrowserLifetime.begin();
    let browser: Browser | undefined;
    try {
      browser = await launchChromium(options.executablePath, lifetime, timeout);
      return new RenderSession(browser, await preparePage(browser, timeout), lifetime);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await lifetime.end();
      throw error;
    }
  }

  /** Mermaid's own parser on a diagram's text: `ok`, or the parser's message. */
  async parse(text: string): Promise<ParseResult> {
    return this.page.evaluate(async (source) => {
      const mermaid = (globalThis as unknown as { mermaid: { parse(t: string): Promise<unknown> } }).mermaid;
      try {
        await mermaid.parse(source);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    }, text);
  }

  /**
   * Renders the diagram into the page's stage and returns it as standalone SVG (well-formed XML).
   * With `footer`, the actor legend and the numbered sources are drawn under the diagram by logi
   * rather than by mermaid: a horizontal legend and full-width source lines read better than
   * mermaid's narrow boxes, and mermaid measures long labels word by word (a fifth of its time).
   */
  async svg(text: string, footer?: DiagramFooter): Promise<string> {
    if (text.length > MAX_DIAGRAM_TEXT) throw new DiagramTooLargeError(text.length);
    // Named after its text, not its place in the batch: the same diagram, the same bytes.
    const id = `logi-${shortHash(text)}`;
    // Each step is its own function in the page (src/render/in-page.ts), working on #stage.
    await this.page.evaluate(renderIntoStage, text, id);
    await this.page.evaluate(decodeNumericReferences);
    if (footer) {
      const start = await this.page.evaluate(openFooter);
      const afterLegend = await this.page.evaluate(drawLegend, footer, start);
      await this.page.evaluate(drawSources, footer, afterLegend);
    }
    return this.page.evaluate(serializeStage);
  }

  /** The diagram as PNG at twice the CSS pixel density, on a white background. */
  async png(text: string, footer?: DiagramFooter): Promise<Uint8Array> {
    await this.svg(text, footer);
    const element = await this.page.$('#stage svg');
    if (!element) throw new Error('mermaid returned no SVG');
    return element.screenshot({ type: 'png', omitBackground: false });
  }

  /**
   * What a memo sheet needs to know of a diagram (sheet-plan.ts): its size, its smallest font, the
   * boxes of its nodes and texts (where a cut must not go) and its edges as polylines from source
   * to target, all in the SVG's user units.
   */
  async measureDiagram(svg: string): Promise<DiagramGeometry> {
    return this.page.evaluate((markup) => {
      const stage = document.getElementById('stage')!;
      stage.className = '';
      stage.style.width = '';
      stage.innerHTML = markup;
      const element = stage.querySelector('svg');
      if (!element) throw new Error('no SVG to measure');
      const [x, y, width, height] = (element.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number) as [number, number, number, number];
      const frame = element.getBoundingClientRect();
      const user = (cx: number, cy: number) => ({ x: x + ((cx - frame.left) * width) / frame.width, y: y + ((cy - frame.top) * height) / frame.height });
      const boxOf = (node: Element) => {
        const r = node.getBoundingClientRect();
        const [a, b] = [user(r.left, r.top), user(r.right, r.bottom)];
        return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
      };
      const texts = Array.from(element.querySelectorAll('text, tspan')).filter((node) => (node.textContent ?? '').trim() !== '');
      const fontPx = Math.min(16, ...texts.map((node) => parseFloat(getComputedStyle(node).fontSize)).filter((size) => size > 0));
      const obstacles = Array.from(element.querySelectorAll('g.node, text')).map(boxOf).filter((box) => box.width > 0 && box.height > 0);
      const toRoot = element.getScreenCTM()!.inverse();
      const edges = Array.from(element.querySelectorAll<SVGPathElement>('path.flowchart-link')).map((path) => {
        const matrix = toRoot.multiply(path.getScreenCTM()!);
        const length = path.getTotalLength();
        // A point every 8 units: a crossing is placed within a unit or two, far less than a label's width.
        const steps = Math.max(2, Math.ceil(length / 8));
        return Array.from({ length: steps + 1 }, (_, i) => {
          const point = path.getPointAtLength((length * i) / steps).matrixTransform(matrix);
          return { x: point.x, y: point.y };
        });
      });
      return { viewBox: { x, y, width, height }, fontPx, obstacles, edges };
    }, svg);
  }

  /** Heights (px) of pieces of a sheet, each laid out alone at its width. `html` is trusted markup built by logi. */
  async measureHeights(blocks: { html: string; widthPx: number }[]): Promise<number[]> {
    return this.page.evaluate((list) => {
      const stage = document.getElementById('stage')!;
      stage.className = '';
      stage.style.width = '';
      stage.innerHTML = list.map((block) => `<div style="width:${block.widthPx}px">${block.html}</div>`).join('');
      return Array.from(stage.children).map((child) => child.getBoundingClientRect().height);
    }, blocks);
  }

  /**
   * A PDF of one sheet, on A4 (or A3) in portrait or landscape, with 12 mm margins, at its natural
   * size: the sheet itself sizes its diagram (sheet-plan.ts). `bodyHtml` is trusted markup built
   * by logi (user text already escaped).
   */
  async pdf(bodyHtml: string, title: string, page: PdfPage = {}): Promise<Uint8Array> {
    const paper = page.paper ?? 'a4';
    const orientation = page.orientation ?? 'portrait';
    await this.page.evaluate(
      (html, documentTitle, widthPx) => {
        // Chromium writes the document's title into the PDF's metadata.
        document.title = documentTitle;
        const stage = document.getElementById('stage')!;
        stage.className = 'sheet';
        stage.style.width = `${widthPx}px`;
        stage.innerHTML = html;
      },
      bodyHtml,
      title,
      contentBox(paper, orientation).width,
    );
    const margin = `${MARGIN_MM}mm`;
    return this.page.pdf({ format: paper === 'a3' ? 'A3' : 'A4', landscape: orientation === 'landscape', printBackground: true, margin: { top: margin, bottom: margin, left: margin, right: margin } });
  }

  /** Closes the browser and removes its profile folder. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.lifetime.end();
  }
}
