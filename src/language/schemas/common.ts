/**
 * Building blocks shared by every document kind: ids, sources, and parameter distributions
 * (DESIGN §2). Objects are strict: an unknown key is an error, reported with "did you mean".
 */
import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const Id = z
  .string()
  .regex(ID_PATTERN, { error: () => t('language.schema.id-rule') })
  .describe('An identifier, unique within its scope: letters, digits, "-", "_", ".".');

export const Text = z.string().min(1, { error: () => t('language.schema.empty-text') });

const finite = () => z.number().refine(Number.isFinite, { error: () => t('language.schema.finite') });
const positive = () => finite().refine((n) => n > 0, { error: () => t('language.schema.positive') });

/** `{beta: {mean, sd}}` or `{beta: {alpha, beta}}`: a probability or a coverage in [0, 1]. */
export const BetaDistribution = z.strictObject({
  beta: z.union([
    z.strictObject({ mean: finite().refine((m) => m > 0 && m < 1, { error: () => t('language.schema.beta-mean') }), sd: positive() }),
    z.strictObject({ alpha: positive(), beta: positive() }),
  ]),
});
const Ci95 = z.tuple([positive(), positive()]).describe('95 % interval [low, high] of the ratio');
/**
 * A ratio (hazard ratio, multiplier), positive: `{lognormal: {median, ci95: [lo, hi]}}` (a
 * published estimate and its interval), `{lognormal: {mean, sd}}` (the true mean and sd), or the
 * older `{lognormal: {mean, ci95}}` whose `mean` is read as the median (lint: lognormal-median).
 */
export const LognormalDistribution = z.strictObject({
  lognormal: z.union([
    z.strictObject({ median: positive().describe('The point estimate: the median of the distribution.'), ci95: Ci95 }),
    z.strictObject({ mean: positive().describe('Read as the median (the point estimate): write `median`.'), ci95: Ci95 }),
    z.strictObject({ mean: positive().describe('The mean of the distribution.'), sd: positive().describe('The standard deviation of the distribution.') }),
  ]),
});
/** `{gamma: {mean, sd}}`: a cost, a duration or a count, positive. */
export const GammaDistribution = z.strictObject({ gamma: z.strictObject({ mean: positive(), sd: positive() }) });
/** `{normal: {mean, sd}}`: for quantities that may be negative (rarely needed). */
export const NormalDistribution = z.strictObject({ normal: z.strictObject({ mean: finite(), sd: positive() }) });
export const UniformDistribution = z.strictObject({ uniform: z.tuple([finite(), finite()]) });
export const TriangularDistribution = z.strictObject({ triangular: z.tuple([finite(), finite(), finite()]) });

export const Distribution = z.union([
  BetaDistribution,
  LognormalDistribution,
  GammaDistribution,
  NormalDistribution,
  UniformDistribution,
  TriangularDistribution,
]);

/** Any numeric parameter: a number or a distribution (sampled once per iteration in PSA). */
export const Parameter = z
  .union([finite(), Distribution])
  .describe('A number, or a distribution: beta, lognormal, gamma, normal, uniform, triangular.');
export type Parameter = z.infer<typeof Parameter>;

/**
 * A parameter that may change with the calendar year (issue 14): a plain parameter (the same every
 * year), `{by-year: [v1, v2, …]}` (year k takes vk, the last value holds) or `{trend: {start,
 * annual-change}}` (year k takes start × (1 + annual-change)^(k − 1)). Each value may be a
 * distribution, drawn once per iteration (docs/simulation.md, "Parameters that change over time").
 */
export const ByYear = z.strictObject({
  'by-year': z.array(Parameter).min(1).describe('Values for years 1, 2, …; the last value holds to the horizon.'),
});
export const Trend = z.strictObject({
  trend: z
    .strictObject({
      start: Parameter.describe('The value in year 1.'),
      'annual-change': Parameter.describe('Relative change per year: −0.026 is a fall of 2.6 % a year (year k: start × (1 + change)^(k − 1)).'),
    })
    .describe('A value that changes by a constant share each year.'),
});
export const TimeVarying = z
  .union([Parameter, ByYear, Trend])
  .describe('A number or a distribution, the same every year; or `{by-year: [...]}`; or `{trend: {start, annual-change}}`.');
export type TimeVarying = z.infer<typeof TimeVarying>;

/** The parameters inside a time-varying value, each with its path below the value and its role. */
export function timeVaryingParameters(value: TimeVarying): { path: (string | number)[]; value: Parameter; role: 'value' | 'change' }[] {
  if (typeof value === 'object' && 'by-year' in value) return value['by-year'].map((v, k) => ({ path: ['by-year', k], value: v, role: 'value' as const }));
  if (typeof value === 'object' && 'trend' in value) {
    return [
      { path: ['trend', 'start'], value: value.trend.start, role: 'value' },
      { path: ['trend', 'annual-change'], value: value.trend['annual-change'], role: 'change' },
    ];
  }
  return [{ path: [], value: value as Parameter, role: 'value' }];
}

/** A reference to one or more entries of the document's `sources`. */
export const SourceRef = z.union([Id, z.array(Id).min(1)]).describe('Id (or list of ids) of entries in this document\'s `sources`.');

export const SourceType = z.enum(['guideline', 'publication', 'dataset', 'report', 'press', 'estimate', 'illustrative']);

export const Source = z.strictObject({
  title: Text,
  authors: z.string().optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  url: z.string().url().optional(),
  doi: z.string().optional(),
  type: SourceType.optional().describe('`estimate` and `illustrative` mark figures that are not published as such.'),
  'grade-scale': z.string().optional().describe('The grading scale used by `evidence.grade` (e.g. HAS, GRADE, ESC).'),
  note: z.string().optional(),
});
export const Sources = z.record(Id, Source).describe('Bibliography of this document, by id.');

/** The fields every document starts with. */
export const header = <K extends string>(kind: K) => ({
  kind: z.literal(kind),
  version: z.literal(1, { error: () => t('language.schema.version') }),
  id: Id,
});

/** `S1->S2`: a transition between two states of a pyramid. */
export const TRANSITION_PATTERN = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*->\s*([A-Za-z0-9][A-Za-z0-9_.-]*)$/;
export const TransitionKey = z.string().regex(TRANSITION_PATTERN, { error: () => t('language.schema.transition-key') });

export function parseTransition(key: string): { from: string; to: string } | undefined {
  const m = TRANSITION_PATTERN.exec(key);
  return m ? { from: m[1]!, to: m[2]! } : undefined;
}

export const Period = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export const PERIODS_PER_YEAR: Record<z.infer<typeof Period>, number> = { day: 365, week: 52, month: 12, quarter: 4, year: 1 };
