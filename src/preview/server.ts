/**
 * The preview's HTTP server: the page (`/`), its updates as server-sent events (`/events`), the
 * whole state as JSON (`/state`, what the page asks for when it missed an update), nothing else.
 *
 * What it allows the page, in its Content-Security-Policy: its own inline script (by nonce) and
 * inline styles, connections to itself, images from `data:` URLs. Nothing may be loaded from
 * anywhere else, no form sent, no frame embed it. A request whose `Host` header is not the
 * preview's own loopback address is refused (DNS rebinding, src/preview/host.ts), unless the
 * preview was started with `--allow-remote`.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { t } from '../i18n/catalogue.js';
import { loopbackHostHeaders, urlHost } from './host.js';
import { delta, type FullSnapshot, pageHtml, type Snapshot } from './page.js';

export interface ServerOptions {
  host: string;
  port: number;
  /** Answer any `Host` header (`--allow-remote`); otherwise only the loopback names of the port. */
  allowRemote: boolean;
  /** The workspace's folder, shown in the page's title. */
  root: () => string;
}

/** Why the server could not listen, with the catalogue's message and hint. */
export class PreviewStartError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'PreviewStartError';
  }
}

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** The page's policy: nothing from elsewhere; its one script by nonce; styles inline (mermaid's SVG and the memo sheet carry their own). */
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Browsers drop a connection that says nothing for long; a comment line every so often keeps it. */
const HEARTBEAT_MS = 15_000;

function eventText(snapshot: Snapshot): string {
  return `event: state\ndata: ${JSON.stringify(snapshot)}\n\n`;
}

export class PreviewServer {
  private readonly clients = new Set<http.ServerResponse>();
  private snapshot: FullSnapshot | undefined;
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(
    private readonly server: http.Server,
    private readonly options: ServerOptions,
  ) {
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  static async listen(options: ServerOptions): Promise<PreviewServer> {
    const server = http.createServer();
    const preview = new PreviewServer(server, options);
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => preview.handle(request, response));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      clearInterval(preview.heartbeat);
      const address = `${urlHost(options.host)}:${options.port}`;
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === 'EADDRINUSE') throw new PreviewStartError(t('preview.port-in-use', { address }), t('preview.port-in-use.hint'));
      throw new PreviewStartError(t('preview.listen-failed', { address, message: code ?? message }), t('preview.listen-failed.hint'));
    }
    return preview;
  }

  /** The page's address, with the port the system gave when none was asked for. */
  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${urlHost(address)}:${port}/`;
  }

  private get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Makes `snapshot` the state new pages get, and sends connected pages what they lack of it. */
  publish(snapshot: FullSnapshot): void {
    const message = eventText(delta(this.snapshot, snapshot));
    this.snapshot = snapshot;
    for (const client of this.clients) client.write(message);
  }

  /** Ends every event stream, stops listening and closes every connection. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    for (const [name, value] of Object.entries(BASE_HEADERS)) response.setHeader(name, value);
    if (!this.options.allowRemote && !loopbackHostHeaders(this.port).has((request.headers.host ?? '').toLowerCase())) {
      return this.text(response, 403, t('preview.http.wrong-host', { url: this.url }));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return this.text(response, 405, t('preview.http.read-only'));
    }
    const { pathname } = new URL(request.url ?? '/', 'http://preview.invalid');
    if (pathname === '/') return this.page(response);
    if (pathname === '/events') return this.events(request, response);
    if (pathname === '/state' && this.snapshot) {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      return void response.end(JSON.stringify(this.snapshot));
    }
    if (pathname === '/favicon.ico') return void response.writeHead(204).end();
    return this.text(response, 404, t('preview.http.not-found', { url: this.url }));
  }

  private page(response: http.ServerResponse): void {
    if (!this.snapshot) return this.text(response, 503, t('preview.page.building'));
    const nonce = randomBytes(18).toString('base64');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': pagePolicy(nonce) });
    response.end(pageHtml(this.snapshot, { nonce, root: this.options.root() }));
  }

  private events(request: http.IncomingMessage, response: http.ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    // A page that lost the server tries again every second, and gets the whole state when it is back.
    response.write('retry: 1000\n\n');
    if (this.snapshot) response.write(eventText(this.snapshot));
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
  }

  private text(response: http.ServerResponse, status: number, text: string): void {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`${text}\n`);
  }
}
