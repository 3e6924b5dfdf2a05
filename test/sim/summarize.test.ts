import { describe, expect, it } from 'vitest';
import { round, summarize } from '../../src/sim/summarize.js';
import { deriveStream } from '../../src/sim/random.js';

/** Hyndman & Fan type 7 on a sorted copy: the reference for the bucketed selection. */
function type7(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

describe('summarize', () => {
  const u = deriveStream(3, 'summaries', 0, 'flow');
  const cases: [string, number[]][] = [
    ['continuous', Array.from({ length: 10_000 }, () => u() * 1000)],
    ['integers with many ties', Array.from({ length: 9_999 }, () => Math.floor(u() * 12))],
    ['mostly zeros', Array.from({ length: 5_000 }, () => (u() < 0.93 ? 0 : Math.floor(u() * 5)))],
    ['a long tail', Array.from({ length: 4_001 }, () => Math.exp(8 * u()))],
    ['negative differences', Array.from({ length: 2_000 }, () => Math.floor(u() * 200) - 150)],
    ['two values', [3, 7]],
    // Found by the fuzz suite (issue 12): a span of subnormal width made the bucket scale infinite.
    ['subnormal values (1e-320)', [0, 1e-320, 2e-320, 5e-324, 1e-320, 0, 3e-320]],
  ];
  it.each(cases)('%s: exact type-7 quantiles, mean, sd and MCSE', (_name, values) => {
    const s = summarize(Float64Array.from(values));
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(s.median).toBe(round(type7(values, 0.5)));
    expect(s.p025).toBe(round(type7(values, 0.025)));
    expect(s.p975).toBe(round(type7(values, 0.975)));
    expect(Math.abs(s.mean - mean)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(mean)));
    expect(Math.abs(s.sd - sd)).toBeLessThanOrEqual(1e-6 * Math.max(1, sd));
    expect(Math.abs(s.mcse - sd / Math.sqrt(n))).toBeLessThanOrEqual(1e-6 * Math.max(1, sd));
  });
  it('gives zero spread for a constant and for a single iteration', () => {
    expect(summarize(new Float64Array(100).fill(42))).toEqual({ mean: 42, sd: 0, median: 42, p025: 42, p975: 42, mcse: 0 });
    expect(summarize(Float64Array.of(5.5))).toEqual({ mean: 5.5, sd: 0, median: 5.5, p025: 5.5, p975: 5.5, mcse: 0 });
  });
  it('keeps 7 significant digits', () => {
    expect(round(123456.789)).toBe(123456.8);
    expect(round(0.000123456789)).toBe(0.0001234568);
  });
});

describe('CSV', () => {
  it('writes the same bytes as csv-stringify, quoting what RFC 4180 requires and neutralising formulas', async () => {
    const { stringify } = await import('csv-stringify/sync');
    const { escapeCsvField } = await import('../../src/text/escape.js');
    const fields = ['plain', 'with,comma', 'with;semicolon', 'with "quotes"', 'line\nbreak', 'Fond d’œil', '', '=HYPERLINK("http://x";"y")', '+1', '-1', '@SUM(A1)', '\tx', '＝1'];
    for (const delimiter of [',', ';'] as const) {
      const ours = `${fields.map((f) => escapeCsvField(f, delimiter)).join(delimiter)}\n`;
      expect(ours).toBe(stringify([fields], { delimiter, record_delimiter: 'unix', escape_formulas: true }));
    }
  });
});
