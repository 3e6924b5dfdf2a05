/**
 * The preview's page and server without a browser: loopback names, escaping of user text in every
 * fragment, the updates sent (only what a page lacks), the HTTP answers and their headers.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import type { Diagnostic } from '../../src/language/diagnostic.js';
import type { PreviewCard, PreviewState } from '../../src/preview/build.js';
import { isLoopbackHost } from '../../src/preview/host.js';
import { cardHtml, delta, problemsHtml, snapshotOf } from '../../src/preview/page.js';
import { renameSvgIds } from '../../src/preview/render.js';
import { PreviewServer, PreviewStartError } from '../../src/preview/server.js';

const HOSTILE = '<img src=x onerror=alert(1)>&amp;"\'';

function card(overrides: Partial<PreviewCard> = {}): PreviewCard {
  return {
    id: 's1',
    title: 'Dépistage',
    stratum: 'S1',
    file: 's1.yaml',
    absolutePath: '/w/s1.yaml',
    key: 'k1',
    diagram: { state: 'done', markup: '<svg id="logi-1"><text>A</text></svg>' },
    sheet: { state: 'pending' },
    stale: false,
    ...overrides,
  };
}

function diagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return { ruleId: 'yaml-syntax', severity: 'error', message: 'bad', file: 's1.yaml', range: { start: { line: 16, column: 1 }, end: { line: 16, column: 2 } }, ...overrides };
}

function state(overrides: Partial<PreviewState> = {}): PreviewState {
  return { version: 1, building: false, builtAt: new Date(2026, 0, 1, 9, 5, 7), diagnostics: [], errorCount: 0, warningCount: 0, cards: [card()], ...overrides };
}

describe('loopback', () => {
  it('accepts 127.0.0.1, ::1 and localhost in their usual spellings, and nothing else', () => {
    for (const host of ['127.0.0.1', '::1', '[::1]', 'localhost', 'LocalHost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org', 'localhost.example.org', '']) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('the page fragments', () => {
  afterEach(() => setLanguage('en'));

  it('escape user text everywhere it appears in a card', () => {
    const html = cardHtml(card({ id: HOSTILE, title: HOSTILE, stratum: HOSTILE, file: HOSTILE, stale: true }));
    expect(html).not.toContain('<img');
    // In its data-id, title, id, stratum, file name and stale note.
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;&amp;amp;&quot;&#39;/g)).toHaveLength(6);
  });

  it('escape findings, and set their `code` spans as code', () => {
    const html = problemsHtml(state({ diagnostics: [diagnostic({ message: `unknown actor \`${HOSTILE}\``, hint: 'did you mean `medecin`?', file: '<b>.yaml' })] }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt;&amp;amp;&quot;&#39;</code>');
    expect(html).toContain('<code class="where">&lt;b&gt;.yaml:16:1</code>');
    expect(html).toContain('hint: did you mean <code>medecin</code>?');
  });

  it('are in the chosen language', () => {
    setLanguage('fr');
    const html = problemsHtml(state({ diagnostics: [diagnostic({ hint: 'x' })] }));
    expect(html).toContain('<h2>Problèmes</h2>');
    expect(html).toContain('<span class="severity">erreur</span>');
    expect(html).toContain('conseil : x');
    expect(snapshotOf(state()).status).toBe('<span class="when">mis à jour à 09:05:07</span> · <span class="counts">0 erreur, 0 avertissement</span>');
    expect(snapshotOf(state({ refreshMs: 320, errorCount: 2, warningCount: 1 })).status).toBe(
      '<span class="when" data-refresh-ms="320">mis à jour à 09:05:07, 320 ms après l&#39;enregistrement</span> · <span class="counts">2 erreurs, 1 avertissement</span>',
    );
  });

  it('give the sheet its own SVG ids, so that its arrowheads do not point into the hidden diagram', () => {
    const svg = '<svg id="logi-0a1b2c3d" class="flowchart"><style>#logi-0a1b2c3d .node{}</style><path marker-end="url(#logi-0a1b2c3d_flowchart-v2-pointEnd)"/></svg>';
    expect(renameSvgIds(svg, '-sheet')).toBe(
      '<svg id="logi-0a1b2c3d-sheet" class="flowchart"><style>#logi-0a1b2c3d-sheet .node{}</style><path marker-end="url(#logi-0a1b2c3d-sheet_flowchart-v2-pointEnd)"/></svg>',
    );
  });
});

describe('the updates sent to a page', () => {
  it('carry the markup of changed fragments only', () => {
    const before = snapshotOf(state({ cards: [card(), card({ id: 's2', key: 'k2' })] }));
    const changed = card({ id: 's2', key: 'k3', diagram: { state: 'done', markup: '<svg>B</svg>' } });
    const after = snapshotOf(state({ version: 2, cards: [card(), changed] }));
    const sent = delta(before, after);
    expect(sent.problems).toEqual({ hash: before.problems.hash });
    expect(sent.cards[0]).toEqual({ id: 's1', hash: before.cards[0]!.hash });
    expect(sent.cards[1]!.html).toContain('<svg>B</svg>');
    // A page that has nothing gets everything.
    expect(delta(undefined, after)).toBe(after);
  });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, options: http.RequestOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first `count` events of the stream at `url`, then the connection is closed. */
function events(url: string, count: number, onOpen: () => void = () => undefined): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (response) => {
      let text = '';
      onOpen();
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const found = text.split('\n\n').filter((block) => block.startsWith('event: state'));
        if (found.length >= count) {
          req.destroy();
          resolve(found.slice(0, count).map((block) => block.slice(block.indexOf('data: ') + 6)));
        }
      });
    });
    req.on('error', reject);
  });
}

describe('the preview server', () => {
  let server: PreviewServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the page with a policy that allows its own script only, and no external load', async () => {
    server = await PreviewServer.listen({ host: '127.0.0.1', port: 0, allowRemote: false, root: () => '/w' });
    server.publish(snapshotOf(state({ cards: [card({ title: HOSTILE })] })));
    const page = await request(server.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = page.headers['content-security-policy'] as string;
    const nonce = /script-src 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:|\*/);
    // One script, carrying the nonce; no src anywhere.
    expect(page.body.match(/<script/g)).toHaveLength(1);
    expect(page.body).toContain(`<script nonce="${nonce}">`);
    expect(page.body).not.toMatch(/<[^>]*\ssrc=|<link|@import|url\(http/);
    expect(page.body).not.toContain('<img');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Every request gets a nonce of its own.
    const again = await request(server.url);
    expect(again.headers['content-security-policy']).not.toBe(policy);
  });

  it('refuses another Host (DNS rebinding), other methods and other paths', async () => {
    server = await PreviewServer.listen({ host: '127.0.0.1', port: 0, allowRemote: false, root: () => '/w' });
    server.publish(snapshotOf(state()));
    const port = new URL(server.url).port;
    expect((await request(server.url, { headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await request(server.url, { headers: { Host: `localhost:${port}` } })).status).toBe(200);
    const post = await request(server.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await request(`${server.url}nothing`)).status).toBe(404);
    const json = await request(`${server.url}state`);
    expect(JSON.parse(json.body).cards[0].id).toBe('s1');
  });

  it('sends the whole state to a new page, then only what changed', async () => {
    server = await PreviewServer.listen({ host: '127.0.0.1', port: 0, allowRemote: false, root: () => '/w' });
    const first = snapshotOf(state({ cards: [card(), card({ id: 's2', key: 'k2' })] }));
    server.publish(first);
    const updated = snapshotOf(state({ version: 2, cards: [card(), card({ id: 's2', key: 'k9', title: 'Nouveau' })] }));
    const received = await events(`${server.url}events`, 2, () => setTimeout(() => server!.publish(updated), 50));
    const [whole, change] = received.map((data) => JSON.parse(data));
    expect(whole.cards.map((c: { html?: string }) => c.html !== undefined)).toEqual([true, true]);
    expect(change.version).toBe(2);
    expect(change.cards.map((c: { html?: string }) => c.html !== undefined)).toEqual([false, true]);
    expect(change.cards[1].html).toContain('Nouveau');
  });

  it('says so when the port is taken, with a hint', async () => {
    server = await PreviewServer.listen({ host: '127.0.0.1', port: 0, allowRemote: false, root: () => '/w' });
    const port = Number(new URL(server.url).port);
    const second = PreviewServer.listen({ host: '127.0.0.1', port, allowRemote: false, root: () => '/w' });
    await expect(second).rejects.toThrow(PreviewStartError);
    await expect(second).rejects.toThrow(`cannot serve on 127.0.0.1:${port}: the port is already in use`);
    await expect(second).rejects.toMatchObject({ hint: expect.stringContaining('--port') });
  });
});
