/**
 * Simulated flows drawn on a logigramme: the flowchart laid out by dagre, each node carrying the mean
 * number of people reaching it per year (and the baseline figure when there is one), each edge drawn
 * with a width that grows with the flow along it.
 *
 * The SVG is written here as a string rather than rendered by mermaid in Chromium so that reports
 * build on machines with no browser, and so that the same inputs give byte-identical output (no DOM
 * text measurement, no randomness, coordinates rounded). The string is both inlined in an HTML page
 * and written as a standalone .svg file, so it is self-contained XML: nothing executable, nothing
 * fetched, every piece of user text escaped, and ids prefixed per logigramme so that several overlays
 * can share one page.
 */
import dagre from '@dagrejs/dagre';
import { ownValue } from '../language/records.js';
import { escapeXml } from '../text/escape.js';

export type OverlayNodeType = 'start' | 'action' | 'decision' | 'end' | 'refer';

export interface OverlayLogigramme {
  id: string;
  title: string;
  nodes: { id: string; type: OverlayNodeType; label: string; actor?: string }[]; // first node is the start
  edges: { from: string; to: string; label: string }[]; // label '' when none
}

export interface OverlayArmCounts {
  nodes: Record<string, number>; // mean people per year reaching each node id
  edges: number[]; // mean people per year along each edge, aligned with logigramme.edges
}

export interface OverlayOptions {
  /** Formats a count for display, e.g. (n) => '12 340' (French) or '12,340'. */
  formatCount: (n: number) => string;
  /** Words, already translated by the caller. */
  /** The report's words; `colon` is the language's (« : » in French, ": " in English). */
  words: { perYear: string; baseline: string; program: string; colon: string };
  /** Optional fill/stroke colours per actor id. */
  actorColours?: Readonly<Record<string, readonly [string, string]>>;
}

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const LABEL_SIZE = 13;
const COUNT_SIZE = 13;
const BASELINE_SIZE = 11;
const EDGE_SIZE = 11;
/** Average glyph advance relative to font size for a sans-serif face; bold runs a little wider. */
const CHAR_WIDTH = 0.55;
const BOLD_CHAR_WIDTH = 0.6;
const LINE_HEIGHT = 1.3;
const WRAP_CHARS = 28;
const MAX_LINES = 4;
const EDGE_WRAP_CHARS = 24;
const EDGE_MAX_LINES = 2;
const PAD_X = 14;
const PAD_Y = 10;
const MIN_NODE_WIDTH = 110;
const REFER_INSET = 7;
const ARROW_LENGTH = 10;
const ARROW_HALF_WIDTH = 6;
const MIN_STROKE = 1;
const MAX_STROKE = 8;
const EDGE_COLOUR = '#546e7a';
const TEXT_COLOUR = '#1f2933';

const SHAPE_COLOURS: Record<OverlayNodeType, readonly [string, string]> = {
  start: ['#e8f5e9', '#2e7d32'],
  end: ['#eceff1', '#455a64'],
  action: ['#e3f2fd', '#1565c0'],
  decision: ['#fff8e1', '#f9a825'],
  refer: ['#f3e5f5', '#6a1b9a'],
};

/** One decimal keeps the output compact and stable across platforms; non-finite values never reach the file. */
function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/** Counts come from simulation output that may be partial: anything not a finite, non-negative number reads as 0. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Colours come from configuration: only plain colour syntax is let through, so a url(...) cannot fetch anything. */
function safeColour(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const colour = value.trim();
  if (/^#[0-9a-f]{3,8}$/i.test(colour) || /^[a-z]{3,30}$/i.test(colour) || /^(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\)$/i.test(colour)) {
    return colour;
  }
  return fallback;
}

/** FNV-1a, so that ids which sanitize to the same characters still get distinct prefixes. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function idPrefix(id: string): string {
  const readable = String(id).replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return `ov-${readable}-${hash(String(id))}`;
}

function length(text: string): number {
  return Array.from(text).length;
}

function textWidth(text: string, size: number, factor = CHAR_WIDTH): number {
  return length(text) * size * factor;
}

function truncate(line: string, max: number): string {
  const chars = Array.from(line);
  return chars.length < max ? `${line}…` : `${chars.slice(0, max - 1).join('')}…`;
}

/** Word wrap on character count, since there is no DOM to measure text; over-long words are cut. */
function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const words = String(text).split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    let rest = Array.from(word);
    while (rest.length > 0) {
      const room = current === '' ? maxChars : maxChars - length(current) - 1;
      if (rest.length <= room) {
        current = current === '' ? rest.join('') : `${current} ${rest.join('')}`;
        rest = [];
      } else if (current !== '') {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, maxChars).join(''));
        rest = rest.slice(maxChars);
      }
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(kept[maxLines - 1] ?? '', maxChars);
    return kept;
  }
  return lines;
}

interface TextLine {
  text: string;
  size: number;
  bold: boolean;
}

function blockWidth(lines: readonly TextLine[]): number {
  return Math.max(0, ...lines.map((line) => textWidth(line.text, line.size, line.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH)));
}

function blockHeight(lines: readonly TextLine[]): number {
  return lines.reduce((sum, line) => sum + line.size * LINE_HEIGHT, 0);
}

/** Text lines centred on (cx, cy); the baseline sits about 0.8 em below the top of each line box. */
function drawLines(lines: readonly TextLine[], cx: number, cy: number): string {
  let y = cy - blockHeight(lines) / 2;
  let out = '';
  for (const line of lines) {
    const box = line.size * LINE_HEIGHT;
    const baseline = y + (box - line.size) / 2 + line.size * 0.8;
    const weight = line.bold ? ' font-weight="700"' : '';
    out += `<text x="${num(cx)}" y="${num(baseline)}" font-size="${line.size}"${weight} text-anchor="middle">${escapeXml(line.text)}</text>`;
    y += box;
  }
  return out;
}

interface Point {
  x: number;
  y: number;
}

/** A smooth curve through dagre's points: straight to the first midpoint, quadratic through each bend, straight into the end. */
function curvePath(points: readonly Point[]): string {
  const first = points[0];
  if (first === undefined) return '';
  if (points.length < 3) return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join(' ');
  let d = `M${num(first.x)},${num(first.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const next = points[i + 1]!;
    const mid = i === points.length - 2 ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    if (i === 1) {
      const m0 = { x: (first.x + p.x) / 2, y: (first.y + p.y) / 2 };
      d += ` L${num(m0.x)},${num(m0.y)}`;
    }
    d += ` Q${num(p.x)},${num(p.y)} ${num(mid.x)},${num(mid.y)}`;
  }
  return d;
}

/**
 * Stops the line short of the node so that the arrowhead, which starts where the line ends, puts its
 * tip on the node border; otherwise a thick line would show on both sides of the arrow's point.
 */
function shortenEnd(points: readonly Point[], by: number): Point[] {
  const out = points.map((p) => ({ x: p.x, y: p.y }));
  const last = out[out.length - 1];
  const before = out[out.length - 2];
  if (last === undefined || before === undefined) return out;
  const dx = last.x - before.x;
  const dy = last.y - before.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return out;
  const cut = Math.min(by, len * 0.8);
  last.x -= (dx / len) * cut;
  last.y -= (dy / len) * cut;
  return out;
}

/**
 * dagre ends edges on the bounding box; for a rhombus that leaves a gap at the corners, so the end is
 * moved to where the line from the centre towards the neighbouring point crosses the rhombus.
 */
function clipToRhombus(centre: { x: number; y: number; width: number; height: number }, towards: Point): Point {
  const dx = towards.x - centre.x;
  const dy = towards.y - centre.y;
  const scale = Math.abs(dx) / (centre.width / 2) + Math.abs(dy) / (centre.height / 2);
  if (!(scale > 0)) return { x: centre.x, y: centre.y };
  return { x: centre.x + dx / scale, y: centre.y + dy / scale };
}

function nodeShape(type: OverlayNodeType, x: number, y: number, w: number, h: number, fill: string, stroke: string): string {
  const left = x - w / 2;
  const top = y - h / 2;
  const paint = `fill="${escapeXml(fill)}" stroke="${escapeXml(stroke)}" stroke-width="1.5"`;
  switch (type) {
    case 'start':
    case 'end':
      return `<rect x="${num(left)}" y="${num(top)}" width="${num(w)}" height="${num(h)}" rx="${num(h / 2)}" ry="${num(h / 2)}" ${paint}/>`;
    case 'decision':
      return `<polygon points="${num(x)},${num(top)} ${num(left + w)},${num(y)} ${num(x)},${num(top + h)} ${num(left)},${num(y)}" ${paint}/>`;
    case 'refer':
      return (
        `<rect x="${num(left)}" y="${num(top)}" width="${num(w)}" height="${num(h)}" ${paint}/>` +
        `<line x1="${num(left + REFER_INSET)}" y1="${num(top)}" x2="${num(left + REFER_INSET)}" y2="${num(top + h)}" stroke="${escapeXml(stroke)}" stroke-width="1.5"/>` +
        `<line x1="${num(left + w - REFER_INSET)}" y1="${num(top)}" x2="${num(left + w - REFER_INSET)}" y2="${num(top + h)}" stroke="${escapeXml(stroke)}" stroke-width="1.5"/>`
      );
    default:
      return `<rect x="${num(left)}" y="${num(top)}" width="${num(w)}" height="${num(h)}" rx="3" ry="3" ${paint}/>`;
  }
}

/** Size of the shape that holds a text block: a rhombus needs text width / W + text height / H <= 1. */
function nodeSize(type: OverlayNodeType, lines: readonly TextLine[]): { width: number; height: number } {
  const tw = blockWidth(lines);
  const th = blockHeight(lines);
  if (type === 'decision') {
    const width = Math.max(MIN_NODE_WIDTH * 1.4, tw * 1.7 + 2 * PAD_X);
    const height = (th * width) / (width - tw) + PAD_Y;
    return { width, height };
  }
  const extra = type === 'refer' ? 2 * REFER_INSET : 0;
  const width = Math.max(MIN_NODE_WIDTH, tw + 2 * PAD_X + extra);
  const height = th + 2 * PAD_Y;
  return { width, height: type === 'start' || type === 'end' ? Math.max(height, 36) : height };
}

interface LaidNode {
  key: string;
  node: OverlayLogigramme['nodes'][number];
  lines: TextLine[];
  width: number;
  height: number;
}
interface LaidEdge {
  name: string;
  from: string;
  to: string;
  flow: number;
  lines: TextLine[];
}
type OverlayGraph = InstanceType<typeof dagre.graphlib.Graph>;

/**
 * The boxes of the nodes, with their label and counts. dagre keys its graph by name in plain
 * objects: internal names (`n0`, `n1`…) keep user ids such as "__proto__" out of them.
 */
function overlayNodes(logigramme: OverlayLogigramme, program: OverlayArmCounts, baseline: OverlayArmCounts | undefined, options: OverlayOptions): { nodes: LaidNode[]; keyOf: Map<string, string> } {
  const { formatCount, words } = options;
  const show = (n: number): string => formatCount(count(n));
  const nodes: LaidNode[] = [];
  const keyOf = new Map<string, string>();
  for (const node of logigramme.nodes) {
    if (keyOf.has(node.id)) continue;
    const key = `n${nodes.length}`;
    keyOf.set(node.id, key);
    const lines: TextLine[] = wrap(node.label, WRAP_CHARS, MAX_LINES).map((text) => ({ text, size: LABEL_SIZE, bold: false }));
    lines.push({ text: `≈ ${show(ownValue(program.nodes, node.id) ?? 0)} ${words.perYear}`, size: COUNT_SIZE, bold: true });
    if (baseline !== undefined) {
      lines.push({ text: `${words.baseline}${words.colon}${show(ownValue(baseline.nodes, node.id) ?? 0)}`, size: BASELINE_SIZE, bold: false });
    }
    nodes.push({ key, node, lines, ...nodeSize(node.type, lines) });
  }
  return { nodes, keyOf };
}

/** The edges between known nodes, with their label and the program's flow. */
function overlayEdges(logigramme: OverlayLogigramme, program: OverlayArmCounts, keyOf: ReadonlyMap<string, string>, options: OverlayOptions): LaidEdge[] {
  const edges: LaidEdge[] = [];
  logigramme.edges.forEach((edge, index) => {
    const from = keyOf.get(edge.from);
    const to = keyOf.get(edge.to);
    if (from === undefined || to === undefined) return;
    const flow = count(program.edges[index]);
    const lines: TextLine[] = wrap(edge.label, EDGE_WRAP_CHARS, EDGE_MAX_LINES).map((text) => ({ text, size: EDGE_SIZE, bold: false }));
    lines.push({ text: `≈ ${options.formatCount(flow)} ${options.words.perYear}`, size: EDGE_SIZE, bold: true });
    edges.push({ name: `e${index}`, from, to, flow, lines });
  });
  return edges;
}

/** dagre's top-to-bottom layout of the boxes and the edges' labels. */
function layOut(nodes: readonly LaidNode[], edges: readonly LaidEdge[]): OverlayGraph {
  const graph = new dagre.graphlib.Graph({ directed: true, multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 40, edgesep: 20, ranksep: 50, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const { key, width, height } of nodes) graph.setNode(key, { width, height });
  for (const edge of edges) {
    graph.setEdge(edge.from, edge.to, { width: blockWidth(edge.lines) + 8, height: blockHeight(edge.lines) + 4, labelpos: 'c', minlen: 1 }, edge.name);
  }
  if (nodes.length > 0) dagre.layout(graph);
  return graph;
}

/** The legend's two entries: which line style is the program and which the baseline. */
function legendParts(legend: readonly TextLine[]): string[] {
  const parts = ['<g class="legend">'];
  let legendX = 16;
  const legendY = 8 + COUNT_SIZE;
  for (const line of legend) {
    const weight = line.bold ? ' font-weight="700"' : '';
    parts.push(`<text x="${num(legendX)}" y="${num(legendY)}" font-size="${line.size}"${weight}>${escapeXml(line.text)}</text>`);
    legendX += textWidth(line.text, line.size, line.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH) + 40;
  }
  parts.push('</g>');
  return parts;
}

/** The edges as curves, as wide as the square root of their share of the largest flow. */
function edgeParts(graph: OverlayGraph, edges: readonly LaidEdge[], typeOf: (key: string) => OverlayNodeType | undefined, arrowId: string): string[] {
  const maxFlow = Math.max(0, ...edges.map((edge) => edge.flow));
  const strokeWidth = (flow: number): number => (maxFlow > 0 ? MIN_STROKE + (MAX_STROKE - MIN_STROKE) * Math.sqrt(flow / maxFlow) : MIN_STROKE);
  const parts = ['<g class="edges">'];
  for (const edge of edges) {
    const laid = graph.edge(edge.from, edge.to, edge.name);
    const points = (laid?.points ?? []).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (points.length < 2) continue;
    const source = graph.node(edge.from);
    const target = graph.node(edge.to);
    if (typeOf(edge.from) === 'decision' && source !== undefined) points[0] = clipToRhombus(source, points[1]!);
    if (typeOf(edge.to) === 'decision' && target !== undefined) points[points.length - 1] = clipToRhombus(target, points[points.length - 2]!);
    parts.push(
      `<path class="edge" d="${curvePath(shortenEnd(points, ARROW_LENGTH))}" fill="none" stroke="${EDGE_COLOUR}" stroke-width="${num(strokeWidth(edge.flow))}" stroke-linejoin="round" marker-end="url(#${arrowId})"/>`,
    );
  }
  parts.push('</g>');
  return parts;
}

/** The edges' labels on a white backing, where dagre placed them. */
function edgeLabelParts(graph: OverlayGraph, edges: readonly LaidEdge[]): string[] {
  const parts = ['<g class="edge-labels">'];
  for (const edge of edges) {
    const laid = graph.edge(edge.from, edge.to, edge.name);
    const x = Number(laid?.['x']);
    const y = Number(laid?.['y']);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const w = blockWidth(edge.lines) + 8;
    const h = blockHeight(edge.lines) + 4;
    parts.push(
      `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="3" ry="3" fill="#ffffff" fill-opacity="0.85"/>` + drawLines(edge.lines, x, y),
    );
  }
  parts.push('</g>');
  return parts;
}

/** The nodes: a shape by type, coloured by actor for actions, and their lines of text. */
function nodeParts(graph: OverlayGraph, nodes: readonly LaidNode[], options: OverlayOptions): string[] {
  const parts = ['<g class="nodes">'];
  for (const { key, node, lines } of nodes) {
    const laid = graph.node(key);
    if (laid === undefined) continue;
    const [defaultFill, defaultStroke] = SHAPE_COLOURS[node.type] ?? SHAPE_COLOURS.action;
    const actorColour = node.type === 'action' && node.actor !== undefined ? ownValue(options.actorColours, node.actor) : undefined;
    const fill = safeColour(actorColour?.[0], defaultFill);
    const stroke = safeColour(actorColour?.[1], defaultStroke);
    parts.push(`<g class="node node-${SHAPE_COLOURS[node.type] === undefined ? 'action' : node.type}">`);
    parts.push(nodeShape(node.type, laid.x, laid.y, laid.width, laid.height, fill, stroke));
    parts.push(drawLines(lines, laid.x, laid.y));
    parts.push('</g>');
  }
  parts.push('</g>');
  return parts;
}

/**
 * The logigramme as an SVG string, with the program's mean yearly counts on every node and edge and
 * the baseline counts beside them when a baseline arm is given.
 */
export function overlaySvg(logigramme: OverlayLogigramme, program: OverlayArmCounts, baseline: OverlayArmCounts | undefined, options: OverlayOptions): string {
  const { words } = options;
  const prefix = idPrefix(logigramme.id);
  const arrowId = `${prefix}-arrow`;
  const titleId = `${prefix}-title`;
  const { nodes, keyOf } = overlayNodes(logigramme, program, baseline, options);
  const typeOf = new Map(nodes.map((n) => [n.key, n.node.type]));
  const edges = overlayEdges(logigramme, program, keyOf, options);
  const graph = layOut(nodes, edges);

  const legend: TextLine[] = [{ text: words.program, size: COUNT_SIZE, bold: true }];
  if (baseline !== undefined) legend.push({ text: words.baseline, size: BASELINE_SIZE, bold: false });
  const legendHeight = COUNT_SIZE * LINE_HEIGHT + 12;
  const legendWidth = legend.reduce((sum, line) => sum + textWidth(line.text, line.size, line.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH) + 40, 16);

  const layout = graph.graph();
  const graphWidth = nodes.length > 0 && Number.isFinite(layout.width) ? (layout.width ?? 0) : 0;
  const graphHeight = nodes.length > 0 && Number.isFinite(layout.height) ? (layout.height ?? 0) : 0;
  const width = Math.max(graphWidth, legendWidth, 120);
  const height = graphHeight + legendHeight;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" aria-labelledby="${titleId}" font-family="${escapeXml(FONT_FAMILY)}" fill="${TEXT_COLOUR}">`,
    `<title id="${titleId}">${escapeXml(logigramme.title)}</title>`,
    `<defs><marker id="${arrowId}" viewBox="0 0 ${ARROW_LENGTH} ${ARROW_HALF_WIDTH * 2}" refX="0" refY="${ARROW_HALF_WIDTH}" markerUnits="userSpaceOnUse" markerWidth="${ARROW_LENGTH}" markerHeight="${ARROW_HALF_WIDTH * 2}" orient="auto">` +
      `<path d="M0,0 L${ARROW_LENGTH},${ARROW_HALF_WIDTH} L0,${ARROW_HALF_WIDTH * 2} Z" fill="${EDGE_COLOUR}"/></marker></defs>`,
    ...legendParts(legend),
    `<g transform="translate(0,${num(legendHeight)})">`,
    ...edgeParts(graph, edges, (key) => typeOf.get(key), arrowId),
    ...edgeLabelParts(graph, edges),
    ...nodeParts(graph, nodes, options),
    '</g></svg>',
  ].join('\n');
}
