/**
 * The SQL compiler of stratum criteria (docs/stratify.md, "The SQL query"): one query over the
 * normalised tables (tables.ts) giving `patient_id, territory, stratum, reason` for every patient,
 * in three dialects that differ in the small table DIALECTS. The atoms that read an event table
 * are computed by the dialect's store (sql-atoms.ts): one window CTE per atom for PostgreSQL and
 * Spark, matched rows grouped per patient for DuckDB; then a CASE picks the stratum. No
 * correlated subquery: the engines plan hash joins, linear in the rows.
 */
import { parsePattern } from '../criteria/codes.js';
import { LAB_TESTS, type Criterion, type NumericTest, type StratumCriteria } from '../criteria/types.js';
import { describeCriterion, LAB_LABELS } from '../criteria/describe.js';
import { MatchedAtoms, WindowAtoms, type AtomRef, type AtomStore } from './sql-atoms.js';

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
  /** How event atoms are computed (sql-atoms.ts): matched rows on DuckDB, one CTE per atom elsewhere. */
  atoms: 'matched' | 'window';
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
    atoms: 'matched',
  },
  postgres: {
    ident: (name) => `"${name}"`,
    literal: doubledQuotes,
    text: 'TEXT',
    monthsBefore: (date, months) => `CAST(${date} - INTERVAL '${months} month' AS DATE)`,
    month: (date) => `to_char(${date}, 'YYYY-MM')`,
    byCodePoint: (expr) => `${expr} COLLATE "C"`,
    atoms: 'window',
  },
  spark: {
    ident: (name) => `\`${name}\``,
    // Spark's string literals escape with a backslash, not by doubling the quote.
    literal: (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    text: 'STRING',
    monthsBefore: (date, months) => `add_months(${date}, -${months})`,
    month: (date) => `date_format(${date}, 'yyyy-MM')`,
    byCodePoint: (expr) => expr,
    atoms: 'window',
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

/** Compiles criteria against one as-of date and dialect; the event atoms go to the dialect's store (sql-atoms.ts). */
class Compiler {
  readonly atoms: AtomStore;
  private readonly d: Dialect;
  private readonly asOf: string;

  constructor(dialect: DialectName, asOfIso: string, reasons: boolean) {
    this.d = DIALECTS[dialect];
    this.asOf = dateLiteral(asOfIso);
    this.atoms = this.d.atoms === 'matched' ? new MatchedAtoms(this.d, this.asOf, { numericTest: numericTestSql }, reasons) : new WindowAtoms(this.d, this.asOf, { numericTest: numericTestSql, codePatterns: codePatternsSql });
  }

  private dated(atom: AtomRef, text: string): string {
    return `${text} || ' (' || ${this.d.month(atom.field('d'))} || ')'`;
  }

  private lab(c: Extract<Criterion, { kind: 'lab' }>): Compiled {
    const atom = this.atoms.lab({ lab: c.lab, value: c.value, withinMonths: c.withinMonths, test: c.test });
    // NYHA classes have no unit in the reason: `NYHA 3 (2026-02)`.
    const unit = c.lab === 'nyha' ? '' : ` ${LAB_TESTS[c.lab].unit}`;
    const text = `${this.d.literal(`${LAB_LABELS[c.lab]} `)} || ${atom.field('vt')}${unit ? ` || ${this.d.literal(unit)}` : ''}`;
    return { holds: atom.holds, reason: this.dated(atom, text) };
  }

  private event(c: Extract<Criterion, { kind: 'diagnosis' | 'dispensation' | 'stay' | 'act' }>): Compiled {
    const common = { withinMonths: c.withinMonths, minCount: c.minCount, ald: false };
    let atom: AtomRef;
    let text: string;
    if (c.kind === 'diagnosis') {
      atom = this.atoms.event({ ...common, table: 'diagnoses', codeColumn: 'code', dateColumn: 'date', patterns: c.codes, ald: c.ald });
      text = c.ald ? `'ALD ' || ${atom.field('c')}` : atom.field('c');
    } else if (c.kind === 'dispensation') {
      atom = this.atoms.event({ ...common, table: 'dispensations', codeColumn: 'atc', dateColumn: 'date', patterns: c.atc });
      text = `${atom.field('c')} || ' ×' || CAST(${atom.field('n')} AS ${this.d.text})`;
    } else if (c.kind === 'stay') {
      atom = this.atoms.event({ ...common, table: 'stays', codeColumn: 'main_diagnosis', dateColumn: 'admission', patterns: c.mainDiagnosis ?? null });
      text = `'stay ' || ${atom.field('c')}`;
    } else {
      atom = this.atoms.event({ ...common, table: 'acts', codeColumn: 'code', dateColumn: 'date', patterns: c.codes });
      text = atom.field('c');
    }
    return { holds: atom.holds, reason: this.dated(atom, text) };
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

export interface CompileOptions {
  asOf: string;
  dialect: DialectName;
  /** Whether to give each patient's reason (default true); without, the query is leaner (docs/stratify.md, "Counts only"). */
  reasons?: boolean;
}

/**
 * The query assigning every patient of `patients` to a stratum of the plan at `asOf`, with its
 * reason: `patient_id, territory, stratum, reason` (stratum `outside` for those outside the
 * pyramid); without reasons, `patient_id, territory, stratum`.
 */
export function compileStratifySql(plan: StratifyPlan, options: CompileOptions): string {
  const reasons = options.reasons ?? true;
  const compiler = new Compiler(options.dialect, options.asOf, reasons);
  const outside = compiler.outside(plan.population);
  const strata = plan.order.map((s) => ({ stratum: s.stratum, ...compiler.compile(s.rule) }));
  // Each branch of the CASE: its condition, its stratum (a literal) and its reason.
  const branches: Branch[] = [
    ...outside.map((o) => ({ when: o.when, stratum: compiler.literal(OUTSIDE), reason: o.reason })),
    ...strata.map((s) => ({ when: s.holds, stratum: compiler.literal(s.stratum), reason: s.reason })),
  ];
  const otherwise = { stratum: compiler.literal(plan.bottom), reason: compiler.literal(REST_REASON) };
  const ctes = [compiler.patientsCte(options.asOf), ...compiler.atoms.ctes()];
  const from = [`FROM p`, ...compiler.atoms.joins()];
  // Without any event atom, both forms are the plain CASE below.
  if (compiler.atoms instanceof MatchedAtoms && compiler.atoms.size > 0) return matchedQuery(compiler.atoms, ctes, branches, otherwise, { outsideCount: outside.length, reasons });
  const stratum = `  CASE\n${branches.map((b) => `    WHEN ${b.when} THEN ${b.stratum}`).join('\n')}\n    ELSE ${otherwise.stratum}\n  END AS stratum`;
  const reason = `  CASE\n${branches.map((b) => `    WHEN ${b.when} THEN ${b.reason}`).join('\n')}\n    ELSE ${otherwise.reason}\n  END AS reason`;
  return [`WITH ${ctes.join(',\n')}`, `SELECT p.patient_id AS patient_id, p.territory AS territory,`, reasons ? `${stratum},\n${reason}` : stratum, ...from].join('\n');
}

type Branch = { when: string; stratum: string; reason: string };

/**
 * The query of the matched-rows form (DuckDB): `b` evaluates the branch conditions once per
 * patient into `branch` (from the masks of `g`), `r` keeps the atoms' rows of the patients whose
 * reason names atoms (the strata's branches), and the stratum and reason follow from `branch`,
 * with the patients as `p` and their rows as `g`, the names the reasons use.
 */
function matchedQuery(atoms: MatchedAtoms, ctes: string[], branches: Branch[], otherwise: { stratum: string; reason: string }, options: { outsideCount: number; reasons: boolean }): string {
  const branchCase = `CASE\n${branches.map((b, i) => `    WHEN ${b.when} THEN ${i}`).join('\n')}\n    ELSE ${branches.length}\n  END`;
  const needed = `x.branch >= ${options.outsideCount} AND x.branch < ${branches.length}`;
  const byBranch = (pick: (b: Branch) => string, last: string) => `CASE p.branch\n${branches.map((b, i) => `    WHEN ${i} THEN ${pick(b)}`).join('\n')}\n    ELSE ${last}\n  END`;
  const patients = `b AS (\n  SELECT p.*, ${branchCase} AS branch\n  FROM p\n  ${atoms.joins().join('\n  ')}\n)`;
  if (!options.reasons) {
    return [`WITH ${[...ctes, patients].join(',\n')}`, `SELECT p.patient_id AS patient_id, p.territory AS territory,`, `  ${byBranch((b) => b.stratum, otherwise.stratum)} AS stratum`, `FROM b p`].join('\n');
  }
  return [
    `WITH ${[...ctes, patients, atoms.reasonRows('b', needed)].join(',\n')}`,
    `SELECT p.patient_id AS patient_id, p.territory AS territory,`,
    `  ${byBranch((b) => b.stratum, otherwise.stratum)} AS stratum,`,
    `  ${byBranch((b) => b.reason, otherwise.reason)} AS reason`,
    `FROM b p LEFT JOIN r g ON g.patient_id = p.patient_id`,
  ].join('\n');
}
