/**
 * Issue 12, items 1, 5 and 6: inputs at the edge of the numbers. Each reproducer is rebuilt
 * from the description on the small test model (test/fixtures/sim/fixed): samplers that
 * looped for ever on a NaN or a vanishing shape, magnitudes that made infinities and nulls, and
 * values lint passed while simulate refused them. Every run here is bounded: a hang fails the test
 * by its timeout.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { binomial, dirichletSample, MAX_REJECTIONS, poisson, standardGamma } from '../../src/sim/distributions/index.js';
import { compileModel } from '../../src/sim/model.js';
import { buildResults, serializeResults } from '../../src/sim/results.js';
import { runModel } from '../../src/sim/runner.js';
import { AleaStream } from '../../src/sim/random.js';
import { FIXED } from './helpers.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const BASE = readFileSync(path.join(FIXED, 'model.yaml'), 'utf8');

function variant(from: string, to: string): string {
  expect(BASE, `the fixture holds ${from}`).toContain(from);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-extreme-'));
  temporary.push(dir);
  cpSync(FIXED, dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.yaml'), BASE.replace(from, to));
  return dir;
}

/** Line and column (1-based) of the first occurrence of `text` in the edited model. */
function positionOf(dir: string, text: string, offset = 0): string {
  const lines = readFileSync(path.join(dir, 'model.yaml'), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return `${line + 1}:${lines[line]!.indexOf(text) + 1 + offset}`;
}

type Simulated = Awaited<ReturnType<typeof runModel>> & { model: Awaited<ReturnType<typeof compileModel>> };

async function simulateIn(dir: string, iterations = 20): Promise<Error | Simulated> {
  try {
    const model = await compileModel(await loadWorkspace({ cwd: dir }), 'fixed', { iterations });
    return { model, ...(await runModel(model, { workers: 1 })) };
  } catch (error) {
    return error as Error;
  }
}

/** results.json's text for a finished run. */
const resultsText = (outcome: Error | Simulated): string => {
  const { model, summaries } = outcome as Simulated;
  return serializeResults(buildResults(model, summaries, 'test'));
};

async function lintFindings(dir: string): Promise<string[]> {
  const result = await lint({ cwd: dir });
  return result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.message}`);
}

/** A uniform stream that always returns `value`: what a sampler sees on a pathological stream. */
const constant = (value: number) => () => value;

describe('issue 12 #1: samplers never loop and never return NaN', () => {
  it('binomial, Poisson and gamma refuse a NaN or infinite parameter instead of looping', () => {
    const uniform = new AleaStream();
    uniform.setWords(1, 2, 3);
    const next = uniform.next;
    expect(() => binomial(next, 100, Number.NaN)).toThrow(/binomial sampler cannot draw with p = NaN/);
    expect(() => binomial(next, Number.NaN, 0.3)).toThrow(/binomial sampler cannot draw with n = NaN/);
    expect(() => binomial(next, 1e308, 0.3)).toThrow(/n = 1e\+308/);
    expect(() => poisson(next, Number.NaN)).toThrow(/Poisson sampler cannot draw with mean = NaN/);
    expect(() => poisson(next, 1e308)).toThrow(/Poisson sampler cannot draw with mean = 1e\+308/);
    expect(() => standardGamma(next, 0)).toThrow(/gamma sampler cannot draw with shape 0/);
    expect(() => standardGamma(next, Number.POSITIVE_INFINITY)).toThrow(/shape Infinity/);
  });

  it(`a stream that never satisfies a rejection test stops after ${MAX_REJECTIONS} tries (BTRS, PTRS, polar method)`, () => {
    // u = 0.999…: BTRS's |u − 0.5| ≈ 0.5 puts k far outside [0, n] every time; the polar method's
    // point (≈1, ≈1) is outside the unit disc every time.
    expect(() => binomial(constant(0.9999999), 1000, 0.3)).toThrow(/10000 rejections in a row/);
    expect(() => standardGamma(constant(0.9999999), 2)).toThrow(/normal sampler .*10000 rejections in a row/);
    expect(() => poisson(constant(0.9999999), 5)).toThrow(/10000 factors/);
  });

  it('Dirichlet [0.001, 0.001]: every draw is two shares summing to 1, each 0 or 1 half of the time', () => {
    // Beta(ε, ε) puts mass ε/(2ε) = 1/2 near each end, symmetrically: P(share₁ > 0.5) = 1/2.
    // 20,000 draws: sd of the fraction √(0.25/20000) = 0.0035; tolerance 0.02 is 5.7 sd.
    const uniform = new AleaStream();
    uniform.setWords(12, 1, 0);
    const out = [0, 0];
    let above = 0;
    for (let i = 0; i < 20_000; i++) {
      dirichletSample(uniform.next, [0.001, 0.001], out);
      expect(Number.isFinite(out[0]!) && Number.isFinite(out[1]!)).toBe(true);
      expect(out[0]! + out[1]!).toBeCloseTo(1, 12);
      if (out[0]! > 0.5) above += 1;
    }
    expect(Math.abs(above / 20_000 - 0.5)).toBeLessThan(0.02);
  });

  it('Dirichlet [1e-300, 1e-300] and [5e-324, 5e-324]: each draw gives everything to one share, either one half of the time', () => {
    for (const alpha of [1e-300, 5e-324]) {
      const uniform = new AleaStream();
      uniform.setWords(12, 2, 0);
      const out = [0, 0];
      let first = 0;
      for (let i = 0; i < 4000; i++) {
        dirichletSample(uniform.next, [alpha, alpha], out);
        expect([out[0], out[1]].sort()).toEqual([0, 1]);
        first += out[0]!;
      }
      // sd √(0.25/4000) = 0.0079; tolerance 0.04 is 5 sd.
      expect(Math.abs(first / 4000 - 0.5), `α = ${alpha}`).toBeLessThan(0.04);
    }
  });

  it('a decision with probabilities {dirichlet: [0.001, 0.001]} simulates to the end with finite results', async () => {
    const dir = variant('      - { label: yes, when: { gte: 1.1 }, p: 0.4, next: coaching }\n      - { label: no, when: { lt: 1.1 }, next: done }', '      - { label: yes, when: { gte: 1.1 }, next: coaching }\n      - { label: no, when: { lt: 1.1 }, next: done }\n    probabilities: { dirichlet: [0.001, 0.001] }');
    expect(await lintFindings(dir)).toEqual([]);
    const outcome = await simulateIn(dir, 40);
    expect(outcome).not.toBeInstanceOf(Error);
    // An ICER that does not exist (a dominance case) is written as null: the only null allowed.
    expect(resultsText(outcome).replaceAll('"icer":null', '')).not.toMatch(/null|NaN|Infinity/);
  }, 30_000);
});

describe('issue 12 #1 and #5: magnitudes that made infinities are refused by lint first, then by simulate at file:line:col', () => {
  it.each([
    ['inflow count: 1e308', 'count: 40', 'count: 1e308', '1e308'],
    ['inflow rate: 1e308', '{ to: S0, count: 40, source: t }', '{ to: S0, rate: 1e308, of: population, source: t }', '1e308'],
    ['inflow rate: 1e300', '{ to: S0, count: 40, source: t }', '{ to: S0, rate: 1e300, of: S0, source: t }', '1e300'],
    ['times: 1e300', 'frequency: { times: 2, per: year }', 'frequency: { times: 1e300, per: year }', '1e300'],
    ['times: 1e308', 'frequency: { times: 2, per: year }', 'frequency: { times: 1e308, per: year }', '1e308'],
  ])('%s', async (_name, from, to, written) => {
    const dir = variant(from, to);
    const at = positionOf(dir, written);
    expect(await lintFindings(dir)).toContain(`error parameter-feasible ${at} ${Number(written)} is beyond 10⁹, the largest magnitude of a parameter`);
    const outcome = await simulateIn(dir);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/is beyond 10⁹, the largest magnitude of a parameter/);
    const place = (outcome as Error & { place?: { line: number; column: number } }).place!;
    expect(`${place.line}:${place.column}`).toBe(at);
  });

  it('times: 10⁹, the largest accepted, gives finite results (no null, no NaN): the bound keeps float32 finite', async () => {
    const dir = variant('frequency: { times: 2, per: year }', 'frequency: { times: 1e9, per: year }');
    expect((await lintFindings(dir)).filter((f) => f.startsWith('error'))).toEqual([]);
    const outcome = await simulateIn(dir, 10);
    expect(outcome).not.toBeInstanceOf(Error);
    // An ICER that does not exist (a dominance case) is written as null: the only null allowed.
    expect(resultsText(outcome).replaceAll('"icer":null', '')).not.toMatch(/null|NaN|Infinity/);
  }, 30_000);

  it('a rate of a stratum that compounds beyond 10¹² people: lint warns (inflow-growth), simulate stops naming the inflow, its place and the iteration', async () => {
    // 4,900 people, rate 30 a year of S0 into S0: e^(30·6) ≈ 10⁷⁸ by year 6, beyond 10¹² within a year or two.
    const dir = variant('{ to: S0, count: 40, source: t }', '{ to: S0, rate: 30, of: S0, source: t }');
    expect((await lintFindings(dir)).some((f) => f.startsWith('warning inflow-growth'))).toBe(true);
    const outcome = await simulateIn(dir);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/^the inflow to S0 would bring it beyond 10¹² people in year \d of territory test-territory, iteration 0$/);
    const place = (outcome as Error & { place?: { line: number; column: number } }).place!;
    expect(`${place.line}:${place.column}`).toBe(positionOf(dir, '30, of'));
  });
});

describe('issue 12 #6: what simulate refuses, lint refuses first', () => {
  it.each([
    ['a fixed coverage: 1.5', 'S1: { logigramme: test-s1, coverage: 0.3 }', 'S1: { logigramme: test-s1, coverage: 1.5 }', '1.5', '1.5 is not a probability in [0, 1]'],
    ['a fixed coverage: -0.1', 'S1: { logigramme: test-s1, coverage: 0.3 }', 'S1: { logigramme: test-s1, coverage: -0.1 }', '-0.1', '-0.1 is not a probability in [0, 1]'],
    ['minutes-per-act: -20', 'minutes-per-act: 20, cost', 'minutes-per-act: -20, cost', '-20', '-20 is not a number ≥ 0'],
    ['inflow count: -5', 'count: 40', 'count: -5', '-5', '-5 is not a number ≥ 0'],
    ['multiplier: 0', 'S1->S2: 1.2', 'S1->S2: 0', 'S1->S2: 0', '0 is not a positive number'],
    ['an inverted lognormal interval', 'hr: 0.5 }', 'hr: { lognormal: { median: 0.5, ci95: [0.7, 0.3] } } }', '[0.7', 'the 95 % interval [0.7, 0.3] must be increasing'],
  ])('%s', async (_name, from, to, written, message) => {
    const dir = variant(from, to);
    const findings = await lintFindings(dir);
    const at = written === 'S1->S2: 0' ? positionOf(dir, written, 'S1->S2: '.length) : positionOf(dir, written);
    expect(findings, JSON.stringify(findings)).toContain(`error parameter-feasible ${at} ${message}`);
    const outcome = await simulateIn(dir);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toContain(message);
  });

  it('fte-minutes-per-year: 1e-320 (found by the fuzz suite: every FTE was infinite, null in results.json) is a schema error', async () => {
    const dir = variant('fte-minutes-per-year: 96000 }', 'fte-minutes-per-year: 1e-320 }');
    const findings = await lintFindings(dir);
    expect(findings, JSON.stringify(findings)).toContain(`error schema ${positionOf(dir, '1e-320')} must be ≥ 1, got the number 1e-320`);
    const outcome = await simulateIn(dir);
    expect(outcome).toBeInstanceOf(Error);
  });

  it('beta {alpha: 1e-300, beta: 1}: accepted by both, and every draw is a finite probability (0 here, since the mass is at 0)', async () => {
    const dir = variant('p: 0.10, source', 'p: { beta: { alpha: 1e-300, beta: 1 } }, source');
    expect((await lintFindings(dir)).filter((f) => f.startsWith('error'))).toEqual([]);
    const outcome = await simulateIn(dir);
    expect(outcome).not.toBeInstanceOf(Error);
  });

  it('gamma {mean: 1, sd: 1e-200} (shape 10⁴⁰⁰ = ∞): lint and simulate refuse it as not representable', async () => {
    const dir = variant('minutes-per-act: 20, cost', 'minutes-per-act: { gamma: { mean: 1, sd: 1e-200 } }, cost');
    const findings = await lintFindings(dir);
    expect(findings.some((f) => f.startsWith('error parameter-feasible') && f.includes('this gamma is not representable: its shape would be Infinity')), JSON.stringify(findings)).toBe(true);
    const outcome = await simulateIn(dir);
    expect((outcome as Error).message).toMatch(/not representable/);
  });
});
