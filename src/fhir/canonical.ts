/**
 * The names logi gives its FHIR artefacts: canonical URLs, extension URLs, code systems, resource
 * ids. One home, so that the exporter, the importer and docs/fhir.md agree (docs/fhir.md lists
 * them). The base is a placeholder until the project publishes its definitions there.
 */
import { shortHash } from '../io/file-names.js';

export const CANONICAL_BASE = 'https://logi-sante.fr/fhir';

/** The extensions logi defines; each carries what has no element of its own in FHIR R4. */
export const EXTENSION = {
  /** Keys of a logi element that FHIR has no element for, as JSON text (docs/fhir.md, "Carried keys"). */
  keys: `${CANONICAL_BASE}/StructureDefinition/logi-keys`,
  /** A node's `phase`. */
  phase: `${CANONICAL_BASE}/StructureDefinition/logi-phase`,
  /** A node id that is not a valid FHIR id (kept exactly, the action's id being derived from it). */
  nodeId: `${CANONICAL_BASE}/StructureDefinition/logi-node-id`,
  /** The unit of a branch's bounds (`when.unit`). */
  conditionUnit: `${CANONICAL_BASE}/StructureDefinition/logi-condition-unit`,
  /** The exact `frequency` of an action when Timing cannot hold it: a distribution, or `per: quarter`. */
  frequency: `${CANONICAL_BASE}/StructureDefinition/logi-frequency`,
  /**
   * A decision's variable: an Expression named like it that reads it from the patient's data, so
   * that conditions test `%name`. FHIR R4's `variable` extension would say this, but R4 (4.0.1)
   * allows it on Questionnaires only (docs/decisions.md).
   */
  variable: `${CANONICAL_BASE}/StructureDefinition/logi-variable`,
  /**
   * The grade of an evidence entry, coded in its source's grading scale, on the RelatedArtifact.
   * R4's `cqf-strengthOfRecommendation` is declared on Attachment in 4.0.1, and ArtifactAssessment
   * is R5 (docs/decisions.md).
   */
  grade: `${CANONICAL_BASE}/StructureDefinition/logi-grade`,
  /** The stratum id of a plan, on its eligibility condition: the importer's `stratum`, whatever the expression. */
  stratum: `${CANONICAL_BASE}/StructureDefinition/logi-stratum`,
} as const;


export const CODE_SYSTEM = {
  /** A node's type: start, action, decision, end, refer. */
  nodeType: `${CANONICAL_BASE}/CodeSystem/node-type`,
  /** An actor id of logi's Actors registry. */
  actor: `${CANONICAL_BASE}/CodeSystem/actor`,
  /** A decision variable, as the code of the Observation that records it. */
  variable: `${CANONICAL_BASE}/CodeSystem/variable`,
  /** The identifier system of the logi id of a document. */
  logiId: `${CANONICAL_BASE}/NamingSystem/logi-id`,
  /** French health professions (ANS, Nomenclatures des objets de santé, TRE_G15-ProfessionSante). */
  professionG15: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante',
  planDefinitionType: 'http://terminology.hl7.org/CodeSystem/plan-definition-type',
  libraryType: 'http://terminology.hl7.org/CodeSystem/library-type',
} as const;

/** The grading scale of a source as a code system: one per scale as written in `grade-scale`. */
export function gradeSystem(scale: string | undefined): string {
  return scale === undefined ? `${CANONICAL_BASE}/CodeSystem/grade` : `${CANONICAL_BASE}/CodeSystem/grade-${slug(scale)}`;
}

export const CPG_COMPUTABLE_PLAN = 'http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-computableplandefinition';
export const CPG_COMPUTABLE_ACTIVITY = 'http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-computableactivity';

const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;

/**
 * A FHIR id (letters, digits, `-`, `.`; at most 64 characters) for a logi id: the id itself when
 * it is one, else its characters outside that set turned to `-`, shortened, and a hash of the
 * whole so that two logi ids never meet on one FHIR id.
 */
export function fhirId(logiId: string): string {
  if (FHIR_ID.test(logiId)) return logiId;
  const cleaned = logiId.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 55);
  return `${cleaned}-${shortHash(logiId)}`;
}

export function canonicalUrl(resourceType: 'PlanDefinition' | 'ActivityDefinition' | 'Library', logiId: string): string {
  return `${CANONICAL_BASE}/${resourceType}/${fhirId(logiId)}`;
}

/** The logi id of an ActivityDefinition: the logigramme's and the node's, joined. */
export function activityId(logigramme: string, node: string): string {
  return `${logigramme}.${node}`;
}

/** A computable name (`^[A-Z][A-Za-z0-9_]*$`, FHIR's cnl-0): the words of an id capitalised. */
export function computableName(logiId: string): string {
  const words = logiId.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Z]/.test(name) ? name : `L${name}`;
}

function slug(text: string): string {
  const ascii = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const words = ascii.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  return words.slice(0, 8).join('-') || shortHash(text);
}
