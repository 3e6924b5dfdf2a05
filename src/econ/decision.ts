/**
 * The decision between two arms, a programme against the baseline (issue 16, "economics"), from the
 * paired per-iteration differences ΔC_i = C_i(programme) − C_i(baseline) and ΔE_i (outcomes, QALYs
 * or life-years) of the discounted totals:
 * - the incremental cost-effectiveness ratio ΔC/ΔE of the mean differences, with its dominance
 *   cases named (Drummond MF, Sculpher MJ, Claxton K, Stoddart GL, Torrance GW, Methods for the
 *   Economic Evaluation of Health Care Programmes, 4th ed., OUP 2015);
 * - the net monetary benefit NMB(λ) = λΔE − ΔC at a willingness to pay λ per unit of outcome
 *   (Stinnett AA, Mullahy J, Net health benefits: a new framework for the analysis of uncertainty in
 *   cost-effectiveness analysis, Med Decis Making 1998;18(2 Suppl):S68–S80), the baseline's NMB
 *   normalised to 0;
 * - the cost-effectiveness acceptability curve, the share of iterations in which the programme's
 *   NMB is positive, and its frontier, the arm of highest mean NMB (Fenwick E, Claxton K, Sculpher
 *   M, Representing uncertainty: the role of cost-effectiveness acceptability curves, Health Econ
 *   2001;10(8):779–787);
 * - the expected value of perfect information, in the units of the NMB,
 *   EVPI(λ) = mean_i max(NMB_i, 0) − max(mean_i NMB_i, 0) (Claxton K, The irrelevance of inference:
 *   a decision-making approach to the stochastic evaluation of health care technologies, J Health
 *   Econ 1999;18(3):341–364).
 */

/** How the programme compares with the baseline. */
export type Verdict = 'dominant' | 'dominated' | 'more-costly-more-effective' | 'less-costly-less-effective' | 'equivalent';

export interface IcerResult {
  incrementalCost: number;
  incrementalEffect: number;
  /** ΔC/ΔE when both differ from 0 with the same sign (then > 0); null otherwise. */
  icer: number | null;
  verdict: Verdict;
}

/**
 * The ICER of the mean differences and its verdict:
 * - ΔE > 0, ΔC ≤ 0: dominant (better and no dearer), no ratio;
 * - ΔE < 0, ΔC ≥ 0: dominated (worse and no cheaper), no ratio;
 * - ΔE > 0, ΔC > 0: more costly, more effective, ICER = ΔC/ΔE, the cost per unit of outcome gained;
 * - ΔE < 0, ΔC < 0: less costly, less effective, ICER = ΔC/ΔE > 0, the saving per unit of outcome
 *   lost; here the programme is cost-effective when the ICER is ABOVE the threshold (each unit given
 *   up saves more than it is worth), the reverse of the north-east quadrant — NMB > 0 states both;
 * - ΔE = 0: dominant when ΔC < 0, dominated when ΔC > 0, equivalent when ΔC = 0.
 * A negative ratio is never returned: it would mix the two dominance cases, whose ratios rank
 * nothing (Drummond et al. 2015).
 */
export function icerOf(deltaCost: number, deltaEffect: number): IcerResult {
  const result = (icer: number | null, verdict: Verdict): IcerResult => ({ incrementalCost: deltaCost, incrementalEffect: deltaEffect, icer, verdict });
  if (!Number.isFinite(deltaCost) || !Number.isFinite(deltaEffect)) throw new Error(`internal: ΔC = ${deltaCost} and ΔE = ${deltaEffect} must be finite`);
  if (deltaEffect > 0) return deltaCost <= 0 ? result(null, 'dominant') : result(deltaCost / deltaEffect, 'more-costly-more-effective');
  if (deltaEffect < 0) return deltaCost >= 0 ? result(null, 'dominated') : result(deltaCost / deltaEffect, 'less-costly-less-effective');
  if (deltaCost < 0) return result(null, 'dominant');
  if (deltaCost > 0) return result(null, 'dominated');
  return result(null, 'equivalent');
}

/**
 * Whether the programme is cost-effective at a threshold λ: its net monetary benefit
 * λΔE − ΔC is > 0. Computed from the differences rather than by comparing the ICER with λ, so
 * that it agrees with the NMB to the last bit. This reads, per verdict: dominant → yes (except
 * ΔC = 0 at λ = 0, where NMB = 0); dominated → no; more costly and more effective → ICER < λ;
 * less costly and less effective → ICER > λ; equivalent → no. At NMB = 0 the arms are equally
 * good and the status quo is kept.
 */
export function isCostEffective(result: IcerResult, threshold: number): boolean {
  return threshold * result.incrementalEffect - result.incrementalCost > 0;
}

/** The WTP grid of the default: 0 to 150,000 per unit of outcome by steps of 5,000. */
export function defaultThresholds(): number[] {
  return Array.from({ length: 31 }, (_, k) => k * 5000);
}

export interface AcceptabilityPoint {
  wtp: number;
  /** mean_i (λΔE_i − ΔC_i). */
  meanNmb: number;
  /** Share of iterations with NMB_i > 0: the cost-effectiveness acceptability curve at λ. */
  probabilityCostEffective: number;
  /** mean_i max(NMB_i, 0) − max(mean_i NMB_i, 0), ≥ 0. */
  evpi: number;
  /** The arm of highest mean NMB: the acceptability frontier (baseline when mean NMB ≤ 0). */
  optimal: 'baseline' | 'program';
}

/**
 * NMB, acceptability curve, EVPI and frontier at each willingness to pay, from the paired
 * per-iteration differences.
 *
 * A tie NMB_i = 0 counts as "not cost-effective": adopting a programme calls for a gain, the
 * status quo wins a tie, and so the curve at λ = 0 is exactly the share of iterations with
 * ΔC_i < 0, and a programme equal to the baseline in every iteration has probability 0, not 1.
 *
 * EVPI ≥ 0 holds exactly in floating point, not only mathematically (Jensen): NMB_i ≤ max(NMB_i, 0)
 * term by term, both sums add in the same order, and rounded addition is monotone, so
 * Σ NMB_i ≤ Σ max(NMB_i, 0) as computed. With one iteration, or iterations all equal, the two
 * sums have the same terms and EVPI is exactly 0.
 */
export function acceptability(deltaCosts: Float64Array, deltaEffects: Float64Array, wtps: readonly number[]): AcceptabilityPoint[] {
  const n = deltaCosts.length;
  if (n === 0 || deltaEffects.length !== n) throw new Error(`internal: ${n} cost differences and ${deltaEffects.length} effect differences (need as many, at least one)`);
  return wtps.map((wtp) => {
    let sum = 0;
    let sumPositive = 0;
    let positive = 0;
    for (let i = 0; i < n; i++) {
      const nmb = wtp * deltaEffects[i]! - deltaCosts[i]!;
      sum += nmb;
      if (nmb > 0) {
        sumPositive += nmb;
        positive++;
      }
    }
    const meanNmb = sum / n;
    return {
      wtp,
      meanNmb,
      probabilityCostEffective: positive / n,
      evpi: sumPositive / n - Math.max(meanNmb, 0),
      optimal: meanNmb > 0 ? 'program' : 'baseline',
    };
  });
}
