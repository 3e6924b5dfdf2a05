/**
 * Which strata each synthetic patient must fall in (docs/stratify.md, "Synthetic data"). For each
 * pyramid the territory gives the number of patients per stratum (the rest are outside it); the
 * plan pairs those targets across pyramids into combinations — one target per pyramid — that a
 * patient can satisfy together, then deals the combinations to the patients in a seeded random
 * order. Pairing is a transportation problem: the counts of the combinations so far (the rows)
 * against the next pyramid's counts (the columns), on the cells a witness can be built for. It
 * starts from the independent pairing (row × column / population, rounded down, on possible cells)
 * and completes it with augmenting paths (Edmonds–Karp); whatever the start, a maximum flow places
 * every patient whenever any pairing can.
 */
import { t } from '../i18n/catalogue.js';
import { UsageError } from '../language/workspace.js';
import { AleaStream, PURPOSE_CODES, StreamKey, stratumCode } from '../sim/random.js';
import { OUTSIDE } from '../criteria/evaluate.js';

export class SynthError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'SynthError';
  }
}

/** One pyramid's wanted counts: per stratum id, and `outside` for the rest of the population. */
export type Targets = ReadonlyMap<string, number>;

export interface Plan {
  /** Each combination: one target (a stratum id or `outside`) per pyramid, in the pyramids' order. */
  combinations: string[][];
  /** How many patients get each combination. */
  counts: number[];
}

/** The largest flow from rows (supplies) to columns (demands) through the allowed cells, starting from `start`. */
export function transport(supplies: readonly number[], demands: readonly number[], allowed: (row: number, column: number) => boolean): number[][] {
  const total = supplies.reduce((a, b) => a + b, 0);
  const flow = supplies.map((s, r) => demands.map((d, c) => (allowed(r, c) ? Math.floor((s * d) / Math.max(total, 1)) : 0)));
  const rowLeft = supplies.map((s, r) => s - flow[r]!.reduce((a, b) => a + b, 0));
  const columnLeft = demands.map((d, c) => d - flow.reduce((a, row) => a + row[c]!, 0));
  for (;;) {
    const path = augmentingPath(flow, rowLeft, columnLeft, allowed);
    if (!path) return flow;
    // path: row₀, column₀, row₁, column₁, …: +1 on (rowᵢ, columnᵢ), −1 on (rowᵢ₊₁, columnᵢ).
    let amount = Math.min(rowLeft[path[0]!]!, columnLeft[path[path.length - 1]!]!);
    for (let i = 1; i + 1 < path.length; i += 2) amount = Math.min(amount, flow[path[i + 1]!]![path[i]!]!);
    for (let i = 0; i + 1 < path.length; i += 2) flow[path[i]!]![path[i + 1]!]! += amount;
    for (let i = 1; i + 1 < path.length; i += 2) flow[path[i + 1]!]![path[i]!]! -= amount;
    rowLeft[path[0]!]! -= amount;
    columnLeft[path[path.length - 1]!]! -= amount;
  }
}

/** A shortest path (breadth first) from a row with supply left to a column with demand left, alternating allowed cells forward and cells with flow backward. */
function augmentingPath(flow: number[][], rowLeft: number[], columnLeft: number[], allowed: (row: number, column: number) => boolean): number[] | undefined {
  const rows = flow.length;
  const columns = columnLeft.length;
  const columnFrom = new Array<number>(columns).fill(-1);
  const rowFrom = new Array<number>(rows).fill(-2);
  const queue: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (rowLeft[r]! <= 0) continue;
    rowFrom[r] = -1;
    queue.push(r);
  }
  while (queue.length > 0) {
    const r = queue.shift()!;
    for (let c = 0; c < columns; c++) {
      if (columnFrom[c] !== -1 || !allowed(r, c)) continue;
      columnFrom[c] = r;
      if (columnLeft[c]! > 0) return tracePath(c, columnFrom, rowFrom);
      for (let next = 0; next < rows; next++) {
        if (rowFrom[next] !== -2 || flow[next]![c]! <= 0) continue;
        rowFrom[next] = c;
        queue.push(next);
      }
    }
  }
  return undefined;
}

function tracePath(column: number, columnFrom: number[], rowFrom: number[]): number[] {
  const path: number[] = [];
  let c = column;
  for (;;) {
    const r = columnFrom[c]!;
    path.unshift(r, c);
    if (rowFrom[r] === -1) return path;
    c = rowFrom[r]!;
  }
}

/**
 * Pairs the pyramids' targets (in their order) into combinations; `possible` says whether a
 * patient can meet a partial combination (one target for each of the first pyramids).
 */
export function planCombinations(targets: readonly Targets[], population: number, possible: (combination: string[]) => boolean, describe: { territory: string; pyramids: readonly string[] }): Plan {
  let plan: Plan = { combinations: [[]], counts: [population] };
  targets.forEach((pyramidTargets, k) => {
    const labels = [...pyramidTargets.keys()];
    const demands = labels.map((l) => pyramidTargets.get(l)!);
    const cache = new Map<string, boolean>();
    const allowed = (r: number, c: number): boolean => {
      const combination = [...plan.combinations[r]!, labels[c]!];
      const key = combination.join('\u0000');
      if (!cache.has(key)) cache.set(key, possible(combination));
      return cache.get(key)!;
    };
    const flow = transport(plan.counts, demands, allowed);
    const next: Plan = { combinations: [], counts: [] };
    flow.forEach((row, r) => row.forEach((n, c) => n > 0 && (next.combinations.push([...plan.combinations[r]!, labels[c]!]), next.counts.push(n))));
    const placed = next.counts.reduce((a, b) => a + b, 0);
    if (placed < population) {
      const impossible = [...cache].filter(([, ok]) => !ok).map(([key]) => key.split('\u0000').join(' × '));
      throw new SynthError(t('synth.infeasible', { territory: describe.territory, pyramid: describe.pyramids[k]!, placed, population, impossible: impossible.join(', ') || '—' }), t('synth.infeasible.hint'));
    }
    plan = next;
  });
  return plan;
}

/** The combination index of each patient: each combination `counts` times, in a seeded random order (Fisher–Yates). */
export function dealCombinations(plan: Plan, seed: number, territory: string): Uint16Array {
  const population = plan.counts.reduce((a, b) => a + b, 0);
  const dealt = new Uint16Array(population);
  let at = 0;
  plan.counts.forEach((n, index) => {
    dealt.fill(index, at, at + n);
    at += n;
  });
  const stream = new AleaStream();
  new StreamKey().set(seed, territory, 0).seed(stream, PURPOSE_CODES.synthesis, 0, stratumCode('deal'));
  for (let i = population - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    const swap = dealt[i]!;
    dealt[i] = dealt[j]!;
    dealt[j] = swap;
  }
  return dealt;
}

/** A pyramid's targets: its strata in pyramid order, then `outside` (population − the strata's sum). */
export function targetsOf(counts: Readonly<Record<string, number>>, strata: readonly string[], population: number, describe: { territory: string; pyramid: string }): Targets {
  for (const stratum of Object.keys(counts)) {
    if (!strata.includes(stratum)) throw new SynthError(t('synth.unknown-stratum', { ...describe, stratum, strata: [...strata] }), t('synth.unknown-stratum.hint'));
  }
  const targets = new Map<string, number>(strata.map((s) => [s, counts[s] ?? 0]));
  const total = [...targets.values()].reduce((a, b) => a + b, 0);
  if (total > population) throw new SynthError(t('synth.counts-exceed', { ...describe, total, population }), t('synth.counts-exceed.hint'));
  targets.set(OUTSIDE, population - total);
  return targets;
}
