/**
 * ICER verdicts, net monetary benefit, acceptability curve and EVPI, against values worked out by
 * hand in the comments. The effect differences are dyadic fractions (1/8, 1/16, …) and the costs
 * whole numbers, so every λΔE_i − ΔC_i below is exact in binary and the hand values are asserted
 * with toBe; the property checks use random doubles and an identity instead (see there).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptability, defaultThresholds, icerOf, isCostEffective } from '../../src/econ/decision.js';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

describe('icerOf', () => {
  it('names every case, and gives a ratio only in the two quadrants where it ranks something', () => {
    expect(icerOf(1000, 0.5)).toEqual({ incrementalCost: 1000, incrementalEffect: 0.5, icer: 2000, verdict: 'more-costly-more-effective' });
    expect(icerOf(-300, 0.125)).toMatchObject({ icer: null, verdict: 'dominant' });
    expect(icerOf(0, 0.125)).toMatchObject({ icer: null, verdict: 'dominant' });
    expect(icerOf(500, -0.25)).toMatchObject({ icer: null, verdict: 'dominated' });
    expect(icerOf(0, -0.25)).toMatchObject({ icer: null, verdict: 'dominated' });
    // Saves 6000 for 0.25 unit lost: 24,000 saved per unit given up, a positive ratio.
    expect(icerOf(-6000, -0.25)).toMatchObject({ icer: 24_000, verdict: 'less-costly-less-effective' });
    expect(icerOf(-5, 0)).toMatchObject({ icer: null, verdict: 'dominant' });
    expect(icerOf(5, 0)).toMatchObject({ icer: null, verdict: 'dominated' });
    expect(icerOf(0, 0)).toMatchObject({ icer: null, verdict: 'equivalent' });
  });
  it('never returns a negative ratio', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (dc, de) => {
        const { icer } = icerOf(dc, de);
        // ≥ 0 rather than > 0: a quotient of extreme doubles (10⁻³²⁴/10³⁰⁸) underflows to +0.
        return icer === null || (icer >= 0 && !Object.is(icer, -0));
      }),
    );
  });
  it('refuses differences that are not finite', () => {
    expect(() => icerOf(Number.NaN, 1)).toThrow(/internal/);
    expect(() => icerOf(1, Number.POSITIVE_INFINITY)).toThrow(/internal/);
  });
});

describe('isCostEffective', () => {
  it('north-east: cost-effective iff ICER < λ (at ICER = λ the NMB is 0: indifferent, status quo kept)', () => {
    const result = icerOf(1000, 0.0625); // ICER 16,000
    expect(isCostEffective(result, 30_000)).toBe(true); // NMB = 1875 − 1000 = 875
    expect(isCostEffective(result, 16_000)).toBe(false); // NMB = 1000 − 1000 = 0
    expect(isCostEffective(result, 10_000)).toBe(false); // NMB = 625 − 1000 = −375
  });
  it('south-west: cost-effective iff ICER > λ (each unit lost saves more than it is worth)', () => {
    const result = icerOf(-6000, -0.25); // 24,000 saved per unit lost
    expect(isCostEffective(result, 20_000)).toBe(true); // NMB = −5000 + 6000 = 1000
    expect(isCostEffective(result, 24_000)).toBe(false); // NMB = −6000 + 6000 = 0
    expect(isCostEffective(result, 50_000)).toBe(false); // NMB = −12,500 + 6000 = −6500
  });
  it('dominant yes, dominated and equivalent no; a free gain is not cost-effective at λ = 0 (NMB 0)', () => {
    expect(isCostEffective(icerOf(-1, 0.125), 0)).toBe(true);
    expect(isCostEffective(icerOf(-1, 0), 50_000)).toBe(true);
    expect(isCostEffective(icerOf(0, 0.125), 50_000)).toBe(true);
    expect(isCostEffective(icerOf(0, 0.125), 0)).toBe(false);
    expect(isCostEffective(icerOf(1, -0.125), 0)).toBe(false);
    expect(isCostEffective(icerOf(1, -0.125), 150_000)).toBe(false);
    expect(isCostEffective(icerOf(0, 0), 50_000)).toBe(false);
  });
  it('agrees with the sign of the NMB and with the ICER rule of each quadrant (whole numbers: exact)', () => {
    const int = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(int, int, fc.integer({ min: 0, max: 200 }), (dc, de, lambda) => {
        const result = icerOf(dc, de);
        const effective = isCostEffective(result, lambda);
        if (effective !== lambda * de - dc > 0) return false;
        if (result.verdict === 'more-costly-more-effective') return effective === result.icer! < lambda;
        if (result.verdict === 'less-costly-less-effective') return effective === result.icer! > lambda;
        return true;
      }),
    );
  });
});

describe('defaultThresholds', () => {
  it('is 0, 5000, …, 150,000', () => {
    const grid = defaultThresholds();
    expect(grid.length).toBe(31);
    expect(grid[0]).toBe(0);
    expect(grid[1]).toBe(5000);
    expect(grid[30]).toBe(150_000);
    expect(grid.every((w, k) => w === 5000 * k)).toBe(true);
  });
});

describe('acceptability', () => {
  // Four iterations. NMB_i(λ) = λΔE_i − ΔC_i:
  //   λ = 0:      −1000, 2000, −3000, −500 → mean −625; Σmax = 2000 → EVPI 2000/4 − 0 = 500; P = 1/4
  //   λ = 20,000:  1500,  750, −1750, −500 → mean 0;    Σmax = 2250 → EVPI 562.5 − 0 = 562.5; P = 2/4
  //   λ = 40,000:  4000, −500,  −500, −500 → mean 625;  Σmax = 4000 → EVPI 1000 − 625 = 375; P = 1/4
  const dc = f64([1000, -2000, 3000, 500]);
  const de = f64([0.125, -0.0625, 0.0625, 0]);
  it('gives mean NMB, probability, EVPI and the frontier worked out by hand', () => {
    expect(acceptability(dc, de, [0, 20_000, 40_000])).toEqual([
      { wtp: 0, meanNmb: -625, probabilityCostEffective: 0.25, evpi: 500, optimal: 'baseline' },
      // Mean NMB exactly 0: the arms tie, the baseline stays optimal.
      { wtp: 20_000, meanNmb: 0, probabilityCostEffective: 0.5, evpi: 562.5, optimal: 'baseline' },
      { wtp: 40_000, meanNmb: 625, probabilityCostEffective: 0.25, evpi: 375, optimal: 'program' },
    ]);
  });
  it('at λ = 0 the curve is the share of iterations with ΔC_i < 0 (ΔC_i = 0 is a tie: not counted)', () => {
    const [point] = acceptability(f64([-1, 0, 2, -3, 0]), f64([0.125, -0.25, 0.5, 0, 0]), [0]);
    expect(point!.probabilityCostEffective).toBe(2 / 5);
  });
  it('is non-decreasing in λ when every ΔE_i > 0, non-increasing when every ΔE_i < 0', () => {
    // With ΔE_i > 0, NMB_i(λ) = λΔE_i − ΔC_i is increasing in λ, so an iteration with NMB_i(λ) > 0
    // keeps NMB_i(λ′) > 0 for every λ′ > λ: the set counted only grows, and so does its share
    // (rounded products and differences are monotone too, so this holds in floating point).
    // ICER_i = 10,000, 60,000, (ΔC < 0: always), 40,000, 200,000:
    const costs = f64([1250, 3750, -500, 10_000, 3125]);
    const gains = f64([0.125, 0.0625, 0.03125, 0.25, 0.015625]);
    const curve = acceptability(costs, gains, defaultThresholds()).map((p) => p.probabilityCostEffective);
    for (let k = 1; k < curve.length; k++) expect(curve[k]!).toBeGreaterThanOrEqual(curve[k - 1]!);
    // By hand: 1/5 up to λ = 10,000 (NMB₁ = 0 there), 2/5 above; 3/5 above 40,000; 4/5 above 60,000; never 1 below 200,000.
    expect(acceptability(costs, gains, [0, 10_000, 15_000, 40_000, 45_000, 60_000, 65_000, 150_000, 200_000, 250_000]).map((p) => p.probabilityCostEffective)).toEqual([
      0.2, 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8, 0.8, 1,
    ]);
    // Mirrored (the programme loses outcome in every iteration): each NMB_i falls with λ.
    const losses = gains.map((g) => -g);
    const falling = acceptability(costs.map((c) => -c), losses, defaultThresholds()).map((p) => p.probabilityCostEffective);
    for (let k = 1; k < falling.length; k++) expect(falling[k]!).toBeLessThanOrEqual(falling[k - 1]!);
    expect(falling[0]).toBe(0.8);
  });
  it('EVPI is 0 with fixed parameters (every iteration the same) and with one iteration', () => {
    const same = acceptability(f64([500, 500, 500]), f64([0.02, 0.02, 0.02]), defaultThresholds());
    expect(same.every((p) => p.evpi === 0)).toBe(true);
    // The probability is then 0 or 1: all iterations agree.
    expect(same.every((p) => p.probabilityCostEffective === (p.wtp * 0.02 - 500 > 0 ? 1 : 0))).toBe(true);
    expect(acceptability(f64([-7.5]), f64([-0.3]), defaultThresholds()).every((p) => p.evpi === 0)).toBe(true);
  });
  it('EVPI ≥ 0, and equals the expected loss of the optimal arm, mean max(−NMB_i, 0) or mean max(NMB_i, 0)', () => {
    // max(x, 0) − x = max(−x, 0): when the programme is optimal, EVPI = mean max(NMB_i, 0) − mean NMB_i
    // = mean max(−NMB_i, 0), the mean regret of adopting it; when the baseline is, EVPI = mean max(NMB_i, 0).
    // Computed by another route, so compared with a tolerance of 10⁻⁹ of mean |NMB_i| (the rounding
    // of sums of a few dozen doubles is below 10⁻¹⁴ of it).
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const pairs = fc.array(fc.tuple(value, fc.double({ min: -2, max: 2, noNaN: true })), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(pairs, fc.integer({ min: 0, max: 150_000 }), (rows, wtp) => {
        const [point] = acceptability(f64(rows.map((r) => r[0])), f64(rows.map((r) => r[1])), [wtp]);
        const nmb = rows.map(([c, e]) => wtp * e - c);
        const regret = nmb.reduce((s, x) => s + Math.max(point!.optimal === 'program' ? -x : x, 0), 0) / nmb.length;
        const scale = nmb.reduce((s, x) => s + Math.abs(x), 0) / nmb.length;
        return point!.evpi >= 0 && Math.abs(point!.evpi - regret) <= 1e-9 * scale;
      }),
    );
  });
  it('refuses arrays of different lengths, or empty ones', () => {
    expect(() => acceptability(f64([1, 2]), f64([1]), [0])).toThrow(/internal/);
    expect(() => acceptability(f64([]), f64([]), [0])).toThrow(/internal/);
  });
});
