/**
 * Lint first (issue 11): everything `simulate` can refuse, `lint` reports first on the same input.
 * Every place in src/sim that refuses an input is listed below with an input that reaches it: the
 * test checks that the simulation (compiled and run without lint) refuses it, and that lint
 * reports it with the named rule — an error where the refusal is certain, at least a warning where
 * it depends on a random draw. A meta-test reads src/sim for `throw` statements, so that a new
 * refusal path without a case here fails the suite (refusals are named by their message id).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { lint } from '../../src/lint/engine.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { parameterPlaces } from '../../src/sim/distributions/places.js';
import { compileModel } from '../../src/sim/model.js';
import { runModel } from '../../src/sim/runner.js';
import { UNDER_MUTATION } from '../helpers/budget.js';
import { REPO } from '../helpers/cli.js';
import { FIXED } from './helpers.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const BASE = readFileSync(path.join(FIXED, 'model.yaml'), 'utf8');

function variant(edit: (text: string) => string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-refusal-'));
  temporary.push(dir);
  cpSync(FIXED, dir, { recursive: true });
  const edited = edit(BASE);
  expect(edited, 'the edit changes the fixture').not.toBe(BASE);
  writeFileSync(path.join(dir, 'model.yaml'), edited);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const replace = (from: string, to: string) => (text: string) => {
  expect(text, `the fixture holds ${from}`).toContain(from);
  return text.replace(from, to);
};
const append = (yaml: string) => (text: string) => `${text}---\n${yaml}\n`;

/** A logigramme of S1 whose actions each carry an effect on S1->S2, for the limits. */
function manyEffects(id: string, count: number, branching: boolean): string {
  const nodes = ['  in: { type: start, label: In, next: n0 }'];
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? `n${i + 1}` : 'out';
    if (branching) {
      nodes.push(`  n${i}: { type: decision, label: D${i}, variable: { name: v${i}, unit: u }, branches: [{ label: yes, when: { gte: 1 }, p: 0.5, next: a${i} }, { label: no, when: { lt: 1 }, next: ${next} }] }`);
      nodes.push(`  a${i}: { type: action, label: A${i}, actor: gp, frequency: 1/year, effects: [{ transition: S1->S2, hr: 0.99 }], next: ${next} }`);
    } else nodes.push(`  n${i}: { type: action, label: A${i}, actor: gp, frequency: 1/year, effects: [{ transition: S1->S2, hr: 0.99 }], next: ${next} }`);
  }
  nodes.push('  out: { type: end, label: Out }');
  return `kind: Logigramme\nversion: 1\nid: ${id}\ntitle: Many\npyramid: test-pyramid\nstratum: S1\nstart: in\nnodes:\n${nodes.join('\n')}`;
}
const OTHER_PYRAMID = 'kind: Pyramid\nversion: 1\nid: other-pyramid\ntitle: Other\nstrata: [{ id: S0, title: S0 }]\nexits: [{ id: dead, title: Dead }]\ntransitions: []';
const useLogigramme = (id: string) => replace('S1: { logigramme: test-s1, coverage: { ramp: [0.4, 0.6, 0.8] } }', `S1: { logigramme: ${id}, coverage: 1 }`);

interface Case {
  /** The refusal in src/sim: the id of its message (src/i18n/messages/sim.ts). */
  site: string;
  edit: (text: string) => string;
  rule: string;
  /** `warning` where the refusal depends on a draw. */
  severity: 'error' | 'warning';
  /** What the simulation says. */
  refusal: RegExp;
  scenario?: string;
  iterations?: number;
  /** Other files written beside model.yaml (a posterior sample). */
  files?: Record<string, string>;
}

/** The fixed scenario lists the parameter set `ps` of `set` (appended to model.yaml). */
const withSet = (set: string) => (text: string) => append(set)(replace('program: enhanced\nhorizon: 6', 'program: enhanced\nparameter-sets: [ps]\nhorizon: 6')(text));
const SET_HEAD = 'kind: ParameterSet\nversion: 1\nid: ps\ntitle: Set\n';
const POSTERIOR_SET = `${SET_HEAD}posterior: posterior.csv`;

const CASES: Case[] = [
  { site: 'sim.model.missing-target', edit: replace('next: coaching', 'next: nowhere'), rule: 'no-unknown-target', severity: 'error', refusal: /leads to `nowhere`/ },
  { site: 'sim.model.missing-start', edit: replace('start: in', 'start: entree'), rule: 'no-unknown-target', severity: 'error', refusal: /starts at `entree`/ },
  { site: 'sim.model.loop', edit: replace('    next: done\n  done:', '    next: test\n  done:'), rule: 'no-cycle', severity: 'error', refusal: /has a loop/ },
  { site: 'sim.model.transition-to-itself', edit: replace('- { from: S2, to: dead, p: 0.08, source: t }', '- { from: S2, to: dead, p: 0.08, source: t }\n  - { from: S2, to: S2, p: 0.1, source: t }'), rule: 'transition-row-sum', severity: 'error', refusal: /goes nowhere/ },
  { site: 'sim.model.transition-twice', edit: replace('- { from: S2, to: dead, p: 0.08, source: t }', '- { from: S2, to: dead, p: 0.08, source: t }\n  - { from: S2, to: dead, p: 0.01, source: t }'), rule: 'transition-row-sum', severity: 'error', refusal: /defines a transition twice/ },
  { site: 'sim.model.event-not-transition', edit: replace('new-cases: [S1->S2]', 'new-cases: [S0->S2]'), rule: 'effect-targets-transition', severity: 'error', refusal: /event new-cases counts S0->S2/ },
  { site: 'sim.model.effect-unknown-transition', edit: replace('- { transition: S1->S0, hr: 2 }', '- { transition: S2->S0, hr: 2 }'), rule: 'effect-targets-transition', severity: 'error', refusal: /effect on S2->S0, which pyramid test-pyramid does not define/ },
  { site: 'sim.model.too-many-effects', edit: (t) => useLogigramme('many')(append(manyEffects('many', 31, false))(t)), rule: 'effect-combinations', severity: 'error', refusal: /more than 30 effects/ },
  { site: 'sim.model.several-remainders', edit: replace('p: 0.4, next: coaching', 'next: coaching'), rule: 'branch-probabilities-sum', severity: 'error', refusal: /2 branches have no `p`/ },
  {
    site: 'sim.model.program-other-pyramid',
    edit: (t) => replace('pyramid: test-pyramid\nstrata: {}', 'pyramid: other-pyramid\nstrata: {}')(append(OTHER_PYRAMID)(t)),
    rule: 'pyramid-coverage',
    severity: 'error',
    refusal: /program nothing is for pyramid other-pyramid/,
    scenario: 'zero-coverage',
  },
  { site: 'sim.model.logigramme-other-stratum', edit: replace('S1: { logigramme: test-s1, coverage: 0 }', 'S2: { logigramme: test-s1, coverage: 0 }'), rule: 'pyramid-coverage', severity: 'error', refusal: /written for another stratum/, scenario: 'zero-coverage' },
  { site: 'sim.model.baseline-relative', edit: replace('S1: { logigramme: test-s1, coverage: 0.3 }', 'S1: { logigramme: test-s1, coverage: { ramp: [0.3], relative-to: baseline } }'), rule: 'coverage-relative', severity: 'error', refusal: /cannot be relative to the baseline/ },
  { site: 'sim.model.relative-uncovered', edit: replace('S1: { logigramme: test-s1, coverage: 0 }', 'S1: { logigramme: test-s1, coverage: { ramp: [0.1], relative-to: baseline } }'), rule: 'coverage-relative', severity: 'error', refusal: /which does not cover S1/, scenario: 'zero-coverage' },
  { site: 'sim.model.territory-no-counts', edit: (t) => replace('  test-pyramid:\n    counts: { S0: 1000, S1: 700, S2: 150 }', '  other-pyramid:\n    counts: { S0: 1000 }')(append(OTHER_PYRAMID)(t)), rule: 'territory-counts', severity: 'error', refusal: /territory test-territory-2 has no counts/ },
  { site: 'sim.model.multiplier-unknown', edit: replace('multipliers: { S1->S2: 1.2 }', 'multipliers: { S0->S2: 1.2 }'), rule: 'effect-targets-transition', severity: 'error', refusal: /multiplier on S0->S2/ },
  { site: 'sim.param.problem', edit: replace('p: 0.10, source: t }', 'p: { beta: { mean: 0.1, sd: 0.4 } }, source: t }'), rule: 'parameter-feasible', severity: 'error', refusal: /cannot have sd 0\.4/ },
  { site: 'sim.param.problem', edit: replace('p: 0.10, source: t }', 'p: 1.4, source: t }'), rule: 'parameter-feasible', severity: 'error', refusal: /1\.4 is not a probability/ },
  { site: 'sim.draw.out-of-range', edit: replace('minutes-per-act: 20, cost-per-act: 30,', 'minutes-per-act: 20, cost-per-act: { normal: { mean: 1, sd: 2 } },'), rule: 'parameter-feasible', severity: 'warning', refusal: /cost per act of gp is -[\d.e-]+ in iteration \d+/, iterations: 100 },
  { site: 'sim.draw.row-sum', edit: replace('- { from: S1, to: S2, p: 0.10, source: t }', '- { from: S1, to: S2, p: 0.96, source: t }'), rule: 'transition-row-sum', severity: 'error', refusal: /out of S1 sum to [\d.]+ > 1 in iteration 0/ },
  {
    site: 'sim.draw.branch-sum',
    // Both shares drawn independently, means 0.5 + 0.5: about half the draws sum above 1.
    edit: (t) => replace('{ label: no, when: { lt: 1.1 }, next: done }', '{ label: no, when: { lt: 1.1 }, p: { beta: { mean: 0.5, sd: 0.1 } }, next: done }')(replace('p: 0.4, next: coaching', 'p: { beta: { mean: 0.5, sd: 0.1 } }, next: coaching')(t)),
    rule: 'branch-probabilities-sum',
    severity: 'error',
    refusal: /branch shares of decision test-s1\/result sum to [\d.]+ > 1 in iteration \d+/,
    iterations: 200,
  },
  // Issue 12: magnitudes that made infinities, and growth beyond 10¹² people.
  { site: 'sim.param.problem', edit: replace('frequency: { times: 2, per: year }', 'frequency: { times: 1e300, per: year }'), rule: 'parameter-feasible', severity: 'error', refusal: /1e\+300 is beyond 10⁹/ },
  { site: 'sim.param.problem', edit: replace('minutes-per-act: 20,', 'minutes-per-act: { gamma: { mean: 1, sd: 1e-200 } },'), rule: 'parameter-feasible', severity: 'error', refusal: /not representable/ },
  { site: 'sim.draw.out-of-range', edit: replace('cost-per-act: 30,', 'cost-per-act: { lognormal: { median: 1e8, ci95: [1e4, 1e12] } },'), rule: 'parameter-feasible', severity: 'warning', refusal: /cost per act of gp is [\d.e+]+ in iteration \d+; expected a number ≥ 0, at most 10⁹ in magnitude/, iterations: 100 },
  { site: 'sim.draw.too-many-entrants', edit: replace('{ to: S0, count: 40, source: t }', '{ to: S0, rate: 30, of: S0, source: t }'), rule: 'inflow-growth', severity: 'warning', refusal: /would bring it beyond 10¹² people/ },
  { site: 'sim.model.effect-duration', edit: replace('- { transition: S1->S2, hr: 0.5 }', '- { transition: S1->S2, hr: 0.5, duration: 0 }'), rule: 'effect-duration', severity: 'error', refusal: /lasts 0 cycles: a duration is at least 1/ },
  { site: 'sim.model.effect-half-life', edit: replace('- { transition: S1->S2, hr: 0.5 }', '- { transition: S1->S2, hr: 0.5, duration: 3, waning: exponential }'), rule: 'effect-duration', severity: 'error', refusal: /wanes exponentially but has no `half-life`/ },
  { site: 'sim.model.move-target', edit: replace('    frequency: { times: 3, per: year }\n    effects:', '    frequency: { times: 3, per: year }\n    move-to: S1\n    effects:'), rule: 'move-to-stratum', severity: 'error', refusal: /moves people to S1, which is not another stratum of pyramid test-pyramid/ },
  {
    site: 'sim.model.cost-stratum',
    edit: replace('  S1: { logigramme: test-s1, coverage: 0.3 }', '  S1: { logigramme: test-s1, coverage: 0.3 }\ncosts:\n  c: { title: Coordination, payer: ars, per-enrolled-year: 10, strata: [S2] }'),
    rule: 'program-cost-strata',
    severity: 'error',
    refusal: /counts stratum S2, which the program does not cover/,
  },
  // Issue 16: QALYs asked for, and no utility on the strata.
  { site: 'sim.model.qalys-without-utilities', edit: replace('horizon: 6\niterations: 200\nseed: 7', 'horizon: 6\niterations: 200\nseed: 7\neconomics: { outcome: qalys }'), rule: 'utility-complete', severity: 'error', refusal: /the scenario counts QALYs, but some strata of pyramid test-pyramid have no `utility`/ },
  // A trend that carries a probability above 1 within the horizon: 0.5 × (1 + 3) = 2 in year 2.
  { site: 'sim.draw.year-value', edit: replace('- { from: S0, to: S1, p: 0.05, source: t }', '- { from: S0, to: S1, p: { trend: { start: 0.5, annual-change: 3 } }, source: t }'), rule: 'transition-row-sum', severity: 'error', refusal: /is 2 in year 2 \(iteration 0\): expected a probability in \[0, 1\]/ },
  // Issue 15: parameter sets and their posterior samples.
  { site: 'sim.sets.bad-path', edit: withSet(`${SET_HEAD}values: [{ path: test-pyramid transitions S1->S9 p, value: 0.1 }]`), rule: 'parameter-set-path', severity: 'error', refusal: /"test-pyramid transitions S1->S9 p" does not name a parameter/ },
  { site: 'sim.sets.not-used', edit: (t) => withSet(`${SET_HEAD}values: [{ path: other-pyramid transitions S0->dead p, value: 0.1 }]`)(append(OTHER_PYRAMID.replace('transitions: []', 'transitions: [{ from: S0, to: dead, p: 0.1 }]'))(t)), rule: 'parameter-set-path', severity: 'error', refusal: /is not a parameter of scenario fixed/ },
  { site: 'sim.sets.posterior-missing', edit: withSet(POSTERIOR_SET), rule: 'parameter-set-path', severity: 'error', refusal: /cannot read the posterior sample posterior\.csv/, iterations: 2 },
  { site: 'sim.sets.posterior-empty', edit: withSet(POSTERIOR_SET), files: { 'posterior.csv': 'test-pyramid transitions S1->S2 p\n' }, rule: 'parameter-set-path', severity: 'error', refusal: /holds no parameter set/, iterations: 2 },
  {
    site: 'sim.sets.posterior-not-used',
    edit: (t) => withSet(POSTERIOR_SET)(append(OTHER_PYRAMID.replace('transitions: []', 'transitions: [{ from: S0, to: dead, p: 0.1 }]'))(t)),
    files: { 'posterior.csv': 'other-pyramid transitions S0->dead p\n0.1\n' },
    rule: 'parameter-set-path',
    severity: 'error',
    refusal: /"other-pyramid transitions S0->dead p" is not a parameter of this scenario/,
    iterations: 2,
  },
  { site: 'sim.sets.posterior-width', edit: withSet(POSTERIOR_SET), files: { 'posterior.csv': 'test-pyramid transitions S1->S2 p\n0.1,0.2\n' }, rule: 'parameter-set-path', severity: 'error', refusal: /line 2: 2 values where the header has 1/, iterations: 2 },
  { site: 'sim.sets.posterior-number', edit: withSet(POSTERIOR_SET), files: { 'posterior.csv': 'test-pyramid transitions S1->S2 p\nabc\n' }, rule: 'parameter-set-path', severity: 'error', refusal: /line 2, field 1: "abc" is not a number/, iterations: 2 },
  { site: 'sim.sets.posterior-value', edit: withSet(POSTERIOR_SET), files: { 'posterior.csv': 'test-pyramid transitions S1->S2 p\n1.5\n' }, rule: 'parameter-set-path', severity: 'error', refusal: /line 2: "1\.5" is not a value of/, iterations: 2 },
  { site: 'sim.internal.effect-combinations', edit: (t) => useLogigramme('combinations')(append(manyEffects('combinations', 7, true))(t)), rule: 'effect-combinations', severity: 'error', refusal: /more than 64 combinations of effects/ },
];

/** Refusals that no workspace can reach, and why. */
const NOT_INPUT: Record<string, string> = {
  'sim.model.no-scenario': 'simulate checks the scenario id first and answers with a usage error (exit 2) naming the scenarios',
  'sim.sets.unknown': "an unknown id in a scenario's `parameter-sets` is a broken reference: the workspace loader reports it (known-reference) and simulate stops at the lint errors before compiling; the throw guards the library's compileModel called on a workspace with errors",
  'sim.internal.nan': 'a guard: every parameter is checked finite and in range before it is used',
  "'internal:": 'the same guards of quantileOf, written with plain quotes',
  '`internal:': 'guards of quantileOf (src/sim/distributions/quantiles.ts, used by `logi sensitivity`, not by simulate): p outside [0, 1], or a series or solver that does not converge (a bug, not an input)',
  'sim.internal.sampler': 'a guard (issue 12 #1): the samplers get parameters already checked (probabilities in [0, 1], counts ≤ 10¹², shapes finite and > 0); it turns a bug into an error instead of an endless loop',
};

/** The message id (src/i18n/messages/sim.ts) of every `throw` in src/sim: `throw new ModelError(t('sim.…', …)`. */
function throwSites(): string[] {
  const dir = path.join(REPO, 'src/sim');
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)), ...readdirSync(path.join(dir, 'distributions')).map((f) => path.join(dir, 'distributions', f))];
  const sites: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/throw new (?:ModelError|ParameterError|Error)\(\s*([^\s,)]+)/g)) sites.push(/^t\('(sim\.[^']+)'$/.exec(m[1]!)?.[1] ?? m[1]!);
  }
  return sites;
}

describe('everything simulate refuses, lint reports first', () => {
  // Reads the source text: under mutation testing that text is StrykerJS's instrumented copy.
  it.skipIf(UNDER_MUTATION)('lists every refusal of src/sim (a new `throw` needs a case here)', () => {
    const known = [...CASES.map((c) => c.site), ...Object.keys(NOT_INPUT)];
    const sites = throwSites();
    expect(sites.length).toBeGreaterThan(15);
    for (const site of sites) expect(known, `no case for the refusal "${site}"`).toContain(site);
  });

  it.each(CASES.map((c) => [c.site, c] as const))('%s', async (_site, c) => {
    const dir = variant(c.edit, c.files);
    const workspace = await loadWorkspace({ cwd: dir });
    expect(workspace.diagnostics.filter((d) => d.severity === 'error'), 'the input is valid YAML of the language').toEqual([]);
    // The simulation, without lint, refuses the input.
    const refused = await (async () => {
      const model = await compileModel(workspace, c.scenario ?? 'fixed', { iterations: c.iterations ?? 1 });
      await runModel(model, { workers: 1 });
    })().then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(refused, 'simulate refuses').toBeInstanceOf(Error);
    expect(refused!.message).toMatch(c.refusal);
    // Lint reports it.
    const result = await lint({ cwd: dir });
    const found = result.diagnostics.filter((d) => d.ruleId === c.rule && (c.severity === 'warning' || d.severity === 'error'));
    expect(found.map((d) => `${d.severity} ${d.message}`), `lint reports ${c.rule}: ${JSON.stringify(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`))}`).not.toEqual([]);
  });
});

describe('the parameters lint checks are the ones the simulation compiles', () => {
  it.each([
    ['the bundled diabetes scenario', REPO, 'pionniers-dt2-2026'],
    ['the bundled heart-failure scenario', REPO, 'pionniers-ic-2026'],
    ['the test model', FIXED, 'fixed'],
  ])('%s: every compiled parameter sits at a place of parameterPlaces, with the same constraint', async (_name, dir, scenario) => {
    const workspace = await loadWorkspace({ cwd: dir });
    const model = await compileModel(workspace, scenario);
    const { locate } = await import('../../src/language/source.js');
    const places = new Map<string, string>();
    for (const kind of ['Pyramid', 'Actors', 'Logigramme', 'Territory', 'Program'] as const) {
      for (const doc of workspace.index[kind].values()) {
        for (const place of parameterPlaces(doc)) {
          const range = locate(doc.source, doc.document, place.path);
          places.set(`${doc.source.file}:${range.start.line}:${range.start.column}`, place.constraint);
        }
      }
    }
    const dirichletSlots = new Set(model.parameters.dirichlets.flatMap((d) => d.alphas.map((_, k) => d.first + k)));
    let compared = 0;
    model.parameters.specs.forEach((spec, slot) => {
      if (dirichletSlots.has(slot)) return;
      expect(places.get(`${spec.file}:${spec.line}:${spec.column}`), `${spec.name} at ${spec.file}:${spec.line}:${spec.column}`).toBe(spec.constraint);
      compared += 1;
    });
    expect(compared).toBeGreaterThan(5);
  });
});

describe('refusals in French (--lang fr), worked out by hand', () => {
  async function refusalOf(dir: string, scenario = 'fixed'): Promise<Error & { hint?: string }> {
    const workspace = await loadWorkspace({ cwd: dir });
    return compileModel(workspace, scenario, { iterations: 1 }).then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => error as Error & { hint?: string },
    );
  }

  it('a decision with two branches without `p`, and a beta whose sd is too wide for its mean', async () => {
    const remainders = variant(replace('p: 0.4, next: coaching', 'next: coaching'));
    const beta = variant(replace('p: 0.10, source: t }', 'p: { beta: { mean: 0.1, sd: 0.4 } }, source: t }'));
    setLanguage('fr');
    try {
      const decision = await refusalOf(remainders);
      expect(decision.message).toBe("décision test-s1/result : 2 branches n'ont pas de `p` ; une seule au plus peut prendre le reste");
      expect(decision.hint).toBe('donnez un `p` à toutes les branches sauf une');
      // √(0.1 × 0.9) = 0.3; ± half of it, 0.15, is an sd of about a quarter, 0.075.
      const parameter = await refusalOf(beta);
      expect(parameter.message).toBe("transition S1->S2 (p) de la pyramide test-pyramid : une loi beta de moyenne 0.1 ne peut pas avoir un sd de 0.4 : le sd d'une loi beta est inférieur à √(mean·(1−mean)) = 0.3");
      expect(parameter.hint).toBe('abaissez le sd sous 0.3 (une probabilité connue à ±0.15 près a un sd ≈ 0.075), ou écrivez {beta: {alpha, beta}}');
    } finally {
      setLanguage('en');
    }
  });
});
