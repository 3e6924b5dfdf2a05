import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, Text } from './common.js';

const Rate = z.number().min(0).max(1).describe('Per year: 0.025 is 2.5 %.');

/** How costs and health outcomes are valued (docs/economics.md). */
export const Economics = z.strictObject({
  discount: z
    .strictObject({
      costs: Rate.default(0.025),
      outcomes: Rate.default(0.025),
    })
    .default({ costs: 0.025, outcomes: 0.025 })
    .describe('Annual discount rates; the HAS 2020 guide recommends 2.5 % for both.'),
  'state-time': z
    .enum(['half-cycle', 'start', 'end'])
    .default('half-cycle')
    .describe('How a year spent in a stratum is counted: the mean of its start and end counts (`half-cycle`, the default), its start count, or its end count.'),
  outcome: z.enum(['qalys', 'life-years']).optional().describe('The health outcome of the ICER: QALYs (the default when every stratum has a utility) or life-years.'),
  threshold: z.number().nonnegative().default(50_000).describe('Willingness to pay per unit of outcome (euros): what "cost-effective" is judged against.'),
  thresholds: z.array(z.number().nonnegative()).min(1).optional().describe('Willingness-to-pay values for the acceptability curve and the EVPI (default 0 to 150,000 by 5,000).'),
});

/** Who wrote a scenario, for the package that publishes its results (`logi archive`, docs/reproducibility.md). */
export const ScenarioAuthor = z.strictObject({
  name: Text,
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, { error: () => t('language.schema.orcid') })
    .optional()
    .describe('ORCID iD, 0000-0002-1825-0097'),
  affiliation: Text.optional(),
});

export const ScenarioDocument = z.strictObject({
  ...header('Scenario'),
  title: Text.optional(),
  description: z.string().optional(),
  authors: z.array(ScenarioAuthor).min(1).optional().describe('Who wrote the scenario: named in the RO-Crate of `logi archive`.'),
  license: Text.optional().describe('Under which terms its results may be reused: an SPDX id (`CC-BY-4.0`), a URL, or a sentence; named in the RO-Crate of `logi archive`.'),
  pyramid: Id,
  territories: z.array(Id).min(1),
  baseline: Id.describe('Program describing usual care.'),
  program: Id.describe('Program to compare with the baseline.'),
  horizon: z.number().int().min(1).max(100).default(10).describe('Years to simulate.'),
  iterations: z.number().int().min(1).max(1_000_000).default(1000),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  mode: z.enum(['stochastic', 'psa', 'expected']).default('stochastic'),
  'volumes-at': z
    .enum(['start', 'mid'])
    .default('start')
    .describe('When acts are counted in a cycle: `start` (everyone who passes the logigramme) or `mid` (half-cycle correction: people who leave the stratum during the cycle count half).'),
  'parameter-sets': z
    .array(Id)
    .min(1)
    .optional()
    .describe('Ids of ParameterSet documents, applied in order: each value replaces the one at its path for this scenario.'),
  economics: Economics.optional().describe('Discounting, counting of person-time and willingness to pay (docs/economics.md).'),
});
export type ScenarioDocument = z.infer<typeof ScenarioDocument>;
