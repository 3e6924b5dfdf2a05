import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { colourFor } from '../cli/colour.js';
import { ProgressBar } from '../cli/progress.js';
import { t, translate } from '../i18n/catalogue.js';
import { haltIfInterrupted } from '../io/cleanup.js';
import { fitFileName } from '../io/file-names.js';
import { OutputSet } from '../io/output-set.js';
import { hasOwnKey } from '../language/records.js';
import { loadWorkspace } from '../language/workspace.js';
import { lint } from '../lint/engine.js';
import { escapeTerminal } from '../text/escape.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import {
  BROWSER_FORMATS,
  type BrowserFormat,
  DiagramError,
  needsBrowser,
  outputName,
  type RenderFormat,
  renderBrowserTarget,
  type RenderTarget,
  renderTargets,
  renderTextTarget,
  TEXT_FORMATS,
} from '../render/batch.js';
import { BrowserNotFoundError, findBrowser, type FoundBrowser } from '../render/browser.js';
import { pyramidToSvg } from '../render/pyramid.js';
import type { RenderSession } from '../render/session.js';
import type { Paper } from '../render/sheet-plan.js';

interface RenderOutput {
  out: string;
  format: RenderFormat | 'pyramid-svg';
  files: string[];
  browser?: { executablePath: string; source: string };
}

export default class Render extends LogiCommand {
  static override summary = translate('en', 'cli.command.render.summary');
  static override description = translate('en', 'cli.command.render.description');
  static override examples = [
    { description: translate('en', 'cli.command.render.example.0'), command: '<%= config.bin %> <%= command.id %> guidelines --format svg --out out/svg' },
    { description: translate('en', 'cli.command.render.example.1'), command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2 --format pdf --out out/fiches' },
    { description: translate('en', 'cli.command.render.example.2'), command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2/s2-suivi.yaml --format mmd --out out/mmd' },
    { description: translate('en', 'cli.command.render.example.3'), command: '<%= config.bin %> <%= command.id %> --pyramid diabete-t2 --territory douaisis --out out/pyramides' },
    { description: translate('en', 'cli.command.render.example.4'), command: '<%= config.bin %> <%= command.id %> --format png --browser /usr/bin/chromium' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: translate('en', 'cli.command.render.arg.paths'), ignoreStdin: true, required: false }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: translate('en', 'cli.command.render.flag.format'), options: [...TEXT_FORMATS, ...BROWSER_FORMATS], default: 'md' }),
    out: Flags.string({ char: 'o', description: translate('en', 'cli.command.render.flag.out'), default: 'out/render' }),
    browser: Flags.string({ description: translate('en', 'cli.command.render.flag.browser') }),
    pyramid: Flags.string({ description: translate('en', 'cli.command.render.flag.pyramid') }),
    territory: Flags.string({ description: translate('en', 'cli.command.render.flag.territory'), dependsOn: ['pyramid'] }),
    paper: Flags.string({ description: translate('en', 'cli.command.render.flag.paper'), options: ['a4', 'a3'], default: 'a4' }),
  };

  async run(): Promise<RenderOutput> {
    const { argv, flags } = await this.parse(Render);
    if (flags.pyramid) return this.renderPyramid(argv as string[], flags.pyramid, flags.territory, flags.out);
    const format = flags.format as RenderFormat;
    // The browser starts while the workspace is linted: the two take about as long.
    let browser: FoundBrowser | undefined;
    let opening: Promise<RenderSession | Error> | undefined;
    if (needsBrowser(format)) {
      try {
        browser = findBrowser(flags.browser === undefined ? {} : { flag: flags.browser });
      } catch (error) {
        if (error instanceof BrowserNotFoundError) return this.fail(error.message, error.hint);
        throw error;
      }
      const executablePath = browser.executablePath;
      opening = import('../render/session.js').then(
        ({ RenderSession }) => RenderSession.open({ executablePath }),
      ).catch(async (error: unknown) => {
        // Interrupted while starting, logi has killed the browser itself and is exiting.
        await haltIfInterrupted();
        return error instanceof Error ? error : new Error(String(error));
      });
    }
    const closeOpening = async () => {
      const session = await opening;
      if (session && !(session instanceof Error)) await session.close();
    };
    let set: OutputSet;
    let targets: RenderTarget[];
    try {
      targets = await this.lintedTargets(argv as string[]);
      // Checked before any drawing: a folder holding files logi did not write is refused at once.
      set = await OutputSet.prepare(flags.out, { command: 'render', names: targets.map((t) => outputName(t.document.id, format)) });
    } catch (error) {
      // A path that does not exist, input with errors, say: close the browser that was starting.
      await closeOpening();
      throw error;
    }
    try {
      if (!needsBrowser(format) || !opening || !browser) {
        const written: string[] = [];
        for (const target of targets) {
          const file = renderTextTarget(target, format as 'mmd' | 'md');
          written.push(await set.write(file.name, file.content));
        }
        await set.commit();
        this.closingLine(wroteLine(format, written.length, flags.out, flags.paper));
        return { out: path.resolve(flags.out), format, files: written };
      }
      const written = await this.renderInBrowser({ set, opening, browser, targets, format, paper: flags.paper as Paper });
      this.closingLine(`${wroteLine(format, written.length, flags.out, flags.paper)}${t('cli.render.with-browser', { source: browserSource(browser), path: browser.executablePath })}`);
      return { out: path.resolve(flags.out), format, files: written, browser };
    } finally {
      await set.discard();
    }
  }

  /** The logigrammes to render, once the input lints clean (else exit 2 with the errors). */
  private async lintedTargets(paths: string[]): Promise<RenderTarget[]> {
    const result = await lint({ paths });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || result.exitCode === 2) {
      if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(errors, { color: colourFor(process.stderr), sources: new Map() })}\n`);
      return this.fail(t('cli.render.input-errors', { count: errors.length }), t('cli.render.input-errors.hint'));
    }
    const targets = renderTargets(result.workspace);
    if (targets.length === 0) return this.fail(t('cli.render.no-logigramme'), t('cli.render.no-logigramme.hint'));
    return targets;
  }

  /** Draws every target in the browser session into the set, closes the browser, then commits the set; returns the final paths. */
  private async renderInBrowser(job: { set: OutputSet; opening: Promise<RenderSession | Error>; browser: FoundBrowser; targets: RenderTarget[]; format: RenderFormat; paper: Paper }): Promise<string[]> {
    const { set, browser, targets } = job;
    const format = job.format as BrowserFormat;
    const progress = new ProgressBar();
    progress.update(0, targets.length, t('render.progress.starting-browser'));
    const session = await job.opening;
    if (session instanceof Error) {
      progress.done();
      const message = session.message.split('\n')[0]!;
      return this.fail(t('cli.render.browser-start-failed', { path: browser.executablePath, source: browserSource(browser), message }), t('cli.render.browser-start-failed.hint'));
    }
    const written: string[] = [];
    try {
      for (const [i, target] of targets.entries()) {
        progress.update(i, targets.length, t('render.progress.rendering', { format }));
        // The PDF's producer names the command (`logi`), not the npm package (`@logi-sante/logi`).
        const file = await renderBrowserTarget(session, target, format, `${this.config.bin} ${this.config.version}`, { paper: job.paper });
        for (const warning of file.warnings ?? []) process.stderr.write(`${escapeTerminal(t('cli.render.warning', { file: file.name, message: warning }))}\n`);
        written.push(await set.write(file.name, file.content));
      }
      progress.update(targets.length, targets.length, t('render.progress.rendering', { format }));
    } catch (error) {
      progress.done();
      if (error instanceof DiagramError) return this.fail(t('cli.render.diagram-failed', { file: error.file, message: error.message, dir: set.dir }), error.hint);
      throw error;
    } finally {
      progress.done();
      await session.close();
    }
    await set.commit();
    return written;
  }

  private closingLine(text: string): void {
    if (!this.jsonEnabled()) this.logInert(text);
  }

  private async renderPyramid(paths: string[], pyramidId: string, territoryId: string | undefined, out: string): Promise<RenderOutput> {
    const workspace = await loadWorkspace({ paths });
    const errors = workspace.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || workspace.hasUnreadableInput) {
      if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(errors, { color: colourFor(process.stderr), sources: new Map() })}\n`);
      return this.fail(t('cli.render.input-errors', { count: errors.length }), t('cli.render.input-errors.hint'));
    }
    const pyramid = workspace.index.Pyramid.get(pyramidId);
    if (!pyramid) return this.fail(t('cli.render.no-pyramid', { id: pyramidId }), t('cli.render.known-pyramids', { ids: [...workspace.index.Pyramid.keys()] }));
    const territories = territoryId === undefined ? [...workspace.index.Territory.values()].filter((t) => hasOwnKey(t.value.pyramids, pyramidId)) : [workspace.index.Territory.get(territoryId)];
    if (territoryId !== undefined && territories[0] === undefined) return this.fail(t('cli.render.no-territory', { id: territoryId }), t('cli.render.known-territories', { ids: [...workspace.index.Territory.keys()] }));
    if (territories.length === 0) return this.fail(t('cli.render.no-territory-counts', { pyramid: pyramidId }), t('cli.render.no-territory-counts.hint'));
    for (const territory of territories) {
      if (!hasOwnKey(territory!.value.pyramids, pyramidId)) return this.fail(t('cli.render.territory-lacks-pyramid', { territory: territory!.id, pyramid: pyramidId }), t('cli.render.it-counts', { pyramids: Object.keys(territory!.value.pyramids) }));
    }
    const figures = territories.map((territory) => ({ name: fitFileName(`${pyramidId}-${territory!.id}`, '.svg'), svg: pyramidToSvg(pyramid.value, territory!.value).svg }));
    const set = await OutputSet.prepare(out, { command: 'render', names: figures.map((f) => f.name) });
    try {
      const written: string[] = [];
      for (const figure of figures) written.push(await set.write(figure.name, figure.svg));
      await set.commit();
      this.closingLine(t('cli.render.wrote.pyramid', { count: written.length, out }));
      return { out: path.resolve(out), format: 'pyramid-svg', files: written };
    } finally {
      await set.discard();
    }
  }
}

/** "✔ wrote 3 memo sheets to out/render", in the user's language; PDF sheets name their paper. */
function wroteLine(format: RenderFormat, count: number, out: string, paper: string): string {
  if (format === 'pdf') return t('cli.render.wrote.pdf', { count, out, paper: paper.toUpperCase() });
  const id = ({ mmd: 'cli.render.wrote.mmd', md: 'cli.render.wrote.md', svg: 'cli.render.wrote.svg', png: 'cli.render.wrote.png' } as const)[format];
  return t(id, { count, out });
}

/** Where the browser was found, in words: the flag, the variable, puppeteer's cache, the system. */
function browserSource(browser: FoundBrowser): string {
  const id = ({ flag: 'cli.render.browser-source.flag', PUPPETEER_EXECUTABLE_PATH: 'cli.render.browser-source.env', 'puppeteer cache': 'cli.render.browser-source.cache', system: 'cli.render.browser-source.system' } as const)[browser.source];
  return t(id);
}
