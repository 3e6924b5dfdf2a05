import { z } from 'zod';
import { header, Parameter, SourceRef, Sources, Text, Id } from './common.js';

export const Actor = z.strictObject({
  title: Text,
  'minutes-per-act': Parameter.describe('Working minutes per act.'),
  'cost-per-act': Parameter.describe('Cost per act in euros (tariff where one exists).'),
  // At least a minute and at most the 525,600 minutes of a year: 1e-320 made every FTE infinite
  // (a null in results.json; found by the fuzz suite, issue 12).
  'fte-minutes-per-year': z.number().min(1).max(525_600).describe('Working minutes in one full-time-equivalent year: at least 1, at most 525,600 (the minutes in a year).'),
  payer: Id.optional().describe('Who pays this actor\'s acts (docs/economics.md, "Payers"); default `assurance-maladie`.'),
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
