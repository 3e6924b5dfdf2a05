/**
 * The report as a small document tree (sections of paragraphs, tables and figures), built once and
 * written twice: as one self-contained HTML page and as Markdown with its charts beside it. Both
 * writers escape every text here; only figures carry markup, the SVG that logi drew itself.
 */
import type { Lang } from '../i18n/language.js';

export type Flag = 'bad' | 'warn' | 'ok';

export interface Cell {
  text: string;
  flag?: Flag;
  /** Right-aligned (numbers). */
  numeric?: boolean;
  /** Monospaced (ids, hashes). */
  code?: boolean;
  /**
   * A figure and its 95 % interval, `text` being both side by side: HTML sets the interval under
   * the figure (so that tables by year fit a window), Markdown keeps `text`.
   */
  parts?: { figure: string; interval: string };
}

/** One headline figure of the decision section: what it is, its value, and how to read it. */
export interface KeyFigure {
  /** A stable id (`net-cost`, `effect`, `icer`…): the page's `data-figure`, for tests and scripts. */
  id: string;
  term: string;
  value: string;
  /** Its 95 % interval, when the results hold one for this very figure. */
  interval?: string;
  note?: string;
}

export type Block =
  /** `flag: warn`: a warning the reader must not miss (a box in HTML, a quoted ⚠ line in Markdown). */
  | { kind: 'paragraph'; text: string; note?: boolean; flag?: Flag }
  | { kind: 'facts'; items: { term: string; value: string }[] }
  | {
      kind: 'table';
      header: string[];
      rows: Cell[][];
      collapsed?: string;
      /** A table by year: each row on one line, the table scrolling sideways in HTML. */
      wide?: boolean;
    }
  | FigureBlock
  /** The headline figures, as cards in HTML and a list in Markdown. */
  | { kind: 'figures'; items: KeyFigure[] }
  /** Charts side by side in HTML (one after the other in Markdown). */
  | { kind: 'group'; blocks: FigureBlock[] }
  /**
   * A part of the report folded in HTML (`<details>`, its title the summary), each of its parts
   * under a small heading; Markdown writes the title and the parts' titles as headings. Used for
   * the detail of each territory when there are many (src/report/territory.ts).
   */
  | FoldedBlock;

export type FoldedBlock = { kind: 'folded'; id: string; title: string; parts: { title: string; blocks: Block[] }[] };

export type FigureBlock = { kind: 'figure'; id: string; title: string; svg: string; alt: string };

export interface Section {
  id: string;
  title: string;
  level: 2 | 3;
  blocks: Block[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: Section[];
  footer: string;
}

export function cell(text: string, options: Omit<Cell, 'text'> = {}): Cell {
  return { text, ...options };
}

/** A numeric cell: a figure with its 95 % interval, already formatted. */
export function figureCell(figure: string, interval: string, options: Omit<Cell, 'text' | 'parts'> = {}): Cell {
  return { text: `${figure} ${interval}`, numeric: true, parts: { figure, interval }, ...options };
}

/** An id usable in HTML anchors and file names: lowercase ASCII, digits and dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}
