/**
 * Frequencies as FHIR Timing, against Timings written by hand (docs/fhir.md, "Frequencies"), and
 * back: exact counts in Timing alone; a quarter and a distribution also in logi's extension.
 */
import { describe, expect, it } from 'vitest';
import { frequencyToTiming, timingToFrequency, type Frequency } from '../../src/fhir/timing.js';

const CARRIED = 'https://logi-sante.fr/fhir/StructureDefinition/logi-frequency';

describe('frequency → Timing', () => {
  it.each<[string, Frequency, object]>([
    ['4 a year', { times: 4, per: 'year' }, { repeat: { frequency: 4, period: 1, periodUnit: 'a' } }],
    ['once a year', { times: 1, per: 'year' }, { repeat: { frequency: 1, period: 1, periodUnit: 'a' } }],
    ['0.2 a year: once every 5 years', { times: 0.2, per: 'year' }, { repeat: { frequency: 1, period: 5, periodUnit: 'a' } }],
    ['2.5 a year: 5 every 2 years', { times: 2.5, per: 'year' }, { repeat: { frequency: 5, period: 2, periodUnit: 'a' } }],
    ['3 a week', { times: 3, per: 'week' }, { repeat: { frequency: 3, period: 1, periodUnit: 'wk' } }],
    ['once a day', { times: 1, per: 'day' }, { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }],
    ['twice a month', { times: 2, per: 'month' }, { repeat: { frequency: 2, period: 1, periodUnit: 'mo' } }],
    ['once a quarter: 3 months, and the quarter kept', { times: 1, per: 'quarter' }, { extension: [{ url: CARRIED, valueString: '{"times":1,"per":"quarter"}' }], repeat: { frequency: 1, period: 3, periodUnit: 'mo' } }],
    ['4 to 12 a year (uniform)', { times: { uniform: [4, 12] }, per: 'year' }, { extension: [{ url: CARRIED, valueString: '{"times":{"uniform":[4,12]},"per":"year"}' }], repeat: { frequency: 4, frequencyMax: 12, period: 1, periodUnit: 'a' } }],
    ['every 1 to 2 years (uniform 0.5–1 a year)', { times: { uniform: [0.5, 1] }, per: 'year' }, { extension: [{ url: CARRIED, valueString: '{"times":{"uniform":[0.5,1]},"per":"year"}' }], repeat: { frequency: 1, period: 1, periodMax: 2, periodUnit: 'a' } }],
    ['a gamma: its mean', { times: { gamma: { mean: 3, sd: 1 } }, per: 'year' }, { extension: [{ url: CARRIED, valueString: '{"times":{"gamma":{"mean":3,"sd":1}},"per":"year"}' }], repeat: { frequency: 3, period: 1, periodUnit: 'a' } }],
  ])('%s', (_what, frequency, timing) => {
    expect(frequencyToTiming(frequency)).toEqual(timing);
    expect(timingToFrequency(frequencyToTiming(frequency))).toEqual(frequency);
  });

  it('a Timing from elsewhere, in hours or with a range and no extension, is not a logi frequency', () => {
    expect(timingToFrequency({ repeat: { frequency: 1, period: 8, periodUnit: 'h' } })).toBe('unreadable');
    expect(timingToFrequency({ repeat: { frequency: 4, frequencyMax: 12, period: 1, periodUnit: 'a' } })).toBe('unreadable');
  });
});

describe('one-off acts (`once`) as Timing', () => {
  const UCUM = 'http://unitsofmeasure.org';
  it('`once` is one act (count 1) with no period, and reads back as `once`', () => {
    expect(frequencyToTiming({ once: true })).toEqual({ repeat: { count: 1 } });
    expect(timingToFrequency({ repeat: { count: 1 } })).toBe('once');
  });

  it('`within-days: 7` is shown as boundsDuration 7 days and carried exactly in logi-frequency', () => {
    expect(frequencyToTiming({ once: true, withinDays: 7 })).toEqual({
      extension: [{ url: CARRIED, valueString: '{"once":true,"within-days":7}' }],
      repeat: { count: 1, boundsDuration: { value: 7, unit: 'd', system: UCUM, code: 'd' } },
    });
    expect(timingToFrequency(frequencyToTiming({ once: true, withinDays: 7 }))).toEqual({ once: true, 'within-days': 7 });
    expect(timingToFrequency(frequencyToTiming({ once: true, withinDays: 0 }))).toEqual({ once: true, 'within-days': 0 });
  });

  it('reads a Timing from elsewhere with count 1 and a bound in days, and refuses other counts or bounds', () => {
    expect(timingToFrequency({ repeat: { count: 1, boundsDuration: { value: 30, unit: 'days', system: UCUM, code: 'd' } } })).toEqual({ once: true, 'within-days': 30 });
    expect(timingToFrequency({ repeat: { count: 2 } })).toBe('unreadable');
    expect(timingToFrequency({ repeat: { count: 1, boundsDuration: { value: 2, unit: 'wk', system: UCUM, code: 'wk' } } })).toBe('unreadable');
    expect(timingToFrequency({ repeat: { count: 1, boundsDuration: { value: 1.5, system: UCUM, code: 'd' } } })).toBe('unreadable');
    expect(timingToFrequency({ repeat: { count: 1, frequency: 1, period: 1, periodUnit: 'a' } })).toBe('unreadable');
  });
});
