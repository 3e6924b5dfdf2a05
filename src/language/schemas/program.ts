import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, Parameter, SourceRef, Sources, Text, TimeVarying } from './common.js';

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
  coverage: Coverage.describe('Target share of the stratum enrolled in the logigramme, per year.'),
  retention: Parameter.optional().describe(
    'Probability per year that an enrolled person stays enrolled; new enrolment tops up to the coverage. Absent: enrolment is drawn afresh every cycle (no memory).',
  ),
  'on-transfer': z
    .enum(['keep', 'drop'])
    .optional()
    .describe('When an enrolled person changes stratum: `keep` (stays enrolled if the program has a logigramme there; the default) or `drop`.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

/**
 * A cost of running the program, besides its acts: a fixed cost per territory and year, or a cost
 * per enrolled person-year (docs/simulation.md, "Program costs").
 */
export const ProgramCost = z
  .strictObject({
    title: Text,
    payer: Id.describe('Who pays: `assurance-maladie`, `ars`, `hopital`, `collectivite`, `patient`… (an id of your choice).'),
    'per-year': Parameter.optional().describe('Fixed cost per territory and year (euros): coordination, platform.'),
    'per-enrolled-year': Parameter.optional().describe('Cost per enrolled person-year (euros).'),
    'per-person-year': TimeVarying.optional().describe('Cost per person-year of everyone in `strata` under this program, enrolled or not (a drug given to the whole stratum), valued like the state costs (docs/economics.md); may change by year.'),
    strata: z.array(Id).min(1).optional().describe('With `per-enrolled-year`: the strata whose enrolled people count (default: every stratum of the program); with `per-person-year`: the strata whose people count (required).'),
    source: SourceRef.optional(),
    note: z.string().optional(),
  })
  .refine((cost) => [cost['per-year'], cost['per-enrolled-year'], cost['per-person-year']].filter((v) => v !== undefined).length === 1, {
    error: () => t('language.schema.program-cost-kind'),
  })
  .refine((cost) => cost.strata === undefined || cost['per-year'] === undefined, {
    error: () => t('language.schema.program-cost-strata'),
    path: ['strata'],
  })
  .refine((cost) => cost['per-person-year'] === undefined || cost.strata !== undefined, {
    error: () => t('language.schema.program-cost-person-strata'),
    path: ['strata'],
  });

export const ProgramDocument = z.strictObject({
  ...header('Program'),
  title: Text,
  description: z.string().optional(),
  pyramid: Id,
  strata: z.record(Id, ProgramStratum),
  costs: z.record(Id, ProgramCost).optional().describe('Costs of running the program besides its acts, by id.'),
  sources: Sources.default({}),
});
export type ProgramDocument = z.infer<typeof ProgramDocument>;
