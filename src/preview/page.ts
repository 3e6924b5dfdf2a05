/**
 * The preview page: one self-contained HTML document (inline CSS and script, inline SVG), and the
 * snapshots that keep it up to date over server-sent events.
 *
 * All markup is made here, in Node, with every piece of user text (titles, ids, file names,
 * messages, hints) through `escapeHtml` (src/text/escape.ts); the page's script never builds
 * markup from text, it only puts in place the fragments it receives. The diagrams are the SVG of
 * the render session (mermaid in strict mode, swept of anything executable) and the memo sheet
 * is `memoSheetHtml` (src/render/sheet.ts), which escapes its own text.
 *
 * A snapshot names every card with a hash of its markup; the page replaces a card only when its
 * hash changed, and the server sends the markup only of cards whose hash the page may not have.
 * Nothing else is touched: no reload, no flicker, the scroll position and each card's chosen view
 * (diagram or memo sheet) stay.
 */
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { shortHash } from '../io/file-names.js';
import type { Diagnostic } from '../language/diagnostic.js';
import { A4_CONTENT_PX } from '../render/sheet.js';
import { escapeHtml } from '../text/escape.js';
import type { PreviewCard, PreviewState, Rendering } from './build.js';

export interface Fragment {
  hash: string;
  /** Left out when the page already has the fragment of this hash. */
  html?: string;
}

export interface Snapshot {
  version: number;
  status: string;
  problems: Fragment;
  cards: (Fragment & { id: string })[];
  empty: boolean;
}

/** A snapshot with the markup of every fragment: what a page that has nothing yet needs. */
export interface FullSnapshot extends Snapshot {
  problems: Required<Fragment>;
  cards: (Required<Fragment> & { id: string })[];
}

/** Escaped text, with the `code` spans of a message (ids, keys, commands) set as code. */
function messageHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function fragment(html: string): Required<Fragment> {
  return { hash: shortHash(html), html };
}

function clock(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export function statusHtml(state: PreviewState): string {
  const counts = t('preview.page.counts', { errors: state.errorCount, warnings: state.warningCount });
  const updated = state.builtAt && (state.refreshMs === undefined ? t('preview.page.updated', { time: clock(state.builtAt) }) : t('preview.page.updated-in', { time: clock(state.builtAt), ms: state.refreshMs }));
  const when = state.building || !updated ? `<span class="building">${escapeHtml(t('preview.page.building'))}</span>` : escapeHtml(updated);
  const refresh = state.refreshMs === undefined ? '' : ` data-refresh-ms="${state.refreshMs}"`;
  return `<span class="when"${refresh}>${when}</span> · <span class="counts">${escapeHtml(counts)}</span>`;
}

function problemHtml(d: Diagnostic): string {
  const where = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
  const hint = d.hint ? `<p class="hint">${messageHtml(t('preview.page.hint', { hint: d.hint }))}</p>` : '';
  return (
    `<li class="problem ${d.severity}" data-rule="${escapeHtml(d.ruleId)}" data-line="${d.range.start.line}">` +
    `<span class="severity">${escapeHtml(t(`preview.page.severity.${d.severity}`))}</span> ` +
    `<code class="where">${escapeHtml(where)}</code> <span class="message">${messageHtml(d.message)}</span> <code class="rule">${escapeHtml(d.ruleId)}</code>${hint}</li>`
  );
}

export function problemsHtml(state: PreviewState): string {
  const parts = [`<h2>${escapeHtml(t('preview.page.problems'))}</h2>`];
  if (state.failure) {
    const hint = state.failure.hint ? `<p class="hint">${messageHtml(t('preview.page.hint', { hint: state.failure.hint }))}</p>` : '';
    parts.push(`<div class="failure"><p class="message">${messageHtml(state.failure.message)}</p>${hint}</div>`);
  } else if (state.diagnostics.length === 0) parts.push(`<p class="clean">${messageHtml(t('preview.page.no-problem'))}</p>`);
  else parts.push(`<ul class="problems">${state.diagnostics.map(problemHtml).join('')}</ul>`);
  return parts.join('');
}

function renderingHtml(rendering: Rendering, done: (markup: string) => string): string {
  if (rendering.state === 'pending') return `<p class="pending">${escapeHtml(t('preview.page.drawing'))}</p>`;
  if (rendering.state === 'failed') {
    const hint = rendering.hint ? `<p class="hint">${messageHtml(t('preview.page.hint', { hint: rendering.hint }))}</p>` : '';
    return `<div class="failed"><p>${messageHtml(t('preview.page.render-failed', { message: rendering.message }))}</p>${hint}</div>`;
  }
  return done(rendering.markup);
}

export function cardHtml(card: PreviewCard): string {
  const tab = (view: string, label: string) => `<button type="button" data-view="${view}" aria-pressed="${view === 'diagram'}">${escapeHtml(label)}</button>`;
  const meta = [`<code>${escapeHtml(card.id)}</code>`, escapeHtml(t('preview.page.stratum', { stratum: card.stratum })), `<span class="file">${escapeHtml(card.file)}</span>`].join(' · ');
  return [
    `<section class="card${card.stale ? ' stale' : ''}" data-id="${escapeHtml(card.id)}" data-view="diagram">`,
    `<header><div><h3>${escapeHtml(card.title)}</h3><p class="meta">${meta}</p></div>`,
    `<div class="tabs">${tab('diagram', t('preview.page.tab.diagram'))}${tab('sheet', t('preview.page.tab.sheet'))}</div></header>`,
    card.stale ? `<p class="stale-note">${escapeHtml(t('preview.page.stale', { file: card.file }))}</p>` : '',
    `<div class="view diagram-view">${renderingHtml(card.diagram, (svg) => svg)}</div>`,
    `<div class="view sheet-view">${renderingHtml(card.sheet, (html) => `<div class="paper">${html}</div>`)}</div>`,
    '</section>',
  ].join('');
}

/** Card markup is made once per card object: the builder replaces a card when it changes. */
const cardFragments = new WeakMap<PreviewCard, Required<Fragment>>();

function cardFragment(card: PreviewCard): Required<Fragment> {
  let made = cardFragments.get(card);
  if (!made) {
    made = fragment(cardHtml(card));
    cardFragments.set(card, made);
  }
  return made;
}

/** The whole state as the page shows it, every fragment with its markup. */
export function snapshotOf(state: PreviewState): FullSnapshot {
  return {
    version: state.version,
    status: statusHtml(state),
    problems: fragment(problemsHtml(state)),
    cards: state.cards.map((card) => ({ id: card.id, ...cardFragment(card) })),
    empty: state.cards.length === 0 && !state.building,
  };
}

/** `next` without the markup of fragments whose hash `previous` already had. */
export function delta(previous: Snapshot | undefined, next: Snapshot): Snapshot {
  if (!previous) return next;
  const known = new Set(previous.cards.map((c) => c.hash));
  return {
    ...next,
    problems: next.problems.hash === previous.problems.hash ? { hash: next.problems.hash } : next.problems,
    cards: next.cards.map((c) => (known.has(c.hash) ? { id: c.id, hash: c.hash } : c)),
  };
}

const PAGE_CSS = `
:root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --error: #b91c1c; --warning: #b45309; --info: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #f8fafc; font-size: 14px; }
header.top { position: sticky; top: 0; z-index: 1; display: flex; gap: 16px; align-items: baseline; padding: 10px 20px; background: #0f172a; color: #f8fafc; }
header.top h1 { font-size: 16px; margin: 0; }
header.top .root { color: #cbd5e1; font-family: monospace; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1 1 auto; }
#status .building { color: #fde68a; }
#status.offline { color: #fca5a5; }
main { padding: 16px 20px; }
h2 { font-size: 15px; margin: 8px 0; }
#problems { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; margin-bottom: 16px; }
ul.problems { list-style: none; margin: 0; padding: 0; }
li.problem { padding: 5px 0; border-top: 1px solid var(--line); }
li.problem:first-child { border-top: 0; }
.severity { font-weight: bold; text-transform: uppercase; font-size: 11px; }
.error .severity, .failure .message { color: var(--error); }
.warning .severity { color: var(--warning); }
.info .severity { color: var(--info); }
code.where { font-weight: bold; }
code.rule { color: var(--muted); }
.hint { margin: 2px 0 0 2em; color: #334155; }
.clean { color: #15803d; }
#cards { display: flex; flex-direction: column; gap: 16px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
.card > header { display: flex; justify-content: space-between; gap: 12px; align-items: flex-start; }
.card h3 { margin: 0 0 2px; font-size: 15px; }
.card .meta { margin: 0; color: var(--muted); }
.tabs button { font: inherit; border: 1px solid #94a3b8; background: #fff; padding: 3px 10px; cursor: pointer; }
.tabs button:first-child { border-radius: 4px 0 0 4px; }
.tabs button:last-child { border-radius: 0 4px 4px 0; border-left: 0; }
.card[data-view="diagram"] button[data-view="diagram"], .card[data-view="sheet"] button[data-view="sheet"] { background: #0f172a; color: #fff; }
.card[data-view="diagram"] .sheet-view, .card[data-view="sheet"] .diagram-view { display: none; }
.view { margin-top: 10px; overflow-x: auto; }
.diagram-view svg { max-width: 100%; height: auto; }
.paper { width: ${A4_CONTENT_PX.width + 90}px; padding: 45px; background: #fff; box-shadow: 0 1px 6px rgba(15, 23, 42, 0.25); margin: 4px auto; }
.stale .view { opacity: 0.45; }
.stale-note { background: #fef3c7; border: 1px solid #f59e0b; padding: 4px 8px; border-radius: 4px; margin: 8px 0 0; }
.pending { color: var(--muted); font-style: italic; }
.failed { color: var(--error); }
`;

/** Runs in the page. Puts in place the fragments the server made; builds no markup of its own. */
const PAGE_SCRIPT = `(() => {
  const cards = document.getElementById('cards');
  const problems = document.getElementById('problems');
  const status = document.getElementById('status');
  const empty = document.getElementById('empty');
  const offline = document.body.dataset.offline;
  const setView = (card, view) => {
    card.dataset.view = view;
    for (const button of card.querySelectorAll('button[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === view));
  };
  const element = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  };
  let resyncing = false;
  const resync = async () => {
    if (resyncing) return;
    resyncing = true;
    try {
      const response = await fetch('/state', { cache: 'no-store' });
      if (response.ok) apply(await response.json());
    } finally {
      resyncing = false;
    }
  };
  const apply = (snapshot) => {
    const shown = new Map();
    for (const card of cards.querySelectorAll(':scope > .card')) shown.set(card.dataset.id, card);
    const missing = (snapshot.problems.html === undefined && problems.dataset.hash !== snapshot.problems.hash) ||
      snapshot.cards.some((c) => c.html === undefined && shown.get(c.id)?.dataset.hash !== c.hash);
    if (missing) return void resync();
    status.innerHTML = snapshot.status;
    status.classList.remove('offline');
    if (problems.dataset.hash !== snapshot.problems.hash) {
      problems.innerHTML = snapshot.problems.html;
      problems.dataset.hash = snapshot.problems.hash;
    }
    let previous = null;
    for (const c of snapshot.cards) {
      let card = shown.get(c.id);
      shown.delete(c.id);
      if (!card || card.dataset.hash !== c.hash) {
        const fresh = element(c.html);
        fresh.dataset.hash = c.hash;
        if (card) {
          setView(fresh, card.dataset.view);
          card.replaceWith(fresh);
        }
        card = fresh;
      }
      const place = previous ? previous.nextElementSibling : cards.firstElementChild;
      if (place !== card) cards.insertBefore(card, place);
      previous = card;
    }
    for (const card of shown.values()) card.remove();
    empty.hidden = !snapshot.empty;
    document.body.dataset.version = String(snapshot.version);
  };
  cards.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-view]');
    if (button) setView(button.closest('.card'), button.dataset.view);
  });
  const events = new EventSource('/events');
  events.addEventListener('state', (event) => apply(JSON.parse(event.data)));
  events.addEventListener('error', () => {
    status.textContent = offline;
    status.classList.add('offline');
  });
})();`;

export interface PageOptions {
  /** The script's nonce, also in the Content-Security-Policy header. */
  nonce: string;
  root: string;
}

/** The whole page, with the current state already in place (no blank page while the events connect). */
export function pageHtml(snapshot: FullSnapshot, options: PageOptions): string {
  const cards = snapshot.cards.map((c) => c.html.replace('<section class="card', `<section data-hash="${c.hash}" class="card`)).join('');
  return `<!doctype html>
<html lang="${currentLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('preview.page.title', { root: options.root }))}</title><style>${PAGE_CSS}</style></head>
<body data-offline="${escapeHtml(t('preview.page.offline'))}" data-version="${snapshot.version}">
<header class="top"><h1>logi preview</h1><span class="root">${escapeHtml(options.root)}</span><span id="status">${snapshot.status}</span></header>
<main><section id="problems" data-hash="${snapshot.problems.hash}">${snapshot.problems.html}</section>
<h2>${escapeHtml(t('preview.page.logigrammes'))}</h2>
<p id="empty" class="pending"${snapshot.empty ? '' : ' hidden'}>${messageHtml(t('preview.page.no-logigramme'))}</p>
<div id="cards">${cards}</div></main>
<script nonce="${escapeHtml(options.nonce)}">${PAGE_SCRIPT}</script>
</body></html>
`;
}
