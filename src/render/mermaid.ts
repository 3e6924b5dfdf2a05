/**
 * Deterministic Mermaid flowchart text for a logigramme (DESIGN §4): shapes by node type, a colour
 * per actor with a legend, edge labels from branch labels, phases as subgraphs, numbered source
 * footnotes. Every label is quoted and escaped, so nothing a clinician types can break the
 * diagram or reach the page as markup; render it with `securityLevel: 'strict'`.
 */
import { type MessageId, t, translate } from '../i18n/catalogue.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { ownValue } from '../language/records.js';
import { isOnce, type LogigrammeDocument, parseFrequency } from '../language/schemas/logigramme.js';
import { isXmlForbidden } from '../text/escape.js';

export interface MermaidOptions {
  /** Actor id → title, for the legend (ids are shown when a title is missing). */
  actorTitles?: Readonly<Record<string, string>>;
  /** Flow direction; top-down by default. */
  direction?: 'TD' | 'LR';
  /** Draw the actor legend and the list of sources inside the diagram (default); the PDF memo sheet prints them beside it instead. */
  legend?: boolean;
}

/** Fill and stroke per actor, in the order actors first appear (12 colours, then they repeat). */
export const ACTOR_PALETTE: readonly [string, string][] = [
  ['#dbeafe', '#1d4ed8'],
  ['#dcfce7', '#15803d'],
  ['#fef3c7', '#b45309'],
  ['#fce7f3', '#be185d'],
  ['#ede9fe', '#6d28d9'],
  ['#ccfbf1', '#0f766e'],
  ['#fee2e2', '#b91c1c'],
  ['#e0e7ff', '#4338ca'],
  ['#ecfccb', '#4d7c0f'],
  ['#ffedd5', '#c2410c'],
  ['#f3e8ff', '#7e22ce'],
  ['#e2e8f0', '#334155'],
];

/**
 * Escapes text for a double-quoted Mermaid label. Mermaid decodes `#name;` and `#code;` entities
 * inside labels, so every character that could end the quote, open markup, start a directive
 * (`%%{init}%%`) or an entity is written as an entity; line breaks become spaces.
 *
 * Numeric codes only: with HTML labels every renderer decodes them; with SVG text labels mermaid
 * leaves `&#60;` undecoded (but decodes `&lt;` and `&amp;`, not `&quot;`), and the render session
 * decodes numeric references once, which is unambiguous only if every escape is numeric.
 */
export function escapeLabel(text: string): string {
  let out = '';
  // Mermaid drops the last `;` of any text matching /style.*:\S*#.*;/ or /classDef.*:\S*#.*;/
  // (its own colour syntax), which would break an entity; without a colon those never match.
  const escapeColons = /style|classdef/i.test(text);
  for (const char of text.replace(/\r\n?|\n/g, ' ')) {
    switch (char) {
      case ':':
        out += escapeColons ? '#58;' : ':';
        break;
      case '"':
        out += '#34;';
        break;
      case '<':
        out += '#60;';
        break;
      case '>':
        out += '#62;';
        break;
      case '&':
        out += '#38;';
        break;
      case '#':
        out += '#35;';
        break;
      case '%':
        out += '#37;';
        break;
      case '`':
        out += '#96;';
        break;
      case '\\':
        out += '#92;';
        break;
      default:
        // Other control characters (C0 and DEL) have no business in a label; lone surrogates and U+FFFE/U+FFFF
        // would make the SVG ill-formed XML (isXmlForbidden), so they go too.
        if (char < ' ' || char === '\u007f') out += ' ';
        else if (!isXmlForbidden(char.codePointAt(0) ?? 0)) out += char;
    }
  }
  return out;
}

/**
 * The longest Mermaid text logi draws: mermaid's own default `maxTextSize`. Above it, mermaid draws
 * a placeholder ("Maximum text size in diagram exceeded") and reports no error (issue 12 #7);
 * logi checks the bound itself and stops with an error naming the logigramme.
 */
export const MAX_DIAGRAM_TEXT = 50_000;

export class DiagramTooLargeError extends Error {
  constructor(readonly length: number) {
    super(t('render.error.too-large', { length: length.toLocaleString(currentLanguage()), max: MAX_DIAGRAM_TEXT.toLocaleString(currentLanguage()) }));
    this.name = 'DiagramTooLargeError';
  }
}

const PERIOD_WORDS = {
  day: 'render.frequency.day',
  week: 'render.frequency.week',
  month: 'render.frequency.month',
  quarter: 'render.frequency.quarter',
  year: 'render.frequency.year',
} as const satisfies Record<string, MessageId>;

/**
 * `{times: 4, per: year}` or `4/year` as a label in `lang`: `4/an`, `0,33/an` in French, `4/year`,
 * `0.33/year` in English; `≈` for a distribution.
 */
export function frequencyText(frequency: Parameters<typeof parseFrequency>[0], lang: Lang = currentLanguage()): string | undefined {
  const parsed = parseFrequency(frequency);
  if (!parsed) return typeof frequency === 'string' ? frequency : undefined;
  if (isOnce(parsed)) {
    return parsed.withinDays === undefined ? translate(lang, 'render.frequency.once') : translate(lang, 'render.frequency.once-within', { days: parsed.withinDays });
  }
  const rounded = typeof parsed.times === 'number' ? String(Math.round(parsed.times * 100) / 100) : '≈';
  const count = lang === 'fr' ? rounded.replace('.', ',') : rounded;
  const period = ownValue(PERIOD_WORDS, parsed.per);
  return `${count}/${period ? translate(lang, period) : parsed.per}`;
}

/** The actors of a logigramme's actions in the order they first appear: actor `i` gets `ACTOR_PALETTE[i % 12]`. */
export function actorsInOrder(logigramme: LogigrammeDocument): string[] {
  const actors: string[] = [];
  for (const node of Object.values(logigramme.nodes)) if (node.type === 'action' && !actors.includes(node.actor)) actors.push(node.actor);
  return actors;
}

/** ` [1,2]`: the numbers of the logigramme's sources an action cites, as footnotes. */
function footnote(sourceIds: readonly string[], source: string | string[]): string {
  const list = Array.isArray(source) ? source : [source];
  const numbers = list.map((s) => sourceIds.indexOf(s) + 1).filter((n) => n > 0);
  return numbers.length ? ` [${numbers.join(',')}]` : '';
}

/** One node in Mermaid: its shape by type, its label with an action's frequency and footnotes. */
function declareNode(logigramme: LogigrammeDocument, id: string, ref: string, sourceIds: readonly string[]): string {
  const node = logigramme.nodes[id]!;
  let label = node.label;
  if (node.type === 'action') {
    const frequency = frequencyText(node.frequency);
    if (frequency) label += ` (${frequency})`;
    const evidence = node.evidence === undefined ? [] : Array.isArray(node.evidence) ? node.evidence : [node.evidence];
    label += evidence.map((e) => footnote(sourceIds, e.source)).join('');
  }
  const text = `"${escapeLabel(label)}"`;
  switch (node.type) {
    case 'start':
    case 'end':
      return `${ref}([${text}])`;
    case 'decision':
      return `${ref}{${text}}`;
    case 'refer':
      return `${ref}[[${text}]]`;
    default:
      return `${ref}[${text}]`;
  }
}

/** The nodes, grouped by phase (in the order phases are declared), then the rest. */
function nodeLines(logigramme: LogigrammeDocument, nodeId: ReadonlyMap<string, string>, sourceIds: readonly string[]): string[] {
  const ids = [...nodeId.keys()];
  const declare = (id: string) => declareNode(logigramme, id, nodeId.get(id)!, sourceIds);
  const lines: string[] = [];
  const phases = Object.keys(logigramme.phases ?? {});
  phases.forEach((phase, p) => {
    const members = ids.filter((id) => logigramme.nodes[id]!.phase === phase);
    if (members.length === 0) return;
    lines.push(`  subgraph p${p}["${escapeLabel(logigramme.phases![phase]!.label)}"]`);
    for (const id of members) lines.push(`    ${declare(id)}`);
    lines.push('  end');
  });
  for (const id of ids) if (!phases.includes(logigramme.nodes[id]!.phase ?? '\u0000')) lines.push(`  ${declare(id)}`);
  return lines;
}

/** The edges in document order; a branch carries its label. */
function edgeLines(logigramme: LogigrammeDocument, nodeId: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const [id, from] of nodeId) {
    const node = logigramme.nodes[id]!;
    if (node.type === 'decision') {
      for (const branch of node.branches) {
        const to = nodeId.get(branch.next);
        if (to) lines.push(`  ${from} -->|"${escapeLabel(branch.label)}"| ${to}`);
      }
    } else if ('next' in node && node.next !== undefined) {
      const to = nodeId.get(node.next);
      if (to) lines.push(`  ${from} --> ${to}`);
    }
  }
  return lines;
}

/** The colour classes: one per actor (in order of appearance), one for decisions, one for start and end. */
function styleLines(logigramme: LogigrammeDocument, nodeId: ReadonlyMap<string, string>, actors: readonly string[]): string[] {
  const lines = ['  classDef start fill:#f1f5f9,stroke:#475569,stroke-width:2px', '  classDef decision fill:#fff7ed,stroke:#9a3412'];
  actors.forEach((_actor, a) => {
    const [fill, stroke] = ACTOR_PALETTE[a % ACTOR_PALETTE.length]!;
    lines.push(`  classDef actor${a} fill:${fill},stroke:${stroke},color:#0f172a`);
  });
  for (const [id, ref] of nodeId) {
    const node = logigramme.nodes[id]!;
    const cls = node.type === 'action' ? `actor${actors.indexOf(node.actor)}` : node.type === 'decision' ? 'decision' : node.type === 'start' || node.type === 'end' ? 'start' : undefined;
    if (cls) lines.push(`  class ${ref} ${cls}`);
  }
  return lines;
}

/** The legend of actors and the numbered sources, drawn inside the diagram. */
function legendLines(logigramme: LogigrammeDocument, actors: readonly string[], sourceIds: readonly string[], options: MermaidOptions): string[] {
  const lines: string[] = [];
  if (actors.length > 0) {
    lines.push(`  subgraph legend["${escapeLabel(t('render.sheet.actors'))}"]`);
    actors.forEach((actor, a) => lines.push(`    l${a}["${escapeLabel(ownValue(options.actorTitles, actor) ?? actor)}"]:::actor${a}`));
    lines.push('  end');
  }
  if (sourceIds.length > 0) {
    const text = sourceIds.map((s, i) => `[${i + 1}] ${logigramme.sources[s]!.title}`).join(' · ');
    lines.push(`  sources["${escapeLabel(text)}"]`);
    lines.push('  style sources fill:#ffffff,stroke:#cbd5e1,font-size:11px');
  }
  return lines;
}

/** The Mermaid text of a logigramme: the same input always gives the same text. */
export function logigrammeToMermaid(logigramme: LogigrammeDocument, options: MermaidOptions = {}): string {
  const nodeId = new Map(Object.keys(logigramme.nodes).map((id, i) => [id, `n${i}`]));
  const sourceIds = Object.keys(logigramme.sources ?? {});
  const actors = actorsInOrder(logigramme);
  const lines = [
    `flowchart ${options.direction ?? 'TD'}`,
    `  %% ${escapeLabel(logigramme.id)}`,
    ...nodeLines(logigramme, nodeId, sourceIds),
    ...edgeLines(logigramme, nodeId),
    ...styleLines(logigramme, nodeId, actors),
    ...(options.legend === false ? [] : legendLines(logigramme, actors, sourceIds, options)),
  ];
  return `${lines.join('\n')}\n`;
}
