/**
 * `logi preview`: a page on 127.0.0.1 that shows the workspace's logigrammes (the SVG of `logi
 * render`), their lint findings and their memo sheets, and follows every save (docs/preview.md).
 *
 * Four parts, started in this order and closed in the reverse one: the render session (one
 * Chromium for the preview's whole life), the HTTP server, the builder (lint, then draw what
 * changed) and the folder watcher that asks the builder for a build after each burst of saves.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/catalogue.js';
import type { Workspace } from '../language/workspace.js';
import { lint, type LintResult } from '../lint/engine.js';
import { RenderSession } from '../render/session.js';
import { type BuildReport, PreviewBuilder } from './build.js';
import { snapshotOf } from './page.js';
import { sessionRenderer } from './render.js';
import { PreviewServer, PreviewStartError } from './server.js';
import { type WatchedFolder, WorkspaceWatcher } from './watcher.js';

export { PreviewStartError } from './server.js';
export { isLoopbackHost } from './host.js';

export interface PreviewOptions {
  /** Files or folders, as `logi lint` takes them (default: the workspace of `cwd`). */
  paths: readonly string[];
  cwd: string;
  host: string;
  /** 0: a free port, chosen by the system. */
  port: number;
  allowRemote: boolean;
  browser: { executablePath: string; source: string };
  /** Printed at the foot of the memo sheets, e.g. `logi 0.1.0`. */
  generator?: string;
  debounceMs?: number;
  onBuilt?: (report: BuildReport) => void;
  /** Something the user should know that does not stop the preview (a folder that cannot be watched). */
  onWarning?: (text: string) => void;
}

export interface RunningPreview {
  url: string;
  /** The folders being watched. */
  readonly folders: string[];
  /** Closes the watcher, the server and the browser; the same promise on every call. */
  close(): Promise<void>;
}

function isFolder(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The folders whose changes can change what the preview shows: the workspace's folder for its
 * `logi.config.yaml`, every included folder with its sub-folders, and the given paths.
 */
export function watchedFolders(workspace: Workspace, paths: readonly string[], cwd: string): WatchedFolder[] {
  const watched: WatchedFolder[] = [{ folder: workspace.root, deep: false }];
  const given = paths.map((p) => path.resolve(cwd, p));
  for (const place of [...(workspace.config.include ?? ['.']).map((include) => path.resolve(workspace.root, include)), ...given]) {
    watched.push(isFolder(place) ? { folder: place, deep: true } : { folder: path.dirname(place), deep: false });
  }
  return watched;
}

async function openSession(browser: PreviewOptions['browser']): Promise<RenderSession | Error> {
  try {
    return await RenderSession.open({ executablePath: browser.executablePath });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Starts the preview and resolves once it is listening. Throws `UsageError` for paths that do not
 * exist and `PreviewStartError` when the browser does not start or the address cannot be served;
 * whatever was started by then is closed first.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  // The browser starts while the workspace is linted: the two take about as long.
  const opening = openSession(options.browser);
  let first: LintResult;
  try {
    first = await lint({ paths: options.paths, cwd: options.cwd });
  } catch (error) {
    const session = await opening;
    if (!(session instanceof Error)) await session.close();
    throw error;
  }
  const session = await opening;
  if (session instanceof Error) {
    const message = t('preview.browser-failed', { path: options.browser.executablePath, source: options.browser.source, message: session.message.split('\n')[0]! });
    throw new PreviewStartError(message, t('preview.browser-failed.hint'));
  }
  let server: PreviewServer;
  try {
    server = await PreviewServer.listen({ host: options.host, port: options.port, allowRemote: options.allowRemote, root: () => builder.current.root ?? first.workspace.root });
  } catch (error) {
    await session.close();
    throw error;
  }
  const watcher = new WorkspaceWatcher({
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    onChange: (_changed, since) => void builder.request({ since }),
    onError: (folder, error) => options.onWarning?.(t('preview.watch-failed', { folder, message: (error as NodeJS.ErrnoException).code ?? error.message })),
  });
  const watch = (workspace: Workspace) => watcher.watch(watchedFolders(workspace, options.paths, options.cwd), new Set(workspace.config.exclude ?? []));
  const builder = new PreviewBuilder({
    paths: options.paths,
    cwd: options.cwd,
    renderer: sessionRenderer(session, options.generator),
    onState: (state) => server.publish(snapshotOf(state)),
    onLinted: (result) => watch(result.workspace),
    ...(options.onBuilt ? { onBuilt: options.onBuilt } : {}),
  });
  void builder.request({ seed: first });
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    get folders() {
      return watcher.folders;
    },
    close: () =>
      (closing ??= (async () => {
        builder.stop();
        watcher.close();
        await server.close();
        await session.close();
      })()),
  };
}
