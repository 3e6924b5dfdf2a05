import { distance } from 'fastest-levenshtein';
import { byCodePoint } from './order.js';

/**
 * The closest candidate to `word`, if it is close enough to be a plausible typo:
 * an edit distance that grows with the word's length (1 up to 3 characters, 2 up to 6, then a third, at most 4),
 * compared case-insensitively so that `s2` suggests `S2`.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  // Short words allow one edit; up to 6 characters two (a swapped pair such as `titel`); longer, a third.
  const limit = word.length <= 3 ? 1 : word.length <= 6 ? 2 : Math.min(4, Math.floor(word.length / 3));
  const byLength = prepared(candidates).byLength;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  // The distance is at least the difference in length: only candidates within `limit` of the
  // word's length can be close enough, which keeps a 1 MB word or 10,000 candidates cheap.
  for (let length = Math.max(0, lower.length - limit); length <= lower.length + limit; length++) {
    for (const { candidate, lower: other } of byLength.get(length) ?? []) {
      if (candidate === word) continue;
      const d = distance(lower, other);
      if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
        best = candidate;
        bestDistance = d;
      }
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
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
  const result = { byLength, head: list.sort(byCodePoint).slice(0, 12), count: list.length };
  // Only arrays are cached: a Set or Map may change between calls, a list given to a check does not.
  if (Array.isArray(candidates)) preparedLists.set(candidates, result);
  return result;
}

/** "did you mean `x`?" or, when nothing is close, the list of what is allowed (shortened). */
export function suggestionHint(word: string, candidates: readonly string[], what = 'value'): string | undefined {
  const match = closest(word, candidates);
  if (match !== undefined) return `did you mean \`${match}\`?`;
  if (candidates.length === 0) return undefined;
  const { head, count } = prepared(candidates);
  const shown = head.map((c) => `\`${c}\``).join(', ');
  return `known ${what}s: ${shown}${count > 12 ? `, … (${count} in all)` : ''}`;
}
