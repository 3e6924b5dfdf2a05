import { z } from 'zod';
import { t } from '../../i18n/catalogue.js';
import { header, Id, Parameter, Period, SourceRef, Sources, Text, TransitionKey } from './common.js';
import { DoneWhen } from './done-when.js';

/** `{times: 4, per: year}`, or the shorthand `4/year`. */
export const FREQUENCY_SHORTHAND = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(day|week|month|quarter|year)\s*$/;
/** The frequencies written as text: the shorthand, or `once`. */
const FREQUENCY_TEXT = new RegExp(`${FREQUENCY_SHORTHAND.source}|^\\s*once\\s*$`);

/** A rate: `times` acts per `per` for each person-year reached. */
export interface RateFrequency {
  times: z.infer<typeof Parameter>;
  per: z.infer<typeof Period>;
}
/** A one-off act: one act per passage through the node, due within `withinDays` days of entering it. */
export interface OnceFrequency {
  once: true;
  withinDays?: number;
}
/** A frequency as written: a rate mapping, its shorthand `4/year`, `once`, or `{once: true, within-days: 7}`. */
export type WrittenFrequency = RateFrequency | string | { once: true; 'within-days'?: number };

/** Whether a parsed frequency is a one-off act (`once`) rather than a rate. */
export function isOnce(frequency: RateFrequency | OnceFrequency | undefined): frequency is OnceFrequency {
  return frequency !== undefined && 'once' in frequency;
}

/**
 * A frequency in its parsed form, whichever way it is written: the shorthand `4/year` expanded to
 * `{times, per}`, `once` and `{once: true, within-days: N}` to `{once: true, withinDays?}`;
 * undefined when absent (or, for a string, not a frequency). The one reader of frequencies for the
 * simulation, render, FHIR and lint (docs/language.md, "Frequency").
 */
export function parseFrequency(frequency: WrittenFrequency | undefined): RateFrequency | OnceFrequency | undefined {
  if (frequency === undefined) return undefined;
  if (typeof frequency === 'string') {
    if (frequency.trim() === 'once') return { once: true };
    const m = FREQUENCY_SHORTHAND.exec(frequency);
    return m ? { times: Number(m[1]), per: m[2] as z.infer<typeof Period> } : undefined;
  }
  if ('once' in frequency) return frequency['within-days'] === undefined ? { once: true } : { once: true, withinDays: frequency['within-days'] };
  return frequency;
}

export const Frequency = z.union([
  z.strictObject({ times: Parameter.describe('How many acts per period for each person reaching the node.'), per: Period }),
  z.strictObject({
    once: z.literal(true).describe('A one-off act: one act per passage through the node, whatever the cycle.'),
    'within-days': z.number().int({ error: () => t('language.schema.within-days') }).min(0, { error: () => t('language.schema.within-days') }).optional().describe('The act is due within this many days of entering the node (a whole number ≥ 0).'),
  }),
  // One string branch for `once` and the shorthand, so that a mapping gone wrong is explained by a mapping branch.
  z.string().regex(FREQUENCY_TEXT, { error: () => t('language.schema.frequency') }),
]);

export const Evidence = z.strictObject({
  source: SourceRef,
  grade: z.string().optional().describe('Grade of the recommendation in the source\'s scale (e.g. A, B, C, AE).'),
  note: z.string().optional(),
});

export const Effect = z.strictObject({
  transition: TransitionKey.describe('The pyramid transition this node changes, e.g. `S1->S2`.'),
  hr: Parameter.describe('Hazard ratio applied as p → 1 − (1 − p)^hr for people passing here.'),
  duration: z.number().int({ error: () => t('language.schema.duration-whole') }).optional().describe('Cycles during which the effect applies after the last passage once out of the program (default 1: the cycle of the passage); above 1 it stays whole while enrolled.'),
  waning: z.enum(['none', 'linear', 'exponential']).optional().describe('How the effect fades over `duration`: none (default), linear to HR = 1, or exponential with `half-life`.'),
  'half-life': Parameter.optional().describe('With `waning: exponential`: cycles after which the log hazard ratio is halved.'),
  'after-exit': z.enum(['keep', 'stop']).optional().describe('Whether the effect goes on after the person leaves the program (`keep`, the default) or stops (`stop`).'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

/**
 * `move-to: S2`, or `{stratum: S2, p: 0.04}`: the people reaching the node (a share p of them)
 * move to stratum S2 at the end of the cycle, after the cycle's transitions (docs/simulation.md,
 * "Detection moves people").
 */
export const MoveTo = z.union([
  Id,
  z.strictObject({
    stratum: Id.describe('The stratum the people move to.'),
    p: Parameter.optional().describe('Share moved per person-year reached (default 1): p / c of the people reaching the node each cycle, p each year with yearly cycles.'),
    event: Id.optional().describe('A named event that counts these moves (one of the pyramid\'s `events`, or a new name that holds only moves).'),
    source: SourceRef.optional(),
    note: z.string().optional(),
  }),
]);
export function parseMoveTo(move: z.infer<typeof MoveTo> | undefined): { stratum: string; p?: z.infer<typeof Parameter>; event?: string } | undefined {
  if (move === undefined) return undefined;
  if (typeof move === 'string') return { stratum: move };
  return { stratum: move.stratum, ...(move.p === undefined ? {} : { p: move.p }), ...(move.event === undefined ? {} : { event: move.event }) };
}

/** The order bounds of a numeric test, shared by a branch's `when` and a criterion's bounds (`age`, `lab`). */
export const ORDER_BOUNDS = {
  lt: z.number().optional(),
  lte: z.number().optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
};
export const BETWEEN_BOUND = z.tuple([z.number(), z.number()]).optional().describe('Closed interval [low, high].');
/** The keys of a test's bounds: a test states at least one of them. */
export const BOUND_KEYS = ['lt', 'lte', 'gt', 'gte', 'eq', 'in', 'between'] as const;
export function statesABound(test: Partial<Record<(typeof BOUND_KEYS)[number], unknown>>): boolean {
  return BOUND_KEYS.some((k) => test[k] !== undefined);
}

/** A structured condition on the decision's variable. Several bounds combine with "and". */
export const Condition = z
  .strictObject({
    ...ORDER_BOUNDS,
    eq: z.union([z.number(), z.string()]).optional(),
    in: z.array(z.union([z.number(), z.string()])).min(1).optional(),
    between: BETWEEN_BOUND,
    unit: z.string().optional().describe('Unit of the bounds when it differs in spelling from the variable\'s.'),
  })
  .refine(statesABound, {
    error: () => t('language.schema.condition-empty'),
  });

export const Branch = z.strictObject({
  label: Text,
  when: Condition.optional(),
  p: Parameter.optional().describe('Probability of this branch; one branch without p takes the remainder.'),
  source: SourceRef.optional().describe('Where the branch probability comes from.'),
  next: Id,
  note: z.string().optional(),
});

const common = {
  label: Text,
  phase: Id.optional().describe('Id of an entry of `phases`: the node is drawn inside that group.'),
  note: z.string().optional(),
};

export const StartNode = z.strictObject({ type: z.literal('start'), ...common, next: Id });
export const ActionNode = z.strictObject({
  type: z.literal('action'),
  ...common,
  actor: Id.describe('Id from an Actors document.'),
  frequency: Frequency.optional(),
  minutes: Parameter.optional().describe('Overrides the actor\'s minutes per act.'),
  cost: Parameter.optional().describe('Overrides the actor\'s cost per act (euros).'),
  evidence: z.union([Evidence, z.array(Evidence).min(1)]).optional(),
  effects: z.array(Effect).optional(),
  'move-to': MoveTo.optional().describe('Moves the people who reach the node to another stratum at the end of the cycle (detection).'),
  'done-when': DoneWhen.optional().describe('The rows of patient data that record the act (docs/stratify.md, "Worklist").'),
  next: Id.optional(),
});
/** `{dirichlet: [a1, a2, …]}`: the branch shares drawn jointly, one concentration per branch, in order. */
export const BranchProbabilities = z.strictObject({
  dirichlet: z.array(z.number().positive()).min(2).describe('Concentration parameters, one per branch in order; shares are a_i / Σa.'),
  source: SourceRef.optional(),
  note: z.string().optional(),
});

export const DecisionNode = z.strictObject({
  type: z.literal('decision'),
  ...common,
  probabilities: BranchProbabilities.optional().describe('Joint distribution of the branch shares (instead of `p` on each branch).'),
  variable: z
    .strictObject({ name: Id, unit: z.string().optional(), min: z.number().optional(), max: z.number().optional() })
    .optional()
    .describe('The variable the branches test; `min`/`max` bound its range for coverage checks.'),
  branches: z.array(Branch).min(1),
  evidence: z.union([Evidence, z.array(Evidence).min(1)]).optional(),
});
export const EndNode = z.strictObject({ type: z.literal('end'), ...common });
export const ReferNode = z.strictObject({
  type: z.literal('refer'),
  ...common,
  logigramme: Id.describe('Id of the logigramme the person is referred to.'),
  next: Id.optional(),
});

/** A decision's `probabilities` replaces every branch `p`, with one concentration per branch. */
const DecisionNodeChecked = DecisionNode.superRefine((node, ctx) => {
  if (!node.probabilities) return;
  if (node.probabilities.dirichlet.length !== node.branches.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['probabilities', 'dirichlet'],
      message: t('language.schema.dirichlet-length', { concentrations: node.probabilities.dirichlet.length, branches: node.branches.length }),
    });
  }
  node.branches.forEach((branch, i) => {
    if (branch.p !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['branches', i, 'p'], message: t('language.schema.dirichlet-no-p') });
    }
  });
});

export const NODE_TYPES = ['start', 'action', 'decision', 'refer', 'end'] as const;
export const LogigrammeNode = z.discriminatedUnion('type', [StartNode, ActionNode, DecisionNodeChecked, EndNode, ReferNode]);
export type LogigrammeNode = z.infer<typeof LogigrammeNode>;

export const LogigrammeDocument = z.strictObject({
  ...header('Logigramme'),
  title: Text,
  description: z.string().optional(),
  pyramid: Id.describe('Id of the Pyramid this logigramme belongs to.'),
  stratum: Id.describe('Id of the stratum it applies to.'),
  start: Id.describe('Id of the start node.'),
  phases: z.record(Id, z.strictObject({ label: Text })).optional(),
  nodes: z.record(Id, LogigrammeNode),
  sources: Sources.default({}),
});
export type LogigrammeDocument = z.infer<typeof LogigrammeDocument>;
