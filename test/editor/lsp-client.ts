/**
 * A small Language Server Protocol client over stdio, enough to drive the real
 * yaml-language-server from a test: JSON-RPC messages framed by `Content-Length` headers,
 * requests matched to their responses by id, the server's own requests answered, and the
 * diagnostics it publishes kept per document.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

export interface CompletionItem {
  label: string;
  kind?: number;
  insertText?: string;
  documentation?: string | { kind: string; value: string };
}

/** The text of an item's documentation, whichever form the server sent. */
export function documentationText(item: CompletionItem): string {
  const doc = item.documentation;
  return typeof doc === 'string' ? doc : (doc?.value ?? '');
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Splits a byte stream into messages: `Content-Length: N\r\n\r\n` then N bytes of JSON. */
class FrameReader {
  private buffer = Buffer.alloc(0);
  constructor(private readonly onMessage: (message: Message) => void) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /Content-Length: *(\d+)/i.exec(header);
      if (!length) throw new Error(`LSP frame without Content-Length: ${header}`);
      const bodyStart = headerEnd + HEADER_END.length;
      const bodyEnd = bodyStart + Number(length[1]);
      if (this.buffer.length < bodyEnd) return;
      const body = this.buffer.subarray(bodyStart, bodyEnd).toString('utf8');
      this.buffer = this.buffer.subarray(bodyEnd);
      this.onMessage(JSON.parse(body) as Message);
    }
  }
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly diagnosticWaiters: { uri: string; check: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  private stderr = '';
  private exited: Error | undefined;

  /** Starts `node SERVER --stdio`; `settings` answers the server's `workspace/configuration` requests. */
  constructor(
    serverPath: string,
    private readonly settings: Record<string, unknown> = {},
  ) {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new FrameReader((message) => this.receive(message));
    this.child.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('exit', (code, signal) => this.fail(new Error(`the language server exited (code ${code}, signal ${signal}): ${this.stderr.slice(-2000)}`)));
    this.child.on('error', (error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.exited = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) return this.answerServerRequest(message);
    if (message.method === 'textDocument/publishDiagnostics') return this.storeDiagnostics(message.params as { uri: string; diagnostics: Diagnostic[] });
    if (message.method !== undefined || typeof message.id !== 'number') return;
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`LSP error ${message.error.code}: ${message.error.message}`));
    else waiter.resolve(message.result);
  }

  /** The server asks for settings, registers capabilities, creates progress tokens: answer each. */
  private answerServerRequest(message: Message): void {
    if (message.method === 'workspace/configuration') {
      const items = (message.params as { items: { section?: string }[] }).items;
      this.send({ jsonrpc: '2.0', id: message.id, result: items.map((item) => (item.section ? (this.settings[item.section] ?? null) : this.settings)) });
      return;
    }
    this.send({ jsonrpc: '2.0', id: message.id, result: null });
  }

  private storeDiagnostics(params: { uri: string; diagnostics: Diagnostic[] }): void {
    this.diagnostics.set(params.uri, params.diagnostics);
    for (const waiter of [...this.diagnosticWaiters]) {
      if (waiter.uri === params.uri && waiter.check(params.diagnostics)) {
        this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  }

  request<T>(method: string, params: unknown): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next diagnostics published for `uri` that satisfy `check` (the latest ones if they already do). */
  waitForDiagnostics(uri: string, check: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && check(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}`)), timeoutMs);
      this.diagnosticWaiters.push({
        uri,
        check,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  /** `initialize` with the workspace folder, then `initialized` and the settings. */
  async initialize(rootUri: string): Promise<unknown> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['plaintext'] } },
          hover: { contentFormat: ['plaintext'] },
          publishDiagnostics: {},
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
    return result;
  }

  open(uri: string, text: string): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = await this.request<{ items: CompletionItem[] } | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** `shutdown` then `exit`; kills the server if it does not leave within a second. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await Promise.race([this.request('shutdown', null).catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    this.notify('exit', null);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
    await exited;
    clearTimeout(timer);
  }
}
