/**
 * The flow overlay is hand-written SVG inlined in reports: it must stay well-formed XML, show every
 * label and count as text, never let a label become markup, and be byte-for-byte reproducible.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { overlaySvg, type OverlayArmCounts, type OverlayLogigramme, type OverlayOptions } from '../../src/report/overlay.js';
import { escapeXml } from '../../src/text/escape.js';
import { HOSTILE } from '../helpers/hostile.js';
import { svgVisibleText } from '../helpers/images.js';

const options: OverlayOptions = {
  // A non-breaking-space thousands separator, as the French report uses, so formatting is visibly the caller's.
  formatCount: (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f'),
  words: { perYear: 'par an', baseline: 'Référence', program: 'Programme', colon: '\u00a0: ' },
  actorColours: { gp: ['#fde2e4', '#c9184a'] },
};

function sample(): OverlayLogigramme {
  return {
    id: 'diabete-s1',
    title: 'Diabète — strate 1',
    nodes: [
      { id: 'start', type: 'start', label: 'Patient diabétique de type 2' },
      { id: 'hba1c', type: 'action', label: 'Dosage HbA1c au laboratoire de ville', actor: 'gp' },
      { id: 'check', type: 'decision', label: 'HbA1c supérieure à 7 % ?' },
      { id: 'adjust', type: 'action', label: 'Ajuster le traitement' },
      { id: 'stop', type: 'end', label: 'Suivi habituel' },
    ],
    edges: [
      { from: 'start', to: 'hba1c', label: '' },
      { from: 'hba1c', to: 'check', label: '' },
      { from: 'check', to: 'adjust', label: 'Oui' },
      { from: 'check', to: 'stop', label: 'Non' },
      { from: 'adjust', to: 'stop', label: '' },
    ],
  };
}

const program: OverlayArmCounts = {
  nodes: { start: 12340, hba1c: 11000, check: 11000, adjust: 3500, stop: 11000 },
  edges: [12340, 11000, 3500, 7500, 3500],
};
const baseline: OverlayArmCounts = {
  nodes: { start: 12340, hba1c: 8000, check: 8000, adjust: 2100, stop: 8000 },
  edges: [12340, 8000, 2100, 5900, 2100],
};

const visibleText = svgVisibleText;

/** Text of every <text> element, in document order, through a real XML parser. */
function textElements(svg: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'text' || name === 'g' || name === 'path' });
  const found: string[] = [];
  const walk = (value: unknown, name: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, name);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (name === 'text' && key === '#text') found.push(String(child));
        walk(child, key);
      }
    } else if (name === 'text') {
      found.push(String(value));
    }
  };
  walk(parser.parse(svg), '');
  return found;
}

function attributes(svg: string, element: string, attribute: string): string[] {
  const out: string[] = [];
  for (const match of svg.matchAll(new RegExp(`<${element}\\b[^>]*>`, 'g'))) {
    const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(match[0]);
    if (value) out.push(value[1]!);
  }
  return out;
}

function edgeStrokeWidths(svg: string): number[] {
  return [...svg.matchAll(/<path class="edge"[^>]*>/g)].map((match) => Number(/stroke-width="([^"]+)"/.exec(match[0])![1]));
}

describe('overlaySvg', () => {
  it('is a well-formed standalone SVG document', () => {
    const svg = overlaySvg(sample(), program, baseline, options);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<svg[^>]*\sviewBox="0 0 [\d.]+ [\d.]+"/);
    expect(svg).toMatch(/<svg[^>]*\swidth="[\d.]+"/);
    expect(svg).toMatch(/<svg[^>]*\sheight="[\d.]+"/);
    expect(svg).toContain('<title id="ov-diabete-s1-');
    expect(visibleText(svg.match(/<title[^>]*>([\s\S]*?)<\/title>/)![1]!)).toBe('Diabète — strate 1');
    expect(svg).not.toMatch(/<script|<foreignObject|\shref=|xlink:|<image|<style/i);
    // The only url(...) references are the in-document arrow markers, one at least per edge (so the loop is not empty).
    const refs = svg.match(/url\([^)]*\)/g) ?? [];
    expect(refs.length).toBeGreaterThanOrEqual(sample().edges.length);
    for (const ref of refs) expect(ref).toMatch(/^url\(#ov-[\w-]+-arrow\)$/);
  });

  it('draws one shape per node type and one path per edge', () => {
    const svg = overlaySvg(sample(), program, baseline, options);
    expect(svg.match(/<polygon/g)).toHaveLength(1); // the decision
    expect(svg.match(/<path class="edge"/g)).toHaveLength(5);
    expect(svg.match(/<g class="node /g)).toHaveLength(5);
    // Stadiums: a start and an end, rounded by half their height.
    const stadiums = [...svg.matchAll(/<g class="node node-(start|end)">\n<rect[^>]*height="([\d.]+)" rx="([\d.]+)"/g)];
    expect(stadiums).toHaveLength(2);
    for (const [, , height, rx] of stadiums) expect(Number(rx)).toBeCloseTo(Number(height) / 2, 0);
    // The actor colour applies to the GP's action, the default to the other one.
    expect(svg).toContain('fill="#fde2e4" stroke="#c9184a"');
    expect(svg).toContain('fill="#e3f2fd"');
  });

  it('shows every label, the program counts per year and the baseline counts as text', () => {
    const svg = overlaySvg(sample(), program, baseline, options);
    const texts = textElements(svg);
    const visible = visibleText(svg);
    for (const node of sample().nodes) {
      for (const word of node.label.split(' ')) expect(visible).toContain(word);
    }
    // Short labels are not wrapped: each is one <text>.
    expect(texts).toContain('Ajuster le traitement');
    expect(texts).toContain('Oui');
    expect(texts).toContain('Non');
    expect(texts).toContain('≈ 12\u202f340 par an');
    expect(texts).toContain('≈ 3\u202f500 par an');
    expect(texts).toContain('Référence\u00a0: 12\u202f340');
    expect(texts).toContain('Référence\u00a0: 2\u202f100');
    // Edge flows: the "Non" branch carries 7 500 in the program.
    expect(texts).toContain('≈ 7\u202f500 par an');
    expect(texts).toContain('Programme');
  });

  it('wraps long labels on word boundaries and cuts them with an ellipsis', () => {
    const long = 'un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt vingt-et-un vingt-deux';
    const logigramme = { ...sample(), nodes: sample().nodes.map((node) => (node.id === 'adjust' ? { ...node, label: long } : node)) };
    const texts = textElements(overlaySvg(logigramme, program, undefined, options));
    const wrapped = texts.filter((text) => long.includes(text.replace(/…$/, '')) && text !== '');
    expect(wrapped.length).toBe(4);
    for (const line of wrapped) expect(Array.from(line).length).toBeLessThanOrEqual(28);
    expect(wrapped[0]).toBe('un deux trois quatre cinq');
    expect(wrapped[3]!.endsWith('…')).toBe(true);
  });

  it('escapes hostile labels and titles so that they appear only as text', () => {
    const hostile = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"quotes" & ampersands', ...HOSTILE];
    const logigramme: OverlayLogigramme = {
      id: '"><script>alert(1)</script>',
      title: '<script>alert(1)</script> & "title"',
      nodes: hostile.map((label, i) => ({ id: `n${i}`, type: i === 0 ? 'start' : i % 3 === 0 ? 'decision' : 'action', label, actor: '<b onmouseover=x>' })),
      edges: hostile.slice(1).map((label, i) => ({ from: `n${i}`, to: `n${i + 1}`, label })),
    };
    const svg = overlaySvg(logigramme, { nodes: {}, edges: [] }, undefined, {
      ...options,
      actorColours: { '<b onmouseover=x>': ['url(https://evil.example/x.svg#a)', 'red" onload="alert(1)'] },
      words: { perYear: '<i onclick=x>', baseline: '&', program: '</svg><script>', colon: ': ' },
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<img/i);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<i[\s>]/);
    expect(svg).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(svg).not.toContain('evil.example');
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    const visible = visibleText(svg);
    expect(visible).toContain('<img src=x onerror=alert(1)>');
    expect(visible).toContain('<script>alert(1)</script>');
    expect(visible).toContain('"quotes" & ampersands');
    expect(visible).toContain('</svg><script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;quotes&quot; &amp; ampersands');
    // The marker id stays a plain token whatever the logigramme id.
    const markers = attributes(svg, 'marker', 'id');
    expect(markers).toHaveLength(1);
    for (const id of markers) expect(id).toMatch(/^[A-Za-z][\w-]*$/);
  });

  it('is deterministic', () => {
    const first = overlaySvg(sample(), program, baseline, options);
    const second = overlaySvg(sample(), { nodes: { ...program.nodes }, edges: [...program.edges] }, baseline, options);
    expect(second).toBe(first);
    // Coordinates are rounded to one decimal.
    const geometry = [...first.matchAll(/\s(?:x|y|x1|y1|x2|y2|width|height|rx|ry|d|points|viewBox|transform|stroke-width)="([^"]*)"/g)].map((m) => m[1]!);
    expect(geometry.length).toBeGreaterThan(40);
    for (const value of geometry) expect(value).not.toMatch(/\d\.\d\d/);
  });

  it('orders edge stroke widths like the flows, between 1 and 8 px', () => {
    const svg = overlaySvg(sample(), program, baseline, options);
    const widths = edgeStrokeWidths(svg);
    expect(widths).toHaveLength(5);
    const flows = program.edges;
    for (const w of widths) {
      expect(w).toBeGreaterThanOrEqual(1);
      expect(w).toBeLessThanOrEqual(8);
    }
    expect(widths[0]).toBe(8); // the largest flow
    expect(widths[3]!).toBeGreaterThan(widths[2]!); // "Non" 7 500 > "Oui" 3 500
    for (let i = 0; i < flows.length; i++) {
      for (let j = 0; j < flows.length; j++) {
        if (flows[i]! > flows[j]!) expect(widths[i]!).toBeGreaterThan(widths[j]!);
        if (flows[i] === flows[j]) expect(widths[i]).toBe(widths[j]);
      }
    }
    // Swapping the branch flows swaps the widths.
    const swapped = edgeStrokeWidths(overlaySvg(sample(), { ...program, edges: [12340, 11000, 7500, 3500, 7500] }, baseline, options));
    expect(swapped[2]!).toBeGreaterThan(swapped[3]!);
  });

  it('gives two overlays on one page no id in common', () => {
    const a = overlaySvg(sample(), program, baseline, options);
    const b = overlaySvg({ ...sample(), id: 'diabete-s2' }, program, baseline, options);
    // Ids that sanitize to the same characters must still differ.
    const c = overlaySvg({ ...sample(), id: 'diabete s1' }, program, baseline, options);
    const d = overlaySvg({ ...sample(), id: 'diabete_s1' }, program, baseline, options);
    const ids = [a, b, c, d].map((svg) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    for (const list of ids) expect(list.some((id) => id.endsWith('-arrow'))).toBe(true);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        expect(ids[i]!.filter((id) => ids[j]!.includes(id))).toEqual([]);
      }
    }
    // Each SVG points only at its own marker.
    const markerA = attributes(a, 'marker', 'id')[0]!;
    const refsA = a.match(/url\(#[^)]*\)/g) ?? [];
    expect(refsA.length).toBeGreaterThanOrEqual(sample().edges.length);
    for (const ref of refsA) expect(ref).toBe(`url(#${markerA})`);
  });

  it('handles zero, missing and non-finite counts and an empty baseline', () => {
    const zero: OverlayArmCounts = { nodes: { start: 0 }, edges: [0, Number.NaN, -3, Number.POSITIVE_INFINITY] };
    const empty: OverlayArmCounts = { nodes: {}, edges: [] };
    const seen: number[] = [];
    const svg = overlaySvg(sample(), zero, empty, {
      ...options,
      formatCount: (n) => {
        seen.push(n);
        return String(n);
      },
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('Infinity');
    // Every count reached the caller's formatter (an empty list would make `every` true by itself), and each was 0.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n) => n === 0)).toBe(true);
    const texts = textElements(svg);
    expect(texts.filter((t) => t === '≈ 0 par an').length).toBe(5 + 5); // every node and every edge
    expect(texts.filter((t) => t === 'Référence\u00a0: 0').length).toBe(5);
    for (const w of edgeStrokeWidths(svg)) expect(w).toBe(1);
  });

  it('does not read counts from Object.prototype for ids such as "constructor"', () => {
    const logigramme: OverlayLogigramme = {
      id: 'proto',
      title: 'proto',
      nodes: [
        { id: 'constructor', type: 'start', label: 'a' },
        { id: '__proto__', type: 'end', label: 'b' },
      ],
      edges: [{ from: 'constructor', to: '__proto__', label: '' }],
    };
    const svg = overlaySvg(logigramme, { nodes: {}, edges: [] }, undefined, options);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('function');
    expect(textElements(svg).filter((t) => t === '≈ 0 par an')).toHaveLength(3);
  });

  it('survives an empty logigramme and edges to unknown nodes', () => {
    const none = overlaySvg({ id: 'x', title: 't', nodes: [], edges: [] }, { nodes: {}, edges: [] }, undefined, options);
    expect(XMLValidator.validate(none)).toBe(true);
    expect(none).not.toMatch(/NaN|Infinity/);
    const dangling = overlaySvg({ ...sample(), edges: [...sample().edges, { from: 'stop', to: 'nowhere', label: '?' }] }, program, undefined, options);
    expect(XMLValidator.validate(dangling)).toBe(true);
    expect(dangling.match(/<path class="edge"/g)).toHaveLength(5);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML characters and drops code points XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(escapeXml('\ud800x')).toBe('x');
    expect(escapeXml('👁 œ')).toBe('👁 œ');
  });
});
