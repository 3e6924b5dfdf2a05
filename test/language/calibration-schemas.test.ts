/**
 * The schemas of Targets, Calibration and ParameterSet, and the Scenario's `parameter-sets`
 * (docs/language.md): what each accepts, what it refuses, at which path and with which words.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/language/validate.js';

const TARGETS_HEADER = { kind: 'Targets', version: 1, id: 'cibles', title: 'Cibles', pyramid: 'diabete' };

/** A Targets document with one target: the keys below, changed by `target` (a key set to undefined is left out). */
function targets(target: Record<string, unknown>) {
  const written = Object.entries({ id: 't', title: 'Cible', year: 1, count: ['S2'], value: 100, sd: 10, ...target }).filter(([, v]) => v !== undefined);
  return { ...TARGETS_HEADER, targets: [Object.fromEntries(written)] };
}

/** The reports of a document as `path: message`. */
function reports(data: unknown): string[] {
  return validateDocument(data).reports.map((r) => `${r.path.join('.')}: ${r.message}`);
}

describe('Targets', () => {
  it('accepts a count, a flow and an event, each with its likelihood', () => {
    expect(reports(targets({}))).toEqual([]);
    expect(reports(targets({ count: undefined, flow: { from: ['S0', 'S1'], to: ['S2'] }, per: { count: ['S0', 'S1'] }, scale: 1000, value: 9.7, sd: undefined, ci95: [9, 10.4] }))).toEqual([]);
    expect(reports(targets({ count: undefined, event: 'nouveaux', likelihood: 'poisson', sd: undefined }))).toEqual([]);
    expect(reports(targets({ per: 'population', scale: 100, value: 5.6, sd: undefined, likelihood: 'binomial', n: 10000 }))).toEqual([]);
    expect(reports(targets({ year: undefined, change: 'annual', years: [0, 10], value: 0.005 }))).toEqual([]);
    expect(reports(targets({ year: 0, use: 'validation', territory: 'douaisis', source: 'snds', note: 'début' }))).toEqual([]);
  });

  it('fills in the defaults: use fit, likelihood normal, scale 1', () => {
    const result = validateDocument(targets({}));
    expect(result.ok).toBe(true);
    const value = (result as { value: { value: { targets: Record<string, unknown>[] } } }).value.value;
    expect(value.targets[0]).toMatchObject({ use: 'fit', likelihood: 'normal', scale: 1 });
  });

  it('measures exactly one of count, flow and event', () => {
    expect(reports(targets({ event: 'nouveaux' }))).toEqual(['targets.0: a target measures exactly one of `count`, `flow` or `event`']);
    expect(reports(targets({ count: undefined }))).toEqual(['targets.0: a target measures exactly one of `count`, `flow` or `event`']);
  });

  it('has `year`, or `change` with `years`, the first year before the second', () => {
    expect(reports(targets({ year: undefined }))).toEqual(['targets.0: a target needs `year` (the model year it is measured in), or `change` with `years`']);
    expect(reports(targets({ years: [0, 10], change: 'annual' }))).toEqual(['targets.0.years: a target has either `year` or `change` with `years`, not both']);
    expect(reports(targets({ change: 'annual' }))).toEqual(['targets.0.change: `change` needs `years: [first, last]`, the two model years it compares, instead of `year`']);
    expect(reports(targets({ year: undefined, years: [0, 10] }))).toEqual(['targets.0.years: `years` only goes with `change: annual`; for a value of one year write `year`']);
    expect(reports(targets({ year: undefined, change: 'annual', years: [10, 10] }))).toEqual(['targets.0.years: `years` is two model years, the first before the second']);
    expect(reports(targets({ year: 1.5 }))).toEqual(['targets.0.year: a model year is a whole number: 0 (the start), 1, 2…']);
  });

  it('measures a flow or an event from year 1: year 0 is the start', () => {
    const zero = 'year 0 is the start of the simulation: only a `count` is measured then; a flow or an event happens during a year from 1';
    expect(reports(targets({ year: 0, count: undefined, event: 'nouveaux' }))).toEqual([`targets.0.year: ${zero}`]);
    expect(reports(targets({ year: undefined, change: 'annual', years: [0, 5], count: undefined, flow: { from: ['S1'], to: ['S2'] } }))).toEqual([`targets.0.years: ${zero}`]);
  });

  it('gives a normal likelihood its uncertainty, once, as sd or an ordered ci95', () => {
    expect(reports(targets({ sd: undefined }))).toEqual(['targets.0: a target with a normal likelihood gives its uncertainty: `sd` or `ci95: [low, high]`']);
    expect(reports(targets({ ci95: [90, 110] }))).toEqual(['targets.0.ci95: give the uncertainty once: `sd` or `ci95`, not both']);
    expect(reports(targets({ sd: undefined, ci95: [110, 90] }))).toEqual(['targets.0.ci95: `ci95` is [low, high], low below high']);
    expect(reports(targets({ sd: 0 }))).toEqual(['targets.0.sd: must be > 0']);
  });

  it('binomial: needs `per` and `n`, a value between 0 and `scale`; `n` goes with binomial only', () => {
    expect(reports(targets({ likelihood: 'binomial', sd: undefined, value: 0.1 }))).toEqual([
      'targets.0.likelihood: a binomial likelihood needs `n`, the observed denominator',
      'targets.0.likelihood: a binomial likelihood compares a share: it needs `per` (the denominator)',
    ]);
    expect(reports(targets({ likelihood: 'binomial', sd: undefined, per: 'population', n: 500, scale: 100, value: 120 }))).toEqual([
      'targets.0.value: with a binomial likelihood the value is a share: between 0 and `scale`',
    ]);
    expect(reports(targets({ n: 500 }))).toEqual(['targets.0.n: `n` only goes with `likelihood: binomial`']);
  });

  it('poisson: an observed count, without `per` nor `change`', () => {
    expect(reports(targets({ likelihood: 'poisson', sd: undefined, per: 'population' }))).toEqual([
      'targets.0.per: a Poisson likelihood compares an observed count: remove `per` (or use a normal or binomial likelihood)',
    ]);
    expect(reports(targets({ likelihood: 'poisson', sd: undefined, year: undefined, change: 'annual', years: [0, 5] }))).toEqual([
      'targets.0.change: a Poisson likelihood compares an observed count, not a change: remove `change` (or use a normal likelihood)',
    ]);
    expect(reports(targets({ likelihood: 'poisson', sd: undefined, value: -1 }))).toEqual(['targets.0.value: with a Poisson likelihood the value is an observed count: 0 or more']);
  });

  it('refuses unknown keys with "did you mean", and needs at least one target', () => {
    expect(validateDocument(targets({ scal: 1000 })).reports.map((r) => [r.path.join('.'), r.hint])).toEqual([['targets.0.scal', 'did you mean `scale`?']]);
    expect(validateDocument({ ...TARGETS_HEADER, targets: [] }).ok).toBe(false);
  });
});

const CALIBRATION = {
  kind: 'Calibration',
  version: 1,
  id: 'etalonnage',
  title: 'Étalonnage',
  scenario: 'pionniers',
  targets: ['cibles'],
  parameters: [{ path: 'diabete transitions S1->S2 p', prior: { beta: { mean: 0.02, sd: 0.01 } }, bounds: [0.001, 0.2], note: 'libre' }],
};

describe('Calibration', () => {
  it('accepts the design example and fills in draws, sample and min-ess', () => {
    const result = validateDocument({ ...CALIBRATION, seed: 7, sources: { etude: { title: 'Étude' } } });
    expect(result.reports).toEqual([]);
    expect((result as { value: { value: Record<string, unknown> } }).value.value).toMatchObject({ draws: 10000, sample: 1000, 'min-ess': 200, seed: 7 });
  });

  it('refuses bounds out of order, an empty list of parameters, and a draw count of 0', () => {
    expect(reports({ ...CALIBRATION, parameters: [{ path: 'x p', bounds: [0.2, 0.1] }] })).toEqual(['parameters.0.bounds: `bounds` is [low, high], low below high']);
    expect(reports({ ...CALIBRATION, parameters: [{ path: 'x p', bounds: [0.2, 0.2] }] })).toEqual(['parameters.0.bounds: `bounds` is [low, high], low below high']);
    expect(validateDocument({ ...CALIBRATION, parameters: [] }).ok).toBe(false);
    expect(validateDocument({ ...CALIBRATION, draws: 0 }).ok).toBe(false);
    expect(validateDocument({ ...CALIBRATION, parameters: [{ path: '' }] }).ok).toBe(false);
  });
});

const PARAMETER_SET = { kind: 'ParameterSet', version: 1, id: 'jeu', title: 'Valeurs étalonnées' };

describe('ParameterSet', () => {
  it('accepts values, a posterior, or both', () => {
    expect(reports({ ...PARAMETER_SET, source: 'etalonnage', values: [{ path: 'diabete transitions S1->S2 p', value: 0.0123, note: 'médiane' }], sources: { etalonnage: { title: 'logi calibrate' } } })).toEqual([]);
    expect(reports({ ...PARAMETER_SET, posterior: 'posterior.csv' })).toEqual([]);
    expect(reports({ ...PARAMETER_SET, values: [{ path: 'x p', value: { beta: { mean: 0.3, sd: 0.1 } } }], posterior: 'posterior.csv' })).toEqual([]);
  });

  it('refuses a set with neither', () => {
    expect(reports(PARAMETER_SET)).toEqual([': a parameter set has `values`, a `posterior` file, or both']);
    expect(reports({ ...PARAMETER_SET, values: [] })).toEqual([': a parameter set has `values`, a `posterior` file, or both']);
  });
});

describe('Scenario `parameter-sets`', () => {
  const scenario = { kind: 'Scenario', version: 1, id: 's', pyramid: 'p', territories: ['t'], baseline: 'a', program: 'b' };
  it('is an optional list of at least one id', () => {
    expect(reports({ ...scenario, 'parameter-sets': ['jeu-1', 'jeu-2'] })).toEqual([]);
    expect(reports(scenario)).toEqual([]);
    expect(validateDocument({ ...scenario, 'parameter-sets': [] }).ok).toBe(false);
    expect(validateDocument({ ...scenario, 'parameter-sets': 'jeu' }).ok).toBe(false);
  });
});
