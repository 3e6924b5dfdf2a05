/**
 * The funnel plot's arithmetic (docs/report.md, "Territories compared"): the all-territory rate,
 * its control limits for a territory of population n, each territory's position against them, and
 * the ranking. After Spiegelhalter D. J., "Funnel plots for comparing institutional performance",
 * Statistics in Medicine 2005; 24:1185–1202: a territory's figure is plotted against its
 * population, around a target θ₀, with limits θ₀ ± z_p · σ(n) at p = 95 % and 99.8 %.
 *
 * logi's figures are Monte Carlo summaries, not observed counts, so σ(n) cannot come from a
 * Poisson count of the territory's own events (a difference between arms is not a count). It comes
 * from the iterations: each territory's iteration variance, on the count scale, is pooled per
 * person over all territories, and scaled back to n people. Pooled over the territories, not read
 * from the ensemble: in the `stochastic` and `psa` modes the parameter draws are shared by all
 * territories, so the ensemble's variance holds their covariances, which grow with the square of
 * the total population and would widen every limit with the number of territories.
 */

/** Per 100,000 inhabitants: the scale of every figure here. */
export const PER = 100_000;

/** Standard normal quantiles: Φ⁻¹(0.975) for the 95 % limits, Φ⁻¹(0.999) for the 99.8 % limits (two-sided). */
export const Z_95 = 1.959963984540054;
export const Z_998 = 3.090232306167813;

/** One territory's figure per 100,000 inhabitants: the mean over iterations, their sd, and the 95 % interval (2.5th–97.5th percentiles). */
export interface TerritoryFigure {
  id: string;
  population: number;
  mean: number;
  sd: number;
  low: number;
  high: number;
}

export interface Funnel {
  /** θ₀: the all-territory rate per 100,000, Σ nₜ·yₜ ÷ Σ nₜ (the ensemble's own rate: the mean is linear). */
  target: number;
  /** v̂: the pooled variance per person on the count scale, Σ (sdₜ·nₜ/100,000)² ÷ Σ nₜ. */
  perPersonVariance: number;
}

/** Where a territory lies against the limits: above or below the 99.8 % ones, between the 95 % and the 99.8 % ones, or within the 95 % ones. */
export type Position = 'above-998' | 'above-95' | 'within' | 'below-95' | 'below-998';

export function funnelOf(figures: readonly TerritoryFigure[]): Funnel {
  const people = figures.reduce((sum, f) => sum + f.population, 0);
  if (people <= 0) return { target: 0, perPersonVariance: 0 };
  const target = figures.reduce((sum, f) => sum + f.population * f.mean, 0) / people;
  const perPersonVariance = figures.reduce((sum, f) => sum + ((f.sd * f.population) / PER) ** 2, 0) / people;
  return { target, perPersonVariance };
}

/** σ(n): the standard deviation, per 100,000, of a territory of n people: 100,000 · √(v̂ ÷ n). */
export function spreadAt(funnel: Funnel, population: number): number {
  return PER * Math.sqrt(funnel.perPersonVariance / population);
}

export function limitsAt(funnel: Funnel, population: number): { low95: number; high95: number; low998: number; high998: number } {
  const sigma = spreadAt(funnel, population);
  return {
    low95: funnel.target - Z_95 * sigma,
    high95: funnel.target + Z_95 * sigma,
    low998: funnel.target - Z_998 * sigma,
    high998: funnel.target + Z_998 * sigma,
  };
}

/** Whether the funnel has limits: none when every iteration gave the same figure (the `expected` mode, one iteration). */
export function hasLimits(funnel: Funnel): boolean {
  return funnel.perPersonVariance > 0;
}

/** A territory's position: strictly outside a limit counts as outside; without limits, every territory is `within`. */
export function positionOf(funnel: Funnel, figure: TerritoryFigure): Position {
  if (!hasLimits(funnel)) return 'within';
  const limits = limitsAt(funnel, figure.population);
  if (figure.mean > limits.high998) return 'above-998';
  if (figure.mean < limits.low998) return 'below-998';
  if (figure.mean > limits.high95) return 'above-95';
  if (figure.mean < limits.low95) return 'below-95';
  return 'within';
}

/** The territories from the highest mean to the lowest; ties by id, so that the order never depends on the input's. */
export function ranked<T extends TerritoryFigure>(figures: readonly T[]): T[] {
  return [...figures].sort((a, b) => b.mean - a.mean || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The limit curves to draw, from the smallest population to the largest (5 % beyond each), on a
 * grid even in 1/√n, where the curves bend: `points` values per curve.
 */
export function limitCurves(
  funnel: Funnel,
  populations: readonly number[],
  points = 40,
): {
  population: number;
  low95: number;
  high95: number;
  low998: number;
  high998: number;
}[] {
  if (!hasLimits(funnel) || populations.length === 0) return [];
  const smallest = Math.min(...populations) * 0.95;
  const largest = Math.max(...populations) * 1.05;
  const [a, b] = [1 / Math.sqrt(smallest), 1 / Math.sqrt(largest)];
  return Array.from({ length: points }, (_, i) => {
    const population = 1 / (a + ((b - a) * i) / (points - 1)) ** 2;
    return { population, ...limitsAt(funnel, population) };
  });
}
