/**
 * Seeded random streams. Every stream is derived from (seed, territory, iteration, purpose) only,
 * so a result never depends on the order in which iterations run or on the number of workers
 * (DESIGN §1.4, §5). The generator is Alea (J. Baagøe, 2010; period ≈ 2^116): seedrandom seeds it
 * from the derivation string (its Mash hash), then `AleaStream` runs the same recurrence without a
 * closure per call, and can be copied so that both arms replay the same numbers cheaply.
 *
 * Each purpose's stream is a master from which a fresh sub-stream is seeded for every cycle and
 * stratum (`reseedFrom`): both arms of a territory then draw the same numbers for the same
 * (purpose, cycle, stratum) even when a program makes them draw more or fewer of them — this is
 * what makes common random numbers effective.
 */
import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** `parameters` is shared by all territories; `counts` seeds a territory's four count-noise streams. */
export type Purpose = 'parameters' | 'counts' | 'enrolment' | 'flow' | 'transitions' | 'inflows';

/** Territory key used for streams that all territories share (the parameter draws θᵢ). */
export const ALL_TERRITORIES = '*';

interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export class AleaStream {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;
  /** The stream as a plain function, for samplers. */
  readonly next: Uniform;

  constructor(state: AleaState) {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.next = (): number => {
      // Alea's recurrence, as in seedrandom/lib/alea.js: a multiply-with-carry on three lags.
      const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
      this.s0 = this.s1;
      this.s1 = this.s2;
      return (this.s2 = t - (this.c = t | 0));
    };
  }

  /** Restarts this stream at a saved state (streams are reused to spare the garbage collector). */
  reset(state: AleaState): void {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  /**
   * Restarts this stream from three numbers of `master`, as Alea's own seeding does (three lags
   * in [0, 1), carry 1). Sub-streams drawn this way per (cycle, stratum) keep the two arms of a
   * paired comparison in step even when they consume different amounts of randomness.
   */
  reseedFrom(master: AleaStream): void {
    // Three steps of the master's recurrence, written out (the same numbers as master.next()).
    let c = master.c;
    let t = 2091639 * master.s0 + c * 2.3283064365386963e-10;
    const a = t - (c = t | 0);
    t = 2091639 * master.s1 + c * 2.3283064365386963e-10;
    const b = t - (c = t | 0);
    t = 2091639 * master.s2 + c * 2.3283064365386963e-10;
    const d = t - (c = t | 0);
    master.s0 = a;
    master.s1 = b;
    master.s2 = d;
    master.c = c;
    this.s0 = a;
    this.s1 = b;
    this.s2 = d;
    this.c = 1;
  }

  state(): AleaState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

/** The seeded state of the stream for (seed, territory, iteration, purpose). */
export function streamState(seed: number, territory: string, iteration: number, purpose: Purpose): AleaState {
  const prng = seedrandom.alea(`logi/${seed}/${territory}/${iteration}/${purpose}`, { state: true });
  return prng.state() as AleaState;
}

export function deriveStream(seed: number, territory: string, iteration: number, purpose: Purpose): Uniform {
  return new AleaStream(streamState(seed, territory, iteration, purpose)).next;
}
