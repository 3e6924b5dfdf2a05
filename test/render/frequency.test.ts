/**
 * The frequency text of the memo sheets and diagrams (docs/render.md, "Frequencies"), against
 * strings written by hand. Quantile oracles: a lognormal {median, ci95} has exactly its ci95 as
 * 2.5 % and 97.5 % quantiles; gamma {mean 3, sd 1} is Gamma(shape 9, scale 1/3), whose quantiles
 * are χ²(18)/6 — the table values χ²₀.₀₂₅(18) = 8.231 and χ²₀.₉₇₅(18) = 31.526 give 1.372 and 5.254;
 * a normal's are mean ± 1.96 sd.
 */
import { describe, expect, it } from 'vitest';
import { frequencyText } from '../../src/render/frequency.js';

describe('frequency text, French', () => {
  it.each([
    ['a number per period', { times: 4, per: 'year' }, '4/an'],
    ['the shorthand', '2/month', '2/mois'],
    ['a decimal comma', { times: 1.5, per: 'year' }, '1,5/an'],
    ['below 1 a year: the interval', { times: 0.5, per: 'year' }, 'tous les 2 ans'],
    ['0.2 a year: every 5 years', { times: 0.2, per: 'year' }, 'tous les 5 ans'],
    ['0.4 a year: every 2.5 years', { times: 0.4, per: 'year' }, 'tous les 2,5 ans'],
    ['0.75 a year: every 1.3 year, singular below 2', { times: 0.75, per: 'year' }, 'tous les 1,3 an'],
    ['below 1 a week: feminine', { times: 0.5, per: 'week' }, 'toutes les 2 semaines'],
    ['below 1 a quarter', { times: 0.5, per: 'quarter' }, 'tous les 2 trimestres'],
    ['uniform: its bounds', { times: { uniform: [4, 12] }, per: 'year' }, '4–12/an'],
    ['uniform below 1: every 1 to 2 years', { times: { uniform: [0.5, 1] }, per: 'year' }, 'tous les 1–2 ans'],
    ['uniform below 1: every 2 to 4 years', { times: { uniform: [0.25, 0.5] }, per: 'year' }, 'tous les 2–4 ans'],
    ['a range across 1 stays a rate', { times: { uniform: [0.5, 2] }, per: 'year' }, '0,5–2/an'],
    ['triangular: its low and high', { times: { triangular: [2, 4, 6] }, per: 'year' }, '2–6/an'],
    ['lognormal: its ci95', { times: { lognormal: { median: 4, ci95: [2, 8] } }, per: 'year' }, '2–8/an'],
    ['gamma: its 95 % range (χ² table)', { times: { gamma: { mean: 3, sd: 1 } }, per: 'year' }, '1,4–5,3/an'],
    ['normal: mean ± 1.96 sd, 8.04 and 11.96', { times: { normal: { mean: 10, sd: 1 } }, per: 'month' }, '8–12/mois'],
    ['normal below 0: 0 at least', { times: { normal: { mean: 1, sd: 1 } }, per: 'year' }, '0–3/an'],
    ['once', 'once', '1 fois'],
    ['once within 7 days', { once: true, 'within-days': 7 }, '1 fois, ≤ J7'],
    ['once within 0 days', { once: true, 'within-days': 0 }, '1 fois, ≤ J0'],
  ] as const)('%s', (_what, frequency, text) => {
    expect(frequencyText(frequency as Parameters<typeof frequencyText>[0], 'fr')).toBe(text);
  });

  it('never prints ≈ nor a rate below 1 a year as n/an', () => {
    for (const times of [0.1, 0.25, 0.5, 0.9, { uniform: [0.2, 0.5] }, { beta: { mean: 0.5, sd: 0.1 } }, { gamma: { mean: 0.5, sd: 0.1 } }] as const) {
      const text = frequencyText({ times, per: 'year' } as Parameters<typeof frequencyText>[0], 'fr')!;
      expect(text).not.toContain('≈');
      expect(text, JSON.stringify(times)).toMatch(/^tous les /);
    }
  });
});

describe('frequency text, English', () => {
  it.each([
    ['a number per period', { times: 4, per: 'year' }, '4/year'],
    ['a decimal point', { times: 1.5, per: 'year' }, '1.5/year'],
    ['below 1 a year', { times: 0.5, per: 'year' }, 'every 2 years'],
    ['0.75 a year: plural', { times: 0.75, per: 'year' }, 'every 1.3 years'],
    ['uniform', { times: { uniform: [4, 12] }, per: 'year' }, '4–12/year'],
    ['uniform below 1', { times: { uniform: [0.5, 1] }, per: 'year' }, 'every 1–2 years'],
    ['once', 'once', 'once'],
    ['once within 7 days', { once: true, 'within-days': 7 }, 'once, by day 7'],
  ] as const)('%s', (_what, frequency, text) => {
    expect(frequencyText(frequency as Parameters<typeof frequencyText>[0], 'en')).toBe(text);
  });
});
