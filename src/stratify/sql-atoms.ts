/**
 * How the SQL compiler (sql.ts) computes the atoms that read an event table (docs/stratify.md,
 * "The SQL query"): per patient, whether the atom holds and the row it keeps for the reason. Two
 * forms give the same rows:
 * - **one CTE per atom** (PostgreSQL, Spark): the atom's rows filtered, ranked by window functions;
 *   one LEFT JOIN per atom;
 * - **matched rows** (DuckDB): each event table is read once, its rows joined on their code
 *   prefixes to a small table of every atom's patterns, so that only the rows some atom matches
 *   are kept; those are grouped per (patient, atom), and a last grouping per patient gives one bit
 *   per atom that holds and a MAP from atom to its kept row. Its cost grows with the rows of the
 *   tables and the matched rows, not with rows × atoms, and the patients are joined once.
 */
import { parsePattern } from '../criteria/codes.js';
import { LAB_TESTS, type LabTest, type NumericTest } from '../criteria/types.js';
import { LABS_VALUE_TEXT } from './tables.js';

/** What the atom stores need of a dialect (sql.ts's Dialect). */
export interface AtomDialect {
  ident(name: string): string;
  literal(text: string): string;
  monthsBefore(date: string, months: number): string;
  byCodePoint(expr: string): string;
}

/** A compiled atom: whether it holds for the patient, and its kept row's fields. */
export interface AtomRef {
  holds: string;
  field(name: 'c' | 'd' | 'n' | 'v' | 'vt'): string;
}

/** An atom over diagnoses, dispensations, stays or acts: at least `minCount` matching rows in the window. */
export interface EventAtom {
  table: 'diagnoses' | 'dispensations' | 'stays' | 'acts';
  codeColumn: string;
  dateColumn: string;
  /** Code patterns (src/criteria/codes.ts); null: every row of the window (a stay without `main-diagnosis`). */
  patterns: readonly string[] | null;
  /** Only the rows flagged ALD (diagnoses). */
  ald: boolean;
  withinMonths: number | undefined;
  minCount: number;
}

/** An atom over labs: the latest or worst value of `lab` in the window passes `test`. */
export interface LabAtom {
  lab: LabTest;
  value: 'latest' | 'worst';
  withinMonths: number | undefined;
  test: NumericTest;
}

export interface AtomStore {
  event(atom: EventAtom): AtomRef;
  lab(atom: LabAtom): AtomRef;
  /** The CTEs the atoms need, after the patients' `p`. */
  ctes(): string[];
  /** The joins to `p`. */
  joins(): string[];
}

/** The numeric test of a lab atom over a value expression (sql.ts's numericTestSql). */
export type NumericTestSql = (expr: string, test: NumericTest) => string;

/** The code-pattern condition over a column (sql.ts's codePatternsSql). */
export type CodePatternsSql = (column: string, patterns: readonly string[], literal: (text: string) => string) => string;

const minimumCount = (minCount: number): number => Math.max(1, Math.trunc(minCount));

/** The one-CTE-per-atom form: each atom a CTE ranked by ROW_NUMBER, LEFT JOINed to `p`. */
export class WindowAtoms implements AtomStore {
  private readonly known = new Map<string, AtomRef>();
  private readonly cteList: string[] = [];
  private readonly joinList: string[] = [];

  constructor(
    private readonly d: AtomDialect,
    private readonly asOf: string,
    private readonly sql: { numericTest: NumericTestSql; codePatterns: CodePatternsSql },
  ) {}

  private window(column: string, withinMonths: number | undefined): string[] {
    const upTo = `${column} <= ${this.asOf}`;
    return withinMonths === undefined ? [upTo] : [upTo, `${column} > ${this.d.monthsBefore(this.asOf, withinMonths)}`];
  }

  private cte(key: object, lines: (alias: string) => string[]): AtomRef {
    const id = JSON.stringify(key);
    const seen = this.known.get(id);
    if (seen) return seen;
    const alias = `a${this.known.size + 1}`;
    this.cteList.push(`${alias} AS (\n${lines(alias).join('\n')}\n)`);
    this.joinList.push(`LEFT JOIN ${alias} ON ${alias}.patient_id = p.patient_id`);
    const ref: AtomRef = { holds: `${alias}.patient_id IS NOT NULL`, field: (name) => `${alias}.${name}` };
    this.known.set(id, ref);
    return ref;
  }

  /** Per patient the count `n` of the matching rows and the latest one (code `c`, date `d`; on one date the smallest code by code point); kept when n ≥ minCount. */
  event(atom: EventAtom): AtomRef {
    const [c, d] = [this.d.ident(atom.codeColumn), this.d.ident(atom.dateColumn)];
    const filters = [
      ...(atom.patterns ? [this.sql.codePatterns(c, atom.patterns, (text) => this.d.literal(text))] : []),
      ...(atom.ald ? [this.d.ident('ald')] : []),
      ...this.window(d, atom.withinMonths),
    ];
    return this.cte({ ...atom, kind: 'event' }, () => [
      `  SELECT patient_id, c, d, n FROM (`,
      `    SELECT patient_id, ${c} AS c, ${d} AS d, COUNT(*) OVER (PARTITION BY patient_id) AS n,`,
      `      ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY ${d} DESC, ${this.d.byCodePoint(c)} ASC) AS k`,
      `    FROM ${atom.table}`,
      `    WHERE ${filters.join(' AND ')}`,
      `  ) t WHERE k = 1 AND n >= ${minimumCount(atom.minCount)}`,
    ]);
  }

  /** Per patient the lab row first in the atom's order (latest: date, then worse value; worst: the reverse; then value text); kept when it passes the test. */
  lab(atom: LabAtom): AtomRef {
    const [value, date, text] = [this.d.ident('value'), this.d.ident('date'), this.d.ident(LABS_VALUE_TEXT)];
    const byDate = `${date} DESC`;
    const byValue = `${value} ${LAB_TESTS[atom.lab].worse === 'higher' ? 'DESC' : 'ASC'}`;
    const order = [...(atom.value === 'latest' ? [byDate, byValue] : [byValue, byDate]), `${this.d.byCodePoint(text)} ASC`];
    const filters = [`${this.d.ident('test')} = ${this.d.literal(atom.lab)}`, ...this.window(date, atom.withinMonths)];
    return this.cte({ ...atom, kind: 'lab' }, () => [
      `  SELECT patient_id, v, vt, d FROM (`,
      `    SELECT patient_id, ${value} AS v, ${text} AS vt, ${date} AS d,`,
      `      ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY ${order.join(', ')}) AS k`,
      `    FROM labs`,
      `    WHERE ${filters.join(' AND ')}`,
      `  ) t WHERE k = 1 AND ${this.sql.numericTest('v', atom.test)}`,
    ]);
  }

  ctes(): string[] {
    return this.cteList;
  }

  joins(): string[] {
    return this.joinList;
  }
}

/**
 * The patterns of one atom with none contained in another (E112* inside E11*, E112 inside E11*,
 * a code twice), so that a row matches at most one of them: the join on patterns then gives each
 * matching row once per atom, and the counts stay counts of rows.
 */
export function disjointPatterns(patterns: readonly string[]): { code: string; prefix: boolean }[] {
  const parsed = patterns.map(parsePattern);
  const covers = (a: { code: string; prefix: boolean }, b: { code: string; prefix: boolean }): boolean => (a.prefix ? b.code.startsWith(a.code) : !b.prefix && a.code === b.code);
  const kept: { code: string; prefix: boolean }[] = [];
  parsed.forEach((p, i) => {
    // Dropped when another pattern covers it; of two equal ones, the first is kept.
    const covered = parsed.some((q, j) => j !== i && covers(q, p) && !(covers(p, q) && j > i));
    if (!covered) kept.push(p);
  });
  return kept;
}

interface EventSpec {
  atom: number;
  spec: EventAtom;
}

interface LabSpec {
  atom: number;
  spec: LabAtom;
}

/** Atoms per mask column: the bits of a UBIGINT. */
const MASK_BITS = 64;

/**
 * The matched-rows form (DuckDB only: it uses STRUCT, MAP and bit operations). Without reasons
 * (`logi stratify --counts-only`) it keeps no row per atom: an event atom of minimum count 1 holds
 * as soon as one matched row exists, so its rows go straight to the per-patient masks without a
 * grouping per (patient, atom); a lab atom keeps only its sort keys, from which its value follows.
 */
export class MatchedAtoms implements AtomStore {
  private readonly known = new Map<string, AtomRef>();
  private readonly events: EventSpec[] = [];
  private readonly labs: LabSpec[] = [];

  constructor(
    private readonly d: AtomDialect,
    private readonly asOf: string,
    private readonly sql: { numericTest: NumericTestSql },
    private readonly reasons: boolean,
  ) {}

  /** The number of distinct atoms met. */
  get size(): number {
    return this.known.size;
  }

  /** The atom of `key` (numbered from 0 the first time it is met): its bit of `g.mask…`, its row in the MAP `g.kept`. */
  private register(key: object, add: (atom: number) => void): AtomRef {
    const id = JSON.stringify(key);
    const seen = this.known.get(id);
    if (seen) return seen;
    const atom = this.known.size;
    add(atom);
    const ref: AtomRef = {
      holds: `((coalesce(g.mask${Math.floor(atom / MASK_BITS)}, 0) >> ${atom % MASK_BITS}) & 1 = 1)`,
      field: (name) => `g.kept[${atom}].${name}`,
    };
    this.known.set(id, ref);
    return ref;
  }

  event(spec: EventAtom): AtomRef {
    return this.register({ ...spec, kind: 'event' }, (atom) => this.events.push({ atom, spec }));
  }

  lab(spec: LabAtom): AtomRef {
    return this.register({ ...spec, kind: 'lab' }, (atom) => this.labs.push({ atom, spec }));
  }

  /** The first day of the window as a literal, or NULL: rows with since < date ≤ asOf. */
  private since(withinMonths: number | undefined): string {
    return withinMonths === undefined ? 'CAST(NULL AS DATE)' : this.d.monthsBefore(this.asOf, withinMonths);
  }

  /** The CTE `m_<table>`: every row of the table some atom matches, once per atom (patient_id, atom, c, d). */
  private matchedEvents(table: EventAtom['table'], specs: EventSpec[]): string {
    const { codeColumn, dateColumn } = specs[0]!.spec;
    const [c, d] = [`e.${this.d.ident(codeColumn)}`, `e.${this.d.ident(dateColumn)}`];
    const rows: string[] = [];
    for (const { atom, spec } of specs) {
      const patterns = spec.patterns === null ? [{ code: '', prefix: true }] : disjointPatterns(spec.patterns);
      for (const p of patterns) rows.push(`(${atom}, ${p.prefix ? p.code.length : -1}, ${this.d.literal(p.code)}, ${this.since(spec.withinMonths)}, ${spec.ald ? 'TRUE' : 'FALSE'}, ${spec.patterns === null ? 'TRUE' : 'FALSE'})`);
    }
    const keys = `k_${table}`;
    const lengths = [...new Set(rows.map((r) => Number(r.split(', ')[1])))].sort((a, b) => a - b);
    const window = `${d} <= ${this.asOf} AND (a.since IS NULL OR ${d} > a.since)${table === 'diagnoses' ? ` AND (e.${this.d.ident('ald')} OR NOT a.ald)` : ''}`;
    const selects = lengths.map((length) => {
      // -1: exact codes; 0 with every_row: the atoms without patterns; else the prefixes of that length.
      const on = length < 0 ? `${c} = a.code` : length === 0 ? `(a.every_row OR ${c} IS NOT NULL)` : `substr(${c}, 1, ${length}) = a.code`;
      return `  SELECT e.patient_id, a.atom, ${c} AS c, ${d} AS d FROM ${table} e JOIN ${keys} a ON a.len = ${length} AND ${on} WHERE ${window}`;
    });
    return [
      `${keys}(atom, len, code, since, ald, every_row) AS (VALUES ${rows.join(', ')})`,
      `m_${table} AS (\n${selects.join('\n  UNION ALL\n')}\n)`,
    ].join(',\n');
  }

  /** The CTE `m_labs`: the rows of each lab atom's test in its window, with the atom's sort keys k0, k1. */
  private matchedLabs(): string {
    const rows = this.labs.map(({ atom, spec }) => {
      const sign = LAB_TESTS[spec.lab].worse === 'higher' ? -1 : 1;
      return `(${atom}, ${this.d.literal(spec.lab)}, ${this.since(spec.withinMonths)}, ${spec.value === 'latest' ? 'TRUE' : 'FALSE'}, ${sign})`;
    });
    const [value, date] = [`e.${this.d.ident('value')}`, `e.${this.d.ident('date')}`];
    // The order of docs/stratify.md as ascending keys: a later date is fewer days before the as-of
    // date; a worse value first is the value times −1 when higher is worse.
    const days = `CAST(datediff('day', ${date}, ${this.asOf}) AS DOUBLE)`;
    return [
      `k_labs(atom, test, since, latest, sign) AS (VALUES ${rows.join(', ')}),`,
      `m_labs AS (`,
      `  SELECT e.patient_id, a.atom, ${value} AS v, e.${this.d.ident(LABS_VALUE_TEXT)} AS vt, ${date} AS d,`,
      `    CASE WHEN a.latest THEN ${days} ELSE a.sign * ${value} END AS k0, CASE WHEN a.latest THEN a.sign * ${value} ELSE ${days} END AS k1`,
      `  FROM labs e JOIN k_labs a ON e.${this.d.ident('test')} = a.test WHERE ${date} <= ${this.asOf} AND (a.since IS NULL OR ${date} > a.since)`,
      `)`,
    ].join('\n');
  }

  /** Whether atom's kept row holds: n ≥ minCount for events, the numeric test for labs (a CASE on the atom). */
  private heldCase(kind: 'events' | 'labs'): string {
    const branches =
      kind === 'events'
        ? this.events.map(({ atom, spec }) => `WHEN ${atom} THEN n >= ${minimumCount(spec.minCount)}`)
        : this.labs.map(({ atom, spec }) => `WHEN ${atom} THEN ${this.sql.numericTest('v', spec.test)}`);
    return `coalesce(CASE atom ${branches.join(' ')} END, FALSE)`;
  }

  ctes(): string[] {
    if (this.known.size === 0) return [];
    const ctes: string[] = [];
    const kept: string[] = [];
    const byTable = new Map<EventAtom['table'], EventSpec[]>();
    for (const e of this.events) byTable.set(e.spec.table, [...(byTable.get(e.spec.table) ?? []), e]);
    for (const [table, specs] of byTable) ctes.push(this.matchedEvents(table, specs));
    if (byTable.size > 0) {
      const all = [...byTable.keys()].map((table) => `SELECT * FROM m_${table}`).join(' UNION ALL ');
      if (this.reasons) {
        // The kept row: the latest date (fewest days before the as-of date), then the smallest code.
        const first = `min({'k': datediff('day', d, ${this.asOf}), 'c': c, 'd': d})`;
        ctes.push(`f_events AS (\n  SELECT patient_id, atom, count(*) AS n, ${first} AS first FROM (${all}) GROUP BY patient_id, atom\n)`);
        kept.push(`SELECT patient_id, atom, ${this.heldCase('events')} AS held, n, first.c AS c, first.d AS d, CAST(NULL AS DOUBLE) AS v, CAST(NULL AS VARCHAR) AS vt FROM f_events`);
      } else {
        ctes.push(`m_events AS (${all})`);
        kept.push(...this.heldEvents());
      }
    }
    if (this.labs.length > 0) {
      ctes.push(this.matchedLabs());
      if (this.reasons) {
        // Struct fields compare in order: k0, k1, then the value text by code point; v and d follow (tied by then).
        const first = `min({'k0': k0, 'k1': k1, 'vt': vt, 'v': v, 'd': d})`;
        ctes.push(`f_labs AS (\n  SELECT patient_id, atom, ${first} AS first FROM m_labs GROUP BY patient_id, atom\n)`);
        const row = `CAST(NULL AS BIGINT) AS n, CAST(NULL AS VARCHAR) AS c, first.d AS d, first.v AS v, first.vt AS vt`;
        kept.push(`SELECT patient_id, atom, ${this.heldCase('labs')} AS held, n, c, d, v, vt FROM (SELECT patient_id, atom, ${row} FROM f_labs)`);
      } else {
        ctes.push(`f_labs AS (\n  SELECT patient_id, atom, min({'k0': k0, 'k1': k1}) AS first FROM m_labs GROUP BY patient_id, atom\n)`);
        kept.push(`SELECT patient_id, atom, ${this.heldCase('labs')} AS held FROM (SELECT patient_id, atom, ${this.labValueFromKeys()} AS v FROM f_labs)`);
      }
    }
    ctes.push(this.perPatient(kept));
    return ctes;
  }

  /** Counts only: the atoms counted (minimum count above 1), whose bits the masks set from a count per patient. */
  private counted(): EventSpec[] {
    return this.events.filter((e) => minimumCount(e.spec.minCount) > 1);
  }

  /**
   * Counts only: the rows of `m_events` as (patient, atom, held), read once. An atom of minimum
   * count 1 holds on any matched row (the masks' bit_or takes it once); the others are held FALSE
   * here and counted per patient in `g` (perPatient).
   */
  private heldEvents(): string[] {
    const once = this.events.filter((e) => minimumCount(e.spec.minCount) === 1).map((e) => e.atom);
    return [`SELECT patient_id, atom, ${once.length === 0 ? 'FALSE' : `atom IN (${once.join(', ')})`} AS held FROM m_events`];
  }

  /**
   * Counts only: a lab atom's value from its smallest sort keys (matchedLabs): the value times the
   * sign is k1 for `latest` and k0 for `worst`, and the sign is ±1, so the value is sign × key.
   */
  private labValueFromKeys(): string {
    const branches = this.labs.map(({ atom, spec }) => `WHEN ${atom} THEN ${LAB_TESTS[spec.lab].worse === 'higher' ? -1 : 1} * first.${spec.value === 'latest' ? 'k1' : 'k0'}`);
    return `CASE atom ${branches.join(' ')} END`;
  }

  /** The mask columns: one bit per atom that holds, 64 atoms per UBIGINT (mask0, mask1…). */
  private masks(): string[] {
    return Array.from({ length: Math.ceil(this.known.size / MASK_BITS) }, (_, j) => {
      const [low, high] = [j * MASK_BITS, (j + 1) * MASK_BITS - 1];
      // The shift is computed for every row before FILTER drops it: kept within 0…63 for the others.
      const bit = `CAST(CASE WHEN atom BETWEEN ${low} AND ${high} THEN atom - ${low} ELSE 0 END AS UBIGINT)`;
      return `bit_or(CAST(1 AS UBIGINT) << ${bit}) FILTER (WHERE held AND atom BETWEEN ${low} AND ${high}) AS mask${j}`;
    });
  }

  /**
   * `h`: every (patient, atom) with a kept row, whether the atom holds; `g`: per patient the masks.
   * Counts only, `g0` also counts each counted atom's rows (n<atom>) and `g` sets their bits.
   */
  private perPatient(kept: string[]): string {
    const h = `h AS (\n  ${kept.join('\n  UNION ALL\n  ')}\n)`;
    const counted = this.reasons ? [] : this.counted();
    if (counted.length === 0) return `${h},\ng AS (\n  SELECT patient_id, ${this.masks().join(', ')} FROM h GROUP BY patient_id\n)`;
    const counts = counted.map(({ atom }) => `count(*) FILTER (WHERE atom = ${atom}) AS n${atom}`);
    const masks = Array.from({ length: Math.ceil(this.known.size / MASK_BITS) }, (_, j) => {
      const bits = counted
        .filter(({ atom }) => Math.floor(atom / MASK_BITS) === j)
        .map(({ atom, spec }) => ` | CASE WHEN n${atom} >= ${minimumCount(spec.minCount)} THEN CAST(1 AS UBIGINT) << ${atom % MASK_BITS} ELSE CAST(0 AS UBIGINT) END`);
      return `coalesce(mask${j}, CAST(0 AS UBIGINT))${bits.join('')} AS mask${j}`;
    });
    return `${h},\ng0 AS (\n  SELECT patient_id, ${[...this.masks(), ...counts].join(', ')} FROM h GROUP BY patient_id\n),\ng AS (\n  SELECT patient_id, ${masks.join(', ')} FROM g0\n)`;
  }

  /**
   * `r`: for the patients of `patients` (a table with `patient_id`) whose `needed` condition holds,
   * the masks again and the MAP atom → kept row of the atoms that hold, which the reasons read.
   * Building the MAP is the dear part: only the patients whose reason names an atom need it.
   */
  reasonRows(patients: string, needed: string): string {
    const map = `map_from_entries(list({'key': h.atom, 'value': {'c': h.c, 'd': h.d, 'n': h.n, 'v': h.v, 'vt': h.vt}})) AS kept`;
    return `r AS (\n  SELECT h.patient_id, ${[...this.masks(), map].join(', ')} FROM h JOIN ${patients} x ON x.patient_id = h.patient_id AND ${needed} WHERE h.held GROUP BY h.patient_id\n)`;
  }

  joins(): string[] {
    return this.known.size === 0 ? [] : ['LEFT JOIN g ON g.patient_id = p.patient_id'];
  }
}
