/**
 * Every YAML form of a numeric parameter (DESIGN §2, docs/language.md "Numbers and
 * distributions") turned into the parameters of its distribution, with the formulas written in
 * docs/simulation.md ("Distributions"). This is the one home of parameter maths: the simulation
 * compiles parameters with it, and the lint rules check them with it, so that what lint accepts
 * is what `simulate` accepts.
 */
import { t } from '../../i18n/catalogue.js';
import { formatFigure as figure } from '../../i18n/numbers.js';

/**
 * The largest magnitude of a parameter (a count, a rate, a frequency, minutes, a cost, a ratio):
 * 10⁹. No such figure of a territory's care is near it, and below it every output stays a finite
 * float32 — people (≤ MAX_PEOPLE) × acts per year (≤ 10⁹) × euros per act (≤ 10⁹) ≤ 10³⁰, far
 * from float32's 3.4·10³⁸ even summed over actions, years and territories. A value above it is a
 * typo or a unit slip; draws above it stop the simulation like any draw out of range.
 */
export const MAX_MAGNITUDE = 1e9;

/**
 * The most people a stratum or an inflow may hold: 10¹², over a hundred times the world's
 * population. Inflows that would push a stratum beyond it stop the simulation (src/sim/engine.ts).
 */
export const MAX_PEOPLE = 1e12;

/** z such that 95 % of a normal lies within ±z standard deviations: Φ⁻¹(0.975). */
export const Z975 = 1.959963984540054;

/** A parameter as written in YAML (after schema validation). */
export type RawParameter =
  | number
  | { beta: { mean: number; sd: number } | { alpha: number; beta: number } }
  | { lognormal: { median: number; ci95: readonly [number, number] } | { mean: number; ci95: readonly [number, number] } | { mean: number; sd: number } }
  | { gamma: { mean: number; sd: number } }
  | { normal: { mean: number; sd: number } }
  | { uniform: readonly [number, number] }
  | { triangular: readonly [number, number, number] };

/** A distribution by its parameters; `central` is the value the `expected` mode uses. */
export type Distribution = { central: number } & (
  | { kind: 'fixed' }
  | { kind: 'beta'; alpha: number; beta: number }
  | { kind: 'gamma'; shape: number; scale: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'triangular'; low: number; mode: number; high: number }
);

/** What a parameter stands for, and so which values it may take. */
export type Constraint = 'probability' | 'positive' | 'non-negative' | 'any';

/** A form that has no distribution: the message, a hint, and where in the form (a path below the parameter). */
export interface FormProblem {
  message: string;
  hint: string;
  at: (string | number)[];
}

export type Conversion = { ok: true; distribution: Distribution } | { ok: false; problem: FormProblem };

const fail = (message: string, hint: string, at: (string | number)[] = []): Conversion => ({ ok: false, problem: { message, hint, at } });
const ok = (distribution: Distribution): Conversion => ({ ok: true, distribution });

/**
 * The distribution of a YAML form:
 * - a number: fixed;
 * - beta {mean m, sd s}: method of moments, α + β = m(1 − m)/s² − 1, α = m(α + β) (needs s² < m(1 − m));
 *   beta {alpha, beta} as written;
 * - gamma {mean m, sd s}: shape m²/s², scale s²/m;
 * - lognormal {median, ci95: [lo, hi]}: μ = ln median, σ = (ln hi − ln lo)/(2 z₀.₉₇₅), the usual
 *   reading of a published ratio and its interval (Briggs, Claxton & Sculpher, Decision Modelling
 *   for Health Economic Evaluation, OUP 2006, ch. 4); {mean, ci95} is the same, `mean` read as the
 *   point estimate (the lint rule lognormal-median asks to write `median`);
 *   lognormal {mean m, sd s}: the true moments, σ² = ln(1 + s²/m²), μ = ln m − σ²/2;
 * - normal {mean, sd}; uniform [lo, hi]; triangular [lo, mode, hi].
 * The central value is the mean, except for the lognormal with an interval (its median, the
 * published point estimate) and the uniform and triangular (their means too: midpoint, (lo + mode + hi)/3).
 */
export function toDistribution(raw: RawParameter): Conversion {
  const conversion = convert(raw);
  return conversion.ok ? representable(conversion.distribution) : conversion;
}

/**
 * A form whose derived parameters are not finite positive doubles (a gamma with sd 10⁻²⁰⁰ has
 * shape ∞; one with mean 10⁻²⁰⁰ has shape 0) has no distribution that can be drawn from.
 */
function representable(d: Distribution): Conversion {
  const derived = Object.entries(d).filter(([key]) => key !== 'kind') as [string, number][];
  const bad = derived.find(([key, value]) => !Number.isFinite(value) || ((key === 'alpha' || key === 'beta' || key === 'shape' || key === 'scale') && !(value > 0)));
  if (!bad) return ok(d);
  return fail(
    t('sim.form.not-representable', { kind: d.kind, key: bad[0], value: String(bad[1]) }),
    t(d.kind === 'beta' || d.kind === 'gamma' ? 'sim.form.not-representable.small-sd' : 'sim.form.not-representable.size'),
  );
}

function convert(raw: RawParameter): Conversion {
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok({ kind: 'fixed', central: raw }) : fail(t('sim.form.not-finite', { value: String(raw) }), t('sim.form.not-finite.hint'));
  if ('beta' in raw) {
    if ('alpha' in raw.beta) return ok({ kind: 'beta', alpha: raw.beta.alpha, beta: raw.beta.beta, central: raw.beta.alpha / (raw.beta.alpha + raw.beta.beta) });
    const { mean, sd } = raw.beta;
    const limit = Math.sqrt(mean * (1 - mean));
    if (!(sd < limit)) {
      return fail(
        t('sim.form.beta-sd', { mean: figure(mean), sd: figure(sd), limit: figure(limit) }),
        t('sim.form.beta-sd.hint', { limit: figure(limit), half: figure(limit / 2), quarter: figure(limit / 4) }),
        ['beta', 'sd'],
      );
    }
    const total = (mean * (1 - mean)) / (sd * sd) - 1;
    return ok({ kind: 'beta', alpha: mean * total, beta: (1 - mean) * total, central: mean });
  }
  if ('gamma' in raw) {
    const { mean, sd } = raw.gamma;
    return ok({ kind: 'gamma', shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean, central: mean });
  }
  if ('lognormal' in raw) return lognormal(raw.lognormal);
  if ('normal' in raw) return ok({ kind: 'normal', mean: raw.normal.mean, sd: raw.normal.sd, central: raw.normal.mean });
  if ('uniform' in raw) {
    const [low, high] = raw.uniform;
    if (!(low < high)) return fail(t('sim.form.uniform-order', { low: figure(low), high: figure(high) }), t('sim.form.uniform-order.hint'), ['uniform']);
    return ok({ kind: 'uniform', low, high, central: (low + high) / 2 });
  }
  const [low, mode, high] = raw.triangular;
  if (!(low <= mode && mode <= high && low < high)) {
    return fail(t('sim.form.triangular-order', { low: figure(low), mode: figure(mode), high: figure(high) }), t('sim.form.triangular-order.hint'), ['triangular']);
  }
  return ok({ kind: 'triangular', low, mode, high, central: (low + mode + high) / 3 });
}

type LognormalForm = { median: number; ci95: readonly [number, number] } | { mean: number; ci95: readonly [number, number] } | { mean: number; sd: number };

function lognormal(form: LognormalForm): Conversion {
  if ('sd' in form) {
    const sigma2 = Math.log1p((form.sd * form.sd) / (form.mean * form.mean));
    return ok({ kind: 'lognormal', mu: Math.log(form.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2), central: form.mean });
  }
  const [low, high] = form.ci95;
  const point = 'median' in form ? form.median : form.mean;
  const key = 'median' in form ? 'median' : 'mean';
  if (!(low < high)) return fail(t('sim.form.ci95-order', { low: figure(low), high: figure(high) }), t('sim.form.ci95-order.hint'), ['lognormal', 'ci95']);
  if (!(low <= point && point <= high)) {
    return fail(t('sim.form.point-outside', { point: figure(point), low: figure(low), high: figure(high) }), t('sim.form.point-outside.hint'), ['lognormal', key]);
  }
  return ok({ kind: 'lognormal', mu: Math.log(point), sigma: (Math.log(high) - Math.log(low)) / (2 * Z975), central: point });
}

/** Smallest and largest values a draw can take. */
export function supportOf(d: Distribution): [number, number] {
  switch (d.kind) {
    case 'fixed':
      return [d.central, d.central];
    case 'beta':
      return [0, 1];
    case 'gamma':
    case 'lognormal':
      return [0, Number.POSITIVE_INFINITY];
    case 'normal':
      return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    case 'uniform':
    case 'triangular':
      return [d.low, d.high];
  }
}

/** The mean and standard deviation of a distribution (closed forms). */
export function momentsOf(d: Distribution): { mean: number; sd: number } {
  switch (d.kind) {
    case 'fixed':
      return { mean: d.central, sd: 0 };
    case 'beta': {
      const n = d.alpha + d.beta;
      return { mean: d.alpha / n, sd: Math.sqrt((d.alpha * d.beta) / (n * n * (n + 1))) };
    }
    case 'gamma':
      return { mean: d.shape * d.scale, sd: Math.sqrt(d.shape) * d.scale };
    case 'lognormal':
      return { mean: Math.exp(d.mu + (d.sigma * d.sigma) / 2), sd: Math.exp(d.mu + (d.sigma * d.sigma) / 2) * Math.sqrt(Math.expm1(d.sigma * d.sigma)) };
    case 'normal':
      return { mean: d.mean, sd: d.sd };
    case 'uniform':
      return { mean: (d.low + d.high) / 2, sd: (d.high - d.low) / Math.sqrt(12) };
    case 'triangular': {
      const { low: a, mode: c, high: b } = d;
      return { mean: (a + b + c) / 3, sd: Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18) };
    }
  }
}

/**
 * An upper plausible value, for advice on sums that must stay ≤ 1: the 97.5 % quantile where it is
 * exact and cheap (lognormal e^(μ + zσ), normal, uniform and triangular upper ends), mean + z·sd
 * for beta and gamma (a normal approximation), never above the support.
 */
export function upperPlausible(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.central;
    case 'lognormal':
      return Math.exp(d.mu + Z975 * d.sigma);
    case 'normal':
      return d.mean + Z975 * d.sd;
    case 'uniform':
    case 'triangular':
      return d.high;
    case 'beta':
    case 'gamma': {
      const { mean, sd } = momentsOf(d);
      return Math.min(supportOf(d)[1], mean + Z975 * sd);
    }
  }
}

/**
 * The values a constraint allows, and their description in the current language. `words` is a
 * getter: every draw is tested (src/sim/parameters.ts), the words are read only for a message.
 */
export function allowedRange(constraint: Constraint): { test: (x: number) => boolean; readonly words: string } {
  switch (constraint) {
    case 'probability':
      return { test: (x) => x >= 0 && x <= 1, get words() { return t('sim.range.probability'); } };
    case 'positive':
      return { test: (x) => x > 0, get words() { return t('sim.range.positive'); } };
    case 'non-negative':
      return { test: (x) => x >= 0, get words() { return t('sim.range.non-negative'); } };
    case 'any':
      return { test: (x) => Number.isFinite(x), get words() { return t('sim.range.any'); } };
  }
}

type ConstraintStatus = { status: 'fits' } | { status: 'refused' | 'may-leave'; message: string; hint: string };

/** Whether |x| ≤ MAX_MAGNITUDE, the bound every parameter's draws must respect. */
export const withinMagnitude = (x: number): boolean => Math.abs(x) <= MAX_MAGNITUDE;

/**
 * MAX_MAGNITUDE: refused when the central value or a bound of a uniform or triangular is beyond it;
 * `may-leave` when the 97.5 % plausible value of an unbounded distribution is (its rare draws
 * beyond it would stop the simulation).
 */
function magnitudeCheck(d: Distribution): ConstraintStatus {
  const [low, high] = supportOf(d);
  const bounded = d.kind === 'fixed' || d.kind === 'uniform' || d.kind === 'triangular';
  const beyond = [d.central, ...(bounded ? [low, high] : [])].find((x) => !withinMagnitude(x));
  if (beyond !== undefined) return { status: 'refused', message: t('sim.form.beyond-magnitude', { value: figure(beyond) }), hint: t('sim.form.magnitude.hint') };
  const plausible = upperPlausible(d);
  const lowest = d.kind === 'normal' ? d.mean - Z975 * d.sd : 0;
  if (!bounded && (!withinMagnitude(plausible) || !withinMagnitude(lowest))) {
    return { status: 'may-leave', message: t('sim.form.may-exceed-magnitude', { kind: d.kind }), hint: t('sim.form.magnitude.hint') };
  }
  return { status: 'fits' };
}

/**
 * Whether a distribution fits its constraint. `refused`: its central value, or a bound of a uniform
 * or triangular, is out of range — the simulation refuses it before drawing. `may-leave`: draws can
 * leave the range (a normal for a cost, a gamma or lognormal for a probability) — the simulation
 * stops at the first such draw. Beta draws lie in [0, 1]; gamma and lognormal draws are > 0.
 */
export function constraintCheck(d: Distribution, constraint: Constraint): ConstraintStatus {
  const range = allowedRange(constraint);
  const writeIt = constraint === 'probability' ? t('sim.form.write-probability') : t('sim.form.write-range', { range: range.words });
  if (!range.test(d.central)) {
    const words = { value: figure(d.central), range: range.words };
    return { status: 'refused', message: t(d.kind === 'fixed' ? 'sim.form.not-in-range' : 'sim.form.central-not-in-range', words), hint: writeIt };
  }
  const magnitude = magnitudeCheck(d);
  if (magnitude.status !== 'fits') return magnitude;
  // Every draw is a finite number: nothing more to check for a parameter that may take any value.
  if (constraint === 'any') return { status: 'fits' };
  const [low, high] = supportOf(d);
  if (range.test(low) && range.test(high)) return { status: 'fits' };
  if (d.kind === 'uniform' || d.kind === 'triangular') {
    return { status: 'refused', message: t('sim.form.bounded-reaches', { kind: d.kind, value: figure(range.test(low) ? high : low), range: range.words }), hint: t('sim.form.bounded-reaches.hint', { advice: writeIt }) };
  }
  const positiveDraws = d.kind === 'gamma' || d.kind === 'lognormal';
  if (d.kind === 'beta' || (positiveDraws && constraint !== 'probability')) return { status: 'fits' };
  return {
    status: 'may-leave',
    message: t('sim.form.may-leave', { kind: d.kind, range: range.words }),
    hint: t(constraint === 'probability' ? 'sim.form.may-leave.probability' : 'sim.form.may-leave.non-negative'),
  };
}
