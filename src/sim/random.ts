/**
 * Seeded random streams. Every stream is derived from (seed, territory, iteration, purpose) only,
 * so a result never depends on the order in which iterations run or on the number of workers
 * (DESIGN §1.4, §5). The generator is seedrandom's Alea (Baagøe), fast and with a period ≈ 2^116.
 */
import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1). */
export type Uniform = () => number;

export type Purpose = 'parameters' | 'enrolment' | 'flow' | 'transitions' | 'inflows';

/** Territory key used for streams that all territories share (the parameter draws θᵢ). */
export const ALL_TERRITORIES = '*';

export function deriveStream(seed: number, territory: string, iteration: number, purpose: Purpose): Uniform {
  const prng = seedrandom.alea(`logi/${seed}/${territory}/${iteration}/${purpose}`);
  return () => prng();
}
