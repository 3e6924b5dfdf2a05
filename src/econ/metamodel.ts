/**
 * Which uncertain parameters drive an outcome of the probabilistic sensitivity analysis: a linear
 * regression metamodel over the iterations (Jalal H, Dowd B, Sainfort F, Kuntz KM, Linear
 * regression metamodeling as a tool to summarize and present simulation model results, Med Decis
 * Making 2013;33(7):880–890),
 *   outcome_i = β₀ + Σₖ βₖ z_ik + ε_i,   z_ik = (θ_ik − mean_k)/sd_k,
 * fitted by ordinary least squares. With standardised parameters, βₖ is the change of the outcome
 * for a one-sd change of θₖ, so the βₖ of parameters in different units can be ranked; β₀ is the
 * mean outcome. The sd is the sample sd (divisor n − 1); any other choice scales every βₖ alike.
 *
 * Least squares by Householder QR of the design [1, z₁, …, z_p] (Golub GH, Van Loan CF, Matrix
 * Computations, 4th ed., Johns Hopkins 2013, §5.3), not by the normal equations, which square the
 * condition number; the residual sum of squares is read off Qᵀy, without forming the fit.
 */

export interface MetamodelColumn {
  name: string;
  values: Float64Array;
}

export interface Metamodel {
  /** β₀, the mean outcome. */
  intercept: number;
  /** 1 − RSS/TSS; NaN when the outcome is constant (nothing to explain). */
  rSquared: number;
  /** The standardised coefficients, by |βₖ| descending (to 12 significant digits), then by name. */
  terms: { name: string; coefficient: number }[];
  /**
   * Columns left out, in their input order: those with sd 0 (every value equal; a fixed
   * parameter), and those that are a linear combination of the columns before them (the same draw
   * under two names), which no data can separate.
   */
  dropped: string[];
}

/**
 * A column whose part orthogonal to the columns before it is below this fraction of its norm is
 * taken as their linear combination: 10⁻⁹ is far above the rounding of a Householder projection
 * (about 10⁻¹⁶ times the condition number) and far below the residual of distinct random draws.
 */
const COLLINEAR = 1e-9;

/** The mean, by two passes: the second adds the mean of the residuals, which the first rounding left. */
function meanOf(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  const first = sum / values.length;
  let correction = 0;
  for (const v of values) correction += v - first;
  return first + correction / values.length;
}

/** (θ − mean)/sd with the sample sd, or null when every value is equal (sd 0: tested as such, since a mean rounded off the common value would leave a spurious sd). */
function standardised(values: Float64Array): Float64Array | null {
  if (values.every((v) => v === values[0])) return null;
  const mean = meanOf(values);
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const sd = Math.sqrt(squares / (values.length - 1));
  // Distinct values whose squared deviations underflow (10⁻³²⁰ and 0) are as good as constant.
  if (!(sd > 0)) return null;
  return values.map((v) => (v - mean) / sd);
}

/**
 * The standardised linear regression metamodel of `outcome` on the parameter columns (each with a
 * value per iteration, in the same order as the outcome).
 */
export function regressionMetamodel(outcome: Float64Array, columns: readonly MetamodelColumn[]): Metamodel {
  const n = outcome.length;
  if (n === 0) throw new Error('internal: a metamodel needs at least one iteration');
  for (const column of columns) {
    if (column.values.length !== n) throw new Error(`internal: column ${column.name} has ${column.values.length} values for ${n} outcomes`);
    if (!column.values.every(Number.isFinite)) throw new Error(`internal: column ${column.name} has a value that is not finite`);
  }
  if (!outcome.every(Number.isFinite)) throw new Error('internal: an outcome is not finite');
  const candidates = columns.map((column) => ({ name: column.name, z: standardised(column.values) }));
  const usable = candidates.filter((c): c is { name: string; z: Float64Array } => c.z !== null);
  const fit = householderLeastSquares([new Float64Array(n).fill(1), ...usable.map((c) => c.z)], outcome);
  const keptNames = new Set(fit.kept.filter((j) => j > 0).map((j) => usable[j - 1]!.name));
  const terms = fit.kept.flatMap((j, position) => (j === 0 ? [] : [{ name: usable[j - 1]!.name, coefficient: fit.coefficients[position]! }]));
  const mean = meanOf(outcome);
  let total = 0;
  for (const y of outcome) total += (y - mean) * (y - mean);
  // Tested on the values, not on `total`: a mean rounded off a common value would leave a spurious TSS.
  const constant = outcome.every((y) => y === outcome[0]);
  // RSS ≤ TSS with an intercept in the model; the clamp only removes rounding (an R² of −10⁻¹⁶ without predictors).
  const rSquared = constant ? Number.NaN : Math.min(1, Math.max(0, 1 - fit.residualSumOfSquares / total));
  return {
    intercept: fit.coefficients[0]!,
    rSquared,
    terms: terms.sort((a, b) => magnitudeKey(b.coefficient) - magnitudeKey(a.coefficient) || byName(a.name, b.name)),
    dropped: columns.map((c) => c.name).filter((name) => !keptNames.has(name)),
  };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * |β| to 12 significant digits, the sort key of the terms: two coefficients equal but for the
 * rounding of the fit (a few units in the 16th digit) are tied, and so ordered by name, the same
 * on every platform. A key rather than a tolerance in the comparison keeps the order transitive.
 */
const magnitudeKey = (coefficient: number): number => Number(Math.abs(coefficient).toPrecision(12));

/** A Householder reflector I − 2vvᵀ acting on rows `row`..n − 1, with ‖v‖ = 1 (v indexed from `row`). */
interface Reflector {
  row: number;
  v: Float64Array;
}

function reflect(reflector: Reflector, a: Float64Array): void {
  const { row, v } = reflector;
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i]! * a[row + i]!;
  for (let i = 0; i < v.length; i++) a[row + i]! -= 2 * dot * v[i]!;
}

/**
 * Least squares of y on the columns by Householder QR with the columns taken in order: a column
 * is kept when its part orthogonal to the kept ones is ≥ COLLINEAR × its norm (and a row is left
 * for it), else skipped. Returns the indices of the kept columns, their coefficients in that order,
 * and the residual sum of squares ‖(Qᵀy)ₖ..ₙ₋₁‖².
 */
function householderLeastSquares(columns: Float64Array[], y: Float64Array): { kept: number[]; coefficients: Float64Array; residualSumOfSquares: number } {
  const n = y.length;
  const reflectors: Reflector[] = [];
  const rColumns: Float64Array[] = [];
  const kept: number[] = [];
  columns.forEach((column, j) => {
    const k = reflectors.length;
    if (k >= n) return;
    const a = Float64Array.from(column);
    let norm = 0;
    for (const x of a) norm += x * x;
    for (const reflector of reflectors) reflect(reflector, a);
    let tail = 0;
    for (let i = k; i < n; i++) tail += a[i]! * a[i]!;
    if (!(Math.sqrt(tail) >= COLLINEAR * Math.sqrt(norm)) || tail === 0) return;
    // α = −sign(a_k)‖a_k..‖ avoids cancellation in v₀ = a_k − α (Golub & Van Loan §5.1.2).
    const alpha = a[k]! >= 0 ? -Math.sqrt(tail) : Math.sqrt(tail);
    const v = a.slice(k);
    v[0]! -= alpha;
    let vNorm = 0;
    for (const x of v) vNorm += x * x;
    vNorm = Math.sqrt(vNorm);
    for (let i = 0; i < v.length; i++) v[i]! /= vNorm;
    reflectors.push({ row: k, v });
    const r = a.slice(0, k + 1);
    r[k] = alpha;
    rColumns.push(r);
    kept.push(j);
  });
  const qty = Float64Array.from(y);
  for (const reflector of reflectors) reflect(reflector, qty);
  const m = kept.length;
  const coefficients = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let sum = qty[i]!;
    for (let c = i + 1; c < m; c++) sum -= rColumns[c]![i]! * coefficients[c]!;
    coefficients[i] = sum / rColumns[i]![i]!;
  }
  let residualSumOfSquares = 0;
  for (let i = m; i < n; i++) residualSumOfSquares += qty[i]! * qty[i]!;
  return { kept, coefficients, residualSumOfSquares };
}

/** Tornado bars: by width |high − low| descending (the widest on top), ties by name. */
export function tornadoOrder<T extends { name: string; low: number; high: number }>(bars: readonly T[]): T[] {
  return [...bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || byName(a.name, b.name));
}
