/**
 * Sources and evidence as FHIR RelatedArtifacts, both ways. A logigramme's `sources` are the plan's
 * `relatedArtifact` citations (label = the source id); an `evidence` entry is a citation of the
 * source it names, on the ActivityDefinition of an action or in the `documentation` of a decision,
 * with its grade in logi's `logi-grade` extension, coded in the source's grading scale
 * (docs/fhir.md, "Evidence and grades").
 */
import type { z } from 'zod';
import { emptyRecord } from '../language/records.js';
import type { Evidence, LogigrammeDocument } from '../language/schemas/logigramme.js';
import { EXTENSION, gradeSystem } from './canonical.js';
import { carriedKeys, readCarriedKeys } from './keys.js';
import type { RelatedArtifact } from './types.js';

type EvidenceEntry = z.infer<typeof Evidence>;
type Sources = LogigrammeDocument['sources'];

const SOURCE_CARRIED = ['authors', 'year', 'doi', 'type', 'grade-scale', 'note'] as const;

export function sourcesToArtifacts(sources: Sources): RelatedArtifact[] {
  return Object.entries(sources).map(([id, source]) => {
    const extension = carriedKeys(source, SOURCE_CARRIED);
    return {
      ...(extension ? { extension: [extension] } : {}),
      type: 'citation',
      label: id,
      citation: source.title,
      ...(source.url !== undefined ? { url: source.url } : {}),
    };
  });
}

export function artifactsToSources(artifacts: RelatedArtifact[]): Sources {
  const sources = emptyRecord<Sources[string]>();
  for (const artifact of artifacts) {
    if (artifact.label === undefined) continue;
    sources[artifact.label] = {
      title: artifact.citation ?? '',
      ...(artifact.url !== undefined ? { url: artifact.url } : {}),
      ...readCarriedKeys(artifact.extension),
    } as Sources[string];
  }
  return sources;
}

export function evidenceList(evidence: EvidenceEntry | EvidenceEntry[] | undefined): EvidenceEntry[] {
  if (evidence === undefined) return [];
  return Array.isArray(evidence) ? evidence : [evidence];
}

export function evidenceToArtifacts(evidence: EvidenceEntry | EvidenceEntry[] | undefined, sources: Sources): RelatedArtifact[] {
  return evidenceList(evidence).map((entry): RelatedArtifact => {
    // Several sources for one grade: the first is cited, the list travels whole in logi-keys.
    const ids = typeof entry.source === 'string' ? [entry.source] : entry.source;
    const source = Object.prototype.hasOwnProperty.call(sources, ids[0]!) ? sources[ids[0]!] : undefined;
    const grade = entry.grade === undefined
      ? []
      : [{ url: EXTENSION.grade, valueCodeableConcept: { coding: [{ system: gradeSystem(source?.['grade-scale']), code: entry.grade }], text: entry.grade } }];
    const list = typeof entry.source === 'string' ? undefined : carriedKeys(entry, ['source']);
    const extension = [...grade, ...(list ? [list] : [])];
    return {
      ...(extension.length > 0 ? { extension } : {}),
      type: 'citation',
      label: ids[0]!,
      ...(entry.note !== undefined ? { display: entry.note } : {}),
      ...(source !== undefined ? { citation: source.title } : {}),
      ...(source?.url !== undefined ? { url: source.url } : {}),
    };
  });
}

/** The evidence of a node: one entry as a mapping, several as a list (as logi authors write them). */
export function artifactsToEvidence(artifacts: RelatedArtifact[] | undefined): EvidenceEntry | EvidenceEntry[] | undefined {
  const entries = (artifacts ?? []).filter((a) => a.type === 'citation' && a.label !== undefined).map((artifact): EvidenceEntry => {
    const grade = artifact.extension?.find((e) => e.url === EXTENSION.grade)?.valueCodeableConcept?.coding?.[0]?.code;
    const carried = readCarriedKeys(artifact.extension) as { source?: string[] };
    return { source: carried.source ?? artifact.label!, ...(grade !== undefined ? { grade } : {}), ...(artifact.display !== undefined ? { note: artifact.display } : {}) };
  });
  if (entries.length === 0) return undefined;
  return entries.length === 1 ? entries[0] : entries;
}
