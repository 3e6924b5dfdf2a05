/**
 * Keyed random streams (src/sim/random.ts, docs/simulation.md "Random streams"): the hash is
 * MurmurHash3 as published (checked against an independent implementation), a stream's state is
 * the hash of its full key as documented, the generator is seedrandom's Alea, and sibling streams
 * are uncorrelated — the defect of the earlier derivation, where each sub-stream copied its
 * parent's next three outputs, gave r = 1.000 between every third number of consecutive siblings.
 */
import murmur from 'murmurhash3js-revisited';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { sampleSize } from '../helpers/budget.js';
import { correlation } from '../helpers/statistics.js';
import { AleaStream, deriveStream, keyedStream, murmur3x86_128, murmur3x86_32, PURPOSE_CODES, stratumCode, StreamKey } from '../../src/sim/random.js';

const hex = (words: readonly number[]) => words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
const bytesOf = (words: readonly number[]) => {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(4 * i, w >>> 0, true));
  return bytes;
};

describe('MurmurHash3', () => {
  it('x86_128 and x86_32 agree with an independent implementation (murmurhash3js-revisited) on every length 0–80', () => {
    const u = deriveStream(3, 'murmur', 0, 'flow');
    for (let length = 0; length <= 80; length++) {
      for (let trial = 0; trial < 8; trial++) {
        const bytes = Uint8Array.from({ length }, () => Math.floor(u() * 256));
        const seed = Math.floor(u() * 2 ** 32);
        expect(hex(murmur3x86_128(bytes, seed)), `x86_128 length ${length}`).toBe(murmur.x86.hash128(bytes, seed));
        expect(murmur3x86_32(bytes, seed), `x86_32 length ${length}`).toBe(murmur.x86.hash32(bytes, seed));
      }
    }
  });

  it('gives the published value of the empty input (all zero) and differs for one changed bit', () => {
    expect(hex(murmur3x86_128(new Uint8Array(0), 0))).toBe('00000000000000000000000000000000');
    expect(murmur3x86_32(new Uint8Array(0), 0)).toBe(0);
    expect(murmur3x86_32(new Uint8Array(0), 1)).toBe(0x514e28b7); // SMHasher's verification table
  });
});

describe('keyed streams', () => {
  it('take their state from the documented two-stage hash of the full key, and run seedrandom\'s Alea from it', () => {
    const seed = 20180318;
    const territory = 'douaisis';
    const iteration = 1234;
    const cycle = 7;
    const stratum = stratumCode('S2');
    // Stage K: the prefix; stage H: K's four words, then purpose, cycle, stratum, 0 (32 bytes).
    const k = murmur.x86.hash128(new TextEncoder().encode(`logi/${seed}/${territory}/${iteration}`), 0);
    const kWords = [0, 1, 2, 3].map((i) => Number.parseInt(k.slice(8 * i, 8 * i + 8), 16));
    const h = murmur.x86.hash128(bytesOf([...kWords, PURPOSE_CODES.transitions, cycle, stratum, 0]), 0);
    const state = { c: 1, s0: Number.parseInt(h.slice(0, 8), 16) / 2 ** 32, s1: Number.parseInt(h.slice(8, 16), 16) / 2 ** 32, s2: Number.parseInt(h.slice(16, 24), 16) / 2 ** 32 };
    const ours = keyedStream(seed, territory, iteration, 'transitions', cycle, stratum);
    expect(ours.state()).toEqual(state);
    const reference = seedrandom.alea('', { state });
    for (let i = 0; i < 1000; i++) expect(ours.next()).toBe(reference());
    // The stratum code is MurmurHash3_x86_32 of the id's UTF-8 bytes.
    expect(stratumCode('S2')).toBe(murmur.x86.hash32(new TextEncoder().encode('S2'), 0));
  });

  it('give the same stream for the same key whatever was drawn before (a key is not a position in another stream)', () => {
    const key = new StreamKey().set(5, 'cornouaille', 3);
    const a = new AleaStream();
    const b = new AleaStream();
    key.seed(a, PURPOSE_CODES.flow, 2, 99);
    key.seed(b, PURPOSE_CODES.enrolment, 2, 99);
    for (let i = 0; i < 50; i++) b.next();
    key.seed(b, PURPOSE_CODES.flow, 2, 99);
    for (let i = 0; i < 100; i++) expect(b.next()).toBe(a.next());
  });

  it('differ when any part of the key differs', () => {
    const first = (seed: number, territory: string, iteration: number, purpose: 'flow' | 'enrolment', cycle: number, stratum: number) => deriveStream(seed, territory, iteration, purpose, cycle, stratum)();
    const base = [1, 'a', 0, 'flow', 0, 7] as const;
    const variants = [base, [2, 'a', 0, 'flow', 0, 7], [1, 'b', 0, 'flow', 0, 7], [1, 'a', 1, 'flow', 0, 7], [1, 'a', 0, 'enrolment', 0, 7], [1, 'a', 0, 'flow', 1, 7], [1, 'a', 0, 'flow', 0, 8]] as const;
    const values = variants.map((v) => first(...v));
    expect(new Set(values).size).toBe(values.length);
  });

  // 100,000 keys: the sample correlation of independent streams has sd 1/√100,000 ≈ 0.0032, so
  // |r| ≤ 0.01 is about 3.2 sd (issue 11's bound); with the seed fixed the test is reproducible.
  // (Under mutation testing, 10,000 keys and the same 3.2 sd: 0.032; test/helpers/budget.ts.)
  const KEYS = sampleSize(100_000);
  const BOUND = KEYS === 100_000 ? 0.01 : 3.2 / Math.sqrt(KEYS);
  const siblings: [string, (k: StreamKey, a: AleaStream, b: AleaStream) => void][] = [
    ['neighbouring strata', (k, a, b) => (k.seed(a, PURPOSE_CODES.transitions, 3, stratumCode('S1')), k.seed(b, PURPOSE_CODES.transitions, 3, stratumCode('S2')))],
    ['neighbouring cycles', (k, a, b) => (k.seed(a, PURPOSE_CODES.transitions, 3, stratumCode('S1')), k.seed(b, PURPOSE_CODES.transitions, 4, stratumCode('S1')))],
    ['enrolment and flow of one stratum', (k, a, b) => (k.seed(a, PURPOSE_CODES.enrolment, 0, stratumCode('S1')), k.seed(b, PURPOSE_CODES.flow, 0, stratumCode('S1')))],
    ['strata numbered 0 and 1', (k, a, b) => (k.seed(a, PURPOSE_CODES.flow, 0, 0), k.seed(b, PURPOSE_CODES.flow, 0, 1))],
  ];
  it.each(siblings)('of %s are uncorrelated over 100,000 keys: |r| ≤ 0.01 for each of the first six draws and the shifted draws', (_name, seedPair) => {
    const key = new StreamKey();
    const a = new AleaStream();
    const b = new AleaStream();
    const DRAWS = 6;
    const xs = Array.from({ length: DRAWS }, () => new Float64Array(KEYS));
    const ys = Array.from({ length: DRAWS }, () => new Float64Array(KEYS));
    for (let i = 0; i < KEYS; i++) {
      key.set(11, 'territoire', i);
      seedPair(key, a, b);
      for (let d = 0; d < DRAWS; d++) {
        xs[d]![i] = a.next();
        ys[d]![i] = b.next();
      }
    }
    for (let d = 0; d < DRAWS; d++) expect(Math.abs(correlation(xs[d]!, ys[d]!)), `draw ${d}`).toBeLessThanOrEqual(BOUND);
    // The old overlap: draw d + 3 of one sibling against draw d of the next.
    for (let d = 0; d + 3 < DRAWS; d++) expect(Math.abs(correlation(xs[d + 3]!, ys[d]!)), `draws ${d + 3} and ${d}`).toBeLessThanOrEqual(BOUND);
  });

  it('are uniform: the first draw of 100,000 keys passes a χ² test on 20 bins (0.1 % level)', () => {
    const counts = new Array(20).fill(0) as number[];
    const key = new StreamKey();
    const stream = new AleaStream();
    for (let i = 0; i < KEYS; i++) {
      key.set(11, 'territoire', i);
      key.seed(stream, PURPOSE_CODES.inflows, 0, 0);
      counts[Math.floor(stream.next() * 20)]! += 1;
    }
    const expected = KEYS / 20;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // χ²(19) at the 0.1 % level: 43.82 (tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4), whatever the sample size.
    expect(chi2).toBeLessThan(43.82);
  });
});
