/**
 * Targets: observed figures that a calibration fits the model to, or holds out to validate it
 * (docs/language.md, "Targets"). Each target measures one thing the model computes — people in
 * some states at the end of a year (`count`), people who moved between states during a year
 * (`flow`), or a named event of the pyramid (`event`) — optionally per a denominator, with its
 * uncertainty and the likelihood that compares it with the model.
 */
import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, SourceRef, Sources, Text } from './common.js';

const finite = () => z.number().refine(Number.isFinite, { error: () => t('language.schema.finite') });
const positive = () => finite().refine((n) => n > 0, { error: () => t('language.schema.positive') });
/** A model year: 0 is the start of the simulation, 1 the end of the first year simulated. */
const ModelYear = z.number().int({ error: () => t('language.schema.target-year-whole') }).min(0).max(100);
const States = z.array(Id).min(1);

export const TargetFlow = z.strictObject({
  from: States.describe('States the people leave: strata of the pyramid.'),
  to: States.describe('States they reach: strata or exits of the pyramid.'),
});

export const TargetPer = z.union([
  z.literal('population').describe("The territories' `population`, summed."),
  z.strictObject({ count: States.describe('People in these states (strata or exits).') }),
]);

const TargetShape = z.strictObject({
  id: Id.describe('Id of the target, unique in the document.'),
  title: Text,
  use: z.enum(['fit', 'validation']).default('fit').describe('`fit` (default): the calibration fits it; `validation`: held out, shown apart.'),
  territory: Id.optional().describe("A territory of the scenario; absent: the scenario's territories summed."),
  year: ModelYear.optional().describe('Model year: 0 = the start (counts only), 1 … horizon = the end of that year.'),
  count: States.optional().describe('People in these states (strata or exits) at the end of `year`.'),
  flow: TargetFlow.optional().describe('People who moved during `year` from a state of `from` to a state of `to`.'),
  event: Id.optional().describe("A pyramid `events` entry or a logigramme's move-to event: its people during `year`."),
  per: TargetPer.optional().describe('Denominator: `population` or `{count: [states]}`.'),
  scale: positive().default(1).describe('The value is per `scale` people (default 1).'),
  change: z.enum(['annual']).optional().describe('The value is the annual relative change between the two `years`.'),
  years: z.tuple([ModelYear, ModelYear]).optional().describe('With `change`: two model years, the first before the second.'),
  value: finite().describe('The observed value.'),
  sd: positive().optional().describe('Standard deviation of the observed value (normal likelihood).'),
  ci95: z.tuple([finite(), finite()]).optional().describe('95 % interval [low, high] of the observed value (normal likelihood): sd = (high − low) / 3.92.'),
  likelihood: z.enum(['normal', 'poisson', 'binomial']).default('normal').describe('`normal` (default), `poisson` (an observed count) or `binomial` (with `per` and `n`).'),
  n: z.number().int({ error: () => t('language.schema.target-n-whole') }).positive().optional().describe('Binomial only: the observed denominator.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});
type TargetShape = z.infer<typeof TargetShape>;
type AddIssue = (message: string, path?: (string | number)[]) => void;

/** Exactly one measure; `year`, or `change` with `years`; year 0 for counts only. */
function checkMeasureAndYears(target: TargetShape, add: AddIssue): void {
  const measures = [target.count, target.flow, target.event].filter((m) => m !== undefined).length;
  if (measures !== 1) add(t('language.schema.target-measure'));
  if (target.year !== undefined && target.years !== undefined) add(t('language.schema.target-year-and-years'), ['years']);
  if (target.change !== undefined && target.years === undefined) add(t('language.schema.target-change-years'), ['change']);
  else if (target.year === undefined && target.years === undefined) add(t('language.schema.target-no-year'));
  if (target.years !== undefined && target.change === undefined) add(t('language.schema.target-years-change'), ['years']);
  if (target.years !== undefined && !(target.years[0] < target.years[1])) add(t('language.schema.target-years-order'), ['years']);
  const firstYear = target.years?.[0] ?? target.year;
  if (target.count === undefined && firstYear === 0) add(t('language.schema.target-year-zero'), target.years ? ['years'] : ['year']);
}

/** What each likelihood needs and refuses. */
function checkLikelihood(target: TargetShape, add: AddIssue): void {
  if (target.ci95 !== undefined && !(target.ci95[0] < target.ci95[1])) add(t('language.schema.target-ci95-order'), ['ci95']);
  if (target.likelihood === 'normal') {
    if (target.sd === undefined && target.ci95 === undefined) add(t('language.schema.target-normal-spread'));
    if (target.sd !== undefined && target.ci95 !== undefined) add(t('language.schema.target-sd-and-ci95'), ['ci95']);
  }
  if (target.likelihood === 'binomial') {
    if (target.n === undefined) add(t('language.schema.target-binomial-n'), ['likelihood']);
    if (target.per === undefined) add(t('language.schema.target-binomial-per'), ['likelihood']);
    if (!(target.value >= 0 && target.value <= target.scale)) add(t('language.schema.target-binomial-share'), ['value']);
  } else if (target.n !== undefined) add(t('language.schema.target-n-binomial'), ['n']);
  if (target.likelihood === 'poisson') {
    if (target.per !== undefined) add(t('language.schema.target-poisson-per'), ['per']);
    if (target.change !== undefined) add(t('language.schema.target-poisson-change'), ['change']);
    if (!(target.value >= 0)) add(t('language.schema.target-poisson-value'), ['value']);
  }
}

export const Target = TargetShape.superRefine((target, ctx) => {
  const add: AddIssue = (message, path = []) => ctx.addIssue({ code: 'custom', message, path });
  checkMeasureAndYears(target, add);
  checkLikelihood(target, add);
});
export type Target = z.infer<typeof Target>;

export const TargetsDocument = z.strictObject({
  ...header('Targets'),
  title: Text,
  description: z.string().optional(),
  pyramid: Id.describe('Id of the Pyramid whose states and events the targets measure.'),
  targets: z.array(Target).min(1).describe('The observed figures, each with its uncertainty and source.'),
  sources: Sources.default({}),
});
export type TargetsDocument = z.infer<typeof TargetsDocument>;
