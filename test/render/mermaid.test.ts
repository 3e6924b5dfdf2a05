import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentLanguage, setLanguage } from '../../src/i18n/language.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { logigrammeToMemo } from '../../src/render/memo.js';
import { escapeMarkdown } from '../../src/text/escape.js';
import { escapeLabel, frequencyText, logigrammeToMermaid } from '../../src/render/mermaid.js';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';
import { HOSTILE, hostileLogigramme } from '../helpers/hostile.js';


describe('Mermaid text', () => {
  it('quotes and escapes every label: no raw quote, angle bracket, percent sign, backtick or backslash inside', () => {
    const text = logigrammeToMermaid(hostileLogigramme(), { actorTitles: { end: HOSTILE[2]! } });
    const labels = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    expect(labels.length).toBeGreaterThanOrEqual(10);
    for (const label of labels) expect(label).not.toMatch(/[<>%`\\\n]/);
    expect(text).not.toContain('<script');
    expect(text).not.toContain('%%{');
    // What remains of the hostile markup is text: entity-encoded, inside a quoted label.
    expect(text).toContain('#60;img src=x onerror=alert(1)#62;');
    // Every line is a known statement: nothing a label holds can start a statement of its own.
    for (const line of text.trimEnd().split('\n')) {
      expect(line).toMatch(
        /^(flowchart TD| {2}%% [^\n]*| {2}(subgraph (p\d+|legend)\["[^"]*"\]|end)|\s+(n\d+|l\d+:?|sources)(\(\["[^"]*"\]\)|\["[^"]*"\]|\{"[^"]*"\}|\[\["[^"]*"\]\])(:::actor\d+)?| {2}n\d+ -->(\|"[^"]*"\|)? n\d+| {2}classDef \w+ [\w:#,%-]+| {2}class n\d+ \w+| {2}style sources [\w:#,-]+)$/,
      );
    }
  });

  it('keeps accents and emoji, and entity-encodes the dangerous characters', () => {
    expect(escapeLabel('Fond d’œil 👁')).toBe('Fond d’œil 👁');
    expect(escapeLabel('a "b" <c> & #d %e `f`')).toBe('a #34;b#34; #60;c#62; #38; #35;d #37;e #96;f#96;');
    expect(escapeLabel('two\nlines')).toBe('two lines');
  });

  it('escapes colons only where mermaid would read its own colour syntax (style …:#…;)', () => {
    expect(escapeLabel('Grade : A')).toBe('Grade : A');
    expect(escapeLabel('style n0 fill:#f00')).toBe('style n0 fill#58;#35;f00');
    expect(escapeLabel('classDef x color:red')).toBe('classDef x color#58;red');
  });

  it('leaves the legend and the list of sources out when asked (the PDF sheet prints them beside the diagram)', () => {
    const text = logigrammeToMermaid(hostileLogigramme(), { legend: false });
    expect(text).not.toMatch(/subgraph legend|sources\[/);
    expect(logigrammeToMermaid(hostileLogigramme())).toMatch(/subgraph legend/);
  });

  it('is deterministic and draws every node, edge, phase, actor and source', async () => {
    const workspace = await loadWorkspace({ cwd: REPO });
    const doc = workspace.index.Logigramme.get('dt2-s2-suivi')!.value;
    const text = logigrammeToMermaid(doc);
    expect(logigrammeToMermaid(doc)).toBe(text);
    const nodes = Object.keys(doc.nodes).length;
    const edges = Object.values(doc.nodes).reduce((n, node) => n + (node.type === 'decision' ? node.branches.length : 'next' in node && node.next ? 1 : 0), 0);
    expect(text.match(/^\s+n\d+[[({]/gm)).toHaveLength(nodes);
    expect(text.match(/^ {2}n\d+ -->/gm)).toHaveLength(edges);
    expect(text.match(/^ {2}subgraph p\d+/gm)).toHaveLength(Object.keys(doc.phases ?? {}).length);
    const actors = new Set(Object.values(doc.nodes).flatMap((n) => (n.type === 'action' ? [n.actor] : [])));
    expect(text.match(/^\s+l\d+\[/gm)).toHaveLength(actors.size);
    expect(Object.keys(doc.sources).length).toBeGreaterThan(0);
    for (const [i] of Object.keys(doc.sources).entries()) expect(text).toContain(`[${i + 1}] `);
  });

  it('matches the committed snapshots of the bundled logigrammes, in French (the default language)', async () => {
    const workspace = await loadWorkspace({ cwd: REPO });
    const titles: Record<string, string> = {};
    for (const a of workspace.index.Actors.values()) for (const [id, actor] of Object.entries(a.value.actors)) titles[id] = actor.title;
    const language = currentLanguage();
    setLanguage('fr');
    try {
      for (const id of ['dt2-s2-suivi', 'ic-s3-post-hospitalisation']) {
        await expect(logigrammeToMermaid(workspace.index.Logigramme.get(id)!.value, { actorTitles: titles })).toMatchFileSnapshot(`__snapshots__/${id}.mmd`);
      }
    } finally {
      setLanguage(language);
    }
  });

  it('writes its own words in the chosen language, and the labels as written', () => {
    const language = currentLanguage();
    try {
      setLanguage('fr');
      const french = logigrammeToMermaid(hostileLogigramme());
      setLanguage('en');
      const english = logigrammeToMermaid(hostileLogigramme());
      expect(french).toContain('subgraph legend["Acteurs"]');
      expect(english).toContain('subgraph legend["Actors"]');
      expect(french).toContain('(4/an)');
      expect(english).toContain('(4/year)');
      // Only those words differ: every label is the same in both.
      expect(english.replace('Actors', 'Acteurs').replace('4/year', '4/an')).toBe(french);
    } finally {
      setLanguage(language);
    }
  });

  it('writes frequencies the French way in French', () => {
    expect(frequencyText({ times: 4, per: 'year' }, 'fr')).toBe('4/an');
    // Below 1 a year: the interval, 1 / 0.333 = 3.003 → 3 (two significant digits).
    expect(frequencyText({ times: 0.333, per: 'year' }, 'fr')).toBe('tous les 3 ans');
    expect(frequencyText('2/month', 'fr')).toBe('2/mois');
    expect(frequencyText({ times: 1, per: 'quarter' }, 'fr')).toBe('1/trimestre');
    expect(frequencyText({ times: 2, per: 'day' }, 'fr')).toBe('2/jour');
    // A distribution is a range, never `≈`: beta(1, 1) a week is uniform, its 95 % range 0.025–0.975,
    // one act every 1/0.975 = 1.03 to 1/0.025 = 40 weeks.
    expect(frequencyText({ times: { beta: { alpha: 1, beta: 1 } }, per: 'week' }, 'fr')).toBe('toutes les 1–40 semaines');
  });

  it('writes frequencies the English way in English', () => {
    expect(frequencyText({ times: 4, per: 'year' }, 'en')).toBe('4/year');
    expect(frequencyText({ times: 0.333, per: 'year' }, 'en')).toBe('every 3 years');
    expect(frequencyText('2/month', 'en')).toBe('2/month');
    expect(frequencyText({ times: { beta: { alpha: 1, beta: 1 } }, per: 'week' }, 'en')).toBe('every 1–40 weeks');
  });
});

describe('memo sheet', () => {
  it('escapes labels for Markdown tables and lists one row per action and per decision (its branches with hostile labels too)', () => {
    const memo = logigrammeToMemo(hostileLogigramme());
    expect(memo).not.toMatch(/<script|<img/);
    expect(escapeMarkdown('a | b <i>')).toBe('a \\| b &lt;i&gt;');
    const rows = memo.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Action'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('4/year');
    // The decision's row holds its branches' labels, escaped like every cell: no raw pipe splits it.
    expect(rows[1]!.split(/(?<!\\)\|/)).toHaveLength(7);
    expect(memo).toContain('```mermaid\nflowchart TD');
    expect(memo).toContain('## References');
  });

  it('writes its headings in French by default and in English when asked; user text stays as written', () => {
    const language = currentLanguage();
    try {
      setLanguage('fr');
      const french = logigrammeToMemo(hostileLogigramme(), { stratumTitle: 'Diabète' });
      setLanguage('en');
      const english = logigrammeToMemo(hostileLogigramme(), { stratumTitle: 'Diabète' });
      expect(french).toContain('| Action | Profession | Fréquence | Grade | Source |\n|---|---|---|---|---|');
      expect(english).toContain('| Action | Professional | Frequency | Grade | Source |\n|---|---|---|---|---|');
      expect(french).toMatch(/^Strate \*\*S1\*\* — Diabète · pyramide `p` · logigramme `[^`]+`$/m);
      expect(english).toMatch(/^Stratum \*\*S1\*\* — Diabète · pyramid `p` · flowchart `[^`]+`$/m);
      expect(french).toContain('## Sources');
      expect(english).toContain('## References');
    } finally {
      setLanguage(language);
    }
  });
});

describe('logi render', () => {
  it('writes one memo sheet per bundled logigramme, and Mermaid text with --format mmd', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-render-'));
    try {
      const md = runCli(['render', 'guidelines', '--format', 'md', '--out', dir]);
      expect(md.status, md.stderr).toBe(0);
      expect(readdirSync(dir).filter((f) => f.endsWith('.md'))).toHaveLength(10);
      const mmd = runCli(['render', 'guidelines/diabete-t2/s2-suivi.yaml', '--format', 'mmd', '--out', dir, '--json']);
      expect(JSON.parse(mmd.stdout).files).toHaveLength(1);
      expect(readFileSync(path.join(dir, 'dt2-s2-suivi.mmd'), 'utf8')).toMatch(/^flowchart TD\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses input that does not lint clean, without a stack trace', () => {
    const run = runCli(['render', 'cases/broken-next.yaml', '--out', os.tmpdir()], { cwd: path.join(REPO, 'test/fixtures/malformed') });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no node `fn`/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
