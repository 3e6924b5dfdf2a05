/**
 * A territory's population pyramid as a standalone SVG, drawn in Node (no browser): one stacked
 * trapezoid per stratum, the first stratum at the bottom, each band's lower edge as wide as its
 * count (linear scale), its upper edge as wide as the band above, so the outline is the pyramid
 * itself. Each band is labelled with its stratum, count and share of the pyramid.
 *
 * A linear scale would make the top strata invisible (in the Douaisis, S4 is under 1 % of S0),
 * so a band is never narrower than `MIN_WIDTH_SHARE` of the widest one; the caption says so.
 */
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatCount, formatPercent } from '../i18n/numbers.js';
import { hasOwnKey, ownValue } from '../language/records.js';
import type { PyramidDocument } from '../language/schemas/pyramid.js';
import type { TerritoryDocument } from '../language/schemas/territory.js';
import { escapeXml } from '../text/escape.js';

export const MIN_WIDTH_SHARE = 0.06;

/** Fill and stroke from the healthiest stratum (green) to the most severe (red). */
const STRATUM_PALETTE: readonly [string, string][] = [
  ['#dcfce7', '#15803d'],
  ['#ecfccb', '#4d7c0f'],
  ['#fef3c7', '#b45309'],
  ['#ffedd5', '#c2410c'],
  ['#fee2e2', '#b91c1c'],
  ['#fce7f3', '#9d174d'],
];

export interface PyramidStratumRow {
  id: string;
  title: string;
  count: number;
  share: number;
}

export interface PyramidFigure {
  pyramid: string;
  territory: string;
  total: number;
  strata: PyramidStratumRow[];
  svg: string;
}

/** The rows of the pyramid for a territory; strata the territory does not count are 0. */
export function pyramidRows(pyramid: PyramidDocument, territory: TerritoryDocument): PyramidStratumRow[] {
  const counts = ownValue(territory.pyramids, pyramid.id)?.counts;
  const count = (stratum: string) => ownValue(counts, stratum) ?? 0;
  const total = pyramid.strata.reduce((sum, s) => sum + count(s.id), 0);
  return pyramid.strata.map((s) => ({ id: s.id, title: s.title, count: count(s.id), share: total > 0 ? count(s.id) / total : 0 }));
}

export function pyramidToSvg(pyramid: PyramidDocument, territory: TerritoryDocument): PyramidFigure {
  if (!hasOwnKey(territory.pyramids, pyramid.id)) throw new Error(`territory ${territory.id} has no counts for pyramid ${pyramid.id}`);
  const rows = pyramidRows(pyramid, territory);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const maxCount = Math.max(1, ...rows.map((r) => r.count));
  const chartWidth = 520;
  const bandHeight = 56;
  const left = 20;
  const labelX = left + chartWidth + 24;
  const width = labelX + 380;
  const top = 78;
  const height = top + rows.length * bandHeight + 56;
  const centre = left + chartWidth / 2;
  const widthOf = (count: number) => chartWidth * Math.max(MIN_WIDTH_SHARE, count / maxCount);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title">`,
    `<title id="title">${escapeXml(`${pyramid.title} — ${territory.title}`)}</title>`,
    '<style>text{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;fill:#0f172a}.h{font-size:17px;font-weight:bold}.s{font-size:12px;fill:#475569}.n{font-size:13px;font-weight:bold}.t{font-size:12px}</style>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text class="h" x="${left}" y="28">${escapeXml(pyramid.title)}</text>`,
    `<text class="s" x="${left}" y="50">${escapeXml(territory.title)} · ${t('render.pyramid.people', { count: formatCount(total, currentLanguage()), population: formatCount(territory.population, currentLanguage()) })}</text>`,
  );
  // Bottom stratum first: row 0 is drawn lowest.
  rows.forEach((row, i) => {
    const yBottom = top + (rows.length - i) * bandHeight;
    const yTop = yBottom - bandHeight + 2;
    const bottomWidth = widthOf(row.count);
    const above = rows[i + 1];
    const topWidth = Math.min(bottomWidth, above ? widthOf(above.count) : bottomWidth * 0.6);
    const [fill, stroke] = STRATUM_PALETTE[Math.min(i, STRATUM_PALETTE.length - 1)]!;
    const points = [
      [centre - bottomWidth / 2, yBottom],
      [centre + bottomWidth / 2, yBottom],
      [centre + topWidth / 2, yTop],
      [centre - topWidth / 2, yTop],
    ]
      .map(([x, y]) => `${x!.toFixed(1)},${y!.toFixed(1)}`)
      .join(' ');
    const yMid = (yTop + yBottom) / 2;
    out.push(
      `<g data-stratum="${escapeXml(row.id)}">`,
      `<polygon points="${points}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`,
      `<text class="n" x="${centre}" y="${(yMid + 5).toFixed(1)}" text-anchor="middle">${escapeXml(row.id)}</text>`,
      `<line x1="${(centre + bottomWidth / 2 + 4).toFixed(1)}" y1="${yMid.toFixed(1)}" x2="${labelX - 6}" y2="${yMid.toFixed(1)}" stroke="#cbd5e1" stroke-dasharray="2,3"/>`,
      `<text class="n" x="${labelX}" y="${(yMid - 3).toFixed(1)}">${formatCount(row.count, currentLanguage())} · ${formatPercent(row.share, currentLanguage())}</text>`,
      `<text class="t" x="${labelX}" y="${(yMid + 13).toFixed(1)}">${escapeXml(truncate(row.title, 58))}</text>`,
      '</g>',
    );
  });
  const caption = t('render.pyramid.caption', { percent: Math.round(MIN_WIDTH_SHARE * 100) });
  const source = ownValue(territory.pyramids, pyramid.id)!.note ? t('render.pyramid.note') : '';
  out.push(`<text class="s" x="${left}" y="${height - 20}">${escapeXml(caption + source)}</text>`, '</svg>');
  return { pyramid: pyramid.id, territory: territory.id, total, strata: rows, svg: `${out.join('\n')}\n` };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
