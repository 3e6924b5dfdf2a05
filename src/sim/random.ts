/**
 * Keyed random streams (DESIGN §8.3: streams are keyed, not chained). Every stream's state is a
 * hash of its full key — (seed, territory, iteration, purpose, cycle, stratum) — and never comes
 * from another stream's outputs, so sibling streams are as independent as the hash makes them, a
 * result never depends on the order in which iterations run or on the number of workers, and the
 * two arms of a paired comparison draw the same numbers for the same key (common random numbers)
 * even where a program makes them draw more or fewer of them.
 *
 * The generator is Alea (J. Baagøe, 2010; the algorithm of seedrandom's `alea`), a multiply-with-
 * carry on three lags. Its state (three 32-bit fractions and a carry) is set from the key by
 * MurmurHash3_x86_128 (A. Appleby, smhasher, public domain) in two stages, written out in
 * docs/simulation.md ("Random streams") so that it can be re-implemented:
 *
 *   K  = MurmurHash3_x86_128(UTF-8 of `logi/<seed>/<territory>/<iteration>`, seed 0)
 *   H  = MurmurHash3_x86_128(K₁ K₂ K₃ K₄ P C S 0 as 32 little-endian bytes, seed 0)
 *   state: s0 = H₁/2³², s1 = H₂/2³², s2 = H₃/2³², carry 1
 *
 * with P the purpose's code, C the cycle (0-based from the start of the horizon) and S
 * MurmurHash3_x86_32(UTF-8 of the stratum id, seed 0), or 0 for a stream that is not a stratum's.
 * K is computed once per (territory, iteration) and the first block of H with it, so a sub-stream
 * costs one block and the finalisation of MurmurHash3 (a few integer multiplications).
 */

/** Which derivation the streams use; written to the manifest so that a change of results shows. */
export const STREAM_DERIVATION = 'keyed-murmur3-alea/3';

/** Purposes of streams, with the code P that enters their key. */
export const PURPOSE_CODES = { parameters: 1, enrolment: 2, flow: 3, transitions: 4, inflows: 5, retention: 6, calibration: 7, synthesis: 8 } as const;
export type Purpose = keyof typeof PURPOSE_CODES;

/** Territory key used for streams that all territories share (the parameter draws θᵢ). */
export const ALL_TERRITORIES = '*';

/** A stream of uniform numbers in [0, 1). */
export type Uniform = () => number;

export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

export class AleaStream {
  private c = 1;
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  /** The stream as a plain function, for samplers. */
  readonly next: Uniform;

  constructor(state?: AleaState) {
    if (state) this.reset(state);
    this.next = (): number => {
      // Alea's recurrence, as in seedrandom/lib/alea.js: a multiply-with-carry on three lags.
      const t = 2091639 * this.s0 + this.c * TWO_TO_MINUS_32;
      this.s0 = this.s1;
      this.s1 = this.s2;
      return (this.s2 = t - (this.c = t | 0));
    };
  }

  reset(state: AleaState): void {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  /** Sets the state from three 32-bit words, carry 1, as Alea's own seeding does. */
  setWords(w0: number, w1: number, w2: number): void {
    this.s0 = (w0 >>> 0) * TWO_TO_MINUS_32;
    this.s1 = (w1 >>> 0) * TWO_TO_MINUS_32;
    this.s2 = (w2 >>> 0) * TWO_TO_MINUS_32;
    this.c = 1;
  }

  state(): AleaState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

// ---- MurmurHash3 (x86 variants), after smhasher/src/MurmurHash3.cpp -------------------------

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

/** The running state of MurmurHash3_x86_128: four 32-bit lanes. */
class Murmur128 {
  h1 = 0;
  h2 = 0;
  h3 = 0;
  h4 = 0;

  start(seed: number): void {
    this.h1 = this.h2 = this.h3 = this.h4 = seed | 0;
  }

  /** Mixes one 16-byte block given as four little-endian 32-bit words. */
  block(k1: number, k2: number, k3: number, k4: number): void {
    let { h1, h2, h3, h4 } = this;
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** Mixes the last 1–15 bytes (the words hold them little-endian, zero beyond the end). */
  tail(k1: number, k2: number, k3: number, k4: number, length: number): void {
    const rest = length & 15;
    if (rest > 12) this.h4 ^= Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    if (rest > 8) this.h3 ^= Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    if (rest > 4) this.h2 ^= Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    if (rest > 0) this.h1 ^= Math.imul(rotl(Math.imul(k1, C1), 15), C2);
  }

  finish(length: number): void {
    let h1 = this.h1 ^ length;
    let h2 = this.h2 ^ length;
    let h3 = this.h3 ^ length;
    let h4 = this.h4 ^ length;
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    h1 = fmix32(h1);
    h2 = fmix32(h2);
    h3 = fmix32(h3);
    h4 = fmix32(h4);
    h1 = (h1 + h2 + h3 + h4) | 0;
    this.h1 = h1;
    this.h2 = (h2 + h1) | 0;
    this.h3 = (h3 + h1) | 0;
    this.h4 = (h4 + h1) | 0;
  }
}

const word = (bytes: Uint8Array, i: number): number => bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
/** The little-endian word of bytes [i, end), zero-padded. */
function partialWord(bytes: Uint8Array, i: number, end: number): number {
  let w = 0;
  for (let k = Math.min(end, i + 4) - 1; k >= i; k--) w = (w << 8) | bytes[k]!;
  return w;
}

function hashBytes(state: Murmur128, bytes: Uint8Array, length: number, seed: number): void {
  state.start(seed);
  const blocks = length - (length & 15);
  for (let i = 0; i < blocks; i += 16) state.block(word(bytes, i), word(bytes, i + 4), word(bytes, i + 8), word(bytes, i + 12));
  if (length & 15) state.tail(partialWord(bytes, blocks, length), partialWord(bytes, blocks + 4, length), partialWord(bytes, blocks + 8, length), partialWord(bytes, blocks + 12, length), length);
  state.finish(length);
}

/** MurmurHash3_x86_128 of `bytes`: the four 32-bit words h1…h4, unsigned. */
export function murmur3x86_128(bytes: Uint8Array, seed = 0): [number, number, number, number] {
  const state = new Murmur128();
  hashBytes(state, bytes, bytes.length, seed);
  return [state.h1 >>> 0, state.h2 >>> 0, state.h3 >>> 0, state.h4 >>> 0];
}

/** MurmurHash3_x86_32 of `bytes`, unsigned. */
export function murmur3x86_32(bytes: Uint8Array, seed = 0): number {
  let h = seed | 0;
  const length = bytes.length;
  const blocks = length - (length & 3);
  for (let i = 0; i < blocks; i += 4) {
    h ^= Math.imul(rotl(Math.imul(word(bytes, i), 0xcc9e2d51), 15), 0x1b873593);
    h = (Math.imul(rotl(h, 13), 5) + 0xe6546b64) | 0;
  }
  if (length & 3) h ^= Math.imul(rotl(Math.imul(partialWord(bytes, blocks, length), 0xcc9e2d51), 15), 0x1b873593);
  return fmix32(h ^ length) >>> 0;
}

const utf8 = new TextEncoder();

/** The code S of a stratum id in stream keys (seed 0 unless two ids of a pyramid collide: see model.ts). */
export function stratumCode(id: string, seed = 0): number {
  return murmur3x86_32(utf8.encode(id), seed);
}

// ---- keyed streams ------------------------------------------------------------------------

/**
 * The key prefix (seed, territory, iteration), hashed once: `seed(…)` then gives the state of the
 * stream of any (purpose, cycle, stratum) under it in a few integer operations.
 */
export class StreamKey {
  private readonly prefix = new Murmur128();
  private readonly work = new Murmur128();
  private bytes = new Uint8Array(64);

  /** Hashes the prefix `logi/<seed>/<territory>/<iteration>` (stage K) and the first block of H. */
  set(seed: number, territory: string, iteration: number): this {
    const text = `logi/${seed}/${territory}/${iteration}`;
    // Encoded in place (no new array per territory and iteration); a UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (text.length * 3 > this.bytes.length) this.bytes = new Uint8Array(text.length * 3);
    const { written } = utf8.encodeInto(text, this.bytes);
    hashBytes(this.work, this.bytes, written, 0);
    this.prefix.start(0);
    this.prefix.block(this.work.h1, this.work.h2, this.work.h3, this.work.h4);
    return this;
  }

  /** Sets `target` to the start of the stream (purpose, cycle, stratum code) under this prefix. */
  seed(target: AleaStream, purpose: number, cycle: number, stratum: number): void {
    const w = this.work;
    w.h1 = this.prefix.h1;
    w.h2 = this.prefix.h2;
    w.h3 = this.prefix.h3;
    w.h4 = this.prefix.h4;
    w.block(purpose, cycle, stratum, 0);
    w.finish(32);
    target.setWords(w.h1, w.h2, w.h3);
  }
}

/** The stream of a full key, as a new generator (for one-off streams such as θᵢ's, and tests). */
export function keyedStream(seed: number, territory: string, iteration: number, purpose: Purpose, cycle = 0, stratum = 0): AleaStream {
  const stream = new AleaStream();
  new StreamKey().set(seed, territory, iteration).seed(stream, PURPOSE_CODES[purpose], cycle, stratum);
  return stream;
}

/** The uniform function of a keyed stream. */
export function deriveStream(seed: number, territory: string, iteration: number, purpose: Purpose, cycle = 0, stratum = 0): Uniform {
  return keyedStream(seed, territory, iteration, purpose, cycle, stratum).next;
}
