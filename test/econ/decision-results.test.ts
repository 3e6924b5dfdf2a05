/**
 * The decision summaries (docs/economics.md, "Decision") over several iterations and territories,
 * computed by hand in the test from each iteration's drawn hazard ratio (test/fixtures/econ/decision):
 * in the `psa` mode counts are expected values, so with q = 0.9^hr the program keeps
 * N₀·q^(y−1) people at the start of year y and the baseline N₀·0.9^(y−1); under `state-time: start`
 * without discounting, ΔE = N₀ Σ_{y=1..3} (q^(y−1) − 0.9^(y−1)) life-years and ΔC = 100 € ×
 * N₀ Σ q^(y−1) (everyone treated once a year), plus the state cost s·1.1^(y−1) (a trend from a
 * drawn s) of each year's person-time and the drawn cost e of each death (N₀ q^(y−1)(1 − q) a year in
 * the program, N₀ 0.9^(y−1) × 0.1 in the baseline). Tolerance: results.json keeps 7 significant digits.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { modelOf, run } from '../sim/helpers.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/decision');
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected), `${actual} against ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * 2e-6 + 1e-9);

describe('decision summaries by hand over iterations and territories', () => {
  it('ΔC and ΔE per iteration, their means, the ICER, the acceptability curve, EVPI and the CE plane; territories add up', async () => {
    const model = await modelOf(WORKSPACE, 'psa');
    const { output, summaries } = await run(model);
    const N = model.iterations;
    const P = model.parameters.specs.length;
    const drawn = (kind: string, n = 0) => {
      const slot = model.parameters.specs.map((s, k) => (s.kind === kind ? k : -1)).filter((k) => k >= 0)[n]!;
      return Array.from({ length: N }, (_, i) => output.thetas[i * P + slot]!);
    };
    const hr = drawn('lognormal');
    // The gammas in draw order: the state cost's trend start, then the cost per death (docs/economics.md, "Draws").
    const stateCost = drawn('gamma', 0);
    const deathCost = drawn('gamma', 1);
    // The draws differ from iteration to iteration (else this test would not test the iterations).
    expect(new Set(hr).size).toBe(N);
    const base = 1 + 0.9 + 0.81;
    const ofTerritory = (n0: number) => {
      const cost = hr.map((h, i) => {
        const q = 0.9 ** h;
        const program = [1, q, q * q];
        const baseline = [1, 0.9, 0.81];
        let c = 100 * n0 * (1 + q + q * q);
        for (let y = 1; y <= 3; y++) {
          c += stateCost[i]! * 1.1 ** (y - 1) * n0 * (program[y - 1]! - baseline[y - 1]!);
          c += deathCost[i]! * n0 * (program[y - 1]! * (1 - q) - baseline[y - 1]! * 0.1);
        }
        return c;
      });
      const effect = hr.map((h) => n0 * (1 + 0.9 ** h + 0.9 ** (2 * h) - base));
      return { cost, effect };
    };
    const territories = { big: ofTerritory(1000), small: ofTerritory(500) };
    const ensemble = { cost: territories.big.cost.map((c, i) => c + territories.small.cost[i]!), effect: territories.big.effect.map((e, i) => e + territories.small.effect[i]!) };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const byName = Object.fromEntries(summaries.decision.summaries.map((s) => [s.territory, s]));
    expect(Object.keys(byName)).toEqual(['big', 'small', 'ensemble']);
    for (const [name, people, figures] of [['big', 1000, territories.big], ['small', 500, territories.small], ['ensemble', 1500, ensemble]] as const) {
      const d = byName[name]!;
      expect(d.people).toBe(people);
      close(d.incrementalCost, mean(figures.cost));
      close(d.incrementalEffect, mean(figures.effect));
      // Every hazard ratio drawn here is below 1 (a lognormal of median 0.6 rarely passes 1): more life, more cost.
      expect(d.verdict).toBe('more-costly-more-effective');
      close(d.icer!, mean(figures.cost) / mean(figures.effect));
      for (const point of d.acceptability) {
        const nmb = figures.cost.map((c, i) => point.wtp * figures.effect[i]! - c);
        close(point.meanNmb, mean(nmb));
        close(point.probabilityCostEffective, nmb.filter((x) => x > 0).length / N);
        close(point.evpi, mean(nmb.map((x) => Math.max(x, 0))) - Math.max(mean(nmb), 0));
        expect(point.optimal).toBe(mean(nmb) > 0 ? 'program' : 'baseline');
      }
      expect(d.acceptability.map((p) => p.wtp)).toEqual([0, 1000, 2000, 4000]);
      const atThreshold = d.acceptability.find((p) => p.wtp === 2000)!;
      expect(d.netMonetaryBenefit).toBe(atThreshold.meanNmb);
      expect(d.probabilityCostEffective).toBe(atThreshold.probabilityCostEffective);
      close(d.evpi.population, atThreshold.evpi);
      close(d.evpi.perPerson, atThreshold.evpi / people);
    }
    // The plane: the ensemble's iterations, in order; none for a territory.
    expect(byName.big!.plane).toBeUndefined();
    byName.ensemble!.plane!.cost.forEach((c, i) => close(c, ensemble.cost[i]!));
    byName.ensemble!.plane!.effect.forEach((e, i) => close(e, ensemble.effect[i]!));
    expect(byName.ensemble!.plane!.cost).toHaveLength(N);
    // The valuation lines of the blocks agree: each territory's program acts, and the ensemble's life-years difference.
    const block = (territory: string, arm: string) => summaries.blocks.find((b) => b.territory === territory && b.arm === arm && b.scale === 'count')!.economics;
    close(block('big', 'program')['acts/assurance-maladie']!.discounted.mean, mean(hr.map((h) => 100 * 1000 * (1 + 0.9 ** h + 0.9 ** (2 * h)))));
    close(block('small', 'baseline')['states/assurance-maladie']!.discounted.mean, mean(stateCost.map((s) => 500 * s * (1 + 1.1 * 0.9 + 1.21 * 0.81))));
    close(block('small', 'baseline')['events/hopital']!.discounted.mean, mean(deathCost.map((e) => 500 * e * 0.1 * (1 + 0.9 + 0.81))));
    close(block('ensemble', 'difference').lifeYears!.undiscounted.mean, mean(ensemble.effect));
    // Per 100,000 inhabitants: big has 10,000.
    const per100k = summaries.blocks.find((b) => b.territory === 'big' && b.arm === 'difference' && b.scale === 'per100k')!.economics;
    close(per100k.lifeYears!.discounted.mean, mean(territories.big.effect) * 10);
  });

  it('in QALYs (the default when every stratum has a utility): ΔE weighs life-years by the drawn utility; the EVPI is above 0 where iterations disagree', async () => {
    const model = await modelOf(WORKSPACE, 'psa-qalys');
    expect(model.economics.outcome).toBe('qalys');
    const { output, summaries } = await run(model);
    const N = model.iterations;
    const P = model.parameters.specs.length;
    const column = (kind: string, n = 0) => {
      const slot = model.parameters.specs.map((s, k) => (s.kind === kind ? k : -1)).filter((k) => k >= 0)[n]!;
      return Array.from({ length: N }, (_, i) => output.thetas[i * P + slot]!);
    };
    const [hr, utility, stateCost, deathCost] = [column('lognormal'), column('beta'), column('gamma', 0), column('gamma', 1)];
    const people = 1500;
    const cost = hr.map((h, i) => {
      const q = 0.9 ** h;
      const program = [1, q, q * q];
      const baseline = [1, 0.9, 0.81];
      let c = 100 * people * (1 + q + q * q);
      for (let y = 1; y <= 3; y++) c += stateCost[i]! * 1.1 ** (y - 1) * people * (program[y - 1]! - baseline[y - 1]!) + deathCost[i]! * people * (program[y - 1]! * (1 - q) - baseline[y - 1]! * 0.1);
      return c;
    });
    const effect = hr.map((h, i) => utility[i]! * people * (1 + 0.9 ** h + 0.9 ** (2 * h) - 2.71));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const d = summaries.decision.summaries.at(-1)!;
    expect(summaries.decision.outcome).toBe('qalys');
    close(d.incrementalEffect, mean(effect));
    close(d.incrementalCost, mean(cost));
    const nmb = cost.map((c, i) => 5000 * effect[i]! - c);
    const evpi = mean(nmb.map((x) => Math.max(x, 0))) - Math.max(mean(nmb), 0);
    // At 5,000 € per QALY some iterations are cost-effective and some not: the information has a value.
    expect(nmb.some((x) => x > 0) && nmb.some((x) => x < 0)).toBe(true);
    expect(evpi).toBeGreaterThan(0);
    close(d.evpi.population, evpi);
    close(d.evpi.perPerson, evpi / people);
    close(d.probabilityCostEffective, nmb.filter((x) => x > 0).length / N);
  });

  it('the threshold off the grid: the headline figures at the threshold, the acceptability curve on the grid only', async () => {
    const model = await modelOf(WORKSPACE, 'psa');
    const offGrid = { ...model, economics: { ...model.economics, threshold: 1500 } };
    const { summaries } = await run(offGrid);
    const d = summaries.decision.summaries.at(-1)!;
    expect(d.acceptability.map((p) => p.wtp)).toEqual([0, 1000, 2000, 4000]);
    const below = d.acceptability.find((p) => p.wtp === 1000)!.meanNmb;
    const above = d.acceptability.find((p) => p.wtp === 2000)!.meanNmb;
    // The mean NMB is linear in the threshold: at 1,500 it is half-way between 1,000 and 2,000.
    close(d.netMonetaryBenefit, (below + above) / 2);
  });
});
