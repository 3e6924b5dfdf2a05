/**
 * The oracle that nothing is lost: every bundled logigramme (and the fixture), exported to FHIR,
 * written as JSON, imported back and written as YAML, reads as the same document — same nodes,
 * edges, conditions, frequencies, actors, evidence, sources, and every other key. Formatting may
 * differ: `4/year` comes back as `{times: 4, per: year}`, one evidence entry as a mapping.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importBundle } from '../../src/fhir/import.js';
import type { Bundle } from '../../src/fhir/types.js';
import { LogigrammeDocument, parseFrequency } from '../../src/language/schemas/logigramme.js';
import { exportAll, exportOnce, exportUnusual } from './helpers.js';

/** The document with the differences of formatting the round trip may make undone. */
function normalised(document: LogigrammeDocument): unknown {
  const nodes = Object.fromEntries(Object.entries(document.nodes).map(([id, node]) => {
    const copy: Record<string, unknown> = { ...node };
    if ('frequency' in node && node.frequency !== undefined) copy.frequency = parseFrequency(node.frequency);
    if ('evidence' in node && node.evidence !== undefined) copy.evidence = Array.isArray(node.evidence) ? node.evidence : [node.evidence];
    return [id, copy];
  }));
  return { ...document, nodes };
}

describe('YAML → FHIR → YAML gives the same documents', async () => {
  const exported = [...(await exportAll()), exportUnusual()];

  it('covers the ten bundled logigrammes, the fixture and its unusual variant', () => {
    expect(exported.map((e) => e.id).sort()).toEqual([
      'dt2-s0-prevention', 'dt2-s1-risque', 'dt2-s2-suivi', 'dt2-s3-complications', 'dt2-s4-complexe',
      'ic-s0-facteurs-risque', 'ic-s1-dysfonction', 'ic-s2-stable', 'ic-s3-post-hospitalisation', 'ic-s4-avance', 'mini-s1', 'mini_s1',
    ]);
  });

  it.each(exported.map((e) => [e.id, e] as const))('%s', (_id, { logigramme, bundle }) => {
    const json = JSON.parse(JSON.stringify(bundle)) as Bundle;
    const yaml = stringify(importBundle(json), { lineWidth: 0 });
    const back = LogigrammeDocument.parse(parse(yaml));
    expect(normalised(back)).toEqual(normalised(logigramme));
    expect(Object.keys(back.nodes).sort()).toEqual(Object.keys(logigramme.nodes).sort());
  });
});

describe('one-off acts survive the round trip', () => {
  it('`once` and `{once: true, within-days: 7}` come back as written (Timing count 1, and boundsDuration 7 d with the carried value)', () => {
    const { logigramme, bundle } = exportOnce();
    const json = JSON.parse(JSON.stringify(bundle)) as Bundle;
    const back = LogigrammeDocument.parse(parse(stringify(importBundle(json), { lineWidth: 0 })));
    expect(normalised(back)).toEqual(normalised(logigramme));
    const longId = Object.keys(back.nodes).find((id) => id.startsWith('suivi-'))!;
    expect((back.nodes[longId] as { frequency?: unknown }).frequency).toEqual({ once: true, 'within-days': 7 });
    expect((back.nodes.suivi as { frequency?: unknown }).frequency).toBe('once');
  });
});
