/**
 * Territories in batches, and the sum over them (docs/simulation.md, "Territories in batches").
 * Territories are independent given θ: each batch is simulated and summarised alone, and only a
 * fixed-size running total crosses batches — the sum of the territories' records, iteration by
 * iteration, in double precision. The `ensemble` is summarised from that sum as if it were one
 * territory: every measure is linear in the records with θ shared by all territories, so its
 * figures are those of the sum over territories, and its percentiles are exact.
 */
import type { CompiledTerritory, Model } from './model.js';

/** The id of the sum over the scenario's territories, in results and files. */
export const ENSEMBLE = 'ensemble';

/** The model restricted to territories [first, first + count): the same θ, streams and layout. */
export function territoryBatch(model: Model, first: number, count: number): Model {
  return { ...model, territories: model.territories.slice(first, first + count) };
}

/**
 * The model whose only territory is the sum of the scenario's: its population and start counts
 * are the sums (what per-100,000 rates and "per person" figures divide by). Only summaries read
 * it, and they read no multiplier nor workforce (the report compares demand with each
 * territory's workforce from results.json): it is never simulated.
 */
export function ensembleModel(model: Model): Model {
  const sum = (values: (t: CompiledTerritory) => number) => model.territories.reduce((total, t) => total + values(t), 0);
  const ensemble: CompiledTerritory = {
    id: ENSEMBLE,
    title: ENSEMBLE,
    population: sum((t) => t.population),
    counts: model.states.map((_, j) => sum((t) => t.counts[j]!)),
    multipliers: [],
    multiplierSeries: [],
    workforce: {},
  };
  return { ...model, territories: [ensemble] };
}

/**
 * Adds a batch's records into the running totals, territory after territory in the scenario's
 * order: `totals[0]` the baselines, `totals[1]` the differences program − baseline. The additions
 * are the same, in the same order, whatever the batch size, so the sums are too.
 */
export function addBatchRecords(totals: [Float64Array, Float64Array], records: readonly (Float32Array | Float64Array)[], territories: number): void {
  for (let t = 0; t < territories; t++) {
    addRecords(totals[0], records[2 * t]!);
    addRecords(totals[1], records[2 * t + 1]!);
  }
}

function addRecords(total: Float64Array, values: Float32Array | Float64Array): void {
  for (let i = 0; i < total.length; i++) total[i]! += values[i]!;
}
