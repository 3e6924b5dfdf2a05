/** How a year's person-time in a stratum is counted (docs/economics.md, "Person-time"). */
export type StateTime = 'half-cycle' | 'start' | 'end';

/**
 * The shares of a stratum's count at the start and at the end of a year in its person-time that
 * year: the mean of both (`half-cycle`, the trapezoid of the half-cycle correction), or one of them.
 */
export const PERSON_TIME_SHARES: Record<StateTime, { start: number; end: number }> = {
  'half-cycle': { start: 0.5, end: 0.5 },
  start: { start: 1, end: 0 },
  end: { start: 0, end: 1 },
};
