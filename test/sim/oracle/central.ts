/**
 * The central value of every parameter form, from the table of docs/simulation.md
 * ("Distributions", column "central value (`expected` mode)"), and the value of a time-varying
 * parameter in a year ("Parameters that change over time"). Independent of src/.
 */
import type { Doc } from './workspace.js';

export function central(value: unknown): number {
  if (typeof value === 'number') return value;
  if (!value || typeof value !== 'object') throw new Error(`oracle: not a parameter: ${JSON.stringify(value)}`);
  const form = value as Doc;
  if (form.beta) return form.beta.mean ?? form.beta.alpha / (form.beta.alpha + form.beta.beta);
  if (form.gamma) return form.gamma.mean;
  // {median, ci95} → M; {mean, ci95} → M (mean read as the median); {mean, sd} → m.
  if (form.lognormal) return form.lognormal.median ?? form.lognormal.mean;
  if (form.normal) return form.normal.mean;
  if (form.uniform) return (form.uniform[0] + form.uniform[1]) / 2;
  if (form.triangular) return (form.triangular[0] + form.triangular[1] + form.triangular[2]) / 3;
  throw new Error(`oracle: unknown parameter form ${JSON.stringify(value)}`);
}

/**
 * A time-varying value in year y (1-based): a plain parameter the same every year; `by-year`
 * v_y with the last value holding; `trend` start · (1 + annual-change)^(y − 1).
 */
export function inYear(value: unknown, year: number): number {
  if (value && typeof value === 'object') {
    const form = value as Doc;
    if (Array.isArray(form['by-year'])) {
      const values = form['by-year'] as unknown[];
      return central(values[Math.min(year, values.length) - 1]);
    }
    if (form.trend) return central(form.trend.start) * Math.pow(1 + central(form.trend['annual-change']), year - 1);
  }
  return central(value);
}

/** The branch shares of a decision: Dirichlet means, or the p's with the remainder or renormalised. */
export function branchShares(decision: Doc): number[] {
  const branches = decision.branches as Doc[];
  if (decision.probabilities?.dirichlet) {
    const a = decision.probabilities.dirichlet as number[];
    const total = a.reduce((x, y) => x + y, 0);
    return a.map((x) => x / total);
  }
  const given = branches.map((b) => (b.p === undefined ? undefined : central(b.p)));
  const sum = given.reduce<number>((x, y) => x + (y ?? 0), 0);
  const missing = given.filter((p) => p === undefined).length;
  if (missing > 1) throw new Error('oracle: more than one branch without p');
  // docs "The model" 3.2: "a sum above 1 + 10⁻⁹ stops the run".
  if (sum > 1 + 1e-9) throw new Error(`oracle: branch shares sum to ${sum} > 1`);
  if (missing === 1) return given.map((p) => p ?? Math.max(0, 1 - sum));
  return sum < 1 ? given.map((p) => p! / sum) : given.map((p) => p!);
}
