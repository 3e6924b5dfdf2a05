import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { PyramidDocument } from '../../src/language/schemas/pyramid.js';
import type { TerritoryDocument } from '../../src/language/schemas/territory.js';
import { currentLanguage, setLanguage } from '../../src/i18n/language.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { MIN_WIDTH_SHARE, pyramidToSvg } from '../../src/render/pyramid.js';
import { REPO, runCli } from '../helpers/cli.js';

const workspace = await loadWorkspace({ cwd: REPO });
const pyramid = workspace.index.Pyramid.get('diabete-t2')!.value;
const douaisis = workspace.index.Territory.get('douaisis')!.value;

/** Lower-edge width of each band, read back from the polygons' points. */
function bandWidths(svg: string): Map<string, number> {
  const widths = new Map<string, number>();
  for (const match of svg.matchAll(/<g data-stratum="([^"]+)">\s*<polygon points="([^"]+)"/g)) {
    const [p1, p2] = match[2]!.split(' ').map((pt) => Number(pt.split(',')[0]));
    widths.set(match[1]!, p2! - p1!);
  }
  return widths;
}

describe('territory pyramid', () => {
  it('draws one well-formed trapezoid per stratum, widths by count, with counts and percentages', () => {
    const figure = pyramidToSvg(pyramid, douaisis);
    expect(XMLValidator.validate(figure.svg)).toBe(true);
    const counts = douaisis.pyramids['diabete-t2']!.counts;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(figure.total).toBe(total);
    expect(figure.strata.map((s) => s.id)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    expect(figure.strata.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
    const widths = bandWidths(figure.svg);
    expect([...widths.keys()]).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    // Linear in the count above the visibility floor: S1/S0 as wide as their counts say (0.1 px of rounding).
    expect(widths.get('S1')! / widths.get('S0')!).toBeCloseTo(counts.S1! / counts.S0!, 3);
    for (const id of ['S2', 'S3', 'S4']) expect(widths.get(id)! / widths.get('S0')!).toBeCloseTo(Math.max(MIN_WIDTH_SHARE, counts[id]! / counts.S0!), 3);
    // Counts and one-decimal percentages in the language of the run (English in the tests).
    expect(figure.svg).toContain('55,736 · 28.8%');
    expect(figure.svg).toContain(pyramid.strata[4]!.title);
  });

  it('writes its own words in the chosen language (French by default), the titles as written', () => {
    const language = currentLanguage();
    try {
      setLanguage('fr');
      const french = pyramidToSvg(pyramid, douaisis).svg;
      setLanguage('en');
      const english = pyramidToSvg(pyramid, douaisis).svg;
      expect(french).toMatch(/ · [\d\u202f]+ personnes dans la pyramide · population [\d\u202f]+</);
      expect(french).toContain(`Largeur proportionnelle à l&#39;effectif (au moins ${Math.round(MIN_WIDTH_SHARE * 100)} % de la plus large, pour rester visible).`);
      expect(english).toMatch(/ · [\d,]+ people in the pyramid · population [\d,]+</);
      // Douaisis S0: 55,736 people, 28.8 % of the pyramid; French groups with narrow no-break spaces and a decimal comma.
      expect(french).toContain('55\u202f736 · 28,8\u202f%');
      expect(english).toContain('55,736 · 28.8%');
      expect(english).toContain('Width proportional to the count (at least');
      for (const svg of [french, english]) expect(svg).toContain(pyramid.strata[4]!.title);
    } finally {
      setLanguage(language);
    }
  });

  it('escapes titles: a hostile territory name stays text', () => {
    const hostile = { ...douaisis, title: '<script>alert(1)</script> & "quotes"' } as TerritoryDocument;
    const svg = pyramidToSvg({ ...pyramid, title: '<img src=x onerror=alert(1)>' } as PyramidDocument, hostile).svg;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).not.toMatch(/<[^>]*\son\w+=/);
    const parsed = new XMLParser({ ignoreAttributes: true }).parse(svg) as { svg: { title: string } };
    expect(parsed.svg.title).toContain('<script>alert(1)</script>');
  });

  it('logi render --pyramid diabete-t2 --territory douaisis writes the SVG; an unknown territory gets the known ones', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'logi-pyramid-'));
    try {
      const run = runCli(['render', '--pyramid', 'diabete-t2', '--territory', 'douaisis', '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/wrote 1 pyramid to /);
      expect(readFileSync(path.join(out, 'diabete-t2-douaisis.svg'), 'utf8')).toBe(pyramidToSvg(pyramid, douaisis).svg);
      const all = runCli(['render', '--pyramid', 'insuffisance-cardiaque', '--out', out, '--json']);
      expect(JSON.parse(all.stdout).files).toHaveLength(5);
      const unknown = runCli(['render', '--pyramid', 'diabete-t2', '--territory', 'douai', '--out', out]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/no territory `douai`.*\n.*known territories: .*douaisis/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
