/**
 * Parameter paths (docs/language.md, "Parameter paths"): resolved against a small workspace
 * written here, each expected document path and line worked out by hand from the YAML below.
 * Every problem of the resolver, with the segment it fails at and its suggestions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainPathProblem, parameterPathOf, pathSegments, resolveParameterPath, type UnresolvedParameterPath } from '../../src/language/parameter-path.js';
import { locate } from '../../src/language/source.js';
import { loadWorkspace, type Workspace } from '../../src/language/workspace.js';
import { parameterPlaces } from '../../src/sim/distributions/places.js';

const PYRAMID = `kind: Pyramid
version: 1
id: dt
title: Diabète
strata:
  - { id: S0, title: Population générale }
  - { id: S1, title: À risque }
  - { id: S2, title: Diabète }
exits:
  - { id: deces, title: Décès }
transitions:
  - { from: S0, to: S1, p: 0.02 }
  - { from: S1, to: S2, p: { trend: { start: { beta: { mean: 0.05, sd: 0.01 } }, annual-change: -0.026 } } }
  - { from: S1, to: deces, p: { by-year: [0.01, 0.012] } }
inflows:
  - { to: S0, rate: 0.011, of: population }
`;
// Lines (1-based): transitions S0->S1 on 12, S1->S2 on 13, S1->deces on 14.

const PROGRAM = `kind: Program
version: 1
id: dt
title: Programme du même nom que la pyramide
pyramid: dt
strata:
  S1: { logigramme: lg, coverage: 0.3, retention: { beta: { mean: 0.8, sd: 0.05 } } }
`;

const TERRITORY = `kind: Territory
version: 1
id: terr
title: Territoire
population: 1000
pyramids:
  dt:
    counts: { S0: 600, S1: 100, S2: 50 }
    multipliers:
      S1 -> S2: 1.2
`;

const LOGIGRAMME = `kind: Logigramme
version: 1
id: lg
title: Dépistage
pyramid: dt
stratum: S1
start: debut
nodes:
  debut: { type: start, label: Début, next: test }
  test:
    type: action
    label: Glycémie
    actor: labo
    effects:
      - { transition: S1->S2, hr: { lognormal: { median: 0.8, ci95: [0.6, 1.05] } } }
    next: fin
  fin: { type: end, label: Fin }
`;

const ACTORS = `kind: Actors
version: 1
id: acteurs
actors:
  labo: { title: Laboratoire, minutes-per-act: 5, cost-per-act: 10, fte-minutes-per-year: 96000 }
`;

let dir: string;
let workspace: Workspace;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logi-parameter-path-'));
  writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
  const files = { 'pyramid.yaml': PYRAMID, 'program.yaml': PROGRAM, 'territory.yaml': TERRITORY, 'logigramme.yaml': LOGIGRAMME, 'actors.yaml': ACTORS };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  workspace = await loadWorkspace({ cwd: dir });
  expect(workspace.diagnostics).toEqual([]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function resolved(text: string) {
  const result = resolveParameterPath(workspace, text);
  if (!result.ok) throw new Error(`${text}: ${result.problem} at ${result.at}`);
  return result;
}

function unresolved(text: string): UnresolvedParameterPath {
  const result = resolveParameterPath(workspace, text);
  if (result.ok) throw new Error(`${text} resolved to ${JSON.stringify(result.docPath)}`);
  return result;
}

describe('pathSegments', () => {
  it('splits on spaces and reads `S1 -> S2` as one segment', () => {
    expect(pathSegments('  dt  transitions S1 -> S2   p ')).toEqual(['dt', 'transitions', 'S1->S2', 'p']);
    expect(pathSegments('dt transitions S1->  S2 p')).toEqual(['dt', 'transitions', 'S1->S2', 'p']);
    expect(pathSegments(' \t ')).toEqual([]);
  });
});

describe('resolveParameterPath: what it finds', () => {
  it('a list element by its from->to, with spaces around the arrow or not', () => {
    const r = resolved('Pyramid:dt transitions S0->S1 p');
    expect(r.kind).toBe('Pyramid');
    expect(r.doc.id).toBe('dt');
    expect(r.docPath).toEqual(['transitions', 0, 'p']);
    expect(r.value).toBe(0.02);
    expect(r.constraint).toBe('probability');
    expect(r.annualChange).toBe(false);
    expect(resolved('Pyramid:dt transitions S0 -> S1 p').docPath).toEqual(['transitions', 0, 'p']);
    // The docPath is the kind of path locate() takes: the third transition is on line 14.
    const third = resolved('Pyramid:dt transitions S1->deces p by-year 1');
    expect(third.docPath).toEqual(['transitions', 2, 'p', 'by-year', 1]);
    expect(third.value).toBe(0.012);
    expect(locate(third.doc.source, third.doc.document, third.docPath).start.line).toBe(14);
  });

  it('a list element by its index, and inside a value that changes with the year', () => {
    const start = resolved('Pyramid:dt transitions 1 p trend start');
    expect(start.docPath).toEqual(['transitions', 1, 'p', 'trend', 'start']);
    expect(start.value).toEqual({ beta: { mean: 0.05, sd: 0.01 } });
    expect(start.constraint).toBe('probability');
    const change = resolved('Pyramid:dt transitions S1->S2 p trend annual-change');
    expect(change.value).toBe(-0.026);
    expect(change.annualChange).toBe(true);
    expect(change.constraint).toBe('any');
    expect(locate(change.doc.source, change.doc.document, change.docPath).start.line).toBe(13);
  });

  it('a list element by its id, and keys of mappings', () => {
    const hr = resolved('lg nodes test effects 0 hr');
    expect(hr.kind).toBe('Logigramme');
    expect(hr.docPath).toEqual(['nodes', 'test', 'effects', 0, 'hr']);
    expect(hr.constraint).toBe('positive');
    expect(resolved('acteurs actors labo cost-per-act').docPath).toEqual(['actors', 'labo', 'cost-per-act']);
    expect(resolved('acteurs actors labo cost-per-act').constraint).toBe('non-negative');
  });

  it('a multiplier key written `S1 -> S2` in the YAML is named `S1->S2`, and its docPath keeps the key as written', () => {
    const m = resolved('terr pyramids dt multipliers S1->S2');
    expect(m.docPath).toEqual(['pyramids', 'dt', 'multipliers', 'S1 -> S2']);
    expect(m.value).toBe(1.2);
    expect(locate(m.doc.source, m.doc.document, m.docPath).start.line).toBe(10);
  });

  it('`Kind:id` is always accepted, and required when kinds share the id', () => {
    expect(resolved('Program:dt strata S1 retention').docPath).toEqual(['strata', 'S1', 'retention']);
    expect(resolved('Territory:terr pyramids dt multipliers S1->S2').kind).toBe('Territory');
  });
});

describe('resolveParameterPath: each problem, at its segment, with its suggestions', () => {
  it('empty', () => {
    expect(unresolved('   ')).toMatchObject({ problem: 'empty', at: 0, suggestions: [] });
  });

  it('unknown-document: an id of no parameter document, or a kind that holds no parameters', () => {
    expect(unresolved('ter pyramids dt multipliers S1->S2')).toMatchObject({ problem: 'unknown-document', at: 0, suggestions: ['terr'] });
    expect(unresolved('Territory:dt pyramids')).toMatchObject({ problem: 'unknown-document', at: 0 });
    expect(unresolved('Scenario:x horizon')).toMatchObject({ problem: 'unknown-document', at: 0 });
    expect(unresolved('Programm:dt strata S1 retention')).toMatchObject({ problem: 'unknown-document', at: 0, suggestions: ['Program'] });
  });

  it('ambiguous-document: the id of a Pyramid and of a Program', () => {
    expect(unresolved('dt transitions S0->S1 p')).toMatchObject({ problem: 'ambiguous-document', at: 0, suggestions: ['Pyramid:dt', 'Program:dt'] });
  });

  it('no-such-key: in a list, in a mapping, and below a value', () => {
    expect(unresolved('Pyramid:dt transitions S1->S3 p')).toMatchObject({ problem: 'no-such-key', at: 2, level: 'list', suggestions: ['S1->S2'] });
    expect(unresolved('Pyramid:dt transitions 3 p')).toMatchObject({ problem: 'no-such-key', at: 2, level: 'list' });
    expect(unresolved('terr pyramids dt multiplier S1->S2')).toMatchObject({ problem: 'no-such-key', at: 3, level: 'mapping', suggestions: ['multipliers'] });
    expect(unresolved('Pyramid:dt transitions 0 p value')).toMatchObject({ problem: 'no-such-key', at: 4, level: 'value', suggestions: [] });
  });

  it('not-a-parameter: a path that stops early suggests how to go on', () => {
    expect(unresolved('Pyramid:dt transitions S0->S1')).toMatchObject({ problem: 'not-a-parameter', at: 2, suggestions: ['p'] });
    expect(unresolved('Pyramid:dt transitions S1->S2 p')).toMatchObject({ problem: 'not-a-parameter', at: 3, suggestions: ['trend'] });
    // A number that the simulation does not draw is no parameter: the population, a count.
    expect(unresolved('terr population')).toMatchObject({ problem: 'not-a-parameter', at: 1, suggestions: [] });
    expect(unresolved('terr pyramids dt counts S1')).toMatchObject({ problem: 'not-a-parameter', at: 4 });
  });

  it('puts each problem in words, with its hint', () => {
    expect(explainPathProblem(unresolved('dt transitions S0->S1 p'))).toEqual({
      message: '`dt` names several documents: `Pyramid:dt`, `Program:dt`',
      hint: 'say which one with its kind before the id, e.g. `Pyramid:dt transitions S0->S1 p`',
    });
    expect(explainPathProblem(unresolved('Pyramid:dt transitions S1->S3 p'))).toEqual({ message: '`Pyramid:dt transitions` has no `S1->S3`', hint: 'did you mean `S1->S2`?' });
    expect(explainPathProblem(unresolved('Pyramid:dt transitions S0->S1'))).toEqual({
      message: '`Pyramid:dt transitions S0->S1` is not a parameter: a path ends on a number or a distribution that the simulation reads',
      hint: 'continue the path with `p`',
    });
    expect(explainPathProblem(unresolved('ter pyramids')).hint).toBe('did you mean `terr`?');
  });
});

describe('parameterPathOf', () => {
  it('names elements by id or from->to, and qualifies an id that two kinds share', () => {
    const pyramid = workspace.index.Pyramid.get('dt')!;
    expect(parameterPathOf(workspace, pyramid, ['transitions', 2, 'p', 'by-year', 0])).toBe('Pyramid:dt transitions S1->deces p by-year 0');
    expect(parameterPathOf(workspace, workspace.index.Logigramme.get('lg')!, ['nodes', 'test', 'effects', 0, 'hr'])).toBe('lg nodes test effects 0 hr');
  });

  it('gives a path that resolves back to every parameter place of the workspace', () => {
    let count = 0;
    for (const doc of workspace.documents) {
      for (const place of parameterPlaces(doc)) {
        const back = resolved(parameterPathOf(workspace, doc, place.path));
        expect(back.doc).toBe(doc);
        expect(back.docPath).toEqual(place.path);
        count++;
      }
    }
    // 1 + 2 + 2 transition values, 1 inflow rate, 1 multiplier, 1 coverage + 1 retention, 1 hr, 2 actor figures.
    expect(count).toBe(12);
  });
});
