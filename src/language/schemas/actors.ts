import { z } from 'zod';
import { header, Parameter, SourceRef, Sources, Text, Id } from './common.js';

export const Actor = z.strictObject({
  title: Text,
  'minutes-per-act': Parameter.describe('Working minutes per act.'),
  'cost-per-act': Parameter.describe('Cost per act in euros (tariff where one exists).'),
  'fte-minutes-per-year': z.number().positive().describe('Working minutes in one full-time-equivalent year.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const ActorsDocument = z.strictObject({
  ...header('Actors'),
  title: z.string().optional(),
  actors: z.record(Id, Actor),
  sources: Sources.default({}),
});
export type ActorsDocument = z.infer<typeof ActorsDocument>;
