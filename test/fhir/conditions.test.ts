/**
 * A branch's `when` as FHIRPath, against expressions written by hand from docs/fhir.md; read back;
 * evaluated by the fhirpath engine where the bundled logigrammes have no example (categories,
 * `between`, `in`, a name FHIRPath cannot spell bare); and the expressions logi refuses to read.
 */
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { ConditionSyntaxError, fhirPathToWhen, whenToFhirPath, type When } from '../../src/fhir/conditions.js';
import { acceptsValue, type Condition } from '../../src/graph/coverage.js';

const CASES: Array<[string, string, When, string]> = [
  ['at most', 'hba1c', { lte: 7 }, '%hba1c <= 7'],
  ['above, with a unit (the unit is not in the expression)', 'hba1c', { gt: 7, unit: '%' }, '%hba1c > 7'],
  ['a half-open interval', 'hba1c', { gt: 7, lte: 8 }, '%hba1c > 7 and %hba1c <= 8'],
  ['a closed interval', 'dfg', { between: [30, 59.5] }, '(%dfg >= 30 and %dfg <= 59.5)'],
  ['whole values listed', 'grade-podologique', { in: [1, 2, 3] }, '%`grade-podologique` in (1 | 2 | 3)'],
  ['one whole value', 'nyha', { eq: 2 }, '%nyha = 2'],
  ['one category', 'statut', { eq: "l'ancien" }, "%statut = 'l\\'ancien'"],
  ['categories', 'statut', { in: ['actif', 'ancien'] }, "%statut in ('actif' | 'ancien')"],
  ['a negative bound', 'delta', { gte: -1.5 }, '%delta >= -1.5'],
];

describe('when → FHIRPath, by hand', () => {
  it.each(CASES)('%s', (_what, name, when, expected) => {
    expect(whenToFhirPath(name, when)).toBe(expected);
    const { unit: _unit, ...bounds } = when;
    expect(fhirPathToWhen(expected)).toEqual({ variable: name, when: bounds });
  });
});

describe('the fhirpath engine agrees with acceptsValue() on the forms the bundled logigrammes lack', () => {
  const samples: Array<[string, When, Array<number | string>]> = [
    ['dfg', { between: [30, 59.5] }, [29.99, 30, 45, 59.5, 59.51]],
    ['grade-podologique', { in: [1, 2, 3] }, [0, 1, 3, 4]],
    ['statut', { eq: "l'ancien" }, ["l'ancien", 'ancien', 'actif']],
    ['statut', { in: ['actif', 'ancien'] }, ['actif', 'ancien', 'nouveau']],
    ['hba1c', { gt: 7, lte: 8 }, [7, 7.01, 8, 8.01]],
  ];
  it.each(samples)('%s %j', (name, when, values) => {
    const expression = whenToFhirPath(name, when);
    for (const value of values) {
      const result = fhirpath.evaluate({}, expression, { [name]: value }, r4) as unknown[];
      expect(result[0] === true, `${expression} at ${value}`).toBe(acceptsValue(when as Condition, value));
    }
  });
});

describe('FHIRPath logi does not write is refused, not guessed', () => {
  it.each([
    ['another function', '%hba1c.exists()'],
    ['two variables', '%hba1c > 7 and %dfg < 30'],
    ['or', '%hba1c > 7 or %hba1c < 4'],
    ['a bound twice', '%hba1c > 7 and %hba1c > 8'],
    ['an order on text', "%statut > 'a'"],
    ['an unclosed string', "%statut = 'a"],
    ['a between that is not one', '(%dfg > 30 and %dfg <= 59)'],
    ['an empty expression', ''],
  ])('%s: %s', (_what, expression) => {
    expect(() => fhirPathToWhen(expression)).toThrow(ConditionSyntaxError);
  });
});
