/**
 * `--mode expected` against an independent re-implementation written from the docs alone
 * (test/sim/oracle/, which never imports src/sim/): issue 14's acceptance test that
 * docs/simulation.md defines the engine's numbers.
 *
 * (a) One small workspace per feature (3 strata and a death, test/sim/oracle/examples.ts). The
 *     oracle is itself checked against hand arithmetic (comments; tolerance 1e-9 relative: the
 *     hand figures are written to 10+ digits or exact), then logi's results.json is compared with
 *     the oracle, figure by figure.
 * (b) The bundled scenarios pionniers-dt2-2026 and pionniers-ic-2026, whatever their content.
 * (c) The bundled files of before issue 14 (test/fixtures/sim/before-14, a workspace of its own):
 *     old files read with the new defaults.
 *
 * Tolerance against logi: results.json keeps 7 significant digits (docs "Differences and
 * precision": single precision, then the summary's rounding), so 1e-6 relative, or 1e-6 absolute
 * for figures near 0.
 */
import { readRunResults } from '../helpers/results.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildResults } from '../../src/sim/results.js';
import { UNDER_MUTATION } from '../helpers/budget.js';
import { REPO, runCli } from '../helpers/cli.js';
import { modelOf, run } from './helpers.js';
import { compareResults, type Discrepancy } from './oracle/compare.js';
import { expected, type ExpectedResult } from './oracle/expected.js';
import { SCENARIO, writeWorkspace, type Pieces } from './oracle/examples.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** 1e-9 relative: the oracle against figures computed by hand. */
function near(actual: number | undefined, wanted: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
}

/**
 * logi's results for a scenario in the expected mode: the command itself, as users run it; under
 * mutation testing the library in this process instead (the same engine and summaries), so that
 * the comparison with the oracle sees the mutants of src/sim (a spawned CLI runs the unmutated dist/).
 */
async function logiResults(dir: string, scenario: string): Promise<{ summaries: never[] }> {
  if (UNDER_MUTATION) {
    const model = await modelOf(dir, scenario, { mode: 'expected' });
    return buildResults(model, (await run(model)).summaries, 'mutation') as unknown as { summaries: never[] };
  }
  return cliResults(dir, scenario);
}

function cliResults(dir: string, scenario: string): { summaries: never[] } {
  const out = mkdtempSync(path.join(os.tmpdir(), 'logi-oracle-out-'));
  temporary.push(out);
  const run = runCli(['simulate', scenario, '--mode', 'expected', '--out', out, '--json', '--workers', '1'], { cwd: dir });
  if (run.status !== 0) {
    const lint = runCli(['lint'], { cwd: dir });
    throw new Error(`logi simulate ${scenario} failed (${run.status}):\n${run.stderr}\n${run.stdout.slice(0, 2000)}\n${lint.stdout.slice(0, 4000)}`);
  }
  return readRunResults(out);
}

function describeDiscrepancies(list: Discrepancy[]): string {
  return list
    .slice(0, 40)
    .map((d) => `${d.territory}/${d.arm} ${d.measure}.${d.key} year ${d.year}: logi ${d.logi}, oracle ${d.oracle}`)
    .join('\n');
}

interface Example {
  name: string;
  pieces: Pieces;
  hand: (result: ExpectedResult) => void;
}

const base = { baseline: '  S1: { logigramme: l1, coverage: 0.2 }', program: '  S1: { logigramme: l1, coverage: 0.2 }' };

const examples: Example[] = [
  {
    name: 'coverage (number, ramp, relative, clamped), decisions (remainder, Dirichlet, every p given), multiplier, inflows',
    pieces: {
      baseline: '  S1: { logigramme: l1, coverage: 0.2 }\n  S2: { logigramme: l2, coverage: { ramp: [0.1, 0.3] } }',
      program: '  S1: { logigramme: l1, coverage: { ramp: [0, 0.3], relative-to: baseline } }\n  S2: { logigramme: l2, coverage: { ramp: [0.5, 0.9], relative-to: baseline } }',
      multipliers: '{ S1->S2: 2 }',
      inflows: ['{ to: S0, count: 50 }', '{ to: S0, rate: 0.01, of: population }', '{ to: S2, rate: 0.1, of: S1 }'],
      l2: `
  debut: { type: start, label: début, next: visit }
  visit: { type: action, label: visite, actor: mg, frequency: 2/year, next: d2 }
  d2:
    type: decision
    label: grade
    probabilities: { dirichlet: [1, 3] }
    branches:
      - { label: a, next: a }
      - { label: b, next: d3 }
  a: { type: action, label: a, actor: mg, frequency: 3/year, next: fin }
  d3:
    type: decision
    label: toutes données
    branches:
      - { label: c, p: 0.4, next: c }
      - { label: e, p: 0.6, next: fin }
  c: { type: action, label: c, actor: diet, frequency: { times: 1, per: quarter }, next: fin }
  fin: { type: end, label: fin }`,
    },
    hand: (r) => {
      const program = r.arms.t!.program;
      // Year 1, S1: N = 1000, coverage 0.2 + 0 → A = 200; 100 coached. S1→S2 after the multiplier
      // 2: 1 − 0.8² = 0.36; with HR 0.5: 1 − 0.64^0.5 = 0.2. Flow 900·0.36 + 100·0.2 = 344.
      near(program.flows['S1->S2']![0], 344);
      // S1 = 900·(1 − 0.41) + 100·(1 − 0.25) + S0→S1 100 = 531 + 75 + 100 = 706.
      near(program.counts.S1![1], 706);
      // S0 = 1000 − 100 + 50 (count) + 0.01 × 10,000 (population) = 1050.
      near(program.counts.S0![1], 1050);
      // S2 = 500 − 50 + 344 + 0.1 × 1000 (S1 at the start of the cycle) = 894; deaths 50 + 50.
      near(program.counts.S2![1], 894);
      near(program.counts.deces![1], 100);
      // S2 year 1: coverage 0.1 + 0.5 = 0.6 → 300 visited, 600 visits; Dirichlet [1, 3]: 75 at a;
      // 225 at d3, 0.4 → 90 at c, 4 acts a year each: 360.
      near(program.persons['l2/visit']![0], 300);
      near(program.volumes['l2/visit']![0], 600);
      near(program.persons['l2/a']![0], 75);
      near(program.volumes['l2/c']![0], 360);
      // Year 2: S1 coverage 0.2 + 0.3 = 0.5 of 706 → 353, 176.5 coached:
      // S1→S2 = 529.5·0.36 + 176.5·0.2 = 190.62 + 35.3 = 225.92.
      near(program.flows['S1->S2']![1], 225.92);
      // S2 year 2: 0.3 + 0.9 clamped to 1 → all 894 enrolled.
      near(program.enrolled.S2![1], 894);
      near(r.arms.t!.baseline.enrolled.S2![1], 0.3 * 894);
    },
  },
  {
    name: 'cycle: quarter',
    pieces: {
      cycle: 'quarter',
      // 1 − 0.9⁴ = 0.3439 a year is 0.1 a quarter.
      transitions: ['{ from: S0, to: S1, p: 0.3439 }', '{ from: S1, to: S2, p: 0.3439 }', '{ from: S2, to: deces, p: 0.3439 }'],
      counts: '{ S0: 1000, S1: 1000, S2: 1000 }',
      baseline: '  S1: { logigramme: l1, coverage: 0.5 }',
      program: '  S1: { logigramme: l1, coverage: 0.5 }\n  S2: { logigramme: l2, coverage: 0.3 }',
      inflows: ['{ to: S2, count: 40 }'],
      l1: `
  debut: { type: start, label: début, next: screen }
  screen: { type: action, label: repérage, actor: mg, frequency: 1/year, next: fin }
  fin: { type: end, label: fin }`,
    },
    hand: (r) => {
      const baseline = r.arms.t!.baseline;
      // Quarters: S0 1000 → 900 → 810 → 729 → 656.1; S1 1000 → 1000 (−100 +100) → 990 (−100 +90)
      // → 972 (−99 +81) → 947.7 (−97.2 +72.9).
      near(baseline.counts.S0![1], 656.1);
      near(baseline.counts.S1![1], 947.7);
      // Persons reached: 0.5 × S1 at each quarter's start ÷ 4 = 0.125 × (1000 + 1000 + 990 + 972).
      near(baseline.persons['l1/screen']![0], 495.25);
      near(baseline.enrolled.S1![0], 495.25);
      // Inflow: 40 a year, 10 a quarter.
      near(baseline.inflows['1:S2']![0], 40);
    },
  },
  {
    name: 'retention with on-transfer keep (program) and drop (baseline)',
    pieces: {
      baseline: '  S1: { logigramme: l1, coverage: 0.2, retention: 0.5, on-transfer: drop }\n  S2: { logigramme: l2, coverage: 0.01 }',
      program: '  S1: { logigramme: l1, coverage: 0.2, retention: 0.5 }\n  S2: { logigramme: l2, coverage: 0.01 }',
    },
    hand: (r) => {
      const { baseline, program } = r.arms.t!;
      // Year 1, S1: E = 0 so q = 0.2, A = 200: 100 coached (S1→S2 1 − 0.8^0.5 = 0.105572809000084),
      // 100 not, 800 not enrolled. Stayers: coached 100·(1 − 0.1055728 − 0.05) = 84.4427190999916,
      // others 75; half of each stays enrolled (ρ = 0.5): E = 42.2213595499958 + 37.5.
      // U = 600 + 42.2213595499958 + 37.5 + S0→S1 100; N = 859.442719099992.
      near(program.counts.S1![1], 859.4427190999916);
      near(program.flows['S1->S2']![0], 190.5572809000084);
      // Year 2, S1: target 0.2 × 859.44 = 171.888543819998 > E = 79.72: topped up to the target.
      near(program.enrolled.S1![1], 171.88854381999832);
      // Year 1, S2: 0.01 × 500 = 5 enrolled. Enrolled who reach S2: 10.5572809 + 20; with keep,
      // half arrive enrolled: E(S2) = 15.2786404500042 > target 0.01 × 640.557 = 6.406: nobody
      // else enrolled, A = 15.2786404500042. With drop, they arrive not enrolled: A = 6.405572809.
      near(program.enrolled.S2![0], 5);
      near(program.enrolled.S2![1], 15.278640450004207);
      near(baseline.enrolled.S2![1], 6.405572809000084);
      near(baseline.counts.S2![1], 640.5572809000084);
    },
  },
  {
    name: 'lasting effects: duration, linear and exponential waning, after-exit stop, products',
    pieces: {
      transitions: ['{ from: S0, to: S1, p: 0.1 }', '{ from: S1, to: S2, p: 0.2 }', '{ from: S1, to: deces, p: 0.05 }', '{ from: S1, to: S0, p: 0.1 }', '{ from: S2, to: deces, p: 0.1 }'],
      baseline: '  S1: { logigramme: l1, coverage: 0 }',
      program: '  S1: { logigramme: l1, coverage: { ramp: [0.2, 0] } }',
      horizon: 5,
      l1: `
  debut: { type: start, label: début, next: screen }
  screen:
    type: action
    label: repérage
    actor: mg
    frequency: 1/year
    effects:
      - { transition: S1->S0, hr: 2, duration: 3, after-exit: stop }
    next: d
  d:
    type: decision
    label: programme ?
    branches:
      - { label: oui, p: 0.5, next: coach }
      - { label: non, next: fin }
  coach:
    type: action
    label: coaching
    actor: diet
    frequency: { times: 6, per: year }
    effects:
      - { transition: S1->S2, hr: 0.5, duration: 4, waning: linear }
      - { transition: S1->deces, hr: 0.25, duration: 3, waning: exponential, half-life: 1 }
      - { transition: S1->S0, hr: 0.5, duration: 2 }
    next: fin
  fin: { type: end, label: fin }`,
    },
    hand: (r) => {
      const program = r.arms.t!.program;
      // Year 1 (a = 0), 200 enrolled. Coached (100): S1→S2 1 − 0.8^0.5 = 0.105572809000084,
      // death 1 − 0.95^0.25 = 0.012741455098566, S1→S0 HR 2 × 0.5 = 1: 0.1; stay 0.78168573590135.
      // Screened only (100): S1→S0 1 − 0.9² = 0.19; stay 0.56. Not enrolled (800): stay 0.65.
      near(program.flows['S1->S0']![0], 80 + 10 + 19);
      near(program.flows['S1->S2']![0], 190.5572809000084);
      // S1 = 520 + 56 + 78.168573590135 + S0→S1 100 = 754.168573590135.
      near(program.counts.S1![1], 754.168573590135);
      // Year 2, nobody enrolled. X(coached, 1) = 78.168573590135: S1→S2 HR 0.5 + 0.5·1/4 = 0.625,
      // 1 − 0.8^0.625 = 0.130176289583607; death HR 0.25^(2^−1) = 0.5, 1 − 0.95^0.5 =
      // 0.0253205655191037; S1→S0: stop gives 1, the other 0.5 (duration 2): 1 − 0.9^0.5 =
      // 0.0513167019494862. The screened-only stayers aged out (stop) into U = 520 + 56 + 100 = 676.
      near(program.flows['S1->S2']![1], 145.37569487200693);
      near(program.flows['S1->S0']![1], 71.61135339274145);
      near(program.counts.deces![2]! - program.counts.deces![1]!, 35.77927248912389 + 0.1 * program.counts.S2![1]!);
    },
  },
  {
    name: 'an enrolled person keeps a lasting effect met in year 1 on a branch without it in year 2',
    pieces: {
      baseline: '  S1: { logigramme: l1, coverage: 0 }',
      // Coverage falls to 0 in year 2: with retention 1 nobody is enrolled and nobody removed, so
      // the same people pass again.
      program: '  S1: { logigramme: l1, coverage: { ramp: [0.2, 0] }, retention: 1 }',
      l1: `
  debut: { type: start, label: début, next: d }
  d:
    type: decision
    label: programme ?
    branches:
      - { label: oui, p: 0.5, next: coach }
      - { label: non, next: fin }
  coach:
    type: action
    label: coaching
    actor: diet
    frequency: 4/year
    effects:
      - { transition: S1->S2, hr: 0.5, duration: 3 }
      - { transition: S1->deces, hr: 0.5 }
    next: fin
  fin: { type: end, label: fin }`,
    },
    hand: (r) => {
      const program = r.arms.t!.program;
      // h = 1 − 0.8^0.5 = 0.105572809000084 (S1→S2 with b, lasting), d = 1 − 0.95^0.5 =
      // 0.0253205655191036 (death with e, duration 1: not carried).
      // Year 1: A = 200, 100 coached {b, e}: S1→S2 160 + 10.5572809000084 + 20; deaths 40 +
      // 2.53205655191036 + 5. Coached stayers 100·(1 − h − d) = 86.9106625480812 all stay enrolled
      // (ρ = 1) carrying {b} = {b, e} ∩ lasting; the 75 others stay enrolled with nothing.
      near(program.flows['S1->S2']![0], 190.5572809000084);
      near(program.flows['S1->deces']![0], 47.53205655191036);
      near(program.counts.S1![1], 861.9106625480812);
      // Year 2: target 0 < E = 161.910662548081 → A = E. Set 0 (75): 37.5 coached {b, e}, 37.5
      // not {}. C({b}) (86.9106625480812): 43.4553312740406 coached {b, e}, 43.4553312740406 not
      // coached — they keep b, in full: group {b}. U = 700 (year 1's 600 stayers and 100 from S0;
      // year 2's 0.1 × 900 from S0 arrive at the end of the cycle).
      // S1→S2 = 700·0.2 + (80.9553312740406 + 43.4553312740406)·h + 37.5·0.2 = 160.634383114762
      // (dropping the carried b would give 164.737747980941).
      near(program.flows['S1->S2']![1], 160.6343831147625);
      // Deaths = 700·0.05 + 80.9553312740406·d + 43.4553312740406·0.05 + 37.5·0.05 =
      // 41.0976013333471 (e, of duration 1, is not carried: carrying it would give 40.0251483323238).
      near(program.flows['S1->deces']![1], 41.09760133334711);
      near(program.persons['l1/coach']![1], 80.9553312740406);
      near(program.enrolled.S1![1], 161.9106625480812);
      // S1 = 525 + 80.9553312740406·(1 − h − d) + 43.4553312740406·(1 − h − 0.05) + 37.5·0.75 + 90.
      near(program.counts.S1![2], 750.1786780999716);
    },
  },
  {
    name: 'cycle: quarter with move-to: p is per person-year reached (p / 4 a quarter)',
    pieces: {
      cycle: 'quarter',
      // 1 − 0.9⁴ = 0.3439 a year is 0.1 a quarter; S1 has no transition (everyone marked moves).
      transitions: ['{ from: S0, to: S1, p: 0.3439 }', '{ from: S2, to: deces, p: 0.3439 }'],
      events: '  deaths: [S2->deces]',
      baseline: '  S0: { logigramme: l0, coverage: 0.2 }',
      program: '  S1: { logigramme: l1, coverage: 0.5 }',
      l0: `
  debut: { type: start, label: début, next: check }
  check: { type: action, label: contrôle, actor: mg, frequency: 1/year, move-to: S1, next: fin }
  fin: { type: end, label: fin }`,
      l1: `
  debut: { type: start, label: début, next: confirm }
  confirm:
    type: action
    label: confirmation
    actor: mg
    frequency: 1/year
    move-to: { stratum: S2, p: 0.4, event: detected }
    next: fin
  fin: { type: end, label: fin }`,
    },
    hand: (r) => {
      const { baseline, program } = r.arms.t!;
      // Program: each quarter 0.5·S1 pass, 0.4/4 = 0.1 of them are marked and (S1 has no exit)
      // move: 0.05·S1. S0 (0.1 a quarter to S1): 1000 → 900 → 810 → 729 → 656.1.
      // S1: 1000 → 1000 − 50 + 100 = 1050 → 1050 − 52.5 + 90 = 1087.5 → 1087.5 − 54.375 + 81 =
      // 1114.125 → 1114.125 − 55.70625 + 72.9 = 1131.31875. Moves 50 + 52.5 + 54.375 + 55.70625.
      near(program.flows['S1->S2@l1/confirm']![0], 212.58125);
      near(program.events.detected![0], 212.58125);
      near(program.counts.S1![1], 1131.31875);
      // Person-years reached: 0.5·(1000 + 1050 + 1087.5 + 1114.125)/4 = 531.453125; moves are
      // 0.4 of them, as a frequency would be (with p a share per cycle it would be 4 times that).
      near(program.persons['l1/confirm']![0], 531.453125);
      // S2: 500 → 450 + 50 = 500 → 450 + 52.5 = 502.5 → 452.25 + 54.375 = 506.625 →
      // 455.9625 + 55.70625 = 511.66875; deaths 50 + 50 + 50.25 + 50.6625.
      near(program.counts.S2![1], 511.66875);
      near(program.events.deaths![0], 200.9125);
      // Baseline, the short form `move-to: S1` (p = 1, so 1/4 a quarter): 0.2·S0 pass, 0.05·S0
      // marked, 90 % of them stay in S0 and move: S0 loses 0.1 + 0.045 = 0.145 a quarter:
      // 1000 → 855 → 731.025 → 625.026375 → 534.397550625; moves 45 + 38.475 + 32.896125 +
      // 28.126186875 = 144.497311875.
      near(baseline.counts.S0![1], 534.397550625);
      near(baseline.flows['S0->S1@l0/check']![0], 144.497311875);
      near(baseline.persons['l0/check']![0], 160.55256875);
      // S1 has no exit: 1000 + (100 + 85.5 + 73.1025 + 62.5026375) + 144.497311875.
      near(baseline.counts.S1![1], 1465.602449375);
    },
  },
  {
    name: 'detection moves (move-to with p and event, the short form), with retention',
    pieces: {
      baseline: '  S0: { logigramme: l0, coverage: 0.1 }\n  S1: { logigramme: l1, coverage: 0.5 }\n  S2: { logigramme: l2, coverage: 0 }',
      program: '  S0: { logigramme: l0, coverage: 0.1 }\n  S1: { logigramme: l1, coverage: 0.5, retention: 0.8 }\n  S2: { logigramme: l2, coverage: 0 }',
      l0: `
  debut: { type: start, label: début, next: d }
  d:
    type: decision
    label: contrôle ?
    branches:
      - { label: oui, p: 0.2, next: check }
      - { label: non, next: fin }
  check: { type: action, label: contrôle, actor: mg, frequency: 1/year, move-to: S1, next: fin }
  fin: { type: end, label: fin }`,
      l1: `
  debut: { type: start, label: début, next: screen }
  screen: { type: action, label: repérage, actor: mg, frequency: 1/year, next: d }
  d:
    type: decision
    label: positif ?
    branches:
      - { label: oui, p: 0.1, next: confirm }
      - { label: non, next: fin }
  confirm:
    type: action
    label: confirmation
    actor: mg
    frequency: 1/year
    move-to: { stratum: S2, p: 0.5, event: detected }
    next: fin
  fin: { type: end, label: fin }`,
    },
    hand: (r) => {
      const { baseline, program } = r.arms.t!;
      for (const arm of [baseline, program]) {
        // S1: 500 enrolled, 50 confirmed (all counted at the node), 25 marked; of those 75 % stay
        // in S1 and move: 18.75. S0: 100 enrolled, 20 checked and marked, 90 % stay: 18 move.
        near(arm.persons['l1/confirm']![0], 50);
        near(arm.flows['S1->S2@l1/confirm']![0], 18.75);
        near(arm.events.detected![0], 18.75);
        near(arm.flows['S1->S2']![0], 200);
        near(arm.flows['S0->S1@l0/check']![0], 18);
        // S1 = 1000 − 200 − 50 − 18.75 + 100 + 18; S2 = 500 − 50 + 200 + 18.75; S0 = 1000 − 100 − 18.
        near(arm.counts.S1![1], 849.25);
        near(arm.counts.S2![1], 668.75);
        near(arm.counts.S0![1], 882);
      }
      // With retention 0.8 and keep: the enrolled reaching S2 (100 by S1→S2, 18.75 by the move)
      // arrive enrolled at 80 %: 95 pass through S2's logigramme in year 2 though its coverage is 0.
      near(program.persons['l2/visit']![1], 95);
      near(baseline.persons['l2/visit']![1], 0);
    },
  },
  {
    name: 'two move-to nodes on one path: the mark of the last one that marked the person',
    pieces: {
      baseline: '  S1: { logigramme: l1, coverage: 0 }',
      program: '  S1: { logigramme: l1, coverage: 1 }',
      l1: `
  debut: { type: start, label: début, next: m1 }
  m1: { type: action, label: m1, actor: mg, frequency: 1/year, move-to: { stratum: S2, p: 0.5 }, next: m2 }
  m2: { type: action, label: m2, actor: mg, frequency: 1/year, move-to: { stratum: S0, p: 0.5 }, next: fin }
  fin: { type: end, label: fin }`,
    },
    hand: (r) => {
      const program = r.arms.t!.program;
      // 1000 enrolled: m1 marks 500 for S2; m2 marks half of everyone for S0 (500), the others keep
      // their mark: 250 for S2, 250 none. 75 % stay in S1 and move: 375 to S0, 187.5 to S2.
      near(program.flows['S1->S0@l1/m2']![0], 375);
      near(program.flows['S1->S2@l1/m1']![0], 187.5);
      near(program.persons['l1/m2']![0], 1000);
      // S1 = 1000 − 200 − 50 − 375 − 187.5 + S0→S1 100 = 287.5.
      near(program.counts.S1![1], 287.5);
    },
  },
  {
    name: 'time-varying transition, inflows and multiplier (by-year, trend)',
    pieces: {
      transitions: ['{ from: S0, to: S1, p: { trend: { start: 0.1, annual-change: -0.5 } } }', '{ from: S1, to: S2, p: { by-year: [0.2, 0.3] } }', '{ from: S1, to: deces, p: 0.05 }', '{ from: S2, to: deces, p: 0.1 }'],
      inflows: ['{ to: S0, count: { by-year: [100, 200] } }', '{ to: S0, rate: { trend: { start: 0.01, annual-change: 1 } }, of: population }'],
      multipliers: '{ S2->deces: { by-year: [1, 2] } }',
      baseline: '  S1: { logigramme: l1, coverage: 0 }',
      program: '  S1: { logigramme: l1, coverage: 0.2 }',
    },
    hand: (r) => {
      const baseline = r.arms.t!.baseline;
      // Year 1: S0 = 1000 − 100 + 100 + 100; S1 = 1000 − 200 − 50 + 100; S2 = 500 − 50 + 200.
      near(baseline.counts.S0![1], 1100);
      near(baseline.counts.S1![1], 850);
      near(baseline.counts.S2![1], 650);
      // Year 2: S0→S1 0.1·0.5 = 0.05: 55; inflows 200 and 0.02 × 10,000 = 200 → S0 = 1445.
      // S1→S2 0.3: 255; S1 = 850 − 255 − 42.5 + 55 = 607.5. S2 deaths 1 − 0.9² = 0.19: 123.5.
      near(baseline.counts.S0![2], 1445);
      near(baseline.counts.S1![2], 607.5);
      near(baseline.counts.S2![2], 781.5);
      near(baseline.inflows['2:S0']![2], 400);
      // Program, year 1: 100 coached, S1→S2 = 180 + 100·(1 − 0.8^0.5): S1 = 859.4427190999916.
      // Year 2: 10 % of it coached: S1→S2 = 0.9·S1·0.3 + 0.1·S1·(1 − 0.7^0.5).
      const s1 = 859.4427190999916;
      near(r.arms.t!.program.flows['S1->S2']![1], 0.9 * s1 * 0.3 + 0.1 * s1 * (1 - Math.sqrt(0.7)));
    },
  },
  {
    name: 'program costs (per year, per enrolled person-year, by strata) in both arms',
    pieces: {
      baseline: '  S1: { logigramme: l1, coverage: 0.2 }\n  S2: { logigramme: l2, coverage: 0.1 }',
      program: '  S1: { logigramme: l1, coverage: 0.2 }\n  S2: { logigramme: l2, coverage: 0.1 }',
      baselineCosts: '  usual-coordination: { title: coordination, payer: ars, per-year: 500 }',
      programCosts: [
        '  coordination: { title: coordination, payer: ars, per-year: 1000 }',
        '  coaching: { title: coaching, payer: assurance-maladie, per-enrolled-year: { gamma: { mean: 50, sd: 5 } }, strata: [S1] }',
        '  platform: { title: plateforme, payer: collectivite, per-enrolled-year: 10 }',
      ].join('\n'),
    },
    hand: (r) => {
      const { baseline, program } = r.arms.t!;
      // Year 1: enrolled S1 200, S2 50. Program: 1000; 50 × 200 = 10,000; 10 × (200 + 50) = 2500.
      near(program.programCost.coordination![0], 1000);
      near(program.programCost.coaching![0], 10000);
      near(program.programCost.platform![0], 2500);
      near(baseline.programCost['usual-coordination']![0], 500);
      // Acts: 200 screenings × 20 € + 100 × 4 coaching sessions × 40 € + 50 × 2 visits × 20 €
      // = 4000 + 16,000 + 2000 = 22,000; total 22,000 + 13,500.
      near(program.totalCost[0], 35500);
      near(baseline.totalCost[0], 22500);
    },
  },
  {
    name: 'volumes-at: mid',
    pieces: { ...base, volumesAt: 'mid' },
    hand: (r) => {
      const program = r.arms.t!.program;
      // Year 1: A = 200. Enrolled who leave S1: coached 100·(0.105572809 + 0.05), others
      // 100·0.25: L = 40.5572809000084; f = 1 − L/400 = 0.898606797749979.
      near(program.enrolled.S1![0], 179.72135954999578);
      near(program.persons['l1/coach']![0], 89.86067977499789);
      near(program.volumes['l1/coach']![0], 359.44271909999156);
      // Counts do not change: S1 = 600 + 75 + 84.4427190999916 + 100.
      near(program.counts.S1![1], 859.4427190999916);
    },
  },
  {
    name: 'everything at once: quarters, retention, lasting effects, moves, by-year, costs, mid',
    pieces: {
      cycle: 'quarter',
      transitions: ['{ from: S0, to: S1, p: { trend: { start: 0.1, annual-change: 0.1 } } }', '{ from: S1, to: S2, p: { by-year: [0.2, 0.25, 0.3] } }', '{ from: S1, to: deces, p: 0.05 }', '{ from: S1, to: S0, p: 0.03 }', '{ from: S2, to: deces, p: 0.1 }'],
      inflows: ['{ to: S0, rate: 0.01, of: population }', '{ to: S1, rate: { by-year: [0.01, 0.02] }, of: S0 }'],
      multipliers: '{ S1->S2: { trend: { start: 1.2, annual-change: -0.1 } }, S2->deces: 0.8 }',
      volumesAt: 'mid',
      horizon: 4,
      baseline: '  S1: { logigramme: l1, coverage: 0.2 }\n  S2: { logigramme: l2, coverage: 0.5, retention: 0.9 }',
      program:
        '  S0: { logigramme: l0, coverage: 0.05 }\n  S1: { logigramme: l1, coverage: { ramp: [0, 0.1, 0.2], relative-to: baseline }, retention: 0.7 }\n  S2: { logigramme: l2, coverage: { ramp: [0.6, 0.7] }, retention: 0.9, on-transfer: drop }',
      programCosts: '  c1: { title: c1, payer: ars, per-enrolled-year: 12, strata: [S1, S2] }\n  c2: { title: c2, payer: ars, per-year: 7 }',
      l0: `
  debut: { type: start, label: début, next: check }
  check: { type: action, label: contrôle, actor: mg, frequency: 1/year, move-to: { stratum: S1, p: 0.1 }, next: fin }
  fin: { type: end, label: fin }`,
      l1: `
  debut: { type: start, label: début, next: screen }
  screen:
    type: action
    label: repérage
    actor: mg
    frequency: 1/year
    effects:
      - { transition: S1->S0, hr: 1.5, duration: 4, after-exit: stop }
    next: d
  d:
    type: decision
    label: programme ?
    branches:
      - { label: oui, p: { beta: { mean: 0.4, sd: 0.1 } }, next: coach }
      - { label: dépistage, p: 0.1, next: confirm }
      - { label: non, next: fin }
  coach:
    type: action
    label: coaching
    actor: diet
    frequency: { times: { triangular: [2, 4, 9] }, per: year }
    effects:
      - { transition: S1->S2, hr: { lognormal: { median: 0.6, ci95: [0.4, 0.9] } }, duration: 8, waning: linear }
      - { transition: S1->deces, hr: 0.8, duration: 6, waning: exponential, half-life: { uniform: [2, 4] } }
    next: confirm
  confirm:
    type: action
    label: confirmation
    actor: mg
    frequency: 1/year
    move-to: { stratum: S2, p: 0.3, event: diabetes }
    next: fin
  fin: { type: end, label: fin }`,
      l2: `
  debut: { type: start, label: début, next: visit }
  visit:
    type: action
    label: visite
    actor: mg
    frequency: 2/year
    effects:
      - { transition: S2->deces, hr: 0.7, duration: 3 }
    next: fin
  fin: { type: end, label: fin }`,
    },
    hand: () => undefined,
  },
];

describe('the oracle gives the hand-computed figures', () => {
  for (const example of examples.filter((e) => e.name !== examples.at(-1)!.name)) {
    it(example.name, async () => {
      const dir = writeWorkspace(example.pieces);
      temporary.push(dir);
      example.hand(expected(dir, SCENARIO));
    });
  }
});

describe('logi --mode expected equals the oracle (1e-6 relative: results.json keeps 7 digits)', () => {
  for (const example of examples) {
    it(example.name, async () => {
      const dir = writeWorkspace(example.pieces);
      temporary.push(dir);
      const comparison = compareResults(await logiResults(dir, SCENARIO), expected(dir, SCENARIO));
      expect(comparison.missing).toEqual([]);
      expect(describeDiscrepancies(comparison.discrepancies)).toBe('');
      expect(comparison.compared).toBeGreaterThan(100);
    });
  }
});

describe('the bundled scenarios in expected mode equal the oracle', () => {
  const before = path.join(REPO, 'test/fixtures/sim/before-14');
  for (const scenario of ['pionniers-dt2-2026', 'pionniers-ic-2026']) {
    it(`${scenario} as written before issue 14 (test/fixtures/sim/before-14)`, async () => {
      const comparison = compareResults(await logiResults(before, scenario), expected(before, scenario));
      expect(comparison.missing).toEqual([]);
      expect(describeDiscrepancies(comparison.discrepancies)).toBe('');
      expect(comparison.compared).toBeGreaterThan(10000);
    });
  }
  for (const scenario of ['pionniers-dt2-2026', 'pionniers-ic-2026']) {
    it(scenario, async () => {
      const comparison = compareResults(await logiResults(REPO, scenario), expected(REPO, scenario));
      expect(comparison.missing).toEqual([]);
      expect(describeDiscrepancies(comparison.discrepancies)).toBe('');
      expect(comparison.compared).toBeGreaterThan(10000);
    });
  }
});
