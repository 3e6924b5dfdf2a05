import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, Parameter, SourceRef, Sources, Text } from './common.js';

/**
 * A coverage: a fraction, a distribution, or a ramp by year whose last value holds; its values may
 * be distributions (each drawn once per iteration). With `relative-to: baseline`, the ramp's values
 * are added to the coverage that the scenario's baseline draws for the same stratum and year
 * (docs/simulation.md, "Coverage").
 */
export const CoverageRamp = z.strictObject({
  ramp: z.array(Parameter).min(1).describe('Coverage in years 1, 2, …; the last value holds. With `relative-to`, what is added to the baseline\'s.'),
  'relative-to': z.literal('baseline', { error: () => t('language.schema.relative-to') }).optional().describe('Add the ramp to the coverage the scenario\'s baseline draws for the stratum (clamped to [0, 1]).'),
});
export const Coverage = z.union([Parameter, CoverageRamp]);

export const ProgramStratum = z.strictObject({
  logigramme: Id,
  coverage: Coverage.describe('Share of the stratum enrolled in the logigramme each cycle.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const ProgramDocument = z.strictObject({
  ...header('Program'),
  title: Text,
  description: z.string().optional(),
  pyramid: Id,
  strata: z.record(Id, ProgramStratum),
  sources: Sources.default({}),
});
export type ProgramDocument = z.infer<typeof ProgramDocument>;
