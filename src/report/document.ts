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
}

export type Block =
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'facts'; items: { term: string; value: string }[] }
  | {
      kind: 'table';
      header: string[];
      rows: Cell[][];
      collapsed?: string;
      /** A table by year: each row on one line, the table scrolling sideways in HTML. */
      wide?: boolean;
    }
  | { kind: 'figure'; id: string; title: string; svg: string; alt: string };

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
