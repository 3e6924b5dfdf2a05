import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { ProgressBar } from '../cli/progress.js';
import { writeFileAtomic } from '../io/atomic.js';
import { loadWorkspace } from '../language/workspace.js';
import { lint } from '../lint/engine.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import {
  BROWSER_FORMATS,
  DiagramError,
  needsBrowser,
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

The workspace must lint clean (errors are printed, exit 2). Each file is written atomically.`;
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
      ).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    }
    const closeOpening = async () => {
      const session = await opening;
      if (session && !(session instanceof Error)) await session.close();
    };
    let result: Awaited<ReturnType<typeof lint>>;
    try {
      result = await lint({ paths: argv as string[] });
    } catch (error) {
      // A path that does not exist, say: close the browser that was starting, then report.
      await closeOpening();
      throw error;
    }
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || result.exitCode === 2) {
      await closeOpening();
      if (!this.jsonEnabled()) process.stderr.write(`${formatStylish(errors, { color: false, sources: new Map() })}\n`);
      return this.fail(`the input has ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing was written`, 'fix them first; `logi lint` shows them with their context');
    }
    const targets = renderTargets(result.workspace);
    if (targets.length === 0) {
      await closeOpening();
      return this.fail('no logigramme found in the given paths', 'give a folder or file that holds `kind: Logigramme` documents');
    }
    const written: string[] = [];
    const write = async (name: string, content: string | Uint8Array) => {
      const target = path.join(flags.out, name);
      await writeFileAtomic(target, content);
      written.push(target);
    };
    const what = { mmd: 'Mermaid file', md: 'memo sheet', svg: 'SVG diagram', png: 'PNG diagram', pdf: 'A4 PDF memo sheet' }[format];
    if (!needsBrowser(format) || !opening || !browser) {
      for (const target of targets) {
        const file = renderTextTarget(target as RenderTarget, format as 'mmd' | 'md');
        await write(file.name, file.content);
      }
      this.closingLine(`✔ wrote ${written.length} ${what}${written.length === 1 ? '' : 's'} to ${flags.out}`);
      return { out: path.resolve(flags.out), format, files: written };
    }
    const progress = new ProgressBar();
    progress.update(0, targets.length, 'starting Chromium');
    const session = await opening;
    if (session instanceof Error) {
      progress.done();
      return this.fail(`could not start the browser at ${browser.executablePath} (${browser.source}): ${session.message.split('\n')[0]}`, 'check that it runs (`chromium --version`), or choose another with --browser PATH');
    }
    try {
      for (const [i, target] of targets.entries()) {
        progress.update(i, targets.length, `rendering ${format}`);
        const file = await renderBrowserTarget(session, target, format, `${this.config.name} ${this.config.version}`);
        await write(file.name, file.content);
      }
      progress.update(targets.length, targets.length, `rendering ${format}`);
    } catch (error) {
      progress.done();
      if (error instanceof DiagramError) return this.fail(`${error.file}: ${error.message}; ${written.length} file${written.length === 1 ? '' : 's'} written before it`, 'check the logigramme with `logi render FILE --format mmd`; rerun with LOGI_DEBUG=1 for details');
      throw error;
    } finally {
      progress.done();
      await session.close();
    }
    this.closingLine(`✔ wrote ${written.length} ${what}${written.length === 1 ? '' : 's'} to ${flags.out} (${browser.source} browser ${browser.executablePath})`);
    return { out: path.resolve(flags.out), format, files: written, browser };
  }

  private closingLine(text: string): void {
    if (!this.jsonEnabled()) this.log(text);
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
    const territories = territoryId === undefined ? [...workspace.index.Territory.values()].filter((t) => t.value.pyramids[pyramidId]) : [workspace.index.Territory.get(territoryId)];
    if (territories[0] === undefined) return this.fail(`no territory \`${territoryId}\` in the workspace`, `known territories: ${[...workspace.index.Territory.keys()].join(', ') || 'none'}`);
    if (territories.length === 0) return this.fail(`no territory counts pyramid \`${pyramidId}\``, 'add `pyramids: { <id>: { counts: … } }` to a territory');
    const written: string[] = [];
    for (const territory of territories) {
      if (!territory!.value.pyramids[pyramidId]) return this.fail(`territory \`${territory!.id}\` has no counts for pyramid \`${pyramidId}\``, `it counts: ${Object.keys(territory!.value.pyramids).join(', ')}`);
      const figure = pyramidToSvg(pyramid.value, territory!.value);
      const target = path.join(out, `${pyramidId}-${territory!.id}.svg`);
      await writeFileAtomic(target, figure.svg);
      written.push(target);
    }
    this.closingLine(`✔ wrote ${written.length} pyramid${written.length === 1 ? '' : 's'} to ${out}`);
    return { out: path.resolve(out), format: 'pyramid-svg', files: written };
  }
}
