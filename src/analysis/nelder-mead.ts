/**
 * The Nelder–Mead simplex method for minimising f: Rᵈ → R, as specified by Lagarias J.C.,
 * Reeds J.A., Wright M.H. & Wright P.E., "Convergence properties of the Nelder–Mead simplex method
 * in low dimensions", SIAM J. Optim. 9 (1998) 112–147, §2: reflection ρ = 1, expansion χ = 2,
 * contraction γ = 1/2, shrink σ = 1/2, and their ordering and tie-breaking rules. Written out in
 * docs/calibration-maths.md ("Nelder–Mead").
 *
 * The algorithm is a generator that yields the points it needs evaluated and receives their
 * values, so that the same steps run with a plain function (`nelderMead`) or with a batch
 * evaluator that runs model evaluations in parallel (`nelderMeadBatch`: the initial simplex and
 * each shrink are evaluated as one batch). NaN values are read as +∞.
 */

export interface NelderMeadOptions {
  /** Per-coordinate steps of the initial simplex: vertex i + 1 is the start plus steps[i] along axis i (non-zero). */
  steps: readonly number[];
  /** The largest number of evaluations (never exceeded); at least d + 1. */
  maxEvaluations: number;
  /** Stop when max over vertices of f(xᵢ) − f(x₁) is at most this (default 1e-8)… */
  valueTolerance?: number;
  /** …and max over vertices and coordinates of |xᵢⱼ − x₁ⱼ| is at most this (default 1e-8). */
  sizeTolerance?: number;
}

/** Why the search stopped: both tolerances met; the evaluation budget spent; or every vertex of the initial simplex is +∞. */
export type NelderMeadReason = 'tolerance' | 'max-evaluations' | 'no-finite-value';

export interface NelderMeadResult {
  /** The best point evaluated (the first such point on ties), and its value. */
  x: Float64Array;
  value: number;
  evaluations: number;
  /** Completed iterations (one reflection step, with its expansion, contraction or shrink). */
  iterations: number;
  converged: boolean;
  reason: NelderMeadReason;
}

const RHO = 1;
const CHI = 2;
const GAMMA = 0.5;
const SIGMA = 0.5;

interface Vertex {
  x: Float64Array;
  f: number;
}

/** The state shared by the steps: the evaluation count and the best point so far. */
interface Search {
  max: number;
  evaluations: number;
  iterations: number;
  best: Vertex;
}

/** What the generator yields (points to evaluate), returns, and receives (their values). */
type Steps<T> = Generator<Float64Array[], T, ArrayLike<number>>;

/** Minimises f from `start`, calling f once per point. */
export function nelderMead(f: (x: Float64Array) => number, start: ArrayLike<number>, options: NelderMeadOptions): NelderMeadResult {
  const steps = search(start, options);
  let next = steps.next();
  while (!next.done) next = steps.next(next.value.map((x) => f(x)));
  return next.value;
}

/** Minimises f from `start`, with f evaluating a batch of points (in parallel) and returning one value per point, in order. */
export async function nelderMeadBatch(
  f: (points: readonly Float64Array[]) => Promise<ArrayLike<number>>,
  start: ArrayLike<number>,
  options: NelderMeadOptions,
): Promise<NelderMeadResult> {
  const steps = search(start, options);
  let next = steps.next();
  while (!next.done) next = steps.next(await f(next.value));
  return next.value;
}

function validate(start: ArrayLike<number>, options: NelderMeadOptions): void {
  const d = start.length;
  const problems: string[] = [];
  if (d < 1) problems.push('no coordinate');
  if (options.steps.length !== d || options.steps.some((s) => !(s !== 0 && Number.isFinite(s)))) problems.push('steps must be d finite non-zero numbers');
  if (!Array.from(start).every(Number.isFinite)) problems.push('start must be finite');
  if (!(Number.isInteger(options.maxEvaluations) && options.maxEvaluations >= d + 1)) problems.push('maxEvaluations must be an integer ≥ d + 1');
  if (problems.length > 0) throw new Error(`internal: Nelder–Mead: ${problems.join('; ')}`);
}

/** The search: the initial simplex, then iterations until a stopping rule holds. */
function* search(start: ArrayLike<number>, options: NelderMeadOptions): Steps<NelderMeadResult> {
  validate(start, options);
  const d = start.length;
  const valueTolerance = options.valueTolerance ?? 1e-8;
  const sizeTolerance = options.sizeTolerance ?? 1e-8;
  const state: Search = { max: options.maxEvaluations, evaluations: 0, iterations: 0, best: { x: Float64Array.from(start), f: Number.POSITIVE_INFINITY } };
  const initial = [Float64Array.from(start)];
  for (let i = 0; i < d; i++) {
    const vertex = Float64Array.from(start);
    vertex[i]! += options.steps[i]!;
    initial.push(vertex);
  }
  const values = (yield* evaluate(state, initial))!;
  // Initial order: by value, ties by construction order (a stable sort).
  const simplex: Vertex[] = initial.map((x, i) => ({ x, f: values[i]! })).sort((a, b) => compareValues(a.f, b.f));
  const finish = (reason: NelderMeadReason): NelderMeadResult => ({
    x: state.best.x,
    value: state.best.f,
    evaluations: state.evaluations,
    iterations: state.iterations,
    converged: reason === 'tolerance',
    reason,
  });
  if (simplex[0]!.f === Number.POSITIVE_INFINITY) return finish('no-finite-value');
  for (;;) {
    if (spread(simplex) <= valueTolerance && size(simplex) <= sizeTolerance) return finish('tolerance');
    if (!(yield* iterate(state, simplex))) return finish('max-evaluations');
    state.iterations++;
  }
}

/**
 * Asks for the values of `points`, or returns null (asking nothing) when they would take the
 * count beyond the budget. NaN is read as +∞; the best point is updated (strictly better only).
 */
function* evaluate(state: Search, points: Float64Array[]): Steps<number[] | null> {
  if (state.evaluations + points.length > state.max) return null;
  const raw = yield points;
  if (raw.length !== points.length) throw new Error(`internal: Nelder–Mead asked for ${points.length} values and received ${raw.length}`);
  state.evaluations += points.length;
  const values = Array.from(raw, (v) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v));
  values.forEach((f, i) => {
    if (f < state.best.f) state.best = { x: points[i]!, f };
  });
  return values;
}

/** max over vertices of f(xᵢ) − f(x₁) (the simplex is ordered: it is the last minus the first); +∞ when the last is +∞. */
const spread = (simplex: Vertex[]): number => simplex[simplex.length - 1]!.f - simplex[0]!.f;

/** max over vertices i and coordinates j of |xᵢⱼ − x₁ⱼ|. */
function size(simplex: Vertex[]): number {
  const first = simplex[0]!.x;
  let largest = 0;
  for (let i = 1; i < simplex.length; i++) {
    for (let j = 0; j < first.length; j++) largest = Math.max(largest, Math.abs(simplex[i]!.x[j]! - first[j]!));
  }
  return largest;
}

/** c + t·(c − w), coordinate by coordinate. */
function along(centroid: Float64Array, towards: Float64Array, t: number): Float64Array {
  const out = new Float64Array(centroid.length);
  for (let j = 0; j < out.length; j++) out[j] = centroid[j]! + t * (centroid[j]! - towards[j]!);
  return out;
}

/** The centroid of the d best vertices. */
function centroidOf(simplex: Vertex[]): Float64Array {
  const d = simplex.length - 1;
  const c = new Float64Array(d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) c[j]! += simplex[i]!.x[j]!;
  for (let j = 0; j < d; j++) c[j]! /= d;
  return c;
}

/**
 * Lagarias et al.'s non-shrink ordering rule: the worst vertex is dropped and the accepted point v
 * takes position j + 1, j the smallest ℓ with f(v) < f(x_ℓ₊₁) — after every vertex whose value is
 * ≤ f(v); the others keep their order.
 */
function accept(simplex: Vertex[], vertex: Vertex): void {
  simplex.pop();
  let j = 0;
  while (j < simplex.length && !(vertex.f < simplex[j]!.f)) j++;
  simplex.splice(j, 0, vertex);
}

/**
 * One iteration (Lagarias et al. §2, steps 2–5); false when the budget does not allow its next
 * evaluation (the iteration is then abandoned, the simplex unchanged). f₁ ≤ … ≤ fₙ₊₁ are the
 * ordered values, n = d, x̄ the centroid of the n best.
 */
function* iterate(state: Search, simplex: Vertex[]): Steps<boolean> {
  const n = simplex.length - 1;
  const f1 = simplex[0]!.f;
  const fn = simplex[n - 1]!.f;
  const worst = simplex[n]!;
  const centroid = centroidOf(simplex);
  // Reflect: x_r = x̄ + ρ(x̄ − xₙ₊₁); accepted when f₁ ≤ f_r < fₙ.
  const xr = along(centroid, worst.x, RHO);
  const fr = (yield* evaluate(state, [xr]))?.[0];
  if (fr === undefined) return false;
  if (f1 <= fr && fr < fn) {
    accept(simplex, { x: xr, f: fr });
    return true;
  }
  if (fr < f1) {
    // Expand: x_e = x̄ + χ(x_r − x̄); the better of x_e and x_r, x_r on a tie (greedy minimisation).
    const xe = along(centroid, xr, -CHI);
    const fe = (yield* evaluate(state, [xe]))?.[0];
    if (fe === undefined) return false;
    accept(simplex, fe < fr ? { x: xe, f: fe } : { x: xr, f: fr });
    return true;
  }
  if (fr < worst.f) {
    // Outside contraction: x_c = x̄ + γ(x_r − x̄), accepted when f_c ≤ f_r.
    const xc = along(centroid, xr, -GAMMA);
    const fc = (yield* evaluate(state, [xc]))?.[0];
    if (fc === undefined) return false;
    if (fc <= fr) {
      accept(simplex, { x: xc, f: fc });
      return true;
    }
  } else {
    // Inside contraction: x_cc = x̄ − γ(x̄ − xₙ₊₁), accepted when f_cc < fₙ₊₁.
    const xcc = along(centroid, worst.x, -GAMMA);
    const fcc = (yield* evaluate(state, [xcc]))?.[0];
    if (fcc === undefined) return false;
    if (fcc < worst.f) {
      accept(simplex, { x: xcc, f: fcc });
      return true;
    }
  }
  return yield* shrink(state, simplex);
}

/**
 * Shrink: vᵢ = x₁ + σ(xᵢ − x₁) for i = 2…n + 1, evaluated as one batch in that order. The new
 * simplex is x₁, v₂…vₙ₊₁ sorted by value; on ties the earlier keeps its place, so x₁ stays first
 * when a new vertex ties with it (Lagarias et al.'s shrink rule).
 */
function* shrink(state: Search, simplex: Vertex[]): Steps<boolean> {
  const best = simplex[0]!.x;
  const points = simplex.slice(1).map((v) => along(best, v.x, -SIGMA));
  const values = yield* evaluate(state, points);
  if (values === null) return false;
  const next = [simplex[0]!, ...points.map((x, i) => ({ x, f: values[i]! }))].sort((a, b) => compareValues(a.f, b.f));
  simplex.splice(0, simplex.length, ...next);
  return true;
}

/** Ascending order with +∞ last; +∞ ties with +∞ (a − b would be NaN). */
const compareValues = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);
