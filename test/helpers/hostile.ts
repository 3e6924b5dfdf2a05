/** Labels written to break a diagram or inject markup, and a logigramme that uses each of them. */
import type { LogigrammeDocument } from '../../src/language/schemas/logigramme.js';

export const HOSTILE = [
  'He said "stop" and [left] {now} (maybe) |pipe|',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '%%{init: {"securityLevel": "loose"}}%%',
  'end',
  'click n1 call alert()',
  'Fond d’œil 👁 — HbA1c ≤ 7 % & #1 `code` back\\slash',
  'two\nlines',
];

export function hostileLogigramme(): LogigrammeDocument {
  return {
    kind: 'Logigramme',
    version: 1,
    id: 'hostile',
    title: HOSTILE[0]!,
    pyramid: 'p',
    stratum: 'S1',
    start: 'start',
    phases: { phase: { label: HOSTILE[3]! } },
    nodes: {
      start: { type: 'start', label: HOSTILE[4]!, next: 'act' },
      act: { type: 'action', label: HOSTILE[1]!, actor: 'end', frequency: { times: 4, per: 'year' }, evidence: { source: 'src' }, phase: 'phase', next: 'choice' },
      choice: {
        type: 'decision',
        label: HOSTILE[2]!,
        branches: [
          { label: HOSTILE[5]!, p: 0.5, next: 'refer' },
          { label: HOSTILE[6]!, next: 'stop' },
        ],
      },
      refer: { type: 'refer', label: HOSTILE[7]!, logigramme: 'other', next: 'stop' },
      stop: { type: 'end', label: HOSTILE[0]! },
    },
    sources: { src: { title: HOSTILE[1]! } },
  } as LogigrammeDocument;
}

/** More attempts, each rendered in a diagram of its own by the browser tests. */
export const HOSTILE_CORPUS: readonly string[] = [
  ...HOSTILE,
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">clic</a>',
  'javascript:alert(1)',
  ']]> <!-- --> <![CDATA[ x ]]>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '"); alert(1); ("',
  'n0:::danger --> n1',
  'style n0 fill:#f00',
  'A & B | C ; D',
  '{{hexagon}} ((circle)) >asym] [/para/]',
  '%% a comment',
  '#quot; #lt;b#gt; #35; &#60;',
  '\u202eRTL override\u202c and zero\u200bwidth',
  'subgraph x',
  'classDef evil fill:red',
  '<style>*{display:none}</style>',
  '<iframe src="https://example.org"></iframe>',
  'linkStyle 0 stroke:red',
];

/** A small logigramme whose start, action, decision, branch and end labels are all `label`. */
export function logigrammeWithLabel(label: string, id = 'hostile-one'): LogigrammeDocument {
  return {
    kind: 'Logigramme',
    version: 1,
    id,
    title: label,
    pyramid: 'p',
    stratum: 'S1',
    start: 'start',
    phases: { phase: { label } },
    nodes: {
      start: { type: 'start', label, next: 'act' },
      act: { type: 'action', label, actor: label.replace(/\s/g, '') || 'actor', frequency: { times: 1, per: 'year' }, evidence: { source: 'src' }, phase: 'phase', next: 'choice' },
      choice: { type: 'decision', label, branches: [{ label, p: 0.5, next: 'stop' }, { label, next: 'stop' }] },
      stop: { type: 'end', label },
    },
    sources: { src: { title: label } },
  } as LogigrammeDocument;
}
