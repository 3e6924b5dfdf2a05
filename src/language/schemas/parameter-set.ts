/**
 * ParameterSet: values that replace, for the scenarios that list the set in `parameter-sets`, the
 * values written at some parameter paths (the files are not changed); optionally a posterior
 * sample, a CSV file of parameter sets that `simulate` draws its iterations from
 * (docs/language.md, "ParameterSet").
 */
import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Parameter, SourceRef, Sources, Text } from './common.js';

export const ParameterSetValue = z.strictObject({
  path: Text.describe('A parameter path: `<document id> <segment> …`, e.g. `diabete-t2 transitions S1->S2 p`.'),
  value: Parameter.describe('The value that replaces the one at `path`: a number or a distribution.'),
  note: z.string().optional(),
});

export const ParameterSetDocument = z
  .strictObject({
    ...header('ParameterSet'),
    title: Text,
    description: z.string().optional(),
    source: SourceRef.optional().describe('Where the values come from (the calibration that produced them), in `sources`.'),
    values: z.array(ParameterSetValue).default([]).describe('The values, each at its parameter path.'),
    posterior: Text.optional().describe('A CSV file (relative to this file) of parameter sets: one column per path, one row per set.'),
    sources: Sources.default({}),
  })
  .refine((set) => set.values.length > 0 || set.posterior !== undefined, { error: () => t('language.schema.parameter-set-empty') });
export type ParameterSetDocument = z.infer<typeof ParameterSetDocument>;
