/** The bundled logigrammes (guidelines/) exported once, for the FHIR tests. */
import path from 'node:path';
import { exportLogigramme, type ExportWarning } from '../../src/fhir/export.js';
import type { Bundle } from '../../src/fhir/types.js';
import type { LogigrammeDocument } from '../../src/language/schemas/logigramme.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { REPO } from '../helpers/cli.js';

export interface Exported {
  id: string;
  logigramme: LogigrammeDocument;
  bundle: Bundle;
  warnings: ExportWarning[];
}

/** Every logigramme of `folders` (guidelines by default, and the small fixture) and its bundle. */
export async function exportAll(folders = [path.join(REPO, 'guidelines'), path.join(REPO, 'test/fixtures/fhir/mini')]): Promise<Exported[]> {
  const all: Exported[] = [];
  for (const folder of folders) {
    const workspace = await loadWorkspace({ paths: [folder] });
    const titles: Record<string, string> = {};
    for (const actors of workspace.index.Actors.values()) for (const [id, actor] of Object.entries(actors.value.actors)) titles[id] = actor.title;
    for (const document of workspace.index.Logigramme.values()) {
      if (!document.source.absolutePath.startsWith(folder)) continue;
      const pyramid = workspace.index.Pyramid.get(document.value.pyramid)?.value;
      all.push({ id: document.id, logigramme: document.value, ...exportLogigramme({ logigramme: document.value, pyramid, actorTitles: titles }) });
    }
  }
  return all;
}
