/**
 * Hints that help (issue 13): ties in "did you mean" listed together, French words for the values
 * of the language, and the unaccented id an accented one stands for. Expected values are worked
 * out by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { asciiId, closest, closestAll, didYouMean, suggestionHint, suggestions } from '../../src/language/suggest.js';

afterEach(() => setLanguage('en'));

describe('closestAll and closest', () => {
  it('lists every candidate equally close: `S5` is one edit from S0, S1 and S2', () => {
    expect(closestAll('S5', ['S2', 'S0', 'S1', 'deces'])).toEqual(['S0', 'S1', 'S2']);
    expect(closest('S5', ['S2', 'S0', 'S1', 'deces'])).toBe('S0');
  });

  it('keeps one candidate when one is closer, and compares without case', () => {
    // `lbel` is one edit from `label`, two from `lable`.
    expect(closestAll('lbel', ['label', 'lable', 'next'])).toEqual(['label']);
    expect(closestAll('s2', ['S2', 'S3'])).toEqual(['S2']);
  });

  it('offers nothing beyond the limit (one edit for three characters or fewer)', () => {
    expect(closestAll('abc', ['xyz', 'axz'])).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('names ties together, in English and in French', () => {
    expect(didYouMean('S5', ['S0', 'S1', 'S2'])).toBe('did you mean `S0`, `S1` or `S2`?');
    expect(didYouMean('S5', ['S0', 'S1'])).toBe('did you mean `S0` or `S1`?');
    setLanguage('fr');
    expect(didYouMean('S5', ['S0', 'S1', 'S2'])).toBe('vouliez-vous dire `S0`, `S1` ou `S2` ?');
    expect(didYouMean('nxt', ['next', 'label'])).toBe('vouliez-vous dire `next` ?');
  });

  it('reads French words for the values of the language, only where that value is allowed', () => {
    const periods = ['day', 'week', 'month', 'quarter', 'year'];
    expect(suggestions('an', periods)).toEqual(['year']);
    expect(suggestions('Année', periods)).toEqual(['year']);
    expect(suggestions('mois', periods)).toEqual(['month']);
    expect(suggestions('semaine', periods)).toEqual(['week']);
    expect(suggestions('jour', periods)).toEqual(['day']);
    expect(suggestions('trimestre', periods)).toEqual(['quarter']);
    // `cycle` allows year, quarter and month: `semaine` names none of them.
    expect(suggestions('semaine', ['year', 'quarter', 'month'])).toEqual([]);
    expect(suggestions('fin', ['start', 'action', 'decision', 'refer', 'end'])).toEqual(['end']);
  });

  it('a list of what is known when nothing is close, per kind of thing, in both languages', () => {
    expect(suggestionHint('hospitalisation', ['inclusion', 'choix', 'fin'], 'node')).toBe('known nodes: `choix`, `fin`, `inclusion`');
    expect(suggestionHint('zzz', ['S0', 'S1'], 'stratum')).toBe('known strata: `S0`, `S1`');
    setLanguage('fr');
    expect(suggestionHint('hospitalisation', ['inclusion', 'choix', 'fin'], 'node')).toBe('nœuds connus : `choix`, `fin`, `inclusion`');
    expect(suggestionHint('zzz', ['S0', 'S1'], 'stratum')).toBe('strates connues : `S0`, `S1`');
  });

  it('cuts a long list after 12, saying how many there are', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `acteur-${String(i).padStart(2, '0')}`);
    expect(suggestionHint('zzzzzzzzzzzzzzzz', ids, 'actor')).toBe(`known actors: ${ids.slice(0, 12).map((id) => `\`${id}\``).join(', ')}, … (20 in all)`);
  });
});

describe('asciiId', () => {
  it.each([
    ['étape-1', 'etape-1'],
    ['mon-s1-dépistage', 'mon-s1-depistage'],
    ['Évaluation', 'Evaluation'],
    ['cœur', 'coeur'],
    ['ex-æquo', 'ex-aequo'],
    ['fond d’œil', 'fond-d-oeil'],
    ["fond d'œil", 'fond-d-oeil'],
    ['mon diabète', 'mon-diabete'],
    ['  suivi annuel ', 'suivi-annuel'],
    ['_brouillon', 'brouillon'],
    ['Straße', 'Strasse'],
  ])('%s → %s', (text, id) => {
    expect(asciiId(text)).toBe(id);
  });

  it('gives nothing for a valid id, or when nothing valid remains', () => {
    expect(asciiId('etape-1')).toBeUndefined();
    expect(asciiId('')).toBeUndefined();
    expect(asciiId('→ ←')).toBeUndefined();
  });
});
