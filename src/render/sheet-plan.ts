/**
 * How a memo sheet's diagram goes on paper (docs/render.md): the page format, and the scale at
 * which the diagram's smallest text is at least 7 pt on paper. In order of preference:
 *   1. A4 portrait, the diagram beside the legend and the table of actions, all on one page;
 *   2. A4 portrait, the diagram across the page under the title, the rest after it;
 *   3. the same two in A4 landscape;
 *   4. the diagram split over several A4 pages, cut between its rows of nodes (and, if it is too
 *      wide even in landscape, between its columns), each cut edge marked with the page it
 *      continues on.
 * With `paper: 'a3'` (only when asked: a GP prints A4) the same order on A3.
 *
 * The text on paper is the diagram's natural font size (CSS px, from the browser) × the scale ×
 * 0.75 pt per px (96 px = 72 pt = 1 inch). Pure: the browser measures, this decides.
 */

/** Paper sizes in millimetres, portrait. */
export const PAPER_MM = { a4: { width: 210, height: 297 }, a3: { width: 297, height: 420 } } as const;
export type Paper = keyof typeof PAPER_MM;
export const PAPERS = Object.keys(PAPER_MM) as Paper[];
export type Orientation = 'portrait' | 'landscape';
export const ORIENTATIONS: readonly Orientation[] = ['portrait', 'landscape'];

/** Page margin on every side, in millimetres. */
export const MARGIN_MM = 12;
/** CSS pixels per millimetre (96 px per inch). */
export const PX_PER_MM = 96 / 25.4;
/** Points per CSS pixel (72 pt and 96 px per inch). */
export const PT_PER_PX = 0.75;
/** The smallest diagram text a sheet may print, in points. */
export const MIN_TEXT_PT = 7;
/** Share of the content width the diagram column takes when the table of actions is beside it. */
export const DIAGRAM_COLUMN_SHARE = 0.46;
/** Gap between the diagram column and the side column, px. */
export const COLUMN_GAP_PX = 12;
/** Height of the strip above or below a cut band, where the continuation labels go, px. */
export const STRIP_PX = 18;
/** Width of the strip left or right of a cut column, px. */
export const SIDE_STRIP_PX = 92;
/** Room left on every page for rounding between the layout and the printed page, px. */
export const SLACK_PX = 6;
/** Space kept clear around nodes and text when choosing where to cut, in diagram units. */
export const CUT_CLEARANCE = 4;
/** Half the size of the box kept clear around an edge's end, where its arrowhead is, in diagram units. */
export const ARROWHEAD = 12;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** What the browser measures of a diagram, in the SVG's user units (CSS px at natural size). */
export interface DiagramGeometry {
  viewBox: Box;
  /** The smallest font size of the diagram's text at natural size, px. */
  fontPx: number;
  /** What a cut must not cross: nodes and every piece of text (node, edge and phase labels). */
  obstacles: Box[];
  /** Each edge as a polyline from its source to its target. */
  edges: Point[][];
}

/** Heights, measured in the browser, of the parts of the sheet that are not the diagram (px). */
export interface SheetBlocks {
  /** Title, stratum line and description, at the content width of each orientation. */
  headerPx: Record<Orientation, number>;
  /** Legend, table of actions and sources, in the side column of each orientation. */
  sidePx: Record<Orientation, number>;
}

export type SheetLayout = 'beside' | 'below' | 'split';
export type Direction = 'down' | 'up' | 'right' | 'left';
export type TileEdge = 'top' | 'bottom' | 'left' | 'right';

/** Where edges cross one cut side of a tile, grouped by the page they lead to or come from. */
export interface CutMark {
  edge: TileEdge;
  /** Positions along the tile's side, px on paper from its top or left end. */
  at: number[];
  /** The way the edges flow across the cut. */
  direction: Direction;
  /** True when the edges leave this page for `otherPage`, false when they arrive from it. */
  leaving: boolean;
  otherPage: number;
}

/** One page's piece of the diagram. */
export interface Tile {
  page: number;
  /** The part of the diagram it shows, in user units. */
  box: Box;
  /** The sides of the tile that are cuts (a dashed line and a strip for the labels). */
  cutSides: TileEdge[];
  marks: CutMark[];
}

export interface SheetPlan {
  paper: Paper;
  orientation: Orientation;
  layout: SheetLayout;
  /** Paper px per diagram unit. */
  scale: number;
  /** The diagram's smallest text on paper, in points. */
  textPt: number;
  /** The content box of a page (paper less margins), px. */
  content: { width: number; height: number };
  /** Width of the diagram column when `layout` is `beside`, px. */
  columnPx: number;
  /** True when the header leaves too little room: the diagram starts on page 2. */
  breakAfterHeader: boolean;
  tiles: Tile[];
  /** True when no clean cut existed and a cut crosses a node or a label. */
  cutThrough: boolean;
}

/** The content box of a page, in CSS px (rounded down, so that the layout never overflows it). */
export function contentBox(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAPER_MM[paper];
  const [w, h] = orientation === 'portrait' ? [width, height] : [height, width];
  return { width: Math.floor((w - 2 * MARGIN_MM) * PX_PER_MM), height: Math.floor((h - 2 * MARGIN_MM) * PX_PER_MM) };
}

/** The smallest scale at which text of `fontPx` prints at `MIN_TEXT_PT` or more. */
export function legibleScale(fontPx: number): number {
  return MIN_TEXT_PT / (PT_PER_PX * fontPx);
}

/** The points on paper of text of `fontPx` drawn at `scale`. */
export function textPoints(fontPx: number, scale: number): number {
  return fontPx * scale * PT_PER_PX;
}

/** Chooses the page format and the layout, in the order of docs/render.md, for a diagram and the rest of its sheet. */
export function planSheet(geometry: DiagramGeometry, blocks: SheetBlocks, paper: Paper = 'a4'): SheetPlan {
  const { width, height } = geometry.viewBox;
  const minScale = legibleScale(geometry.fontPx);
  // A diagram is never enlarged, unless its text is smaller than 7 pt at its natural size.
  const maxScale = Math.max(1, minScale);
  for (const orientation of ORIENTATIONS) {
    const content = contentBox(paper, orientation);
    const below = content.height - blocks.headerPx[orientation] - SLACK_PX;
    const columnPx = Math.floor(content.width * DIAGRAM_COLUMN_SHARE);
    const beside = Math.min(maxScale, columnPx / width, below / height);
    const fitsOnePage = blocks.headerPx[orientation] + Math.max(height * beside, blocks.sidePx[orientation]) <= content.height - SLACK_PX;
    if (beside >= minScale && fitsOnePage) return singleTile(geometry, { paper, orientation, layout: 'beside', scale: beside, content, columnPx });
    const across = Math.min(maxScale, content.width / width, below / height);
    if (across >= minScale) return singleTile(geometry, { paper, orientation, layout: 'below', scale: across, content, columnPx });
  }
  return splitPlan(geometry, blocks, paper, minScale, maxScale);
}

type PlanBasics = Pick<SheetPlan, 'paper' | 'orientation' | 'layout' | 'scale' | 'content' | 'columnPx'>;

function singleTile(geometry: DiagramGeometry, basics: PlanBasics): SheetPlan {
  const tile: Tile = { page: 1, box: { ...geometry.viewBox }, cutSides: [], marks: [] };
  return { ...basics, textPt: textPoints(geometry.fontPx, basics.scale), breakAfterHeader: false, tiles: [tile], cutThrough: false };
}

/**
 * Splits the diagram at the largest scale that keeps the fewest pages: portrait when the diagram,
 * at its smallest legible scale, is no wider than a portrait page, else landscape.
 */
function splitPlan(geometry: DiagramGeometry, blocks: SheetBlocks, paper: Paper, minScale: number, maxScale: number): SheetPlan {
  const orientation: Orientation = geometry.viewBox.width * minScale <= contentBox(paper, 'portrait').width ? 'portrait' : 'landscape';
  const content = contentBox(paper, orientation);
  const headerPx = blocks.headerPx[orientation];
  // A header that leaves less than a quarter of the first page: the diagram starts on the next one.
  const breakAfterHeader = content.height - headerPx - 2 * STRIP_PX - SLACK_PX < content.height / 4;
  const firstRowPx = breakAfterHeader ? content.height : content.height - headerPx;
  const tilesAt = (scale: number) => tileDiagram(geometry, { scale, content, firstRowPx, firstPage: breakAfterHeader ? 2 : 1 });
  const fewest = tilesAt(minScale).tiles.length;
  // The page count only grows with the scale: find the largest scale that keeps the fewest pages.
  let [low, high] = [minScale, Math.max(minScale, Math.min(maxScale, content.width / geometry.viewBox.width))];
  if (tilesAt(high).tiles.length === fewest) low = high;
  for (let step = 0; step < 24 && high - low > 1e-4; step += 1) {
    const middle = (low + high) / 2;
    if (tilesAt(middle).tiles.length === fewest) low = middle;
    else high = middle;
  }
  const { tiles, cutThrough } = tilesAt(low);
  const columnPx = Math.floor(content.width * DIAGRAM_COLUMN_SHARE);
  return { paper, orientation, layout: 'split', scale: low, textPt: textPoints(geometry.fontPx, low), content, columnPx, breakAfterHeader, tiles, cutThrough };
}

interface TilingFrame {
  scale: number;
  content: { width: number; height: number };
  /** Height the first row of tiles has under the header, px. */
  firstRowPx: number;
  firstPage: number;
}

/** Cuts the diagram into rows (and columns if needed) of tiles that each fit one page, numbered row by row. */
export function tileDiagram(geometry: DiagramGeometry, frame: TilingFrame): { tiles: Tile[]; cutThrough: boolean } {
  const { viewBox } = geometry;
  const { scale, content } = frame;
  // An edge's path stops short of its target, where the arrowhead is drawn: a cut there would
  // cut the arrowhead off and cross no edge, so the end of every edge is an obstacle too.
  const arrowheads = geometry.edges.flatMap((edge) => {
    const end = edge.at(-1);
    return end ? [{ x: end.x - ARROWHEAD, y: end.y - ARROWHEAD, width: 2 * ARROWHEAD, height: 2 * ARROWHEAD }] : [];
  });
  const obstacles = [...geometry.obstacles, ...arrowheads];
  const columnCuts = viewBox.width * scale <= content.width - SLACK_PX ? { cuts: [], through: false } : cutAxis(obstacles.map((b) => [b.x, b.x + b.width]), viewBox.x, viewBox.x + viewBox.width, () => (content.width - 2 * SIDE_STRIP_PX - SLACK_PX) / scale);
  const rowLength = (row: number) => ((row === 0 ? frame.firstRowPx : content.height) - 2 * STRIP_PX - SLACK_PX) / scale;
  const rowCuts = cutAxis(obstacles.map((b) => [b.y, b.y + b.height]), viewBox.y, viewBox.y + viewBox.height, rowLength);
  const xs = [viewBox.x, ...columnCuts.cuts, viewBox.x + viewBox.width];
  const ys = [viewBox.y, ...rowCuts.cuts, viewBox.y + viewBox.height];
  const columns = xs.length - 1;
  const pageOf = (row: number, column: number) => frame.firstPage + row * columns + column;
  const tiles: Tile[] = [];
  for (let row = 0; row < ys.length - 1; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const box = { x: xs[column]!, y: ys[row]!, width: xs[column + 1]! - xs[column]!, height: ys[row + 1]! - ys[row]! };
      const cutSides: TileEdge[] = [];
      if (row > 0) cutSides.push('top');
      if (row < ys.length - 2) cutSides.push('bottom');
      if (column > 0) cutSides.push('left');
      if (column < columns - 1) cutSides.push('right');
      tiles.push({ page: pageOf(row, column), box, cutSides, marks: [] });
    }
  }
  markCrossings(geometry.edges, { tiles, xs, ys, scale, pageOf });
  return { tiles, cutThrough: columnCuts.through || rowCuts.through };
}

/**
 * Where to cut an extent [start, end] so that each piece is at most `length(i)` long, cutting only
 * between obstacles (each widened by `CUT_CLEARANCE`), as late as possible. When an obstacle is
 * longer than a whole piece, the cut goes through it (`through`).
 */
export function cutAxis(obstacles: [number, number][], start: number, end: number, length: (piece: number) => number): { cuts: number[]; through: boolean } {
  const blocked = mergeIntervals(obstacles.map(([a, b]) => [a - CUT_CLEARANCE, b + CUT_CLEARANCE] as [number, number]));
  const cuts: number[] = [];
  let through = false;
  for (let from = start, piece = 0; end - from > length(piece); piece += 1) {
    const limit = from + length(piece);
    const inside = blocked.find(([a, b]) => a < limit && limit < b);
    let cut = inside === undefined ? limit : inside[0];
    if (cut <= from) {
      cut = limit;
      through = true;
    }
    cuts.push(cut);
    from = cut;
  }
  return { cuts, through };
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

interface CrossingFrame {
  tiles: Tile[];
  xs: number[];
  ys: number[];
  scale: number;
  pageOf: (row: number, column: number) => number;
}

/** Marks, on both tiles that a cut separates, every place where an edge crosses it. */
function markCrossings(edges: Point[][], frame: CrossingFrame): void {
  const { xs, ys, scale, pageOf } = frame;
  const columns = xs.length - 1;
  const tileAt = (row: number, column: number) => frame.tiles[row * columns + column]!;
  // The column (or row) of a crossing: the first bound at or past it closes its slot.
  const slot = (bounds: number[], value: number) => {
    const closing = bounds.findIndex((b, i) => i > 0 && value <= b);
    return closing === -1 ? bounds.length - 2 : closing - 1;
  };
  const add = (tile: Tile, mark: Omit<CutMark, 'at'>, at: number) => {
    const same = tile.marks.find((m) => m.edge === mark.edge && m.direction === mark.direction && m.otherPage === mark.otherPage && m.leaving === mark.leaving);
    if (same) same.at.push(at);
    else tile.marks.push({ ...mark, at: [at] });
  };
  for (const [row, cut] of ys.slice(1, -1).entries()) {
    for (const { point, forward } of crossings(edges, 'y', cut)) {
      const column = slot(xs, point.x);
      const [above, below] = [tileAt(row, column), tileAt(row + 1, column)];
      const direction: Direction = forward ? 'down' : 'up';
      add(above, { edge: 'bottom', direction, leaving: forward, otherPage: pageOf(row + 1, column) }, (point.x - above.box.x) * scale);
      add(below, { edge: 'top', direction, leaving: !forward, otherPage: pageOf(row, column) }, (point.x - below.box.x) * scale);
    }
  }
  for (const [column, cut] of xs.slice(1, -1).entries()) {
    for (const { point, forward } of crossings(edges, 'x', cut)) {
      const row = slot(ys, point.y);
      const [left, right] = [tileAt(row, column), tileAt(row, column + 1)];
      const direction: Direction = forward ? 'right' : 'left';
      add(left, { edge: 'right', direction, leaving: forward, otherPage: pageOf(row, column + 1) }, (point.y - left.box.y) * scale);
      add(right, { edge: 'left', direction, leaving: !forward, otherPage: pageOf(row, column) }, (point.y - right.box.y) * scale);
    }
  }
  for (const tile of frame.tiles) for (const mark of tile.marks) mark.at.sort((a, b) => a - b);
}

/** Where polylines cross the line `axis = cut`, and whether they cross it forward (towards larger values). */
export function crossings(edges: Point[][], axis: 'x' | 'y', cut: number): { point: Point; forward: boolean }[] {
  const found: { point: Point; forward: boolean }[] = [];
  const other = axis === 'x' ? 'y' : 'x';
  for (const edge of edges) {
    for (let i = 1; i < edge.length; i += 1) {
      const [p, q] = [edge[i - 1]!, edge[i]!];
      const forward = p[axis] < cut && cut <= q[axis];
      if (!forward && !(q[axis] < cut && cut <= p[axis])) continue;
      const along = p[other] + ((cut - p[axis]) / (q[axis] - p[axis])) * (q[other] - p[other]);
      found.push({ point: axis === 'y' ? { x: along, y: cut } : { x: cut, y: along }, forward });
    }
  }
  return found;
}
