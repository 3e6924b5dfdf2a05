/**
 * The SQL compiler of stratum criteria (docs/stratify.md, "The SQL query"): one query over the
 * normalised tables (tables.ts) giving `patient_id, territory, stratum, reason` for every patient,
 * in three dialects that differ only in the small table DIALECTS. Each atom that reads an event
 * table becomes one common table expression, aggregated per patient with window functions (one
 * row per patient: the latest matching row, the count); the patients are LEFT JOINed to every
 * atom once, and a CASE picks the stratum. No correlated subquery: the engines plan hash joins,
 * linear in the rows.
 */
import { parsePattern } from '../criteria/codes.js';
import { LAB_TESTS, type Criterion, type NumericTest, type StratumCriteria } from '../criteria/types.js';
import { LABS_VALUE_TEXT } from './tables.js';
import { describeCriterion, LAB_LABELS } from '../criteria/describe.js';

export const DIALECT_NAMES = ['duckdb', 'postgres', 'spark'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

interface Dialect {
  /** A quoted identifier. */
  ident(name: string): string;
  /** A string literal. */
  literal(text: string): string;
  /** The text type, for CAST. */
  text: string;
  /** The date `months` calendar months before `date`, the day clamped to the month's last (2026-03-31 − 1 → 2026-02-28). */
  monthsBefore(date: string, months: number): string;
  /** `YYYY-MM` of a date. */
  month(date: string): string;
  /** A text expression sorted by code point (PostgreSQL would follow the database's collation). */
  byCodePoint(expr: string): string;
}

const doubledQuotes = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  duckdb: {
    ident: (name) => `"${name}"`,
    literal: doubledQuotes,
    text: 'VARCHAR',
    monthsBefore: (date, months) => `CAST(${date} - INTERVAL '${months} month' AS DATE)`,
    month: (date) => `strftime(${date}, '%Y-%m')`,
    byCodePoint: (expr) => expr,
  },
  postgres: {
    ident: (name) => `"${name}"`,
    literal: doubledQuotes,
    text: 'TEXT',
    monthsBefore: (date, months) => `CAST(${date} - INTERVAL '${months} month' AS DATE)`,
    month: (date) => `to_char(${date}, 'YYYY-MM')`,
    byCodePoint: (expr) => `${expr} COLLATE "C"`,
  },
  spark: {
    ident: (name) => `\`${name}\``,
    // Spark's string literals escape with a backslash, not by doubling the quote.
    literal: (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    text: 'STRING',
    monthsBefore: (date, months) => `add_months(${date}, -${months})`,
    month: (date) => `date_format(${date}, 'yyyy-MM')`,
    byCodePoint: (expr) => expr,
  },
};

/** The reasons of the patients outside the pyramid and of the bottom stratum. */
export const OUTSIDE = 'outside';
export const REST_REASON = 'rest';
export const NOT_IN_POPULATION_REASON = 'not in the population';

/** What the compiler needs of a pyramid: who is in it, the strata in assignment order, the bottom one. */
export interface StratifyPlan {
  population?: Criterion;
  /** The strata evaluated, in order (docs/stratify.md, "Assignment"), bottom excluded. */
  order: { stratum: string; rule: Criterion }[];
  /** The bottom stratum: everyone in the population no other stratum took. */
  bottom: string;
  /** Every stratum of the pyramid, in pyramid order (bottom first): the rows of the counts. */
  strata: string[];
}

/**
 * The plan of a pyramid from its strata (pyramid order, bottom first) and the assignment order
 * (`assignmentOrder` of src/criteria/parse.ts): strata with free-text criteria only are never matched.
 */
export function stratifyPlan(criteria: { population?: Criterion; strata: readonly StratumCriteria[] }, order: readonly StratumCriteria[]): StratifyPlan {
  const bottom = criteria.strata[0];
  if (!bottom) throw new Error('a pyramid has at least one stratum');
  const evaluated = order.filter((s) => s.stratum !== bottom.stratum && s.rule !== undefined).map((s) => ({ stratum: s.stratum, rule: s.rule as Criterion }));
  const strata = criteria.strata.map((s) => s.stratum);
  return { ...(criteria.population ? { population: criteria.population } : {}), order: evaluated, bottom: bottom.stratum, strata };
}

/** The compiled form of one node: whether it holds, and its reason (both SQL expressions). */
interface Compiled {
  holds: string;
  reason: string;
}

/** An ISO date checked, for a literal. */
function dateLiteral(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return `DATE '${iso}'`;
}

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** The bounds of a numeric test over `expr`, joined by AND (TRUE when none). */
export function numericTestSql(expr: string, test: NumericTest): string {
  const parts: string[] = [];
  if (test.lt !== undefined) parts.push(`${expr} < ${numberLiteral(test.lt)}`);
  if (test.lte !== undefined) parts.push(`${expr} <= ${numberLiteral(test.lte)}`);
  if (test.gt !== undefined) parts.push(`${expr} > ${numberLiteral(test.gt)}`);
  if (test.gte !== undefined) parts.push(`${expr} >= ${numberLiteral(test.gte)}`);
  if (test.eq !== undefined) parts.push(`${expr} = ${numberLiteral(test.eq)}`);
  if (test.in !== undefined) parts.push(test.in.length === 0 ? 'FALSE' : `${expr} IN (${test.in.map(numberLiteral).join(', ')})`);
  if (test.between !== undefined) parts.push(`${expr} BETWEEN ${numberLiteral(test.between[0])} AND ${numberLiteral(test.between[1])}`);
  return parts.length === 0 ? 'TRUE' : parts.map((p) => `(${p})`).join(' AND ');
}

/**
 * The SQL condition that the normalised code in `column` matches one of the patterns
 * (src/criteria/codes.ts): `E11` equal, `E11*` starting with E11 (`substr`, which every dialect
 * has); no pattern: FALSE. The one home of code matching in SQL, for the query and the worklist.
 */
export function codePatternsSql(column: string, patterns: readonly string[], literal: (text: string) => string): string {
  const each = patterns.map((p) => {
    const { code, prefix } = parsePattern(p);
    return prefix ? `substr(${column}, 1, ${code.length}) = ${literal(code)}` : `${column} = ${literal(code)}`;
  });
  return each.length === 0 ? 'FALSE' : `(${each.join(' OR ')})`;
}

/** Compiles criteria against one as-of date and dialect, collecting one CTE per distinct event atom. */
class Compiler {
  readonly ctes: string[] = [];
  readonly joins: string[] = [];
  private readonly atoms = new Map<string, string>();
  private readonly d: Dialect;
  private readonly asOf: string;

  constructor(dialect: DialectName, asOfIso: string) {
    this.d = DIALECTS[dialect];
    this.asOf = dateLiteral(asOfIso);
  }

  private q(name: string): string {
    return this.d.ident(name);
  }

  /** The rows of `dateColumn` inside the window: asOf − m months < d ≤ asOf (docs/stratify.md, "Windows"). */
  private window(dateColumn: string, withinMonths: number | undefined): string[] {
    const column = this.q(dateColumn);
    const upTo = `${column} <= ${this.asOf}`;
    return withinMonths === undefined ? [upTo] : [upTo, `${column} > ${this.d.monthsBefore(this.asOf, withinMonths)}`];
  }

  private patterns(column: string, patterns: readonly string[]): string {
    return codePatternsSql(this.q(column), patterns, (text) => this.d.literal(text));
  }

  /** The CTE alias of an atom, created the first time the same atom is met. */
  private atom(key: object, body: (alias: string) => string): string {
    const id = JSON.stringify(key);
    const known = this.atoms.get(id);
    if (known) return known;
    const alias = `a${this.atoms.size + 1}`;
    this.atoms.set(id, alias);
    this.ctes.push(`${alias} AS (\n${body(alias)}\n)`);
    this.joins.push(`LEFT JOIN ${alias} ON ${alias}.patient_id = p.patient_id`);
    return alias;
  }

  /**
   * An event atom: the matching rows of `table` in the window, per patient their count `n` and the
   * latest one (its code `c`, its date `d`; on one date, the smallest code by code point); kept
   * when n ≥ minCount.
   */
  private events(table: string, code: string, date: string, filters: string[], minCount: number): string {
    const [c, d] = [this.q(code), this.q(date)];
    return this.atom({ table, code, date, filters, minCount }, () =>
      [
        `  SELECT patient_id, c, d, n FROM (`,
        `    SELECT patient_id, ${c} AS c, ${d} AS d, COUNT(*) OVER (PARTITION BY patient_id) AS n,`,
        `      ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY ${d} DESC, ${this.d.byCodePoint(c)} ASC) AS k`,
        `    FROM ${table}`,
        `    WHERE ${filters.join(' AND ')}`,
        `  ) t WHERE k = 1 AND n >= ${Math.max(1, Math.trunc(minCount))}`,
      ].join('\n'),
    );
  }

  private dated(alias: string, text: string): string {
    return `${text} || ' (' || ${this.d.month(`${alias}.d`)} || ')'`;
  }

  private lab(c: Extract<Criterion, { kind: 'lab' }>): Compiled {
    const worseFirst = LAB_TESTS[c.lab].worse === 'higher' ? 'DESC' : 'ASC';
    const byDate = `${this.q('date')} DESC`;
    const byValue = `${this.q('value')} ${worseFirst}`;
    const order = c.value === 'latest' ? [byDate, byValue] : [byValue, byDate];
    const filters = [`${this.q('test')} = ${this.d.literal(c.lab)}`, ...this.window('date', c.withinMonths)];
    const alias = this.atom({ lab: c.lab, value: c.value, within: c.withinMonths, test: c.test }, () =>
      [
        `  SELECT patient_id, v, vt, d FROM (`,
        `    SELECT patient_id, ${this.q('value')} AS v, ${this.q(LABS_VALUE_TEXT)} AS vt, ${this.q('date')} AS d,`,
        `      ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY ${[...order, `${this.d.byCodePoint(this.q(LABS_VALUE_TEXT))} ASC`].join(', ')}) AS k`,
        `    FROM labs`,
        `    WHERE ${filters.join(' AND ')}`,
        `  ) t WHERE k = 1 AND ${numericTestSql('v', c.test)}`,
      ].join('\n'),
    );
    // NYHA classes have no unit in the reason: `NYHA 3 (2026-02)`.
    const unit = c.lab === 'nyha' ? '' : ` ${LAB_TESTS[c.lab].unit}`;
    const text = `${this.d.literal(`${LAB_LABELS[c.lab]} `)} || ${alias}.vt${unit ? ` || ${this.d.literal(unit)}` : ''}`;
    return { holds: `${alias}.patient_id IS NOT NULL`, reason: this.dated(alias, text) };
  }

  private event(c: Extract<Criterion, { kind: 'diagnosis' | 'dispensation' | 'stay' | 'act' }>): Compiled {
    let alias: string;
    let text: (alias: string) => string;
    if (c.kind === 'diagnosis') {
      const filters = [this.patterns('code', c.codes), ...(c.ald ? [this.q('ald')] : []), ...this.window('date', c.withinMonths)];
      alias = this.events('diagnoses', 'code', 'date', filters, c.minCount);
      text = (a) => (c.ald ? `'ALD ' || ${a}.c` : `${a}.c`);
    } else if (c.kind === 'dispensation') {
      alias = this.events('dispensations', 'atc', 'date', [this.patterns('atc', c.atc), ...this.window('date', c.withinMonths)], c.minCount);
      text = (a) => `${a}.c || ' ×' || CAST(${a}.n AS ${this.d.text})`;
    } else if (c.kind === 'stay') {
      const filters = [...(c.mainDiagnosis ? [this.patterns('main_diagnosis', c.mainDiagnosis)] : []), ...this.window('admission', c.withinMonths)];
      alias = this.events('stays', 'main_diagnosis', 'admission', filters, c.minCount);
      text = (a) => `'stay ' || ${a}.c`;
    } else {
      alias = this.events('acts', 'code', 'date', [this.patterns('code', c.codes), ...this.window('date', c.withinMonths)], c.minCount);
      text = (a) => `${a}.c`;
    }
    return { holds: `${alias}.patient_id IS NOT NULL`, reason: this.dated(alias, text(alias)) };
  }

  compile(c: Criterion): Compiled {
    switch (c.kind) {
      case 'all': {
        const children = c.of.map((child) => this.compile(child));
        return { holds: children.map((x) => `(${x.holds})`).join(' AND '), reason: children.map((x) => x.reason).join(` || ' + ' || `) };
      }
      case 'any': {
        const children = c.of.map((child) => this.compile(child));
        const reason = `CASE ${children.map((x) => `WHEN ${x.holds} THEN ${x.reason}`).join(' ')} END`;
        return { holds: `(${children.map((x) => `(${x.holds})`).join(' OR ')})`, reason };
      }
      case 'not':
        return { holds: `NOT (${this.compile(c.of).holds})`, reason: this.d.literal(`no ${describeCriterion(c.of)}`) };
      case 'age':
        return { holds: numericTestSql('p.age', c.test), reason: `'age ' || CAST(p.age AS ${this.d.text})` };
      case 'sex':
        return { holds: `p.sex = ${this.d.literal(c.sex)}`, reason: this.d.literal(`sex ${c.sex}`) };
      case 'territory':
        return { holds: c.ids.length === 0 ? 'FALSE' : `p.territory IN (${c.ids.map((i) => this.d.literal(i)).join(', ')})`, reason: `'territory ' || p.territory` };
      case 'lab':
        return this.lab(c);
      default:
        return this.event(c);
    }
  }

  /** The patients with their age at asOf: year(asOf) − year(birth), less one before the birthday. */
  patientsCte(asOfIso: string): string {
    const [year, month, day] = asOfIso.split('-').map(Number) as [number, number, number];
    const [bm, bd] = ['MONTH', 'DAY'].map((part) => `EXTRACT(${part} FROM birth_date)`) as [string, string];
    const age = `${year} - EXTRACT(YEAR FROM birth_date) - CASE WHEN ${bm} > ${month} OR (${bm} = ${month} AND ${bd} > ${day}) THEN 1 ELSE 0 END`;
    return `p AS (\n  SELECT patient_id, territory, sex, birth_date, death_date, CAST(${age} AS INTEGER) AS age FROM patients\n)`;
  }

  /** The outside branches of the CASE: dead on or before asOf (checked first), not in the population. */
  outside(population: Criterion | undefined): { when: string; reason: string }[] {
    const branches = [
      { when: `p.death_date IS NOT NULL AND p.death_date <= ${this.asOf}`, reason: `'death (' || ${this.d.month('p.death_date')} || ')'` },
    ];
    if (population) branches.push({ when: `NOT (${this.compile(population).holds})`, reason: this.d.literal(NOT_IN_POPULATION_REASON) });
    return branches;
  }

  get asOfLiteral(): string {
    return this.asOf;
  }

  literal(text: string): string {
    return this.d.literal(text);
  }
}

/**
 * The query assigning every patient of `patients` to a stratum of the plan at `asOf`, with its
 * reason: `patient_id, territory, stratum, reason` (stratum `outside` for those outside the pyramid).
 */
export function compileStratifySql(plan: StratifyPlan, options: { asOf: string; dialect: DialectName }): string {
  const compiler = new Compiler(options.dialect, options.asOf);
  const outside = compiler.outside(plan.population);
  const strata = plan.order.map((s) => ({ stratum: s.stratum, ...compiler.compile(s.rule) }));
  const stratumCase = [
    ...outside.map((o) => `    WHEN ${o.when} THEN ${compiler.literal(OUTSIDE)}`),
    ...strata.map((s) => `    WHEN ${s.holds} THEN ${compiler.literal(s.stratum)}`),
    `    ELSE ${compiler.literal(plan.bottom)}`,
  ];
  const reasonCase = [...outside.map((o) => `    WHEN ${o.when} THEN ${o.reason}`), ...strata.map((s) => `    WHEN ${s.holds} THEN ${s.reason}`), `    ELSE ${compiler.literal(REST_REASON)}`];
  const ctes = [compiler.patientsCte(options.asOf), ...compiler.ctes];
  return [
    `WITH ${ctes.join(',\n')}`,
    `SELECT p.patient_id AS patient_id, p.territory AS territory,`,
    `  CASE\n${stratumCase.join('\n')}\n  END AS stratum,`,
    `  CASE\n${reasonCase.join('\n')}\n  END AS reason`,
    `FROM p`,
    ...compiler.joins,
  ].join('\n');
}
