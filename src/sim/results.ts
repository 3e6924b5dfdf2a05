/**
 * The results of a simulation as written to `results.json`: a manifest (tool version, seed,
 * iterations, mode and the SHA-256 of every input; no timestamp, so the same inputs give the same
 * bytes), the dimensions, the summaries and the overlay of people per node and edge.
 */
import { z } from 'zod';
import type { Model } from './model.js';
import { MEASURES, type Summaries } from './summarize.js';
import { lineKey, valuationLines } from '../econ/valuation.js';

const SummarySchema = z.object({
  mean: z.number(),
  sd: z.number(),
  median: z.number(),
  p025: z.number().describe('2.5 % percentile'),
  p975: z.number().describe('97.5 % percentile'),
  mcse: z.number().describe('Monte Carlo standard error of the mean: sd/√iterations'),
});
const ADDED_MEASURES = new Set<string>(['enrolled', 'programCost']);
const SeriesSchema = z.array(SummarySchema).describe('One summary per year: years 0…horizon for counts, 1…horizon otherwise.');

const AcceptabilitySchema = z.object({
  wtp: z.number(),
  meanNmb: z.number(),
  probabilityCostEffective: z.number(),
  evpi: z.number(),
  optimal: z.enum(['baseline', 'program']),
});
const DecisionSummarySchema = z.object({
  territory: z.string(),
  people: z.number(),
  incrementalCost: z.number(),
  incrementalEffect: z.number(),
  icer: z.number().nullable(),
  verdict: z.enum(['dominant', 'dominated', 'more-costly-more-effective', 'less-costly-less-effective', 'equivalent']),
  netMonetaryBenefit: z.number(),
  probabilityCostEffective: z.number(),
  evpi: z.object({ perPerson: z.number(), population: z.number() }),
  acceptability: z.array(AcceptabilitySchema),
  plane: z.object({ cost: z.array(z.number()), effect: z.array(z.number()) }).optional(),
});

export const ResultsSchema = z.object({
  manifest: z.object({
    tool: z.literal('logi'),
    version: z.string(),
    scenario: z.string(),
    pyramid: z.string(),
    seed: z.number().int(),
    iterations: z.number().int(),
    mode: z.enum(['stochastic', 'psa', 'expected']),
    horizon: z.number().int(),
    cyclesPerYear: z.number().int(),
    streams: z.string().describe('How random streams are derived from their keys (docs/simulation.md, "Random streams"): another value means other random numbers.'),
    inputs: z.array(z.object({ file: z.string().describe('Relative to the workspace root.'), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  }),
  overlaps: z
    .array(z.object({ pyramid: z.string(), pyramidTitle: z.string(), strata: z.array(z.string()), otherStrata: z.array(z.string()).optional(), note: z.string() }))
    .optional()
    .describe('The pyramid\'s `overlaps`: people also counted by another pyramid (docs/language.md); absent when none.'),
  years: z.array(z.number().int()),
  states: z.array(z.object({ id: z.string(), title: z.string(), exit: z.boolean() })),
  transitions: z.array(z.string()),
  events: z.array(
    z.object({
      name: z.string(),
      title: z.string().optional().describe('The title the pyramid gives it (its name when none; absent before issue 16).'),
      desirable: z.boolean().optional().describe('Whether more of it is better (absent before issue 16: false).'),
      transitions: z.array(z.string()),
      moves: z.array(z.string()).optional().describe('Keys of the detection moves the event counts.'),
    }),
  ),
  moves: z
    .array(z.object({ key: z.string(), from: z.string(), to: z.string(), logigramme: z.string(), node: z.string() }))
    .optional()
    .describe('Detection moves (`move-to`): their flows follow the transitions in `flows` under `key`.'),
  programCosts: z
    .array(z.object({ id: z.string(), title: z.string(), payer: z.string(), arms: z.array(z.enum(['baseline', 'program'])) }))
    .optional()
    .describe('Program costs besides the acts (`programCost` measure, included in `totalCost`).'),
  actions: z.array(z.object({ id: z.string(), logigramme: z.string(), node: z.string(), label: z.string(), actor: z.string() })),
  actors: z.array(z.object({ id: z.string(), title: z.string(), fteMinutesPerYear: z.number() })),
  territories: z.array(z.object({ id: z.string(), title: z.string(), population: z.number().int(), workforce: z.record(z.string(), z.number()) })),
  arms: z.object({ baseline: z.object({ id: z.string(), title: z.string() }), program: z.object({ id: z.string(), title: z.string() }) }),
  logigrammes: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        stratum: z.string(),
        nodes: z.array(z.object({ id: z.string(), type: z.enum(['start', 'action', 'decision', 'end', 'refer']), label: z.string(), actor: z.string().optional() })),
        edges: z.array(z.object({ from: z.string(), to: z.string(), label: z.string() })),
      }),
    )
    .describe('The logigrammes the arms use, reachable nodes in topological order: what the overlay is drawn on.'),
  territorySummaries: z
    .object({ files: z.array(z.string()) })
    .optional()
    .describe(
      'Where the territories\' summaries are when `summaries` holds only the `ensemble`\'s, as `simulate --out` writes it: `summary.parquet` and `summary.csv` beside results.json (docs/simulation.md, "Outputs"); absent when `summaries` holds every territory.',
    ),
  summaries: z.array(
    z.object({
      territory: z.string().describe('A territory id, or `ensemble` for the sum over the scenario\'s territories. Written by `simulate --out`, results.json holds the `ensemble` only (see `territorySummaries`).'),
      scale: z.enum(['count', 'per100k']),
      arm: z.enum(['baseline', 'program', 'difference']).describe('`difference` is program − baseline, paired by iteration.'),
      // `enrolled` and `programCost` came with issue 14: a results.json written before has neither.
      measures: z.object(
        Object.fromEntries(MEASURES.map((m) => [m, ADDED_MEASURES.has(m) ? z.record(z.string(), SeriesSchema).optional() : z.record(z.string(), SeriesSchema)])) as Record<
          (typeof MEASURES)[number],
          z.ZodRecord<z.ZodString, typeof SeriesSchema>
        >,
      ),
      totalCost: SeriesSchema,
      economics: z
        .record(z.string(), z.object({ undiscounted: SummarySchema, discounted: SummarySchema }))
        .optional()
        .describe('Totals over the horizon by valuation line: `<category>/<payer>` costs, `totalCost`, `lifeYears`, `qalys` (docs/economics.md); absent before issue 16.'),
    }),
  ),
  economics: z
    .object({
      discount: z.object({ costs: z.number(), outcomes: z.number() }),
      stateTime: z.enum(['half-cycle', 'start', 'end']),
      outcome: z.enum(['qalys', 'life-years']),
      threshold: z.number(),
      payers: z.array(z.string()),
      lines: z.array(z.string()).describe('The valuation lines of `summaries[].economics`, in order.'),
    })
    .optional()
    .describe('How costs and outcomes were valued (docs/economics.md); absent before issue 16.'),
  decision: z
    .object({
      outcome: z.enum(['qalys', 'life-years']),
      threshold: z.number(),
      summaries: z.array(DecisionSummarySchema),
    })
    .optional()
    .describe('Program against baseline: ICER, net monetary benefit, acceptability, EVPI, CE plane (docs/economics.md, "Decision"); absent before issue 16.'),
  overlay: z.array(
    z.object({
      territory: z.string().describe('A territory id, or `ensemble` (the sum over territories); written by `simulate --out`, the `ensemble` only.'),
      arm: z.enum(['baseline', 'program']),
      logigramme: z.string(),
      nodes: z.record(z.string(), z.array(z.number())).describe('Mean people reaching each node, per year 1…horizon.'),
      edges: z.array(z.object({ from: z.string(), to: z.string(), label: z.string(), mean: z.array(z.number()) })),
    }),
  ),
});
export type Results = z.infer<typeof ResultsSchema>;

export function buildResults(model: Model, summaries: Summaries, version: string): Results {
  return {
    manifest: {
      tool: 'logi',
      version,
      scenario: model.scenario,
      pyramid: model.pyramid,
      seed: model.seed,
      iterations: model.iterations,
      mode: model.mode,
      horizon: model.horizon,
      cyclesPerYear: model.cyclesPerYear,
      streams: model.streams,
      inputs: model.inputs,
    },
    ...(model.overlaps.length > 0 ? { overlaps: model.overlaps } : {}),
    years: Array.from({ length: model.horizon + 1 }, (_, y) => y),
    states: model.states,
    transitions: model.transitions.map((t) => t.key),
    events: model.events.map((e) => ({ name: e.name, title: e.title, desirable: e.desirable, transitions: e.transitions.map((k) => model.transitions[k]!.key), moves: e.moves.map((m) => model.moves[m]!.key) })),
    moves: model.moves.map((m) => ({ key: m.key, from: model.states[m.from]!.id, to: model.states[m.to]!.id, logigramme: m.logigramme, node: m.node })),
    programCosts: model.programCosts.map((c) => ({ id: c.id, title: c.title, payer: c.payer, arms: c.arms })),
    actions: model.actions.map((a) => ({ id: a.id, logigramme: a.logigramme, node: a.node, label: a.label, actor: model.actors[a.actor]!.id })),
    actors: model.actors.map((a) => ({ id: a.id, title: a.title, fteMinutesPerYear: a.fteMinutesPerYear })),
    territories: model.territories.map((t) => ({ id: t.id, title: t.title, population: t.population, workforce: t.workforce })),
    arms: { baseline: { id: model.arms[0]!.id, title: model.arms[0]!.title }, program: { id: model.arms[1]!.id, title: model.arms[1]!.title } },
    logigrammes: model.logigrammes.map((l) => ({
      id: l.id,
      title: l.title,
      stratum: model.states[l.stratum]!.id,
      nodes: l.nodes.map((n) => ({ id: n.id, type: n.type, label: n.label, ...(n.action >= 0 ? { actor: model.actors[model.actions[n.action]!.actor]!.id } : {}) })),
      edges: l.edges.map((e) => ({ from: l.nodes[e.from]!.id, to: l.nodes[e.to]!.id, label: e.label })),
    })),
    summaries: summaries.blocks,
    economics: {
      discount: model.economics.discount,
      stateTime: model.economics.stateTime,
      outcome: model.economics.outcome,
      threshold: model.economics.threshold,
      payers: model.economics.payers,
      lines: valuationLines(model).map(lineKey),
    },
    decision: summaries.decision,
    overlay: summaries.overlay,
  };
}

export function serializeResults(results: Results): string {
  return `${JSON.stringify(results)}\n`;
}
