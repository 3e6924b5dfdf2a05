/**
 * Every exported condition, evaluated by the `fhirpath` engine (HL7's FHIRPath for JavaScript, R4
 * model) on generated test patients, picks the branch logi's own flow picks for the same value:
 * `acceptsValue` of src/graph/coverage.ts (numbers through `accepts`), the evaluation of `when` that the condition-coverage rule
 * analyses. For every decision of every bundled logigramme whose branches state a `when`: each
 * bound of each condition, a value just below and just above it, the ends of the variable's range,
 * and each category. A test patient is a Bundle of a Patient and one Observation coded with the
 * variable; the decision's `logi-variable` extension reads it, then each branch's condition tests it.
 */
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { acceptsValue, numbersOf, textsOf, variableKind, type Condition } from '../../src/graph/coverage.js';
import type { PlanAction, PlanDefinition } from '../../src/fhir/types.js';
import type { LogigrammeNode } from '../../src/language/schemas/logigramme.js';
import { exportAll, exportUnusual } from './helpers.js';

type Decision = Extract<LogigrammeNode, { type: 'decision' }>;
const VARIABLE_SYSTEM = 'https://logi-sante.fr/fhir/CodeSystem/variable';
const VARIABLE_EXTENSION = 'https://logi-sante.fr/fhir/StructureDefinition/logi-variable';

/** Values on both sides of each bound (and on it), the range's ends, and the categories. */
function testValues(decision: Decision): Array<number | string> {
  const conditions = decision.branches.map((b) => b.when as Condition);
  const kind = variableKind({ min: decision.variable?.min, max: decision.variable?.max, conditions });
  if (kind === 'categorical') return [...new Set(conditions.flatMap(textsOf))];
  const step = kind === 'discrete' ? 1 : 0.01;
  const bounds = conditions.flatMap(numbersOf);
  const values = bounds.flatMap((b) => [b - step, b, b + step]);
  if (decision.variable?.min !== undefined) values.push(decision.variable.min);
  if (decision.variable?.max !== undefined) values.push(decision.variable.max);
  // Rounded so that 7 + 0.01 is 7.01 as a reader writes it, on both sides.
  const inRange = values.map((v) => Math.round(v * 1e6) / 1e6).filter((v) => (decision.variable?.min ?? -Infinity) <= v && v <= (decision.variable?.max ?? Infinity));
  return [...new Set(inRange)].sort((a, b) => a - b);
}

function testPatient(variable: string, value: number | string, unit: string | undefined): unknown {
  const observationValue = typeof value === 'number' ? { valueQuantity: { value, ...(unit !== undefined ? { unit } : {}) } } : { valueString: value };
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'Patient', id: 'p1' } },
      { resource: { resourceType: 'Observation', status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: VARIABLE_SYSTEM, code: variable }] }, ...observationValue } },
    ],
  };
}

/** The branches whose FHIRPath condition holds for this patient, by the fhirpath engine. */
function fhirPathChoice(action: PlanAction, patient: unknown): number[] {
  const definition = action.extension!.find((e) => e.url === VARIABLE_EXTENSION)!.valueExpression!;
  const read = fhirpath.evaluate(patient as object, definition.expression!, undefined, r4) as unknown[];
  expect(read, `the variable ${definition.name} read from the patient`).toHaveLength(1);
  const environment = { [definition.name!]: read[0] };
  return action.action!.flatMap((branch, i) => {
    const result = fhirpath.evaluate({}, branch.condition![0]!.expression!.expression!, environment, r4) as unknown[];
    return result.length === 1 && result[0] === true ? [i] : [];
  });
}

describe('FHIRPath conditions choose the branch logi chooses', async () => {
  const exported = [...(await exportAll()), exportUnusual()];
  const cases = exported.flatMap(({ id, logigramme, bundle }) => {
    const plan = bundle.entry![0]!.resource as PlanDefinition;
    // A node id that is no FHIR id is kept in the logi-node-id extension of its action.
    const nodeIdOf = (a: PlanAction) => a.extension?.find((e) => e.url.endsWith('/logi-node-id'))?.valueString ?? a.id!;
    const actions = new Map(plan.action![0]!.action!.map((a) => [nodeIdOf(a), a]));
    return Object.entries(logigramme.nodes)
      .filter((entry): entry is [string, Decision] => entry[1].type === 'decision' && entry[1].branches.every((b) => b.when !== undefined))
      .map(([node, decision]) => [`${id} ${node}`, decision, actions.get(node)!] as const);
  });

  it('finds decisions with structured conditions in both pyramids', () => {
    expect(cases.filter(([name]) => name.startsWith('dt2-')).length).toBeGreaterThan(3);
    expect(cases.filter(([name]) => name.startsWith('ic-')).length).toBeGreaterThan(1);
  });

  it.each(cases)('%s', (_name, decision, action) => {
    const values = testValues(decision);
    expect(values.length).toBeGreaterThan(1);
    const name = decision.variable?.name ?? 'value';
    for (const value of values) {
      const logi = decision.branches.map((b, i) => (acceptsValue(b.when as Condition, value) ? i : -1)).filter((i) => i >= 0);
      expect(logi, `logi takes one branch at ${name} = ${value}`).toHaveLength(1);
      expect(fhirPathChoice(action, testPatient(name, value, decision.variable?.unit)), `${name} = ${value}`).toEqual(logi);
    }
  });
});
