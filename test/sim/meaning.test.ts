/**
 * What the model means, on models small enough to compute on paper: every expected value below is
 * worked out by hand in the comment beside it (docs/simulation.md gives the rules), never by
 * calling the engine another way. Expected mode unless said otherwise: counts are then exact
 * (double precision) and results.json keeps 7 significant digits, so the tolerance is half a unit
 * of the 7th digit (5e-7 relative).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompileOptions } from '../../src/sim/model.js';
import type { SummaryBlock } from '../../src/sim/summarize.js';
import { modelOf, run } from './helpers.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Pieces {
  cycle?: 'year' | 'quarter' | 'month';
  strata?: string[];
  transitions: string[];
  inflows?: string[];
  counts: string;
  population?: number;
  /** The logigramme of S1 (nodes as YAML lines), or none. */
  nodes?: string[];
  baseline?: string;
  program?: string;
  horizon?: number;
  multipliers?: string;
}

/** A one-territory workspace: pyramid (strata S0, S1, S2 and `dead`), one S1 logigramme, two programs, a scenario `s`. */
function workspace(p: Pieces): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-meaning-'));
  temporary.push(dir);
  const strata = p.strata ?? ['S0', 'S1', 'S2'];
  const docs = [
    `kind: Pyramid\nversion: 1\nid: p\ntitle: P\ncycle: ${p.cycle ?? 'year'}\nstrata:\n${strata.map((s) => `  - { id: ${s}, title: ${s} }`).join('\n')}\nexits:\n  - { id: dead, title: Dead }\ntransitions:\n${p.transitions.map((t) => `  - ${t}`).join('\n')}\n${p.inflows ? `inflows:\n${p.inflows.map((f) => `  - ${f}`).join('\n')}\n` : ''}sources:\n  t: { title: Test, type: illustrative }`,
    'kind: Actors\nversion: 1\nid: a\nactors:\n  gp: { title: GP, minutes-per-act: 10, cost-per-act: 25, fte-minutes-per-year: 100000 }',
    p.nodes ? `kind: Logigramme\nversion: 1\nid: l1\ntitle: L\npyramid: p\nstratum: S1\nstart: in\nnodes:\n${p.nodes.map((n) => `  ${n}`).join('\n')}` : undefined,
    `kind: Territory\nversion: 1\nid: t\ntitle: T\npopulation: ${p.population ?? 100000}\npyramids:\n  p:\n    counts: ${p.counts}${p.multipliers ? `\n    multipliers: ${p.multipliers}` : ''}`,
    `kind: Program\nversion: 1\nid: base\ntitle: Base\npyramid: p\nstrata: ${p.baseline ?? '{}'}`,
    `kind: Program\nversion: 1\nid: prog\ntitle: Prog\npyramid: p\nstrata: ${p.program ?? '{}'}`,
    `kind: Scenario\nversion: 1\nid: s\npyramid: p\nterritories: [t]\nbaseline: base\nprogram: prog\nhorizon: ${p.horizon ?? 3}\niterations: 1\nseed: 1\nmode: expected`,
  ].filter((d): d is string => d !== undefined);
  writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
  writeFileSync(path.join(dir, 'model.yaml'), docs.join('\n---\n') + '\n');
  return dir;
}

async function simulate(p: Pieces, options: CompileOptions = {}) {
  const model = await modelOf(workspace(p), 's', { mode: 'expected', ...options });
  const { summaries } = await run(model);
  const block = (arm: 'baseline' | 'program' | 'difference', territory = 't'): SummaryBlock => summaries.blocks.find((b) => b.territory === territory && b.arm === arm && b.scale === 'count')!;
  return { model, summaries, block };
}

const close = (actual: number, expected: number, relative = 5e-7) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

/** A logigramme where half the enrolled meet an action with an effect on S1->S2 (hazard ratio `hr`). */
const halfMeetEffect = (hr: string) => [
  'in: { type: start, label: In, next: d }',
  'd:',
  '  type: decision',
  '  label: D',
  '  variable: { name: x, unit: u }',
  '  branches:',
  '    - { label: yes, when: { gte: 1 }, p: 0.5, next: act }',
  '    - { label: no, when: { lt: 1 }, next: out }',
  'act:',
  '  type: action',
  '  label: Act',
  '  actor: gp',
  '  frequency: { times: 2, per: year }',
  `  effects: [{ transition: S1->S2, hr: ${hr} }]`,
  '  next: out',
  'out: { type: end, label: Out }',
];

describe('hazard ratios on a path', () => {
  it('change the transition of the people who met the effect only: p → 1 − (1 − p)^hr', async () => {
    // S1: 1000 people, p(S1→S2) = 0.2, p(S1→dead) = 0.1; everyone enrolled; half meet hr 0.5.
    // Met: 500 × (1 − 0.8^0.5) = 500 × 0.105572809 = 52.7864045; not met: 500 × 0.2 = 100.
    // Year-1 flow S1→S2 = 152.7864045; deaths 1000 × 0.1 = 100; S1 keeps 1000 − 252.7864045.
    const { block } = await simulate({
      transitions: ['{ from: S1, to: S2, p: 0.2, source: t }', '{ from: S1, to: dead, p: 0.1, source: t }'],
      counts: '{ S1: 1000 }',
      nodes: halfMeetEffect('0.5'),
      program: '{ S1: { logigramme: l1, coverage: 1 } }',
      horizon: 1,
    });
    close(block('program').measures.flows['S1->S2']![0]!.mean, 152.7864045);
    close(block('program').measures.flows['S1->dead']![0]!.mean, 100);
    close(block('program').measures.counts.S1![1]!.mean, 747.2135955);
    // The baseline enrols nobody: 1000 × 0.2 = 200; the difference is 152.7864045 − 200.
    close(block('baseline').measures.flows['S1->S2']![0]!.mean, 200);
    close(block('difference').measures.flows['S1->S2']![0]!.mean, -47.2135955);
    // Persons reached by the action: 500 a year; volumes 2 per person: 1000 acts; cost 25 € each.
    close(block('program').measures.persons['l1/act']![0]!.mean, 500);
    close(block('program').measures.volumes['l1/act']![0]!.mean, 1000);
    close(block('program').totalCost[0]!.mean, 25_000);
  });

  it('multiply along a path and apply after a territory multiplier: 1 − (1 − (1 − (1 − p)^m))^(hr₁·hr₂)', async () => {
    // p = 0.2, multiplier m = 1.5: 1 − 0.8^1.5 = 0.284458; two effects hr 0.5 and 0.8 on one path:
    // 1 − 0.8^(1.5 × 0.4) = 1 − 0.8^0.6 = 0.125310 for all 1000 enrolled → 125.3103.
    const { block } = await simulate({
      transitions: ['{ from: S1, to: S2, p: 0.2, source: t }'],
      counts: '{ S1: 1000 }',
      multipliers: '{ S1->S2: 1.5 }',
      nodes: [
        'in: { type: start, label: In, next: a }',
        'a: { type: action, label: A, actor: gp, frequency: 1/year, effects: [{ transition: S1->S2, hr: 0.5 }], next: b }',
        'b: { type: action, label: B, actor: gp, frequency: 1/year, effects: [{ transition: S1->S2, hr: 0.8 }], next: out }',
        'out: { type: end, label: Out }',
      ],
      program: '{ S1: { logigramme: l1, coverage: 1 } }',
      horizon: 1,
    });
    close(block('program').measures.flows['S1->S2']![0]!.mean, 1000 * (1 - 0.8 ** 0.6));
    close(block('baseline').measures.flows['S1->S2']![0]!.mean, 1000 * (1 - 0.8 ** 1.5));
  });
});

describe('coverage ramps', () => {
  it('give year 1, 2, … their own value and hold the last one', async () => {
    // S1 keeps its 1000 people (no transition); ramp [0.1, 0.5]: persons reached 100, 500, 500.
    const { block } = await simulate({
      transitions: ['{ from: S0, to: dead, p: 0.01, source: t }'],
      counts: '{ S0: 10, S1: 1000 }',
      nodes: ['in: { type: start, label: In, next: act }', 'act: { type: action, label: Act, actor: gp, frequency: 1/year, next: out }', 'out: { type: end, label: Out }'],
      program: '{ S1: { logigramme: l1, coverage: { ramp: [0.1, 0.5] } } }',
      horizon: 3,
    });
    expect(block('program').measures.persons['l1/act']!.map((s) => s.mean)).toEqual([100, 500, 500]);
  });

  it('relative to the baseline add to the baseline\'s coverage of the same year, clamped to [0, 1]', async () => {
    // Baseline 0.3 every year; program +0, +0.2, +0.9 → 0.3, 0.5, 1 (0.3 + 0.9 clamped to 1).
    const { block } = await simulate({
      transitions: ['{ from: S0, to: dead, p: 0.01, source: t }'],
      counts: '{ S0: 10, S1: 1000 }',
      nodes: ['in: { type: start, label: In, next: act }', 'act: { type: action, label: Act, actor: gp, frequency: 1/year, next: out }', 'out: { type: end, label: Out }'],
      baseline: '{ S1: { logigramme: l1, coverage: 0.3 } }',
      program: '{ S1: { logigramme: l1, coverage: { ramp: [0, 0.2, 0.9], relative-to: baseline } } }',
      horizon: 3,
    });
    expect(block('program').measures.persons['l1/act']!.map((s) => s.mean)).toEqual([300, 500, 1000]);
    expect(block('difference').measures.persons['l1/act']!.map((s) => s.mean)).toEqual([0, 200, 700]);
  });

  it('relative to a baseline drawn from a distribution give identical arms where the increment is 0, in every iteration', async () => {
    const p: Pieces = {
      transitions: ['{ from: S1, to: S2, p: 0.2, source: t }'],
      counts: '{ S1: 1000 }',
      nodes: halfMeetEffect('0.5'),
      baseline: '{ S1: { logigramme: l1, coverage: { beta: { mean: 0.4, sd: 0.1 } } } }',
      program: '{ S1: { logigramme: l1, coverage: { ramp: [0, 0.3], relative-to: baseline } } }',
      horizon: 2,
    };
    const { block } = await simulate(p, { mode: 'stochastic', iterations: 200 });
    const year1 = block('difference').measures.flows['S1->S2']![0]!;
    expect(year1).toEqual({ mean: 0, sd: 0, median: 0, p025: 0, p975: 0, mcse: 0 });
    // Year 2 differs (+0.3 coverage with an effect that lowers S1→S2).
    expect(block('difference').measures.flows['S1->S2']![1]!.mean).toBeLessThan(0);
  });
});

describe('cycles shorter than a year', () => {
  it('convert annual probabilities: p per quarter = 1 − (1 − p)^(1/4), so a lone transition gives its annual p over 4 cycles', async () => {
    // One transition S0→dead, 0.19 a year: after 4 quarters 1000 × (0.81^(1/4))^4 = 810.
    const { block } = await simulate({ cycle: 'quarter', transitions: ['{ from: S0, to: dead, p: 0.19, source: t }'], counts: '{ S0: 1000 }', horizon: 2 });
    close(block('baseline').measures.counts.S0![1]!.mean, 810);
    close(block('baseline').measures.counts.S0![2]!.mean, 656.1);
    close(block('baseline').measures.flows['S0->dead']![0]!.mean, 190);
  });

  it('compete within the cycle: two transitions out of a stratum, each converted, then applied together', async () => {
    // p₁ = 0.1, p₂ = 0.2 a year → per quarter q₁ = 1 − 0.9^¼ = 0.025996254, q₂ = 1 − 0.8^¼ = 0.054258391;
    // staying per quarter 1 − q₁ − q₂ = 0.919745355; after a year 1000 × 0.919745355⁴ = 715.6001 (not
    // 1000 × (1 − 0.1 − 0.2) = 700: a quarter's movers no longer risk the other transition).
    const { block } = await simulate({ cycle: 'quarter', transitions: ['{ from: S0, to: S1, p: 0.1, source: t }', '{ from: S0, to: dead, p: 0.2, source: t }'], counts: '{ S0: 1000 }', horizon: 1 });
    const q1 = 1 - 0.9 ** 0.25;
    const q2 = 1 - 0.8 ** 0.25;
    close(block('baseline').measures.counts.S0![1]!.mean, 1000 * (1 - q1 - q2) ** 4);
  });

  it('spread annual inflows over the cycles: a count of 400 a year adds 100 a quarter, 400 in the year', async () => {
    const { block } = await simulate({ cycle: 'quarter', transitions: ['{ from: S1, to: dead, p: 0, source: t }'], inflows: ['{ to: S0, count: 400, source: t }', '{ to: S1, rate: 0.01, of: population, source: t }'], counts: '{ S0: 1000 }', population: 20000, horizon: 2 });
    // Nobody leaves S0: 1000 + 400 per year. The rate: 0.01 × 20,000 = 200 a year into S1.
    close(block('baseline').measures.counts.S0![1]!.mean, 1400);
    close(block('baseline').measures.counts.S0![2]!.mean, 1800);
    close(block('baseline').measures.inflows['1:S0']![0]!.mean, 400);
    close(block('baseline').measures.counts.S1![2]!.mean, 400);
  });

  it('keep frequencies and people reached per year: 4 quarterly enrolments of 1000 people are 1000 person-years and 4 × 1000 acts at 4 a year', async () => {
    const p = (cycle: 'year' | 'quarter'): Pieces => ({
      cycle,
      transitions: ['{ from: S1, to: dead, p: 0, source: t }'],
      counts: '{ S1: 1000 }',
      nodes: ['in: { type: start, label: In, next: act }', 'act: { type: action, label: Act, actor: gp, frequency: { times: 4, per: year }, next: out }', 'out: { type: end, label: Out }'],
      program: '{ S1: { logigramme: l1, coverage: 1 } }',
      horizon: 1,
    });
    for (const cycle of ['year', 'quarter'] as const) {
      const { block } = await simulate(p(cycle));
      close(block('program').measures.persons['l1/act']![0]!.mean, 1000);
      close(block('program').measures.volumes['l1/act']![0]!.mean, 4000);
      close(block('program').measures.minutes.gp![0]!.mean, 40_000);
    }
  });
});

describe('timing', () => {
  it('counts a move in the year it happens, and a count at the end of its year (year 0 = start)', async () => {
    // S1 → S2 at 0.2 a year from 1000: flows 200 in year 1, 160 in year 2; S2 holds 200 then 360.
    const { block } = await simulate({ transitions: ['{ from: S1, to: S2, p: 0.2, source: t }'], counts: '{ S1: 1000 }', horizon: 2 });
    expect(block('baseline').measures.flows['S1->S2']!.map((s) => s.mean)).toEqual([200, 160]);
    expect(block('baseline').measures.counts.S2!.map((s) => s.mean)).toEqual([0, 200, 360]);
    expect(block('baseline').measures.counts.S1!.map((s) => s.mean)).toEqual([1000, 800, 640]);
  });

  it('updates every stratum from the counts at the start of the cycle, whatever their order', async () => {
    // S0 → S1 at 0.5 and S1 → S2 at 0.5, from S0 = 1000: in year 1 nobody goes straight from S0 to S2.
    const { block } = await simulate({ transitions: ['{ from: S0, to: S1, p: 0.5, source: t }', '{ from: S1, to: S2, p: 0.5, source: t }'], counts: '{ S0: 1000 }', horizon: 2 });
    expect(block('baseline').measures.counts.S2!.map((s) => s.mean)).toEqual([0, 0, 250]);
  });
});

describe('enrolment', () => {
  it('enrols coverage × people in the expected mode, and Binomial(people, coverage) in the stochastic mode (mean within 4 MCSE)', async () => {
    const p: Pieces = {
      transitions: ['{ from: S1, to: dead, p: 0, source: t }'],
      counts: '{ S1: 1000 }',
      nodes: ['in: { type: start, label: In, next: act }', 'act: { type: action, label: Act, actor: gp, frequency: 1/year, next: out }', 'out: { type: end, label: Out }'],
      program: '{ S1: { logigramme: l1, coverage: 0.37 } }',
      horizon: 1,
    };
    close((await simulate(p)).block('program').measures.persons['l1/act']![0]!.mean, 370);
    const stochastic = (await simulate(p, { mode: 'stochastic', iterations: 2000 })).block('program').measures.persons['l1/act']![0]!;
    expect(Math.abs(stochastic.mean - 370)).toBeLessThanOrEqual(4 * stochastic.mcse);
    // Binomial sd: √(1000 × 0.37 × 0.63) = 15.27; the sample sd of 2000 draws is within 5 % of it.
    expect(Math.abs(stochastic.sd / Math.sqrt(1000 * 0.37 * 0.63) - 1)).toBeLessThan(0.05);
  });
});

describe('differences', () => {
  it('keep a small difference between large arms exact: 0.2528 people out of 1,000,000 (to 1e-9 relative)', async () => {
    // 1,000,000 in S1, p(S1→S2) = 0.5. The program enrols 1.0112e-6 of them (1.0112 people) in an
    // action with hr 2 on S1→S2: p' = 1 − 0.5² = 0.75, i.e. 0.25 more per person enrolled:
    // 1.0112 × 0.25 = 0.2528 more people in S2 after year 1, out of about 500,000.
    const { block } = await simulate({
      transitions: ['{ from: S1, to: S2, p: 0.5, source: t }'],
      counts: '{ S1: 1000000 }',
      nodes: ['in: { type: start, label: In, next: act }', 'act: { type: action, label: Act, actor: gp, frequency: 1/year, effects: [{ transition: S1->S2, hr: 2 }], next: out }', 'out: { type: end, label: Out }'],
      program: '{ S1: { logigramme: l1, coverage: 1.0112e-6 } }',
      horizon: 1,
    });
    const difference = block('difference').measures.counts.S2![1]!.mean;
    expect(Math.abs(difference - 0.2528) / 0.2528).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(block('difference', 'ensemble').measures.counts.S2![1]!.mean - 0.2528) / 0.2528).toBeLessThanOrEqual(1e-9);
    // And its sign: the program has more people in S2 than the baseline, not fewer.
    expect(block('program').measures.counts.S2![1]!.mean).toBeGreaterThan(block('baseline').measures.counts.S2![1]!.mean);
  });
});

describe('one-off acts (`frequency: once`)', () => {
  /** Everyone meets `bilan` (once, within 7 days); 30 % then meet `suivi` at 4 a year. */
  const onceAndRate = (cycle: 'year' | 'quarter' | 'month', deaths: number, horizon = 1): Pieces => ({
    cycle,
    transitions: [`{ from: S1, to: dead, p: ${deaths}, source: t }`],
    counts: '{ S1: 1000 }',
    nodes: [
      'in: { type: start, label: In, next: bilan }',
      'bilan: { type: action, label: Bilan, actor: gp, frequency: { once: true, within-days: 7 }, next: d }',
      'd:',
      '  type: decision',
      '  label: D',
      '  branches:',
      '    - { label: yes, p: 0.3, next: suivi }',
      '    - { label: no, next: out }',
      'suivi: { type: action, label: Suivi, actor: gp, frequency: { times: 4, per: year }, next: out }',
      'out: { type: end, label: Out }',
    ],
    program: '{ S1: { logigramme: l1, coverage: 1 } }',
    horizon,
  });

  it('gives one act per passage whatever the cycle, where a rate gives times × person-years', async () => {
    // 1000 people, nobody leaves, all enrolled; they pass through the logigramme once per cycle.
    // Yearly: 1000 passages → 1000 acts of bilan; suivi 300 person-years × 4 = 1200 acts.
    // Quarterly: 4 × 1000 passages → 4000 acts of bilan (1000 person-years reached); suivi still
    // 300 person-years × 4 = 1200. Monthly: 12 000 acts of bilan; suivi 1200.
    for (const [cycle, passages] of [['year', 1000], ['quarter', 4000], ['month', 12000]] as const) {
      const { block } = await simulate(onceAndRate(cycle, 0, 2));
      for (const year of [0, 1]) {
        close(block('program').measures.persons['l1/bilan']![year]!.mean, 1000);
        close(block('program').measures.volumes['l1/bilan']![year]!.mean, passages);
        close(block('program').measures.persons['l1/suivi']![year]!.mean, 300);
        close(block('program').measures.volumes['l1/suivi']![year]!.mean, 1200);
      }
      // Minutes: 10 per act of gp → (passages + 1200) × 10.
      close(block('program').measures.minutes.gp![0]!.mean, (passages + 1200) * 10);
    }
  });

  it('counts the passages of the people present each cycle when people leave (quarterly, deaths 0.19 a year)', async () => {
    // Per quarter the survivors are 0.81^(1/4) = 0.948683298 of the people: S1 at the start of the
    // four quarters is 1000, 948.683298, 900, 853.814968 → 3702.498266 passages = acts of bilan.
    // suivi: 0.3 × 3702.498266 / 4 = 277.687370 person-years × 4 a year = 1110.749480 acts.
    const { block } = await simulate(onceAndRate('quarter', 0.19));
    close(block('program').measures.volumes['l1/bilan']![0]!.mean, 3702.498266);
    close(block('program').measures.persons['l1/bilan']![0]!.mean, 925.6245665);
    close(block('program').measures.volumes['l1/suivi']![0]!.mean, 1110.749480);
  });

  it('gives the same rule in Monte Carlo: bilan volumes = 4 × its person-years in every iteration, mean within 4 MCSE of 3702.498', async () => {
    const { block } = await simulate(onceAndRate('quarter', 0.19), { mode: 'stochastic', iterations: 400 });
    const volumes = block('program').measures.volumes['l1/bilan']![0]!;
    const persons = block('program').measures.persons['l1/bilan']![0]!;
    // Volumes are persons × 1 × 4 exactly (linear, so the means and sds follow by 4), to the
    // 7 significant digits of the summaries (1e-6 relative: two roundings).
    close(volumes.mean, 4 * persons.mean, 1e-6);
    close(volumes.sd, 4 * persons.sd, 1e-6);
    expect(volumes.sd).toBeGreaterThan(0);
    // Deaths are binomial: the mean of 400 iterations is within 4 MCSE of the expected 3702.498.
    expect(Math.abs(volumes.mean - 3702.498266)).toBeLessThanOrEqual(4 * volumes.mcse);
  });
});
