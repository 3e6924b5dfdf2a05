/**
 * The two files the report's decision section may draw beside results.json (`logi report RESULTS
 * --sensitivity FILE --sweep FILE`): a one-way sensitivity analysis, drawn as a tornado, and a
 * sweep over a varied value, drawn as outcome curves. Their shapes are the ones the sensitivity and
 * sweep commands write (docs/report.md, "Decision"); the report reads only the fields below and
 * ignores the rest.
 */
import { z } from 'zod';

const ManifestSchema = z.object({
  tool: z.literal('logi'),
  version: z.string(),
  scenario: z.string(),
  seed: z.number().optional(),
  mode: z.string().optional(),
});

/** An outcome of the shared vocabulary: `net-cost`, `incremental-effect`, `icer`, `nmb`, `events:<name>`, `fte:<actor>`. */
const OutcomeSchema = z.object({ id: z.string(), title: z.string(), unit: z.string() });

/** `outcome` is null when the model refuses the value, or for an ICER in a dominance case; `note` says why. */
const OneWayEndSchema = z.object({ value: z.number(), outcome: z.number().nullable(), note: z.string().optional() });

export const SensitivitySchema = z.object({
  manifest: ManifestSchema,
  outcome: OutcomeSchema,
  territory: z.string(),
  base: z.number().nullable().describe('The outcome at the base case; null for an ICER in a dominance case.'),
  oneWay: z.array(
    z.object({
      parameter: z.string(),
      path: z.string().nullable().optional(),
      place: z.string(),
      low: OneWayEndSchema.describe('The parameter at its 2.5 % quantile, and the outcome then.'),
      high: OneWayEndSchema.describe('The parameter at its 97.5 % quantile, and the outcome then.'),
      width: z.number().nullable().describe('Null when an end has no outcome.'),
    }),
  ),
  regression: z
    .object({
      iterations: z.number(),
      rSquared: z.number().nullable(),
      terms: z.array(z.object({ parameter: z.string(), path: z.string().nullable().optional(), coefficient: z.number() })),
      dropped: z.array(z.unknown()).optional(),
    })
    .nullable()
    .optional(),
});
export type Sensitivity = z.infer<typeof SensitivitySchema>;

/** Null for an ICER: its mean in a dominance case (then `verdict` names it), its percentiles always. */
const SweepValueSchema = z.object({
  mean: z.number().nullable(),
  p025: z.number().nullable(),
  p975: z.number().nullable(),
  verdict: z.enum(['dominant', 'dominated', 'more-costly-more-effective', 'less-costly-less-effective', 'equivalent']).optional(),
});

export const SweepSchema = z.object({
  manifest: ManifestSchema,
  vary: z.object({ path: z.string(), title: z.string(), values: z.array(z.number()) }),
  territory: z.string(),
  outcomes: z.array(OutcomeSchema),
  points: z.array(z.object({ value: z.number(), outcomes: z.record(z.string(), SweepValueSchema) })),
});
export type Sweep = z.infer<typeof SweepSchema>;
