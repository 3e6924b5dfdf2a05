import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { parseSource } from '../../src/language/source.js';
import { lint } from '../../src/lint/engine.js';
import { parseDirectives } from '../../src/lint/suppressions.js';
import { FIXTURES } from './helpers.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-suppress-'));
  cpSync(path.join(FIXTURES, 'logi.config.yaml'), path.join(work, 'logi.config.yaml'));
  cpSync(path.join(FIXTURES, 'context'), path.join(work, 'context'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const LONG = "Dosage de l'HbA1c tous les trois mois, ou tous les six mois si l'équilibre glycémique est stable";
/** A logigramme with two long labels (label-length) and an action without evidence (evidence-required). */
const doc = (top = '', above1 = '', above2 = '') => `${top}kind: Logigramme
version: 1
id: suppressions
title: Suppressions
pyramid: diabete
stratum: S2
start: inclusion
nodes:
  inclusion: { type: start, label: Patient diabétique, next: hba1c }
  hba1c:
    type: action
${above1}    label: ${LONG}
    actor: laboratoire
    frequency: { times: 4, per: year }
    next: suivi
  suivi:
    type: action
${above2}    label: Consultation de suivi avec examen des pieds, de la tension artérielle et du poids du patient
    actor: medecin-generaliste
    frequency: { times: 4, per: year }
    evidence: { source: has-2014 }
    next: fin
  fin: { type: end, label: Fin }
sources:
  has-2014: { title: HAS, type: guideline }
`;

async function findings(text: string, options: { preset?: 'recommended' | 'strict' } = {}): Promise<string[]> {
  const file = path.join(work, 'suppressions.yaml');
  writeFileSync(file, text);
  const result = await lint({ cwd: work, paths: [file], ...options });
  return result.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line} ${d.severity}`);
}

describe('inline suppressions', () => {
  it('without a comment, every finding is reported', async () => {
    expect(await findings(doc())).toEqual(['evidence-required 10 error', 'label-length 12 error', 'label-length 18 error']);
  });

  it('logi-disable-next-line silences the named rule on the next line only', async () => {
    expect(await findings(doc('', '    # logi-disable-next-line label-length -- libellé de la fiche HAS\n'))).toEqual(['evidence-required 10 error', 'label-length 19 error']);
  });

  it('logi-disable-file silences the named rules in the whole file, several at once', async () => {
    expect(await findings(doc('# logi-disable-file label-length, evidence-required -- brouillon en relecture\n'))).toEqual([]);
  });

  it('a suppression without a reason still silences, and is reported', async () => {
    expect(await findings(doc('', '    # logi-disable-next-line label-length\n'))).toEqual([
      'evidence-required 10 error',
      'suppression-needs-reason 12 error',
      'label-length 19 error',
    ]);
    expect(await findings(doc('', '    # logi-disable-next-line label-length --   \n'))).toContain('suppression-needs-reason 12 error');
  });

  it('reports suppressions that silence nothing, unknown rules and misspelt directives', async () => {
    const text = doc('# logi-disable-file no-cycle -- pas de boucle ici\n', '    # logi-disable-next-line label-lenght -- typo\n', '    # logi-disable-line label-length -- mauvaise directive\n');
    expect(await findings(text)).toEqual([
      'no-unused-suppression 1 error',
      'evidence-required 11 error',
      'no-unused-suppression 13 error',
      'label-length 14 error',
      'no-unused-suppression 20 error',
      'label-length 21 error',
    ]);
  });

  it('says what is wrong with each comment, in English and in French', async () => {
    const text = doc('# logi-disable-file no-cycle -- pas de boucle ici\n', '    # logi-disable-next-line label-lenght -- typo\n', '    # logi-disable-next-line label-length\n');
    const file = path.join(work, 'suppressions.yaml');
    writeFileSync(file, text);
    const said = async () => (await lint({ cwd: work, paths: [file] })).diagnostics.filter((d) => d.ruleId !== 'evidence-required' && d.ruleId !== 'label-length').map((d) => `${d.range.start.line} ${d.message} | ${d.hint}`);
    expect(await said()).toEqual([
      '1 this suppression of `no-cycle` silences nothing: no `no-cycle` finding in this file | remove the comment',
      '13 unknown rule `label-lenght` in a suppression | did you mean `label-length`?',
      '20 this suppression gives no reason | say why after ` -- `: `# logi-disable-next-line label-length -- <why this finding is intended>`',
    ]);
    setLanguage('fr');
    try {
      expect(await said()).toEqual([
        '1 cette suppression de `no-cycle` ne masque rien : aucun signalement `no-cycle` dans ce fichier | supprimez le commentaire',
        '13 règle `label-lenght` inconnue dans une suppression | vouliez-vous dire `label-length` ?',
        '20 cette suppression ne donne pas de raison | dites pourquoi après ` -- ` : `# logi-disable-next-line label-length -- <pourquoi ce signalement est voulu>`',
      ]);
    } finally {
      setLanguage('en');
    }
  });

  it('the severity of the suppression checks follows the config', async () => {
    writeFileSync(path.join(work, 'logi.config.yaml'), 'include: [context]\nextends: strict\nrules: { no-unused-suppression: off, suppression-needs-reason: warn }\n');
    const text = doc('# logi-disable-file no-cycle -- pas de boucle ici\n', '    # logi-disable-next-line label-length\n');
    expect(await findings(text)).toEqual(['evidence-required 11 error', 'suppression-needs-reason 13 warning', 'label-length 20 error']);
  });

  it('does not silence YAML syntax errors', async () => {
    const text = doc('# logi-disable-file yaml-syntax -- essai\n').replace('title: Suppressions', 'title: "Suppressions');
    const got = await findings(text);
    expect(got[0]).toMatch(/^no-unused-suppression 1/);
    expect(got.some((f) => f.startsWith('yaml-syntax'))).toBe(true);
  });
});

describe('parseDirectives', () => {
  it('reads only real comments, with their rules, reason and position', () => {
    const text = `a: 1 # logi-disable-next-line x -- trailing comment
b: >-
  # logi-disable-file not-a-comment -- inside folded text
c: "# logi-disable-file not-a-comment -- inside quotes"
    # logi-disable-file r1,r2 r3 -- because -- really
`;
    const read = parseSource('t.yaml', '/t.yaml', text);
    if (!read.ok) throw new Error('unreadable');
    const directives = parseDirectives(read.source);
    expect(directives.map((d) => ({ kind: d.kind, rules: d.rules, reason: d.reason, line: d.line, column: d.range.start.column, alone: d.alone }))).toEqual([
      { kind: 'next-line', rules: ['x'], reason: 'trailing comment', line: 1, column: 6, alone: false },
      { kind: 'file', rules: ['r1', 'r2', 'r3'], reason: 'because -- really', line: 5, column: 5, alone: true },
    ]);
  });

  it('issue 12 #4: a comment below an unclosed flow mapping is placed on its own line (6:3), not lines higher', () => {
    // yaml's newline count skips two lines after `1{.2`: the comment used to be placed at 4:3.
    const text = 'a:\n  b: { c: 1{.2 }\n  d: 1\n  e: 2\n  f: 3\n  # logi-disable-next-line x -- why\ng: 1\n';
    const read = parseSource('t.yaml', '/t.yaml', text);
    if (!read.ok) throw new Error('unreadable');
    expect(parseDirectives(read.source).map((d) => [d.line, d.range])).toEqual([[6, { start: { line: 6, column: 3 }, end: { line: 6, column: 36 } }]]);
  });
});

describe('reserved checks', () => {
  it('cannot be silenced, and a comment that tries says so', async () => {
    const text = doc('# logi-disable-file schema -- essai\n').replace('    actor: laboratoire\n', '    actor: laboratoire\n    nxt: fin\n');
    expect(await findings(text)).toEqual(['no-unused-suppression 1 error', 'schema 15 error']);
  });
});
