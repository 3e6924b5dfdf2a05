import { z } from 'zod';
import { header, Id, Text } from './common.js';

export const ScenarioDocument = z.strictObject({
  ...header('Scenario'),
  title: Text.optional(),
  description: z.string().optional(),
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
});
export type ScenarioDocument = z.infer<typeof ScenarioDocument>;
