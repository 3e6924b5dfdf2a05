/**
 * The one order of text that reaches an output: by Unicode code point, the same on every machine
 * and under every locale (`localeCompare` without a locale follows the user's: ids such as `aa-…`
 * sort differently under da_DK and en_US). Plain `<` compares UTF-16 code units, which puts
 * characters beyond U+FFFF before U+E000–U+FFFF; this compares code points.
 */
export function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800–U+DFFF) stands for a code point above U+FFFF: it sorts after every other unit.
    const xHigh = x >= 0xd800 && x <= 0xdfff;
    const yHigh = y >= 0xd800 && y <= 0xdfff;
    if (xHigh !== yHigh) return xHigh ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
