/** Text renderings of a workspace's logigrammes: Mermaid (`mmd`) and the Markdown memo sheet (`md`). */
import { isTarget, type Workspace } from '../language/workspace.js';
import { logigrammeToMemo } from './memo.js';
import { logigrammeToMermaid } from './mermaid.js';

export type TextFormat = 'mmd' | 'md';

export interface RenderedFile {
  /** File name, `<logigramme id>.<format>`. */
  name: string;
  logigramme: string;
  content: string;
}

/** Renders every logigramme the caller asked about, in id order. */
export function renderText(workspace: Workspace, format: TextFormat): RenderedFile[] {
  const actorTitles: Record<string, string> = {};
  for (const doc of workspace.index.Actors.values()) for (const [id, actor] of Object.entries(doc.value.actors)) actorTitles[id] ??= actor.title;
  const logigrammes = [...workspace.index.Logigramme.values()].filter((l) => isTarget(workspace, l)).sort((a, b) => a.id.localeCompare(b.id));
  return logigrammes.map((l) => {
    const stratumTitle = workspace.index.Pyramid.get(l.value.pyramid)?.value.strata.find((s) => s.id === l.value.stratum)?.title;
    const content = format === 'mmd' ? logigrammeToMermaid(l.value, { actorTitles }) : logigrammeToMemo(l.value, { actorTitles, ...(stratumTitle ? { stratumTitle } : {}) });
    return { name: `${l.id}.${format}`, logigramme: l.id, content };
  });
}
