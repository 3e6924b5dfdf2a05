/**
 * `--fix`: each fixable rule rewrites only the characters of its finding; comments, folded text,
 * quoting and layout stay byte for byte; the result parses and lints clean; files are written
 * atomically and never when they changed since they were read.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/language/source.js';
import { lint, lintAndFix, writeFixes } from '../../src/lint/engine.js';
import { applyEdits, createFixer, missingVersionEdit, parsesCleanly } from '../../src/lint/fix.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURES } from './helpers.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-fix-'));
  cpSync(path.join(FIXTURES, 'logi.config.yaml'), path.join(work, 'logi.config.yaml'));
  cpSync(path.join(FIXTURES, 'context'), path.join(work, 'context'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const LOGIGRAMME = `# yaml-language-server: $schema=../docs/schemas/logigramme.schema.json
# Suivi trimestriel : commentaire d'en-tête à garder.
kind: Logigramme
version: 1
id: a-corriger
title: "Suivi : à corriger"
description: >-
  Une description repliée sur plusieurs lignes, qui doit rester exactement comme l'auteur l'a
  écrite, avec ses retours à la ligne.
pyramid: diabete
stratum: S2
start: inclusion
phases:
  bilan: { label: Bilan }   # utilisé
  education: { label: Éducation thérapeutique }   # plus utilisé
nodes:
  inclusion: { type: start, label: Patient diabétique, next: hba1c }
  hba1c:
    type: action
    phase: bilan
    label: 'Dosage de l''HbA1c'
    actor: laboratoire
    frequency: 4/year    # quatre dosages par an
    evidence: { source: has-2014, grade: AE }
    next: fin
  fin: { type: end, label: Fin }
sources:
  has-2014: { title: HAS — Guide parcours de soins, year: 2014, type: guideline, grade-scale: HAS }
  # L'ADA n'est plus citée :
  ada-2024:
    title: ADA Standards of Care 2024
    year: 2024
    type: guideline
  spf: { title: Santé publique France, type: report }
`;

const FIXED = `# yaml-language-server: $schema=../docs/schemas/logigramme.schema.json
# Suivi trimestriel : commentaire d'en-tête à garder.
kind: Logigramme
version: 1
id: a-corriger
title: "Suivi : à corriger"
description: >-
  Une description repliée sur plusieurs lignes, qui doit rester exactement comme l'auteur l'a
  écrite, avec ses retours à la ligne.
pyramid: diabete
stratum: S2
start: inclusion
phases:
  bilan: { label: Bilan }   # utilisé
nodes:
  inclusion: { type: start, label: Patient diabétique, next: hba1c }
  hba1c:
    type: action
    phase: bilan
    label: 'Dosage de l''HbA1c'
    actor: laboratoire
    frequency: { times: 4, per: year }    # quatre dosages par an
    evidence: { source: has-2014, grade: AE }
    next: fin
  fin: { type: end, label: Fin }
sources:
  has-2014: { title: HAS — Guide parcours de soins, year: 2014, type: guideline, grade-scale: HAS }
  # L'ADA n'est plus citée :
`;

describe('lint --fix', () => {
  it('fixes frequency-shorthand, no-unused-phase and no-unused-source, keeping everything else byte for byte', async () => {
    const file = path.join(work, 'a-corriger.yaml');
    writeFileSync(file, LOGIGRAMME);
    const before = await lint({ cwd: work, paths: [file] });
    expect(before.diagnostics.map((d) => d.ruleId).sort()).toEqual(['frequency-shorthand', 'no-unused-phase', 'no-unused-source', 'no-unused-source']);
    expect(before.fixableCount).toBe(4);
    const { result, fixed } = await lintAndFix({ cwd: work, paths: [file] });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(fixed).toEqual([{ file: 'a-corriger.yaml', fixes: 4 }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the whole `sources` key when its last entry goes, and flow-style entries', async () => {
    const file = path.join(work, 'flux.yaml');
    writeFileSync(
      file,
      `kind: Program
version: 1
id: flux
title: Programme
pyramid: diabete
strata:
  S2: { logigramme: dt2-s2-suivi, coverage: 0.6 }
sources: { a: { title: A, type: report }, b: { title: B, type: report } }
`,
    );
    await lintAndFix({ cwd: work, paths: [file] });
    expect(readFileSync(file, 'utf8')).toBe(`kind: Program
version: 1
id: flux
title: Programme
pyramid: diabete
strata:
  S2: { logigramme: dt2-s2-suivi, coverage: 0.6 }
`);
  });

  it('adds a missing `version: 1` after `kind:` (the fix of a schema finding)', async () => {
    const file = path.join(work, 'sans-version.yaml');
    const text = readFileSync(path.join(work, 'context/territoire.yaml'), 'utf8').replace('version: 1\n', '').replace('id: territoire', 'id: sans-version');
    writeFileSync(file, text);
    const before = await lint({ cwd: work, paths: [file] });
    expect(before.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual(['schema missing required key `version`']);
    expect(before.fixableCount).toBe(1);
    const { result } = await lintAndFix({ cwd: work, paths: [file] });
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('kind: Territory\n', 'kind: Territory\nversion: 1\n'));
  });

  it('renames a lognormal\'s `mean` to `median` when it comes with a ci95 (lognormal-median), numbers as written', async () => {
    const file = path.join(work, 'lognormale.yaml');
    const text = [
      'kind: Territory',
      'version: 1',
      'id: lognormale',
      'title: Territoire',
      'population: 100000',
      'pyramids:',
      '  diabete:',
      '    counts: { S0: 60000, S1: 12000, S2: 5000 }',
      '    source: illustratif',
      '    multipliers:',
      '      S1->S2: { lognormal: { mean: 1.20, ci95: [1.0, 1.44] } }   # 1,20 (1,00–1,44)',
      '      S2->deces:',
      '        lognormal:',
      '          mean: 0.90',
      '          ci95: [0.81, 1.0]',
      'sources:',
      '  illustratif: { title: Effectifs illustratifs, type: illustrative }',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const before = await lint({ cwd: work, paths: [file] });
    expect(before.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`)).toEqual(['lognormal-median 11:30', 'lognormal-median 14:11']);
    const { result } = await lintAndFix({ cwd: work, paths: [file] });
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('{ mean: 1.20,', '{ median: 1.20,').replace('          mean: 0.90', '          median: 0.90'));
  });

  it('removes a suppression comment that silences nothing', async () => {
    const file = path.join(work, 'suppression.yaml');
    const text = readFileSync(path.join(work, 'context/dt2-s2-suivi.yaml'), 'utf8').replace('id: dt2-s2-suivi', 'id: suppression');
    writeFileSync(file, text.replace("    label: Dosage de l'HbA1c\n", "    # logi-disable-next-line label-length -- libellé repris de la HAS\n    label: Dosage de l'HbA1c\n"));
    expect((await lint({ cwd: work, paths: [file] })).diagnostics.map((d) => d.ruleId)).toEqual(['no-unused-suppression']);
    await lintAndFix({ cwd: work, paths: [file] });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('leaves a file alone when it changed on disk after it was linted', async () => {
    const file = path.join(work, 'a-corriger.yaml');
    writeFileSync(file, LOGIGRAMME);
    const result = await lint({ cwd: work, paths: [file] });
    writeFileSync(file, `${LOGIGRAMME}# edited meanwhile\n`);
    expect(await writeFixes(result)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(`${LOGIGRAMME}# edited meanwhile\n`);
  });

  it('through the CLI: reports the files fixed, then what remains', () => {
    const file = path.join(work, 'a-corriger.yaml');
    writeFileSync(file, LOGIGRAMME.replace("    actor: laboratoire\n", '    actor: labo\n'));
    const run = runCli(['lint', 'a-corriger.yaml', '--fix'], { cwd: work });
    expect(run.stdout).toContain('fixed 4 problems in a-corriger.yaml');
    expect(run.stdout).toContain('known-actor');
    expect(run.status).toBe(1);
    const json = JSON.parse(runCli(['lint', 'a-corriger.yaml', '--fix', '--json'], { cwd: work }).stdout) as { fixed: unknown[]; errorCount: number };
    expect(json.fixed).toEqual([]);
    expect(json.errorCount).toBe(1);
  });
});

describe('the fixer', () => {
  const parse = (text: string) => {
    const read = parseSource('x.yaml', '/x.yaml', text);
    if (!read.ok) throw new Error('unreadable');
    return { source: read.source, document: read.source.documents[0]! };
  };

  it('removes the first, a middle and the last entry of a flow mapping', () => {
    const text = 'm: { a: 1, b: { c: 2 }, d: 3 }\n';
    const { source, document } = parse(text);
    const fixer = createFixer(source, document);
    const remove = (key: string) => applyEdits(text, [fixer.removeEntry(['m', key])!]).text;
    expect(remove('a')).toBe('m: { b: { c: 2 }, d: 3 }\n');
    expect(remove('b')).toBe('m: { a: 1, d: 3 }\n');
    expect(remove('d')).toBe('m: { a: 1, b: { c: 2 } }\n');
  });

  it('refuses what it cannot edit safely', () => {
    const text = 'list:\n  - a: 1\n    b: 2\ntext: >-\n  folded\n';
    const { source, document } = parse(text);
    const fixer = createFixer(source, document);
    expect(fixer.removeEntry(['list', 0, 'a'])).toBeUndefined(); // the key shares its line with `- `
    expect(fixer.removeEntry(['list', 0, 'b'])).toBeDefined();
    expect(fixer.replaceValue(['text'], '"x"')).toBeUndefined(); // a block scalar
    expect(fixer.replaceValue(['missing'], '1')).toBeUndefined();
    expect(fixer.removeEntry([])).toBeUndefined();
  });

  it('adds version in a flow-style document too', () => {
    const text = '{ kind: Actors, id: a, actors: {} }\n';
    const { source, document } = parse(text);
    expect(applyEdits(text, [missingVersionEdit(source, document)!]).text).toBe('{ kind: Actors, version: 1, id: a, actors: {} }\n');
  });

  it('applies non-overlapping edits and leaves overlapping ones for the next pass', () => {
    const { text, applied } = applyEdits('abcdef', [
      { start: 4, end: 6, text: 'EF' },
      { start: 0, end: 2, text: 'AB' },
      { start: 1, end: 3, text: 'zz' },
    ]);
    expect(text).toBe('ABcdEF');
    expect(applied).toBe(2);
  });

  it('never writes a text that does not parse', () => {
    expect(parsesCleanly('a: 1\n')).toBe(true);
    expect(parsesCleanly('a: "1\n')).toBe(false);
    expect(parseAllDocuments(FIXED).every((d) => d.errors.length === 0)).toBe(true);
  });
});
