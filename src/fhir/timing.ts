/**
 * An action's `frequency` as a FHIR Timing (`timingTiming` of its ActivityDefinition), and back.
 * A fixed number of acts per period is exact in Timing: `times` per `per` becomes `frequency`
 * acts every `period` units, with the smallest whole period that makes the count whole (0.2 a year
 * is one act every 5 years, 2.5 a year five every 2 years). Timing has no quarter (three months)
 * and no distribution: a distribution's range (uniform, triangular) or mean is written as the
 * Timing for readers, and the exact frequency travels in logi's `logi-frequency` extension.
 * A one-off act (`once`) is `repeat.count: 1`; its `within-days: N` is also shown as
 * `repeat.boundsDuration` (N days) and travels exactly in the same extension (docs/fhir.md).
 */
import type { Parameter } from '../language/schemas/common.js';
import { EXTENSION } from './canonical.js';
import type { Extension, Timing } from './types.js';

export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';
export interface Frequency {
  times: Parameter;
  per: Period;
}
/** A one-off act as parsed (parseFrequency) and as written back (`once`, or the mapping with `within-days`). */
export interface OnceParsed {
  once: true;
  withinDays?: number;
}
export type OnceWritten = 'once' | { once: true; 'within-days': number };

const UCUM = 'http://unitsofmeasure.org';

/** `once` as a Timing: one act (`count: 1`), due within `within-days` days (`boundsDuration`) when stated. */
function onceToTiming(frequency: OnceParsed): Timing {
  if (frequency.withinDays === undefined) return { repeat: { count: 1 } };
  const carried: Extension = { url: EXTENSION.frequency, valueString: JSON.stringify({ once: true, 'within-days': frequency.withinDays }) };
  return { extension: [carried], repeat: { count: 1, boundsDuration: { value: frequency.withinDays, unit: 'd', system: UCUM, code: 'd' } } };
}

/** A Timing of one act and no period, read back as `once` (with `within-days` from a bound in whole days). */
function timingToOnce(repeat: NonNullable<Timing['repeat']>): OnceWritten | 'unreadable' {
  if (repeat.frequency !== undefined || repeat.period !== undefined || repeat.periodUnit !== undefined) return 'unreadable';
  const bound = repeat.boundsDuration;
  if (bound === undefined) return 'once';
  const days = bound.code === 'd' && (bound.system === undefined || bound.system === UCUM) ? bound.value : undefined;
  return days !== undefined && Number.isInteger(days) && days >= 0 ? { once: true, 'within-days': days } : 'unreadable';
}

const UNIT: Record<Period, { unit: 'd' | 'wk' | 'mo' | 'a'; length: number }> = {
  day: { unit: 'd', length: 1 },
  week: { unit: 'wk', length: 1 },
  month: { unit: 'mo', length: 1 },
  quarter: { unit: 'mo', length: 3 },
  year: { unit: 'a', length: 1 },
};
const PER_OF_UNIT = { d: 'day', wk: 'week', mo: 'month', a: 'year' } as const;

/** `times` acts per one period as whole acts over whole periods: [acts, periods], exact or undefined. */
function wholeRatio(times: number): [number, number] | undefined {
  for (let periods = 1; periods <= 1000; periods++) {
    const acts = Math.round(times * periods);
    if (acts >= 1 && acts / periods === times) return [acts, periods];
  }
  return undefined;
}

/** The numbers a distribution is shown by in Timing: its range when it has one, else its mean. */
function shownRange(times: Exclude<Parameter, number>): [number, number] | number | undefined {
  if ('uniform' in times) return times.uniform;
  if ('triangular' in times) return [times.triangular[0], times.triangular[2]];
  if ('gamma' in times) return times.gamma.mean;
  if ('normal' in times) return times.normal.mean;
  if ('lognormal' in times) return 'median' in times.lognormal ? times.lognormal.median : times.lognormal.mean;
  return undefined;
}

function repeatOf(times: number, per: Period): Timing['repeat'] | undefined {
  const ratio = wholeRatio(times);
  if (!ratio) return undefined;
  const { unit, length } = UNIT[per];
  return { frequency: ratio[0], period: ratio[1] * length, periodUnit: unit };
}

/** The Timing of a frequency and, when Timing cannot hold it exactly, the extension that does. */
export function frequencyToTiming(frequency: Frequency | OnceParsed): Timing {
  if ('once' in frequency) return onceToTiming(frequency);
  const { times, per } = frequency;
  const exact = typeof times === 'number' && per !== 'quarter' ? repeatOf(times, per) : undefined;
  if (exact) return { repeat: exact };
  const carried: Extension = { url: EXTENSION.frequency, valueString: JSON.stringify(frequency) };
  const shown = typeof times === 'number' ? times : shownRange(times);
  if (shown === undefined) return { extension: [carried] };
  const [low, high] = typeof shown === 'number' ? [shown, shown] : shown;
  const lowRepeat = repeatOf(low, per);
  const highRepeat = repeatOf(high, per);
  if (!lowRepeat || !highRepeat) return { extension: [carried] };
  // One act every 1 to 2 years (0.5–1 a year) is a range of periods; 4 to 12 a year, of counts.
  const repeat = lowRepeat.frequency === highRepeat.frequency
    ? { ...highRepeat, ...(lowRepeat.period !== highRepeat.period ? { periodMax: lowRepeat.period } : {}) }
    : { ...lowRepeat, ...(highRepeat.frequency! > lowRepeat.frequency! && highRepeat.period === lowRepeat.period ? { frequencyMax: highRepeat.frequency } : {}) };
  return { extension: [carried], repeat };
}

/** Why a Timing cannot be read back as a frequency (a message key of the importer), or the frequency. */
export function timingToFrequency(timing: Timing): Frequency | OnceWritten | 'unreadable' {
  const carried = timing.extension?.find((e) => e.url === EXTENSION.frequency)?.valueString;
  if (carried !== undefined) {
    try {
      return JSON.parse(carried) as Frequency | OnceWritten;
    } catch {
      return 'unreadable';
    }
  }
  const repeat = timing.repeat;
  if (repeat?.count !== undefined) return repeat.count === 1 ? timingToOnce(repeat) : 'unreadable';
  if (!repeat || repeat.frequency === undefined || repeat.period === undefined || repeat.periodUnit === undefined) return 'unreadable';
  const per = PER_OF_UNIT[repeat.periodUnit as keyof typeof PER_OF_UNIT];
  if (per === undefined || repeat.frequencyMax !== undefined || repeat.periodMax !== undefined) return 'unreadable';
  return { times: repeat.frequency / repeat.period, per };
}
