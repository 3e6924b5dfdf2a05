/**
 * What the preview shows, kept up to date: the lint findings of the workspace and, for each
 * logigramme, its diagram and its memo sheet.
 *
 * On every change the whole workspace is linted again: a change in one file can change the
 * findings of another (an actor renamed in the registry breaks every logigramme that names it),
 * and linting is cheap next to drawing. Drawing is what is spared: a logigramme is drawn again only
 * when something its drawing depends on has changed (its document, the actors' titles, its
 * stratum's title: the `key` of a card), so saving one file of ten redraws one diagram.
 *
 * A build publishes as it goes: the findings first, then each diagram, then, after a quiet moment
 * (SHEET_DELAY_MS), each memo sheet, so the page shows a new finding at once and a new diagram as
 * soon as it is drawn. A change during a build stops it at its next drawing and starts another;
 * what was drawn stays in the cache.
 *
 * A logigramme whose file stops loading (a YAML syntax error while typing) keeps its last drawing,
 * marked stale, until the file loads again or is deleted: the author keeps the picture while
 * fixing the text.
 */
import { existsSync } from 'node:fs';
import { t } from '../i18n/catalogue.js';
import { shortHash } from '../io/file-names.js';
import { countBySeverity, type Diagnostic } from '../language/diagnostic.js';
import { byCodePoint } from '../language/order.js';
import { UsageError } from '../language/workspace.js';
import { lint, type LintResult } from '../lint/engine.js';
import { renderTargets, type RenderTarget } from '../render/batch.js';

export type Rendering = { state: 'pending' } | { state: 'done'; markup: string } | { state: 'failed'; message: string; hint?: string };

export interface PreviewCard {
  id: string;
  title: string;
  stratum: string;
  /** The file as the findings name it (relative to the current folder when inside it). */
  file: string;
  absolutePath: string;
  /** A hash of everything the drawings depend on: the same key, the same drawings. */
  key: string;
  diagram: Rendering;
  sheet: Rendering;
  /** The file no longer loads: these are the drawings of its last version that did. */
  stale: boolean;
}

export interface PreviewState {
  /** Goes up by one with every state published. */
  version: number;
  /** From a change seen until its findings and diagrams are published (memo sheets come later). */
  building: boolean;
  builtAt?: Date;
  root?: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  cards: PreviewCard[];
  /** Why the workspace could not be loaded at all (the given folder was removed, say). */
  failure?: { message: string; hint?: string };
  /** Milliseconds from the first change seen (a save) to its findings and diagrams published. */
  refreshMs?: number;
}

/** Draws what a card shows; the preview's is the render session of `logi render` (render.ts). */
export interface CardRenderer {
  /** The diagram, as `logi render --format svg` writes it. */
  diagram(target: RenderTarget): Promise<string>;
  /** The memo sheet, as the HTML that `logi render --format pdf` prints. */
  sheet(target: RenderTarget): Promise<string>;
}

export interface BuildReport {
  ms: number;
  errors: number;
  warnings: number;
  logigrammes: number;
}

export interface BuilderOptions {
  paths: readonly string[];
  cwd: string;
  renderer: CardRenderer;
  onState: (state: PreviewState) => void;
  /** After each lint that loaded the workspace (its folders may have changed). */
  onLinted?: (result: LintResult) => void;
  /** After each build that ran to its end. */
  onBuilt?: (report: BuildReport) => void;
}

type Part = 'diagram' | 'sheet';

/**
 * Memo sheets are drawn after the diagrams, once no save has come for this long: an author saving
 * again and again sees each new diagram at once, rather than after the sheet of the previous save.
 */
export const SHEET_DELAY_MS = 300;
const PENDING: Rendering = { state: 'pending' };

/** Everything a target's drawings depend on, whatever fields render targets gain later. */
function drawingKey(target: RenderTarget): string {
  const { document, ...rest } = target;
  return shortHash(JSON.stringify({ value: document.value, ...rest }));
}

function failedRendering(error: unknown): Rendering {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const hint = (error as { hint?: unknown }).hint;
  return { state: 'failed', message, ...(typeof hint === 'string' ? { hint } : {}) };
}

export class PreviewBuilder {
  private state: PreviewState = { version: 0, building: true, diagnostics: [], errorCount: 0, warningCount: 0, cards: [] };
  /** Drawings by key; kept for the cards of the last build only. */
  private readonly drawings = new Map<string, Record<Part, Rendering>>();
  private targets = new Map<string, RenderTarget>();
  private requested = 0;
  private finished = 0;
  private running: Promise<void> | undefined;
  private stopped = false;
  private seed: LintResult | undefined;
  /** When the oldest change not yet shown was seen. */
  private since: number | undefined;
  /** Ends the wait before the memo sheets (quietFor) when a new build is asked for. */
  private wake: (() => void) | undefined;

  constructor(private readonly options: BuilderOptions) {}

  get current(): PreviewState {
    return this.state;
  }

  /**
   * Asks for a build; a build under way stops at its next drawing and starts again. `since`: when
   * the change was first seen (ms since the epoch), for `refreshMs`. `seed`, the lint result just
   * computed by the caller, saves the first build from linting twice. Resolves when no build is
   * left to run.
   */
  request(options: { since?: number; seed?: LintResult } = {}): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (options.seed) this.seed = options.seed;
    if (options.since !== undefined) this.since = Math.min(this.since ?? options.since, options.since);
    this.requested += 1;
    this.wake?.();
    this.running ??= this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /** No build starts after this, and one under way stops at its next step. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Waits `ms`; false at once if a build is asked for meanwhile (or the builder stops). */
  private quietFor(ms: number, generation: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(this.isCurrent(generation));
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(false);
      };
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped && this.finished < this.requested) {
      const generation = this.requested;
      try {
        await this.build(generation);
      } catch (error) {
        // A bug, not the user's input: say so on the page rather than stop refreshing.
        this.publish({ building: false, failure: { message: t('preview.build-failed', { message: error instanceof Error ? error.message : String(error) }) } });
      }
      this.finished = generation;
    }
  }

  private isCurrent(generation: number): boolean {
    return !this.stopped && generation === this.requested;
  }

  private async build(generation: number): Promise<void> {
    const started = performance.now();
    this.publish({ building: true });
    const result = await this.lintOrFail();
    if (!result || !this.isCurrent(generation)) return;
    this.options.onLinted?.(result);
    this.showFindings(result);
    for (const part of ['diagram', 'sheet'] as const) {
      if (part === 'sheet') {
        this.publishRefreshed();
        if (this.state.cards.some((c) => c.sheet.state === 'pending') && !(await this.quietFor(SHEET_DELAY_MS, generation))) return;
      }
      for (const card of this.state.cards) {
        if (!this.isCurrent(generation)) return;
        const target = this.targets.get(card.id);
        if (!target || card[part].state !== 'pending' || card.stale) continue;
        const rendering = await this.draw(target, part);
        if (this.stopped) return;
        this.drawings.set(card.key, { ...(this.drawings.get(card.key) ?? { diagram: PENDING, sheet: PENDING }), [part]: rendering });
        this.publish({ cards: this.state.cards.map((c) => (c.id === card.id && c.key === card.key ? { ...c, [part]: rendering } : c)) });
      }
    }
    this.publish({ building: false });
    const { errorCount: errors, warningCount: warnings } = this.state;
    this.options.onBuilt?.({ ms: Math.round(performance.now() - started), errors, warnings, logigrammes: this.targets.size });
  }

  /** The findings and diagrams of the changes seen are all published: says how long that took. */
  private publishRefreshed(): void {
    const since = this.since;
    this.since = undefined;
    this.publish(since === undefined ? { building: false, builtAt: new Date() } : { building: false, builtAt: new Date(), refreshMs: Date.now() - since });
  }

  /** The seed or a new lint; a workspace that cannot be loaded at all becomes the page's failure. */
  private async lintOrFail(): Promise<LintResult | undefined> {
    const seed = this.seed;
    this.seed = undefined;
    if (seed) return seed;
    try {
      return await lint({ paths: this.options.paths, cwd: this.options.cwd });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      this.targets = new Map();
      this.publish({ building: false, cards: [], diagnostics: [], errorCount: 0, warningCount: 0, failure: { message: error.message, ...(error.hint ? { hint: error.hint } : {}) } });
      return undefined;
    }
  }

  /** Publishes the findings and the cards, drawn from the cache where their key is known. */
  private showFindings(result: LintResult): void {
    const targets = renderTargets(result.workspace);
    this.targets = new Map(targets.map((target) => [target.document.id, target]));
    const cards: PreviewCard[] = targets.map((target) => {
      const key = drawingKey(target);
      const drawn = this.drawings.get(key);
      const { document } = target;
      const file = document.source.file;
      return { id: document.id, title: document.value.title, stratum: document.value.stratum, file, absolutePath: document.source.absolutePath, key, diagram: drawn?.diagram ?? PENDING, sheet: drawn?.sheet ?? PENDING, stale: false };
    });
    const stale = this.staleCards(result.diagnostics, new Set(this.targets.keys()));
    const shown = [...cards, ...stale].sort((a, b) => byCodePoint(a.id, b.id));
    const keep = new Set(shown.map((c) => c.key));
    for (const key of this.drawings.keys()) if (!keep.has(key)) this.drawings.delete(key);
    const counts = countBySeverity(result.diagnostics);
    this.publish({ root: result.workspace.root, diagnostics: result.diagnostics, errorCount: counts.error, warningCount: counts.warning, cards: shown, failure: undefined });
  }

  /** Cards of logigrammes no longer loaded whose file still exists and has errors: kept, marked stale. */
  private staleCards(diagnostics: readonly Diagnostic[], loaded: ReadonlySet<string>): PreviewCard[] {
    const filesWithErrors = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    return this.state.cards
      .filter((c) => !loaded.has(c.id) && c.diagram.state === 'done' && filesWithErrors.has(c.file) && existsSync(c.absolutePath))
      .map((c) => (c.stale ? c : { ...c, stale: true }));
  }

  private async draw(target: RenderTarget, part: Part): Promise<Rendering> {
    try {
      const markup = part === 'diagram' ? await this.options.renderer.diagram(target) : await this.options.renderer.sheet(target);
      return { state: 'done', markup };
    } catch (error) {
      return failedRendering(error);
    }
  }

  private publish(patch: Partial<PreviewState>): void {
    const next: PreviewState = { ...this.state, ...patch, version: this.state.version + 1 };
    if ('failure' in patch && patch.failure === undefined) delete next.failure;
    this.state = next;
    this.options.onState(next);
  }
}
