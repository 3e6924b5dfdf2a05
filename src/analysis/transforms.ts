/**
 * Maps between a parameter's interval [low, high] (either end may be infinite) and the real line,
 * so that optimisation (Nelder–Mead) and importance sampling (IMIS) work on an unbounded scale
 * (docs/calibration-maths.md, "Transforms"). With x = g(y), a density p on x becomes the density
 * p(g(y))·|g′(y)| on y: ln p_Y(y) = ln p_X(g(y)) + logJacobian(bounds, y).
 */

/** An interval [low, high], low < high; low may be −∞ and high +∞. */
export type Bounds = readonly [low: number, high: number];

/**
 * - `logit`: both ends finite, x = a + (b − a)·s(y), s(y) = 1/(1 + e^−y), y = ln((x − a)/(b − x));
 * - `log-above`: only `low` finite, x = a + e^y, y = ln(x − a);
 * - `log-below`: only `high` finite, x = b − e^y, y = ln(b − x);
 * - `identity`: no finite end, x = y.
 */
export type TransformKind = 'logit' | 'log-above' | 'log-below' | 'identity';

/** The transform of an interval; an internal error for an interval that is not one (NaN, low ≥ high). */
export function transformKind(bounds: Bounds): TransformKind {
  const [low, high] = bounds;
  if (!(low < high) || low === Number.POSITIVE_INFINITY || high === Number.NEGATIVE_INFINITY) {
    throw new Error(`internal: [${low}, ${high}] is not an interval with low < high`);
  }
  const lowFinite = Number.isFinite(low);
  const highFinite = Number.isFinite(high);
  if (lowFinite && highFinite) return 'logit';
  if (lowFinite) return 'log-above';
  if (highFinite) return 'log-below';
  return 'identity';
}

/**
 * y for x. The ends of the interval map to ±∞ (x = low → −∞; x = high → +∞, or −∞ for
 * `log-below`, whose y grows as x moves away from high); x outside the interval → NaN.
 */
export function toReal(bounds: Bounds, x: number): number {
  const [low, high] = bounds;
  const kind = transformKind(bounds);
  if (!(x >= low && x <= high)) return Number.NaN;
  switch (kind) {
    case 'logit':
      return Math.log(x - low) - Math.log(high - x);
    case 'log-above':
      return Math.log(x - low);
    case 'log-below':
      return Math.log(high - x);
    case 'identity':
      return x;
  }
}

/** s(y) = 1/(1 + e^−y), exact to rounding for every y (0 below y ≈ −745, 1 above y ≈ 37). */
const logistic = (y: number): number => 1 / (1 + Math.exp(-y));

/**
 * x for y, always inside [low, high]. For the logit, x = a + (b − a)·s(y) when y ≤ 0 and
 * x = b − (b − a)·s(−y) when y > 0 (the same value; each form keeps the precision near its own
 * end), then clamped to [a, b] against rounding.
 */
export function fromReal(bounds: Bounds, y: number): number {
  const [low, high] = bounds;
  let x: number;
  switch (transformKind(bounds)) {
    case 'logit':
      x = y <= 0 ? low + (high - low) * logistic(y) : high - (high - low) * logistic(-y);
      break;
    case 'log-above':
      x = low + Math.exp(y);
      break;
    case 'log-below':
      x = high - Math.exp(y);
      break;
    case 'identity':
      return y;
  }
  return Number.isNaN(x) ? x : Math.min(high, Math.max(low, x));
}

/** ln(1 + e^z) without overflow: max(z, 0) + ln(1 + e^−|z|). */
const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

/**
 * ln |dx/dy| at y:
 * - logit: dx/dy = (b − a)·s(y)·(1 − s(y)), so ln(b − a) − softplus(−y) − softplus(y)
 *   (ln s(y) = −ln(1 + e^−y), ln(1 − s(y)) = −ln(1 + e^y));
 * - log-above and log-below: |dx/dy| = e^y, so y;
 * - identity: 0.
 */
export function logJacobian(bounds: Bounds, y: number): number {
  const [low, high] = bounds;
  switch (transformKind(bounds)) {
    case 'logit':
      return Math.log(high - low) - softplus(-y) - softplus(y);
    case 'log-above':
    case 'log-below':
      return y;
    case 'identity':
      return 0;
  }
}
