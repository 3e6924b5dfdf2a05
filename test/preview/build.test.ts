/**
 * The preview's builder, with a renderer that records what it is asked to draw (no browser):
 * what is drawn again after a change, what a broken file shows, what a vanished folder shows.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CardRenderer, PreviewBuilder, type PreviewState } from '../../src/preview/build.js';
import type { RenderTarget } from '../../src/render/batch.js';
import { REPO } from '../helpers/cli.js';

const BASE = path.join(REPO, 'test', 'fixtures', 'malformed', 'base');

/** Draws a logigramme as its id and its first action's label, and remembers each call. */
class RecordingRenderer implements CardRenderer {
  calls: string[] = [];
  failing = new Set<string>();
  private label(target: RenderTarget): string {
    const action = Object.values(target.document.value.nodes).find((node) => node.type === 'action');
    return `${target.document.id}: ${action?.label ?? ''}`;
  }
  async diagram(target: RenderTarget): Promise<string> {
    this.calls.push(`diagram ${target.document.id}`);
    if (this.failing.has(target.document.id)) throw Object.assign(new Error('mermaid choked\nsecond line'), { hint: 'split it' });
    return `<svg>${this.label(target)}</svg>`;
  }
  async sheet(target: RenderTarget): Promise<string> {
    this.calls.push(`sheet ${target.document.id}`);
    return `<article>${this.label(target)}</article>`;
  }
}

describe('the preview builder', () => {
  let root: string;
  let renderer: RecordingRenderer;
  let builder: PreviewBuilder;
  let states: PreviewState[];
  const logigramme = () => path.join(root, 'logigramme.yaml');
  const original = readFileSync(path.join(BASE, 'logigramme.yaml'), 'utf8');
  const card = (id: string) => builder.current.cards.find((c) => c.id === id);

  beforeEach(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'logi-preview-build-'));
    cpSync(BASE, root, { recursive: true });
    writeFileSync(path.join(root, 'logi.config.yaml'), '# test\n');
    // A second logigramme: the same one under another id.
    writeFileSync(path.join(root, 'bis.yaml'), original.replace('id: mon-s1-depistage', 'id: mon-s1-bis'));
    renderer = new RecordingRenderer();
    states = [];
    builder = new PreviewBuilder({ paths: [], cwd: root, renderer, onState: (state) => states.push(state) });
    await builder.request();
  });

  afterEach(() => {
    builder.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('draws each logigramme once, diagrams first, and publishes the findings before any drawing', () => {
    expect(renderer.calls).toEqual(['diagram mon-s1-bis', 'diagram mon-s1-depistage', 'sheet mon-s1-bis', 'sheet mon-s1-depistage']);
    expect(builder.current.diagnostics).toEqual([]);
    expect(builder.current.building).toBe(false);
    expect(card('mon-s1-depistage')?.diagram).toEqual({ state: 'done', markup: '<svg>mon-s1-depistage: Glycémie veineuse à jeun</svg>' });
    // The first state showing the cards shows them undrawn: the findings did not wait for the drawings.
    const firstWithCards = states.find((s) => s.cards.length > 0)!;
    expect(firstWithCards.cards.map((c) => c.diagram.state)).toEqual(['pending', 'pending']);
    // Versions go up by one.
    expect(states.map((s) => s.version)).toEqual(states.map((_, i) => i + 1));
  });

  it('after a save, draws again only the logigramme that changed', async () => {
    renderer.calls = [];
    writeFileSync(logigramme(), original.replace('label: Glycémie veineuse à jeun', 'label: Glycémie capillaire'));
    await builder.request();
    expect(renderer.calls).toEqual(['diagram mon-s1-depistage', 'sheet mon-s1-depistage']);
    expect(card('mon-s1-depistage')?.diagram).toEqual({ state: 'done', markup: '<svg>mon-s1-depistage: Glycémie capillaire</svg>' });
    expect(card('mon-s1-bis')?.diagram).toEqual({ state: 'done', markup: '<svg>mon-s1-bis: Glycémie veineuse à jeun</svg>' });
  });

  it('draws both again when an actor they name is renamed in the registry', async () => {
    renderer.calls = [];
    const actors = path.join(root, 'acteurs.yaml');
    writeFileSync(actors, readFileSync(actors, 'utf8').replace('title: Laboratoire de biologie', 'title: Biologie médicale'));
    await builder.request();
    expect(renderer.calls.sort()).toEqual(['diagram mon-s1-bis', 'diagram mon-s1-depistage', 'sheet mon-s1-bis', 'sheet mon-s1-depistage']);
  });

  it('keeps the last drawing of a file with a syntax error, marked stale, and shows the error at its line', async () => {
    renderer.calls = [];
    const lines = original.split('\n');
    const line = lines.indexOf('    actor: laboratoire') + 1;
    lines[line - 1] = '\tactor: laboratoire';
    writeFileSync(logigramme(), lines.join('\n'));
    await builder.request();
    expect(renderer.calls).toEqual([]);
    expect(builder.current.diagnostics.map((d) => [d.ruleId, d.file, d.range.start.line])).toEqual([['yaml-syntax', 'logigramme.yaml', line]]);
    expect(builder.current.errorCount).toBe(1);
    expect(card('mon-s1-depistage')).toMatchObject({ stale: true, diagram: { state: 'done', markup: '<svg>mon-s1-depistage: Glycémie veineuse à jeun</svg>' } });
    expect(card('mon-s1-bis')?.stale).toBe(false);
    // Fixed as it was: the drawing kept for the stale card serves again, nothing is drawn.
    writeFileSync(logigramme(), original);
    await builder.request();
    expect(renderer.calls).toEqual([]);
    expect(card('mon-s1-depistage')?.stale).toBe(false);
    expect(builder.current.diagnostics).toEqual([]);
  });

  it('drops the card of a deleted file', async () => {
    unlinkSync(logigramme());
    await builder.request();
    expect(builder.current.cards.map((c) => c.id)).toEqual(['mon-s1-bis']);
  });

  it('shows a drawing that fails as a failure with its first line and hint, the other cards drawn', async () => {
    renderer.failing.add('mon-s1-bis');
    writeFileSync(path.join(root, 'bis.yaml'), original.replace('id: mon-s1-depistage', 'id: mon-s1-bis').replace('Glycémie veineuse', 'Glycémie'));
    await builder.request();
    expect(card('mon-s1-bis')?.diagram).toEqual({ state: 'failed', message: 'mermaid choked', hint: 'split it' });
    expect(card('mon-s1-depistage')?.diagram.state).toBe('done');
  });

  it('shows why when the given folder is gone, and recovers when it is back', async () => {
    // A folder with no logi.config.yaml above it: it is the workspace.
    const outside = mkdtempSync(path.join(os.tmpdir(), 'logi-preview-gone-'));
    const folder = path.join(outside, 'fiches');
    cpSync(BASE, folder, { recursive: true });
    const inFolder = new PreviewBuilder({ paths: ['fiches'], cwd: outside, renderer, onState: () => undefined });
    try {
      await inFolder.request();
      expect(inFolder.current.cards.map((c) => c.id)).toEqual(['mon-s1-depistage']);
      rmSync(folder, { recursive: true });
      await inFolder.request();
      expect(inFolder.current.failure?.message).toContain('fiches');
      expect(inFolder.current.cards).toEqual([]);
      cpSync(BASE, folder, { recursive: true });
      await inFolder.request();
      expect(inFolder.current.failure).toBeUndefined();
      expect(inFolder.current.cards.map((c) => c.id)).toEqual(['mon-s1-depistage']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a request during a build restarts it and ends with the newest files', async () => {
    renderer.calls = [];
    writeFileSync(logigramme(), original.replace('label: Glycémie veineuse à jeun', 'label: Première'));
    const first = builder.request();
    writeFileSync(logigramme(), original.replace('label: Glycémie veineuse à jeun', 'label: Seconde'));
    const second = builder.request();
    await Promise.all([first, second]);
    expect(card('mon-s1-depistage')?.diagram).toEqual({ state: 'done', markup: '<svg>mon-s1-depistage: Seconde</svg>' });
    expect(builder.current.building).toBe(false);
  });
});
