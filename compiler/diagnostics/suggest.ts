/** "Did you mean …?" suggestions by edit distance, used for unknown keys, names and paths. */

/**
 * Levenshtein distance between two strings. A substitution that differs only in letter case costs
 * `caseCost` (default 1: case-sensitive; the template checker passes 0.5 to prefer case slips).
 */
export function editDistance(a: string, b: string, caseCost = 1): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1] ?? '';
      const y = b[j - 1] ?? '';
      const cost = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? caseCost : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidates closest to `word`: those within a distance of about a third of its length
 * (at least 1, at most 3), or equal ignoring case; best first, at most `max`.
 */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const scored: Array<[string, number]> = [];
  for (const c of new Set(candidates)) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (d <= limit) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, max).map(([c]) => c);
}

/** "did you mean `a`?" / "did you mean one of `a`, `b`?" or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const best = closest(word, candidates);
  if (best.length === 0) return undefined;
  if (best.length === 1) return `did you mean \`${best[0]}\`?`;
  return `did you mean one of ${best.map((b) => `\`${b}\``).join(', ')}?`;
}
