/**
 * `LoadOptions.texts`: a file's text handed to the loader instead of its content on disk
 * (`logi lint --stdin --stdin-filename F`, an editor's unsaved buffer).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/language/workspace.js';
import { REPO } from '../helpers/cli.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'logi-texts-'));
  cpSync(path.join(REPO, 'test/fixtures/malformed/logi.config.yaml'), path.join(work, 'logi.config.yaml'));
  cpSync(path.join(REPO, 'test/fixtures/malformed/base'), path.join(work, 'base'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ACTORS = `kind: Actors
version: 1
id: autres-acteurs
actors:
  infirmier: { title: Infirmier, minutes-per-act: 15, cost-per-act: 10, fte-minutes-per-year: 96000, source: exemple }
sources:
  exemple: { title: Exemple, type: illustrative }
`;

describe('texts instead of the disk', () => {
  it('loads a text whose file does not exist on disk, and makes it the target when it is among the paths', async () => {
    const file = path.join(work, 'base', 'nouveau.yaml');
    const workspace = await loadWorkspace({ cwd: work, paths: [file], texts: new Map([[file, ACTORS]]) });
    expect(workspace.index.Actors.get('autres-acteurs')?.source.absolutePath).toBe(file);
    expect([...workspace.targets].sort()).toEqual([file, path.join(work, 'logi.config.yaml')].sort());
    // The rest of the workspace is loaded too (the logigramme's actor resolves): no diagnostic at all.
    expect(workspace.index.Logigramme.has('mon-s1-depistage')).toBe(true);
    expect(workspace.diagnostics).toEqual([]);
  });

  it('uses the text rather than the content on disk of a file that exists', async () => {
    const file = path.join(work, 'base', 'acteurs.yaml');
    const edited = readFileSync(file, 'utf8').replace('id: acteurs', 'id: acteurs-modifies');
    const workspace = await loadWorkspace({ cwd: work, paths: [file], texts: new Map([[file, edited]]) });
    expect(workspace.index.Actors.has('acteurs-modifies')).toBe(true);
    expect(workspace.index.Actors.has('acteurs')).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('id: acteurs\n');
  });

  it('reports the syntax errors of the text at the place of the text, for the given file only', async () => {
    const file = path.join(work, 'base', 'brouillon.yaml');
    const workspace = await loadWorkspace({ cwd: work, paths: [file], texts: new Map([[file, 'kind: Actors\nversion: 1\nid: "brouillon\n']]) });
    expect(workspace.diagnostics.map((d) => [d.file, d.ruleId, d.range.start.line, d.range.start.column])).toEqual([[path.join('base', 'brouillon.yaml'), 'yaml-syntax', 3, 5]]);
  });

  it('loads a text not on disk that is not among the paths, without making it a target', async () => {
    const file = path.join(work, 'base', 'cache.yaml');
    const logigramme = path.join(work, 'base', 'logigramme.yaml');
    const workspace = await loadWorkspace({ cwd: work, paths: [logigramme], texts: new Map([[file, ACTORS]]) });
    expect(workspace.index.Actors.has('autres-acteurs')).toBe(true);
    expect(workspace.targets.has(file)).toBe(false);
  });
});

describe('broken documents', () => {
  it('a document that fails its schema stays known by its id and its unaccented spelling, out of the index the rules read', async () => {
    const file = path.join(work, 'base', 'logigramme.yaml');
    const accented = readFileSync(file, 'utf8').replace('id: mon-s1-depistage', 'id: mon-s1-dépistage');
    const workspace = await loadWorkspace({ cwd: work, texts: new Map([[file, accented]]) });
    expect([...workspace.broken.Logigramme.keys()].sort()).toEqual(['mon-s1-depistage', 'mon-s1-dépistage']);
    expect(workspace.index.Logigramme.size).toBe(0);
    expect(workspace.documents.map((d) => d.kind).sort()).toEqual(['Actors', 'Program', 'Program', 'Pyramid', 'Territory']);
    // The programs name `mon-s1-depistage`: no error there, one in the logigramme.
    expect(workspace.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}`)).toEqual([`${path.join('base', 'logigramme.yaml')}:3:5 schema`]);
  });

  it('a document with a syntax error is known by the kind and id read from its syntax tree', async () => {
    const file = path.join(work, 'base', 'pyramide.yaml');
    const tabbed = readFileSync(file, 'utf8').replace('  - { id: S0,', '\t- { id: S0,');
    const workspace = await loadWorkspace({ cwd: work, texts: new Map([[file, tabbed]]) });
    expect([...workspace.broken.Pyramid.keys()]).toEqual(['mon-diabete']);
    expect(workspace.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`)).toEqual(['10:1 yaml-syntax']);
  });

  it('a reference to an id that no document, broken or not, has is still reported', async () => {
    const file = path.join(work, 'base', 'programmes.yaml');
    const typo = readFileSync(file, 'utf8').replace('S1: { logigramme: mon-s1-depistage', 'S1: { logigramme: mon-s1-depistag');
    const workspace = await loadWorkspace({ cwd: work, texts: new Map([[file, typo]]) });
    expect(workspace.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message} | ${d.hint}`)).toEqual(['8:21 unknown logigramme `mon-s1-depistag` | did you mean `mon-s1-depistage`?']);
  });
});
