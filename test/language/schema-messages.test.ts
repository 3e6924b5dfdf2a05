/**
 * Schema messages are logi's own, in French and English, never zod's text (issue 13): each zod
 * issue code a document can raise, with the message and hint worked out by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import type { PathReport } from '../../src/language/diagnostic.js';
import { validateDocument } from '../../src/language/validate.js';

afterEach(() => setLanguage('en'));

const PYRAMID = { kind: 'Pyramid', version: 1, id: 'p', title: 'P', strata: [{ id: 'S0', title: 'A' }, { id: 'S1', title: 'B' }] };
const SOURCE = { title: 'T', type: 'guideline' };

interface Case {
  name: string;
  data: Record<string, unknown>;
  path: (string | number)[];
  en: [string, string | undefined];
  fr: [string, string | undefined];
}

const ID_EN = 'is not a valid id: an id uses unaccented letters, digits, "-", "_" or ".", and starts with a letter or digit';
const ID_FR = "n'est pas un identifiant valide : un identifiant s'écrit avec des lettres sans accent, des chiffres, \"-\", \"_\" ou \".\", et commence par une lettre ou un chiffre";

const CASES: Case[] = [
  {
    name: 'invalid_value: an enum, with a French word (`cycle: an`)',
    data: { ...PYRAMID, cycle: 'an' },
    path: ['cycle'],
    en: ['the text `an` is not allowed here; expected `year`, `quarter`, `month`', 'did you mean `year`?'],
    fr: ["le texte `an` n'est pas permis ici ; valeurs possibles : `year`, `quarter`, `month`", 'vouliez-vous dire `year` ?'],
  },
  {
    name: 'invalid_value: a literal with its own message (`version: 2`)',
    data: { ...PYRAMID, version: 2 },
    path: ['version'],
    en: ['the language version is 1: write `version: 1`', undefined],
    fr: ['la version du langage est 1 : écrivez `version: 1`', undefined],
  },
  {
    name: 'too_small: an empty list',
    data: { ...PYRAMID, strata: [] },
    path: ['strata'],
    en: ['needs at least 1 item(s)', undefined],
    fr: ['il faut au moins 1 élément(s)', undefined],
  },
  {
    name: 'too_small: an empty text',
    data: { ...PYRAMID, title: '' },
    path: ['title'],
    en: ['must not be empty', undefined],
    fr: ['ne doit pas être vide', undefined],
  },
  {
    name: 'too_small: a number under its bound',
    data: { ...PYRAMID, sources: { s: { ...SOURCE, year: 1800 } } },
    path: ['sources', 's', 'year'],
    en: ['must be ≥ 1900, got the number 1800', undefined],
    fr: ['doit être ≥ 1900, et non le nombre 1800', undefined],
  },
  {
    name: 'invalid_format: a url',
    data: { ...PYRAMID, sources: { s: { ...SOURCE, url: 'pas une adresse' } } },
    path: ['sources', 's', 'url'],
    en: ['`pas une adresse` is not a web address', 'write the whole address, starting with https://'],
    fr: ["`pas une adresse` n'est pas une adresse web", "écrivez l'adresse entière, qui commence par https://"],
  },
  {
    name: 'invalid_format: a transition key with its own message',
    data: { ...PYRAMID, events: { x: ['S0-S1'] } },
    path: ['events', 'x', 0],
    en: ['a transition is written `FROM->TO`, e.g. `S1->S2`', undefined],
    fr: ["une transition s'écrit `DE->VERS`, par exemple `S1->S2`", undefined],
  },
  {
    name: 'invalid_key: an accented id as a key, with its unaccented spelling',
    data: { ...PYRAMID, sources: { référence: SOURCE } },
    path: ['sources', 'référence'],
    en: [`\`référence\` ${ID_EN}`, 'write `reference`'],
    fr: [`\`référence\` ${ID_FR}`, 'écrivez `reference`'],
  },
  {
    name: 'invalid_union: an unknown distribution',
    data: { ...PYRAMID, transitions: [{ from: 'S0', to: 'S1', p: { betta: { mean: 0.1, sd: 0.01 } } }] },
    path: ['transitions', 0, 'p', 'betta'],
    en: ['unknown distribution `betta`', 'did you mean `beta`?'],
    fr: ['loi de probabilité `betta` inconnue', 'vouliez-vous dire `beta` ?'],
  },
  {
    name: 'unrecognized_keys: nothing close, the allowed keys',
    data: { ...PYRAMID, strata: [{ id: 'S0', title: 'A', couleur: 'rouge' }] },
    path: ['strata', 0, 'couleur'],
    en: ['unknown key `couleur`', 'allowed keys here: id, title, criteria, description, costs, utility, utility-source'],
    fr: ['clé `couleur` inconnue', 'clés permises ici : id, title, criteria, description, costs, utility, utility-source'],
  },
  {
    name: 'custom: a refinement (an inflow with both count and rate)',
    data: { ...PYRAMID, inflows: [{ to: 'S0', count: 1, rate: 0.1, of: 'population' }] },
    path: ['inflows', 0],
    en: ['an inflow has either `count` or `rate` (with `of`), not both and not neither', undefined],
    fr: ['une entrée a soit `count`, soit `rate` (avec `of`) : ni les deux, ni aucun', undefined],
  },
  {
    name: 'invalid_type: a text for a list',
    data: { ...PYRAMID, strata: 'S0' },
    path: ['strata'],
    en: ['expected a list, got the text `S0`', 'write a list, e.g. `[a, b]` or one `- item` per line'],
    fr: ['il faut ici une liste, pas le texte `S0`', 'écrivez une liste, par exemple `[a, b]` ou un `- élément` par ligne'],
  },
  {
    name: 'invalid_type: a key without a value',
    data: { ...PYRAMID, exits: [{ id: 'deces', title: null }] },
    path: ['exits', 0, 'title'],
    en: ['`title` has no value', 'write its value after `title:` (a text), or remove the line'],
    fr: ["`title` n'a pas de valeur", 'écrivez sa valeur après `title:` (un texte), ou supprimez la ligne'],
  },
  {
    name: 'invalid_type: a missing key',
    data: { kind: 'Pyramid', version: 1, id: 'p', strata: [{ id: 'S0', title: 'A' }] },
    path: ['title'],
    en: ['missing required key `title`', 'add `title:` (a text)'],
    fr: ['clé obligatoire manquante : `title`', 'ajoutez `title:` (un texte)'],
  },
  {
    name: 'invalid_type: a whole number (`horizon: 1.5`)',
    data: { kind: 'Scenario', version: 1, id: 's', pyramid: 'p', territories: ['t'], baseline: 'a', program: 'b', horizon: 1.5 },
    path: ['horizon'],
    en: ['expected a whole number, got the number 1.5', undefined],
    fr: ['il faut ici un nombre entier, pas le nombre 1.5', undefined],
  },
  {
    name: 'invalid_type: a number written with French digit grouping',
    data: { kind: 'Territory', version: 1, id: 't', title: 'T', population: '100 000', pyramids: {} },
    path: ['population'],
    en: ['expected a number, got the text `100 000`', 'write the number without spaces between its digits: `100000`'],
    fr: ['il faut ici un nombre, pas le texte `100 000`', 'écrivez le nombre sans espace entre les chiffres : `100000`'],
  },
];

function reportAt(data: unknown, path: (string | number)[]): PathReport[] {
  const validation = validateDocument(data);
  expect(validation.ok).toBe(false);
  return validation.reports.filter((r) => r.path.join('/') === path.join('/'));
}

describe('schema messages', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    for (const lang of ['en', 'fr'] as const) {
      setLanguage(lang);
      const validation = validateDocument(c.data);
      // One mistake, one report.
      expect(validation.reports.map((r) => `${r.path.join('/')} ${r.message}`), lang).toHaveLength(1);
      expect(reportAt(c.data, c.path).map((r) => [r.message, r.hint]), lang).toEqual([c[lang]]);
    }
  });

  it('never shows zod\'s own words, in either language', () => {
    for (const lang of ['en', 'fr'] as const) {
      setLanguage(lang);
      for (const c of CASES) {
        for (const r of validateDocument(c.data).reports) {
          const text = `${r.message} ${r.hint ?? ''}`;
          expect(text).not.toMatch(/Invalid|Too (small|big)|expected one of|received/);
          // The mark of zod's own messages (src/language/validate.ts) never reaches a person.
          expect(text.includes(String.fromCharCode(0))).toBe(false);
        }
      }
    }
  });

  it('a misspelt key is one finding (the unknown key), not also the missing key it stands for', () => {
    const { title: _title, ...untitled } = PYRAMID;
    const reports = validateDocument({ ...untitled, titel: 'P' }).reports;
    expect(reports.map((r) => [r.path.join('/'), r.message, r.hint])).toEqual([['titel', 'unknown key `titel`', 'did you mean `title`?']]);
    // A key that is missing and an unknown key that is not its misspelling are two findings.
    const two = validateDocument({ ...untitled, couleur: 'rouge' }).reports;
    expect(two.map((r) => r.message).sort()).toEqual(['missing required key `title`', 'unknown key `couleur`']);
  });

  it('a node `type` names the five types and suggests the closest, or the one a French word names', () => {
    const logigramme = (type: string) => ({ kind: 'Logigramme', version: 1, id: 'l', title: 'L', pyramid: 'p', stratum: 'S0', start: 'a', nodes: { a: { type, label: 'A' } } });
    expect(validateDocument(logigramme('fin')).reports.map((r) => [r.message, r.hint])).toEqual([
      ['unknown node type `fin`: did you mean `end`?', 'the node types are `start`, `action`, `decision`, `refer`, `end`'],
    ]);
    expect(validateDocument(logigramme('étape')).reports.map((r) => [r.message, r.hint])).toEqual([['unknown node type `étape`', 'the node types are `start`, `action`, `decision`, `refer`, `end`']]);
  });
});
