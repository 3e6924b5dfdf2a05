/**
 * One-way sensitivity and the PSA regression metamodel (docs/sensitivity.md) on the small models
 * of test/fixtures/econ/sensitivity, against values computed by hand:
 * - the quantiles of Beta(1, 9), a lognormal {median, ci95} and a uniform have closed forms;
 * - in scenario `platform` the net cost is 3 × (platform + training) (no discounting, 3 years,
 *   nothing else differs between the arms), so each bar's ends are 3 × the parameter's quantiles
 *   plus 3 × the other's central value;
 * - a Dirichlet share moves along its marginal beta, the other shares keep their proportions.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutcomeReader, parseOutcomeId, resolveOutcome } from '../../src/analysis/decision-outcomes.js';
import { simulateRecords } from '../../src/analysis/scenario-runs.js';
import { drawnSlots, oneWay, oneWayVariants, regression, sensitivity, sortBars, type OneWayBar } from '../../src/analysis/sensitivity.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import type { Model } from '../../src/sim/model.js';
import { REPO } from '../helpers/cli.js';
import { modelOf, run } from '../sim/helpers.js';

const WORKSPACE = path.join(REPO, 'test/fixtures/econ/sensitivity');
/** Φ⁻¹(0.975), as docs/simulation.md writes it. */
const Z = 1.959963984540054;

/** Relative closeness: the quantile solvers stop at 10⁻¹⁴ relative (quantiles.ts); records are float32 (7 digits). */
const close = (actual: number | null, expected: number, relative = 1e-12) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative + 1e-12);
};

const barOf = (bars: OneWayBar[], start: string) => bars.find((bar) => bar.parameter.startsWith(start))!;

describe('one-way sensitivity', () => {
  it('takes each uncertain parameter to its 2.5 % and 97.5 % quantiles, computed here by hand', async () => {
    const model = await modelOf(WORKSPACE, 'platform', { mode: 'expected' });
    const variants = oneWayVariants(model);
    const at = (name: string) => variants.find((v) => model.parameters.specs[v.slot]!.name.startsWith(name))!;
    // Beta(1, 9): F(x) = 1 − (1 − x)⁹, so Q(p) = 1 − (1 − p)^(1/9).
    const p = at('transition ill->dead');
    close(p.low.get(p.slot)!, 1 - 0.975 ** (1 / 9));
    close(p.high.get(p.slot)!, 1 - 0.025 ** (1 / 9));
    // Lognormal {median 3000, ci95 [2000, 4500]}: μ = ln 3000, σ = ln(4500/2000)/(2z): Q(0.025) = 3000·e^(−zσ) = 3000·√(2000/4500) = 2000.
    const platform = at('cost platform');
    const sigma = Math.log(4500 / 2000) / (2 * Z);
    close(platform.low.get(platform.slot)!, 3000 * Math.exp(-Z * sigma));
    close(platform.low.get(platform.slot)!, 2000, 1e-9);
    close(platform.high.get(platform.slot)!, 4500, 1e-9);
    // Uniform [100, 300]: 100 + 200p.
    const training = at('cost training');
    close(training.low.get(training.slot)!, 105);
    close(training.high.get(training.slot)!, 295);
    // Fixed parameters (the nurse's minutes, the care cost…) have no bar.
    expect(variants).toHaveLength(3);
  });

  it('on an outcome linear in a parameter, the bar ends are the line at its quantiles; bars are sorted by width', async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'platform', { mode: 'expected' });
    const { base, bars } = await oneWay(workspace, model, resolveOutcome(model, 'net-cost'));
    // Net cost = 3 years × (platform + training), centrals 3000 and 200.
    close(base, 3 * (3000 + 200), 1e-7);
    const platform = barOf(bars, 'cost platform');
    close(platform.low.outcome, 3 * (2000 + 200), 1e-7);
    close(platform.high.outcome, 3 * (4500 + 200), 1e-7);
    close(platform.width, 3 * 2500, 1e-6);
    const training = barOf(bars, 'cost training');
    close(training.low.outcome, 3 * (3000 + 105), 1e-7);
    close(training.high.outcome, 3 * (3000 + 295), 1e-7);
    // The death rate changes no cost here: a bar of width 0.
    expect(barOf(bars, 'transition ill->dead').width).toBe(0);
    expect(bars.map((bar) => bar.parameter.split(' ')[1])).toEqual(['platform', 'training', 'ill->dead']);
    expect(platform.place).toMatch(/model\.yaml:\d+:\d+$/);
    expect(platform.path).toBe('platform costs platform per-year');
  });

  it('sorts bars by width, widest first, ties by name, bars without a width last', () => {
    const bar = (parameter: string, low: number | null, high: number | null): OneWayBar => ({
      parameter,
      path: null,
      place: 'x:1:1',
      low: { value: 0, outcome: low },
      high: { value: 1, outcome: high },
      width: low === null || high === null ? null : Math.abs(high - low),
    });
    const sorted = sortBars([bar('d', null, 3), bar('b', 0, 2), bar('a', 5, 3), bar('c', 10, -10), bar('e', 1, 1)]);
    // Widths: c 20, a 2, b 2 (tied: by name), e 0, then d (no width).
    expect(sorted.map((b) => b.parameter)).toEqual(['c', 'a', 'b', 'e', 'd']);
  });

  it("moves a Dirichlet's share along its marginal beta and rescales the others in proportion", async () => {
    const model = await modelOf(WORKSPACE, 'visits', { mode: 'expected' });
    const dirichlet = model.parameters.dirichlets[0]!;
    expect(dirichlet.alphas).toEqual([1, 3, 1]);
    const variants = oneWayVariants(model).filter((v) => v.slot >= dirichlet.first && v.slot < dirichlet.first + 3);
    expect(variants).toHaveLength(3);
    // Share 1 ~ Beta(1, 4): Q(p) = 1 − (1 − p)^(1/4); the others 0.6 and 0.2 scaled by (1 − x)/0.8.
    const first = variants[0]!;
    const x = 1 - 0.975 ** (1 / 4);
    close(first.low.get(dirichlet.first)!, x);
    close(first.low.get(dirichlet.first + 1)!, (0.6 * (1 - x)) / 0.8);
    close(first.low.get(dirichlet.first + 2)!, (0.2 * (1 - x)) / 0.8);
    for (const variant of variants) for (const values of [variant.low, variant.high]) close([...values.values()].reduce((a, b) => a + b, 0), 1, 1e-14);
  });

  it('moves only the first share of a two-share Dirichlet (moving the second is the same move)', () => {
    const fixed = (name: string) => ({ name, file: 'f', line: 1, column: 1, constraint: 'probability' as const, kind: 'fixed' as const, central: 0.5 });
    const model = { parameters: { specs: [fixed('a'), fixed('b')], dirichlets: [{ name: 'd', file: 'f', line: 1, column: 1, first: 0, alphas: [2, 2] }], lateFrom: 2 } } as unknown as Model;
    const variants = oneWayVariants(model);
    expect(variants.map((v) => v.slot)).toEqual([0]);
  });

  it('an ICER without a value (a dominance case) gives a bar without a width, with a note', async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'platform', { mode: 'expected' });
    // The platform costs and changes nothing: dominated at every value.
    const { base, bars } = await oneWay(workspace, model, resolveOutcome(model, 'icer'));
    expect(base).toBeNull();
    for (const bar of bars) {
      expect(bar.width).toBeNull();
      expect(bar.low.note).toMatch(/dominates/);
    }
  });
});

describe('the regression metamodel of the PSA', () => {
  it('recovers a linear dependence: R² = 1 and β = 3 × the sample sd of each cost', async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'platform', { mode: 'psa', iterations: 400 });
    const fit = (await regression(workspace, model, resolveOutcome(model, 'net-cost')))!;
    const output = await simulateRecords(model);
    const sd = (slot: number) => {
      const P = model.parameters.specs.length;
      const values = Array.from({ length: model.iterations }, (_, i) => output.thetas[i * P + slot]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    };
    const slotOf = (name: string) => model.parameters.specs.findIndex((s) => s.name.startsWith(name));
    // The net cost is exactly linear; only float32 records (7 digits) keep R² from 1.
    expect(fit.rSquared!).toBeGreaterThan(1 - 1e-9);
    const term = (name: string) => fit.terms.find((t) => t.parameter.startsWith(name))!.coefficient;
    close(term('cost platform'), 3 * sd(slotOf('cost platform')), 1e-6);
    close(term('cost training'), 3 * sd(slotOf('cost training')), 1e-6);
    expect(Math.abs(term('transition ill->dead'))).toBeLessThan(1e-6 * term('cost platform'));
    expect(fit.terms[0]!.parameter).toMatch(/^cost platform/);
    expect(fit.iterations).toBe(400);
  });

  it("regresses on every drawn column: the uncertain parameters and the Dirichlet's shares, the last share dropped (they sum to 1)", async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'visits', { mode: 'psa', iterations: 200 });
    const d = model.parameters.dirichlets[0]!;
    expect(drawnSlots(model)).toEqual([model.parameters.specs.findIndex((s) => s.name.startsWith('transition')), d.first, d.first + 1, d.first + 2].sort((a, b) => a - b));
    const fit = (await regression(workspace, model, resolveOutcome(model, 'events:deaths')))!;
    expect(fit.terms).toHaveLength(3);
    expect(fit.dropped).toEqual([model.parameters.specs[d.first + 2]!.name]);
  });

  it('is not run for the ICER, which no iteration has', async () => {
    const workspace = await loadWorkspace({ cwd: WORKSPACE });
    const model = await modelOf(WORKSPACE, 'platform', { mode: 'psa', iterations: 60 });
    expect(await regression(workspace, model, resolveOutcome(model, 'icer'))).toBeNull();
  });
});

describe('the outcomes (decision-outcomes.ts)', () => {
  it('reads the ids of the vocabulary', () => {
    expect(parseOutcomeId('net-cost')).toEqual({ kind: 'net-cost' });
    expect(parseOutcomeId('events:nouveaux-diabetes')).toEqual({ kind: 'events', name: 'nouveaux-diabetes' });
    expect(parseOutcomeId('fte:infirmier')).toEqual({ kind: 'fte', name: 'infirmier' });
    for (const bad of ['events', 'fte', 'events:', 'cost', 'icer:x', 'Net-cost', '']) expect(parseOutcomeId(bad), bad).toBeNull();
  });

  it('refuses an unknown outcome, event, actor or territory, listing what exists', async () => {
    const model = await modelOf(WORKSPACE, 'visits');
    expect(() => resolveOutcome(model, 'cost')).toThrow(/not an outcome/);
    expect(() => resolveOutcome(model, 'events:births')).toThrow(/births is not an event/);
    expect(() => resolveOutcome(model, 'fte:doctor')).toThrow(/doctor is not an actor/);
    expect(() => resolveOutcome(model, 'net-cost', 'elsewhere')).toThrow(/elsewhere is not a territory/);
    try {
      resolveOutcome(model, 'events:births');
    } catch (error) {
      expect((error as { hint: string }).hint).toContain('events:deaths');
      expect((error as { hint: string }).hint).toContain('fte:nurse');
    }
  });

  it("has the means of results.json: ΔC, ΔE, NMB, the ICER, events and the program's FTE in the last year", async () => {
    const model = await modelOf(WORKSPACE, 'visits', { iterations: 120 });
    const { output, summaries } = await run(model);
    const reader = new OutcomeReader(model, output);
    const summary = (id: string, territory = 'ensemble') => reader.summary(resolveOutcome(model, id, territory));
    const decision = summaries.decision.summaries;
    for (const [k, territory] of ['here', 'there', 'ensemble'].entries()) {
      expect(summary('net-cost', territory).mean).toBe(decision[k]!.incrementalCost);
      expect(summary('incremental-effect', territory).mean).toBe(decision[k]!.incrementalEffect);
      close(summary('nmb', territory).mean, decision[k]!.netMonetaryBenefit, 1e-6);
    }
    const block = (arm: string) => summaries.blocks.find((b) => b.territory === 'ensemble' && b.arm === arm && b.scale === 'count')!;
    // Events over the horizon: the sum of the yearly means of the difference (a mean of sums is the sum of means).
    close(summary('events:deaths').mean, block('difference').measures.events.deaths!.reduce((s, y) => s + y.mean, 0), 1e-6);
    close(summary('fte:nurse').mean, block('program').measures.fte.nurse!.at(-1)!.mean, 1e-6);
    const icer = summary('icer');
    expect(icer.p025).toBeNull();
    expect(icer.verdict).toBe(decision[2]!.verdict);
    expect(icer.mean).toBe(decision[2]!.icer);
  });
});

describe('sensitivity() as a library', () => {
  it('gives the file format of the brief: manifest, outcome, territory, base, one-way bars, regression', async () => {
    const result = await sensitivity({ scenario: 'platform', cwd: WORKSPACE, version: '0.0.0', iterations: 100, workers: 1 });
    expect(result.manifest).toMatchObject({ tool: 'logi', version: '0.0.0', scenario: 'platform', seed: 7, mode: 'expected' });
    expect(result.outcome).toEqual({ id: 'net-cost', title: 'Net cost, program − baseline, discounted', unit: '€' });
    expect(result.territory).toBe('ensemble');
    expect(result.base).toBe(9600);
    expect(result.oneWay[0]).toMatchObject({ low: { value: 2000, outcome: 6600 }, high: { value: 4500, outcome: 14100 }, width: 7500 });
    expect(result.regression).toMatchObject({ mode: 'psa', iterations: 100 });
  });
});
