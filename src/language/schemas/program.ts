import { z } from 'zod';
import { header, Id, Parameter, SourceRef, Sources, Text } from './common.js';

const Fraction = z.number().min(0).max(1);
/** A coverage: a fraction, a distribution, or a ramp by year whose last value holds. */
export const Coverage = z.union([Parameter, z.strictObject({ ramp: z.array(Fraction).min(1).describe('Coverage in years 1, 2, …; the last value holds.') })]);

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
