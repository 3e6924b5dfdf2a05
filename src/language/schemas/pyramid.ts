import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, SourceRef, Sources, Text, TimeVarying, TransitionKey } from './common.js';

export const Stratum = z.strictObject({
  id: Id,
  title: Text,
  criteria: z.string().optional().describe('How a person is placed in this stratum (free text or an expression).'),
  description: z.string().optional(),
});

export const Exit = z.strictObject({ id: Id, title: Text, description: z.string().optional() });

export const Transition = z.strictObject({
  from: Id.describe('Stratum the people leave.'),
  to: Id.describe('Stratum or exit they reach.'),
  p: TimeVarying.describe('Probability per year (converted to the cycle); may change by year (`by-year`, `trend`).'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const Inflow = z
  .strictObject({
    to: Id,
    count: TimeVarying.optional().describe('Entrants per year (the mean of a Poisson draw of each cycle\'s share); may change by year.'),
    rate: TimeVarying.optional().describe('Entrants per year as a fraction of `of`; may change by year.'),
    of: z.string().optional().describe('`population` (the territory) or a stratum id; with `rate`.'),
    source: SourceRef.optional(),
    note: z.string().optional(),
  })
  .refine((inflow) => (inflow.count === undefined) !== (inflow.rate === undefined), {
    error: () => t('language.schema.inflow-count-or-rate'),
  })
  .refine((inflow) => inflow.rate === undefined || inflow.of !== undefined, {
    error: () => t('language.schema.inflow-rate-of'),
    path: ['of'],
  });

export const PyramidDocument = z.strictObject({
  ...header('Pyramid'),
  title: Text,
  description: z.string().optional(),
  cycle: z.enum(['year', 'quarter', 'month']).default('year').describe('Length of one simulation cycle.'),
  strata: z.array(Stratum).min(1).describe('Strata from the bottom of the pyramid to the top.'),
  exits: z.array(Exit).default([]).describe('Absorbing states, e.g. death.'),
  transitions: z.array(Transition).default([]).describe('Per-cycle probabilities; staying is the remainder of each row.'),
  inflows: z.array(Inflow).default([]),
  events: z.record(Id, z.array(TransitionKey).min(1)).optional().describe('Named flows for reports, e.g. `nouveaux-diabetes: [S0->S2, S1->S2]`.'),
  sources: Sources.default({}),
});
export type PyramidDocument = z.infer<typeof PyramidDocument>;
