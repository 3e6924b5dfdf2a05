/**
 * `logi preview` end to end, as an author uses it: the CLI serves a temporary copy of a small
 * workspace, a headless Chromium opens the page, and the test edits the files on disk the ways
 * editors save them. Runs in CI always (a missing browser fails it: test/helpers/browser.ts).
 *
 * Expected values come from the files the test writes: the label it types, the line where it puts
 * a tab (found in the file's text), the server's origin it printed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../src/render/browser.js';
import { browserPath, RUN_BROWSER_TESTS } from '../helpers/browser.js';
import { BIN, hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { until } from '../helpers/poll.js';

const BASE = path.join(REPO, 'test', 'fixtures', 'malformed', 'base');

interface PreviewRun {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | NodeJS.Signals | null>;
}

/** Starts `logi preview --json` in `cwd` and resolves with the URL it prints once listening. */
async function startPreview(cwd: string, tmp: string, args: string[] = []): Promise<PreviewRun> {
  const child = spawn(process.execPath, [BIN, 'preview', '--json', '--browser', browserPath(), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1', LOGI_DEBUG: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const listening = await until(() => stdout.includes('\n') || child.exitCode !== null, 60_000, 50);
  expect(listening && child.exitCode === null, `logi preview did not start: ${stderr}`).toBe(true);
  const { url } = JSON.parse(stdout.split('\n')[0]!) as { url: string };
  return { child, url, stderr: () => stderr, exited };
}

/** What the diagram of the one card shows, as text without whitespace (mermaid sets each line of a label apart). */
function diagramText(page: Page): Promise<string> {
  return page.$eval('.card .diagram-view', (view) => [...view.querySelectorAll('svg text')].map((t) => t.textContent).join('').replace(/\s+/g, '')).catch(() => '');
}

/** The page condition: the diagram shows `text` (whitespace aside). */
function diagramShows(text: string): string {
  return `[...document.querySelectorAll('.card .diagram-view svg text')].map((t) => t.textContent).join('').replace(/\\s+/g, '').includes(${JSON.stringify(text.replace(/\s+/g, ''))})`;
}

/** Waits until `condition` holds in the page; resolves with the milliseconds it took, or throws after `ms`. */
async function waitInPage(page: Page, condition: string, ms: number, started = Date.now()): Promise<number> {
  await page.waitForFunction(condition, { timeout: ms, polling: 10 });
  return Date.now() - started;
}

/** The status of GET `url` sent with this `Host` header (fetch does not let a caller choose it). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Host: host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

describe.runIf(RUN_BROWSER_TESTS)('logi preview in Chromium', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'logi-preview-'));
  const workspace = path.join(scratch, 'workspace');
  const tmp = path.join(scratch, 'tmp');
  const file = path.join(workspace, 'logigramme.yaml');
  const original = readFileSync(path.join(BASE, 'logigramme.yaml'), 'utf8');
  let run: PreviewRun;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];
  const delays: number[] = [];

  beforeAll(async () => {
    cpSync(BASE, workspace, { recursive: true });
    writeFileSync(path.join(workspace, 'logi.config.yaml'), '# a copy of test/fixtures/malformed/base\n');
    mkdirSync(tmp);
    run = await startPreview(workspace, tmp, ['--lang', 'fr']);
    browser = await puppeteer.launch({ executablePath: browserPath(), headless: true, args: chromiumArgs() });
    page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(run.url, { waitUntil: 'load' });
    await waitInPage(page, `document.querySelector('.card .diagram-view svg') && document.querySelector('.card .sheet-view .memo')`, 60_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the diagram as `logi render` draws it, the memo sheet, and no problem, in French', async () => {
    expect(await diagramText(page)).toContain('Glycémieveineuseàjeun');
    expect(await page.$eval('#problems', (p) => p.textContent)).toContain('Aucun problème');
    expect(await page.$eval('html', (html) => html.lang)).toBe('fr');
    // The memo sheet: its table lists the two actions and the decision between them, in the file's
    // order, the decision by its label (its thresholds follow in the row, docs/render.md).
    const rows = await page.$$eval('.card .sheet-view table tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(rows).toEqual(['Glycémie veineuse à jeun', 'Glycémie à jeun ≥ 1,26 g/L ?', "Consultation de diagnostic et d'annonce"]);
    await page.click('.card button[data-view="sheet"]');
    expect(await page.$eval('.card .sheet-view', (v) => getComputedStyle(v).display)).not.toBe('none');
    expect(await page.$eval('.card .diagram-view', (v) => getComputedStyle(v).display)).toBe('none');
    await page.click('.card button[data-view="diagram"]');
  });

  // The refresh delay is a figure, not an assertion (speed is measured outside unit tests: the
  // delays printed here are recorded in docs/performance.md); the test asserts that each save shows.
  it('a label edited on disk shows in the page, three times in a row, updated in place', async () => {
    const reported: number[] = [];
    for (const n of [1, 2, 3]) {
      const started = Date.now();
      writeFileSync(file, original.replace('label: Glycémie veineuse à jeun', `label: Glycémie veineuse ZETA${n}`));
      delays.push(await waitInPage(page, diagramShows(`ZETA${n}`), 10_000, started));
      // What the page says of it: from the save seen to the diagram published.
      await waitInPage(page, `document.querySelector('#status .when[data-refresh-ms]') && !document.querySelector('#status .building')`, 10_000);
      reported.push(Number(await page.$eval('#status .when', (when) => (when as HTMLElement).dataset.refreshMs)));
    }
    console.log(`logi preview: save → page updated in ${delays.join(', ')} ms (the preview reports ${reported.join(', ')} ms; load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
    for (const [i, ms] of reported.entries()) expect(ms).toBeLessThanOrEqual(delays[i]!);
    // Updated in place: the page was never reloaded.
    expect(requests.filter((url) => url === run.url)).toHaveLength(1);
  });

  it('a YAML syntax error shows its finding with its line, the diagram kept as stale; fixing it brings the diagram back', async () => {
    const lines = original.split('\n');
    const line = lines.findIndex((l) => l === '    actor: laboratoire') + 1;
    expect(line).toBeGreaterThan(1);
    lines[line - 1] = '\tactor: laboratoire';
    writeFileSync(file, lines.join('\n'));
    await waitInPage(page, `[...document.querySelectorAll('#problems .problem')].some((p) => p.dataset.rule === 'yaml-syntax')`, 10_000);
    const where = await page.$$eval('#problems .problem', (items) => items.map((p) => ({ where: p.querySelector('.where')?.textContent, severity: p.querySelector('.severity')?.textContent })));
    expect(where).toContainEqual({ where: expect.stringMatching(new RegExp(`^logigramme\\.yaml:${line}:\\d+$`)), severity: 'erreur' });
    await waitInPage(page, `document.querySelector('.card.stale .stale-note') !== null`, 10_000);
    writeFileSync(file, original);
    await waitInPage(page, `document.querySelectorAll('#problems .problem').length === 0 && document.querySelector('.card.stale') === null`, 10_000);
    await waitInPage(page, diagramShows('Glycémie veineuse à jeun'), 10_000);
  });

  it('sees saves by rename (vim, VS Code) and a file deleted then created again', async () => {
    // Atomic save: a temporary file renamed over the old one (a new inode).
    const temporary = path.join(workspace, '.logigramme.yaml.tmp-4913');
    writeFileSync(temporary, original.replace('Glycémie veineuse à jeun', 'Glycémie RENAMED'));
    renameSync(temporary, file);
    await waitInPage(page, diagramShows('RENAMED'), 10_000);
    // vim's default: the file moved to a backup, a new file written, the backup removed.
    renameSync(file, `${file}~`);
    writeFileSync(file, original.replace('Glycémie veineuse à jeun', 'Glycémie VIMSAVE'));
    unlinkSync(`${file}~`);
    await waitInPage(page, diagramShows('VIMSAVE'), 10_000);
    unlinkSync(file);
    await waitInPage(page, `document.querySelectorAll('.card').length === 0`, 10_000);
    writeFileSync(file, original.replace('Glycémie veineuse à jeun', 'Glycémie RECREATED'));
    await waitInPage(page, diagramShows('RECREATED'), 10_000);
  });

  it('shows user text as text: a hostile title is no markup, runs nothing', async () => {
    const hostile = '<img src=x onerror="document.title=1">&amp; <script>alert(1)</script>';
    writeFileSync(file, original.replace('title: À risque — dépistage ciblé', `title: '${hostile}'`));
    await waitInPage(page, `document.querySelector('.card h3')?.textContent.includes('<script>')`, 10_000);
    expect(await page.$eval('.card h3', (h) => h.textContent)).toBe(hostile);
    expect(await page.$$eval('main img, main script', (found) => found.length)).toBe(0);
    writeFileSync(file, original);
    await waitInPage(page, `document.querySelector('.card h3')?.textContent === 'À risque — dépistage ciblé'`, 10_000);
  });

  it('loads nothing but from its own origin, with a policy that forbids the rest, and no error in the page', async () => {
    const origin = new URL(run.url).origin;
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    const response = await fetch(run.url);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'nonce-[^']+'/);
    expect(policy).toMatch(/connect-src 'self'/);
    // A name other than the preview's own address (DNS rebinding) is refused.
    expect(await statusWithHost(run.url, `attacker.example:${new URL(run.url).port}`)).toBe(403);
    expect(await statusWithHost(run.url, `localhost:${new URL(run.url).port}`)).toBe(200);
  });

  it('SIGTERM closes the watcher, the server and the browser: no stack trace, no Chromium, no profile left', async () => {
    await browser.close();
    run.child.kill('SIGTERM');
    const code = await run.exited;
    expect(code === 'SIGTERM' || code === 143, String(code)).toBe(true);
    expect(hasStackTrace(run.stderr())).toBe(false);
    await expect(fetch(run.url)).rejects.toThrow();
    expect(await until(() => readdirSync(tmp).length === 0, 10_000, 50), `left in TMPDIR: ${readdirSync(tmp).join(', ')}`).toBe(true);
  });
});

describe('logi preview refuses to serve beyond loopback', () => {
  it('--host 0.0.0.0 without --allow-remote: exit 2, a clear error and a hint, in English and in French', () => {
    const en = runCli(['preview', '--host', '0.0.0.0']);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(/refusing to serve on `0\.0\.0\.0`.*loopback only/);
    expect(en.stderr).toMatch(/hint: .*--allow-remote/);
    const fr = runCli(['preview', '--host', '0.0.0.0', '--lang', 'fr']);
    expect(fr.status).toBe(2);
    expect(fr.stderr).toMatch(/refus de servir sur `0\.0\.0\.0`.*boucle locale/);
    expect(fr.stderr).toMatch(/conseil : .*--allow-remote/);
    for (const run of [en, fr]) expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('also refuses a machine name or a LAN address, and --json reports the refusal as JSON', () => {
    for (const host of ['192.168.1.10', 'example.org', '::']) {
      const run = runCli(['preview', '--host', host, '--json']);
      expect(run.status, host).toBe(2);
      expect(JSON.parse(run.stdout).error.message, host).toContain(`\`${host}\``);
    }
  });
});
