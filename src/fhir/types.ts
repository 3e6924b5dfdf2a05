/**
 * The part of FHIR R4 that logi writes and reads, typed loosely: every element is optional, as a
 * bundle from elsewhere may lack any of them (the importer checks what it needs).
 */
export interface Extension {
  url: string;
  valueString?: string;
  valueId?: string;
  valueCodeableConcept?: CodeableConcept;
  valueExpression?: Expression;
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Expression {
  description?: string;
  name?: string;
  language?: string;
  expression?: string;
  reference?: string;
}

export interface RelatedArtifact {
  extension?: Extension[];
  type?: string;
  label?: string;
  display?: string;
  citation?: string;
  url?: string;
}

export interface Timing {
  extension?: Extension[];
  repeat?: {
    count?: number;
    boundsDuration?: { value?: number; unit?: string; system?: string; code?: string };
    frequency?: number;
    frequencyMax?: number;
    period?: number;
    periodMax?: number;
    periodUnit?: string;
  };
}

export interface Identifier {
  system?: string;
  value?: string;
}

export interface PlanAction {
  extension?: Extension[];
  id?: string;
  title?: string;
  description?: string;
  textEquivalent?: string;
  code?: CodeableConcept[];
  documentation?: RelatedArtifact[];
  condition?: Array<{ kind?: string; expression?: Expression }>;
  relatedAction?: Array<{ actionId?: string; relationship?: string }>;
  groupingBehavior?: string;
  selectionBehavior?: string;
  definitionCanonical?: string;
  action?: PlanAction[];
}

interface CanonicalResource {
  id?: string;
  meta?: { profile?: string[] };
  extension?: Extension[];
  url?: string;
  identifier?: Identifier[];
  name?: string;
  title?: string;
  status?: string;
  description?: string;
  relatedArtifact?: RelatedArtifact[];
}

export interface PlanDefinition extends CanonicalResource {
  resourceType: 'PlanDefinition';
  type?: CodeableConcept;
  subjectCodeableConcept?: CodeableConcept;
  library?: string[];
  action?: PlanAction[];
}

export interface ActivityDefinition extends CanonicalResource {
  resourceType: 'ActivityDefinition';
  kind?: string;
  participant?: Array<{ type?: string; role?: CodeableConcept }>;
  timingTiming?: Timing;
}

export interface Library extends CanonicalResource {
  resourceType: 'Library';
  type?: CodeableConcept;
  content?: Array<{ contentType?: string; title?: string; data?: string }>;
}

export type Resource = PlanDefinition | ActivityDefinition | Library;

export interface Bundle {
  resourceType: 'Bundle';
  id?: string;
  type?: string;
  entry?: Array<{ fullUrl?: string; resource?: Resource | { resourceType?: string } }>;
}
