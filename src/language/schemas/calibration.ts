/**
 * Calibration: which scenario to calibrate, against which Targets, and which parameters are free,
 * each with its prior and bounds (docs/language.md, "Calibration"). Parameters are named by a
 * parameter path (src/language/parameter-path.ts); the lint rule calibration-reference checks
 * what the schema cannot: that the ids and paths resolve, and that priors and bounds fit.
 */
import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, Parameter, SourceRef, Sources, Text } from './common.js';

const finite = () => z.number().refine(Number.isFinite, { error: () => t('language.schema.finite') });

export const Bounds = z
  .tuple([finite(), finite()])
  .refine((bounds) => bounds[0] < bounds[1], { error: () => t('language.schema.bounds-order') })
  .describe('[low, high]: the values the calibration may give the parameter.');

export const CalibrationParameter = z.strictObject({
  path: Text.describe('A parameter path: `<document id> <segment> …`, e.g. `diabete-t2 transitions S1->S2 p`.'),
  prior: Parameter.optional().describe("The prior: a distribution; default: the parameter's own distribution."),
  bounds: Bounds.optional(),
  source: SourceRef.optional().describe('Where the prior comes from, in `sources`.'),
  note: z.string().optional(),
});

export const CalibrationDocument = z.strictObject({
  ...header('Calibration'),
  title: Text,
  description: z.string().optional(),
  scenario: Id.describe('Id of the Scenario whose baseline arm is calibrated.'),
  targets: z.array(Id).min(1).describe('Ids of Targets documents of the scenario\'s pyramid.'),
  parameters: z.array(CalibrationParameter).min(1).describe('The free parameters, each with its prior and bounds.'),
  draws: z.number().int().min(1).max(10_000_000).default(10_000).describe('Prior draws for sampling-importance-resampling (default 10000).'),
  sample: z.number().int().min(1).max(1_000_000).default(1000).describe('Size of the posterior sample (default 1000).'),
  'min-ess': z.number().int().min(1).max(10_000_000).default(200).describe('Effective sample size below which IMIS is used, and the run is "not converged" (default 200).'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe("Seed of the calibration's draws; default: the scenario's."),
  sources: Sources.default({}),
});
export type CalibrationDocument = z.infer<typeof CalibrationDocument>;
