import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, SourceRef, Sources, Text, TimeVarying, TransitionKey } from './common.js';

/** At most MAX_PEOPLE (src/sim/distributions/forms.ts): over a hundred times the world's population. */
const MAX_PEOPLE = 1e12;
const Count = z
  .number()
  .int({ error: () => t('language.schema.count-whole') })
  .nonnegative()
  .max(MAX_PEOPLE, { error: () => t('language.schema.count-max') });

export const TerritoryPyramid = z.strictObject({
  counts: z.record(Id, Count).describe('People per stratum at the start of the simulation.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
  multipliers: z.record(TransitionKey, TimeVarying).optional().describe('Local epidemiology relative to the pyramid: p → 1 − (1 − p)^m.'),
});

export const TerritoryDocument = z.strictObject({
  ...header('Territory'),
  title: Text,
  population: z.number().int().positive().max(MAX_PEOPLE, { error: () => t('language.schema.population-max') }),
  'population-source': SourceRef.optional(),
  pyramids: z.record(Id, TerritoryPyramid),
  workforce: z.record(Id, z.strictObject({ fte: z.number().nonnegative(), source: SourceRef.optional(), note: z.string().optional() })).optional(),
  sources: Sources.default({}),
});
export type TerritoryDocument = z.infer<typeof TerritoryDocument>;
