/**
 * What the simulation's outputs mean (issue 11): the summaries (per territory, `ensemble`, per
 * 100,000 inhabitants; baseline, program, difference; derived measures; chained actions; the
 * overlay), `results.json`, `summary.csv` and the terminal summary — on a small two-territory model
 * whose numbers are worked out by hand in the comment beside each expected value, never by calling
 * the code under test another way. Expected mode unless said otherwise; results keep 7 significant
 * digits, so values are compared to half a unit of the 7th digit (5e-7 relative) or exactly when
 * the value is exactly representable after that rounding.
 *
 * The model (see `MODEL` below): strata S0, S1, S2 and the exit `dead`; S1→S2 0.2, S1→dead 0.1,
 * S2→dead 0.05 a year; inflows into S0 of 30 a year and 0.01 × the population a year. S1's
 * logigramme l1: in → screen (nurse, θ times a quarter, central 0.25: 1 a year) → d (yes 0.4 → treat, no → advice)
 * ; treat (gp, 2 a year, hr 0.5 on S1→S2) → follow (nurse, once a quarter, 15 min and 5 € per act)
 * → recall (gp, once a year) → out; advice (refer) → out; `orphan` is unreachable. Actors: gp
 * (10 min, 25 €, 1,000 FTE minutes a year), lab (no action reachable), nurse (20 min, 30 €, 2,000
 * FTE minutes). Usual care enrols 20 % of S1 every year, the program 50 % (a beta of mean 0.5).
 * Territories: paris (population 20,000; S0 500, S1 1000, S2 100) and lyon (10,000; S0 100, S1
 * 400, S2 40). Horizon 3 years.
 *
 * With coverage c, an arm's year from S1 = n: enrolled E = c·n; treated 0.4·E meet hr 0.5, so their
 * S1→S2 probability is 1 − 0.8^0.5 = 0.2 − q with q = √0.8 − 0.8 = 0.0944271910; flow S1→S2 =
 * n·(0.2 − 0.4·c·q), deaths from S1 0.1·n, so S1 keeps n·(0.7 + 0.4·c·q). Per enrolled person:
 * screen 1 act (nurse 20 min, 30 €), treat 0.4 × 2 = 0.8 acts (gp 8 min, 20 €), follow 0.4 × 4 = 1.6
 * acts (nurse 24 min, 8 €), recall 0.4 acts (gp 4 min, 10 €): nurse 44 min and 38 €, gp 12 min and
 * 30 €, 68 € in all.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summariesCsv } from '../../src/sim/csv.js';
import { formatSummary } from '../../src/sim/format.js';
import type { CompileOptions, Model } from '../../src/sim/model.js';
import { buildResults, type Results, ResultsSchema, serializeResults } from '../../src/sim/results.js';
import type { RunOutput } from '../../src/sim/runner.js';
import { type ArmName, chainedActions, round, type Summaries, type Summary, type SummaryBlock } from '../../src/sim/summarize.js';
import { modelOf, run } from './helpers.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const DEFAULT_NODES = [
  // Written out of order on purpose: the outputs follow the topological order, ties by position.
  'out: { type: end, label: Out }',
  'recall: { type: action, label: Recall, actor: gp, frequency: 1/year, next: out }',
  'advice: { type: refer, label: Advice, logigramme: l1, next: out }',
  'follow: { type: action, label: Follow-up, actor: nurse, frequency: { times: 1, per: quarter }, minutes: 15, cost: 5, next: recall }',
  'treat: { type: action, label: Treat, actor: gp, frequency: { times: 2, per: year }, effects: [{ transition: S1->S2, hr: 0.5 }], next: follow }',
  'd:',
  '  type: decision',
  '  label: Eligible?',
  '  variable: { name: x, unit: u }',
  '  branches:',
  '    - { label: yes, when: { gte: 1 }, p: 0.4, next: treat }',
  '    - { label: no, when: { lt: 1 }, next: advice }',
  'screen: { type: action, label: Screen, actor: nurse, frequency: { times: { gamma: { mean: 0.25, sd: 0.05 } }, per: quarter }, next: d }',
  'in: { type: start, label: In, next: screen }',
  'orphan: { type: action, label: Orphan, actor: lab, next: out }',
];

const MODEL = (nodes = DEFAULT_NODES) =>
  [
    [
      'kind: Pyramid',
      'version: 1',
      'id: p',
      'title: P',
      'cycle: year',
      'strata:',
      '  - { id: S0, title: Well }',
      '  - { id: S1, title: At risk }',
      '  - { id: S2, title: Ill }',
      'exits:',
      '  - { id: dead, title: Dead }',
      'transitions:',
      '  - { from: S1, to: S2, p: 0.2, source: t }',
      '  - { from: S1, to: dead, p: 0.1, source: t }',
      '  - { from: S2, to: dead, p: 0.05, source: t }',
      'inflows:',
      '  - { to: S0, count: 30, source: t }',
      '  - { to: S0, rate: 0.01, of: population, source: t }',
      'events:',
      '  new-cases: [S1->S2]',
      '  deaths: [S1->dead, S2->dead]',
      'sources:',
      '  t: { title: Test, type: illustrative }',
    ],
    [
      'kind: Actors',
      'version: 1',
      'id: a',
      'actors:',
      '  gp: { title: GP, minutes-per-act: 10, cost-per-act: 25, fte-minutes-per-year: 1000 }',
      '  lab: { title: Lab, minutes-per-act: 5, cost-per-act: 8, fte-minutes-per-year: 90000 }',
      '  nurse: { title: Nurse, minutes-per-act: 20, cost-per-act: 30, fte-minutes-per-year: 2000 }',
    ],
    ['kind: Logigramme', 'version: 1', 'id: l1', 'title: Pathway', 'pyramid: p', 'stratum: S1', 'start: in', 'nodes:', ...nodes.map((n) => `  ${n}`)],
    ['kind: Territory', 'version: 1', 'id: paris', 'title: Paris', 'population: 20000', 'pyramids:', '  p:', '    counts: { S0: 500, S1: 1000, S2: 100 }', 'workforce:', '  gp: { fte: 2 }'],
    ['kind: Territory', 'version: 1', 'id: lyon', 'title: Lyon', 'population: 10000', 'pyramids:', '  p:', '    counts: { S0: 100, S1: 400, S2: 40 }'],
    ['kind: Program', 'version: 1', 'id: usual', 'title: Usual care', 'pyramid: p', 'strata:', '  S1: { logigramme: l1, coverage: 0.2 }'],
    ['kind: Program', 'version: 1', 'id: enhanced', 'title: Enhanced', 'pyramid: p', 'strata:', '  S1: { logigramme: l1, coverage: { beta: { mean: 0.5, sd: 0.1 } } }'],
    ['kind: Scenario', 'version: 1', 'id: s', 'pyramid: p', 'territories: [paris, lyon]', 'baseline: usual', 'program: enhanced', 'horizon: 3', 'iterations: 9', 'seed: 5', 'mode: psa'],
  ]
    .map((lines) => lines.join('\n'))
    .join('\n---\n') + '\n';

function workspace(nodes?: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-outputs-'));
  temporary.push(dir);
  writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
  writeFileSync(path.join(dir, 'model.yaml'), MODEL(nodes));
  return dir;
}

interface Simulated {
  dir: string;
  model: Model;
  output: RunOutput;
  summaries: Summaries;
  block: (territory: string, arm: ArmName, scale?: 'count' | 'per100k') => SummaryBlock;
}

async function simulate(options: CompileOptions, nodes?: string[]): Promise<Simulated> {
  const dir = workspace(nodes);
  const model = await modelOf(dir, 's', options);
  const { output, summaries } = await run(model);
  const block = (territory: string, arm: ArmName, scale: 'count' | 'per100k' = 'count') => {
    const found = summaries.blocks.filter((b) => b.territory === territory && b.arm === arm && b.scale === scale);
    expect(found, `${territory} ${arm} ${scale}`).toHaveLength(1);
    return found[0]!;
  };
  return { dir, model, output, summaries, block };
}

let expectedRun: Promise<Simulated> | undefined;
/** The model in the expected mode, simulated once for the tests that read it. */
const expectedMode = () => (expectedRun ??= simulate({ mode: 'expected' }));

const close = (actual: number | undefined, expected: number, relative = 5e-7) =>
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.abs(expected));
const means = (series: Summary[] | undefined) => series!.map((s) => s.mean);
/** A summary with no spread (expected mode): every statistic is the value, sd and MCSE are 0. */
const point = (x: number): Summary => ({ mean: x, sd: 0, median: x, p025: x, p975: x, mcse: 0 });

const q = Math.sqrt(0.8) - 0.8; // 0.0944271910: what hr 0.5 takes off p(S1→S2) = 0.2 for the treated

describe('summaries of the expected mode, by hand', () => {
  it('counts, flows, events and inflows: per territory, the ensemble (sum over territories) and the three arms', async () => {
    const { block } = await expectedMode();
    // S1 from 1000 (paris): the program (c = 0.5) keeps 1000 × (0.7 + 0.2q) = 718.8854382, usual
    // care (c = 0.2) 1000 × (0.7 + 0.08q) = 707.5541753; difference 1000 × 0.12q = 11.3312629.
    // (Stored in single precision, then kept to 7 significant digits: within 5e-7 relative.)
    close(block('paris', 'program').measures.counts.S1![1]!.mean, 718.8854382);
    close(block('paris', 'program').measures.counts.S1![1]!.p975, 718.8854382);
    close(block('paris', 'baseline').measures.counts.S1![1]!.median, 707.5541753);
    expect(block('paris', 'baseline').measures.counts.S1![1]!.sd).toBe(0); // one iteration
    close(block('paris', 'difference').measures.counts.S1![1]!.mean, 1000 * 0.12 * q);
    // Year 2: 1000 × (0.7 + 0.2q)² = 516.7962733; year 0 is the start, the same in both arms.
    close(block('paris', 'program').measures.counts.S1![2]!.mean, 1000 * (0.7 + 0.2 * q) ** 2);
    expect(means(block('paris', 'baseline').measures.counts.S1).length).toBe(4); // years 0…3
    expect(block('paris', 'difference').measures.counts.S1![0]!).toEqual(point(0));
    // S0 gains 30 + 0.01 × 20,000 = 230 a year in paris, 30 + 100 = 130 in lyon.
    expect(means(block('paris', 'program').measures.counts.S0)).toEqual([500, 730, 960, 1190]);
    expect(means(block('lyon', 'baseline').measures.counts.S0)).toEqual([100, 230, 360, 490]);
    // The ensemble adds the territories: S0 600 + 360 a year; S1 1400 at the start.
    expect(means(block('ensemble', 'program').measures.counts.S0)).toEqual([600, 960, 1320, 1680]);
    // The exit: paris year 1 = 0.1 × 1000 + 0.05 × 100 = 105; lyon 40 + 2 = 42; ensemble 147.
    expect(block('ensemble', 'baseline').measures.counts.dead![1]!.mean).toBe(147);

    // Flow S1→S2, year 1: paris program 1000 × (0.2 − 0.2q) = 181.1145618, baseline
    // 1000 × (0.2 − 0.08q) = 192.4458247; lyon program 400 × (0.2 − 0.2q) = 72.44582472, baseline
    // 400 × (0.2 − 0.08q) = 76.97832989; ensemble program 253.5603865, baseline 269.4241546,
    // difference −1400 × 0.12q = −168q = −15.86376809.
    close(block('paris', 'program').measures.flows['S1->S2']![0]!.mean, 181.1145618);
    close(block('paris', 'baseline').measures.flows['S1->S2']![0]!.mean, 192.4458247);
    close(block('lyon', 'program').measures.flows['S1->S2']![0]!.mean, 72.44582472);
    close(block('lyon', 'difference').measures.flows['S1->S2']![0]!.mean, 72.44582472 - 76.97832989);
    close(block('ensemble', 'program').measures.flows['S1->S2']![0]!.mean, 253.5603865);
    close(block('ensemble', 'baseline').measures.flows['S1->S2']![0]!.mean, 269.4241546);
    close(block('ensemble', 'difference').measures.flows['S1->S2']![0]!.mean, -168 * q);
    // Year 2 of paris program: 718.8854382 × (0.2 − 0.2q) = 130.2006211.
    close(block('paris', 'program').measures.flows['S1->S2']![1]!.mean, 130.2006211);
    expect(block('paris', 'program').measures.flows['S2->dead']![0]!.mean).toBe(5); // 0.05 × 100

    // Events are sums of their transitions' flows: new-cases = S1→S2; deaths = S1→dead + S2→dead,
    // year 1 paris 100 + 5 = 105, lyon 40 + 2 = 42, ensemble 147; year 2 paris program
    // 0.1 × 718.8854382 + 0.05 × 276.1145618 = 71.88854382 + 13.80572809 = 85.69427191.
    close(block('paris', 'program').measures.events['new-cases']![0]!.mean, 181.1145618);
    expect(means(block('paris', 'baseline').measures.events.deaths).slice(0, 1)).toEqual([105]);
    expect(block('lyon', 'program').measures.events.deaths![0]!.mean).toBe(42);
    expect(block('ensemble', 'program').measures.events.deaths![0]!.mean).toBe(147);
    close(block('paris', 'program').measures.events.deaths![1]!.mean, 85.69427191);
    expect(block('paris', 'difference').measures.events.deaths![0]!).toEqual(point(0));
    expect(Object.keys(block('paris', 'program').measures.events)).toEqual(['new-cases', 'deaths']);

    // Inflows, keyed `<position>:<stratum>`: 30 in each territory; 0.01 × population = 200 and 100.
    expect(means(block('paris', 'program').measures.inflows['1:S0'])).toEqual([30, 30, 30]);
    expect(means(block('paris', 'program').measures.inflows['2:S0'])).toEqual([200, 200, 200]);
    expect(means(block('lyon', 'baseline').measures.inflows['2:S0'])).toEqual([100, 100, 100]);
    expect(means(block('ensemble', 'baseline').measures.inflows['1:S0'])).toEqual([60, 60, 60]);
    expect(means(block('ensemble', 'difference').measures.inflows['2:S0'])).toEqual([0, 0, 0]);
  });

  it('per 100,000 inhabitants: × 100,000 / the territory\'s population, and / the sum of populations for the ensemble', async () => {
    const { block } = await expectedMode();
    // Factors: paris 100,000 / 20,000 = 5; lyon 100,000 / 10,000 = 10; ensemble 100,000 / 30,000.
    // S1 at the start: 1000 × 5 = 5000; 400 × 10 = 4000; 1400 × 10/3 = 4666.667 (7 digits).
    expect(block('paris', 'baseline', 'per100k').measures.counts.S1![0]!).toEqual(point(5000));
    expect(block('lyon', 'program', 'per100k').measures.counts.S1![0]!).toEqual(point(4000));
    expect(block('ensemble', 'program', 'per100k').measures.counts.S1![0]!).toEqual(point(4666.667));
    // The count inflow (30 everywhere) tells the scales apart: 150, 300 and 60 × 10/3 = 200.
    expect(block('paris', 'program', 'per100k').measures.inflows['1:S0']![0]!.mean).toBe(150);
    expect(block('lyon', 'program', 'per100k').measures.inflows['1:S0']![0]!.mean).toBe(300);
    expect(block('ensemble', 'baseline', 'per100k').measures.inflows['1:S0']![0]!.mean).toBe(200);
    // The rate inflow is 1,000 per 100,000 everywhere (0.01 of the population).
    expect(block('ensemble', 'baseline', 'per100k').measures.inflows['2:S0']![2]!.mean).toBe(1000);
    // S1 program year 1 in paris: 718.8854382 × 5 = 3594.427191.
    close(block('paris', 'program', 'per100k').measures.counts.S1![1]!.mean, 3594.427191);
    // Flow difference, ensemble: −168q × 10/3 = −52.87922696.
    close(block('ensemble', 'difference', 'per100k').measures.flows['S1->S2']![0]!.mean, (-168 * q * 10) / 3);
    // Nurse minutes, year 1, program: paris 44 × 500 = 22,000 → 110,000; lyon 44 × 200 = 8,800 →
    // 88,000; ensemble 30,800 × 10/3 = 102,666.7.
    expect(block('paris', 'program', 'per100k').measures.minutes.nurse![0]!.mean).toBe(110_000);
    expect(block('lyon', 'program', 'per100k').measures.minutes.nurse![0]!.mean).toBe(88_000);
    expect(block('ensemble', 'program', 'per100k').measures.minutes.nurse![0]!.mean).toBe(102_666.7);
    // Total cost difference, ensemble: 68 € × (700 − 280) enrolled = 28,560 € → × 10/3 = 95,200.
    expect(block('ensemble', 'difference', 'per100k').totalCost[0]!).toEqual(point(95_200));
    // Every block exists once: 3 territories (2 + ensemble) × 3 arms × 2 scales = 18.
    const { summaries } = await expectedMode();
    expect(summaries.blocks.map((b) => `${b.territory}/${b.arm}/${b.scale}`)).toEqual(
      ['paris', 'lyon', 'ensemble'].flatMap((t) => ['baseline', 'program', 'difference'].flatMap((a) => [`${t}/${a}/count`, `${t}/${a}/per100k`])),
    );
  });

  it('persons, volumes (persons × frequency), minutes and cost (volumes × per act), FTE and total cost', async () => {
    const { block } = await expectedMode();
    // Year 1, paris, program: E = 0.5 × 1000 = 500 screened, 0.4 × 500 = 200 treated, followed, recalled.
    const program = block('paris', 'program').measures;
    expect(means(program.persons['l1/screen']).slice(0, 1)).toEqual([500]);
    expect([program.persons['l1/treat']![0]!.mean, program.persons['l1/follow']![0]!.mean, program.persons['l1/recall']![0]!.mean]).toEqual([200, 200, 200]);
    // Volumes: screen 500 × 0.25 × 4 (θ central of the gamma: its mean 0.25, a quarter); treat 200 × 2 = 400;
    // follow 200 × 1 a quarter × 4 = 800; recall 200 × 1 = 200.
    expect([program.volumes['l1/screen']![0]!, program.volumes['l1/treat']![0]!, program.volumes['l1/follow']![0]!, program.volumes['l1/recall']![0]!]).toEqual([
      point(500),
      point(400),
      point(800),
      point(200),
    ]);
    // Minutes: nurse 500 × 20 (actor's) + 800 × 15 (follow's own) = 22,000; gp (400 + 200) × 10 = 6,000.
    // FTE: 22,000 / 2,000 = 11; 6,000 / 1,000 = 6. Cost: nurse 500 × 30 + 800 × 5 = 19,000;
    // gp 600 × 25 = 15,000; total 34,000. lab does nothing: 0 everywhere.
    expect(program.minutes.nurse![0]!).toEqual(point(22_000));
    expect(program.minutes.gp![0]!).toEqual(point(6_000));
    expect(program.fte.nurse![0]!).toEqual(point(11));
    expect(program.fte.gp![0]!).toEqual(point(6));
    expect(program.cost.nurse![0]!).toEqual(point(19_000));
    expect(program.cost.gp![0]!).toEqual(point(15_000));
    expect(block('paris', 'program').totalCost[0]!).toEqual(point(34_000));
    for (const measure of ['minutes', 'fte', 'cost'] as const) expect(program[measure].lab).toEqual([point(0), point(0), point(0)]);
    // Usual care, paris year 1: E = 200 → nurse 44 × 200 = 8,800 min (FTE 4.4), 38 × 200 = 7,600 €;
    // gp 12 × 200 = 2,400 min (FTE 2.4), 30 × 200 = 6,000 €; total 68 × 200 = 13,600 €.
    const baseline = block('paris', 'baseline');
    expect([baseline.measures.minutes.nurse![0]!.mean, baseline.measures.fte.nurse![0]!.mean, baseline.measures.cost.nurse![0]!.mean]).toEqual([8_800, 4.4, 7_600]);
    expect([baseline.measures.minutes.gp![0]!.mean, baseline.measures.fte.gp![0]!.mean, baseline.measures.cost.gp![0]!.mean]).toEqual([2_400, 2.4, 6_000]);
    expect(baseline.totalCost[0]!.mean).toBe(13_600);
    // Difference: 300 more enrolled: volumes screen 300, treat 240, follow 480, recall 120;
    // nurse 13,200 min (FTE 6.6); gp 3,600 min (FTE 3.6); total 68 × 300 = 20,400 €.
    const difference = block('paris', 'difference');
    expect(['l1/screen', 'l1/treat', 'l1/follow', 'l1/recall'].map((a) => difference.measures.volumes[a]![0]!.mean)).toEqual([300, 240, 480, 120]);
    expect([difference.measures.minutes.nurse![0]!.mean, difference.measures.fte.nurse![0]!.mean, difference.measures.fte.gp![0]!.mean]).toEqual([13_200, 6.6, 3.6]);
    expect(difference.totalCost[0]!.mean).toBe(20_400);
    // Lyon program (E = 200): total 13,600; ensemble program (E = 700): 47,600 €, nurse FTE
    // 44 × 700 / 2,000 = 15.4, gp FTE 12 × 700 / 1,000 = 8.4; ensemble baseline (E = 280) 19,040 €.
    expect(block('lyon', 'program').totalCost[0]!.mean).toBe(13_600);
    expect(block('ensemble', 'program').totalCost[0]!.mean).toBe(47_600);
    expect(block('ensemble', 'program').measures.fte.nurse![0]!.mean).toBe(15.4);
    expect(block('ensemble', 'program').measures.fte.gp![0]!.mean).toBe(8.4);
    expect(block('ensemble', 'baseline').totalCost[0]!.mean).toBe(19_040);
    // Year 2, paris program: E = 0.5 × 718.8854382 = 359.4427191 → total 68 × E = 24,442.10490 €;
    // follow volumes 0.4 × E × 4 = 575.1083506.
    close(block('paris', 'program').totalCost[1]!.mean, 24_442.1049);
    close(program.volumes['l1/follow']![1]!.mean, 575.1083506);
    // Series lengths: counts years 0…3, everything else years 1…3.
    expect(program.persons['l1/recall']).toHaveLength(3);
    expect(block('paris', 'program').totalCost).toHaveLength(3);
    expect(Object.keys(program.persons)).toEqual(['l1/screen', 'l1/treat', 'l1/follow', 'l1/recall']);
    expect(Object.keys(program.minutes)).toEqual(['gp', 'lab', 'nurse']);
  });

  it('overlay: mean people (person-years) per node and per edge, per year, per territory and arm, then the ensemble', async () => {
    const { summaries } = await expectedMode();
    expect(summaries.overlay.map((o) => `${o.territory}/${o.arm}/${o.logigramme}`)).toEqual(['paris/baseline/l1', 'paris/program/l1', 'lyon/baseline/l1', 'lyon/program/l1', 'ensemble/baseline/l1', 'ensemble/program/l1']);
    // The ensemble's overlay is the sum of the territories' (each kept to 7 digits, hence `close`).
    for (const [e, arm] of [[4, 0], [5, 1]] as const) {
      const [paris, lyon, ensemble] = [summaries.overlay[arm]!, summaries.overlay[2 + arm]!, summaries.overlay[e]!];
      for (const node of Object.keys(paris.nodes)) ensemble.nodes[node]!.forEach((v, y) => close(v, paris.nodes[node]![y]! + lyon.nodes[node]![y]!));
      ensemble.edges.forEach((edge, k) => edge.mean.forEach((v, y) => close(v, paris.edges[k]!.mean[y]! + lyon.edges[k]!.mean[y]!)));
    }
    // Year 1 of the program: 500 enter in paris (below) and 400 × 0.2 = 80 in lyon's usual care.
    expect(summaries.overlay[4]!.nodes.screen![0]).toBe(summaries.overlay[0]!.nodes.screen![0]! + 80);
    const parisProgram = summaries.overlay[1]!;
    // Reachable nodes only (no `orphan`), in topological order. Year 1: E = 500 enter, 200 go to
    // treat, 300 to advice, all 500 leave; year 2: E = 0.5 × 718.8854382 = 359.4427191, treated
    // 0.4 × E = 143.7770876, advice 0.6 × E = 215.6656315.
    expect(Object.keys(parisProgram.nodes)).toEqual(['in', 'screen', 'd', 'advice', 'treat', 'follow', 'recall', 'out']);
    expect(parisProgram.nodes.in![0]).toBe(500);
    expect(parisProgram.nodes.advice![0]).toBe(300);
    expect(parisProgram.nodes.treat![0]).toBe(200);
    expect(parisProgram.nodes.out![0]).toBe(500);
    close(parisProgram.nodes.screen![1], 359.4427191);
    close(parisProgram.nodes.advice![1], 215.6656315);
    close(parisProgram.nodes.recall![1], 143.7770876);
    expect(parisProgram.nodes.d).toHaveLength(3);
    expect(parisProgram.edges.map((e) => [e.from, e.to, e.label, e.mean[0]])).toEqual([
      ['in', 'screen', '', 500],
      ['screen', 'd', '', 500],
      ['d', 'treat', 'yes', 200],
      ['d', 'advice', 'no', 300],
      ['advice', 'out', '', 300],
      ['treat', 'follow', '', 200],
      ['follow', 'recall', '', 200],
      ['recall', 'out', '', 200],
    ]);
    close(parisProgram.edges[3]!.mean[1], 215.6656315);
    // Usual care in lyon: E = 0.2 × 400 = 80, treated 32, advice 48; year 2: E = 0.2 × 400 ×
    // (0.7 + 0.08q) = 56.60433402, treated 22.64173361; the overlay keeps 7 digits: 22.64173.
    const lyonBaseline = summaries.overlay[2]!;
    expect(lyonBaseline.nodes.screen![0]).toBe(80);
    expect(lyonBaseline.edges.find((e) => e.to === 'advice')!.mean[0]).toBe(48);
    expect(lyonBaseline.nodes.treat![1]).toBe(22.64173);
  });

  it('round keeps 7 significant digits and leaves 0 and non-finite values alone', () => {
    expect(round(1 / 3)).toBe(0.3333333);
    expect(round(2 / 3)).toBe(0.6666667);
    expect(round(-123_456_789)).toBe(-123_456_800);
    expect(round(1_234_567)).toBe(1_234_567);
    expect(round(9_999_999.6)).toBe(10_000_000);
    expect(round(0)).toBe(0);
    expect(round(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(round(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(round(Number.NaN)).toBeNaN();
  });
});

describe('chained actions', () => {
  it('are the actions whose only predecessor is an action leading to them, mapped to the first of the chain', async () => {
    const { model } = await expectedMode();
    // Actions in topological order: 0 screen, 1 treat, 2 follow, 3 recall. screen follows the start
    // node (not an action), treat a decision; follow follows treat, recall follows follow → treat.
    expect(model.actions.map((a) => a.id)).toEqual(['l1/screen', 'l1/treat', 'l1/follow', 'l1/recall']);
    expect([...chainedActions(model)].sort()).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });

  it('are not chained after a drawn frequency, a frequency of 0, a decision or two predecessors; the copies take their own frequency', async () => {
    const nodes = [
      'in: { type: start, label: In, next: a }',
      'a: { type: action, label: A, actor: gp, frequency: 1/year, next: b }',
      'b: { type: action, label: B, actor: gp, frequency: { times: { gamma: { mean: 2, sd: 1 } }, per: year }, next: c }',
      'c: { type: action, label: C, actor: gp, frequency: { times: 0, per: year }, next: e }',
      'e: { type: action, label: E, actor: nurse, frequency: { times: 3, per: month }, next: f }',
      'f: { type: action, label: F, actor: nurse, next: d }',
      'd:',
      '  type: decision',
      '  label: D',
      '  variable: { name: x, unit: u }',
      '  branches:',
      '    - { label: yes, when: { gte: 1 }, p: 0.5, next: g }',
      '    - { label: no, when: { lt: 1 }, next: h }',
      'g: { type: action, label: G, actor: gp, frequency: 1/year, next: k }',
      'h: { type: action, label: H, actor: gp, frequency: 1/year, next: k }',
      'k: { type: action, label: K, actor: gp, frequency: 1/year, next: out }',
      'out: { type: end, label: Out }',
    ];
    const { model, block } = await simulate({ mode: 'expected', horizon: 1 }, nodes);
    expect(model.actions.map((a) => a.node)).toEqual(['a', 'b', 'c', 'e', 'f', 'g', 'h', 'k']);
    // b: a drawn frequency; c: times 0 (its volumes are 0 whatever the people); e after c (fixed
    // 3 a month): chained to c; f after e: to c, the chain's first; g, h after a decision; k has two
    // predecessors.
    expect([...chainedActions(model)].sort()).toEqual([
      [3, 2],
      [4, 2],
    ]);
    // Paris program, year 1: 500 enrolled pass a, b, c, e, f; 250 take g, 250 h; 500 reach k.
    // Volumes: a 500; b 500 × 2 (central) = 1,000; c 0; e 500 × 3 × 12 = 18,000; f 500 (once a
    // year by default); g, h 250; k 500.
    const program = block('paris', 'program').measures;
    const ids = ['a', 'b', 'c', 'e', 'f', 'g', 'h', 'k'].map((n) => `l1/${n}`);
    expect(ids.map((id) => program.persons[id]![0]!.mean)).toEqual([500, 500, 500, 500, 500, 250, 250, 500]);
    expect(ids.map((id) => program.volumes[id]![0]!.mean)).toEqual([500, 1000, 0, 18_000, 500, 250, 250, 500]);
    // Per 100,000 (× 5): e 90,000; ensemble (E = 700): e 700 × 36 = 25,200 → × 10/3 = 84,000
    // (a copy is rescaled from the people reached per 100,000, 2333.333: 83,999.99, within 5e-7).
    expect(block('paris', 'program', 'per100k').measures.volumes['l1/e']![0]!.mean).toBe(90_000);
    close(block('ensemble', 'program', 'per100k').measures.volumes['l1/e']![0]!.mean, 84_000);
    // Difference (300 more enrolled in paris): e 300 × 36 = 10,800, f 300.
    expect(block('paris', 'difference').measures.volumes['l1/e']![0]!.mean).toBe(10_800);
    expect(block('paris', 'difference').measures.persons['l1/f']![0]!.mean).toBe(300);
    // Nurse minutes: (18,000 + 500) × 20 = 370,000.
    expect(program.minutes.nurse![0]!.mean).toBe(370_000);
  });
});

/** Mean, sd (n − 1), type-7 quantiles on a sorted copy, MCSE = sd/√n: the reference summary. */
function reference(values: number[]): Summary {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const sorted = [...values].sort((a, b) => a - b);
  const quantile = (p: number) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, n - 1)]! - sorted[lo]!);
  };
  return { mean, sd, median: quantile(0.5), p025: quantile(0.025), p975: quantile(0.975), mcse: sd / Math.sqrt(n) };
}

describe('summaries against the records, iteration by iteration', () => {
  // Every derived measure from the recorded ones, by hand: per action its actor, frequency and
  // minutes and cost per act (screen's frequency is drawn: θ of each iteration).
  const ACTIONS = [
    { id: 'l1/screen', actor: 'nurse', times: NaN, perYear: 4, minutes: 20, cost: 30 },
    { id: 'l1/treat', actor: 'gp', times: 2, perYear: 1, minutes: 10, cost: 25 },
    { id: 'l1/follow', actor: 'nurse', times: 1, perYear: 4, minutes: 15, cost: 5 },
    { id: 'l1/recall', actor: 'gp', times: 1, perYear: 1, minutes: 10, cost: 25 },
  ];
  const FTE_MINUTES: Record<string, number> = { gp: 1000, lab: 90_000, nurse: 2000 };
  const STATES = ['S0', 'S1', 'S2', 'dead'];
  const TRANSITIONS = ['S1->S2', 'S1->dead', 'S2->dead'];
  const EVENTS: Record<string, string[]> = { 'new-cases': ['S1->S2'], deaths: ['S1->dead', 'S2->dead'] };
  const INFLOWS = ['1:S0', '2:S0'];
  const POPULATIONS = [20_000, 10_000];

  it.each(['psa', 'stochastic'] as const)('%s: program = baseline + difference, ensemble = Σ territories, derived measures, per 100,000 (9 iterations)', async (mode) => {
    const { model, output, summaries } = await simulate({ mode, iterations: 9 });
    const N = 9;
    const H = 3;
    expect(model.iterations).toBe(N);
    const P = model.parameters.specs.length;
    const screenTimes = model.actions[0]!.times; // the θ slot of screen's drawn frequency
    const layout = output.layout;
    const at = (t: number, record: number, offset: number) => Array.from(output.records[2 * t + record]!.subarray(offset * N, (offset + 1) * N));
    // One territory's per-iteration values of a recorded offset, for an arm: the records hold the
    // baseline and the difference; the program is their sum.
    const recorded = (t: number, arm: ArmName, offset: number): number[] => {
      if (arm === 'baseline') return at(t, 0, offset);
      if (arm === 'difference') return at(t, 1, offset);
      const difference = at(t, 1, offset);
      return at(t, 0, offset).map((b, i) => b + difference[i]!);
    };
    const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);
    const zeros = () => new Array<number>(N).fill(0);
    /** Per-iteration values of (measure, key, year) for territory t and an arm. */
    const valuesOf = (t: number, arm: ArmName, measure: string, key: string, year: number): number[] => {
      const rec = (offset: number) => recorded(t, arm, offset);
      const flow = (k: string) => rec(layout.flows + (year - 1) * TRANSITIONS.length + TRANSITIONS.indexOf(k));
      const volumes = (a: (typeof ACTIONS)[number]) => {
        const persons = rec(layout.persons + (year - 1) * ACTIONS.length + ACTIONS.indexOf(a));
        return persons.map((x, i) => x * (Number.isNaN(a.times) ? output.thetas[i * P + screenTimes]! : a.times) * a.perYear);
      };
      const actorSum = (actor: string, perAct: (a: (typeof ACTIONS)[number]) => number) =>
        ACTIONS.filter((a) => a.actor === actor).reduce((sum, a) => add(sum, volumes(a).map((v) => v * perAct(a))), zeros());
      switch (measure) {
        case 'counts':
          return rec(layout.counts + year * STATES.length + STATES.indexOf(key));
        case 'flows':
          return flow(key);
        case 'events':
          return EVENTS[key]!.reduce((sum, k) => add(sum, flow(k)), zeros());
        case 'inflows':
          return rec(layout.inflows + (year - 1) * INFLOWS.length + INFLOWS.indexOf(key));
        case 'persons':
          return rec(layout.persons + (year - 1) * ACTIONS.length + ACTIONS.findIndex((a) => a.id === key));
        case 'volumes':
          return volumes(ACTIONS.find((a) => a.id === key)!);
        case 'minutes':
          return actorSum(key, (a) => a.minutes);
        case 'fte':
          return actorSum(key, (a) => a.minutes).map((m) => m / FTE_MINUTES[key]!);
        case 'cost':
          return actorSum(key, (a) => a.cost);
        default: // totalCost
          return ['gp', 'lab', 'nurse'].reduce((sum, actor) => add(sum, actorSum(actor, (a) => a.cost)), zeros());
      }
    };
    const keys: Record<string, string[]> = {
      counts: STATES,
      flows: TRANSITIONS,
      events: Object.keys(EVENTS),
      inflows: INFLOWS,
      persons: ACTIONS.map((a) => a.id),
      volumes: ACTIONS.map((a) => a.id),
      minutes: ['gp', 'lab', 'nurse'],
      fte: ['gp', 'lab', 'nurse'],
      cost: ['gp', 'lab', 'nurse'],
    };
    // Measures rescaled from another summary are rounded once more (volumes of a fixed frequency,
    // FTE, chained actions), and per 100,000 once more again: half a unit of the 7th digit each.
    const roundings = (measure: string, key: string) => (measure === 'fte' || (measure === 'volumes' && key !== 'l1/screen') ? 2 : 1);
    const mismatches: string[] = [];
    let checked = 0;
    let spread = 0;
    for (const [t, territory] of ['paris', 'lyon', 'ensemble'].entries()) {
      for (const arm of ['baseline', 'program', 'difference'] as const) {
        for (const scale of ['count', 'per100k'] as const) {
          const block = summaries.blocks.find((b) => b.territory === territory && b.arm === arm && b.scale === scale)!;
          const population = territory === 'ensemble' ? 30_000 : POPULATIONS[t]!;
          const factor = scale === 'count' ? 1 : 100_000 / population;
          const check = (actual: Summary, measure: string, key: string, year: number) => {
            const values = territory === 'ensemble' ? add(valuesOf(0, arm, measure, key, year), valuesOf(1, arm, measure, key, year)) : valuesOf(t, arm, measure, key, year);
            const expected = reference(values);
            const relative = 5e-7 * (roundings(measure, key) + (scale === 'per100k' ? 1 : 0)) + 1e-12;
            const slack = 1e-9 * Math.max(...values.map(Math.abs)) * factor; // float noise of sums
            for (const field of ['mean', 'sd', 'median', 'p025', 'p975', 'mcse'] as const) {
              const e = expected[field] * factor;
              if (!(Math.abs(actual[field] - e) <= relative * Math.abs(e) + slack)) mismatches.push(`${territory} ${arm} ${scale} ${measure} ${key} year ${year} ${field}: ${actual[field]} vs ${e}`);
            }
            if (expected.sd > 0) spread++;
            checked++;
          };
          for (const [measure, list] of Object.entries(keys)) {
            const byKey = block.measures[measure as keyof typeof block.measures];
            expect(Object.keys(byKey), measure).toEqual(list);
            for (const key of list) {
              const series = byKey[key]!;
              const first = measure === 'counts' ? 0 : 1;
              expect(series, `${measure} ${key}`).toHaveLength(H + 1 - first);
              series.forEach((s, i) => check(s, measure, key, first + i));
            }
          }
          expect(block.totalCost).toHaveLength(H);
          block.totalCost.forEach((s, i) => check(s, 'totalCost', 'total', i + 1));
        }
      }
    }
    expect(mismatches).toEqual([]);
    // 18 blocks × (16 counts + 3 × (3 flows + 2 events + 2 inflows + 8 actions + 9 actors + 1 total)).
    expect(checked).toBe(18 * (16 + 3 * 25));
    expect(spread, `${spread} of ${checked} with a spread`).toBeGreaterThan(checked / 2); // not a comparison of constants

    // The overlay: per iteration, the people at an action node are its persons record, and the
    // overlay holds their mean over the iterations (the sums divided by N).
    for (const [t, territory] of ['paris', 'lyon'].entries()) {
      for (const arm of ['baseline', 'program'] as const) {
        const overlay = summaries.overlay.find((o) => o.territory === territory && o.arm === arm)!;
        for (let year = 1; year <= H; year++) {
          const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / N;
          const screened = mean(valuesOf(t, arm, 'persons', 'l1/screen', year));
          const treated = mean(valuesOf(t, arm, 'persons', 'l1/treat', year));
          close(overlay.nodes.in![year - 1], screened, 1e-6);
          close(overlay.nodes.recall![year - 1], mean(valuesOf(t, arm, 'persons', 'l1/recall', year)), 1e-6);
          close(overlay.edges.find((e) => e.from === 'd' && e.to === 'advice')!.mean[year - 1], screened - treated, 1e-6);
        }
      }
    }
  });
});

describe('results.json', () => {
  it('holds the manifest, the dimensions, the logigrammes as drawn and the summaries', async () => {
    const { dir, model, summaries } = await expectedMode();
    const results = buildResults(model, summaries, '1.2.3');
    // The SHA-256 of the one input file, hashed here from its bytes.
    const sha256 = createHash('sha256').update(readFileSync(path.join(dir, 'model.yaml'))).digest('hex');
    expect(results.manifest).toEqual({
      tool: 'logi',
      version: '1.2.3',
      scenario: 's',
      pyramid: 'p',
      seed: 5,
      iterations: 1, // the expected mode runs one iteration
      mode: 'expected',
      horizon: 3,
      cyclesPerYear: 1,
      streams: 'keyed-murmur3-alea/3',
      inputs: [{ file: 'model.yaml', sha256 }],
    });
    expect(results.years).toEqual([0, 1, 2, 3]);
    expect(results.states).toEqual([
      { id: 'S0', title: 'Well', exit: false },
      { id: 'S1', title: 'At risk', exit: false },
      { id: 'S2', title: 'Ill', exit: false },
      { id: 'dead', title: 'Dead', exit: true },
    ]);
    expect(results.transitions).toEqual(['S1->S2', 'S1->dead', 'S2->dead']);
    expect(results.events).toEqual([
      { name: 'new-cases', title: 'new-cases', desirable: false, transitions: ['S1->S2'], moves: [] },
      { name: 'deaths', title: 'deaths', desirable: false, transitions: ['S1->dead', 'S2->dead'], moves: [] },
    ]);
    expect(results.moves).toEqual([]);
    expect(results.programCosts).toEqual([]);
    expect(results.actions).toEqual([
      { id: 'l1/screen', logigramme: 'l1', node: 'screen', label: 'Screen', actor: 'nurse' },
      { id: 'l1/treat', logigramme: 'l1', node: 'treat', label: 'Treat', actor: 'gp' },
      { id: 'l1/follow', logigramme: 'l1', node: 'follow', label: 'Follow-up', actor: 'nurse' },
      { id: 'l1/recall', logigramme: 'l1', node: 'recall', label: 'Recall', actor: 'gp' },
    ]);
    expect(results.actors).toEqual([
      { id: 'gp', title: 'GP', fteMinutesPerYear: 1000 },
      { id: 'lab', title: 'Lab', fteMinutesPerYear: 90_000 },
      { id: 'nurse', title: 'Nurse', fteMinutesPerYear: 2000 },
    ]);
    expect(results.territories).toEqual([
      { id: 'paris', title: 'Paris', population: 20_000, workforce: { gp: 2 } },
      { id: 'lyon', title: 'Lyon', population: 10_000, workforce: {} },
    ]);
    expect(results.arms).toEqual({ baseline: { id: 'usual', title: 'Usual care' }, program: { id: 'enhanced', title: 'Enhanced' } });
    // Reachable nodes in topological order (ties by position in the YAML: advice before treat),
    // with the actor of action nodes; edges in node order, `next` before branches, with labels.
    expect(results.logigrammes).toEqual([
      {
        id: 'l1',
        title: 'Pathway',
        stratum: 'S1',
        nodes: [
          { id: 'in', type: 'start', label: 'In' },
          { id: 'screen', type: 'action', label: 'Screen', actor: 'nurse' },
          { id: 'd', type: 'decision', label: 'Eligible?' },
          { id: 'advice', type: 'refer', label: 'Advice' },
          { id: 'treat', type: 'action', label: 'Treat', actor: 'gp' },
          { id: 'follow', type: 'action', label: 'Follow-up', actor: 'nurse' },
          { id: 'recall', type: 'action', label: 'Recall', actor: 'gp' },
          { id: 'out', type: 'end', label: 'Out' },
        ],
        edges: [
          { from: 'in', to: 'screen', label: '' },
          { from: 'screen', to: 'd', label: '' },
          { from: 'd', to: 'treat', label: 'yes' },
          { from: 'd', to: 'advice', label: 'no' },
          { from: 'advice', to: 'out', label: '' },
          { from: 'treat', to: 'follow', label: '' },
          { from: 'follow', to: 'recall', label: '' },
          { from: 'recall', to: 'out', label: '' },
        ],
      },
    ]);
    expect(results.logigrammes[0]!.nodes.find((n) => n.id === 'd')).not.toHaveProperty('actor');
    expect(results.summaries).toBe(summaries.blocks);
    expect(results.overlay).toBe(summaries.overlay);
    expect(() => ResultsSchema.parse(results)).not.toThrow();
  });

  it('serializes to one line of JSON and a newline, which parses back to the same results', async () => {
    const { model, summaries } = await expectedMode();
    const results = buildResults(model, summaries, '1.2.3');
    const text = serializeResults(results);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(JSON.parse(text)).toEqual(results);
    expect(text.startsWith('{"manifest":{"tool":"logi","version":"1.2.3"')).toBe(true);
  });
});

describe('summary.csv', () => {
  const s = (mean: number, sd = 0, median = mean, p025 = mean, p975 = mean, mcse = 0): Summary => ({ mean, sd, median, p025, p975, mcse });

  it('has a header and one row per territory, scale, arm, measure, key and year: counts from year 0, the rest and totalCost from year 1', async () => {
    const { model, summaries } = await expectedMode();
    const csv = summariesCsv(buildResults(model, summaries, '1.2.3'), { delimiter: ';' });
    expect(csv.endsWith('\n')).toBe(true);
    const lines = csv.slice(0, -1).split('\n');
    expect(lines[0]).toBe('territory;scale;arm;measure;key;year;mean;sd;median;p2_5;p97_5;mcse');
    // Per block: counts 4 states × 4 years = 16; 3 years × (3 flows + 2 events + 2 inflows +
    // 4 persons + 4 volumes + 1 enrolled stratum (S1) + 3 × 3 actor measures + 1 total cost) =
    // 78; then the valuation lines (acts/assurance-maladie, totalCost, lifeYears: no utilities), each
    // undiscounted and discounted, 6 rows; 100 rows × 18 blocks.
    expect(lines).toHaveLength(1 + 18 * 100);
    const results = buildResults(model, summaries, '1.2.3');
    const ensemble = results.summaries.find((b) => b.territory === 'ensemble' && b.scale === 'count' && b.arm === 'difference')!;
    const total = ensemble.economics!.totalCost!.discounted.mean;
    expect(lines).toContain(`ensemble;count;difference;valuation-discounted;totalCost;;${String(total).replace('.', ',')};0;${String(total).replace('.', ',')};${String(total).replace('.', ',')};${String(total).replace('.', ',')};0`);
    expect(lines.filter((l) => l.startsWith('paris;count;baseline;valuation')).map((l) => l.split(';').slice(3, 6).join(';'))).toEqual([
      'valuation;acts/assurance-maladie;',
      'valuation-discounted;acts/assurance-maladie;',
      'valuation;totalCost;',
      'valuation-discounted;totalCost;',
      'valuation;lifeYears;',
      'valuation-discounted;lifeYears;',
    ]);
    expect(lines.every((l) => l.split(';').length === 12)).toBe(true);
    // The first rows: paris, count, baseline, counts of S0 at years 0…3 (500 + 230 a year).
    expect(lines.slice(1, 5)).toEqual(['paris;count;baseline;counts;S0;0;500;0;500;500;500;0', 'paris;count;baseline;counts;S0;1;730;0;730;730;730;0', 'paris;count;baseline;counts;S0;2;960;0;960;960;960;0', 'paris;count;baseline;counts;S0;3;1190;0;1190;1190;1190;0']);
    // Decimal commas: the nurse's FTE in paris under usual care, year 1: 44 × 200 / 2,000 = 4.4;
    // her minutes per 100,000 in the ensemble program: 30,800 × 10/3 = 102,666.7.
    expect(lines).toContain('paris;count;baseline;fte;nurse;1;4,4;0;4,4;4,4;4,4;0');
    expect(lines).toContain('ensemble;per100k;program;minutes;nurse;1;102666,7;0;102666,7;102666,7;102666,7;0');
    // Flows from year 1 to 3; counts from year 0 to 3.
    expect(lines.filter((l) => l.startsWith('lyon;count;program;flows;S1->S2;')).map((l) => l.split(';')[5])).toEqual(['1', '2', '3']);
    expect(lines.filter((l) => l.startsWith('lyon;per100k;difference;counts;dead;')).map((l) => l.split(';')[5])).toEqual(['0', '1', '2', '3']);
    // FTE of the nurse, year 1, paris program: 11; total cost of the ensemble difference per
    // 100,000: 95,200 (see above), from year 1 to year 3.
    expect(lines).toContain('paris;count;program;fte;nurse;1;11;0;11;11;11;0');
    expect(lines).toContain('ensemble;per100k;difference;totalCost;total;1;95200;0;95200;95200;95200;0');
    expect(lines.filter((l) => l.startsWith('ensemble;per100k;difference;totalCost;total;')).map((l) => l.split(';')[5])).toEqual(['1', '2', '3']);
    // The last row: the ensemble's per-100,000 difference of the discounted life-years.
    expect(lines.at(-1)!.startsWith('ensemble;per100k;difference;valuation-discounted;lifeYears;;')).toBe(true);
    // With commas: the same row, decimal points.
    const commas = summariesCsv(buildResults(model, summaries, '1.2.3'), { delimiter: ',' });
    expect(commas.split('\n')).toContain('paris,count,baseline,fte,nurse,1,4.4,0,4.4,4.4,4.4,0');
    expect(commas.split('\n')).toContain('ensemble,per100k,program,minutes,nurse,1,102666.7,0,102666.7,102666.7,102666.7,0');
    expect(commas.split('\n')[0]).toBe('territory,scale,arm,measure,key,year,mean,sd,median,p2_5,p97_5,mcse');
  });

  it('quotes a field holding the delimiter or a quote, doubling its quotes, and writes every statistic in order', async () => {
    const { model, summaries } = await expectedMode();
    const results = buildResults(model, summaries, '1.2.3');
    const empty = { counts: {}, flows: {}, events: {}, inflows: {}, persons: {}, volumes: {}, minutes: {}, fte: {}, cost: {} };
    const block: SummaryBlock = {
      territory: 'Nord; "Pas-de-Calais"',
      scale: 'per100k',
      arm: 'difference',
      measures: { ...empty, counts: { S1: [s(1.5, 0.25, 1.75, 1, 2, 0.125), s(-2)] }, flows: { 'a;b': [s(1e-7)] }, events: { 'say "hi"': [s(1234.5)] }, persons: { 'c,d': [s(0)] } },
      totalCost: [s(10.25), s(20)],
    };
    const synthetic: Results = { ...results, summaries: [block] };
    const territory = '"Nord; ""Pas-de-Calais"""';
    expect(summariesCsv(synthetic, { delimiter: ';' })).toBe(
      [
        'territory;scale;arm;measure;key;year;mean;sd;median;p2_5;p97_5;mcse',
        `${territory};per100k;difference;counts;S1;0;1,5;0,25;1,75;1;2;0,125`,
        `${territory};per100k;difference;counts;S1;1;-2;0;-2;-2;-2;0`,
        `${territory};per100k;difference;flows;"a;b";1;1e-7;0;1e-7;1e-7;1e-7;0`,
        `${territory};per100k;difference;events;"say ""hi""";1;1234,5;0;1234,5;1234,5;1234,5;0`,
        `${territory};per100k;difference;persons;c,d;1;0;0;0;0;0;0`,
        `${territory};per100k;difference;totalCost;total;1;10,25;0;10,25;10,25;10,25;0`,
        `${territory};per100k;difference;totalCost;total;2;20;0;20;20;20;0`,
        '',
      ].join('\n'),
    );
    expect(summariesCsv(synthetic, { delimiter: ',' })).toBe(
      [
        'territory,scale,arm,measure,key,year,mean,sd,median,p2_5,p97_5,mcse',
        `${territory},per100k,difference,counts,S1,0,1.5,0.25,1.75,1,2,0.125`,
        `${territory},per100k,difference,counts,S1,1,-2,0,-2,-2,-2,0`,
        `${territory},per100k,difference,flows,a;b,1,1e-7,0,1e-7,1e-7,1e-7,0`,
        `${territory},per100k,difference,events,"say ""hi""",1,1234.5,0,1234.5,1234.5,1234.5,0`,
        `${territory},per100k,difference,persons,"c,d",1,0,0,0,0,0,0`,
        `${territory},per100k,difference,totalCost,total,1,10.25,0,10.25,10.25,10.25,0`,
        `${territory},per100k,difference,totalCost,total,2,20,0,20,20,20,0`,
        '',
      ].join('\n'),
    );
  });
});

describe('the terminal summary', () => {
  it('of the model: strata at the start, the middle year and the horizon; events; workload by profession; total cost', async () => {
    const { model, summaries } = await expectedMode();
    // Ensemble S1 (1400 at the start): usual care 1400 × (0.7 + 0.08q)^y = 700.886 (year 2),
    // 495.915 (year 3); program 1400 × (0.7 + 0.2q)^y = 723.515, 520.124; difference +24.209.
    // S2: S2(y) = 0.95 S2(y − 1) + S1(y − 1)(0.2 − 0.4cq): usual care 140 → 402.424 → 572.935 →
    // 679.171; program 140 → 386.560 → 549.513 → 653.077; difference −26.094.
    // dead: usual care 147 → 266.179 → 364.914; program 147 → 266.972 → 366.799; +1.885.
    // S0: 600 + 360 a year: 1320 and 1680 in both arms.
    // Events (ensemble): new cases usual care 269.424 + 190.632 + 134.883 = 594.939, program
    // 253.560 + 182.281 + 131.039 = 566.880, difference −28.059, of which year 3 −3.844; deaths
    // usual care 147 + 119.179 + 98.735 = 364.914, program 147 + 119.972 + 99.827 = 366.799,
    // difference +1.885, of which year 3 +1.092.
    // Year 3 enrolled: usual care 0.2 × 700.886 = 140.177, program 0.5 × 723.515 = 361.757.
    // Nurse: acts 2.6 × 361.757 = 940.57; FTE 44 × 140.177 / 2000 = 3.084 and 44 × 361.757 / 2000
    // = 7.959, +4.875; cost 38 × 361.757 = 13,746.8. GP: acts 1.2 × 361.757 = 434.11; FTE
    // 12 × 140.177 / 1000 = 1.682 and 4.341, +2.659; cost 30 × 361.757 = 10,852.7. Lab: nothing,
    // not shown. Nurse first (more FTE in the program). Total cost: 68 × 140.177 = 9,532.05,
    // 68 × 361.757 = 24,599.50, difference 15,067.45.
    // The valuation that follows (issue 16) is checked with hand-written figures below.
    expect(formatSummary(buildResults(model, summaries, '1.2.3')).split('\n\nValuation over')[0]).toBe(
      [
        'Scenario s — pyramid p, 2 territories, 1 iteration (expected), seed 5, 3 years',
        'Baseline: Usual care.  Program: Enhanced.',
        '',
        'People per stratum, all territories (mean; program − baseline with its 95 % interval at the horizon)',
        '            start  year 2 baseline  year 3 baseline  year 2 program  year 3 program  difference, year 3',
        'S0 Well       600            1 320            1 680           1 320           1 680           0 [0 ; 0]',
        'S1 At risk  1 400              701              496             724             520     +24 [+24 ; +24]',
        'S2 Ill        140              573              679             550             653     -26 [-26 ; -26]',
        'dead Dead       0              266              365             267             367        +2 [+2 ; +2]',
        '',
        'Events over 3 years, all territories (program − baseline; negative = averted)',
        'event      baseline  program  difference [95 % interval]',
        'new-cases       595      567  -28 (year 3: -4 [-4 ; -4])',
        'deaths          365      367  +2 (year 3: +1 [+1 ; +1])',
        '',
        'Workload by profession, year 3, all territories (mean)',
        'profession  acts (program)  FTE baseline  FTE program  FTE difference [95 %]  cost program (€)',
        'Nurse                  941           3.1          8.0  +4.9 [+4.9 ; +4.9]               13 747',
        'GP                     434           1.7          4.3  +2.7 [+2.7 ; +2.7]               10 853',
        '',
        'Total cost of the acts, year 3: baseline 9 532 €, program 24 600 €, difference +15 067 € [+15 067 ; +15 067]',
      ].join('\n'),
    );
  });

  it('the valuation over the horizon (issue 16): each line discounted for both arms and the difference, then the decision', async () => {
    const { model, summaries } = await expectedMode();
    const results = buildResults(model, summaries, '1.2.3');
    const s = (mean: number, p025 = mean, p975 = mean): Summary => ({ mean, sd: 0, median: mean, p025, p975, mcse: 0 });
    const set = (arm: string, lines: Record<string, Summary>) => {
      const block = results.summaries.find((b) => b.territory === 'ensemble' && b.scale === 'count' && b.arm === arm)!;
      block.economics = Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, { undiscounted: s(0), discounted: v }]));
    };
    results.economics = { discount: { costs: 0.03, outcomes: 0.015 }, stateTime: 'end', outcome: 'qalys', threshold: 30000, payers: ['assurance-maladie'], lines: ['acts/assurance-maladie', 'totalCost', 'lifeYears', 'qalys'] };
    set('baseline', { 'acts/assurance-maladie': s(1000), totalCost: s(1000), lifeYears: s(200.04), qalys: s(150) });
    set('program', { 'acts/assurance-maladie': s(3500.4), totalCost: s(3500.4), lifeYears: s(201), qalys: s(150.5) });
    set('difference', { 'acts/assurance-maladie': s(2500.4, 2000, 3100), totalCost: s(2500.4, 2000, 3100), lifeYears: s(0.96, 0.5, 1.44), qalys: s(0.5, -0.1, 1) });
    const ensemble = { territory: 'ensemble', people: 2000, incrementalCost: 2500.4, incrementalEffect: 0.5, icer: 5000.8, verdict: 'more-costly-more-effective' as const, netMonetaryBenefit: 12499.6, probabilityCostEffective: 0.875, evpi: { perPerson: 0.25, population: 500 }, acceptability: [] };
    results.decision = { outcome: 'qalys', threshold: 30000, summaries: [ensemble] };
    expect(formatSummary(results).split('\n\n').at(-1)).toBe(
      [
        'Valuation over 3 years, all territories (discounted: costs 3.0%, outcomes 1.5% a year; person-time: end; docs/economics.md):',
        'Discounted total             baseline  program  difference [95 % interval]',
        'Acts (assurance-maladie, €)     1 000    3 500  +2 500 [+2 000 ; +3 100]',
        'Costs, all (€)                  1 000    3 500  +2 500 [+2 000 ; +3 100]',
        'Life-years                      200.0    201.0  +1.0 [+0.5 ; +1.4]',
        'QALYs                           150.0    150.5  +0.5 [-0.1 ; +1.0]',
        'ICER: 5 001 € per QALY gained; probability of being cost-effective at 30 000 € per unit: 87.5%; EVPI: 500 € (0.3 € per person).',
      ].join('\n'),
    );
  });

  it('prints a small negative value that rounds to zero as 0, not -0, and without a plus sign', async () => {
    const { model, summaries } = await expectedMode();
    const results = buildResults(model, summaries, '1.2.3');
    const difference = results.summaries.find((b) => b.territory === 'ensemble' && b.scale === 'count' && b.arm === 'difference')!;
    // S0's difference at the horizon −0.4 [−0.4 ; −0.3]: "0 [0 ; 0]"; the GP's FTE difference −0.04: "0.0 [0.0 ; 0.0]".
    difference.measures.counts.S0![3] = { mean: -0.4, sd: 0, median: -0.4, p025: -0.4, p975: -0.3, mcse: 0 };
    difference.measures.fte.gp![2] = { mean: -0.04, sd: 0, median: -0.04, p025: -0.04, p975: 0.03, mcse: 0 };
    const text = formatSummary(results);
    expect(text).toMatch(/^S0 Well .* 0 \[0 ; 0\]$/m);
    expect(text).toMatch(/^GP .* 0\.0 \[0\.0 ; 0\.0\] /m);
    expect(text).not.toMatch(/-0(?![.\d])|-0\.0(?!\d)/);
  });

  it('of hand-written results: one territory, intervals, no events, long titles cut at 48 characters, the 10 professions with most program FTE', async () => {
    const { model, summaries } = await expectedMode();
    const base = buildResults(model, summaries, '1.2.3');
    const s = (mean: number, p025 = mean, p975 = mean): Summary => ({ mean, sd: 0, median: mean, p025, p975, mcse: 0 });
    const years = (values: number[]) => values.map((v) => s(v));
    const H = 5;
    const long = 'A stratum whose title runs well beyond the limit of the table';
    const CLOSED = 'Closed service of a hospital that has shut its doors for good'; // cut after 'its d' (48)
    // Professions: x1…x7 with program FTE 1…7 (usual care 1); gp nothing; nurse 12.36 FTE; closed
    // (a long title, cut at 48 characters) and late have no FTE in the program but some in usual care. Sorted by program FTE: nurse,
    // x7…x1, then the ties at 0 in their order (gp, closed, late): the first 10 are shown, except
    // gp (0 in both arms); late (11th) is cut.
    const xs = [1, 2, 3, 4, 5, 6, 7].map((k) => ({ id: `x${k}`, title: `Profession ${k}`, fteMinutesPerYear: 1000 }));
    const actors = [...xs, { id: 'gp', title: 'GP', fteMinutesPerYear: 1000 }, { id: 'nurse', title: 'Nurse', fteMinutesPerYear: 1000 }, { id: 'closed', title: CLOSED, fteMinutesPerYear: 1000 }, { id: 'late', title: 'Late', fteMinutesPerYear: 1000 }];
    type Arm = 'baseline' | 'program' | 'difference';
    // FTE in year 5 (index 4) per arm; other years hold 99 so that a wrong year shows.
    const fteAt: Record<string, Record<Arm, Summary>> = {
      gp: { baseline: s(0), program: s(0), difference: s(0) },
      nurse: { baseline: s(2.24), program: s(12.36), difference: s(10.12, 9.96, 10.31) },
      closed: { baseline: s(1.5), program: s(0), difference: s(-1.5, -1.64, -1.36) },
      late: { baseline: s(3), program: s(0), difference: s(-3) },
      ...Object.fromEntries(xs.map((x, k) => [x.id, { baseline: s(1), program: s(k + 1), difference: s(k, k - 0.5, k + 0.5) }])),
    };
    const byYear = (at: Summary) => [s(99), s(99), s(99), s(99), at];
    const block = (arm: Arm): SummaryBlock => ({
      territory: 'ensemble',
      scale: 'count',
      arm,
      measures: {
        counts: {
          S1: arm === 'difference' ? [s(0), s(99), s(99), s(-100.2), s(99), s(-1234.4, -2500.7, 12.2)] : arm === 'baseline' ? years([1000, 99, 99, 2500.4, 99, 3100.6]) : years([1000, 99, 99, 2400.2, 99, 1866.2]),
          dead: years([0, 0, 0, 0, 0, 0]),
        },
        flows: {},
        events: {},
        inflows: {},
        persons: {},
        // Program acts in year 5: the nurse's two actions 1500.2 + 2000.4 = 3500.6 → 3 501.
        volumes: { 'l/a1': byYear(s(1500.2)), 'l/a2': byYear(s(2000.4)) },
        minutes: {},
        fte: Object.fromEntries(actors.map((a) => [a.id, byYear(fteAt[a.id]![arm])])),
        cost: Object.fromEntries(actors.map((a) => [a.id, byYear(s(a.id === 'nurse' ? 123_456.7 : 100))])),
      },
      totalCost: byYear(arm === 'baseline' ? s(1000.4) : arm === 'program' ? s(2000.6) : s(1000.2, -5.4, 2100.7)),
    });
    const results: Results = {
      ...base,
      manifest: { ...base.manifest, scenario: 'demo', pyramid: 'pyr', iterations: 2, mode: 'psa', seed: 42, horizon: H },
      years: [0, 1, 2, 3, 4, 5],
      states: [
        { id: 'S1', title: long, exit: false },
        { id: 'dead', title: 'Dead', exit: true },
      ],
      events: [],
      actions: [
        { id: 'l/a1', logigramme: 'l', node: 'a1', label: 'A1', actor: 'nurse' },
        { id: 'l/a2', logigramme: 'l', node: 'a2', label: 'A2', actor: 'nurse' },
        { id: 'l/g', logigramme: 'l', node: 'g', label: 'G', actor: 'closed' }, // no volumes: 0 acts
      ],
      actors,
      territories: [base.territories[0]!],
      arms: { baseline: { id: 'b', title: 'Before' }, program: { id: 'a', title: 'After' } },
      summaries: [block('baseline'), block('program'), block('difference')],
    };
    // Years shown: 0, ⌈5/2⌉ = 3 and 5. "S1 " + the title, cut to 48 characters.
    // 'S1 A stratum whose title runs well beyond the li' is 48 characters.
    expect(formatSummary(results)).toBe(
      [
        'Scenario demo — pyramid pyr, 1 territory, 2 iterations (psa), seed 42, 5 years',
        'Baseline: Before.  Program: After.',
        '',
        'People per stratum, all territories (mean; program − baseline with its 95 % interval at the horizon)',
        '                                                  start  year 3 baseline  year 5 baseline  year 3 program  year 5 program     difference, year 5',
        'S1 A stratum whose title runs well beyond the li  1 000            2 500            3 101           2 400           1 866  -1 234 [-2 501 ; +12]',
        'dead Dead                                             0                0                0               0               0              0 [0 ; 0]',
        '',
        'Workload by profession, year 5, all territories (mean)',
        'profession                                        acts (program)  FTE baseline  FTE program  FTE difference [95 %]  cost program (€)',
        'Nurse                                                      3 501           2.2         12.4  +10.1 [+10.0 ; +10.3]           123 457',
        'Profession 7                                                   0           1.0          7.0  +6.0 [+5.5 ; +6.5]                  100',
        'Profession 6                                                   0           1.0          6.0  +5.0 [+4.5 ; +5.5]                  100',
        'Profession 5                                                   0           1.0          5.0  +4.0 [+3.5 ; +4.5]                  100',
        'Profession 4                                                   0           1.0          4.0  +3.0 [+2.5 ; +3.5]                  100',
        'Profession 3                                                   0           1.0          3.0  +2.0 [+1.5 ; +2.5]                  100',
        'Profession 2                                                   0           1.0          2.0  +1.0 [+0.5 ; +1.5]                  100',
        'Profession 1                                                   0           1.0          1.0  0.0 [-0.5 ; +0.5]                   100',
        'Closed service of a hospital that has shut its d               0           1.5          0.0  -1.5 [-1.6 ; -1.4]                  100',
        '',
        'Total cost of the acts, year 5: baseline 1 000 €, program 2 001 €, difference +1 000 € [-5 ; +2 101]',
      ].join('\n'),
    );
  });
});
