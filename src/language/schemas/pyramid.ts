import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, Parameter, SourceRef, Sources, Text, TimeVarying, TransitionKey } from './common.js';
import { CriterionSchema, StratumCriteriaSchema } from './criteria.js';

/** A cost of one person-year in a stratum, by payer (docs/economics.md, "Costs"). */
export const StateCost = z.strictObject({
  title: Text.optional(),
  payer: Id.describe('Who pays: `assurance-maladie`, `patient`, `hopital`, `ars`, `collectivite`… (docs/economics.md, "Payers").'),
  'per-year': TimeVarying.describe('Euros per person-year spent in the stratum; may change by year (`by-year`, `trend`).'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

/** A cost of each occurrence of an event, by payer. */
export const EventCost = z.strictObject({
  title: Text.optional(),
  payer: Id.describe('Who pays (docs/economics.md, "Payers").'),
  'per-event': Parameter.describe('Euros per occurrence of the event (a stay, an amputation, a dialysis start).'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const Stratum = z.strictObject({
  id: Id,
  title: Text,
  criteria: StratumCriteriaSchema.optional().describe('How a person is placed in this stratum: free text, or a structured criterion (docs/stratify.md).'),
  description: z.string().optional(),
  costs: z.array(StateCost).optional().describe('Costs of one person-year in the stratum, by payer (state costs).'),
  utility: Parameter.optional().describe('Health-related quality of life of a year in the stratum (1 = full health, 0 = death; EQ-5D values may be below 0): QALYs.'),
  'utility-source': SourceRef.optional(),
});

export const Exit = z.strictObject({ id: Id, title: Text, description: z.string().optional() });

/**
 * People this pyramid shares with another (docs/language.md, "Overlaps between pyramids"): the
 * simulation does not remove them; the report flags that the two scenarios' volumes, FTE and costs
 * do not add up, and states the assumption written here.
 */
export const Overlap = z.strictObject({
  pyramid: Id.describe('The other pyramid, which counts some of the same people.'),
  strata: z.array(Id).min(1).describe('The strata of this pyramid whose people are also in the other one.'),
  'other-strata': z.array(Id).min(1).optional().describe('Where they are in the other pyramid, when known.'),
  note: z.string().min(1).describe('The assumption, in words: who is counted twice, and how much if a source says so.'),
  source: SourceRef.optional(),
});

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

/** A named event with its title, whether more of it is good news, and its costs. */
export const Event = z.strictObject({
  title: Text.describe('What the report shows, e.g. "Nouveaux diabètes".'),
  flows: z.array(TransitionKey).describe('The transitions it counts; may be empty for an event that only counts detection moves (a `move-to` naming it with `event`).'),
  desirable: z.boolean().default(false).describe('Whether more of the event is better (a detection): then the program "adds" rather than "averts" it.'),
  costs: z.array(EventCost).optional().describe('Costs of each occurrence, by payer.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

/** The transitions an event counts, whichever form it is written in. */
export function eventFlows(event: string[] | { flows: string[] }): string[] {
  return Array.isArray(event) ? event : event.flows;
}

/** The path of an event's list of flows in its pyramid: `events.<name>` or `events.<name>.flows`. */
export function eventFlowsPath(event: string[] | { flows: string[] }, name: string): (string | number)[] {
  return Array.isArray(event) ? ['events', name] : ['events', name, 'flows'];
}

export const PyramidDocument = z.strictObject({
  ...header('Pyramid'),
  title: Text,
  description: z.string().optional(),
  cycle: z.enum(['year', 'quarter', 'month']).default('year').describe('Length of one simulation cycle.'),
  population: CriterionSchema.optional().describe('Who belongs to the pyramid at all (docs/stratify.md, "Assignment").'),
  strata: z.array(Stratum).min(1).describe('Strata from the bottom of the pyramid to the top.'),
  exits: z.array(Exit).default([]).describe('Absorbing states, e.g. death.'),
  transitions: z.array(Transition).default([]).describe('Per-cycle probabilities; staying is the remainder of each row.'),
  inflows: z.array(Inflow).default([]),
  events: z.record(Id, z.union([z.array(TransitionKey).min(1), Event])).optional().describe('Named flows for reports, e.g. `nouveaux-diabetes: [S0->S2, S1->S2]`, or with a title, a direction and costs.'),
  overlaps: z.array(Overlap).optional().describe('Other pyramids that count some of the same people: flagged in reports, never subtracted.'),
  sources: Sources.default({}),
});
export type PyramidDocument = z.infer<typeof PyramidDocument>;
