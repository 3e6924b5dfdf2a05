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
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** "did you mean `x`?" or, when nothing is close, the list of what is allowed (shortened). */
export function suggestionHint(word: string, candidates: readonly string[], what = 'value'): string | undefined {
  const match = closest(word, candidates);
  if (match !== undefined) return `did you mean \`${match}\`?`;
  if (candidates.length === 0) return undefined;
  const sorted = [...candidates].sort(byCodePoint);
  const shown = sorted.slice(0, 12).map((c) => `\`${c}\``).join(', ');
  return `known ${what}s: ${shown}${sorted.length > 12 ? `, … (${sorted.length} in all)` : ''}`;
}
