/**
 * The decision summary of a run (docs/economics.md, "Decision"): per territory and for the sum over
 * territories, the mean incremental discounted cost and outcome of the program against the
 * baseline, the ICER and its verdict, and at each willingness to pay the mean net monetary
 * benefit, the probability that the program is cost-effective (the acceptability curve), the
 * frontier and the EVPI; for the sum, a sample of the iterations' differences (the CE plane).
 */
import { round } from '../sim/summarize.js';
import type { Model } from '../sim/model.js';
import type { RunOutput } from '../sim/runner.js';
import { acceptability, icerOf, type AcceptabilityPoint, type Verdict } from './decision.js';
import { Valuation } from './valuation.js';

/** The CE plane keeps at most this many iterations (the first ones): enough to see the cloud, small in results.json. */
export const PLANE_POINTS = 1000;

export interface DecisionSummary {
  /** A territory id, or `ensemble`. */
  territory: string;
  /** People in the pyramid's strata at the start: what "per person" divides by. */
  people: number;
  incrementalCost: number;
  incrementalEffect: number;
  icer: number | null;
  verdict: Verdict;
  /** At the scenario's threshold. */
  netMonetaryBenefit: number;
  probabilityCostEffective: number;
  evpi: { perPerson: number; population: number };
  acceptability: AcceptabilityPoint[];
  /** The first iterations' (ΔC, ΔE), for the CE plane: in the `ensemble` summary only. */
  plane?: { cost: number[]; effect: number[] };
}

export interface Decision {
  outcome: 'qalys' | 'life-years';
  threshold: number;
  summaries: DecisionSummary[];
}

/** The paired differences program − baseline of the discounted total cost and outcome, per iteration, for one territory. */
function differences(valuation: Valuation, model: Model, territory: number): { cost: Float64Array; effect: Float64Array } {
  const outcome = model.economics.outcome === 'qalys' ? ({ kind: 'qalys' } as const) : ({ kind: 'lifeYears' } as const);
  const pair = (line: { kind: 'totalCost' } | typeof outcome) => {
    // A copy: the valuation keeps the arrays it returns.
    const program = Float64Array.from(valuation.total(line, territory, 1, true));
    const baseline = valuation.total(line, territory, 0, true);
    for (let i = 0; i < program.length; i++) program[i]! -= baseline[i]!;
    return program;
  };
  return { cost: pair({ kind: 'totalCost' }), effect: pair(outcome) };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function summaryOf(model: Model, territory: string, people: number, cost: Float64Array, effect: Float64Array, plane: boolean): DecisionSummary {
  const { threshold, thresholds } = model.economics;
  const grid = thresholds.includes(threshold) ? thresholds : [...thresholds, threshold].sort((a, b) => a - b);
  const points = acceptability(cost, effect, grid);
  const atThreshold = points.find((p) => p.wtp === threshold)!;
  const icer = icerOf(mean(cost), mean(effect));
  const roundPoint = (p: AcceptabilityPoint): AcceptabilityPoint => ({ ...p, meanNmb: round(p.meanNmb), probabilityCostEffective: round(p.probabilityCostEffective), evpi: round(p.evpi) });
  const shown = Math.min(PLANE_POINTS, cost.length);
  return {
    territory,
    people,
    incrementalCost: round(icer.incrementalCost),
    incrementalEffect: round(icer.incrementalEffect),
    icer: icer.icer === null ? null : round(icer.icer),
    verdict: icer.verdict,
    netMonetaryBenefit: round(atThreshold.meanNmb),
    probabilityCostEffective: round(atThreshold.probabilityCostEffective),
    evpi: { perPerson: round(people > 0 ? atThreshold.evpi / people : 0), population: round(atThreshold.evpi) },
    acceptability: points.filter((p) => thresholds.includes(p.wtp)).map(roundPoint),
    ...(plane ? { plane: { cost: Array.from(cost.subarray(0, shown), round), effect: Array.from(effect.subarray(0, shown), round) } } : {}),
  };
}

/**
 * The decision summary of each territory of the model, in its order. The sum over territories is
 * the model of src/sim/ensemble.ts, whose one territory is `ensemble`; its summary (`plane`) also
 * keeps the first iterations' differences for the CE plane.
 */
export function territoryDecisions(model: Model, output: RunOutput, plane = false): DecisionSummary[] {
  const valuation = new Valuation(model, output);
  return model.territories.map((territory, t) => {
    const { cost, effect } = differences(valuation, model, t);
    const people = territory.counts.slice(0, model.strataCount).reduce((a, b) => a + b, 0);
    return summaryOf(model, territory.id, people, cost, effect, plane);
  });
}
