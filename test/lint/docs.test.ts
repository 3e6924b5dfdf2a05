/**
 * docs/rules/<id>.md: one page per check of the catalogue, whose header table agrees with the
 * catalogue, and whose "Incorrect" and "Correct" YAML examples are linted (strict preset) in a copy
 * of the fixtures' context workspace: the incorrect one must produce that rule, the correct one
 * nothing at all. A `<!-- example: latin1 -->` line before a fence writes the example in Latin-1;
 * `<!-- example: throwing-rule -->` lints it with a rule that fails on ids starting with `boom`.
 * Descriptions are in both languages: the page's header and the index quote the catalogue's
 * English and French.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writePosteriors } from '../helpers/posteriors.js';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/lint/catalogue.js';
import { lint } from '../../src/lint/engine.js';
import { presetSeverity } from '../../src/lint/presets.js';
import { describeRule } from '../../src/lint/rule.js';
import { BUILTIN_RULES } from '../../src/lint/rules/index.js';
import { REPO } from '../helpers/cli.js';
import { FIXTURES, THROWING_RULE } from './helpers.js';

const DOCS = path.join(REPO, 'docs/rules');
const ENTRIES = catalogue();
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-rule-docs-'));
  cpSync(path.join(FIXTURES, 'logi.config.yaml'), path.join(work, 'logi.config.yaml'));
  cpSync(path.join(FIXTURES, 'context'), path.join(work, 'context'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Example {
  yaml: string;
  option: string | undefined;
}

function exampleAfter(markdown: string, heading: string): Example | undefined {
  const at = markdown.indexOf(`\n## ${heading}\n`);
  if (at < 0) return undefined;
  const rest = markdown.slice(at + heading.length + 5);
  const next = rest.search(/\n## /);
  const section = next < 0 ? rest : rest.slice(0, next);
  const m = /(?:<!-- example: ([\w-]+) -->\n)?```yaml\n([\s\S]*?)```/.exec(section);
  return m ? { yaml: m[2]!, option: m[1] } : undefined;
}

async function lintExample(id: string, kind: string, example: Example): Promise<string[]> {
  const file = path.join(work, `${id}-${kind}.yaml`);
  writeFileSync(file, example.option === 'latin1' ? Buffer.from(example.yaml, 'latin1') : example.yaml);
  writePosteriors(work, example.yaml);
  try {
    const rules = example.option === 'throwing-rule' ? [...BUILTIN_RULES, THROWING_RULE] : BUILTIN_RULES;
    const result = await lint({ cwd: work, paths: [file], rules });
    return result.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.message}`);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('docs/rules', () => {
  it('has a page for every check and no page for a check that does not exist', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(ENTRIES.map((e) => e.id).sort());
  });

  it('lists every check in its index, with its description in English and French', () => {
    const index = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
    for (const entry of ENTRIES) {
      expect(index, entry.id).toContain(`[${entry.id}](${entry.id}.md)`);
      expect(index, entry.id).toContain(`| ${describeRule(entry, 'en')} | ${describeRule(entry, 'fr')} |`);
    }
  });

  it.each(ENTRIES.map((e) => [e.id, e] as const))('%s: the header agrees with the catalogue', (id, entry) => {
    const page = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
    const shown = (s: string) => (s === 'warning' ? 'warning' : s);
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`> ${entry.description}`);
    expect(page).toContain(`> *En français :* ${describeRule(entry, 'fr')}`);
    expect(page).toContain(`| recommended | ${shown(entry.severity)} |`);
    expect(page).toContain(`| strict | ${shown(entry.configurable ? presetSeverity(entry.severity, 'strict') : entry.severity)} |`);
    expect(page).toContain(`| fixable | ${entry.fixable ? 'yes' : 'no'}`);
  });

  it.each(ENTRIES.map((e) => [e.id] as const))('%s: the incorrect example produces it, the correct one nothing', async (id) => {
    const page = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
    const incorrect = exampleAfter(page, 'Incorrect');
    const correct = exampleAfter(page, 'Correct');
    expect(incorrect, 'an "## Incorrect" section with a yaml example').toBeDefined();
    expect(correct, 'a "## Correct" section with a yaml example').toBeDefined();
    const bad = await lintExample(id, 'incorrect', incorrect!);
    expect(bad.some((d) => d.startsWith(`${id} `)), bad.join('\n')).toBe(true);
    expect(await lintExample(id, 'correct', correct!)).toEqual([]);
  });
});
