/**
 * "Did you mean …?" for template names (functions, fields, variables): the shared edit distance
 * with case slips at half cost, plus prefix matches, phrased "a, b or c".
 */
import { editDistance } from '../diagnostics/suggest.ts';

/** Up to `max` candidates close to `name`, nearest first. */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3) + 1);
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(name, c, 0.5) }))
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
