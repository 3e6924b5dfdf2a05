/**
 * What `importBundle` refuses: each bundle below is the fixture's bundle with one element changed
 * into something a logigramme cannot hold; the refusal names that element (FHIRPath notation).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importBundle } from '../../src/fhir/import.js';
import type { ActivityDefinition, Bundle, PlanDefinition } from '../../src/fhir/types.js';
import { REPO } from '../helpers/cli.js';
import { exportAll } from './helpers.js';

const mini = (await exportAll([path.join(REPO, 'test/fixtures/fhir/mini')])).find((e) => e.id === 'mini-s1');

function changed(change: (plan: PlanDefinition, bundle: Bundle) => void): Bundle {
  const bundle = JSON.parse(JSON.stringify(mini!.bundle)) as Bundle;
  change(bundle.entry![0]!.resource as PlanDefinition, bundle);
  return bundle;
}

function refusal(bundle: unknown): { element: string; reason: string } {
  try {
    importBundle(bundle as Bundle);
  } catch (error) {
    if (error instanceof ImportError) return { element: error.element, reason: error.reason };
    throw error;
  }
  throw new Error('imported');
}

const PLAN = 'Bundle.entry[0].resource';
const steps = (plan: PlanDefinition) => plan.action![0]!.action!;

describe('a bundle logi cannot represent is refused, naming the element', () => {
  it('the unchanged fixture bundle imports', () => {
    expect(importBundle(mini!.bundle).id).toBe('mini-s1');
  });

  it.each<[string, () => unknown, string]>([
    ['not a Bundle', () => ({ resourceType: 'Patient' }), 'Bundle'],
    ['no PlanDefinition', () => changed((_plan, bundle) => bundle.entry!.shift()), 'Bundle.entry'],
    ['a condition logi does not write', () => changed((plan) => { steps(plan)[2]!.action![0]!.condition![0]!.expression!.expression = '%hba1c.exists()'; }), `${PLAN}.action[0].action[2].action[0].condition[0].expression.expression`],
    ['a condition in CQL', () => changed((plan) => { steps(plan)[2]!.action![1]!.condition![0]!.expression!.language = 'text/cql'; }), `${PLAN}.action[0].action[2].action[1].condition[0].expression`],
    ['a condition on another variable', () => changed((plan) => { steps(plan)[2]!.action![0]!.condition![0]!.expression!.expression = '%dfg <= 7'; }), `${PLAN}.action[0].action[2].action[0].condition[0].expression.expression`],
    ['a relationship other than before-start', () => changed((plan) => { steps(plan)[0]!.relatedAction![0]!.relationship = 'concurrent'; }), `${PLAN}.action[0].action[0].relatedAction`],
    ['two ways on from one action', () => changed((plan) => { steps(plan)[0]!.relatedAction!.push({ actionId: 'fin', relationship: 'before-start' }); }), `${PLAN}.action[0].action[0].relatedAction`],
    ['a way on to no node', () => changed((plan) => { steps(plan)[1]!.relatedAction![0]!.actionId = 'nowhere'; }), `${PLAN}.action[0].action[1].relatedAction[0].actionId`],
    ['an action of unknown type', () => changed((plan) => { steps(plan)[4]!.code = [{ text: 'fin' }]; }), `${PLAN}.action[0].action[4].code`],
    ['no stratum', () => changed((plan) => { plan.action![0]!.condition = []; }), `${PLAN}.action[0].condition`],
    ['an ActivityDefinition missing', () => changed((_plan, bundle) => { bundle.entry!.splice(2, 1); }), `${PLAN}.action[0].action[1].definitionCanonical`],
    ['a timing logi cannot read', () => changed((_plan, bundle) => { (bundle.entry![2]!.resource as ActivityDefinition).timingTiming = { repeat: { frequency: 4, period: 1, periodUnit: 'h' } }; }), 'Bundle.entry[2].resource.timingTiming'],
    ['no actor', () => changed((_plan, bundle) => { (bundle.entry![3]!.resource as ActivityDefinition).participant = [{ type: 'practitioner' }]; }), 'Bundle.entry[3].resource.participant'],
    ['logi-keys that are not JSON', () => changed((plan) => { steps(plan)[2]!.action![0]!.extension![0]!.valueString = '{p: 0.6'; }), `${PLAN}.action[0].action[2].action[0].extension`],
    ['a label missing', () => changed((plan) => { delete steps(plan)[3]!.title; }), `${PLAN}.action[0].action[3].title`],
  ])('%s', (_what, bundle, element) => {
    const found = refusal(bundle());
    expect(found.element).toBe(element);
    expect(found.reason.length).toBeGreaterThan(10);
  });

  it('a document that logi\'s schema refuses is named by its key', () => {
    const found = refusal(changed((plan) => { steps(plan)[3]!.title = ''; }));
    expect(found.element).toBe(PLAN);
    expect(found.reason).toContain('nodes.intensifier.label');
  });
});
