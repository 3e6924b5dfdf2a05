import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { ProgressBar } from '../cli/progress.js';
import { haltIfInterrupted } from '../io/cleanup.js';
import { fitFileName } from '../io/file-names.js';
import { OutputSet } from '../io/output-set.js';
import { hasOwnKey } from '../language/records.js';
import { loadWorkspace } from '../language/workspace.js';
import { lint } from '../lint/engine.js';
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

interface RenderOutput {
  out: string;
  format: RenderFormat | 'pyramid-svg';
  files: string[];
  browser?: { executablePath: string; source: string };
}

export default class Render extends LogiCommand {
  static override summary = 'Render logigrammes as Mermaid text, memo sheets, SVG, PNG or A4 PDF; or a territory pyramid as SVG.';
  static override description = `Writes one file per logigramme found in the given files or folders (default: the workspace), named after its id:
  mmd  deterministic Mermaid flowchart text, every label quoted and escaped
  md   the memo sheet (fiche mémo) in Markdown: diagram, table of actions, sources
  svg  the diagram as a standalone SVG (no script, no event attribute, labels as plain text)
  png  the diagram as a PNG at twice the screen density
  pdf  the memo sheet on one A4 page: title, stratum, diagram, actor legend, table of actions, sources

svg, png and pdf use one headless Chromium and one page for the whole batch, found from --browser, PUPPETEER_EXECUTABLE_PATH, puppeteer's cache, then the system's Chromium or Chrome.

With --pyramid, draws that pyramid for --territory (or for every territory that counts it) as an SVG of stacked strata, widths by count, with counts and percentages; no browser needed.

The workspace must lint clean (errors are printed, exit 2). DIR is written as a whole: the files go into a temporary folder beside it, which replaces DIR only once every file is drawn, so DIR holds either its previous files or all of the new ones, never a mix. logi refuses to replace a DIR that holds files it did not write (exit 2). A diagram whose Mermaid text exceeds 50,000 characters, or that the browser cannot draw, stops the batch (exit 2) and DIR is left as it was.`;
  static override examples = [
    { description: 'Every bundled logigramme as SVG', command: '<%= config.bin %> <%= command.id %> guidelines --format svg --out out/svg' },
    { description: 'A4 PDF memo sheets of the diabetes logigrammes', command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2 --format pdf --out out/fiches' },
    { description: 'Mermaid text of one logigramme', command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2/s2-suivi.yaml --format mmd --out out/mmd' },
    { description: "The Douaisis' diabetes pyramid", command: '<%= config.bin %> <%= command.id %> --pyramid diabete-t2 --territory douaisis --out out/pyramides' },
    { description: 'With a browser of your choice', command: '<%= config.bin %> <%= command.id %> --format png --browser /usr/bin/chromium' },
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'files or folders holding logigrammes (default: the workspace)', required: false }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: 'output format', options: [...TEXT_FORMATS, ...BROWSER_FORMATS], default: 'md' }),
    out: Flags.string({ char: 'o', description: 'folder to write into', default: 'out/render' }),
    browser: Flags.string({ description: 'Chromium or Chrome executable for svg, png and pdf (default: found automatically)' }),
    pyramid: Flags.string({ description: 'draw this pyramid (id) as an SVG for --territory instead of rendering logigrammes' }),
    territory: Flags.string({ description: 'territory (id) whose counts the pyramid shows; every territory that counts it when omitted', dependsOn: ['pyramid'] }),
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
        this.closingLine(`✔ wrote ${count(written.length, WHAT[format])} to ${flags.out}`);
        return { out: path.resolve(flags.out), format, files: written };
      }
      const written = await this.renderInBrowser({ set, opening, browser, targets, format });
      this.closingLine(`✔ wrote ${count(written.length, WHAT[format])} to ${flags.out} (${browser.source} browser ${browser.executablePath})`);
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
      if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(errors, { color: false, sources: new Map() })}\n`);
      return this.fail(`the input has ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing was written`, 'fix them first; `logi lint` shows them with their context');
    }
    const targets = renderTargets(result.workspace);
    if (targets.length === 0) return this.fail('no logigramme found in the given paths', 'give a folder or file that holds `kind: Logigramme` documents');
    return targets;
  }

  /** Draws every target in the browser session into the set, closes the browser, then commits the set; returns the final paths. */
  private async renderInBrowser(job: { set: OutputSet; opening: Promise<RenderSession | Error>; browser: FoundBrowser; targets: RenderTarget[]; format: RenderFormat }): Promise<string[]> {
    const { set, browser, targets } = job;
    const format = job.format as BrowserFormat;
    const progress = new ProgressBar();
    progress.update(0, targets.length, 'starting Chromium');
    const session = await job.opening;
    if (session instanceof Error) {
      progress.done();
      return this.fail(`could not start the browser at ${browser.executablePath} (${browser.source}): ${session.message.split('\n')[0]}`, 'check that it runs (`chromium --version`), or choose another with --browser PATH');
    }
    const written: string[] = [];
    try {
      for (const [i, target] of targets.entries()) {
        progress.update(i, targets.length, `rendering ${format}`);
        const file = await renderBrowserTarget(session, target, format, `${this.config.name} ${this.config.version}`);
        written.push(await set.write(file.name, file.content));
      }
      progress.update(targets.length, targets.length, `rendering ${format}`);
    } catch (error) {
      progress.done();
      if (error instanceof DiagramError) return this.fail(`${error.file}: ${error.message}; nothing was written, ${set.dir} is as it was`, error.hint);
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
      if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(errors, { color: false, sources: new Map() })}\n`);
      return this.fail(`the input has ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing was written`, 'fix them first; `logi lint` shows them with their context');
    }
    const pyramid = workspace.index.Pyramid.get(pyramidId);
    if (!pyramid) return this.fail(`no pyramid \`${pyramidId}\` in the workspace`, `known pyramids: ${[...workspace.index.Pyramid.keys()].join(', ') || 'none'}`);
    const territories = territoryId === undefined ? [...workspace.index.Territory.values()].filter((t) => hasOwnKey(t.value.pyramids, pyramidId)) : [workspace.index.Territory.get(territoryId)];
    if (territoryId !== undefined && territories[0] === undefined) return this.fail(`no territory \`${territoryId}\` in the workspace`, `known territories: ${[...workspace.index.Territory.keys()].join(', ') || 'none'}`);
    if (territories.length === 0) return this.fail(`no territory counts pyramid \`${pyramidId}\``, 'add `pyramids: { <id>: { counts: … } }` to a territory');
    for (const territory of territories) {
      if (!hasOwnKey(territory!.value.pyramids, pyramidId)) return this.fail(`territory \`${territory!.id}\` has no counts for pyramid \`${pyramidId}\``, `it counts: ${Object.keys(territory!.value.pyramids).join(', ')}`);
    }
    const figures = territories.map((territory) => ({ name: fitFileName(`${pyramidId}-${territory!.id}`, '.svg'), svg: pyramidToSvg(pyramid.value, territory!.value).svg }));
    const set = await OutputSet.prepare(out, { command: 'render', names: figures.map((f) => f.name) });
    try {
      const written: string[] = [];
      for (const figure of figures) written.push(await set.write(figure.name, figure.svg));
      await set.commit();
      this.closingLine(`✔ wrote ${count(written.length, 'pyramid')} to ${out}`);
      return { out: path.resolve(out), format: 'pyramid-svg', files: written };
    } finally {
      await set.discard();
    }
  }
}

const WHAT: Record<RenderFormat, string> = { mmd: 'Mermaid file', md: 'memo sheet', svg: 'SVG diagram', png: 'PNG diagram', pdf: 'A4 PDF memo sheet' };

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
