/**
 * Discounting over a horizon of H years (docs/economics.md, "Discounting"). Everything that
 * happens in year y — its person-time, its acts, its events, its program costs — is valued at
 * t = y − 1 (`state-time: start`), y (`end`) or y − ½ (`half-cycle`: the middle of the year, where
 * the half-cycle person-time (N(y − 1) + N(y))/2 of Sonnenberg FA, Beck JR, "Markov models in
 * medical decision making: a practical guide", Med Decis Making 1993;13(4):322–338, and a flow
 * spread evenly over the year have their mean time), and multiplied by (1 + r)^−t.
 */
import type { StateTime } from '../sim/person-time.js';

export type { StateTime };

function checkRate(rate: number): void {
  // (1 + r)^−t is a decreasing weight only for r > −1; a rate at or below −100 % has no meaning.
  if (!(rate > -1 && Number.isFinite(rate))) throw new Error(`internal: a discount rate must be finite and > −1, not ${rate}`);
}

function checkHorizon(horizon: number): void {
  if (!(Number.isInteger(horizon) && horizon >= 0)) throw new Error(`internal: a horizon is a whole number of years ≥ 0, not ${horizon}`);
}

/** (1 + rate)^−t: the present value of 1 paid t years after the start. */
export function discountFactor(rate: number, t: number): number {
  checkRate(rate);
  return Math.pow(1 + rate, -t);
}

/** The time, in years since the start, at which the values of year y are discounted. */
export function yearTime(stateTime: StateTime, y: number): number {
  if (stateTime === 'start') return y - 1;
  if (stateTime === 'end') return y;
  return y - 0.5;
}

/** For each year y = 1..H (index y − 1), the discount weight of that year's values: (1 + r)^−t, t as `yearTime` gives it. */
export function yearWeights(stateTime: StateTime, rate: number, horizon: number): Float64Array {
  checkRate(rate);
  checkHorizon(horizon);
  const weights = new Float64Array(horizon);
  for (let y = 1; y <= horizon; y++) weights[y - 1] = Math.pow(1 + rate, -yearTime(stateTime, y));
  return weights;
}
