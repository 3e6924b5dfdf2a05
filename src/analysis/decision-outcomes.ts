/**
 * The outcomes a sensitivity analysis or a sweep reads (docs/sensitivity.md, "Outcomes"): one
 * vocabulary, shared with the report, of what a decision turns on —
 * - `net-cost`: ΔC, program − baseline, of the discounted total cost over the horizon (€);
 * - `incremental-effect`: ΔE, of the discounted QALYs or life-years (the scenario's outcome);
 * - `icer`: ΔC/ΔE of the MEAN differences (src/econ/decision.ts: null in the dominance cases);
 * - `nmb`: λΔE − ΔC at the scenario's threshold λ;
 * - `events:<name>`: program − baseline of a named event, summed over the horizon (negative: averted);
 * - `fte:<actor>`: the program arm's full-time equivalents of an actor in the last year;
 * each for one territory or `ensemble`, the sum over the scenario's territories. Every value is
 * read from a run's records and θ (src/sim/chunk.ts), per iteration, as summarize.ts and
 * src/econ/valuation.ts compute them; so their means are those of results.json.
 */
import { t } from '../i18n/catalogue.js';
import { Valuation } from '../econ/valuation.js';
import { icerOf, type IcerResult, type Verdict } from '../econ/decision.js';
import { UsageError } from '../language/workspace.js';
import type { Model } from '../sim/model.js';
import type { RunOutput } from '../sim/runner.js';
import { round, summarize } from '../sim/summarize.js';

export const OUTCOME_KINDS = ['net-cost', 'incremental-effect', 'icer', 'nmb', 'events', 'fte'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** An outcome id read: its kind, and the event or actor it names (`events:<name>`, `fte:<actor>`). */
export type ParsedOutcome = { kind: Exclude<OutcomeKind, 'events' | 'fte'> } | { kind: 'events' | 'fte'; name: string };

/** An outcome resolved against a model. */
export interface Outcome {
  /** The id as the vocabulary writes it: `net-cost`, `events:nouveaux-diabetes`. */
  id: string;
  kind: OutcomeKind;
  /** The event's index in `model.events` (events), the actor's in `model.actors` (fte), else −1. */
  index: number;
  /** The territory's index in `model.territories`, or −1 for `ensemble`. */
  territory: number;
  territoryId: string;
  /** What it is, in the current language. */
  title: string;
  /** A language-neutral unit: `€`, `QALY`, `life-year`, `€/QALY`, `€/life-year`, `events`, `FTE`. */
  unit: string;
}

/** The syntax of an outcome id, or null when it is none of the vocabulary. */
export function parseOutcomeId(text: string): ParsedOutcome | null {
  const colon = text.indexOf(':');
  if (colon < 0) return (OUTCOME_KINDS as readonly string[]).includes(text) && text !== 'events' && text !== 'fte' ? { kind: text as 'net-cost' } : null;
  const kind = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if ((kind !== 'events' && kind !== 'fte') || name.length === 0) return null;
  return { kind, name };
}

/** Every outcome id of a model: the four decision outcomes, each event, each actor that has acts. */
export function outcomeIdsOf(model: Model): string[] {
  const actors = new Set(model.actions.map((a) => a.actor));
  return ['net-cost', 'incremental-effect', 'icer', 'nmb', ...model.events.map((e) => `events:${e.name}`), ...model.actors.filter((_, k) => actors.has(k)).map((a) => `fte:${a.id}`)];
}

/** The territory's index (−1 for `ensemble`), or a usage error listing the scenario's territories. */
export function territoryIndex(model: Model, territory: string): number {
  if (territory === 'ensemble') return -1;
  const index = model.territories.findIndex((x) => x.id === territory);
  if (index < 0) throw new UsageError(t('sensitivity.unknown-territory', { territory, scenario: model.scenario }), t('sensitivity.unknown-territory.hint', { territories: ['ensemble', ...model.territories.map((x) => x.id)] }));
  return index;
}

/** Resolves an outcome id for a territory of the model, or stops with a usage error and the ids it knows. */
export function resolveOutcome(model: Model, id: string, territory = 'ensemble'): Outcome {
  const parsed = parseOutcomeId(id);
  const known = t('sensitivity.outcome.known', { ids: outcomeIdsOf(model) });
  if (!parsed) throw new UsageError(t('sensitivity.outcome.unknown', { id }), known);
  const territoryAt = territoryIndex(model, territory);
  const base = { id, kind: parsed.kind, territory: territoryAt, territoryId: territory };
  const effect = model.economics.outcome === 'qalys' ? 'QALY' : 'life-year';
  switch (parsed.kind) {
    case 'net-cost':
      return { ...base, index: -1, title: t('sensitivity.outcome.net-cost'), unit: '€' };
    case 'incremental-effect':
      return { ...base, index: -1, title: t(effect === 'QALY' ? 'sensitivity.outcome.qalys' : 'sensitivity.outcome.life-years'), unit: effect };
    case 'icer':
      return { ...base, index: -1, title: t('sensitivity.outcome.icer', { unit: effect }), unit: `€/${effect}` };
    case 'nmb':
      return { ...base, index: -1, title: t('sensitivity.outcome.nmb', { threshold: model.economics.threshold, unit: effect }), unit: '€' };
    case 'events': {
      const index = model.events.findIndex((e) => e.name === parsed.name);
      if (index < 0) throw new UsageError(t('sensitivity.outcome.unknown-event', { event: parsed.name, pyramid: model.pyramid }), known);
      return { ...base, index, title: t('sensitivity.outcome.events', { title: model.events[index]!.title, horizon: model.horizon }), unit: 'events' };
    }
    case 'fte': {
      const index = model.actors.findIndex((a) => a.id === parsed.name);
      if (index < 0 || !model.actions.some((a) => a.actor === index)) throw new UsageError(t('sensitivity.outcome.unknown-actor', { actor: parsed.name, scenario: model.scenario }), known);
      return { ...base, index, title: t('sensitivity.outcome.fte', { title: model.actors[index]!.title, year: model.horizon }), unit: 'FTE' };
    }
  }
}

/** The territories an outcome sums over. */
const territoriesOf = (model: Model, outcome: Outcome): number[] => (outcome.territory >= 0 ? [outcome.territory] : model.territories.map((_, k) => k));

/** What a run says of an outcome: its mean, its 2.5 % and 97.5 % percentiles (null for the ICER), and for the ICER its verdict. */
export interface OutcomeSummary {
  mean: number | null;
  p025: number | null;
  p975: number | null;
  verdict?: Verdict;
}

const meanOf = (values: Float64Array): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Reads outcomes from one run's records and θ; the paired cost and effect differences, which
 * several outcomes share, are computed once per territory.
 */
export class OutcomeReader {
  private readonly cache = new Map<number, { cost: Float64Array; effect: Float64Array }>();
  private readonly valuation: Valuation;

  constructor(
    readonly model: Model,
    readonly output: RunOutput,
  ) {
    this.valuation = new Valuation(model, output);
  }

  /** Per iteration, program − baseline of the discounted total cost and of the effect, summed over the outcome's territories. */
  differences(outcome: Outcome): { cost: Float64Array; effect: Float64Array } {
    const cached = this.cache.get(outcome.territory);
    if (cached) return cached;
    const { model, valuation } = this;
    const line = model.economics.outcome === 'qalys' ? ({ kind: 'qalys' } as const) : ({ kind: 'lifeYears' } as const);
    const cost = new Float64Array(model.iterations);
    const effect = new Float64Array(model.iterations);
    for (const t of territoriesOf(model, outcome)) {
      const add = (into: Float64Array, kind: typeof line | { kind: 'totalCost' }) => {
        const program = valuation.total(kind, t, 1, true);
        const baseline = valuation.total(kind, t, 0, true);
        for (let i = 0; i < into.length; i++) into[i]! += program[i]! - baseline[i]!;
      };
      add(cost, { kind: 'totalCost' });
      add(effect, line);
    }
    this.cache.set(outcome.territory, { cost, effect });
    return { cost, effect };
  }

  /**
   * The outcome in each iteration; null for the ICER, which is a ratio of means, not a mean of
   * per-iteration ratios (those are unbounded near ΔE = 0 and have no usable mean).
   */
  values(outcome: Outcome): Float64Array | null {
    switch (outcome.kind) {
      case 'icer':
        return null;
      case 'events':
        return eventDifferences(this.model, this.output, outcome);
      case 'fte':
        return programFte(this.model, this.output, outcome);
      default: {
        const { cost, effect } = this.differences(outcome);
        if (outcome.kind === 'net-cost') return cost;
        if (outcome.kind === 'incremental-effect') return effect;
        const threshold = this.model.economics.threshold;
        return cost.map((c, i) => threshold * effect[i]! - c);
      }
    }
  }

  /** The ICER of the mean differences (src/econ/decision.ts). */
  private icer(outcome: Outcome): IcerResult {
    const { cost, effect } = this.differences(outcome);
    return icerOf(meanOf(cost), meanOf(effect));
  }

  /**
   * The outcome's mean and percentiles over the run's iterations (type 7 quantiles, as results.json:
   * src/sim/summarize.ts), rounded to 7 significant digits as results.json keeps them. The ICER:
   * ΔC/ΔE of the means, null with its verdict in the dominance cases; no percentiles.
   */
  summary(outcome: Outcome): OutcomeSummary {
    if (outcome.kind === 'icer') {
      const icer = this.icer(outcome);
      return { mean: icer.icer === null ? null : round(icer.icer), p025: null, p975: null, verdict: icer.verdict };
    }
    const s = summarize(this.values(outcome)!);
    return { mean: s.mean, p025: s.p025, p975: s.p975 };
  }

  /** The outcome's mean, unrounded (its value in a one-iteration `expected` run); the ICER's is null in the dominance cases. */
  mean(outcome: Outcome): number | null {
    return outcome.kind === 'icer' ? this.icer(outcome).icer : meanOf(this.values(outcome)!);
  }
}

/** Per iteration, the event's occurrences program − baseline (the difference record), over the horizon. */
function eventDifferences(model: Model, output: RunOutput, outcome: Outcome): Float64Array {
  const N = model.iterations;
  const event = model.events[outcome.index]!;
  const columns = [...event.transitions, ...event.moves.map((m) => model.transitions.length + m)];
  const out = new Float64Array(N);
  for (const t of territoriesOf(model, outcome)) {
    const difference = output.records[2 * t + 1]!;
    for (let y = 1; y <= model.horizon; y++) {
      for (const k of columns) {
        const offset = (output.layout.flows + (y - 1) * output.layout.flowWidth + k) * N;
        for (let i = 0; i < N; i++) out[i]! += difference[offset + i]!;
      }
    }
  }
  return out;
}

/** Per iteration, the actor's FTE in the program arm in the last year: its acts' minutes (summarize.ts, actorTotals) ÷ minutes of a full-time year. */
function programFte(model: Model, output: RunOutput, outcome: Outcome): Float64Array {
  const N = model.iterations;
  const P = model.parameters.specs.length;
  const H = model.horizon;
  const actor = model.actors[outcome.index]!;
  const out = new Float64Array(N);
  for (const t of territoriesOf(model, outcome)) {
    model.actions.forEach((action, a) => {
      if (action.actor !== outcome.index) return;
      const offset = (output.layout.persons + (H - 1) * model.actions.length + a) * N;
      const baseline = output.records[2 * t]!;
      const difference = output.records[2 * t + 1]!;
      for (let i = 0; i < N; i++) {
        const persons = baseline[offset + i]! + difference[offset + i]!;
        out[i]! += (persons * output.thetas[i * P + action.times]! * action.perYear * output.thetas[i * P + action.minutes]!) / actor.fteMinutesPerYear;
      }
    });
  }
  return out;
}
