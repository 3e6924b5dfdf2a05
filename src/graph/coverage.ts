/**
 * Coverage of a decision's branch conditions over its variable: which values reach no branch
 * (gaps), which reach several (overlaps), and which branches can never be taken. Pure and exact:
 * the real line is cut at every bound the conditions mention, and each piece (a bound itself or
 * the open interval between two bounds) is tested against every condition once.
 *
 * A variable is treated as whole-numbered ("discrete") when `min` and `max` are both whole
 * numbers, at least one condition uses `eq` or `in`, and every number in the conditions is a
 * whole number; then only whole numbers count (grade 0 to 3 has no gap between 1 and 2).
 */

/** A structured branch condition (the `when` of a branch); several bounds combine with "and". */
export interface Condition {
  lt?: number | undefined;
  lte?: number | undefined;
  gt?: number | undefined;
  gte?: number | undefined;
  eq?: number | string | undefined;
  in?: ReadonlyArray<number | string> | undefined;
  between?: readonly [number, number] | undefined;
}

/** An interval of the real line; an infinite end is never closed. */
export interface Interval {
  lo: number;
  hi: number;
  loClosed: boolean;
  hiClosed: boolean;
}

export type VariableKind = 'continuous' | 'discrete' | 'categorical' | 'mixed';

export interface CoverageInput {
  min?: number | undefined;
  max?: number | undefined;
  /** One entry per branch, in order; undefined for a branch without a condition (left out). */
  conditions: ReadonlyArray<Condition | undefined>;
}

export interface Overlap {
  interval: Interval;
  /** Indices of the branches that all accept these values (two or more). */
  branches: number[];
}

export interface CategoryOverlap {
  value: string;
  branches: number[];
}

export interface CoverageResult {
  kind: VariableKind;
  /** The values the variable can take: [min, max], or unbounded where they are not given. */
  domain: Interval;
  /** Values of the domain that no branch accepts (for a discrete variable: runs of whole numbers). */
  gaps: Interval[];
  /** Values that two or more branches accept. */
  overlaps: Overlap[];
  /** Branches whose condition accepts no value of the domain. */
  empty: number[];
  /** For categories (text values): the values listed by several branches. */
  categoryOverlaps: CategoryOverlap[];
}

const isWhole = (n: number) => Number.isInteger(n);

/** The numbers a condition mentions (its bounds and listed values). */
export function numbersOf(condition: Condition): number[] {
  const out: number[] = [];
  for (const key of ['lt', 'lte', 'gt', 'gte'] as const) if (typeof condition[key] === 'number') out.push(condition[key]);
  if (typeof condition.eq === 'number') out.push(condition.eq);
  for (const v of condition.in ?? []) if (typeof v === 'number') out.push(v);
  if (condition.between) out.push(condition.between[0], condition.between[1]);
  return out;
}

/** The categories (text values) a condition lists. */
export function textsOf(condition: Condition): string[] {
  const out: string[] = [];
  if (typeof condition.eq === 'string') out.push(condition.eq);
  for (const v of condition.in ?? []) if (typeof v === 'string') out.push(v);
  return out;
}

const usesPoints = (c: Condition) => c.eq !== undefined || c.in !== undefined;

/** Whether a number satisfies a condition (every bound it states). */
export function accepts(condition: Condition, x: number): boolean {
  if (condition.lt !== undefined && !(x < condition.lt)) return false;
  if (condition.lte !== undefined && !(x <= condition.lte)) return false;
  if (condition.gt !== undefined && !(x > condition.gt)) return false;
  if (condition.gte !== undefined && !(x >= condition.gte)) return false;
  if (condition.between && !(x >= condition.between[0] && x <= condition.between[1])) return false;
  if (condition.eq !== undefined && condition.eq !== x) return false;
  if (condition.in !== undefined && !condition.in.includes(x)) return false;
  return true;
}

/**
 * Whether a value given to the variable — a number, or a category (text) — satisfies a condition:
 * a number as `accepts` says; a category when the condition lists it in `eq` or `in` and states
 * no numeric bound (a category is never below nor above a number).
 */
export function acceptsValue(condition: Condition, value: number | string): boolean {
  if (typeof value === 'number') return accepts(condition, value);
  if (numbersOf(condition).length > 0) return false;
  if (condition.eq !== undefined && condition.eq !== value) return false;
  if (condition.in !== undefined && !condition.in.includes(value)) return false;
  return condition.eq !== undefined || condition.in !== undefined;
}

/** How the variable is read, from its bounds and the branches' conditions (see the module doc). */
export function variableKind(input: CoverageInput): VariableKind {
  const conditions = input.conditions.filter((c): c is Condition => c !== undefined);
  const hasText = conditions.some((c) => textsOf(c).length > 0);
  const hasNumbers = conditions.some((c) => numbersOf(c).length > 0);
  if (hasText) return hasNumbers ? 'mixed' : 'categorical';
  const whole =
    input.min !== undefined &&
    input.max !== undefined &&
    isWhole(input.min) &&
    isWhole(input.max) &&
    conditions.some(usesPoints) &&
    conditions.every((c) => numbersOf(c).every(isWhole));
  return whole ? 'discrete' : 'continuous';
}

interface Piece extends Interval {
  /** A value inside the piece, tested against the conditions; undefined when the piece holds no value that counts. */
  sample: number | undefined;
}

function point(x: number): Piece {
  return { lo: x, hi: x, loClosed: true, hiClosed: true, sample: x };
}

function open(lo: number, hi: number, discrete: boolean): Piece {
  let sample: number | undefined;
  if (discrete) {
    const k = Math.floor(lo) + 1;
    sample = k < hi ? k : undefined;
  } else if (lo === -Infinity && hi === Infinity) sample = 0;
  else if (lo === -Infinity) sample = hi - 1;
  else if (hi === Infinity) sample = lo + 1;
  else {
    const mid = lo + (hi - lo) / 2;
    sample = mid > lo && mid < hi ? mid : undefined;
  }
  return { lo, hi, loClosed: false, hiClosed: false, sample };
}

export function domainOf(min: number | undefined, max: number | undefined): Interval {
  return {
    lo: min ?? -Infinity,
    hi: max ?? Infinity,
    loClosed: min !== undefined,
    hiClosed: max !== undefined,
  };
}

/** Gaps, overlaps and impossible branches of a decision's conditions (see the module doc). */
export function analyzeCoverage(input: CoverageInput): CoverageResult {
  const kind = variableKind(input);
  const domain = domainOf(input.min, input.max);
  const result: CoverageResult = { kind, domain, gaps: [], overlaps: [], empty: [], categoryOverlaps: [] };
  const indexed = input.conditions.map((condition, index) => ({ condition, index })).filter((c): c is { condition: Condition; index: number } => c.condition !== undefined);
  if (indexed.length === 0 || kind === 'mixed') return result;

  if (kind === 'categorical') {
    const byValue = new Map<string, number[]>();
    for (const { condition, index } of indexed) {
      for (const value of new Set(textsOf(condition))) {
        const list = byValue.get(value);
        if (list) list.push(index);
        else byValue.set(value, [index]);
      }
    }
    for (const [value, branches] of byValue) if (branches.length > 1) result.categoryOverlaps.push({ value, branches });
    return result;
  }

  const discrete = kind === 'discrete';
  const bounds = [...new Set(indexed.flatMap(({ condition }) => numbersOf(condition)))].filter((x) => x > domain.lo && x < domain.hi).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  if (domain.loClosed) pieces.push(point(domain.lo));
  let previous = domain.lo;
  for (const bound of bounds) {
    pieces.push(open(previous, bound, discrete), point(bound));
    previous = bound;
  }
  if (previous < domain.hi) pieces.push(open(previous, domain.hi, discrete));
  if (domain.hiClosed && domain.hi > domain.lo) pieces.push(point(domain.hi));

  // Consecutive pieces accepted by the same branches merge into one interval.
  const reached = new Set<number>();
  let run: { interval: Interval; branches: number[] } | undefined;
  const flush = () => {
    if (!run) return;
    if (run.branches.length === 0) result.gaps.push(run.interval);
    else if (run.branches.length > 1) result.overlaps.push({ interval: run.interval, branches: run.branches });
    run = undefined;
  };
  const sameBranches = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (const piece of pieces) {
    // A piece without a value that counts (no whole number between two consecutive whole bounds)
    // neither starts nor breaks a run: 1 and 2 missed on either side of ]1 ; 2[ are one gap.
    if (piece.sample === undefined) continue;
    const branches: number[] = [];
    for (const { condition, index } of indexed) {
      if (accepts(condition, piece.sample)) {
        branches.push(index);
        reached.add(index);
      }
    }
    if (run && sameBranches(run.branches, branches)) {
      run.interval.hi = piece.hi;
      run.interval.hiClosed = piece.hiClosed;
    } else {
      flush();
      run = { interval: { lo: piece.lo, hi: piece.hi, loClosed: piece.loClosed, hiClosed: piece.hiClosed }, branches };
    }
  }
  flush();
  result.empty = indexed.map(({ index }) => index).filter((index) => !reached.has(index));
  if (discrete) {
    result.gaps = result.gaps.map(wholeRun).filter((i): i is Interval => i !== undefined);
    result.overlaps = result.overlaps.map((o) => ({ ...o, interval: wholeRun(o.interval)! })).filter((o) => o.interval !== undefined);
  }
  return result;
}

/** The whole numbers of an interval, as a closed interval (undefined when there are none). */
export function wholeRun(interval: Interval): Interval | undefined {
  const lo = interval.loClosed && isWhole(interval.lo) ? interval.lo : Math.floor(interval.lo) + 1;
  const hi = interval.hiClosed && isWhole(interval.hi) ? interval.hi : Math.ceil(interval.hi) - 1;
  return lo <= hi ? { lo, hi, loClosed: true, hiClosed: true } : undefined;
}

function formatNumber(x: number): string {
  if (x === Infinity) return '+∞';
  if (x === -Infinity) return '−∞';
  return String(x);
}

/**
 * An interval in words, in the French notation clinicians read: `hba1c = 7`, `hba1c < 4`,
 * `hba1c in ]7 ; 8[`, or for whole numbers `grade in {1, 2}`.
 */
export function describeInterval(name: string, interval: Interval, discrete = false): string {
  const { lo, hi, loClosed, hiClosed } = interval;
  if (lo === hi) return `${name} = ${formatNumber(lo)}`;
  if (discrete) {
    const count = hi - lo + 1;
    if (count <= 4) return `${name} in {${Array.from({ length: count }, (_, i) => lo + i).join(', ')}}`;
    return `${name} in {${lo}, ${lo + 1}, …, ${hi}}`;
  }
  if (lo === -Infinity && hi === Infinity) return `every value of ${name}`;
  if (lo === -Infinity) return `${name} ${hiClosed ? '≤' : '<'} ${formatNumber(hi)}`;
  if (hi === Infinity) return `${name} ${loClosed ? '≥' : '>'} ${formatNumber(lo)}`;
  return `${name} in ${loClosed ? '[' : ']'}${formatNumber(lo)} ; ${formatNumber(hi)}${hiClosed ? ']' : '['}`;
}

/** The domain in words: `[4 ; 15]`, `[0 ; +∞[`, `]−∞ ; +∞[`. */
export function describeDomain(domain: Interval): string {
  return `${domain.loClosed ? '[' : ']'}${formatNumber(domain.lo)} ; ${formatNumber(domain.hi)}${domain.hiClosed ? ']' : '['}`;
}
