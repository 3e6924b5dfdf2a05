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

/** unusualLogigramme exported. */
export function exportUnusual(): Exported {
  const logigramme = unusualLogigramme();
  return { id: logigramme.id, logigramme, ...exportLogigramme({ logigramme, actorTitles: { infirmier: 'Infirmier' } }) };
}

/**
 * The fixture's logigramme with what the bundled ones lack: ids that are no FHIR ids (`_`, over 64
 * characters), a referral, a frequency per quarter, a distribution of frequency, evidence citing two
 * sources, a decision on categories and one with `between` and `in`, phases.
 */
export function unusualLogigramme(): LogigrammeDocument {
  const longId = `suivi-${'tres-'.repeat(14)}long`;
  return {
    kind: 'Logigramme',
    version: 1,
    id: 'mini_s1',
    title: 'Variante',
    pyramid: 'mini',
    stratum: 'S1',
    start: 'entree',
    phases: { bilan: { label: 'Bilan' } },
    nodes: {
      entree: { type: 'start', label: 'Entrée', next: 'statut_patient' },
      statut_patient: {
        type: 'decision',
        label: 'Statut ?',
        variable: { name: 'statut' },
        branches: [
          { label: 'nouveau', when: { eq: "l'arrivant" }, next: longId },
          { label: 'connu', when: { in: ['actif', 'ancien'] }, next: 'dfg' },
        ],
      },
      [longId]: { type: 'action', label: 'Bilan initial', actor: 'infirmier', frequency: { times: 1, per: 'quarter' }, phase: 'bilan', evidence: { source: ['a', 'b'], grade: 'B' }, next: 'dfg' },
      dfg: {
        type: 'decision',
        label: 'DFG ?',
        variable: { name: 'dfg', unit: 'mL/min', min: 0, max: 200 },
        probabilities: { dirichlet: [2, 3, 5] },
        branches: [
          { label: 'bas', when: { lt: 30 }, next: 'renvoi' },
          { label: 'moyen', when: { between: [30, 59] }, next: 'suivi' },
          { label: 'haut', when: { gt: 59 }, next: 'suivi' },
        ],
      },
      suivi: { type: 'action', label: 'Suivi', actor: 'dieteticien', frequency: { times: { triangular: [2, 4, 6] }, per: 'year' }, cost: { gamma: { mean: 30, sd: 5 } }, next: 'fin' },
      renvoi: { type: 'refer', label: 'Vers le stade suivant', logigramme: 'mini_s2', next: 'fin' },
      fin: { type: 'end', label: 'Fin' },
    },
    sources: {
      a: { title: 'Source A', 'grade-scale': 'GRADE', url: 'https://example.org/a' },
      b: { title: 'Source B', doi: '10.1000/xyz' },
    },
  } as LogigrammeDocument;
}

/**
 * The unusual logigramme with one-off acts: `once` (written as the string) and
 * `{once: true, within-days: 7}` (written as the mapping), exported.
 */
export function exportOnce(): Exported {
  const base = unusualLogigramme();
  const nodes = { ...base.nodes } as Record<string, Record<string, unknown>>;
  const longId = Object.keys(nodes).find((id) => id.startsWith('suivi-'))!;
  nodes[longId] = { ...nodes[longId], frequency: { once: true, 'within-days': 7 } };
  nodes.suivi = { ...nodes.suivi, frequency: 'once' };
  const logigramme = { ...base, id: 'mini_once', nodes } as LogigrammeDocument;
  return { id: logigramme.id, logigramme, ...exportLogigramme({ logigramme, actorTitles: { infirmier: 'Infirmier' } }) };
}
