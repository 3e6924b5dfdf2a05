/**
 * The SQL compiler's dialects and small pieces (docs/stratify.md, "The SQL query"). The engines'
 * agreement with hand-written assignments is postgres-agreement.test.ts; Spark SQL, which no test
 * can run here, is checked for syntax by an offline Spark SQL grammar (dt-sql-parser).
 */
import { SparkSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { describeCriterion } from '../../src/criteria/describe.js';
import { compileStratifySql, numericTestSql, stratifyPlan } from '../../src/stratify/sql.js';
import { PLAN } from './plan.js';

describe('Spark SQL', () => {
  const parser = new SparkSQL();

  it('the grammar refuses broken SQL (so that an empty error list means something)', () => {
    expect(parser.validate('SELECT FROM WHERE').length).toBeGreaterThan(0);
    // DuckDB's interval syntax with a quoted unit is not Spark's date arithmetic of the dialect table.
    expect(parser.validate(compileStratifySql(PLAN, { asOf: '2026-03-31', dialect: 'postgres' })).length).toBeGreaterThan(0);
  });

  it('the query of a pyramid using every atom parses as Spark SQL', () => {
    const sql = compileStratifySql(PLAN, { asOf: '2026-03-31', dialect: 'spark' });
    expect(parser.validate(sql)).toEqual([]);
    // Windows by add_months (the month clamp is Spark's: add_months('2026-03-31', -1) = 2026-02-28).
    expect(sql).toContain("add_months(DATE '2026-03-31', -1)");
    expect(sql).toContain("date_format(a1.d, 'yyyy-MM')");
  });

  it("quotes string literals the Spark way (backslash), the others by doubling", () => {
    const plan = { order: [{ stratum: 'S1', rule: { kind: 'territory' as const, ids: ["o'hara"] } }], bottom: 'S0', strata: ['S0', 'S1'] };
    const spark = compileStratifySql(plan, { asOf: '2026-03-31', dialect: 'spark' });
    expect(spark).toContain("IN ('o\\'hara')");
    expect(parser.validate(spark)).toEqual([]);
    expect(compileStratifySql(plan, { asOf: '2026-03-31', dialect: 'duckdb' })).toContain("IN ('o''hara')");
  });
});

describe('pieces', () => {
  it('numeric tests: every bound joined by AND; none is TRUE; an empty `in` is FALSE', () => {
    expect(numericTestSql('v', {})).toBe('TRUE');
    expect(numericTestSql('v', { gte: 8, lt: 10 })).toBe('(v < 10) AND (v >= 8)');
    expect(numericTestSql('v', { between: [1, 2], in: [] })).toBe('(FALSE) AND (v BETWEEN 1 AND 2)');
  });

  it('the description `not` gives: code patterns, tests, nested', () => {
    expect(describeCriterion({ kind: 'diagnosis', codes: ['E10*', 'E13'], minCount: 1, ald: true })).toBe('ALD E10*, E13');
    expect(describeCriterion({ kind: 'age', test: { gte: 18, lt: 65 } })).toBe('age < 65 and ≥ 18');
    expect(describeCriterion({ kind: 'all', of: [{ kind: 'sex', sex: 'F' }, { kind: 'lab', lab: 'nyha', value: 'latest', test: { in: [3, 4] } }] })).toBe('(sex F + NYHA in {3, 4})');
    expect(describeCriterion({ kind: 'any', of: [{ kind: 'lab', lab: 'egfr', value: 'worst', test: { lt: 30 } }, { kind: 'stay', minCount: 1 }] })).toBe('(eGFR < 30 or stay)');
  });

  it('the plan: the bottom stratum and free-text strata are never evaluated', () => {
    const rule = { kind: 'sex' as const, sex: 'F' as const };
    const strata = [{ stratum: 'S0', rule }, { stratum: 'S1' }, { stratum: 'S2', rule }];
    // The assignment order (src/criteria/parse.ts) would give S2, S1: S1 has no rule.
    expect(stratifyPlan({ strata }, [strata[2]!, strata[1]!])).toEqual({ order: [{ stratum: 'S2', rule }], bottom: 'S0', strata: ['S0', 'S1', 'S2'] });
  });
});
