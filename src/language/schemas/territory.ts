import { z } from 'zod';
import { header, Id, Parameter, SourceRef, Sources, Text, TransitionKey } from './common.js';

const Count = z.number().int({ error: 'a count is a whole number of people' }).nonnegative();

export const TerritoryPyramid = z.strictObject({
  counts: z.record(Id, Count).describe('People per stratum at the start of the simulation.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
  multipliers: z.record(TransitionKey, Parameter).optional().describe('Local epidemiology relative to the pyramid: p → 1 − (1 − p)^m.'),
});

export const TerritoryDocument = z.strictObject({
  ...header('Territory'),
  title: Text,
  population: z.number().int().positive(),
  'population-source': SourceRef.optional(),
  pyramids: z.record(Id, TerritoryPyramid),
  workforce: z.record(Id, z.strictObject({ fte: z.number().nonnegative(), source: SourceRef.optional(), note: z.string().optional() })).optional(),
  sources: Sources.default({}),
});
export type TerritoryDocument = z.infer<typeof TerritoryDocument>;
