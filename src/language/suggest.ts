/**
 * The one home of suggestions: "did you mean" for typos (with ties listed together), the list of
 * what is allowed when nothing is close, and the plain-ASCII id an accented id stands for.
 */
import { distance } from 'fastest-levenshtein';
import { t } from '../i18n/catalogue.js';
import { byCodePoint } from './order.js';

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** Ties beyond this many are not listed: "did you mean" must stay a short suggestion. */
const MAX_TIED = 5;

/**
 * Every candidate closest to `word`, if close enough to be a plausible typo: an edit distance
 * that grows with the word's length (1 up to 3 characters, 2 up to 6, then a third, at most 4),
 * compared case-insensitively so that `s2` suggests `S2`. Several when equally close (`S5` is one
 * edit from `S0`, `S1` and `S2`), in code-point order.
 */
export function closestAll(word: string, candidates: Iterable<string>): string[] {
  const lower = word.toLowerCase();
  // Short words allow one edit; up to 6 characters two (a swapped pair such as `titel`); longer, a third.
  const limit = word.length <= 3 ? 1 : word.length <= 6 ? 2 : Math.min(4, Math.floor(word.length / 3));
  const byLength = prepared(candidates).byLength;
  let best: string[] = [];
  let bestDistance = Number.POSITIVE_INFINITY;
  // The distance is at least the difference in length: only candidates within `limit` of the
  // word's length can be close enough, which keeps a 1 MB word or 10,000 candidates cheap.
  for (let length = Math.max(0, lower.length - limit); length <= lower.length + limit; length++) {
    for (const { candidate, lower: other } of byLength.get(length) ?? []) {
      if (candidate === word) continue;
      const d = distance(lower, other);
      if (d < bestDistance) {
        best = [candidate];
        bestDistance = d;
      } else if (d === bestDistance && !best.includes(candidate)) best.push(candidate);
    }
  }
  return bestDistance <= limit ? best.sort(byCodePoint) : [];
}

/** The closest candidate (the first in code-point order when several are equally close). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return closestAll(word, candidates)[0];
}

interface PreparedCandidates {
  /** Candidates by the length of their lower-case form. */
  byLength: Map<number, { candidate: string; lower: string }[]>;
  /** The first 12 in code-point order, and how many there are in all. */
  head: string[];
  count: number;
}

/** Prepared once per list: a document with thousands of broken references asks about the same list each time. */
const preparedLists = new WeakMap<object, PreparedCandidates>();

function prepared(candidates: Iterable<string>): PreparedCandidates {
  const cached = preparedLists.get(candidates as object);
  if (cached) return cached;
  const list = [...candidates];
  const byLength = new Map<number, { candidate: string; lower: string }[]>();
  for (const candidate of list) {
    const lower = candidate.toLowerCase();
    const bucket = byLength.get(lower.length);
    if (bucket) bucket.push({ candidate, lower });
    else byLength.set(lower.length, [{ candidate, lower }]);
  }
  const result = { byLength, head: [...list].sort(byCodePoint).slice(0, 12), count: list.length };
  // Only arrays are cached: a Set or Map may change between calls, a list given to a check does not.
  if (Array.isArray(candidates)) preparedLists.set(candidates, result);
  return result;
}

/**
 * French words an author may write for a value of the language, which is English code
 * (`per: an` for `per: year`): keys without accents, in lower case. Used only when the value it
 * names is one of those allowed where the word was written.
 */
const FRENCH_VALUES: Readonly<Record<string, string>> = {
  an: 'year', ans: 'year', annee: 'year', annees: 'year', annuel: 'year', annuelle: 'year',
  mois: 'month', mensuel: 'month', mensuelle: 'month',
  semaine: 'week', semaines: 'week', hebdomadaire: 'week',
  jour: 'day', jours: 'day', quotidien: 'day', quotidienne: 'day',
  trimestre: 'quarter', trimestres: 'quarter', trimestriel: 'quarter', trimestrielle: 'quarter',
  debut: 'start', depart: 'start', entree: 'start', inclusion: 'start',
  fin: 'end', sortie: 'end',
  orientation: 'refer', adressage: 'refer', adresser: 'refer', orienter: 'refer',
  recommandation: 'guideline', article: 'publication', donnees: 'dataset', rapport: 'report', presse: 'press', estimation: 'estimate', illustratif: 'illustrative',
  stochastique: 'stochastic', esperance: 'expected',
};

/** A word folded for the lookup in FRENCH_VALUES: lower case, accents and ligatures removed. */
function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒæÆ]/g, (c) => LIGATURES[c]!)
    .trim()
    .toLowerCase();
}

/**
 * What "did you mean" offers for `word`: the closest candidates (ties together), else the value a
 * French word names (`an` → `year`) when that value is a candidate.
 */
export function suggestions(word: string, candidates: Iterable<string>): string[] {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  const close = closestAll(word, list);
  if (close.length > 0) return close.slice(0, MAX_TIED);
  const translated = Object.hasOwn(FRENCH_VALUES, foldWord(word)) ? FRENCH_VALUES[foldWord(word)] : undefined;
  return translated !== undefined && translated !== word && list.includes(translated) ? [translated] : [];
}

/** "did you mean `x`?", or "did you mean `a`, `b` or `c`?" for ties; undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const matches = suggestions(word, candidates);
  return matches.length === 0 ? undefined : t('language.suggest.did-you-mean', { options: matches });
}

/** What a list of known names is a list of, in the hints "known …: `a`, `b`". */
export type Thing = 'value' | 'node' | 'stratum' | 'state' | 'actor' | 'source' | 'phase' | 'pyramid' | 'logigramme' | 'territory' | 'program' | 'scenario';

function knownList(what: Thing, shown: string[], more: number): string {
  switch (what) {
    case 'node':
      return t('language.suggest.known-nodes', { shown, more });
    case 'stratum':
      return t('language.suggest.known-strata', { shown, more });
    case 'state':
      return t('language.suggest.known-states', { shown, more });
    case 'actor':
      return t('language.suggest.known-actors', { shown, more });
    case 'source':
      return t('language.suggest.known-sources', { shown, more });
    case 'phase':
      return t('language.suggest.known-phases', { shown, more });
    case 'pyramid':
      return t('language.suggest.known-pyramids', { shown, more });
    case 'logigramme':
      return t('language.suggest.known-logigrammes', { shown, more });
    case 'territory':
      return t('language.suggest.known-territories', { shown, more });
    case 'program':
      return t('language.suggest.known-programs', { shown, more });
    case 'scenario':
      return t('language.suggest.known-scenarios', { shown, more });
    default:
      return t('language.suggest.known-values', { shown, more });
  }
}

/** "did you mean `x`?" or, when nothing is close, the list of what is allowed (shortened). */
export function suggestionHint(word: string, candidates: readonly string[], what: Thing = 'value'): string | undefined {
  const match = didYouMean(word, candidates);
  if (match !== undefined) return match;
  if (candidates.length === 0) return undefined;
  const { head, count } = prepared(candidates);
  return knownList(what, head, count > 12 ? count : 0);
}

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * The id an author most likely meant by a text that is not a valid id: accents folded (`é` → `e`,
 * by canonical decomposition without the combining marks), `œ` → `oe`, `æ` → `ae`, spaces and
 * apostrophes → `-`, and any other character an id cannot hold left out. Undefined when nothing
 * valid remains, or when the text is already a valid id.
 */
export function asciiId(text: string): string | undefined {
  if (ID_SHAPE.test(text)) return undefined;
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c]!)
    .trim()
    .replace(/[\s'’]+/g, '-')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/^[^A-Za-z0-9]+/, '');
  return ID_SHAPE.test(folded) ? folded : undefined;
}
