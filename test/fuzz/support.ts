/**
 * The fuzz suite's settings (issue 12): a fixed seed and a small number of cases in `npm test`,
 * so that CI is deterministic and quick; `npm run fuzz` (scripts/fuzz.js) sets LOGI_FUZZ_RUNS and
 * a fresh LOGI_FUZZ_SEED, printed first so that any failure can be replayed with the same seed.
 * fast-check's failure message also gives the seed and the path of the shrunk counterexample.
 */
import fc from 'fast-check';

/** Cases for one property: LOGI_FUZZ_RUNS scaled by the property's weight, else the CI default. */
export function runs(ciDefault: number, weight = 1): number {
  const asked = Number(process.env.LOGI_FUZZ_RUNS);
  return Number.isFinite(asked) && asked > 0 ? Math.max(1, Math.round(asked * weight)) : ciDefault;
}

export function fuzzParameters(ciDefault: number, weight = 1): fc.Parameters<unknown> {
  const seed = Number(process.env.LOGI_FUZZ_SEED);
  return { numRuns: runs(ciDefault, weight), seed: Number.isInteger(seed) ? seed : 20261130 };
}

/** Strings that have broken text outputs before: controls, escapes, bidi, markup, prototype names. */
export const HOSTILE_PIECES = [
  '\u001b[2J', '\u001b]8;;http://evil\u0007click\u001b]8;;\u0007', '\u009b31m', '\u0007', '\u0000', '\u0001', '\u000b', '\u007f',
  '\u202e', '\u2066', '\ud800', '\udfff', '\ufffe', '\r', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', ']]>', '&amp;',
  '%%{init: {}}%%', 'end', '"', "'", '`', '|', '[', '{', 'constructor', '__proto__', 'toString', 'javascript:alert(1)', '=1+1', '-', '@',
];

/** An arbitrary string, biased towards hostile pieces. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(...HOSTILE_PIECES),
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
);

/**
 * What a terminal must never receive from logi: control characters other than newline and tab,
 * except logi's own colour codes (ESC [ digits m), bidi controls and lone surrogates.
 */
export function terminalUnsafe(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- logi's own colour codes start with ESC
  const withoutColours = text.replace(/\u001b\[[0-9;]*m/g, '');
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return withoutColours.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g) ?? [];
}

/** A test's timeout: `ciMs` in `npm test`; none under `npm run fuzz`, whose run count the caller picks. */
export function fuzzTimeout(ciMs: number): number {
  return process.env.LOGI_FUZZ_RUNS ? 0 : ciMs;
}
