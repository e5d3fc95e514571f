/** "Did you mean …?" suggestions by edit distance. */

/** Levenshtein distance (case-insensitive differences cost 1, like any other). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0.5 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** Up to `max` candidates close to `name`, nearest first. */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3) + 1);
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(name, c) }))
    .filter((x) => x.d <= limit || x.c.toLowerCase().startsWith(name.toLowerCase()) || name.toLowerCase().startsWith(x.c.toLowerCase()))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((x) => x.c);
}

/** "did you mean a, b or c?" or undefined. */
export function didYouMean(items: readonly string[]): string | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1) return `did you mean ${items[0]}?`;
  return `did you mean ${items.slice(0, -1).join(', ')} or ${items.at(-1)}?`;
}
