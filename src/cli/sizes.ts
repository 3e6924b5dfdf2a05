/** Memory sizes as users write them on the command line (`--max-memory 4GB`). */

const UNITS: Record<string, number> = { b: 1, k: 2 ** 10, kb: 2 ** 10, m: 2 ** 20, mb: 2 ** 20, g: 2 ** 30, gb: 2 ** 30, t: 2 ** 40, tb: 2 ** 40 };

/**
 * Bytes from `512MB`, `4GB`, `1.5G`, `800m`, or a plain number of bytes. Units are binary
 * (1 GB = 2³⁰ bytes), as memory is counted by the operating system. Undefined when unreadable.
 */
export function parseMemorySize(text: string): number | undefined {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const key = (match[2] || 'b').toLowerCase();
  // Own keys only: `constructor` is letters too.
  if (!Object.hasOwn(UNITS, key)) return undefined;
  const bytes = Number(match[1]!.replace(',', '.')) * UNITS[key]!;
  return Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes) : undefined;
}
