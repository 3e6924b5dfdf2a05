/**
 * The malformed corpus: every case names, on its first line, the rule id, line:column and exit
 * code it must produce (`# expect: schema 5:1 exit 1`). Cases that cannot live in git (a huge
 * file, a folder named x.yaml) are made in a temporary copy of the corpus.
 *
 * One mistake, one error (issue 13): each case holds a single mistake and must yield exactly one
 * finding, in English and in French. The cascades of issue 13 are checked inside a whole
 * workspace: one mistake injected into one file of a copy of base/, the whole workspace linted.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, REPO, runCli } from '../helpers/cli.js';

const CORPUS = path.join(REPO, 'test/fixtures/malformed');
let work: string;

interface Expectation {
  ruleId: string;
  line: number;
  column: number;
  exit: number;
}

function expectationOf(file: string): Expectation | undefined {
  const first = readFileSync(file, 'latin1').split('\n')[0] ?? '';
  const m = /^# expect: (\S+) (\d+):(\d+) exit (\d)/.exec(first);
  return m ? { ruleId: m[1]!, line: Number(m[2]), column: Number(m[3]), exit: Number(m[4]) } : undefined;
}

/**
 * Single-mistake cases that rightly yield two errors, each a distinct thing to fix, and why.
 * None today: every case yields exactly one finding.
 */
const TWO_ERRORS: Readonly<Record<string, string>> = {};

interface Finding {
  ruleId: string;
  severity: string;
  range: { start: { line: number; column: number } };
  message: string;
  hint?: string;
  file: string;
}

const committed = readdirSync(path.join(CORPUS, 'cases')).filter((f) => f.endsWith('.yaml'));
const cases: [string, Expectation][] = committed.map((f) => [f, expectationOf(path.join(CORPUS, 'cases', f)) ?? { ruleId: 'schema', line: 1, column: 1, exit: 1 }]);
// Made at run time:
cases.push(['huge.yaml', { ruleId: 'file-unreadable', line: 1, column: 1, exit: 2 }]);
cases.push(['dossier.yaml', { ruleId: 'file-unreadable', line: 1, column: 1, exit: 2 }]);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-corpus-'));
  cpSync(CORPUS, work, { recursive: true });
  // 6 MB: over the 5 MB limit.
  writeFileSync(path.join(work, 'cases/huge.yaml'), `kind: Pyramid\nversion: 1\nid: huge\ntitle: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
  mkdirSync(path.join(work, 'cases/dossier.yaml'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('malformed corpus', () => {
  it('has at least 30 cases, each with an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const f of committed) if (readFileSync(path.join(CORPUS, 'cases', f)).length > 0) expect(expectationOf(path.join(CORPUS, 'cases', f)), f).toBeDefined();
  });

  it.each(cases)('%s', (file, expected) => {
    const run = runCli(['lint', path.join('cases', file), '--format', 'json', '--lang', 'en'], { cwd: work });
    expect(hasStackTrace(run.stdout + run.stderr), run.stdout + run.stderr).toBe(false);
    expect(run.status).toBe(expected.exit);
    const result = JSON.parse(run.stdout) as { diagnostics: Finding[] };
    // One mistake, one error (two where TWO_ERRORS says why).
    if (TWO_ERRORS[file]) expect(result.diagnostics.length).toBeLessThanOrEqual(2);
    else expect(result.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toHaveLength(1);
    const first = result.diagnostics[0];
    expect(first, 'a diagnostic').toBeDefined();
    expect(first!.ruleId).toBe(expected.ruleId);
    expect(first!.range.start).toEqual({ line: expected.line, column: expected.column });
    expect(first!.file).toBe(path.join('cases', file));
    expect(first!.message.length).toBeGreaterThan(5);
  });

  it('refuses a JSON file with exit 2 and a hint, without a stack trace', () => {
    const run = runCli(['lint', 'pyramid.json'], { cwd: work });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a YAML file/);
    expect(run.stderr).toMatch(/rename the file to \.yaml/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('reports a missing path as a usage error (exit 2)', () => {
    const run = runCli(['lint', 'nowhere/at-all.yaml'], { cwd: work });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no such file or folder/);
  });

  it('gives "did you mean" hints for typos in keys and ids', () => {
    const run = runCli(['lint', 'cases/typo-actor.yaml', 'cases/unknown-key-node.yaml', '--format', 'json'], { cwd: work });
    const hints = (JSON.parse(run.stdout) as { diagnostics: { hint?: string }[] }).diagnostics.map((d) => d.hint);
    expect(hints).toContain('did you mean `medecin-generaliste`?');
    expect(hints).toContain('did you mean `next`?');
  });

  it('shows a code frame and the hint in the default output', () => {
    const run = runCli(['lint', 'cases/wrong-kind.yaml'], { cwd: work });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('cases/wrong-kind.yaml:2:7  error  unknown kind `Logigram`  schema');
    expect(run.stdout).toContain('> 2 | kind: Logigram');
    expect(run.stdout).toContain('hint: did you mean `Logigramme`?');
  });
});

/** The findings of `logi lint <args> --format json --lang <lang>` run in `cwd`. */
function lintJson(args: readonly string[], cwd: string, lang: 'en' | 'fr'): Finding[] {
  const run = runCli(['lint', ...args, '--format', 'json', '--lang', lang], { cwd });
  expect(hasStackTrace(run.stdout + run.stderr), run.stdout + run.stderr).toBe(false);
  return (JSON.parse(run.stdout) as { diagnostics: Finding[] }).diagnostics;
}

/** Text outside `code` spans: what must be in the chosen language (ids, keys and values are code). */
const prose = (text: string) => text.replace(/`[^`]*`/g, '`…`');
/** English words of logi's messages that a French message must not hold. */
const ENGLISH = /\b(did you mean|unknown|missing|expected|is not|must|cannot|write|add|remove|check|the|with|of)\b/i;

describe('malformed corpus in French (`--lang fr`)', () => {
  const files = cases.map(([file]) => path.join('cases', file));
  let english: Finding[];
  let french: Finding[];
  beforeAll(() => {
    // All the cases at once, in each language (each case's findings are the same as alone: a
    // case names only documents of base/).
    english = lintJson(files, work, 'en');
    french = lintJson(files, work, 'fr');
  });

  it.each(cases)('%s: the same single finding, in French', (file) => {
    const shown = path.join('cases', file);
    const en = english.filter((d) => d.file === shown);
    const fr = french.filter((d) => d.file === shown);
    expect(fr.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`)).toEqual(en.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`));
    expect(fr).toHaveLength(TWO_ERRORS[file] ? fr.length : 1);
    fr.forEach((d, i) => {
      expect(d.message).not.toBe(en[i]!.message);
      expect(prose(d.message), d.message).not.toMatch(ENGLISH);
      if (d.hint !== undefined) expect(prose(d.hint), d.hint).not.toMatch(ENGLISH);
      if (en[i]!.hint?.startsWith('did you mean')) expect(d.hint).toMatch(/^vouliez-vous dire `.+` \?$/);
    });
  });
});

/**
 * One mistake injected into one file of a whole workspace (a copy of base/): exactly one error in
 * the whole workspace, where the mistake is, with the message and hint worked out by hand. Before
 * issue 13 most of these also gave 2 errors in programmes.yaml ("no Logigramme document is
 * loaded…"), and the tab 9.
 */
interface Injection {
  name: string;
  file: string;
  from: string;
  to: string;
  /** `file:line:column ruleId`. */
  at: string;
  en: { message: string; hint: string };
  fr: { message: string; hint: string };
}

const LABEL = '    label: Glycémie veineuse à jeun';
const ID_RULE_EN = 'is not a valid id: an id uses unaccented letters, digits, "-", "_" or ".", and starts with a letter or digit';
const ID_RULE_FR = "n'est pas un identifiant valide : un identifiant s'écrit avec des lettres sans accent, des chiffres, \"-\", \"_\" ou \".\", et commence par une lettre ou un chiffre";
const INJECTIONS: Injection[] = [
  {
    name: 'a tab in the indentation of a logigramme',
    file: 'logigramme.yaml',
    from: LABEL,
    to: LABEL.replace('    ', '\t'),
    at: 'base/logigramme.yaml:15:1 yaml-syntax',
    en: { message: 'indentation with a tab: use spaces', hint: 'YAML indents with spaces only: replace the tab with spaces (and set your editor to insert spaces for the Tab key)' },
    fr: {
      message: 'indentation avec une tabulation : utilisez des espaces',
      hint: "YAML n'indente qu'avec des espaces : remplacez la tabulation par des espaces (et réglez votre éditeur pour que la touche Tab insère des espaces)",
    },
  },
  {
    name: 'a tab in the pyramid that every other document names',
    file: 'pyramide.yaml',
    from: '  - { id: S0, title: Population générale }',
    to: '\t- { id: S0, title: Population générale }',
    at: 'base/pyramide.yaml:10:1 yaml-syntax',
    en: { message: 'indentation with a tab: use spaces', hint: 'YAML indents with spaces only: replace the tab with spaces (and set your editor to insert spaces for the Tab key)' },
    fr: {
      message: 'indentation avec une tabulation : utilisez des espaces',
      hint: "YAML n'indente qu'avec des espaces : remplacez la tabulation par des espaces (et réglez votre éditeur pour que la touche Tab insère des espaces)",
    },
  },
  {
    name: 'a key typo',
    file: 'logigramme.yaml',
    from: LABEL,
    to: LABEL.replace('label', 'lable'),
    at: 'base/logigramme.yaml:15:5 schema',
    en: { message: 'unknown key `lable`', hint: 'did you mean `label`?' },
    fr: { message: 'clé `lable` inconnue', hint: 'vouliez-vous dire `label` ?' },
  },
  {
    // S5 is one edit from S0, S1 and S2: the programs serve S1 with this logigramme.
    name: 'a wrong stratum (the tie S0, S1, S2 resolved by the programs)',
    file: 'logigramme.yaml',
    from: 'stratum: S1',
    to: 'stratum: S5',
    at: 'base/logigramme.yaml:6:10 stratum-exists',
    en: { message: 'unknown stratum `S5`', hint: 'did you mean `S1`?' },
    fr: { message: 'strate `S5` inconnue', hint: 'vouliez-vous dire `S1` ?' },
  },
  {
    name: "an accented id (the logigramme's own, named by both programs)",
    file: 'logigramme.yaml',
    from: 'id: mon-s1-depistage',
    to: 'id: mon-s1-dépistage',
    at: 'base/logigramme.yaml:3:5 schema',
    en: { message: `\`mon-s1-dépistage\` ${ID_RULE_EN}`, hint: 'write `mon-s1-depistage`' },
    fr: { message: `\`mon-s1-dépistage\` ${ID_RULE_FR}`, hint: 'écrivez `mon-s1-depistage`' },
  },
  {
    name: 'an accented node id',
    file: 'logigramme.yaml',
    from: '  resultat:',
    to: '  résultat:',
    at: 'base/logigramme.yaml:20:3 schema',
    en: { message: `\`résultat\` ${ID_RULE_EN}`, hint: 'write `resultat`' },
    fr: { message: `\`résultat\` ${ID_RULE_FR}`, hint: 'écrivez `resultat`' },
  },
  {
    name: 'a duplicate key in a logigramme',
    file: 'logigramme.yaml',
    from: '    actor: laboratoire\n',
    to: '    actor: laboratoire\n    actor: laboratoire\n',
    at: 'base/logigramme.yaml:17:5 yaml-syntax',
    en: { message: 'the key `actor` is written twice here', hint: 'each key may appear once per mapping: remove or rename one of them (the first is on line 16)' },
    fr: {
      message: 'la clé `actor` est écrite deux fois ici',
      hint: "une clé ne peut apparaître qu'une fois au même niveau : supprimez ou renommez l'une des deux (la première est ligne 16)",
    },
  },
  {
    name: '`per: an` (a French word for `year`)',
    file: 'logigramme.yaml',
    from: 'per: year }\n    evidence: { source: has-2003, grade: AE }\n    next: resultat',
    to: 'per: an }\n    evidence: { source: has-2003, grade: AE }\n    next: resultat',
    at: 'base/logigramme.yaml:17:33 schema',
    en: { message: 'the text `an` is not allowed here; expected `day`, `week`, `month`, `quarter`, `year`', hint: 'did you mean `year`?' },
    fr: { message: "le texte `an` n'est pas permis ici ; valeurs possibles : `day`, `week`, `month`, `quarter`, `year`", hint: 'vouliez-vous dire `year` ?' },
  },
  {
    name: '`type: decisoin`',
    file: 'logigramme.yaml',
    from: 'type: decision',
    to: 'type: decisoin',
    at: 'base/logigramme.yaml:21:11 schema',
    en: { message: 'unknown node type `decisoin`: did you mean `decision`?', hint: 'the node types are `start`, `action`, `decision`, `refer`, `end`' },
    fr: { message: 'type de nœud `decisoin` inconnu : vouliez-vous dire `decision` ?', hint: 'les types de nœud sont `start`, `action`, `decision`, `refer`, `end`' },
  },
  {
    name: 'an unclosed quote in the Actors document every action names',
    file: 'acteurs.yaml',
    from: 'title: Médecin généraliste',
    to: 'title: "Médecin généraliste',
    at: 'base/acteurs.yaml:5:33 yaml-syntax',
    en: { message: 'this quote " is never closed', hint: 'add the closing " at the end of the text' },
    fr: { message: "ce guillemet \" n'est jamais fermé", hint: 'ajoutez le " fermant à la fin du texte' },
  },
  {
    name: 'a key without a value',
    file: 'logigramme.yaml',
    from: '    actor: laboratoire',
    to: '    actor:',
    at: 'base/logigramme.yaml:16:11 schema',
    en: { message: '`actor` has no value', hint: 'write its value after `actor:` (a text), or remove the line' },
    fr: { message: "`actor` n'a pas de valeur", hint: 'écrivez sa valeur après `actor:` (un texte), ou supprimez la ligne' },
  },
  {
    name: 'a `:` without a space',
    file: 'logigramme.yaml',
    from: '    actor: laboratoire',
    to: '    actor:laboratoire',
    at: 'base/logigramme.yaml:16:5 yaml-syntax',
    en: { message: 'a `:` after a key needs a space after it', hint: 'write `actor: laboratoire`' },
    fr: { message: "un `:` après une clé doit être suivi d'une espace", hint: 'écrivez `actor: laboratoire`' },
  },
];

describe('one mistake in a whole workspace, one error', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'logi-one-mistake-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of base/ and its config with one mistake in one file. */
  function workspaceWith(injection: Injection, index: number): string {
    const dir = path.join(root, String(index));
    cpSync(path.join(CORPUS, 'base'), path.join(dir, 'base'), { recursive: true });
    cpSync(path.join(CORPUS, 'logi.config.yaml'), path.join(dir, 'logi.config.yaml'));
    const file = path.join(dir, 'base', injection.file);
    const text = readFileSync(file, 'utf8');
    expect(text.split(injection.from), `${injection.from} once in ${injection.file}`).toHaveLength(2);
    writeFileSync(file, text.replace(injection.from, injection.to));
    return dir;
  }

  it('base/ itself lints clean', () => {
    expect(lintJson([], CORPUS, 'en')).toEqual([]);
  });

  it.each(INJECTIONS.map((injection, index) => [injection.name, injection, index] as const))('%s', (_name, injection, index) => {
    const dir = workspaceWith(injection, index);
    for (const lang of ['en', 'fr'] as const) {
      const findings = lintJson([], dir, lang);
      expect(findings.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}`), lang).toEqual([injection.at]);
      expect({ message: findings[0]!.message, hint: findings[0]!.hint }, lang).toEqual(injection[lang]);
    }
  });
});
