/**
 * The bundled pathway tests' path cases (guidelines/**\/*.test.yaml, issue 19), written by hand from
 * the recommendations, walked through the exported FHIR instead of the YAML: from the plan's first
 * action along `relatedAction`; at a decision, the branch the case's `choose` names, else the one
 * branch whose FHIRPath condition the `fhirpath` engine finds true for a test patient holding the
 * case's `given` values as Observations. The walk must meet each case's `path`, `reaches` and
 * `avoids`: the bundles' conditions and sequencing choose what the guideline's authors expect.
 */
import path from 'node:path';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { exportLogigramme } from '../../src/fhir/export.js';
import type { PlanAction, PlanDefinition } from '../../src/fhir/types.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { REPO } from '../helpers/cli.js';

const BASE = 'https://logi-sante.fr/fhir';
type Given = Record<string, number | string>;

function patientWith(given: Given): unknown {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'Patient', id: 'p1' } },
      ...Object.entries(given).map(([name, value]) => ({
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: `${BASE}/CodeSystem/variable`, code: name }] },
          ...(typeof value === 'number' ? { valueQuantity: { value } } : { valueString: value }),
        },
      })),
    ],
  };
}

/** The branch of a decision action taken for this patient, or a reason to stop. */
function branchTaken(action: PlanAction, given: Given, choose: Record<string, string>): PlanAction | string {
  const chosen = choose[action.id!];
  if (chosen !== undefined) return action.action!.find((b) => b.relatedAction![0]!.actionId === chosen || b.description === chosen) ?? `no branch ${chosen}`;
  const variable = action.extension?.find((e) => e.url === `${BASE}/StructureDefinition/logi-variable`)?.valueExpression;
  if (!variable || given[variable.name!] === undefined) return `no value at ${action.id}`;
  const value = fhirpath.evaluate(patientWith(given) as object, variable.expression!, undefined, r4) as unknown[];
  const holding = action.action!.filter((b) => (fhirpath.evaluate({}, b.condition![0]!.expression!.expression!, { [variable.name!]: value[0] }, r4) as unknown[])[0] === true);
  return holding.length === 1 ? holding[0]! : `${holding.length} branches hold at ${action.id}`;
}

/** The node ids a patient goes through in the plan, from its first action. */
function walk(plan: PlanDefinition, given: Given, choose: Record<string, string>): { nodes: string[]; stop?: string } {
  const steps = plan.action![0]!.action!;
  const byId = new Map(steps.map((a) => [a.id!, a]));
  const nodes: string[] = [];
  let current: PlanAction | undefined = steps[0];
  while (current && nodes.length < 1000) {
    nodes.push(current.id!);
    const isDecision = current.code![0]!.coding![0]!.code === 'decision';
    const way = isDecision ? branchTaken(current, given, choose) : current;
    if (typeof way === 'string') return { nodes, stop: way };
    const next = way.relatedAction?.[0]?.actionId;
    current = next === undefined ? undefined : byId.get(next);
  }
  return { nodes };
}

describe('the bundled path cases, walked through the FHIR bundles with the fhirpath engine', async () => {
  const workspace = await loadWorkspace({ paths: [path.join(REPO, 'guidelines')] });
  const titles: Record<string, string> = {};
  const cases = [...workspace.index.PathwayTest.values()].flatMap((test) =>
    (test.value.paths ?? []).map((c) => {
      const id = c.logigramme ?? test.value.logigramme;
      const logigramme = workspace.index.Logigramme.get(id)!.value;
      const plan = exportLogigramme({ logigramme, pyramid: workspace.index.Pyramid.get(logigramme.pyramid)?.value, actorTitles: titles }).bundle.entry![0]!.resource as PlanDefinition;
      const given = { ...(test.value.given ?? {}), ...(c.given ?? {}) } as Given;
      const choose = { ...(test.value.choose ?? {}), ...(c.choose ?? {}) };
      return [`${id}: ${c.name}`, plan, given, choose, c] as const;
    }),
  );

  it('finds the path cases of every bundled logigramme', () => {
    expect(new Set(cases.map(([name]) => name.split(':')[0])).size).toBe(10);
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('%s', (_name, plan, given, choose, expected) => {
    const { nodes, stop } = walk(plan, given, choose);
    expect(stop).toBeUndefined();
    if (Array.isArray(expected.path)) expect(nodes).toEqual(expected.path);
    for (const node of expected.reaches ?? []) expect(nodes).toContain(node);
    for (const node of expected.avoids ?? []) expect(nodes).not.toContain(node);
  });
});
