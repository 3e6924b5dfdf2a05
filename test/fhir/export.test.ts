/**
 * `exportLogigramme` on the small fixture (test/fixtures/fhir/mini) against resources written out
 * by hand from docs/fhir.md: the PlanDefinition (one action per node, the rejoining `fin` one
 * action that both ways lead to, the decision with its FHIRPath conditions), the two
 * ActivityDefinitions (actor, standard profession code, Timing, evidence and grade) and the
 * Library of strata; then a decision without structured `when`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportLogigramme } from '../../src/fhir/export.js';
import type { ActivityDefinition, Library, PlanDefinition } from '../../src/fhir/types.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { REPO } from '../helpers/cli.js';

const MINI = path.join(REPO, 'test/fixtures/fhir/mini');
const BASE = 'https://logi-sante.fr/fhir';
const NODE_TYPE = `${BASE}/CodeSystem/node-type`;
const KEYS = `${BASE}/StructureDefinition/logi-keys`;
const GRADE = `${BASE}/StructureDefinition/logi-grade`;

async function miniExport() {
  const workspace = await loadWorkspace({ paths: [MINI] });
  const logigramme = workspace.index.Logigramme.get('mini-s1')!.value;
  const pyramid = workspace.index.Pyramid.get('mini')!.value;
  return exportLogigramme({ logigramme, pyramid, actorTitles: { 'medecin-generaliste': 'Médecin généraliste', laboratoire: 'Laboratoire' } });
}

const type = (code: string) => [{ coding: [{ system: NODE_TYPE, code }] }];
const then = (id: string) => [{ actionId: id, relationship: 'before-start' }];

const EXPECTED_PLAN: PlanDefinition = {
  resourceType: 'PlanDefinition',
  id: 'mini-s1',
  meta: { profile: ['http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-computableplandefinition'] },
  url: `${BASE}/PlanDefinition/mini-s1`,
  identifier: [{ system: `${BASE}/NamingSystem/logi-id`, value: 'mini-s1' }],
  name: 'MiniS1',
  title: 'Suivi minimal',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type', code: 'clinical-protocol' }] },
  status: 'draft',
  subjectCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/resource-types', code: 'Patient' }] },
  relatedArtifact: [
    {
      extension: [{ url: KEYS, valueString: '{"year":2014,"type":"guideline","grade-scale":"HAS"}' }],
      type: 'citation',
      label: 'has-2014',
      citation: 'HAS — Guide parcours de soins diabète de type 2',
    },
    { extension: [{ url: KEYS, valueString: '{"type":"illustrative"}' }], type: 'citation', label: 'estimation', citation: 'Part illustrative' },
  ],
  library: [`${BASE}/Library/mini`],
  action: [{
    title: 'Suivi minimal',
    condition: [{
      extension: [{ url: `${BASE}/StructureDefinition/logi-stratum`, valueString: 'S1' }],
      kind: 'applicability',
      // The assignment of S1 (docs/fhir.md, "Eligibility in FHIRPath"): alive at asOf, and an ALD
      // Condition coded E11… (no population, no stratum evaluated before S1).
      expression: {
        description: 'diabète de type 2 en ALD',
        language: 'text/fhirpath',
        expression: [
          "entry.resource.ofType(Patient).deceased.ofType(boolean).where($this = true).empty() and entry.resource.ofType(Patient).deceased.ofType(dateTime).where($this.toString().substring(0, 10).toDate() <= %asOf.toDate()).empty()",
          "and (entry.resource.ofType(Condition).where(verificationStatus.coding.where(code = 'entered-in-error' or code = 'refuted').empty()"
          + " and code.coding.where(system = 'http://hl7.org/fhir/sid/icd-10').code.replaceMatches('[.\\\\s]', '').upper().where(startsWith('E11')).exists()"
          + ` and category.coding.where(system = '${BASE}/CodeSystem/condition-category' and code = 'ald').exists()`
          + " and iif(recordedDate.exists(), recordedDate, onset.ofType(dateTime)).toString().substring(0, 10).toDate().where($this <= %asOf.toDate()).exists()).exists())",
        ].join('\n'),
      },
    }],
    action: [
      { id: 'entree', title: 'Patient diabétique suivi', code: type('start'), relatedAction: then('hba1c') },
      { id: 'hba1c', title: "Dosage de l'HbA1c", code: type('action'), definitionCanonical: `${BASE}/ActivityDefinition/mini-s1.hba1c`, relatedAction: then('objectif') },
      {
        extension: [
          {
            url: `${BASE}/StructureDefinition/logi-variable`,
            valueExpression: {
              name: 'hba1c',
              language: 'text/fhirpath',
              expression: `entry.resource.ofType(Observation).where(code.coding.where(system = '${BASE}/CodeSystem/variable' and code = 'hba1c').exists()).value.ofType(Quantity).value.last()`,
            },
          },
          { url: KEYS, valueString: '{"variable":{"unit":"%","min":4,"max":15}}' },
        ],
        id: 'objectif',
        title: 'HbA1c ≤ 7 % ?',
        code: type('decision'),
        groupingBehavior: 'logical-group',
        selectionBehavior: 'exactly-one',
        action: [
          {
            extension: [{ url: KEYS, valueString: '{"p":0.6,"source":"estimation"}' }],
            description: 'oui',
            condition: [{ kind: 'applicability', expression: { language: 'text/fhirpath', expression: '%hba1c <= 7' } }],
            relatedAction: then('fin'),
          },
          {
            extension: [{ url: `${BASE}/StructureDefinition/logi-condition-unit`, valueString: '%' }],
            description: 'non',
            condition: [{ kind: 'applicability', expression: { language: 'text/fhirpath', expression: '%hba1c > 7' } }],
            relatedAction: then('intensifier'),
          },
        ],
      },
      { id: 'intensifier', title: 'Intensifier le traitement', code: type('action'), definitionCanonical: `${BASE}/ActivityDefinition/mini-s1.intensifier`, relatedAction: then('fin') },
      { id: 'fin', title: 'Poursuite du suivi', description: 'Réévaluation annuelle', code: type('end') },
    ],
  }],
};

const EXPECTED_HBA1C: ActivityDefinition = {
  resourceType: 'ActivityDefinition',
  id: 'mini-s1.hba1c',
  meta: { profile: ['http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-computableactivity'] },
  url: `${BASE}/ActivityDefinition/mini-s1.hba1c`,
  identifier: [{ system: `${BASE}/NamingSystem/logi-id`, value: 'mini-s1.hba1c' }],
  name: 'MiniS1Hba1c',
  title: "Dosage de l'HbA1c",
  status: 'draft',
  relatedArtifact: [{
    extension: [{ url: GRADE, valueCodeableConcept: { coding: [{ system: `${BASE}/CodeSystem/grade-has`, code: 'AE' }], text: 'AE' } }],
    type: 'citation',
    label: 'has-2014',
    citation: 'HAS — Guide parcours de soins diabète de type 2',
  }],
  kind: 'ServiceRequest',
  // A laboratory is a structure, not a profession of TRE_G15: logi's own coding only.
  participant: [{ type: 'practitioner', role: { coding: [{ system: `${BASE}/CodeSystem/actor`, code: 'laboratoire', display: 'Laboratoire' }], text: 'Laboratoire' } }],
  timingTiming: { repeat: { frequency: 4, period: 1, periodUnit: 'a' } },
};

const EXPECTED_INTENSIFIER: ActivityDefinition = {
  resourceType: 'ActivityDefinition',
  id: 'mini-s1.intensifier',
  meta: { profile: ['http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-computableactivity'] },
  extension: [{ url: KEYS, valueString: '{"minutes":30}' }],
  url: `${BASE}/ActivityDefinition/mini-s1.intensifier`,
  identifier: [{ system: `${BASE}/NamingSystem/logi-id`, value: 'mini-s1.intensifier' }],
  name: 'MiniS1Intensifier',
  title: 'Intensifier le traitement',
  status: 'draft',
  relatedArtifact: [{
    extension: [{ url: GRADE, valueCodeableConcept: { coding: [{ system: `${BASE}/CodeSystem/grade-has`, code: 'B' }], text: 'B' } }],
    type: 'citation',
    label: 'has-2014',
    display: "HbA1c au-dessus de l'objectif",
    citation: 'HAS — Guide parcours de soins diabète de type 2',
  }],
  kind: 'ServiceRequest',
  participant: [{
    type: 'practitioner',
    role: {
      coding: [
        { system: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante', code: '10', display: 'Médecin' },
        { system: `${BASE}/CodeSystem/actor`, code: 'medecin-generaliste', display: 'Médecin généraliste' },
      ],
      text: 'Médecin généraliste',
    },
  }],
  // 0.5 a year: one act every two years.
  timingTiming: { repeat: { frequency: 1, period: 2, periodUnit: 'a' } },
};

describe('export of the small fixture, against resources written by hand', () => {
  it('is a collection Bundle of the plan, the Library of strata and one ActivityDefinition per action', async () => {
    const { bundle, warnings } = await miniExport();
    expect(warnings).toEqual([]);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.entry!.map((e) => [e.resource!.resourceType, e.fullUrl])).toEqual([
      ['PlanDefinition', `${BASE}/PlanDefinition/mini-s1`],
      ['Library', `${BASE}/Library/mini`],
      ['ActivityDefinition', `${BASE}/ActivityDefinition/mini-s1.hba1c`],
      ['ActivityDefinition', `${BASE}/ActivityDefinition/mini-s1.intensifier`],
    ]);
  });

  it('the PlanDefinition: one action per node, `fin` once though two ways reach it', async () => {
    const { bundle } = await miniExport();
    expect(bundle.entry![0]!.resource).toEqual(EXPECTED_PLAN);
  });

  it('the ActivityDefinitions: actor, profession code, timing, evidence with its grade', async () => {
    const { bundle } = await miniExport();
    expect(bundle.entry![2]!.resource).toEqual(EXPECTED_HBA1C);
    expect(bundle.entry![3]!.resource).toEqual(EXPECTED_INTENSIFIER);
  });

  it('the Library holds the strata and their criteria as JSON', async () => {
    const { bundle } = await miniExport();
    const library = bundle.entry![1]!.resource as Library;
    expect({ ...library, content: undefined }).toEqual({
      resourceType: 'Library',
      id: 'mini',
      url: `${BASE}/Library/mini`,
      identifier: [{ system: `${BASE}/NamingSystem/logi-id`, value: 'mini' }],
      name: 'Mini',
      title: 'Pyramide minimale',
      status: 'draft',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/library-type', code: 'logic-library' }] },
      content: undefined,
    });
    expect(library.content).toHaveLength(1);
    expect(library.content![0]!.contentType).toBe('application/json');
    expect(JSON.parse(Buffer.from(library.content![0]!.data!, 'base64').toString('utf8'))).toEqual({
      strata: [
        { id: 'S0', title: 'Population générale', criteria: "les adultes que l'autre strate laisse" },
        { id: 'S1', title: 'Diabète suivi', criteria: { description: 'diabète de type 2 en ALD', ald: 'E11*' } },
      ],
    });
  });

  it('a decision without structured `when`: branches with their label as documentation, no condition, one warning', async () => {
    const workspace = await loadWorkspace({ paths: [MINI] });
    const logigramme = structuredClone(workspace.index.Logigramme.get('mini-s1')!.value);
    const decision = logigramme.nodes.objectif as Extract<(typeof logigramme.nodes)[string], { type: 'decision' }>;
    for (const branch of decision.branches) delete branch.when;
    const { bundle, warnings } = exportLogigramme({ logigramme, actorTitles: {} });
    expect(warnings).toEqual([{ logigramme: 'mini-s1', node: 'objectif', branches: ['oui', 'non'] }]);
    const branches = (bundle.entry![0]!.resource as PlanDefinition).action![0]!.action![2]!.action!;
    expect(branches.map((b) => b.condition)).toEqual([undefined, undefined]);
    expect(branches.map((b) => b.documentation)).toEqual([[{ type: 'documentation', display: 'oui' }], [{ type: 'documentation', display: 'non' }]]);
  });
});
