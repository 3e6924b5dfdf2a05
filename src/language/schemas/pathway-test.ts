/**
 * PathwayTest: the tests of a workspace's logigrammes and scenarios (docs/testing.md), in files
 * named `*.test.yaml`. Three kinds of case: `paths` (the way one patient goes through a
 * logigramme, given the values its decisions test), `flows` (the people reaching a node, taking
 * an edge or producing acts, in the expected mode, for a stratum size given) and `outcomes` (any
 * summary of a scenario's results compared with a bound, with another outcome, or over the
 * iterations). The simulation never reads these documents.
 */
import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, SourceRef, Sources, Text } from './common.js';

const finite = () => z.number().refine(Number.isFinite, { error: () => t('language.schema.finite') });
/** `[low, high]`, both included. */
const Interval = z
  .tuple([finite(), finite()])
  .refine(([low, high]) => low <= high, { error: () => t('language.schema.pathway-test.interval-order') })
  .describe('Closed interval [low, high]: both ends included.');

/** What all cases have: a name (what `--grep` matches and reports show), a source and a note. */
const caseCommon = {
  name: Text.describe('What the case checks, in words: reports and `--grep` use it.'),
  source: SourceRef.optional().describe('Where the expected answer comes from (an entry of `sources`).'),
  note: z.string().optional(),
};

/** The value a decision variable is given: a number, or a category (the `eq`/`in` of a branch). */
export const GivenValue = z.union([finite(), z.string().min(1)]);

export const PathCase = z.strictObject({
  ...caseCommon,
  logigramme: Id.optional().describe("The logigramme walked; default: the document's `logigramme`."),
  given: z.record(Id, GivenValue).optional().describe('Values of the decision variables, by variable name.'),
  choose: z.record(Id, z.string().min(1)).optional().describe('For decisions without conditions: decision id → the branch taken (its `next` node or its label).'),
  path: z.union([z.array(Id).min(1), z.literal('auto')]).optional().describe('The exact nodes from the start to the end; `auto`: written by `logi test --update`.'),
  reaches: z.array(Id).min(1).optional().describe('Nodes the path must go through.'),
  avoids: z.array(Id).min(1).optional().describe('Nodes the path must not go through.'),
}).refine((c) => c.path !== undefined || c.reaches !== undefined || c.avoids !== undefined, { error: () => t('language.schema.pathway-test.path-expectation') });
export type PathCase = z.infer<typeof PathCase>;

export const FlowEdge = z.strictObject({ from: Id, to: Id });

export const FlowExpectation = z
  .strictObject({
    node: Id.optional().describe('The people reaching this node.'),
    edge: FlowEdge.optional().describe('The people taking the edge from `from` to `to`.'),
    acts: Id.optional().describe('The acts produced by this action node (people × frequency).'),
    share: Interval.optional().describe('Share of the stratum, in [0, 1]: the count divided by `people`.'),
    count: Interval.optional().describe('Number of people (or of acts).'),
  })
  .refine((e) => [e.node, e.edge, e.acts].filter((x) => x !== undefined).length === 1, { error: () => t('language.schema.pathway-test.one-flow-target') })
  .refine((e) => [e.share, e.count].filter((x) => x !== undefined).length === 1, { error: () => t('language.schema.pathway-test.one-flow-bound') });
export type FlowExpectation = z.infer<typeof FlowExpectation>;

export const FlowCase = z.strictObject({
  ...caseCommon,
  logigramme: Id.optional().describe("The logigramme; default: the document's `logigramme`."),
  people: z.number().int({ error: () => t('language.schema.count-whole') }).positive().max(1e12).describe('People in the stratum, all of them passing through the logigramme.'),
  expect: z.array(FlowExpectation).min(1),
});
export type FlowCase = z.infer<typeof FlowCase>;

export const OUTCOME_ARMS = ['baseline', 'program', 'difference'] as const;
export const OUTCOME_STATISTICS = ['mean', 'median', 'p025', 'p975', 'sd'] as const;

/** Where a value is read in a scenario's results (docs/testing.md, "Outcome paths"). */
const OutcomeAddress = {
  outcome: Text.describe('The outcome path: `events nouveaux-diabetes`, `fte medecin-generaliste`, `totalCost`, `economics totalCost`, `decision icer`, `workforce infirmier`…'),
  arm: z.enum(OUTCOME_ARMS).optional().describe('`baseline`, `program` (the default) or `difference` (program − baseline).'),
  territory: Id.optional().describe('A territory of the scenario; default `ensemble`, the sum over its territories.'),
  year: z.union([z.number().int().min(0).max(100), z.enum(['total', 'last'])]).optional().describe('A year, `total` (years 1 to the horizon summed) or `last` (the horizon).'),
  statistic: z.enum(OUTCOME_STATISTICS).optional().describe('Which summary over the iterations: `mean` (the default), `median`, `p025`, `p975`, `sd`.'),
  scale: z.enum(['count', 'per100k']).optional().describe('`count` (the default) or `per100k` inhabitants.'),
};
export const OutcomeRef = z.strictObject(OutcomeAddress);
export type OutcomeRef = z.infer<typeof OutcomeRef>;
/** A bound: a number, or another outcome of the same results. */
export const Bound = z.union([finite(), OutcomeRef]);
export type Bound = z.infer<typeof Bound>;
export const COMPARISONS = ['below', 'at-most', 'above', 'at-least', 'between'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const ProbabilityBound = z
  .strictObject({
    'at-least': finite().min(0).max(1).optional(),
    'at-most': finite().min(0).max(1).optional(),
  })
  .refine((p) => p['at-least'] !== undefined || p['at-most'] !== undefined, { error: () => t('language.schema.pathway-test.probability-bound') });

export const OutcomeExpectation = z
  .strictObject({
    ...OutcomeAddress,
    below: Bound.optional().describe('The value is < this bound.'),
    'at-most': Bound.optional().describe('The value is ≤ this bound.'),
    above: Bound.optional().describe('The value is > this bound.'),
    'at-least': Bound.optional().describe('The value is ≥ this bound.'),
    between: Interval.optional(),
    probability: ProbabilityBound.optional().describe('The share of iterations whose value meets the comparison.'),
  })
  .refine((e) => COMPARISONS.filter((c) => e[c] !== undefined).length === 1, { error: () => t('language.schema.pathway-test.one-comparison') })
  .refine((e) => e.probability === undefined || e.statistic === undefined, { error: () => t('language.schema.pathway-test.probability-statistic'), path: ['statistic'] });
export type OutcomeExpectation = z.infer<typeof OutcomeExpectation>;

export const OutcomeCase = z
  .strictObject({
    ...caseCommon,
    scenario: Id.describe('The scenario simulated.'),
    mode: z.enum(['expected', 'stochastic']).describe('`expected` (one run of expected values) or `stochastic` (with `iterations` and `seed`).'),
    iterations: z.number().int().min(1).max(100_000).optional().describe('Iterations of a stochastic run (required with `mode: stochastic`).'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe("The seed; default: the scenario's."),
    horizon: z.number().int().min(1).max(100).optional().describe("Years simulated; default: the scenario's."),
    expect: z.array(OutcomeExpectation).min(1),
  })
  .refine((c) => c.mode !== 'stochastic' || c.iterations !== undefined, { error: () => t('language.schema.pathway-test.iterations'), path: ['iterations'] });
export type OutcomeCase = z.infer<typeof OutcomeCase>;

export const PathwayTestDocument = z.strictObject({
  ...header('PathwayTest'),
  title: Text.optional(),
  description: z.string().optional(),
  logigramme: Id.optional().describe('The logigramme the path and flow cases test, unless a case names another.'),
  given: z.record(Id, GivenValue).optional().describe("Values every path case starts from (a typical patient); a case's own `given` overrides them."),
  choose: z.record(Id, z.string().min(1)).optional().describe("Branches every path case takes at decisions without conditions, unless its own `choose` says otherwise."),
  paths: z.array(PathCase).optional(),
  flows: z.array(FlowCase).optional(),
  outcomes: z.array(OutcomeCase).optional(),
  sources: Sources.default({}),
});
export type PathwayTestDocument = z.infer<typeof PathwayTestDocument>;
