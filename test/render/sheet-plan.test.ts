/**
 * How a memo sheet's diagram goes on paper (src/render/sheet-plan.ts, docs/render.md). The
 * oracles are worked out by hand from the paper sizes (A4 = 210 × 297 mm, 12 mm margins, 96 px
 * per inch) and from diagrams whose geometry is given here.
 */
import { describe, expect, it } from 'vitest';
import { contentBox, crossings, cutAxis, type DiagramGeometry, legibleScale, planSheet, type SheetBlocks, textPoints } from '../../src/render/sheet-plan.js';

/** Header 100 px high, side column 300 px, in both orientations. */
const BLOCKS: SheetBlocks = { headerPx: { portrait: 100, landscape: 100 }, sidePx: { portrait: 300, landscape: 300 } };

function diagram(width: number, height: number, extra: Partial<DiagramGeometry> = {}): DiagramGeometry {
  return { viewBox: { x: 0, y: 0, width, height }, fontPx: 16, obstacles: [], edges: [], ...extra };
}

describe('paper and legibility', () => {
  it('A4 less 12 mm margins is 702 × 1031 px (186 × 273 mm = 702.99 × 1031.81 px at 96 px per 25.4 mm, rounded down); A3 is 1031 × 1496', () => {
    expect(contentBox('a4', 'portrait')).toEqual({ width: 702, height: 1031 });
    expect(contentBox('a4', 'landscape')).toEqual({ width: 1031, height: 702 });
    expect(contentBox('a3', 'portrait')).toEqual({ width: 1031, height: 1496 });
  });

  it('16 px text needs a scale of 7/12: 16 px × 0.75 pt/px = 12 pt at scale 1', () => {
    expect(legibleScale(16)).toBeCloseTo(7 / 12, 12);
    expect(textPoints(16, 7 / 12)).toBeCloseTo(7, 12);
    expect(textPoints(16, 1)).toBe(12);
  });
});

describe('choosing the layout', () => {
  it('a small diagram goes beside the table on one A4 portrait page, at its natural size', () => {
    const plan = planSheet(diagram(300, 400), BLOCKS);
    // Column: floor(702 × 0.46) = 322 px ≥ 300; height 1031 − 100 − 6 = 925 ≥ 400: scale 1.
    expect(plan).toMatchObject({ paper: 'a4', orientation: 'portrait', layout: 'beside', scale: 1, textPt: 12, columnPx: 322 });
    expect(plan.tiles).toHaveLength(1);
  });

  it('a diagram too wide for the column goes across the page under the title', () => {
    const plan = planSheet(diagram(1000, 1500), BLOCKS);
    // Beside: 322/1000 = 0.322 < 7/12. Across: min(702/1000, 925/1500) = 0.61667 ≥ 0.58333.
    expect(plan).toMatchObject({ orientation: 'portrait', layout: 'below' });
    expect(plan.scale).toBeCloseTo(925 / 1500, 12);
    expect(plan.textPt).toBeCloseTo(16 * (925 / 1500) * 0.75, 12);
  });

  it('a wide, short diagram turns the page: A4 landscape', () => {
    const plan = planSheet(diagram(1500, 600), BLOCKS);
    // Portrait: 702/1500 = 0.468 < 7/12. Landscape across: min(1031/1500, (702 − 106)/600) = 0.68733.
    expect(plan).toMatchObject({ orientation: 'landscape', layout: 'below' });
    expect(plan.scale).toBeCloseTo(1031 / 1500, 12);
  });

  it('A3 only when asked: the same diagram fits one A3 portrait page', () => {
    const plan = planSheet(diagram(1000, 1500), BLOCKS, 'a3');
    // A3 portrait across: min(1031/1000, (1496 − 106)/1500) = 0.92667.
    expect(plan).toMatchObject({ paper: 'a3', orientation: 'portrait', layout: 'below' });
    expect(plan.scale).toBeCloseTo(1390 / 1500, 12);
  });
});

describe('splitting a tall diagram', () => {
  // Three nodes 100 units high at y = 0, 900 and 1900, joined by two straight edges down x = 200.
  const tall = diagram(400, 2000, {
    obstacles: [
      { x: 100, y: 0, width: 200, height: 100 },
      { x: 100, y: 900, width: 200, height: 100 },
      { x: 100, y: 1900, width: 200, height: 100 },
    ],
    edges: [
      [{ x: 200, y: 100 }, { x: 200, y: 900 }],
      [{ x: 200, y: 1000 }, { x: 200, y: 1900 }],
    ],
  });

  it('cuts between nodes, on two A4 portrait pages, at the largest scale that keeps two pages', () => {
    const plan = planSheet(tall, BLOCKS);
    // One page would need 925/2000 = 0.4625 < 7/12: split. Page 1 holds 1031 − 100 − 2 × 18 − 6 = 889 px
    // of diagram, the next 1031 − 42 = 989 px. Blocked around the middle node: 900 − 12 − 4 = 884
    // (its arrowhead) to 1004. At a scale s ≤ 889/1004 the first cut is at 889/s, and the rest fits
    // in 989/s while s ≤ 1878/2000; above 889/1004 the cut falls back to 884 and the rest (1116)
    // fits while s ≤ 989/1116 = 0.886201. So the scale is 989/1116, the cut at 884.
    expect(plan).toMatchObject({ orientation: 'portrait', layout: 'split', cutThrough: false, breakAfterHeader: false });
    expect(plan.scale).toBeGreaterThan(989 / 1116 - 1e-4);
    expect(plan.scale).toBeLessThanOrEqual(989 / 1116 + 1e-9);
    expect(plan.tiles.map((t) => [t.page, t.box.y, t.box.height, t.cutSides])).toEqual([
      [1, 0, 884, ['bottom']],
      [2, 884, 1116, ['top']],
    ]);
  });

  it('marks the cut edge on both pages: leaving page 1 for page 2, arriving on page 2 from page 1', () => {
    const plan = planSheet(tall, BLOCKS);
    const at = 200 * plan.scale;
    expect(plan.tiles[0]!.marks).toEqual([{ edge: 'bottom', direction: 'down', leaving: true, otherPage: 2, at: [at] }]);
    expect(plan.tiles[1]!.marks).toEqual([{ edge: 'top', direction: 'down', leaving: false, otherPage: 1, at: [at] }]);
  });

  it('a diagram wider than a landscape page at 7 pt is cut into columns too, continued to the right', () => {
    const nodes = [0, 1000, 2000, 3000].map((x) => ({ x, y: 100, width: 800, height: 100 }));
    const edges = [0, 1000, 2000].map((x) => [{ x: x + 800, y: 150 }, { x: x + 1000, y: 150 }]);
    const plan = planSheet(diagram(3800, 300, { obstacles: nodes, edges }), BLOCKS);
    expect(plan).toMatchObject({ orientation: 'landscape', layout: 'split', cutThrough: false });
    expect(plan.textPt).toBeGreaterThanOrEqual(7 - 1e-9);
    expect(plan.tiles.length).toBeGreaterThan(1);
    for (const tile of plan.tiles) expect(tile.box.width * plan.scale).toBeLessThanOrEqual(1031 - 2 * 92);
    expect(plan.tiles[0]!.marks).toEqual([expect.objectContaining({ edge: 'right', direction: 'right', leaving: true, otherPage: 2 })]);
  });
});

describe('cutting one axis', () => {
  it('cuts as late as possible, before the obstacle that the page end falls in', () => {
    // Blocked (4 units of clearance): (16, 84), (116, 184), (216, 284). Limit 150 → 116; 116 + 150 = 266 → 216; 84 left.
    expect(cutAxis([[20, 80], [120, 180], [220, 280]], 0, 300, () => 150)).toEqual({ cuts: [116, 216], through: false });
  });

  it('cuts through an obstacle longer than a page, and says so', () => {
    expect(cutAxis([[0, 500]], 0, 600, () => 200)).toEqual({ cuts: [200, 400], through: true });
  });

  it('finds where polylines cross a line, and which way', () => {
    expect(crossings([[{ x: 0, y: 0 }, { x: 100, y: 100 }]], 'y', 25)).toEqual([{ point: { x: 25, y: 25 }, forward: true }]);
    expect(crossings([[{ x: 0, y: 100 }, { x: 0, y: 0 }]], 'y', 50)).toEqual([{ point: { x: 0, y: 50 }, forward: false }]);
    expect(crossings([[{ x: 0, y: 0 }, { x: 40, y: 0 }]], 'x', 10)).toEqual([{ point: { x: 10, y: 0 }, forward: true }]);
    expect(crossings([[{ x: 0, y: 0 }, { x: 0, y: 10 }]], 'y', 50)).toEqual([]);
  });
});
